"""Paired comparison of two results files scored alike on the same set, at their level (fact or a mention scheme)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from bench.data.gold import Gold
from bench.data.results import Results, odd_one_out
from bench.data.scored_on import refuse_other_sets
from bench.errors import MismatchError
from bench.facts import Fact, GoldMention
from bench.scoring.outcomes import Alignment, FactOutcomes

PARTIAL_FACTS = ("not computed at the partial level: a partial match earns half a unit, which the test over single "
                 "mentions cannot swap whole")


def same_setting(results: Sequence[Results], names: Sequence[str]) -> None:
    """Refuse results scored at different levels or in different modes, naming the odd file (unlike most of the others)."""
    for name in ("level", "mode"):
        found = odd_one_out([getattr(r, name) for r in results])
        if found:
            odd, usual = found
            theirs, ours = getattr(results[odd], name), getattr(results[usual], name)
            raise MismatchError(f"{name} {theirs!r} differs from {names[usual]}'s {ours!r}: runs are compared only "
                                f"when scored alike; score both with --{name} {ours} (or both with --{name} {theirs})",
                                names[odd], field=name)


def mention_units(alignment: Alignment[GoldMention, Fact], scheme: str, mode: str) -> FactOutcomes:
    """A mention-level alignment under ``scheme`` as the units the paired test swaps, in the shape of fact outcomes.

    Each gold mention is a unit of its type, a true positive when its pair
    earns full credit (the pair's prediction then shares its key), else a
    false negative. Each prediction short of full credit (spurious, or paired
    but incorrect) is a unit of its own, a false positive, filed as the scorer
    files it: under its own type where the scheme judges types (strict, type),
    under its gold mention's type otherwise. Under ``partial``, where a pair
    earns half, every unit counts twice: a full pair is two true positives, a
    half pair one of each. F1 = 2TP/(2TP+FP+FN) is the same at any scale, so F1
    per type, micro and macro are the scorer's.

    >>> from bench.scoring.mention_level import mention_outcomes
    >>> from bench.facts import DateValue as D
    >>> gold = [GoldMention("d", "date", D("2024-05-02"), "May 2", 0, 5, "1")]
    >>> half = mention_outcomes(gold, [Fact("d", "date", D("2024-05"), "May", 0, 3)]).schemes["partial"]
    >>> mention_units(half, "partial", "strict").counts()
    {('d', 'date'): (1, 1, 1)}
    """
    weight = 2 if scheme == "partial" else 1
    seen: Counter = Counter()

    def keys(fact: Fact, fact_type: str, side: str) -> list[tuple]:
        """Its document, type, and identity: span and value, which repeat of an identical mention, which half."""
        mention = (side, fact.start, fact.end, repr(fact.value))
        seen[fact.doc_id, fact_type, mention] += 1
        return [(fact.doc_id, fact_type, (*mention, seen[fact.doc_id, fact_type, mention], half)) for half in range(weight)]

    gold, predicted, credited = set(), set(), set()
    for pair in alignment.pairs:
        earned = round(pair.credit * weight)
        filed = pair.predicted.type if scheme in ("strict", "type") else pair.gold.type
        gold_keys, predicted_keys = keys(pair.gold, pair.gold.type, "gold"), keys(pair.predicted, filed, "predicted")
        credited.update(gold_keys[:earned])
        gold.update(gold_keys)
        predicted.update(gold_keys[:earned] + predicted_keys[earned:])
    for mention in alignment.missed:
        gold.update(keys(mention, mention.type, "gold"))
    for fact in alignment.spurious:
        predicted.update(keys(fact, fact.type, "predicted"))
    return FactOutcomes(mode, gold, predicted, credited)


def outcomes_of(results: Results, gold: Gold) -> FactOutcomes:
    """The units behind a results file's score at its level, recomputed from its predictions on ``gold``'s documents
    (a suite's results also hold the predictions on its variants, which its scores do not count)."""
    from bench.scoring.fact_level import fact_outcomes, key_set
    from bench.scoring.mention_level import mention_outcomes

    documents = {doc.id for doc in gold.documents}
    predictions = [Fact.from_dict(raw) for raw in results.predictions if raw["doc_id"] in documents]
    if results.level == "fact":
        return fact_outcomes(key_set(gold.facts, gold.aliases), key_set(predictions, gold.aliases), results.mode)
    alignment = mention_outcomes(gold.facts, predictions, gold.aliases, results.mode).schemes[results.level]
    return mention_units(alignment, results.level, results.mode)


def compare_results(a: Results, b: Results, names: list[str], gold: Gold, resamples: int = 9_999, seed: int = 0,
                    suite=None):
    """Approximate-randomization tests of F1 per type, micro and macro, run A against run B, at the files' level.

    Refuses runs on different sets or on another set than ``gold`` (the
    ``suite``'s gold when one was loaded), and runs scored at different levels
    or in different modes, naming the files, their sets and the option to use.
    At the partial level only the test over documents is made (see :data:`PARTIAL_FACTS`).
    """
    from bench.scoring.significance import compare_runs

    refuse_other_sets([a, b], names, gold, suite)
    same_setting([a, b], names)
    gold = gold if suite is None else suite.source_gold  # a suite's variants repeat their sources' facts: count them once
    comparison = compare_runs(outcomes_of(a, gold), outcomes_of(b, gold), a.gold_hash, b.gold_hash, resamples, seed)
    if a.level != "partial":
        return comparison

    def documents_only(difference):
        return replace(difference, p_value=None)

    return replace(comparison, method=PARTIAL_FACTS, per_type={t: documents_only(d) for t, d in comparison.per_type.items()},
                   micro=documents_only(comparison.micro), macro=documents_only(comparison.macro))
