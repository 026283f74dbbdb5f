"""What scoring found, item by item: each pairing, its credit and its error kind; every count is derived from it.

The scorer aligns gold and predictions once and returns these outcomes. The
scores are counted from them, and error analysis, the report, agreement and
the significance tests read them without aligning again, as nervaluate's
scorer returns the indices it matched and spaCy's ``Example`` carries the
alignment that its scorer and displaCy both read.

Units: at fact level a fact key (doc id, type, canonical value), at mention
level a mention: a :class:`~bench.facts.GoldMention` on the gold side, a
:class:`~bench.facts.Fact` with offsets on the predicted side. A unit is either
paired with one unit of the other side or left alone.

Credit of a pair: full (1.0), partial (0.5: the partial scheme's overlap) or
none (0.0). Error kind of an item (:data:`KINDS`): a gold unit alone is
missed, a prediction alone spurious; a pair of two types is wrong_type; a pair
of one type whose canonical values differ (beyond the lenient rules in lenient
mode) is wrong_value; a pair of one type and value whose spans differ is
wrong_boundary (mention level only); a pair with nothing wrong has no kind.
Credit and kind are apart: the type scheme gives full credit to a pair whose
boundary is off, and error analysis still lists it.

Every pairing is one greedy walk, :func:`greedy_pairs`; the alignments differ
only in their candidates and the order they take them in:
:func:`bench.scoring.fact_level.fact_outcomes` (same key, then the lenient
rules, then near misses among the rest, :mod:`bench.scoring.near_misses`) and
:func:`bench.scoring.mention_level.mention_outcomes` (overlap, per scheme).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, Generic, TypeVar

from bench.facts import Fact, GoldMention, Value

KINDS = ("missed", "spurious", "wrong_value", "wrong_boundary", "wrong_type")
FULL, PARTIAL, NONE = 1.0, 0.5, 0.0
OUTCOME = {FULL: "correct", PARTIAL: "partial", NONE: "incorrect"}  # nervaluate's names for a pair's credit

Key = tuple[str, str, Value]  # a fact-level unit: doc id, type, canonical value
G = TypeVar("G")  # a gold unit: a fact key or a gold mention
P = TypeVar("P")  # a predicted unit: a fact key or a prediction with offsets
F = TypeVar("F", bound=Fact)  # what plays the predictions at mention level: predictions, or another annotator's gold
C = TypeVar("C", bound=tuple)
_DOC_TYPE = itemgetter(0, 1)


def greedy_pairs(candidates: Iterable[C], order: Callable[[C], Any] | None = None,
                 first: Callable[[C], bool] | None = None) -> list[C]:
    """The one matching walk: candidate tuples ``(gold, prediction, ...)`` taken one-to-one, greedily.

    Candidates are taken in ``order`` (a sort key; as given when None), those
    ``first`` accepts ahead of the rest; one is skipped when its gold or its
    prediction is taken already.

    >>> greedy_pairs([("g1", "p1", 2), ("g1", "p2", 1), ("g2", "p2", 3)], order=itemgetter(2))
    [('g1', 'p2', 1)]
    >>> greedy_pairs([("g1", "p1", 2), ("g1", "p2", 1), ("g2", "p2", 3)], first=lambda c: c[2] > 1)
    [('g1', 'p1', 2), ('g2', 'p2', 3)]
    """
    ordered = sorted(candidates, key=order) if order is not None else list(candidates)
    if first is not None:
        ordered = [c for c in ordered if first(c)] + [c for c in ordered if not first(c)]
    taken_gold, taken_predicted, pairs = set(), set(), []
    for candidate in ordered:
        gold, predicted = candidate[0], candidate[1]
        if gold not in taken_gold and predicted not in taken_predicted:
            taken_gold.add(gold)
            taken_predicted.add(predicted)
            pairs.append(candidate)
    return pairs


@dataclass(frozen=True, slots=True)
class Pair(Generic[G, P]):
    """A gold unit and the prediction paired with it: its credit, and what is wrong with it (None: nothing)."""

    gold: G
    predicted: P
    credit: float
    kind: str | None = None

    @property
    def outcome(self) -> str:
        return OUTCOME[self.credit]


@dataclass(frozen=True, slots=True)
class Alignment(Generic[G, P]):
    """One alignment: the pairs, the gold units left alone (missed) and the predictions left alone (spurious)."""

    pairs: tuple[Pair[G, P], ...] = ()
    missed: tuple[G, ...] = ()
    spurious: tuple[P, ...] = ()

    @property
    def credit(self) -> float:
        """The true positives: the pairs' credit summed."""
        return sum((pair.credit for pair in self.pairs), 0.0)

    @property
    def false_positives(self) -> float:
        return len(self.pairs) - self.credit + len(self.spurious)

    @property
    def false_negatives(self) -> float:
        return len(self.pairs) - self.credit + len(self.missed)

    def errors(self) -> list[tuple[str, G | None, P | None]]:
        """Every error as (kind, gold unit, prediction): the missed, the spurious, then the pairs with a kind."""
        return ([("missed", gold, None) for gold in self.missed]
                + [("spurious", None, predicted) for predicted in self.spurious]
                + [(pair.kind, pair.gold, pair.predicted) for pair in self.pairs if pair.kind])


def key_order(key: Key) -> tuple[str, str, str]:
    """A total order of fact keys, whatever their values' classes."""
    return key[0], key[1], repr(key[2])


@dataclass(frozen=True, slots=True)
class FactOutcomes:
    """Fact level: the gold and predicted fact keys, and those paired for credit (same key, or lenient).

    The sets are kept as given, not copied: scoring millions of facts makes
    them once. The keys left over are paired as near misses (wrong value,
    wrong type) in :attr:`alignment`, on first use only, since a score needs
    none of it.
    """

    mode: str
    gold: AbstractSet[Key]
    predicted: AbstractSet[Key]
    exact: AbstractSet[Key]  # in both: each paired with itself
    lenient: tuple[tuple[Key, Key], ...] = ()  # (gold, prediction) of different values that the lenient rules pair
    _alignment: list = field(default_factory=list, init=False, compare=False, repr=False)  # a cache, filled once

    @property
    def credited_gold(self) -> AbstractSet[Key]:
        return self.exact | {gold for gold, _ in self.lenient} if self.lenient else self.exact

    @property
    def credited_predicted(self) -> AbstractSet[Key]:
        return self.exact | {predicted for _, predicted in self.lenient} if self.lenient else self.exact

    def counts(self) -> dict[tuple[str, str], tuple[int, int, int]]:
        """(TP, FP, FN) per (doc id, type) holding a gold or a predicted fact, in that order.

        >>> outcomes = FactOutcomes("strict", {("d", "date", "2024")}, {("d", "date", "2023")}, set())
        >>> outcomes.counts()
        {('d', 'date'): (0, 1, 1)}
        """
        gold_n, predicted_n = Counter(map(_DOC_TYPE, self.gold)), Counter(map(_DOC_TYPE, self.predicted))
        tp = Counter(map(_DOC_TYPE, self.exact))
        tp.update(_DOC_TYPE(gold) for gold, _ in self.lenient)
        return {cell: (tp[cell], predicted_n[cell] - tp[cell], gold_n[cell] - tp[cell])
                for cell in sorted(gold_n.keys() | predicted_n.keys())}

    @property
    def alignment(self) -> Alignment[Key, Key]:
        """Every unit: the credited pairs, the near misses, the missed and the spurious, in key order."""
        if not self._alignment:
            self._alignment.append(self._align())
        return self._alignment[0]

    def _align(self) -> Alignment[Key, Key]:
        # imported here: near misses build on fact_level, which builds on this module; a score never needs them
        from bench.scoring.near_misses import near_misses

        credited_gold, credited_predicted = self.credited_gold, self.credited_predicted
        near = near_misses(self.gold - credited_gold, self.predicted - credited_predicted)
        pairs = [Pair(key, key, FULL) for key in self.exact] + [Pair(g, p, FULL) for g, p in self.lenient] + near
        paired_gold, paired_predicted = {pair.gold for pair in near}, {pair.predicted for pair in near}
        missed = self.gold - credited_gold - paired_gold
        spurious = self.predicted - credited_predicted - paired_predicted
        return Alignment(tuple(sorted(pairs, key=lambda pair: (key_order(pair.gold), key_order(pair.predicted)))),
                         tuple(sorted(missed, key=key_order)), tuple(sorted(spurious, key=key_order)))


@dataclass(frozen=True, slots=True)
class MentionOutcomes(Generic[F]):
    """Mention level: per scheme (strict, exact, partial, type), the alignment of gold mentions and predictions.

    Predictions without offsets take no part; ``unscored`` counts them.
    """

    mode: str
    schemes: dict[str, Alignment[GoldMention, F]]
    unscored: int = 0
