"""Uncertainty of a score: exact intervals that stay honest at two facts as at two thousand.

Why not the bootstrap: a percentile bootstrap of 2 facts, both found, gives
[1, 1], a certainty nobody has. The intervals here come from the counts alone
(no resampling, no seed) and never cover less than their nominal level
(tests/test_coverage.py simulates it at support 2 to 100).

- **P and R**: Clopper–Pearson (exact binomial) intervals of TP out of
  TP + FP and of TP out of TP + FN. 2 of 2 found gives R in [0.158, 1].
- **F1**: Goutte & Gaussier (ECIR 2005) note that F1 = 2J / (1 + J) with
  J = TP / (TP + FP + FN), a proportion with a Beta posterior. We take the
  Clopper–Pearson bounds of J (the Beta quantiles under the two extreme
  priors) and map them through 2J / (1 + J). Chosen over a Beta credible
  interval because one with any proper prior excludes F1 = 1 when every fact
  is right (it never covers a perfect extractor), and over a Bayesian
  bootstrap because that needs numpy (about 0.15 s to import) and a seed; this
  costs under a millisecond per metric in pure Python.
- **Micro**: the same intervals on the counts summed over the types.
- **Macro** (the mean over the types where a metric is defined): each type's
  interval at confidence 1 - alpha / k for k such types (Bonferroni), then the
  mean of the lows and of the highs. All k cover at once with probability
  1 - alpha at least, and then so does the mean.
- **Mention level** (partial credit: a partial match is worth half): a
  proportion of credit in [0, 1] is bounded below by the share of full
  matches and above by the share of full or partial ones. So the low bound is
  the Clopper–Pearson low of the full matches, the high bound that of full
  plus partial matches, each with its tail of alpha / 2. F1 is the harmonic
  mean of P's and R's bounds, each taken at 1 - alpha / 2; an undefined P or R
  counts as [0, 1] there. With no partial matches P and R are exactly
  Clopper–Pearson.

What the intervals mean, and when each is shown. These treat the scored facts
(or mentions) as independent trials of one extractor. Facts of one article
are not independent (one habit of an extractor fails every date of a story),
so for a claim about other articles these are too narrow: read them as a
lower bound on the uncertainty. At fact level, on a gold set of more than one
document, every row also carries an interval over documents
(:mod:`bench.scoring.cluster_intervals`) that lets the facts of one article
fail together: never narrower than this one, absent where fewer than 5
documents hold the row. Read that one when the articles stand for the news
you care about. On a single document and at the mention levels, this is the
only interval.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from bench.scoring.beta import beta_quantile
from bench.scoring.fact_level import PRF

if TYPE_CHECKING:  # an annotation only: a fact-level run (the default) never loads the mention modules (8 ms)
    from bench.scoring.mention_counts import MentionCounts

CONFIDENCE = 0.95
METHOD = ("exact: Clopper–Pearson for P and R; F1 = 2J/(1+J) from the Clopper–Pearson bounds of "
          "J = TP/(TP+FP+FN) (Goutte & Gaussier 2005); macro: per-type bounds at Bonferroni-adjusted "
          "confidence, averaged")
MENTION_METHOD = ("exact: Clopper–Pearson bounds with partial matches counted as misses (low) and as hits (high); "
                  "F1 from P and R bounds at Bonferroni-adjusted confidence; macro: per-type bounds at "
                  "Bonferroni-adjusted confidence, averaged")
METRICS = ("precision", "recall", "f1")
Cell = TypeVar("Cell")


@dataclass(frozen=True, slots=True)
class Interval:
    low: float
    high: float


@dataclass(frozen=True, slots=True)
class Intervals:
    """P, R and F1 intervals of one row; None where the metric is undefined (0/0)."""

    precision: Interval | None
    recall: Interval | None
    f1: Interval | None

    def to_dict(self) -> dict[str, Any]:
        return {m: None if (i := getattr(self, m)) is None else (i.low, i.high) for m in METRICS}


def _check(confidence: float) -> float:
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must lie strictly between 0 and 1, got {confidence}")
    return (1 - confidence) / 2


def _lower(successes: float, trials: float, tail: float) -> float:
    """The proportion below which ``successes`` or more in ``trials`` has probability under ``tail``."""
    return 0.0 if successes == 0 else beta_quantile(tail, successes, trials - successes + 1)


def _upper(successes: float, trials: float, tail: float) -> float:
    """The proportion above which ``successes`` or fewer in ``trials`` has probability under ``tail``."""
    return 1.0 if successes == trials else beta_quantile(1 - tail, successes + 1, trials - successes)


def proportion_interval(successes: float, trials: float, confidence: float = CONFIDENCE) -> Interval:
    """The exact (Clopper–Pearson) interval of a binomial proportion.

    Each bound is the proportion at which the observed count is just
    significant in its tail (probability ``(1 - confidence) / 2``). It never
    covers less than ``confidence``, however few the trials, and includes 0 or
    1 when no or every trial succeeded. Real counts are an effective sample
    (counts divided by a design effect): the same Beta quantiles.

    >>> interval = proportion_interval(2, 2)
    >>> round(interval.low, 4), interval.high
    (0.1581, 1.0)
    """
    if trials <= 0 or not 0 <= successes <= trials:
        raise ValueError(f"a proportion needs 0 <= successes <= trials and trials > 0, got {successes} of {trials}")
    tail = _check(confidence)
    return Interval(_lower(successes, trials, tail), _upper(successes, trials, tail))


def credit_interval(full: int, partial: int, trials: int, confidence: float = CONFIDENCE) -> Interval | None:
    """Interval of a mean credit when ``full`` trials earn 1, ``partial`` earn 1/2 and the rest 0.

    >>> credit_interval(2, 0, 2) == proportion_interval(2, 2), credit_interval(0, 0, 0)
    (True, None)
    >>> interval = credit_interval(0, 2, 2)  # two half-credits: from "none" to "all" at 95%
    >>> interval.low, round(interval.high, 4)
    (0.0, 1.0)
    """
    if not trials:
        return None
    if not (0 <= full and 0 <= partial and full + partial <= trials):
        raise ValueError(f"credits need 0 <= full + partial <= trials, got {full} + {partial} of {trials}")
    tail = _check(confidence)
    return Interval(_lower(full, trials, tail), _upper(full + partial, trials, tail))


def f1_interval(tp: int, fp: int, fn: int, confidence: float = CONFIDENCE) -> Interval | None:
    """F1 = 2J / (1 + J) at the Clopper–Pearson bounds of J = TP / (TP + FP + FN).

    >>> interval = f1_interval(2, 0, 0)  # J in [sqrt(0.025), 1]
    >>> round(interval.low, 4), interval.high, f1_interval(0, 0, 0)
    (0.2731, 1.0, None)
    """
    if not tp + fp + fn:
        return None
    return f1_of_j(proportion_interval(tp, tp + fp + fn, confidence))


def f1_of_j(j: Interval) -> Interval:
    """An interval of J = TP / (TP + FP + FN) mapped to F1 = 2J / (1 + J), which rises with J.

    >>> f1_of_j(Interval(0.5, 1.0)) == Interval(2 / 3, 1.0)
    True
    """
    return Interval(2 * j.low / (1 + j.low), 2 * j.high / (1 + j.high))


def fact_intervals(counts: PRF, confidence: float = CONFIDENCE) -> Intervals:
    """P, R and F1 intervals of fact-level counts.

    >>> r = fact_intervals(PRF(tp=2, fp=0, fn=0)).recall
    >>> round(r.low, 3), r.high
    (0.158, 1.0)
    """
    tp, fp, fn = counts.tp, counts.fp, counts.fn
    return Intervals(proportion_interval(tp, tp + fp, confidence) if tp + fp else None,
                     proportion_interval(tp, tp + fn, confidence) if tp + fn else None,
                     f1_interval(tp, fp, fn, confidence))


def _harmonic(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def mention_intervals(counts: MentionCounts, confidence: float = CONFIDENCE) -> Intervals:
    """P, R and F1 intervals of mention-level counts with half credit for partial matches.

    >>> from bench.scoring.mention_counts import MentionCounts
    >>> i = mention_intervals(MentionCounts(gold_correct=1, gold_partial=1, pred_correct=1, pred_partial=1))
    >>> i.recall == Interval(proportion_interval(1, 2).low, 1.0), i.f1.high
    (True, 1.0)
    """
    def precision(level: float) -> Interval | None:
        return credit_interval(counts.pred_correct, counts.pred_partial, counts.actual, level)

    def recall(level: float) -> Interval | None:
        return credit_interval(counts.gold_correct, counts.gold_partial, counts.possible, level)

    joint = 1 - (1 - confidence) / 2
    p, r = precision(joint), recall(joint)
    f1 = None
    if p or r:
        p, r = p or Interval(0.0, 1.0), r or Interval(0.0, 1.0)
        f1 = Interval(_harmonic(p.low, r.low), _harmonic(p.high, r.high))
    return Intervals(precision(confidence), recall(confidence), f1)


def macro_intervals(cells: Sequence[Cell], intervals_of: Callable[[Cell, float], Intervals],
                    confidence: float = CONFIDENCE) -> Intervals:
    """Intervals of the macro average: per-type bounds at Bonferroni-adjusted confidence, averaged.

    None for a metric when a type where it is defined has no interval (a document interval on too few documents).

    >>> one = fact_intervals(PRF(2, 0, 0), 0.975).recall
    >>> macro_intervals([PRF(2, 0, 0), PRF(2, 0, 0), PRF()], fact_intervals).recall == one
    True
    """
    bounded = functools.cache(intervals_of)  # a cell's intervals at one level serve every metric

    def averaged(metric: str) -> Interval | None:
        defined = [cell for cell in cells if getattr(cell, metric) is not None]  # as the macro average counts them
        if not defined:
            return None
        level = 1 - (1 - confidence) / len(defined)
        bounds = [getattr(bounded(cell, level), metric) for cell in defined]
        if None in bounds:
            return None
        return Interval(sum(b.low for b in bounds) / len(bounds), sum(b.high for b in bounds) / len(bounds))

    return Intervals(*(averaged(metric) for metric in METRICS))
