"""Mention-level scoring: the four SemEval-2013 task 9.1 schemes, one-to-one and order-independent.

Spans are Python offsets ``[start, end)``; two spans overlap when they share
at least one character (nervaluate's default threshold, 1% of the gold span,
says the same for spans under 100 characters).

Schemes, as nervaluate documents them. Every aligned pair overlaps; its
scheme decides the outcome (correct, partial or incorrect):
  - strict: correct when span and type are both the same, else incorrect;
  - exact: correct when the span is the same, whatever the type, else incorrect;
  - partial: correct when the span is the same, whatever the type, else partial
    (half credit);
  - type: correct when the type is the same, whatever the overlap, else incorrect.
A gold mention left alone is missed, a prediction left alone is spurious.
possible = correct + incorrect + partial + missed (gold side),
actual = correct + incorrect + partial + spurious (prediction side),
P = (correct + 0.5 partial) / actual, R = (correct + 0.5 partial) / possible,
F1 = 2PR / (P + R). P is undefined (None) when actual is 0, R when possible
is 0, F1 when both are; F1 is 0 when only one is.

Per type, recall counts the gold mentions of that type and precision the
predictions of that type, so a prediction of type B over a gold mention of
type A costs A recall and B precision (nervaluate files both under A: its
issue #110).

Alignment, the same walk for every scheme: within a document, every
overlapping (gold, prediction) pair is a candidate; candidates are taken
greedily in this order, skipping any whose gold or prediction is taken:
  1. higher credit under the scheme (so strict takes a same-span same-type
     pair before a same-span pair of another type);
  2. exact span before partial overlap;
  3. larger overlap, in characters;
  4. smaller boundary distance |start - start'| + |end - end'|;
  5. same canonical value first;
  6. position: gold (start, end, type, value), then the prediction's.
The order depends only on the mentions, never on input order, so shuffled
inputs give identical results (nervaluate's greedy walk does not: #40, #84).

Value accuracy (as TempEval-3 reports for time expressions): among the pairs
of the type scheme that are correct (overlapping, same type), the share whose
canonical values agree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any

from bench.facts import FACT_TYPES, Fact
from bench.normalize.aliases import AliasTable
from bench.scoring.fact_level import check_mode, lenient_distance

SCHEMES = ("strict", "exact", "partial", "type")


def _same_span(gold: Fact, predicted: Fact) -> bool:
    return gold.start == predicted.start and gold.end == predicted.end


CREDIT: dict[str, Callable[[Fact, Fact], float]] = {
    "strict": lambda g, p: 1.0 if _same_span(g, p) and g.type == p.type else 0.0,
    "exact": lambda g, p: 1.0 if _same_span(g, p) else 0.0,
    "partial": lambda g, p: 1.0 if _same_span(g, p) else 0.5,
    "type": lambda g, p: 1.0 if g.type == p.type else 0.0,
}
OUTCOME = {1.0: "correct", 0.5: "partial", 0.0: "incorrect"}


@dataclass(frozen=True, slots=True)
class Pair:
    gold: Fact
    predicted: Fact
    credit: float

    @property
    def outcome(self) -> str:
        return OUTCOME[self.credit]


@dataclass(frozen=True, slots=True)
class Alignment:
    pairs: tuple[Pair, ...]
    missed: tuple[Fact, ...]
    spurious: tuple[Fact, ...]


def _position(fact: Fact) -> tuple:
    return fact.doc_id, fact.start, fact.end, fact.type, repr(fact.value), fact.text or "", fact.id or ""


def _align_document(gold: Sequence[Fact], predicted: Sequence[Fact], credit, same_value) -> Alignment:
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                rank = (-credit(g, p), not _same_span(g, p), -overlap,
                        abs(g.start - p.start) + abs(g.end - p.end), not same_value(g, p), _position(g), _position(p))
                candidates.append((rank, gi, pi))
    candidates.sort(key=lambda candidate: candidate[0])
    taken_gold, taken_pred, pairs = set(), set(), []
    for rank, gi, pi in candidates:
        if gi not in taken_gold and pi not in taken_pred:
            taken_gold.add(gi)
            taken_pred.add(pi)
            pairs.append(Pair(gold[gi], predicted[pi], -rank[0]))
    missed = tuple(g for gi, g in enumerate(gold) if gi not in taken_gold)
    return Alignment(tuple(pairs), missed, tuple(p for pi, p in enumerate(predicted) if pi not in taken_pred))


def align(gold: Iterable[Fact], predicted: Iterable[Fact], scheme: str, aliases: AliasTable | None = None) -> Alignment:
    """Pair gold mentions with predictions one-to-one under ``scheme`` (facts without offsets are ignored).

    >>> gold = [Fact("d", "date", "2024-05", start=0, end=3), Fact("d", "date", "2024-06", start=4, end=7)]
    >>> a = align(gold, [Fact("d", "date", "2024-06", start=2, end=7)], "type")
    >>> [(p.gold.start, p.outcome) for p in a.pairs], [m.start for m in a.missed]
    ([(4, 'correct')], [0])
    """
    if scheme not in CREDIT:
        raise ValueError(f"scheme must be one of {', '.join(SCHEMES)}, not {scheme!r}")
    credit, aliases = CREDIT[scheme], aliases or AliasTable()

    def same_value(g: Fact, p: Fact) -> bool:
        return g.type == p.type and aliases.canonical_value(g.type, g.value) == aliases.canonical_value(p.type, p.value)

    by_doc: dict[str, tuple[list[Fact], list[Fact]]] = defaultdict(lambda: ([], []))
    for side, facts in enumerate((gold, predicted)):
        for fact in facts:
            if fact.has_span:
                by_doc[fact.doc_id][side].append(fact)
    parts = [_align_document(g, p, credit, same_value) for g, p in by_doc.values()]
    return Alignment(
        tuple(sorted((pair for part in parts for pair in part.pairs), key=lambda pair: (_position(pair.gold), _position(pair.predicted)))),
        tuple(sorted((fact for part in parts for fact in part.missed), key=_position)),
        tuple(sorted((fact for part in parts for fact in part.spurious), key=_position)),
    )


@dataclass(frozen=True, slots=True)
class MentionCounts:
    """Outcomes of one scheme, counted on the gold side (recall) and the prediction side (precision)."""

    gold_correct: int = 0
    gold_incorrect: int = 0
    gold_partial: int = 0
    missed: int = 0
    pred_correct: int = 0
    pred_incorrect: int = 0
    pred_partial: int = 0
    spurious: int = 0

    @property
    def possible(self) -> int:
        return self.gold_correct + self.gold_incorrect + self.gold_partial + self.missed

    @property
    def actual(self) -> int:
        return self.pred_correct + self.pred_incorrect + self.pred_partial + self.spurious

    @property
    def precision(self) -> float | None:
        return (self.pred_correct + 0.5 * self.pred_partial) / self.actual if self.actual else None

    @property
    def recall(self) -> float | None:
        return (self.gold_correct + 0.5 * self.gold_partial) / self.possible if self.possible else None

    @property
    def f1(self) -> float | None:
        precision, recall = self.precision, self.recall
        if precision is None or recall is None:
            return None if precision is None and recall is None else 0.0
        return 2 * (precision * recall) / (precision + recall) if precision + recall > 0 else 0.0

    def __add__(self, other: "MentionCounts") -> "MentionCounts":
        return MentionCounts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def to_dict(self) -> dict[str, Any]:
        counts = {f.name: getattr(self, f.name) for f in fields(self)}
        return {**counts, "precision": self.precision, "recall": self.recall, "f1": self.f1}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "MentionCounts":
        return cls(**{f.name: raw[f.name] for f in fields(cls)})


@dataclass(frozen=True, slots=True)
class ValueAccuracy:
    """Span-and-type-matched mentions (``matched``) and those whose canonical value agrees (``correct``)."""

    matched: int = 0
    correct: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.matched if self.matched else None

    def __add__(self, other: "ValueAccuracy") -> "ValueAccuracy":
        return ValueAccuracy(self.matched + other.matched, self.correct + other.correct)

    def to_dict(self) -> dict[str, Any]:
        return {"matched": self.matched, "correct": self.correct, "accuracy": self.accuracy}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "ValueAccuracy":
        return cls(raw["matched"], raw["correct"])


@dataclass(frozen=True, slots=True)
class MentionScore:
    """Per scheme and type, the outcome counts; per type, value accuracy; predictions without offsets left out."""

    schemes: dict[str, dict[str, MentionCounts]]
    values: dict[str, ValueAccuracy]
    unscored: int = 0

    def overall(self, scheme: str) -> MentionCounts:
        return sum(self.schemes[scheme].values(), MentionCounts())

    @property
    def value_overall(self) -> ValueAccuracy:
        return sum(self.values.values(), ValueAccuracy())

    def to_dict(self) -> dict[str, Any]:
        """JSON form; ``overall`` and the ratios are derived and ignored by :meth:`from_dict`."""
        return {
            "schemes": {s: {t: c.to_dict() for t, c in per_type.items()} for s, per_type in self.schemes.items()},
            "overall": {s: self.overall(s).to_dict() for s in self.schemes},
            "values": {t: v.to_dict() for t, v in self.values.items()},
            "value_overall": self.value_overall.to_dict(),
            "unscored": self.unscored,
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "MentionScore":
        return cls(
            {s: {t: MentionCounts.from_dict(c) for t, c in per_type.items()} for s, per_type in raw["schemes"].items()},
            {t: ValueAccuracy.from_dict(v) for t, v in raw["values"].items()},
            raw["unscored"],
        )


def tally(alignment: Alignment) -> dict[str, MentionCounts]:
    """Per fact type, the outcome counts of an alignment (every type present, zeros included)."""
    counts: Counter = Counter()
    for pair in alignment.pairs:
        counts[pair.gold.type, "gold_" + pair.outcome] += 1
        counts[pair.predicted.type, "pred_" + pair.outcome] += 1
    counts.update((fact.type, "missed") for fact in alignment.missed)
    counts.update((fact.type, "spurious") for fact in alignment.spurious)
    return {t: MentionCounts(**{f.name: counts[t, f.name] for f in fields(MentionCounts)}) for t in FACT_TYPES}


def value_accuracy(alignment: Alignment, aliases: AliasTable, mode: str = "strict") -> dict[str, ValueAccuracy]:
    """Per type, how many same-type pairs carry the gold's value (``lenient``: the lenient rules of bench.scoring.fact_level)."""
    matched: Counter = Counter()
    correct: Counter = Counter()
    for pair in alignment.pairs:
        g, p = pair.gold, pair.predicted
        if g.type != p.type:
            continue
        matched[g.type] += 1
        gv, pv = aliases.canonical_value(g.type, g.value), aliases.canonical_value(p.type, p.value)
        correct[g.type] += gv == pv or (mode == "lenient" and lenient_distance(g.type, gv, pv) is not None)
    return {t: ValueAccuracy(matched[t], correct[t]) for t in FACT_TYPES}


def score_mentions(
    gold: Iterable[Fact], predicted: Iterable[Fact], aliases: AliasTable | None = None, value_mode: str = "strict"
) -> MentionScore:
    """Score predictions with offsets under all four schemes, plus value accuracy.

    >>> gold = [Fact("d", "date", "2024-05-02", start=10, end=20)]
    >>> score = score_mentions(gold, [Fact("d", "date", "2024-05", start=10, end=15)])
    >>> [score.overall(s).f1 for s in SCHEMES], score.value_overall.accuracy
    ([0.0, 0.0, 0.5, 1.0], 0.0)
    """
    check_mode(value_mode)
    gold, predicted, aliases = list(gold), list(predicted), aliases or AliasTable()
    schemes, values = {}, {}
    for scheme in SCHEMES:
        alignment = align(gold, predicted, scheme, aliases)
        schemes[scheme] = tally(alignment)
        if scheme == "type":
            values = value_accuracy(alignment, aliases, value_mode)
    return MentionScore(schemes, values, sum(not fact.has_span for fact in predicted))
