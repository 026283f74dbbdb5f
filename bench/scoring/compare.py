"""Paired comparison of two results files on the same gold (fact level)."""

from __future__ import annotations

from bench.data.gold import Gold
from bench.data.results import Results, same_gold
from bench.errors import MismatchError
from bench.facts import Fact


def outcomes_of(results: Results, gold: Gold):
    """The fact outcomes behind a results file, recomputed from its predictions."""
    from bench.scoring.fact_level import fact_outcomes, key_set

    predictions = [Fact.from_dict(raw) for raw in results.predictions]
    return fact_outcomes(key_set(gold.facts, gold.aliases), key_set(predictions, gold.aliases), results.mode)


def compare_results(a: Results, b: Results, names: list[str], gold: Gold, resamples: int = 9_999, seed: int = 0):
    """Approximate-randomization test of F1 per type, micro and macro, run A against run B.

    Refuses runs on different gold, on a gold other than ``gold``, or scored in different modes.
    """
    from bench.scoring.significance import compare_runs

    same_gold([a, b], names)
    if a.gold_hash != gold.hash:
        raise MismatchError(f"scored on gold {a.gold_version} ({a.gold_hash[:19]}), not the gold loaded "
                            f"({gold.version}, {gold.hash[:19]})", names[0], field="gold_hash")
    if a.mode != b.mode:
        raise MismatchError(f"mode {b.mode!r} differs from {names[0]}'s {a.mode!r}", names[1], field="mode")
    return compare_runs(outcomes_of(a, gold), outcomes_of(b, gold), a.gold_hash, b.gold_hash, resamples, seed)
