"""Exact intervals: checked against closed forms worked by hand and against scipy's Clopper–Pearson.

Closed forms used below: with k = n successes the Clopper–Pearson low bound p
solves p**n = tail; with k = 0 the high bound solves (1 - p)**n = tail; with
k = 1 the low bound solves 1 - (1 - p)**n = tail; with k = n - 1 the high bound
solves 1 - p**n = tail (tail = (1 - confidence) / 2, 0.025 at 95%).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.data.documents import Document
from bench.data.gold import Gold
from bench.facts import FACT_TYPES, Fact
from bench.normalize.aliases import AliasTable
from bench.scoring.beta import beta_quantile, regularized_beta
from bench.scoring.fact_level import PRF
from bench.scoring.intervals import (
    Interval,
    Intervals,
    credit_interval,
    f1_interval,
    fact_intervals,
    macro_intervals,
    mention_intervals,
    proportion_interval,
)
from bench.scoring.mention_level import MentionCounts
from bench.scoring.scorer import score_run

EXACT = 1e-12


def close(low: float, high: float) -> Interval:
    return Interval(pytest.approx(low, abs=EXACT), pytest.approx(high, abs=EXACT))


def pair(low: float, high: float) -> tuple:
    """A results row's (low, high) interval, to within rounding."""
    return pytest.approx(low, abs=EXACT), pytest.approx(high, abs=EXACT)


def f1_of_j(j: float) -> float:
    return 2 * j / (1 + j)


def test_all_found_reaches_down_to_the_tail_root():
    """k = n: the lower bound p solves p**n = 0.025 (the chance of n of n at p), so 2 of 2 gives sqrt(0.025)."""
    assert proportion_interval(2, 2) == Interval(pytest.approx(0.025 ** 0.5, abs=1e-12), 1.0)
    assert proportion_interval(5, 5).low == pytest.approx(0.025 ** 0.2, abs=1e-12)


def test_none_found_reaches_up_to_the_tail_root():
    """k = 0: the upper bound p solves (1 - p)**n = 0.025."""
    assert proportion_interval(0, 4) == Interval(0.0, pytest.approx(1 - 0.025 ** 0.25, abs=1e-12))


def test_one_of_two_solves_both_tails_by_hand():
    """1 of 2: P(X >= 1) = 1 - (1 - p)**2 = 0.025 below, P(X <= 1) = 1 - p**2 = 0.025 above."""
    interval = proportion_interval(1, 2)
    assert (interval.low, interval.high) == (pytest.approx(1 - 0.975 ** 0.5, abs=1e-12), pytest.approx(0.975 ** 0.5, abs=1e-12))


def test_confidence_sets_the_tails():
    """At 90% each tail holds 0.05: 2 of 2 reaches down to sqrt(0.05) only."""
    assert proportion_interval(2, 2, confidence=0.9).low == pytest.approx(0.05 ** 0.5, abs=1e-12)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 3_000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))),
       st.sampled_from([0.8, 0.9, 0.95, 0.99]))
def test_agrees_with_scipy_clopper_pearson(count, confidence):
    from scipy.stats import binomtest

    successes, trials = count
    reference = binomtest(successes, trials).proportion_ci(confidence_level=confidence, method="exact")
    interval = proportion_interval(successes, trials, confidence)
    assert (interval.low, interval.high) == (pytest.approx(reference.low, abs=1e-9), pytest.approx(reference.high, abs=1e-9))


@settings(max_examples=200, deadline=None)
@given(st.floats(0, 1), st.floats(0.05, 500), st.floats(0.05, 500))
def test_regularized_beta_agrees_with_scipy(x, a, b):
    from scipy.special import betainc

    assert regularized_beta(x, a, b) == pytest.approx(betainc(a, b, x), abs=1e-10)


@settings(max_examples=100, deadline=None)
@given(st.floats(0.001, 0.999), st.floats(0.5, 500), st.floats(0.5, 500))
def test_beta_quantile_inverts_the_distribution(probability, a, b):
    from scipy.special import betaincinv

    assert beta_quantile(probability, a, b) == pytest.approx(betaincinv(a, b, probability), abs=1e-9)


@pytest.mark.parametrize("successes, trials, confidence", [(3, 2, 0.95), (-1, 2, 0.95), (0, 0, 0.95), (1, 2, 1.0), (1, 2, 0)])
def test_impossible_arguments_are_refused(successes, trials, confidence):
    with pytest.raises(ValueError):
        proportion_interval(successes, trials, confidence)


# --- F1 through J = TP / (TP + FP + FN) ----------------------------------------------------------

def test_f1_of_all_right_reaches_down_to_the_tail_root_of_j():
    assert f1_interval(2, 0, 0) == close(f1_of_j(0.025 ** 0.5), 1.0)


def test_f1_of_nothing_found_reaches_up_from_zero():
    assert f1_interval(0, 0, 3) == close(0.0, f1_of_j(1 - 0.025 ** (1 / 3)))
    assert f1_interval(0, 0, 0) is None


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 300), st.integers(0, 300), st.integers(0, 300))
def test_f1_interval_is_scipys_clopper_pearson_of_j_mapped(tp, fp, fn):
    from scipy.stats import binomtest

    if tp + fp + fn == 0:
        return
    j = binomtest(tp, tp + fp + fn).proportion_ci(method="exact")
    assert f1_interval(tp, fp, fn) == close(f1_of_j(j.low), f1_of_j(j.high))


def test_fact_intervals_leave_undefined_metrics_out():
    intervals = fact_intervals(PRF(tp=0, fp=0, fn=2))
    assert intervals.precision is None
    assert intervals.recall == close(0.0, 1 - 0.025 ** 0.5)


# --- partial credit at mention level -------------------------------------------------------------

def test_partial_matches_count_as_misses_below_and_as_hits_above():
    """1 full, 2 partial, 1 missed of 4: low is the low of 1 of 4, high the high of 3 of 4."""
    recall = mention_intervals(MentionCounts(gold_correct=1, gold_partial=2, missed=1)).recall
    assert recall == close(1 - 0.975 ** 0.25, 0.975 ** 0.25)


def test_only_partial_matches_cannot_rule_out_a_credit_of_zero():
    assert credit_interval(0, 2, 2) == close(0.0, 1.0)


def test_mention_f1_combines_p_and_r_each_at_half_the_error():
    """P and R both 2 of 2 at 97.5% reach down to sqrt(0.0125); their harmonic mean is the same."""
    counts = MentionCounts(gold_correct=2, pred_correct=2)
    assert mention_intervals(counts).f1 == close(0.0125 ** 0.5, 1.0)
    assert mention_intervals(counts).recall == close(0.025 ** 0.5, 1.0)


def test_mention_f1_with_no_predictions_spans_zero():
    f1 = mention_intervals(MentionCounts(missed=3)).f1
    assert f1.low == 0.0 and 0 < f1.high < 1


# --- macro ---------------------------------------------------------------------------------------

def test_macro_averages_bounds_taken_at_bonferroni_confidence():
    """Recall is defined for two types, so each is bounded at 97.5% (tail 0.0125) and the bounds averaged."""
    macro = macro_intervals([PRF(2, 0, 0), PRF(0, 0, 3), PRF()], fact_intervals).recall
    assert macro == close(0.0125 ** 0.5 / 2, (1 + 1 - 0.0125 ** (1 / 3)) / 2)


def test_macro_of_nothing_is_undefined():
    assert macro_intervals([PRF(), PRF()], fact_intervals).f1 is None


# --- every interval holds its point ---------------------------------------------------------------

counts = st.integers(0, 60)


@settings(max_examples=200, deadline=None)
@given(counts, counts, counts)
def test_fact_intervals_hold_the_point_inside_the_unit_interval(tp, fp, fn):
    cell = PRF(tp, fp, fn)
    intervals = fact_intervals(cell)
    for metric in ("precision", "recall", "f1"):
        point, interval = getattr(cell, metric), getattr(intervals, metric)
        assert (point is None) == (interval is None)
        if interval is not None:
            assert 0.0 <= interval.low <= point + EXACT and point - EXACT <= interval.high <= 1.0


@settings(max_examples=200, deadline=None)
@given(st.builds(MentionCounts, *[counts] * 8))
def test_mention_intervals_hold_the_point_inside_the_unit_interval(cell):
    intervals = mention_intervals(cell)
    for metric in ("precision", "recall", "f1"):
        point, interval = getattr(cell, metric), getattr(intervals, metric)
        assert (point is None) == (interval is None)
        if interval is not None:
            assert 0.0 <= interval.low <= point + EXACT and point - EXACT <= interval.high <= 1.0


# --- through score_run: the results carry 95% intervals at both levels ----------------------------

TEXT = "It closed on 2024-07-15 and reopened on 2024-07-16."
GOLD = Gold("1.0.0", "sha256:" + "0" * 64, (Document("d", TEXT),),
            (Fact("d", "date", "2024-07-15", "2024-07-15", 13, 23), Fact("d", "date", "2024-07-16", "2024-07-16", 40, 50)),
            AliasTable())


def test_a_scored_run_carries_95_percent_intervals():
    results = score_run(GOLD, list(GOLD.facts), "perfect", "1")
    assert results.row("date").ci["recall"] == pair(0.025 ** 0.5, 1.0)
    assert results.row("micro").ci["f1"] == pair(f1_of_j(0.025 ** 0.5), 1.0)
    assert results.row("headcount").ci == {"precision": None, "recall": None, "f1": None}
    assert results.row("date").low_support and "Clopper–Pearson" in results.ci_method


def test_a_mention_level_run_gives_partial_matches_no_full_credit():
    """Both predictions overlap their gold mention without matching its span: two half credits of two."""
    halves = [Fact("d", "date", "2024-07-15", "2024-07", 13, 20), Fact("d", "date", "2024-07-16", "2024-07", 40, 47)]
    results = score_run(GOLD, halves, "halves", "1", level="partial")
    assert results.row("date").recall == 0.5
    assert results.row("date").ci["recall"] == pair(0.0, 1.0)
    assert results.row("date").ci["precision"] == pair(0.0, 1.0)


def test_without_ci_a_run_states_no_method():
    results = score_run(GOLD, list(GOLD.facts), "perfect", "1", ci=False)
    assert results.ci_method == "" and all(row.ci == {} for row in results.rows)
    assert {row.label for row in results.rows} == {*FACT_TYPES, "micro", "macro"}


# --- arguments, confidence and the undefined side, as a user meets them ----------------------------

def test_a_refused_proportion_says_which_counts_were_given():
    with pytest.raises(ValueError) as refused:
        proportion_interval(3, 2)
    assert "successes" in str(refused.value) and "3 of 2" in str(refused.value)


@pytest.mark.parametrize("full, partial, trials", [(2, 1, 2), (-1, 0, 2), (0, -1, 2), (3, 0, 2)])
def test_impossible_credits_are_refused_naming_the_counts(full, partial, trials):
    """More credited trials than trials, or a negative count, is a bug in the caller: say what was given."""
    with pytest.raises(ValueError) as refused:
        credit_interval(full, partial, trials)
    assert f"{full} + {partial} of {trials}" in str(refused.value)


def test_f1_of_one_right_and_one_wrong_is_the_interval_of_j_one_of_two():
    """TP = FP = 1: J = 1/2, whose bounds solve 1 - (1 - p)**2 = 0.025 and 1 - p**2 = 0.025."""
    assert f1_interval(1, 1, 0) == close(f1_of_j(1 - 0.975 ** 0.5), f1_of_j(0.975 ** 0.5))


def test_fact_intervals_honour_the_confidence_for_every_metric():
    """At 90% each tail holds 0.05: 2 of 2 reaches down to sqrt(0.05) for P, R and J."""
    intervals = fact_intervals(PRF(tp=2, fp=0, fn=0), confidence=0.9)
    assert intervals == Intervals(close(0.05 ** 0.5, 1.0), close(0.05 ** 0.5, 1.0), close(f1_of_j(0.05 ** 0.5), 1.0))


def test_mention_f1_with_no_gold_counts_recall_as_anything_from_zero_to_one():
    """1 of 2 predictions right and no gold: R undefined, so [0, 1]; P at 97.5% (tail 0.0125) reaches up to
    sqrt(0.9875), and F1 spans the harmonic means of the lows (0) and of the highs (P high with 1)."""
    high = 0.9875 ** 0.5
    intervals = mention_intervals(MentionCounts(pred_correct=1, spurious=1))
    assert intervals.recall is None
    assert intervals.f1 == close(0.0, 2 * high / (high + 1))


# --- the Beta routines behind the bounds --------------------------------------------------------------

def test_beta_quantile_converges_in_newton_steps_not_bisections(monkeypatch):
    """From the mean, Newton's steps reach the tail quantiles of Beta(a, b), a, b = 1..12, within 12 evaluations
    of I_x; bisection alone needs 47 halvings to narrow [0, 1] to 1e-14."""
    import bench.scoring.beta as beta

    evaluations = []

    def counted(x, a, b):
        evaluations.append(x)
        return regularized_beta(x, a, b)

    monkeypatch.setattr(beta, "regularized_beta", counted)
    most = 0
    for probability in (0.0125, 0.025, 0.05, 0.95, 0.975, 0.9875):
        for a in range(1, 13):
            for b in range(1, 13):
                evaluations.clear()
                beta.beta_quantile(probability, a, b)
                most = max(most, len(evaluations))
    assert most <= 12


def test_exact_quantiles_of_the_uniform_distribution():
    """Beta(1, 1) is uniform: its quantile at a dyadic p is p itself, which the search reaches exactly."""
    assert [beta_quantile(p, 1, 1) for p in (0.5, 0.25, 0.125)] == [0.5, 0.25, 0.125]


def test_an_incomplete_beta_that_cannot_converge_says_for_which_arguments():
    """At a = b = 1e12 the continued fraction needs about a million terms; it gives up naming a, b and x."""
    with pytest.raises(ArithmeticError) as refused:
        regularized_beta(0.5, 1e12, 1e12)
    message = str(refused.value)
    assert "converge" in message and "a=1000000000000.0" in message and "b=1000000000000.0" in message
    assert "x=0.5" in message


@pytest.mark.parametrize("confidence", [1.0, 0, 1.5])
def test_a_refused_confidence_says_what_it_must_be(confidence):
    with pytest.raises(ValueError) as refused:
        proportion_interval(1, 2, confidence)
    assert "confidence" in str(refused.value) and "between 0 and 1" in str(refused.value)
    assert str(refused.value).endswith(str(confidence))


def test_a_beta_quantile_that_cannot_converge_says_for_which_arguments():
    """A tail of 1e-300 (no confidence below 1 asks for one) leaves Newton's steps crawling from the mean of
    Beta(1000, 1) for more than the 400 steps allowed: the search gives up naming p, a and b."""
    with pytest.raises(ArithmeticError) as refused:
        beta_quantile(1e-300, 1000, 1)
    message = str(refused.value)
    assert "converge" in message and "p=1e-300" in message and "a=1000" in message and "b=1" in message
