"""What each run got right and wrong in each article, read from the scorer's outcomes of the run.

Each run's predictions are scored again into their outcomes
(:mod:`bench.scoring.outcomes`), as ``bench compare`` does: the report reads
pairs, credits and error kinds there and aligns nothing itself.

Fact level: the unit is a distinct fact (document, type, canonical value),
as :mod:`bench.scoring.fact_level` counts it. The notes are the errors that
error analysis reads from the outcomes (missed, wrong value, wrong type on a
gold fact; spurious on a prediction), and each article's TP, FP and FN are
the outcomes' counts, so their sums over the articles are the score table's
micro counts.

Mention level: the alignment of the results' scheme; a correct pair is a TP,
a partial pair half a TP and half an error on each side, an incorrect pair a
FN and a FP, as the scores count them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from bench.data.gold import Gold
from bench.facts import Count, Fact, GoldMention, Official, Value, value_from_json, value_to_json
from bench.presentation.html_report.runs import Run
from bench.scoring.error_analysis import ErrorRecord, fact_errors, first_mentions
from bench.scoring.fact_level import fact_outcomes
from bench.scoring.outcomes import Alignment, Key, Pair

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


def _key(fact_type: str, value: Value) -> tuple[str, str]:
    """A fact's type and canonical value, the value as JSON text: a key that sorts whatever the value's class."""
    return fact_type, json.dumps(value_to_json(value), sort_keys=True, ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class _FactRun:
    """One run at fact level: its errors and counts by document, and each predicted fact key's first mention."""

    errors: dict[str, list[ErrorRecord]]
    first: dict[Key, Fact]
    tallies: dict[str, Tally]


def _fact_runs(gold: Gold, predictions: Sequence[dict[str, list[Fact]]], runs: Sequence[Run]) -> list[_FactRun]:
    texts = {doc.id: doc.text for doc in gold.documents}
    gold_first = first_mentions(gold.facts, gold.aliases)
    found = []
    for run, predicted in zip(runs, predictions):
        first = first_mentions((fact for facts in predicted.values() for fact in facts), gold.aliases)
        outcomes = fact_outcomes(set(gold_first), set(first), run.results.mode)
        errors: dict[str, list[ErrorRecord]] = defaultdict(list)
        for error in fact_errors(outcomes, gold_first, first, texts):
            errors[error.doc_id].append(error)
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for (doc_id, _), cell in outcomes.counts().items():
            counts[doc_id] = [total + n for total, n in zip(counts[doc_id], cell)]
        found.append(_FactRun(errors, first, {doc_id: Tally(*cell) for doc_id, cell in counts.items()}))
    return found


def _detail(error: ErrorRecord, first: dict[Key, Fact]) -> str:
    """What the run predicted, as it wrote it (the outcomes hold the canonical, folded value)."""
    if error.kind == "missed":
        return ""
    shown = show_value(first[error.predicted_key].value)
    return shown if error.kind == "wrong_value" else f"{error.predicted_type}: {shown}"


def _gold_mentions(gold: Gold, doc_id: str) -> dict[tuple[str, str], list[GoldMention]]:
    by_key: dict[tuple[str, str], list[GoldMention]] = defaultdict(list)
    for fact in sorted(gold.facts_of(doc_id), key=lambda f: f.span):
        by_key[_key(fact.type, gold.aliases.canonical_value(fact.type, fact.value))].append(fact)
    return by_key


def _anchor(mentions: Sequence[GoldMention], error: ErrorRecord) -> GoldMention | None:
    return next((m for m in mentions if m.start == error.start), mentions[0] if mentions else None)


def _fact_level(view: ArticleView, gold: Gold, fact_runs: Sequence[_FactRun],
                predictions: Sequence[dict[str, list[Fact]]]) -> None:
    mentions = _gold_mentions(gold, view.doc_id)
    gold_notes: dict[tuple[str, str], list[Note]] = defaultdict(list)
    spurious: dict[tuple[str, str], tuple[Fact, list[Note]]] = {}
    for index, run in enumerate(fact_runs):
        errors = run.errors.get(view.doc_id, [])
        wrong = {_key(*e.predicted_key[1:]) for e in errors if e.kind in PREDICTED_SIDE}
        for error in errors:
            if error.kind in GOLD_SIDE:
                key = _key(*error.gold_key[1:])
                anchor = _anchor(mentions.get(key, []), error)
                gold_notes[key].append(Note(index, error.kind, error.type, _detail(error, run.first),
                                            *(anchor.span if anchor is not None else (None, None))))
            elif error.kind == "spurious":
                note = Note(index, error.kind, error.type, _detail(error, run.first), error.start, error.end, False)
                fact = run.first[error.predicted_key]
                spurious.setdefault(_key(*error.predicted_key[1:]), (fact, []))[1].append(note)
                view.notes.append(note)
        view.notes += [note for notes in gold_notes.values() for note in notes if note.run == index]
        view.predicted_spans += [(*f.span, index) for f in predictions[index].get(view.doc_id, [])
                                 if f.has_span and _key(f.type, gold.aliases.canonical_value(f.type, f.value)) in wrong]
        view.tallies[index] = run.tallies.get(view.doc_id, Tally(0, 0, 0))
    for key, facts in mentions.items():
        view.facts.append(FactRow(key[0], show_value(facts[0].value), facts[0].text, True,
                                  tuple(gold_notes.get(key, ()))))
    extra = sorted(spurious.items(), key=lambda item: (item[1][1][0].start is None, item[1][1][0].start or 0, item[0]))
    for (fact_type, _), (fact, spurious_notes) in extra:
        view.facts.append(FactRow(fact_type, show_value(fact.value), fact.text or "", False, tuple(spurious_notes)))


def _values_differ(pair: Pair[GoldMention, Fact], gold: Gold) -> bool:
    g, p = pair.gold, pair.predicted
    return gold.aliases.canonical_value(g.type, g.value) != gold.aliases.canonical_value(p.type, p.value)


def _pair_note(index: int, pair: Pair[GoldMention, Fact], gold: Gold) -> Note | None:
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


def _by_document(alignment: Alignment[GoldMention, Fact]) -> dict[str, Alignment[GoldMention, Fact]]:
    """One run's alignment cut into its documents' (alignment never crosses documents)."""
    parts: dict[str, tuple[list, list, list]] = defaultdict(lambda: ([], [], []))
    for pair in alignment.pairs:
        parts[pair.gold.doc_id][0].append(pair)
    for side, facts in ((1, alignment.missed), (2, alignment.spurious)):
        for fact in facts:
            parts[fact.doc_id][side].append(fact)
    return {doc_id: Alignment(*map(tuple, lists)) for doc_id, lists in parts.items()}


def _mention_runs(gold: Gold, predictions: Sequence[dict[str, list[Fact]]], runs: Sequence[Run]) -> list[dict]:
    """Each run's alignment under its results' scheme, by document."""
    from bench.scoring.mention_level import mention_outcomes

    return [_by_document(mention_outcomes(gold.facts, [f for facts in predicted.values() for f in facts],
                                          gold.aliases, run.results.mode).schemes[run.results.level])
            for run, predicted in zip(runs, predictions)]


def _mention_level(view: ArticleView, gold: Gold,
                   alignments: Sequence[dict[str, Alignment[GoldMention, Fact]]]) -> None:
    for index, by_document in enumerate(alignments):
        alignment = by_document.get(view.doc_id, Alignment())
        view.notes += [Note(index, "missed", g.type, "", g.start, g.end) for g in alignment.missed]
        view.notes += [Note(index, "spurious", p.type, f"{p.type}: {show_value(p.value)}", p.start, p.end, False)
                       for p in alignment.spurious]
        view.predicted_spans += [(*p.span, index) for p in alignment.spurious]
        for pair in alignment.pairs:
            note = _pair_note(index, pair, gold)
            if note is not None:
                view.notes.append(note)
            if pair.outcome != "correct":
                view.predicted_spans.append((*pair.predicted.span, index))
        view.tallies[index] = Tally(alignment.credit, alignment.false_positives, alignment.false_negatives)


def article_views(gold: Gold, runs: Sequence[Run], documents: Collection[str] | None = None) -> dict[str, ArticleView]:
    """A view of each gold article in ``documents`` (default: every one), by document id, in gold order.

    Only those articles' gold and predictions are scored again: a page showing a few of thousands stays fast.
    """
    wanted = {doc.id for doc in gold.documents} if documents is None else set(documents)
    part = replace(gold, documents=tuple(d for d in gold.documents if d.id in wanted),
                   facts=tuple(f for f in gold.facts if f.doc_id in wanted))
    predictions: list[dict[str, list[Fact]]] = []
    for run in runs:
        grouped: dict[str, list[Fact]] = defaultdict(list)
        for raw in run.results.predictions:
            if raw["doc_id"] in wanted:
                grouped[raw["doc_id"]].append(Fact.from_dict(raw))
        predictions.append(grouped)
    level = runs[0].results.level if runs else "fact"
    fact_runs = _fact_runs(part, predictions, runs) if level == "fact" else []
    alignments = _mention_runs(part, predictions, runs) if level != "fact" else []
    failures = [{d.doc_id: d.failure for d in run.results.documents if d.failure} for run in runs]
    views = {}
    for document in part.documents:
        view = ArticleView(document.id)
        if level == "fact":
            _fact_level(view, part, fact_runs, predictions)
        else:
            _mention_level(view, part, alignments)
        view.failures = {i: failed[document.id] for i, failed in enumerate(failures) if document.id in failed}
        views[document.id] = view
    return views
