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
deterministic. :func:`fact_outcomes` pairs the keys once; the score is
counted from its :class:`~bench.scoring.outcomes.FactOutcomes`.

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
from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any, Protocol

from bench.facts import FACT_TYPES, Count, Fact, Official, Value
from bench.normalize.aliases import AliasTable, date_precision, fact_key
from bench.scoring.outcomes import FactOutcomes, Key, greedy_pairs

MODES = ("strict", "lenient")


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

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "support": self.support,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> PRF:
        return cls(raw["tp"], raw["fp"], raw["fn"])


class Rates(Protocol):
    """What a macro average reads: a :class:`PRF`, or mention-level counts."""

    @property
    def precision(self) -> float | None: ...

    @property
    def recall(self) -> float | None: ...

    @property
    def f1(self) -> float | None: ...


@dataclass(frozen=True, slots=True)
class MacroAverage:
    """Per metric, the mean over the types where it is defined (see the module docstring)."""

    precision: float | None
    recall: float | None
    f1: float | None

    @classmethod
    def of(cls, scores: Iterable[Rates]) -> MacroAverage:
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
    def from_dict(cls, raw: dict[str, Any]) -> Score:
        return cls(
            raw["mode"],
            {t: PRF.from_dict(p) for t, p in raw["per_type"].items()},
            {d: {t: PRF.from_dict(p) for t, p in row.items()} for d, row in raw["per_document"].items()},
        )

    @classmethod
    def of(cls, outcomes: FactOutcomes, documents: Iterable[str] = ()) -> Score:
        """The counts of some outcomes; ``documents`` adds ids that have no facts at all."""
        per_document: dict[str, dict[str, PRF]] = {doc_id: {} for doc_id in documents}
        for (doc_id, fact_type), counts in outcomes.counts().items():
            per_document.setdefault(doc_id, {})[fact_type] = PRF(*counts)
        per_type = {t: sum((row[t] for row in per_document.values() if t in row), PRF()) for t in FACT_TYPES}
        return cls(outcomes.mode, per_type, per_document)


# --- value matching -------------------------------------------------------------------------

_DATE_RANK = {"year": 0, "month": 1, "week": 1, "day": 2}


def _date_distance(gold: str, predicted: str) -> int | None:
    """Precision steps between two dates when one contains the other, else None."""
    gold_kind, predicted_kind = date_precision(gold), date_precision(predicted)
    if gold_kind is None or predicted_kind is None:
        return None
    dated = [(gold, gold_kind), (predicted, predicted_kind)]
    (coarse, coarse_kind), (fine, fine_kind) = sorted(dated, key=lambda p: _DATE_RANK[p[1]])
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
        return _date_distance(gold, predicted) if isinstance(gold, str) and isinstance(predicted, str) else None
    if isinstance(gold, Count) and isinstance(predicted, Count):
        return 0 if (gold.count, gold.unit) == (predicted.count, predicted.unit) else None
    if isinstance(gold, Official) and isinstance(predicted, Official):
        return 0 if gold.name == predicted.name else None
    return None


def lenient_pairs(fact_type: str, gold: Iterable[Value], predicted: Iterable[Value]) -> list[tuple[Value, Value]]:
    """Pair values one-to-one under the lenient rules, closest first, ties by value order.

    The inputs are the values left after exact matching (no value in both).

    >>> lenient_pairs("date", ["2024-07-21", "2024-07-20"], ["2024-07"])
    [('2024-07-20', '2024-07')]
    """
    predicted = list(predicted)
    candidates = [(g, p, distance) for g in gold for p in predicted
                  if (distance := lenient_distance(fact_type, g, p)) is not None]
    return [(g, p) for g, p, _ in greedy_pairs(candidates, order=lambda c: (c[2], repr(c[0]), repr(c[1])))]


def _leftover_groups(gold: AbstractSet[Key], predicted: AbstractSet[Key]) -> dict[tuple[str, str], tuple[list, list]]:
    """Unmatched values of lenient-capable types, grouped by (doc id, type)."""
    groups: dict[tuple[str, str], tuple[list, list]] = defaultdict(lambda: ([], []))
    for side, keys in enumerate((gold - predicted, predicted - gold)):
        for doc_id, fact_type, value in keys:
            if fact_type != "agency":
                groups[doc_id, fact_type][side].append(value)
    return {cell: lists for cell, lists in groups.items() if lists[0] and lists[1]}


# --- scoring ------------------------------------------------------------------------------


def fact_outcomes(gold: AbstractSet[Key], predicted: AbstractSet[Key], mode: str = "strict") -> FactOutcomes:
    """Pair two sets of fact keys: same keys, then (lenient mode) the lenient rules within a document and type.

    >>> gold, predicted = {("d", "date", "2024-07-20")}, {("d", "date", "2024-07"), ("d", "date", "2023")}
    >>> outcomes = fact_outcomes(gold, predicted, "lenient")
    >>> outcomes.lenient, outcomes.counts()
    (((('d', 'date', '2024-07-20'), ('d', 'date', '2024-07')),), {('d', 'date'): (1, 1, 0)})
    >>> [(e[0], e[2] and e[2][2]) for e in outcomes.alignment.errors()]
    [('spurious', '2023')]
    """
    check_mode(mode)
    lenient = []
    if mode == "lenient":
        for (doc_id, fact_type), (g, p) in _leftover_groups(gold, predicted).items():
            lenient += [((doc_id, fact_type, gv), (doc_id, fact_type, pv)) for gv, pv in lenient_pairs(fact_type, g, p)]
    return FactOutcomes(mode, gold, predicted, gold & predicted, tuple(lenient))


def score_keys(gold: AbstractSet[Key], predicted: AbstractSet[Key], mode: str = "strict",
               documents: Iterable[str] = ()) -> Score:
    """Score two sets of fact keys; ``documents`` adds ids that have no facts at all.

    >>> gold = {("d1", "date", "2024-07-20"), ("d1", "agency", "Ministry of Tests")}
    >>> score = score_keys(gold, {("d1", "date", "2024-07")}, mode="lenient")
    >>> score.micro, score.per_type["agency"].recall, score.per_type["official"].f1
    (PRF(tp=1, fp=0, fn=1), 0.0, None)
    """
    return Score.of(fact_outcomes(gold, predicted, mode), documents)


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
