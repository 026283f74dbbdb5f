"""The gap between a run's F1 on seeded twins and on the original set: its mean over the twins, with a t interval.

Each twin gives one paired difference per row (a fact type, micro, macro): its
F1 minus the original's F1 on the same row. The interval is Student's t over
those K differences: mean ± t(0.975, K - 1) · s / √K, clipped to [-1, 1].
It says how far the difference moves from one twin to the next on these
documents, not how it would move on other articles (the rows' own intervals
speak to that). A row undefined (0/0) on the original or on a twin leaves
that twin out of its mean; with fewer than two twins left there is no interval.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from bench.data.results import Results
from bench.data.twin_results import Difference, TwinRun, TwinsSummary

CONFIDENCE = 0.95
METHOD = ("mean over the twins of twin - original F1, with a 95% Student's t interval over the twins "
          "(K - 1 degrees of freedom; the spread between twins on these documents)")


def t_quantile(probability: float, df: float) -> float:
    """The quantile of Student's t with ``df`` degrees of freedom, for a ``probability`` of 0.5 or more.

    Through the incomplete beta: P(|T| > t) = I_x(df/2, 1/2) with x = df / (df + t²).

    >>> round(t_quantile(0.975, 1), 3), round(t_quantile(0.975, 4), 3), t_quantile(0.5, 3)
    (12.706, 2.776, 0.0)
    """
    from bench.scoring.beta import beta_quantile

    if probability == 0.5:
        return 0.0
    x = beta_quantile(2 * (1 - probability), df / 2, 0.5)
    return math.sqrt(df * (1 - x) / x)


def mean_interval(values: Sequence[float], confidence: float = CONFIDENCE) -> tuple[float | None, tuple[float, float] | None]:
    """The mean of ``values`` and its t interval (clipped to [-1, 1]); None where there are too few values.

    >>> mean_interval([0.1, 0.3])
    (0.2, (-1.0, 1.0))
    >>> mean_interval([-0.5, -0.5, -0.5]), mean_interval([0.2]), mean_interval([])
    ((-0.5, (-0.5, -0.5)), (0.2, None), (None, None))
    """
    if not values:
        return None, None
    mean = sum(values) / len(values)
    if len(values) < 2:
        return mean, None
    spread = math.sqrt(sum((v - mean) ** 2 for v in values) / (len(values) - 1))
    half = t_quantile((1 + confidence) / 2, len(values) - 1) * spread / math.sqrt(len(values))
    return mean, (max(-1.0, mean - half), min(1.0, mean + half))


def twins_summary(original: Results, twins: Sequence[tuple[int, Results]]) -> TwinsSummary:
    """Each twin's F1 per row and recited answers, and per row the mean difference from ``original`` with its interval.

    ``twins`` pairs each twin's seed with the run scored on it (at the original's level and mode).
    """
    labels = [row.label for row in original.rows]
    runs = tuple(TwinRun(seed, results.gold_version, results.gold_hash, {row.label: row.f1 for row in results.rows},
                         dict(results.recited.counts) if results.recited else {}, len(results.failures))
                 for seed, results in twins)
    differences = []
    for label in labels:
        base = original.row(label).f1
        twin_f1 = [f1 for f1 in (run.f1.get(label) for run in runs) if f1 is not None]
        gaps = [f1 - base for f1 in twin_f1] if base is not None else []
        mean, interval = mean_interval(gaps)
        differences.append(Difference(label, mean, interval, len(gaps)))
    return TwinsSummary(METHOD, runs, tuple(differences))
