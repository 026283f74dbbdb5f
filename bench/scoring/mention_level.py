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

Per type, a gold mention counts under its own type. Under strict and type,
which judge the type, a prediction counts under its own type too, so a
prediction of type B over a gold mention of type A (incorrect) costs A recall
and B precision (nervaluate files both under A: its issue #110). Under exact
and partial, which ignore the type, a paired prediction counts under its
gold mention's type, so a row's credit is the same on both sides and
P = TP/(TP+FP), F1 = 2TP/(2TP+FP+FN) hold in every row; a spurious
prediction counts under its own type.

Alignment: within a document, every overlapping (gold, prediction) pair is a
candidate; candidates are taken greedily in this order, skipping any whose
gold or prediction is taken:
  1. higher credit under the scheme (so strict takes a same-span same-type
     pair before a same-span pair of another type);
  2. exact span before partial overlap;
  3. larger overlap, in characters;
  4. smaller boundary distance |start - start'| + |end - end'|;
  5. same canonical value first;
  6. position: gold (start, end, type, value, then text and id, a missing one
     first), then the prediction's.
The order depends only on the mentions, never on input order, so shuffled
inputs give identical results (nervaluate's greedy walk does not: #40, #84).
Rules 2 to 6 are the same for every scheme, so candidates are sorted once and
each scheme only moves its full-credit candidates to the front; exact and
partial share one walk. Where no mention overlaps two on the other side,
every walk takes every candidate, and nothing is sorted.

Value accuracy (as TempEval-3 reports for time expressions): among the pairs
of the type scheme that are correct (overlapping, same type), the share whose
canonical values agree.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from bench.facts import FACT_TYPES, Fact
from bench.normalize.aliases import AliasTable
from bench.scoring.fact_level import check_mode, lenient_distance
from bench.scoring.mention_counts import MentionCounts, MentionScore, ValueAccuracy

SCHEMES = ("strict", "exact", "partial", "type")
# Which walk each scheme takes, and which candidates that walk takes first (full credit).
WALK_OF = {"strict": "strict", "exact": "span", "partial": "span", "type": "type"}
FIRST: dict[str, Callable[[tuple], bool]] = {
    "strict": lambda c: c[2] and c[3], "span": lambda c: c[2], "type": lambda c: c[3]}
OUTCOME = {1.0: "correct", 0.5: "partial", 0.0: "incorrect"}


def credit(scheme: str, same_span: bool, same_type: bool) -> float:
    """The credit of an overlapping pair under ``scheme``.

    >>> [credit(s, False, True) for s in SCHEMES]
    [0.0, 0.0, 0.5, 1.0]
    """
    if scheme == "type":
        return 1.0 if same_type else 0.0
    if same_span and (same_type or scheme != "strict"):
        return 1.0
    return 0.5 if scheme == "partial" else 0.0


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


class _Canonical:
    """Canonical values of one side's mentions, each computed once, when first asked for."""

    __slots__ = ("facts", "aliases", "values")

    def __init__(self, facts: Sequence[Fact], aliases: AliasTable):
        self.facts, self.aliases, self.values = facts, aliases, [None] * len(facts)

    def __getitem__(self, index: int):
        value = self.values[index]
        if value is None:
            fact = self.facts[index]
            value = self.values[index] = (self.aliases.canonical_value(fact.type, fact.value),)
        return value[0]


def _candidates(gold: Sequence[Fact], predicted: Sequence[Fact]) -> list[tuple]:
    """Every overlapping pair as (gold index, prediction index, same span, same type, overlap), by a sweep over starts."""
    if not gold or not predicted:
        return []
    order = sorted(range(len(predicted)), key=lambda i: predicted[i].start)
    starts = [predicted[i].start for i in order]
    longest = max(p.end - p.start for p in predicted)  # no prediction starting further left can reach a gold start
    found = []
    for gi, g in enumerate(gold):
        for pi in order[bisect_right(starts, g.start - longest):bisect_left(starts, g.end)]:
            p = predicted[pi]
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                same_span = g.start == p.start and g.end == p.end
                found.append((gi, pi, same_span, g.type == p.type, overlap))
    return found


def _walks(gold: Sequence[Fact], predicted: Sequence[Fact], canon_gold: _Canonical, canon_pred: _Canonical) -> dict:
    """The pairs each walk takes (strict, span for exact and partial, type), as candidate tuples."""
    candidates = _candidates(gold, predicted)
    if len({c[0] for c in candidates}) == len(candidates) == len({c[1] for c in candidates}):
        return dict.fromkeys(FIRST, candidates)  # no mention overlaps two: every walk takes every candidate

    def rank(c: tuple) -> tuple:
        g, p = gold[c[0]], predicted[c[1]]
        same_value = c[3] and canon_gold[c[0]] == canon_pred[c[1]]
        distance = abs(g.start - p.start) + abs(g.end - p.end)
        return not c[2], -c[4], distance, not same_value, _position(g), _position(p), c[0], c[1]

    ordered = sorted(candidates, key=rank)
    walks = {}
    for walk, first in FIRST.items():
        taken_gold, taken_pred, pairs = set(), set(), []
        for c in [c for c in ordered if first(c)] + [c for c in ordered if not first(c)]:
            if c[0] not in taken_gold and c[1] not in taken_pred:
                taken_gold.add(c[0])
                taken_pred.add(c[1])
                pairs.append(c)
        walks[walk] = pairs
    return walks


def _by_document(gold: Iterable[Fact], predicted: Iterable[Fact]) -> dict[str, tuple[list[Fact], list[Fact]]]:
    by_doc: dict[str, tuple[list[Fact], list[Fact]]] = defaultdict(lambda: ([], []))
    for side, facts in enumerate((gold, predicted)):
        for fact in facts:
            if fact.has_span:
                by_doc[fact.doc_id][side].append(fact)
    return by_doc


def align(gold: Iterable[Fact], predicted: Iterable[Fact], scheme: str, aliases: AliasTable | None = None) -> Alignment:
    """Pair gold mentions with predictions one-to-one under ``scheme`` (facts without offsets are ignored).

    >>> gold = [Fact("d", "date", "2024-05", start=0, end=3), Fact("d", "date", "2024-06", start=4, end=7)]
    >>> a = align(gold, [Fact("d", "date", "2024-06", start=2, end=7)], "type")
    >>> [(p.gold.start, p.outcome) for p in a.pairs], [m.start for m in a.missed]
    ([(4, 'correct')], [0])
    """
    if scheme not in WALK_OF:
        raise ValueError(f"scheme must be one of {', '.join(SCHEMES)}, not {scheme!r}")
    aliases = aliases or AliasTable()
    pairs, missed, spurious = [], [], []
    for g, p in _by_document(gold, predicted).values():
        taken = _walks(g, p, _Canonical(g, aliases), _Canonical(p, aliases))[WALK_OF[scheme]]
        pairs += [Pair(g[c[0]], p[c[1]], credit(scheme, c[2], c[3])) for c in taken]
        paired_gold, paired_pred = {c[0] for c in taken}, {c[1] for c in taken}
        missed += [fact for i, fact in enumerate(g) if i not in paired_gold]
        spurious += [fact for i, fact in enumerate(p) if i not in paired_pred]
    pairs.sort(key=lambda pair: (_position(pair.gold), _position(pair.predicted)))
    return Alignment(tuple(pairs), tuple(sorted(missed, key=_position)), tuple(sorted(spurious, key=_position)))


# Column of each outcome in the per-(scheme, type) tallies: MentionCounts' field order.
_GOLD_COLUMN = {1.0: 0, 0.0: 1, 0.5: 2}
_PRED_COLUMN = {1.0: 4, 0.0: 5, 0.5: 6}
_MISSED, _SPURIOUS = 3, 7


class _Tally:
    """Running outcome counts per scheme and type, and value accuracy per type."""

    def __init__(self, aliases: AliasTable, value_mode: str):
        self.counts = {(s, t): [0] * 8 for s in SCHEMES for t in FACT_TYPES}
        self.matched, self.correct = dict.fromkeys(FACT_TYPES, 0), dict.fromkeys(FACT_TYPES, 0)
        self.aliases, self.lenient = aliases, value_mode == "lenient"

    def document(self, gold: Sequence[Fact], predicted: Sequence[Fact]) -> None:
        canon_gold, canon_pred = _Canonical(gold, self.aliases), _Canonical(predicted, self.aliases)
        walks = _walks(gold, predicted, canon_gold, canon_pred)
        for scheme in SCHEMES:
            taken = walks[WALK_OF[scheme]]
            self._pairs(scheme, taken, gold, predicted)
            paired_gold, paired_pred = {c[0] for c in taken}, {c[1] for c in taken}
            for i, fact in enumerate(gold):
                if i not in paired_gold:
                    self.counts[scheme, fact.type][_MISSED] += 1
            for i, fact in enumerate(predicted):
                if i not in paired_pred:
                    self.counts[scheme, fact.type][_SPURIOUS] += 1
        for gi, pi, _, same_type, _ in walks["type"]:
            if same_type:
                self._value(gold[gi].type, canon_gold[gi], canon_pred[pi])

    def _pairs(self, scheme: str, taken: list[tuple], gold: Sequence[Fact], predicted: Sequence[Fact]) -> None:
        type_judged = scheme in ("strict", "type")  # exact and partial file the prediction under the gold's type
        for gi, pi, same_span, same_type, _ in taken:
            outcome = credit(scheme, same_span, same_type)
            gold_type = gold[gi].type
            self.counts[scheme, gold_type][_GOLD_COLUMN[outcome]] += 1
            self.counts[scheme, predicted[pi].type if type_judged else gold_type][_PRED_COLUMN[outcome]] += 1

    def _value(self, fact_type: str, gold_value, predicted_value) -> None:
        self.matched[fact_type] += 1
        self.correct[fact_type] += gold_value == predicted_value or (
            self.lenient and lenient_distance(fact_type, gold_value, predicted_value) is not None)

    def score(self, unscored: int) -> MentionScore:
        schemes = {s: {t: MentionCounts(*self.counts[s, t]) for t in FACT_TYPES} for s in SCHEMES}
        return MentionScore(schemes, {t: ValueAccuracy(self.matched[t], self.correct[t]) for t in FACT_TYPES}, unscored)


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
    predicted = list(predicted)
    tally = _Tally(aliases or AliasTable(), value_mode)
    for g, p in _by_document(gold, predicted).values():
        tally.document(g, p)
    return tally.score(sum(not fact.has_span for fact in predicted))
