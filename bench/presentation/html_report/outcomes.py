"""What each run got right and wrong in each article, at the level of its scores.

Fact level: the unit is a distinct fact (document, type, canonical value),
as :mod:`bench.scoring.fact_level` counts it. A gold fact is found unless the
results' error list names it (missed, wrong value, wrong type); each error
with a predicted side is one false positive. So per article TP = gold facts
- gold-side errors, FN = gold-side errors, FP = predicted-side errors, and
the sums over the articles are the score table's micro counts.

Mention level: gold mentions and predictions with offsets are aligned under
the results' scheme (:func:`bench.scoring.mention_level.align`); a correct
pair is a TP, a partial pair half a TP and half an error on each side, an
incorrect pair a FN and a FP, as the scores count them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bench.data.gold import Gold
from bench.facts import Count, Fact, Official, Value, value_from_json, value_to_json
from bench.presentation.html_report.runs import Run
from bench.scoring.mention_level import align

GOLD_SIDE = ("missed", "wrong_value", "wrong_type")
PREDICTED_SIDE = ("spurious", "wrong_value", "wrong_type")


def show_value(value: Value | None) -> str:
    """A normalized value for people.

    >>> show_value(Count(50, "lt", "employees")), show_value(Official("A. Bee", "Minister"))
    ('lt 50 employees', 'A. Bee (Minister)')
    """
    if value is None:
        return "–"
    if isinstance(value, Count):
        return f"{value.qualifier} {value.count:,} {value.unit}"
    if isinstance(value, Official):
        return f"{value.name} ({value.title})"
    return value


def show_json(fact_type: str, raw: Any) -> str:
    """A value from a results file for people; one that does not fit its type is shown as its JSON.

    >>> show_json("headcount", {"count": 3, "qualifier": "eq", "unit": "users"}), show_json("headcount", "3")
    ('eq 3 users', '"3"')
    """
    if raw is None:
        return "–"
    try:
        shown = show_value(value_from_json(fact_type, raw))
    except (KeyError, TypeError, ValueError):
        shown = None
    return shown if isinstance(shown, str) else json.dumps(raw, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True, slots=True)
class Note:
    """One run's outcome worth showing at a place in the text: an error, a partial match, a value that differs."""

    run: int
    kind: str
    fact_type: str
    detail: str
    start: int | None = None
    end: int | None = None
    on_gold: bool = True


@dataclass(frozen=True, slots=True)
class Tally:
    tp: float = 0.0
    fp: float = 0.0
    fn: float = 0.0


@dataclass(frozen=True, slots=True)
class FactRow:
    """A fact of the article's list: gold (with its mentions) or predicted only; the runs that got it wrong."""

    fact_type: str
    value: str
    text: str
    in_gold: bool
    notes: tuple[Note, ...] = ()


@dataclass(slots=True)
class ArticleView:
    """Everything the article section needs about one document, for every run."""

    doc_id: str
    tallies: dict[int, Tally] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    predicted_spans: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, run)
    facts: list[FactRow] = field(default_factory=list)
    failures: dict[int, str] = field(default_factory=dict)

    def has_errors(self) -> bool:
        return bool(self.failures) or any(t.fp or t.fn for t in self.tallies.values())


def _key(fact_type: str, value_json: Any) -> tuple[str, str]:
    return fact_type, json.dumps(value_json, sort_keys=True, ensure_ascii=False)


def _detail(kind: str, error: dict, predicted: dict[tuple[str, str], Fact]) -> str:
    """What the run predicted, as it wrote it (the results hold the canonical, folded value)."""
    if kind == "missed":
        return ""
    predicted_type = error.get("predicted_type") or error["type"]
    key = _key(predicted_type, error.get("predicted_value"))
    shown = show_value(predicted[key].value) if key in predicted else show_json(predicted_type, error.get("predicted_value"))
    return shown if kind == "wrong_value" else f"{predicted_type}: {shown}"


def _by_key(facts: Sequence[Fact], gold: Gold) -> dict[tuple[str, str], Fact]:
    """Each distinct predicted fact's first mention, by fact key."""
    first: dict[tuple[str, str], Fact] = {}
    for fact in sorted(facts, key=lambda f: (f.start is None, f.start or 0, f.end or 0)):
        first.setdefault(_key(fact.type, value_to_json(gold.aliases.canonical_value(fact.type, fact.value))), fact)
    return first


def _gold_mentions(gold: Gold, doc_id: str) -> dict[tuple[str, str], list[Fact]]:
    by_key: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in sorted(gold.facts_of(doc_id), key=lambda f: (f.start is None, f.start or 0, f.end or 0)):
        by_key[_key(fact.type, value_to_json(gold.aliases.canonical_value(fact.type, fact.value)))].append(fact)
    return by_key


def _anchor(mentions: Sequence[Fact], error: dict) -> Fact | None:
    return next((m for m in mentions if m.start == error.get("start")), mentions[0] if mentions else None)


def _fact_level(view: ArticleView, gold: Gold, runs: Sequence[Run], predictions: Sequence[dict[str, list[Fact]]]) -> None:
    mentions = _gold_mentions(gold, view.doc_id)
    gold_notes: dict[tuple[str, str], list[Note]] = defaultdict(list)
    spurious: dict[tuple[str, str], tuple[Fact | None, list[Note]]] = {}
    for index, run in enumerate(runs):
        errors = [e for e in run.results.errors if e["doc_id"] == view.doc_id]
        first = _by_key(predictions[index].get(view.doc_id, []), gold)
        wrong = {_key(e.get("predicted_type") or e["type"], e.get("predicted_value")) for e in errors
                 if e["kind"] in PREDICTED_SIDE}
        for error in errors:
            kind = error["kind"]
            if kind in GOLD_SIDE:
                key = _key(error["type"], error.get("gold_value"))
                anchor = _anchor(mentions.get(key, []), error)
                gold_notes[key].append(Note(index, kind, error["type"], _detail(kind, error, first),
                                            anchor and anchor.start, anchor and anchor.end))
            elif kind == "spurious":
                key = _key(error["type"], error.get("predicted_value"))
                note = Note(index, kind, error["type"], _detail(kind, error, first), error.get("start"), error.get("end"), False)
                spurious.setdefault(key, (first.get(key), []))[1].append(note)
                view.notes.append(note)
        view.notes += [note for notes in gold_notes.values() for note in notes if note.run == index]
        view.predicted_spans += [(f.start, f.end, index) for f in predictions[index].get(view.doc_id, [])
                                 if f.has_span and _key(f.type, value_to_json(gold.aliases.canonical_value(f.type, f.value))) in wrong]
        fn = sum(e["kind"] in GOLD_SIDE for e in errors)
        view.tallies[index] = Tally(len(mentions) - fn, sum(e["kind"] in PREDICTED_SIDE for e in errors), fn)
    for key, facts in mentions.items():
        view.facts.append(FactRow(key[0], show_value(facts[0].value), facts[0].text or "", True, tuple(gold_notes.get(key, ()))))
    extra = sorted(spurious.items(), key=lambda item: (item[1][1][0].start is None, item[1][1][0].start or 0, item[0]))
    for (fact_type, raw), (fact, notes) in extra:
        shown = show_value(fact.value) if fact is not None else show_json(fact_type, json.loads(raw))
        view.facts.append(FactRow(fact_type, shown, (fact and fact.text) or "", False, tuple(notes)))


def _values_differ(pair, gold: Gold) -> bool:
    g, p = pair.gold, pair.predicted
    return gold.aliases.canonical_value(g.type, g.value) != gold.aliases.canonical_value(p.type, p.value)


def _pair_note(index: int, pair, gold: Gold) -> Note | None:
    g, p = pair.gold, pair.predicted
    if pair.outcome == "correct":
        kind = "value_differs" if g.type == p.type and _values_differ(pair, gold) else None
    else:
        kind = "partial" if pair.outcome == "partial" else "wrong_type" if g.type != p.type else "wrong_boundary"
    if kind is None:
        return None
    quoted = f"“{p.text}”" if p.text else show_value(p.value)
    detail = {"value_differs": show_value(p.value), "wrong_type": f"{p.type}: {quoted}"}.get(kind, quoted)
    return Note(index, kind, g.type, detail, g.start, g.end)


def _mention_level(view: ArticleView, gold: Gold, runs: Sequence[Run], predictions: Sequence[dict[str, list[Fact]]]) -> None:
    gold_facts = gold.facts_of(view.doc_id)
    for index, run in enumerate(runs):
        spanned = [p for p in predictions[index].get(view.doc_id, []) if p.has_span]
        alignment = align(gold_facts, spanned, run.results.level, gold.aliases)
        view.notes += [Note(index, "missed", g.type, "", g.start, g.end) for g in alignment.missed]
        view.notes += [Note(index, "spurious", p.type, f"{p.type}: {show_value(p.value)}", p.start, p.end, False)
                       for p in alignment.spurious]
        view.predicted_spans += [(p.start, p.end, index) for p in alignment.spurious]
        outcomes = defaultdict(int)
        for pair in alignment.pairs:
            outcomes[pair.outcome] += 1
            note = _pair_note(index, pair, gold)
            if note is not None:
                view.notes.append(note)
            if pair.outcome != "correct":
                view.predicted_spans.append((pair.predicted.start, pair.predicted.end, index))
        wrong, half = outcomes["incorrect"], 0.5 * outcomes["partial"]
        view.tallies[index] = Tally(outcomes["correct"] + half, len(alignment.spurious) + wrong + half,
                                    len(alignment.missed) + wrong + half)


def article_views(gold: Gold, runs: Sequence[Run]) -> list[ArticleView]:
    """One view per gold article, in gold order."""
    predictions: list[dict[str, list[Fact]]] = []
    for run in runs:
        grouped: dict[str, list[Fact]] = defaultdict(list)
        for raw in run.results.predictions:
            grouped[raw["doc_id"]].append(Fact.from_dict(raw))
        predictions.append(grouped)
    level = runs[0].results.level if runs else "fact"
    views = []
    for document in gold.documents:
        view = ArticleView(document.id)
        (_fact_level if level == "fact" else _mention_level)(view, gold, runs, predictions)
        view.failures = {i: d.failure for i, run in enumerate(runs) for d in run.results.documents
                         if d.doc_id == document.id and d.failure}
        views.append(view)
    return views
