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
every walk takes every candidate, and no candidate is ranked.

Outcomes: :func:`mention_outcomes` aligns once, every walk in one pass per
document, and returns a :class:`~bench.scoring.outcomes.MentionOutcomes`: per
scheme, each pair with its credit and error kind, the missed and the spurious
(in position order). :func:`score_mentions` counts them.

Value accuracy (as TempEval-3 reports for time expressions): among the pairs
of the type scheme that are correct (overlapping, same type), the share whose
canonical values agree (or, in lenient mode, match under the lenient rules).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from operator import itemgetter

from bench.facts import FACT_TYPES, Fact, GoldMention, Value
from bench.normalize.aliases import AliasTable
from bench.scoring.fact_level import check_mode, lenient_distance
from bench.scoring.mention_counts import MentionCounts, MentionScore, ValueAccuracy
from bench.scoring.outcomes import FULL, NONE, PARTIAL, Alignment, F, MentionOutcomes, Pair, greedy_pairs

SCHEMES = ("strict", "exact", "partial", "type")
# Which walk each scheme takes, and which candidates that walk takes first (full credit).
WALK_OF = {"strict": "strict", "exact": "span", "partial": "span", "type": "type"}
FIRST: dict[str, Callable[[tuple], bool]] = {
    "strict": lambda c: c[2] and c[3], "span": lambda c: c[2], "type": lambda c: c[3]}


def credit(scheme: str, same_span: bool, same_type: bool) -> float:
    """The credit of an overlapping pair under ``scheme``.

    >>> [credit(s, False, True) for s in SCHEMES]
    [0.0, 0.0, 0.5, 1.0]
    """
    if scheme == "type":
        return FULL if same_type else NONE
    if same_span and (same_type or scheme != "strict"):
        return FULL
    return PARTIAL if scheme == "partial" else NONE


_CREDITS = {scheme: {(span, same_type): credit(scheme, span, same_type) for span in (True, False)
                     for same_type in (True, False)} for scheme in SCHEMES}


def _position(fact: Fact) -> tuple:
    return fact.doc_id, fact.start, fact.end, fact.type, repr(fact.value), fact.text or "", fact.id or ""


class _Canonical:
    """Canonical values of one side's mentions, each computed once, when first asked for."""

    __slots__ = ("facts", "aliases", "values")

    def __init__(self, facts: Sequence[Fact], aliases: AliasTable):
        self.facts, self.aliases = facts, aliases
        self.values: list[tuple[Value] | None] = [None] * len(facts)

    def __getitem__(self, index: int) -> Value:
        value = self.values[index]
        if value is None:
            fact = self.facts[index]
            value = self.values[index] = (self.aliases.canonical_value(fact.type, fact.value),)
        return value[0]


def _candidates(gold: Sequence[GoldMention], predicted: Sequence[Fact]) -> list[tuple]:
    """Every overlapping pair as (gold index, prediction index, same span, same type, overlap), by a sweep over starts."""
    if not gold or not predicted:
        return []
    spans = [p.span for p in predicted]
    order = sorted(range(len(predicted)), key=lambda i: spans[i][0])
    starts = [spans[i][0] for i in order]
    longest = max(end - start for start, end in spans)  # no prediction starting further left can reach a gold start
    found = []
    for gi, g in enumerate(gold):
        g_start, g_end = g.span
        for pi in order[bisect_right(starts, g_start - longest):bisect_left(starts, g_end)]:
            p_start, p_end = spans[pi]
            overlap = min(g_end, p_end) - max(g_start, p_start)
            if overlap > 0:
                same_span = g_start == p_start and g_end == p_end
                found.append((gi, pi, same_span, g.type == predicted[pi].type, overlap))
    return found


def _walks(gold: Sequence[GoldMention], predicted: Sequence[Fact], canon_gold: _Canonical, canon_pred: _Canonical,
           lenient: bool) -> dict:
    """The pairs each walk takes (strict, span for exact and partial, type), as candidate tuples.

    A candidate is (gold index, prediction index, same span, same type, overlap, error kind): the kind is found once,
    whichever walks take the pair.
    """
    def kind(gi: int, pi: int, same_span: bool, same_type: bool) -> str | None:
        if not same_type:
            return "wrong_type"
        gold_value, predicted_value = canon_gold[gi], canon_pred[pi]
        if gold_value != predicted_value and not (
                lenient and lenient_distance(gold[gi].type, gold_value, predicted_value) is not None):
            return "wrong_value"
        return None if same_span else "wrong_boundary"

    candidates = [(*c, kind(*c[:4])) for c in _candidates(gold, predicted)]
    if len({c[0] for c in candidates}) == len(candidates) == len({c[1] for c in candidates}):
        return dict.fromkeys(FIRST, candidates)  # no mention overlaps two: every walk takes every candidate

    def rank(c: tuple) -> tuple:
        g, p = gold[c[0]], predicted[c[1]]
        same_value = c[3] and canon_gold[c[0]] == canon_pred[c[1]]
        (g_start, g_end), (p_start, p_end) = g.span, p.span
        distance = abs(g_start - p_start) + abs(g_end - p_end)
        return not c[2], -c[4], distance, not same_value, _position(g), _position(p), c[0], c[1]

    ordered = sorted(candidates, key=rank)
    return {walk: greedy_pairs(ordered, first=first) for walk, first in FIRST.items()}


def _by_document(gold: Iterable[GoldMention], predicted: Iterable[F]) -> dict[str, tuple[list[GoldMention], list[F]]]:
    """The gold mentions and the predictions with offsets of each document."""
    by_doc: dict[str, tuple[list[GoldMention], list[F]]] = defaultdict(lambda: ([], []))
    for mention in gold:
        by_doc[mention.doc_id][0].append(mention)
    for fact in predicted:
        if fact.has_span:
            by_doc[fact.doc_id][1].append(fact)
    return by_doc


def _aligned(gold: Sequence[GoldMention], predicted: Sequence[F], aliases: AliasTable,
             lenient: bool) -> dict[str, tuple[list[Pair[GoldMention, F]], list[GoldMention], list[F]]]:
    """One document's pairs, missed and spurious under every scheme, in position order.

    A pair with the same credit under two schemes is one object: most pairs are alike under all four.
    """
    gold_at, pred_at = [_position(f) for f in gold], [_position(f) for f in predicted]
    walks = _walks(gold, predicted, _Canonical(gold, aliases), _Canonical(predicted, aliases), lenient)
    placed: dict[str, tuple] = {}
    for walk, taken in walks.items():
        alike = next((other for other in placed if walks[other] is taken), None)  # walks that took every candidate
        if alike is not None:
            placed[walk] = placed[alike]
            continue
        alone_gold = set(range(len(gold))) - {c[0] for c in taken}
        alone_pred = set(range(len(predicted))) - {c[1] for c in taken}
        placed[walk] = (sorted(taken, key=lambda c: (gold_at[c[0]], pred_at[c[1]])),
                        [gold[i] for i in sorted(alone_gold, key=gold_at.__getitem__)],
                        [predicted[i] for i in sorted(alone_pred, key=pred_at.__getitem__)])
    made: dict[tuple, Pair[GoldMention, F]] = {}
    aligned = {}
    for scheme in SCHEMES:
        taken, missed, spurious = placed[WALK_OF[scheme]]
        credits, pairs = _CREDITS[scheme], []
        for c in taken:
            key = c[0], c[1], credits[c[2], c[3]]
            pair = made.get(key)
            if pair is None:
                pair = made[key] = Pair(gold[c[0]], predicted[c[1]], key[2], c[5])
            pairs.append(pair)
        aligned[scheme] = pairs, missed, spurious
    return aligned


def mention_outcomes(
    gold: Iterable[GoldMention], predicted: Iterable[F], aliases: AliasTable | None = None, mode: str = "strict"
) -> MentionOutcomes[F]:
    """Align gold mentions and predictions with offsets under every scheme; ``mode`` judges values (wrong_value).

    The predictions may be another annotator's gold mentions (:mod:`bench.scoring.agreement`).

    >>> from bench.facts import DateValue as D
    >>> gold = [GoldMention("d", "date", D("2024-05"), "May", 0, 3, "1"),
    ...         GoldMention("d", "date", D("2024-06"), "Jun", 4, 7, "2")]
    >>> by_type = mention_outcomes(gold, [Fact("d", "date", D("2024-06"), start=2, end=7)]).schemes["type"]
    >>> [(p.gold.start, p.outcome, p.kind) for p in by_type.pairs], [m.start for m in by_type.missed]
    ([(4, 'correct', 'wrong_boundary')], [0])
    """
    check_mode(mode)
    aliases, predicted = aliases or AliasTable(), list(predicted)
    found: dict[str, tuple[list, list, list]] = {scheme: ([], [], []) for scheme in SCHEMES}  # pairs, missed, spurious
    for _, (g, p) in sorted(_by_document(gold, predicted).items(), key=itemgetter(0)):
        for scheme, (pairs, missed, spurious) in _aligned(g, p, aliases, mode == "lenient").items():
            found_pairs, found_missed, found_spurious = found[scheme]
            found_pairs += pairs
            found_missed += missed
            found_spurious += spurious
    schemes = {scheme: Alignment(*map(tuple, found[scheme])) for scheme in SCHEMES}
    return MentionOutcomes(mode, schemes, sum(not fact.has_span for fact in predicted))


# Column of each credit in the per-(scheme, type) tallies: MentionCounts' field order.
_GOLD_COLUMN = {FULL: 0, NONE: 1, PARTIAL: 2}
_PRED_COLUMN = {FULL: 4, NONE: 5, PARTIAL: 6}
_MISSED, _SPURIOUS = 3, 7


def _count(outcomes: MentionOutcomes[F], group: Callable[[Fact], str],
           groups: Iterable[str] = ()) -> dict[str, MentionScore]:
    """Per group of mentions (``group`` names a mention's), the counts of every scheme and type, and value accuracy.

    Under strict and type a prediction counts under its own type; under exact and partial a paired one counts under
    its gold mention's type (see the module docstring).
    """
    def zeros() -> dict:
        return {(s, t): [0] * 8 for s in SCHEMES for t in FACT_TYPES}

    counts: dict[str, dict] = defaultdict(zeros, {name: zeros() for name in groups})
    values: dict[str, dict] = defaultdict(lambda: {t: [0, 0] for t in FACT_TYPES})
    for scheme, alignment in outcomes.schemes.items():
        type_judged = scheme in ("strict", "type")
        for pair in alignment.pairs:
            gold_type, cells = pair.gold.type, counts[group(pair.gold)]
            cells[scheme, gold_type][_GOLD_COLUMN[pair.credit]] += 1
            cells[scheme, pair.predicted.type if type_judged else gold_type][_PRED_COLUMN[pair.credit]] += 1
        for mention in alignment.missed:
            counts[group(mention)][scheme, mention.type][_MISSED] += 1
        for fact in alignment.spurious:
            counts[group(fact)][scheme, fact.type][_SPURIOUS] += 1
    for pair in outcomes.schemes["type"].pairs:
        if pair.gold.type == pair.predicted.type:
            tally = values[group(pair.gold)][pair.gold.type]
            tally[0] += 1
            tally[1] += pair.kind != "wrong_value"
    return {name: MentionScore({s: {t: MentionCounts(*cells[s, t]) for t in FACT_TYPES} for s in SCHEMES},
                               {t: ValueAccuracy(*values[name][t]) for t in FACT_TYPES})
            for name, cells in counts.items()}


def document_scores(outcomes: MentionOutcomes[F]) -> dict[str, MentionScore]:
    """The mention score of each document holding a mention or a prediction with offsets (``unscored`` left 0)."""
    return _count(outcomes, lambda fact: fact.doc_id)


def mention_score(outcomes: MentionOutcomes[F]) -> MentionScore:
    """The mention score of all the outcomes: every scheme's counts per type, value accuracy, the unscored."""
    return replace(_count(outcomes, lambda fact: "", [""])[""], unscored=outcomes.unscored)


def score_mentions(
    gold: Iterable[GoldMention], predicted: Iterable[Fact], aliases: AliasTable | None = None, value_mode: str = "strict"
) -> MentionScore:
    """Score predictions with offsets under all four schemes, plus value accuracy.

    >>> from bench.facts import DateValue as D
    >>> gold = [GoldMention("d", "date", D("2024-05-02"), "2 May 2024", 10, 20, "1")]
    >>> score = score_mentions(gold, [Fact("d", "date", D("2024-05"), start=10, end=15)])
    >>> [score.overall(s).f1 for s in SCHEMES], score.value_overall.accuracy
    ([0.0, 0.0, 0.5, 1.0], 0.0)
    """
    return mention_score(mention_outcomes(gold, predicted, aliases, value_mode))
