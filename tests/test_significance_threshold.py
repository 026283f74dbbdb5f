"""Significant means p below 0.05, never at it: the report's runs against the best, and the leaderboard's rank groups.

Both thresholds live in presentation (``html_report/comparison.py``: ``p < ALPHA``; ``leaderboard.py``:
``p >= alpha`` shares a group). A p-value of exactly 0.05 is reached by hand: run A finds all 20 gold facts,
run B none, so F1 differs by 1 - 0 = 1. A random swap is as extreme only when it swaps all 20 facts or none
(chance 2 / 2**20), so none of 19 resamples is, and p = (1 + 0) / (19 + 1) = 0.05.
"""

from __future__ import annotations

from bench.data.documents import Document
from bench.data.gold import Gold
from bench.facts import Fact
from bench.normalize.aliases import AliasTable
from bench.presentation.html_report import Run, comparison
from bench.presentation.leaderboard import groups_of
from bench.scoring.fact_level import fact_outcomes
from bench.scoring.scorer import score_run
from bench.scoring.significance import compare_runs

DATES = tuple(Fact("d", "date", f"2025-03-{day:02d}") for day in range(1, 21))
GOLD = Gold("1.0.0", "sha256:" + "e" * 64, (Document("d", "A text of no consequence."),), DATES, AliasTable())
HASH = GOLD.hash


def test_nineteen_resamples_and_no_swap_as_extreme_give_p_of_exactly_0_05():
    keys = {("d", "date", fact.value) for fact in DATES}
    result = compare_runs(fact_outcomes(keys, keys), fact_outcomes(keys, set()), HASH, HASH, resamples=19)
    assert (result.micro.delta, result.micro.p_value) == (1.0, 0.05)


def test_the_leaderboard_keeps_a_p_of_0_05_in_the_group_above():
    keys = {("d", "date", fact.value) for fact in DATES}
    p_value = compare_runs(fact_outcomes(keys, keys), fact_outcomes(keys, set()), HASH, HASH, resamples=19).micro.p_value
    assert groups_of([None, p_value]) == [1, 1]


def test_the_report_does_not_mark_a_p_of_0_05_significant(monkeypatch):
    """One comparison: Holm leaves its p as it is, 0.05, which is not below 0.05."""
    monkeypatch.setattr(comparison, "SIGNIFICANCE_RESAMPLES", 19)
    runs = [Run("all", score_run(GOLD, list(DATES), "all", "1", ci=False)),
            Run("none", score_run(GOLD, [], "none", "1", ci=False))]
    assert comparison.versus_best(runs, GOLD) == {"none": comparison.VersusBest(0.05, False)}
