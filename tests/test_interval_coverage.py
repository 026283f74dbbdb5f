"""Coverage of the 95% intervals, simulated: extractors whose true P and R are known, at support 2 to 100.

An extractor finds each of n gold facts with probability R (TP ~ Binomial(n, R))
and adds Poisson false positives with mean n R (1 - P) / P, so that its
expected counts give precision P, recall R and F1 2PR / (P + R). At mention
level each gold mention earns full credit with probability f, half credit with
probability h, none otherwise: its true recall is f + h / 2. Each setting is
drawn RUNS times from a seeded generator; a nominal 95% interval must hold the
truth in at least 93% of the runs where the metric is defined.
"""

from __future__ import annotations

import functools
import math
import random

import pytest

from bench.scoring.fact_level import PRF
from bench.scoring.intervals import Intervals, fact_intervals, macro_intervals, mention_intervals
from bench.scoring.mention_level import MentionCounts

RUNS = 1_000
FLOOR = 0.93
SUPPORTS = (2, 5, 20, 100)
EXTRACTORS = [(0.5, 0.5), (0.9, 0.7), (0.7, 0.9), (0.95, 0.95), (1.0, 1.0), (0.3, 0.8), (0.99, 0.6)]
CREDITS = [(0.5, 0.3), (0.0, 1.0), (0.8, 0.1), (0.3, 0.3), (1.0, 0.0)]  # (full, partial) shares


def binomial(rng: random.Random, n: int, p: float) -> int:
    return sum(rng.random() < p for _ in range(n))


def poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method: count uniforms until their product falls below exp(-mean)."""
    threshold, count, product = math.exp(-mean), 0, rng.random()
    while product > threshold:
        count, product = count + 1, product * rng.random()
    return count


# Runs repeat counts often; caching keeps the simulation fast without changing what is computed.
cached_fact_intervals = functools.cache(fact_intervals)
cached_mention_intervals = functools.cache(mention_intervals)


def intervals_of(tp: int, fp: int, fn: int) -> Intervals:
    return cached_fact_intervals(PRF(tp, fp, fn))


def draw(rng: random.Random, n: int, precision: float, recall: float) -> tuple[int, int, int]:
    tp = binomial(rng, n, recall)
    return tp, poisson(rng, n * recall * (1 - precision) / precision), n - tp


def covers(interval, truth: float) -> bool:
    return interval.low - 1e-12 <= truth <= interval.high + 1e-12


def coverage(hits: list[bool]) -> float:
    return sum(hits) / len(hits)


@pytest.mark.parametrize("support", SUPPORTS)
def test_fact_level_intervals_cover_the_true_p_r_and_f1(support):
    rng = random.Random(support)
    for precision, recall in EXTRACTORS:
        truth = {"precision": precision, "recall": recall, "f1": 2 * precision * recall / (precision + recall)}
        hits: dict[str, list[bool]] = {metric: [] for metric in truth}
        for _ in range(RUNS):
            intervals = intervals_of(*draw(rng, support, precision, recall))
            for metric, value in truth.items():
                if (interval := getattr(intervals, metric)) is not None:
                    hits[metric].append(covers(interval, value))
        for metric, found in hits.items():
            assert coverage(found) >= FLOOR, (support, precision, recall, metric, coverage(found))


@pytest.mark.parametrize("support", SUPPORTS)
def test_mention_level_intervals_cover_the_true_credit(support):
    rng = random.Random(100 + support)
    for full, partial in CREDITS:
        found = []
        for _ in range(RUNS):
            rolls = [rng.random() for _ in range(support)]
            correct, halves = sum(r < full for r in rolls), sum(full <= r < full + partial for r in rolls)
            counts = MentionCounts(gold_correct=correct, gold_partial=halves, missed=support - correct - halves)
            found.append(covers(cached_mention_intervals(counts).recall, full + partial / 2))
        assert coverage(found) >= FLOOR, (support, full, partial, coverage(found))


@pytest.mark.parametrize("support", (2, 20))
def test_macro_f1_interval_covers_the_mean_of_the_true_f1s(support):
    rng = random.Random(200 + support)
    types = EXTRACTORS[:5]
    truth = sum(2 * p * r / (p + r) for p, r in types) / len(types)
    found = []
    for _ in range(RUNS):
        cells = [PRF(*draw(rng, support, p, r)) for p, r in types]
        found.append(covers(macro_intervals(cells, cached_fact_intervals).f1, truth))
    assert coverage(found) >= FLOOR, coverage(found)
