"""Exact intervals: checked against closed forms worked by hand and against scipy's Clopper–Pearson."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.scoring.beta import beta_quantile, regularized_beta
from bench.scoring.intervals import Interval, proportion_interval


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
