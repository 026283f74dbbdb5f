"""Error analysis: every error of a run, sorted into one kind, with its place in the article.

Kinds:
  - missed: a gold fact (or mention) nothing accounts for;
  - spurious: a prediction that matches nothing;
  - wrong_value: the mention or fact was found but its canonical value differs
    (a near miss: the right month but not the day, the right count with
    another qualifier, an alias not resolved);
  - wrong_boundary: same type and value, but the span overlaps the gold span
    without being equal (mention level only);
  - wrong_type: a prediction of another type in the gold's place.

Level. When every prediction carries offsets the analysis is at mention level:
gold mentions and predictions are aligned by :func:`bench.scoring.mention_level.align` under
the type scheme (overlap; same type preferred), and a pair is wrong_type if
the types differ, else wrong_value if the values differ, else wrong_boundary
if the spans differ. Otherwise it is at fact level, on the distinct facts
that :mod:`bench.scoring.fact_level` counts: after the matches of the score's mode, the
facts left in a document are paired one-to-one by :func:`similarity`,
closest first, same type before other types; a same-type pair is wrong_value,
a cross-type pair wrong_type, the rest missed or spurious.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from bench.facts import Count, Fact, Official, Value, value_to_json
from bench.normalize.aliases import AliasTable, date_precision, fold
from bench.scoring.fact_level import check_mode, fact_outcomes, lenient_distance

KINDS = ("missed", "spurious", "wrong_value", "wrong_boundary", "wrong_type")
_FILLER = {"of", "the", "and", "for", "u", "s", "us"}


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """One error; ``type`` is the gold fact's type, or the prediction's when there is no gold side."""

    kind: str
    level: str
    doc_id: str
    type: str
    gold_value: Value | None = None
    predicted_value: Value | None = None
    predicted_type: str | None = None
    gold_text: str | None = None
    predicted_text: str | None = None
    start: int | None = None
    end: int | None = None
    context: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {name: getattr(self, name) for name in self.__slots__}
        out["gold_value"] = None if self.gold_value is None else value_to_json(self.gold_value)
        out["predicted_value"] = None if self.predicted_value is None else value_to_json(self.predicted_value)
        return out


def context_window(text: str, start: int, end: int, width: int = 60) -> str:
    """The mention in ``[[ ]]`` with up to ``width`` characters either side, on one line.

    >>> context_window("It opened on 3 May in Lyon.", 13, 18, width=5)
    '…d on [[3 May]] in L…'
    """
    before, after = text[max(0, start - width):start], text[end:end + width]
    line = ("…" if start > width else "") + before + "[[" + text[start:end] + "]]" + after
    return " ".join((line + ("…" if end + width < len(text) else "")).split())


def _tokens(value: Value) -> set[str]:
    name = value.name if isinstance(value, Official) else value
    return set(fold(name).split()) - _FILLER


def similarity(gold: Value, predicted: Value) -> float:
    """How near a wrong value is to a gold value: 0 unrelated, up to 1.

    >>> similarity("2024-07-20", "2024-07-21"), similarity(Count(40, "lt", "users"), Count(40, "eq", "users"))
    (0.6, 0.9)
    >>> similarity("Alex Morgan", "Morgan"), similarity("2024-07-20", "Bureau of Maps")
    (0.7, 0.0)
    """
    if isinstance(gold, Count) or isinstance(predicted, Count):
        if not (isinstance(gold, Count) and isinstance(predicted, Count)):
            return 0.0
        if gold.count == predicted.count:
            return 0.9
        close = abs(gold.count - predicted.count) <= 0.1 * max(gold.count, predicted.count)
        return 0.5 if close and (gold.qualifier, gold.unit) == (predicted.qualifier, predicted.unit) else 0.0
    dates = [isinstance(v, str) and date_precision(v) is not None for v in (gold, predicted)]
    if any(dates):
        if not all(dates):
            return 0.0
        if lenient_distance("date", gold, predicted) is not None:
            return 0.9
        return 0.6 if gold[:7] == predicted[:7] and "W" not in gold + predicted else 0.3 if gold[:4] == predicted[:4] else 0.0
    if isinstance(gold, Official) and isinstance(predicted, Official) and gold.name == predicted.name:
        return 0.9
    left, right = _tokens(gold), _tokens(predicted)
    if not left or not right:
        return 0.0
    shared = len(left & right) / len(left | right)
    return max(shared, 0.7) if shared and (left <= right or right <= left) else shared


def _record(kind: str, level: str, gold: Fact | None, predicted: Fact | None,
            gold_value: Value | None, predicted_value: Value | None, texts: Mapping[str, str]) -> ErrorRecord:
    anchor = gold if gold is not None else predicted
    text, start, end = texts.get(anchor.doc_id), anchor.start, anchor.end
    if start is None and text is not None and anchor.text and anchor.text in text:
        start = text.index(anchor.text)
        end = start + len(anchor.text)
    return ErrorRecord(
        kind, level, anchor.doc_id, anchor.type, gold_value, predicted_value,
        predicted.type if predicted is not None else None,
        gold.text if gold is not None else None, predicted.text if predicted is not None else None,
        start, end, context_window(text, start, end) if text is not None and start is not None else None,
    )


def _mention_errors(gold: list[Fact], predicted: list[Fact], texts, aliases: AliasTable, mode: str) -> list[ErrorRecord]:
    # imported here: a fact-level run (the default) never loads the mention modules (8 ms)
    from bench.scoring.mention_level import align

    alignment = align(gold, predicted, "type", aliases)
    records = [_record("missed", "mention", g, None, aliases.canonical_value(g.type, g.value), None, texts)
               for g in alignment.missed]
    records += [_record("spurious", "mention", None, p, None, aliases.canonical_value(p.type, p.value), texts)
                for p in alignment.spurious]
    for pair in alignment.pairs:
        g, p = pair.gold, pair.predicted
        gv, pv = aliases.canonical_value(g.type, g.value), aliases.canonical_value(p.type, p.value)
        same = gv == pv or (mode == "lenient" and g.type == p.type and lenient_distance(g.type, gv, pv) is not None)
        kind = ("wrong_type" if g.type != p.type else "wrong_value" if not same
                else "wrong_boundary" if (g.start, g.end) != (p.start, p.end) else None)
        if kind:
            records.append(_record(kind, "mention", g, p, gv, pv, texts))
    return records


def _first_mentions(facts: Iterable[Fact], aliases: AliasTable) -> dict[tuple, Fact]:
    """Each distinct fact key with its earliest mention (the one quoted in the listing)."""
    first: dict[tuple, Fact] = {}
    for fact in sorted(facts, key=lambda f: (f.start is None, f.start or 0, f.end or 0, f.text or "", repr(f.value))):
        first.setdefault((fact.doc_id, fact.type, aliases.canonical_value(fact.type, fact.value)), fact)
    return first


def _near_pairs(gold_keys: list[tuple], pred_keys: list[tuple], same_type: bool) -> list[tuple[tuple, tuple]]:
    candidates = []
    for g in gold_keys:
        for p in pred_keys:
            if (g[1] == p[1]) == same_type:
                score = similarity(g[2], p[2])
                if score > 0:
                    candidates.append((-score, repr(g), repr(p), g, p))
    candidates.sort(key=lambda c: c[:3])
    used_gold, used_pred, pairs = set(), set(), []
    for *_, g, p in candidates:
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return pairs


def _fact_errors(gold: list[Fact], predicted: list[Fact], texts, aliases: AliasTable, mode: str) -> list[ErrorRecord]:
    gold_first, pred_first = _first_mentions(gold, aliases), _first_mentions(predicted, aliases)
    left: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
    for outcome in fact_outcomes(set(gold_first), set(pred_first), mode):
        if outcome.kind != "tp":
            side = 0 if outcome.kind == "fn" else 1
            left[outcome.doc_id][side].append((outcome.doc_id, outcome.type, outcome.gold if side == 0 else outcome.predicted))
    records = []
    for gold_keys, pred_keys in left.values():
        for same_type, kind in ((True, "wrong_value"), (False, "wrong_type")):
            for g, p in _near_pairs(gold_keys, pred_keys, same_type):
                records.append(_record(kind, "fact", gold_first[g], pred_first[p], g[2], p[2], texts))
                gold_keys.remove(g)
                pred_keys.remove(p)
        records += [_record("missed", "fact", gold_first[g], None, g[2], None, texts) for g in gold_keys]
        records += [_record("spurious", "fact", None, pred_first[p], None, p[2], texts) for p in pred_keys]
    return records


def analyze(
    gold: Iterable[Fact], predicted: Iterable[Fact], texts: Mapping[str, str],
    aliases: AliasTable | None = None, mode: str = "strict", level: str = "auto",
) -> list[ErrorRecord]:
    """Every error of a run, sorted by document, position and kind.

    Args:
        texts: document id -> article text, for the context windows.
        mode: the fact-level mode whose matches are not errors ("strict" or "lenient").
        level: "mention", "fact", or "auto" (mention level when every prediction has offsets).

    >>> text = "Staff fell to 40 on 3 May."
    >>> gold = [Fact("d", "date", "2024-05-03", "3 May", 20, 25)]
    >>> [e.kind for e in analyze(gold, [Fact("d", "date", "2024-05-04", "3 May", 20, 25)], {"d": text})]
    ['wrong_value']
    >>> [(e.kind, e.context) for e in analyze(gold, [], {"d": text})]
    [('missed', 'Staff fell to 40 on [[3 May]].')]
    """
    check_mode(mode)
    gold, predicted, aliases = list(gold), list(predicted), aliases or AliasTable()
    if level == "auto":
        level = "mention" if predicted and all(p.has_span for p in predicted) else "fact"
    if level not in ("mention", "fact"):
        raise ValueError(f"level must be auto, mention or fact, not {level!r}")
    errors = (_mention_errors if level == "mention" else _fact_errors)(gold, predicted, texts, aliases, mode)
    return sorted(errors, key=lambda e: (e.doc_id, e.start is None, e.start or 0, e.end or 0, KINDS.index(e.kind),
                                         e.type, repr(e.gold_value), repr(e.predicted_value)))
