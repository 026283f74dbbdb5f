"""Fact-level scoring: precision, recall and F1 per fact type, micro and macro.

Unit. Per document, the gold facts are the distinct ``fact_key`` values
(doc id, type, canonical value through the alias table); predictions are
deduplicated the same way, so repeating a fact earns nothing and finding it
once loses nothing.

Modes. ``strict``: a prediction matches a gold fact with the same canonical
value. ``lenient``: after the exact matches, the remaining facts of one
document and type are paired one-to-one, greedily, where:
  - two dates match when one contains the other at a coarser precision,
    either way round (year, month, day by prefix: "2024-07" and
    "2024-07-20"), or a week "YYYY-Www" and a day inside that week (a week
    never matches a year or a month);
  - two counts match with the same count and unit, whatever the qualifiers;
  - two officials match with the same name, whatever the titles;
  - agencies match only as in strict mode.
Closest pairs go first (fewest precision steps apart: a month with a day
before a year with that day), ties by value order: the pairing is
deterministic.

Zero division. P = TP / (TP + FP), R = TP / (TP + FN), F1 = 2TP / (2TP + FP + FN).
A ratio whose denominator is 0 is undefined (None, shown "–"), never a silent
0 or 1: P without predictions, R without gold, F1 only with neither. So a
type with gold but no predictions has R = 0, F1 = 0 and no P; a type with
predictions but no gold has P = 0, F1 = 0 and no R.

Macro average: for each metric, the unweighted mean over the fact types where
that metric is defined (so a type with no gold and no predictions is left
out; one with gold and no predictions counts in R and F1 but not P). This is
scikit-learn's ``average="macro"`` with ``zero_division=nan``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from bench.facts import (
    FACT_TYPES,
    Count,
    Fact,
    Official,
    Value,
    value_from_json,
    value_to_json,
)
from bench.normalize.aliases import AliasTable, date_precision, fact_key

MODES = ("strict", "lenient")
Key = tuple[str, str, Value]
_DOC_TYPE = itemgetter(0, 1)


def check_mode(mode: str) -> None:
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")


def _ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


@dataclass(frozen=True, slots=True)
class PRF:
    """True positives, false positives, false negatives; P, R and F1 derived (None when 0/0)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def __add__(self, other: "PRF") -> "PRF":
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "support": self.support,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "PRF":
        return cls(raw["tp"], raw["fp"], raw["fn"])


@dataclass(frozen=True, slots=True)
class MacroAverage:
    """Per metric, the mean over the types where it is defined (see the module docstring)."""

    precision: float | None
    recall: float | None
    f1: float | None

    @classmethod
    def of(cls, scores: Iterable[PRF]) -> "MacroAverage":
        scores = list(scores)

        def mean(values: list[float | None]) -> float | None:
            defined = [value for value in values if value is not None]
            return sum(defined) / len(defined) if defined else None

        return cls(*(mean([getattr(s, name) for s in scores]) for name in ("precision", "recall", "f1")))

    def to_dict(self) -> dict[str, Any]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True, slots=True)
class Score:
    """A fact-level score: per type, and per document and type (only nonzero cells are kept)."""

    mode: str
    per_type: dict[str, PRF]
    per_document: dict[str, dict[str, PRF]] = field(default_factory=dict)

    @property
    def micro(self) -> PRF:
        return sum(self.per_type.values(), PRF())

    @property
    def macro(self) -> MacroAverage:
        return MacroAverage.of(self.per_type.values())

    def to_dict(self) -> dict[str, Any]:
        """JSON form; ``micro``, ``macro`` and the ratios are derived and ignored by :meth:`from_dict`."""
        return {
            "mode": self.mode,
            "per_type": {t: prf.to_dict() for t, prf in self.per_type.items()},
            "micro": self.micro.to_dict(),
            "macro": self.macro.to_dict(),
            "per_document": {d: {t: p.to_dict() for t, p in row.items()} for d, row in self.per_document.items()},
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Score":
        return cls(
            raw["mode"],
            {t: PRF.from_dict(p) for t, p in raw["per_type"].items()},
            {d: {t: PRF.from_dict(p) for t, p in row.items()} for d, row in raw["per_document"].items()},
        )


# --- value matching -------------------------------------------------------------------------

_DATE_RANK = {"year": 0, "month": 1, "week": 1, "day": 2}


def _date_distance(gold: str, predicted: str) -> int | None:
    """Precision steps between two dates when one contains the other, else None."""
    kinds = date_precision(gold), date_precision(predicted)
    if None in kinds:
        return None
    (coarse, coarse_kind), (fine, fine_kind) = sorted(zip((gold, predicted), kinds), key=lambda p: _DATE_RANK[p[1]])
    if coarse_kind == "week":
        if fine_kind != "day":
            return None
        year, week, _ = dt.date.fromisoformat(fine).isocalendar()
        return 1 if coarse == f"{year:04d}-W{week:02d}" else None
    if fine_kind == "week" or not fine.startswith(coarse + "-"):
        return None
    return _DATE_RANK[fine_kind] - _DATE_RANK[coarse_kind]


def lenient_distance(fact_type: str, gold: Value, predicted: Value) -> int | None:
    """How far apart two different canonical values are under the lenient rules; None when they do not match.

    >>> lenient_distance("date", "2024-07", "2024-07-20"), lenient_distance("date", "2024", "2024-W29")
    (1, None)
    >>> lenient_distance("headcount", Count(50, "lt", "employees"), Count(50, "approx", "employees"))
    0
    """
    if fact_type == "date":
        return _date_distance(gold, predicted)
    if isinstance(gold, Count) and isinstance(predicted, Count):
        return 0 if (gold.count, gold.unit) == (predicted.count, predicted.unit) else None
    if isinstance(gold, Official) and isinstance(predicted, Official):
        return 0 if gold.name == predicted.name else None
    return None


def lenient_pairs(fact_type: str, gold: Iterable[Value], predicted: Iterable[Value]) -> list[tuple[Value, Value]]:
    """Pair values one-to-one under the lenient rules, closest first, ties by value order.

    The inputs are the values left after exact matching (no value in both).
    """
    candidates = []
    for g in gold:
        for p in predicted:
            distance = lenient_distance(fact_type, g, p)
            if distance is not None:
                candidates.append((distance, repr(g), repr(p), g, p))
    candidates.sort(key=itemgetter(0, 1, 2))
    used_gold, used_pred, pairs = set(), set(), []
    for _, _, _, g, p in candidates:
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return pairs


def _leftover_groups(gold: set[Key], predicted: set[Key]) -> dict[tuple[str, str], tuple[list, list]]:
    """Unmatched values of lenient-capable types, grouped by (doc id, type)."""
    groups: dict[tuple[str, str], tuple[list, list]] = defaultdict(lambda: ([], []))
    for side, keys in enumerate((gold - predicted, predicted - gold)):
        for doc_id, fact_type, value in keys:
            if fact_type != "agency":
                groups[doc_id, fact_type][side].append(value)
    return {cell: lists for cell, lists in groups.items() if lists[0] and lists[1]}


# --- scoring ------------------------------------------------------------------------------


def score_keys(gold: set[Key], predicted: set[Key], mode: str = "strict", documents: Iterable[str] = ()) -> Score:
    """Score two sets of fact keys; ``documents`` adds ids that have no facts at all.

    >>> gold = {("d1", "date", "2024-07-20"), ("d1", "agency", "Ministry of Tests")}
    >>> score = score_keys(gold, {("d1", "date", "2024-07")}, mode="lenient")
    >>> score.micro, score.per_type["agency"].recall, score.per_type["official"].f1
    (PRF(tp=1, fp=0, fn=1), 0.0, None)
    """
    check_mode(mode)
    gold_n, pred_n = Counter(map(_DOC_TYPE, gold)), Counter(map(_DOC_TYPE, predicted))
    tp = Counter(map(_DOC_TYPE, gold & predicted))
    if mode == "lenient":
        for (doc_id, fact_type), (g, p) in _leftover_groups(gold, predicted).items():
            tp[doc_id, fact_type] += len(lenient_pairs(fact_type, g, p))
    per_document: dict[str, dict[str, PRF]] = {doc_id: {} for doc_id in documents}
    for cell in sorted(gold_n.keys() | pred_n.keys()):
        hits = tp[cell]
        per_document.setdefault(cell[0], {})[cell[1]] = PRF(hits, pred_n[cell] - hits, gold_n[cell] - hits)
    per_type = {t: sum((row[t] for row in per_document.values() if t in row), PRF()) for t in FACT_TYPES}
    return Score(mode, per_type, per_document)


def key_set(facts: Iterable[Fact], aliases: AliasTable) -> set[Key]:
    """The distinct fact keys of some facts (mentions or predictions)."""
    return {fact_key(fact, aliases) for fact in facts}


def score_facts(
    gold: Iterable[Fact], predicted: Iterable[Fact], aliases: AliasTable | None = None,
    mode: str = "strict", documents: Iterable[str] = (),
) -> Score:
    """Fact-level score of predictions against gold mentions.

    >>> gold = [Fact("d1", "agency", "Ministry of Tests"), Fact("d1", "agency", "ministry of tests")]
    >>> score_facts(gold, [Fact("d1", "agency", "MINISTRY OF TESTS")]).micro
    PRF(tp=1, fp=0, fn=0)
    """
    aliases = aliases or AliasTable()
    return score_keys(key_set(gold, aliases), key_set(predicted, aliases), mode, documents)


# --- outcomes, for comparisons and error listings ----------------------------------------


@dataclass(frozen=True, slots=True)
class Outcome:
    """One scored unit: a matched pair (tp), a gold fact alone (fn) or a prediction alone (fp)."""

    doc_id: str
    type: str
    gold: Value | None
    predicted: Value | None

    @property
    def kind(self) -> str:
        return "fn" if self.predicted is None else "fp" if self.gold is None else "tp"

    def to_dict(self) -> dict[str, Any]:
        values = {side: None if v is None else value_to_json(v) for side, v in (("gold", self.gold), ("predicted", self.predicted))}
        return {"doc_id": self.doc_id, "type": self.type, **values}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Outcome":
        values = [None if raw[side] is None else value_from_json(raw["type"], raw[side]) for side in ("gold", "predicted")]
        return cls(raw["doc_id"], raw["type"], *values)


def fact_outcomes(gold: set[Key], predicted: set[Key], mode: str = "strict") -> list[Outcome]:
    """Every tp pair, fn and fp behind :func:`score_keys`, in a stable order.

    >>> [o.kind for o in fact_outcomes({("d", "date", "2024")}, {("d", "date", "2023")})]
    ['fn', 'fp']
    """
    check_mode(mode)
    pairs = [(d, t, v, v) for d, t, v in gold & predicted]
    if mode == "lenient":
        for (d, t), (g, p) in _leftover_groups(gold, predicted).items():
            pairs.extend((d, t, gv, pv) for gv, pv in lenient_pairs(t, g, p))
    paired_gold = {(d, t, g) for d, t, g, _ in pairs}
    paired_pred = {(d, t, p) for d, t, _, p in pairs}
    outcomes = [Outcome(*pair) for pair in pairs]
    outcomes += [Outcome(d, t, v, None) for d, t, v in gold - paired_gold]
    outcomes += [Outcome(d, t, None, v) for d, t, v in predicted - paired_pred]
    return sorted(outcomes, key=lambda o: (o.doc_id, o.type, repr(o.gold), repr(o.predicted)))
