"""bench.scoring.frame_intervals: hand-computed cases, and a seeded coverage simulation of frames that fail together."""

from __future__ import annotations

import random

import pytest

from bench.scoring.frame_intervals import frame_interval
from bench.scoring.intervals import proportion_interval


def test_no_frame_no_interval():
    assert frame_interval([]) is None and frame_interval([(0, 0)]) is None


def test_under_five_frames_each_frame_is_one_trial():
    # 3 frames of 10 cases, 15 failures: deff = n / k = 30 / 3 = 10, so 1.5 failures in 3 trials.
    assert frame_interval([(10, 10), (5, 10), (0, 10)]) == proportion_interval(1.5, 3)


def test_no_failure_takes_kish_with_a_modest_correlation():
    # 10 frames of 10 cases, none failing: deff = 1 + (10 - 1) * 0.1 = 1.9, so 0 of 100 / 1.9 trials.
    assert frame_interval([(0, 10)] * 10) == proportion_interval(0, 100 / 1.9)
    assert frame_interval([(10, 10)] * 10) == proportion_interval(100 / 1.9, 100 / 1.9)


def test_frames_that_fail_alike_are_no_wider_than_one_trial_each():
    """Five frames wholly failing and five wholly passing: deff reaches its cap n / k = 10, 5 of 10 trials."""
    assert frame_interval([(10, 10)] * 5 + [(0, 10)] * 5) == proportion_interval(5, 10)


def test_frames_with_one_share_are_binomial():
    """Every frame fails 3 of 10: no spread between frames, deff 1, the plain exact interval."""
    assert frame_interval([(3, 10)] * 10) == proportion_interval(30, 100)


def _coverage(mean: float, icc: float, frames: int, runs: int, rng: random.Random) -> float:
    """Share of runs whose interval holds ``mean``: 100 cases spread over ``frames``, each frame's failure rate
    drawn from a Beta of that mean and intra-frame correlation ``icc``."""
    a, b = mean * (1 - icc) / icc, (1 - mean) * (1 - icc) / icc
    held = 0
    for _ in range(runs):
        rates = [rng.betavariate(a, b) for _ in range(frames)]
        sizes = [0] * frames
        for _ in range(100):
            sizes[rng.randrange(frames)] += 1
        pairs = [(sum(rng.random() < rate for _ in range(size)), size) for rate, size in zip(rates, sizes)]
        interval = frame_interval(pairs)
        held += interval.low <= mean <= interval.high
    return held / runs


@pytest.mark.parametrize(("mean", "icc"), [(0.02, 0.2), (0.1, 0.2), (0.3, 0.2), (0.5, 0.2), (0.1, 0.05), (0.05, 0.5),
                                           (0.2, 0.5), (0.5, 0.5)])
@pytest.mark.parametrize("frames", [10, 14])
def test_coverage_holds_where_frames_are_moderately_alike(mean, icc, frames):
    """93% or more, less the simulation's own error (a standard error of about 1.2 points at 400 runs)."""
    assert _coverage(mean, icc, frames, 400, random.Random(f"{mean}:{icc}:{frames}")) >= 0.92


def test_coverage_falls_short_with_few_strongly_failing_frames():
    """The limit the module card states: rate 0.1, ICC 0.5 and 10 frames cover well under 95% (about 85%)."""
    rng = random.Random(7)
    coverage = _coverage(0.1, 0.5, 10, 400, rng)
    assert 0.75 <= coverage < 0.92
