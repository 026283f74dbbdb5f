"""Intervals over documents: P, R and F1 when the facts of one article may fail together.

The per-fact intervals (:mod:`bench.scoring.intervals`) take every fact as an
independent trial. One habit of an extractor fails every date of a story, so
facts of one article succeed and fail together, and those intervals are too
narrow for a reader who wants to know how the extractor fares on other
articles. Here the documents are the sampled units.

Method: Clopper–Pearson at an effective sample size (Kish's design effect).

- Each metric is a ratio of sums over documents: R = ΣTP / Σ(TP + FN),
  P = ΣTP / Σ(TP + FP), and J = ΣTP / Σ(TP + FP + FN) for F1 = 2J / (1 + J).
  For one such ratio r = Y / M, with y_d of m_d in document d, only the D
  documents with m_d > 0 count.
- Its variance with documents as the units (the linearized variance of a
  ratio estimator, Cochran 1977, §6.11) is v = D / (D - 1) · Σ (y_d - r m_d)² / M².
- The design effect deff = v / (r (1 - r) / M) is that variance over the
  binomial one the per-fact interval assumes (Kish's 1 + (m̄ - 1)·ICC is its
  value for documents of equal size). It is multiplied by (t_{D-1} / z)², the
  usual allowance for a variance estimated from D documents, and never taken
  below 1, so a document interval is never narrower than the per-fact one.
- The interval is Clopper–Pearson of r at the effective sample n = M / deff
  (the same Beta quantiles at real counts): exact at the bounds, 0 and 1 kept.

Why not the cluster bootstrap (resampling whole documents). Simulated as in
``tests/test_cluster_coverage.py`` (documents of 4 to 12 facts drawing their
own recall and false-alarm rate, intra-document correlation 1/3; five
extractors with true R from 0.6 to 0.95; 600 runs each), 95% intervals held
the true micro P, R and J in these shares of runs (lowest to highest):

======================================  =========  ===========  ===========
interval                                5 docs     20 docs      40 docs
======================================  =========  ===========  ===========
per fact (Clopper–Pearson)              0.72–0.90  0.71–0.84    0.69–0.83
percentile bootstrap, widened to CP     0.84–0.99  0.84–0.95    0.86–0.95
BCa bootstrap, widened to CP            0.85–0.99  0.86–0.96    0.90–0.96
this design effect                      0.87–1.00  0.87–0.98    0.93–0.97
======================================  =========  ===========  ===========

For true values up to 0.85 the design effect holds 0.945 to 0.975 at 20 and
40 documents, where the bootstraps dip to 0.90; the bootstrap alone also
gives [1, 1] when every document is perfect, needs numpy (0.15 s to import)
and a seed. The design effect costs about a millisecond, with no seed. Its
weak spot, shared by every method tried: a true value of 0.95 with documents
that nearly all succeed or fail outright (0.87 to 0.93 at 20 documents, 0.925
to 0.94 at 40), because a sample of 20 rarely shows the rare failing one.

Small support: with fewer than ``MIN_DOCUMENTS`` (5) documents holding a
ratio there is no interval (None): a spread measured on two or three
documents says nothing, and falling back to the per-fact interval would
present it as the document-level one. At 5 documents the allowance doubles
the variance (t with 4 degrees of freedom) and coverage held 0.90 to 0.975
for true values up to 0.85, so the bundled five articles show the interval
where all five hold the ratio. When every document has the same share (every
fact found, say), the documents show no spread and deff is 1: the interval is
the per-fact one, which is all the data can say.

Macro: each type's interval at Bonferroni-adjusted confidence, averaged, as
for the per-fact macro; none when a type where the metric is defined has
none. Mention levels have no document intervals: partial credit makes each
ratio a pair of bounds, not one count.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bench.facts import FACT_TYPES
from bench.scoring.beta import beta_quantile
from bench.scoring.fact_level import PRF
from bench.scoring.intervals import CONFIDENCE, Interval, Intervals, f1_of_j, macro_intervals, proportion_interval

MIN_DOCUMENTS = 5
DOCUMENT_METHOD = ("Clopper–Pearson at the effective sample n / deff, Kish's design effect deff from the "
                   "documents' spread (cluster-robust variance of the ratio) times (t_(D-1) / z)², at least 1; "
                   f"none where fewer than {MIN_DOCUMENTS} documents hold the ratio; macro: per-type bounds at "
                   "Bonferroni-adjusted confidence, averaged")


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: macro_intervals caches per cell, cheaply
class DocumentCounts:
    """One row's counts in each document (a type, or all types for micro); P, R and F1 of their sum."""

    cells: tuple[PRF, ...]

    @property
    def total(self) -> PRF:
        cells = self.cells
        return PRF(sum(c.tp for c in cells), sum(c.fp for c in cells), sum(c.fn for c in cells))

    @property
    def precision(self) -> float | None:
        return self.total.precision

    @property
    def recall(self) -> float | None:
        return self.total.recall

    @property
    def f1(self) -> float | None:
        return self.total.f1


def _normal_quantile(probability: float) -> float:
    """The z with Phi(z) = probability, for 1/2 < probability < 1, by Newton's method on erfc."""
    z = 1.0
    for _ in range(100):
        step = (0.5 * math.erfc(-z / math.sqrt(2)) - probability) * math.sqrt(2 * math.pi) * math.exp(z * z / 2)
        z -= step
        if abs(step) < 1e-14:
            return z
    raise ArithmeticError(f"normal quantile did not converge for p={probability}")


@functools.cache
def small_sample_allowance(documents: int, confidence: float) -> float:
    """(t / z)², Student's over the normal two-sided quantile at ``confidence``, t with ``documents - 1`` degrees.

    P(|T| > t) = I_x(df / 2, 1 / 2) at x = df / (df + t²), so t comes from a Beta quantile.

    >>> round(small_sample_allowance(5, 0.95) ** 0.5 * 1.959964, 4)  # t with 4 degrees of freedom
    2.7764
    """
    df = documents - 1
    x = beta_quantile(1 - confidence, df / 2, 0.5)
    t = math.sqrt(df * (1 - x) / x)
    return (t / _normal_quantile(1 - (1 - confidence) / 2)) ** 2


def design_effect(successes: Sequence[int], trials: Sequence[int], confidence: float = CONFIDENCE) -> float:
    """Variance of the ratio over documents against the binomial variance, with the small-sample allowance, at least 1.

    Documents all right or all wrong: each counts as one trial, not four (deff 4, times D / (D - 1) = 5 / 4).

    >>> round(design_effect([4, 0, 4, 0, 4], [4] * 5) / small_sample_allowance(5, 0.95), 12)
    5.0
    >>> design_effect([2, 2, 2, 2, 2], [4] * 5)  # no spread between documents
    1.0
    """
    held, total = sum(successes), sum(trials)
    ratio = held / total
    if not 0 < ratio < 1:
        return 1.0
    spread = sum((y - ratio * m) ** 2 for y, m in zip(successes, trials)) * len(trials) / (len(trials) - 1)
    deff = spread / (ratio * (1 - ratio) * total) * small_sample_allowance(len(trials), confidence)
    return max(1.0, deff)


def ratio_interval(pairs: Iterable[tuple[int, int]], confidence: float = CONFIDENCE) -> Interval | None:
    """Interval of ΣY / ΣM over documents from their (y, m) pairs; None under ``MIN_DOCUMENTS`` documents with m > 0.

    >>> ratio_interval([(4, 4)] * 4) is None, ratio_interval([(4, 4)] * 5) == proportion_interval(20, 20)
    (True, True)
    """
    held = [(y, m) for y, m in pairs if m]
    if len(held) < MIN_DOCUMENTS:
        return None
    successes, trials = [y for y, _ in held], [m for _, m in held]
    deff = design_effect(successes, trials, confidence)
    return proportion_interval(sum(successes) / deff, sum(trials) / deff, confidence)


def document_intervals(counts: DocumentCounts, confidence: float = CONFIDENCE) -> Intervals:
    """P, R and F1 intervals of one row over the documents holding it.

    >>> five = DocumentCounts((PRF(tp=2, fn=2),) * 5)  # 2 of 4 found in each of five documents: no spread
    >>> document_intervals(five) == Intervals(proportion_interval(10, 10), proportion_interval(10, 20),
    ...                                       f1_of_j(proportion_interval(10, 20)))
    True
    """
    cells = counts.cells
    j = ratio_interval(((c.tp, c.tp + c.fp + c.fn) for c in cells), confidence)
    return Intervals(ratio_interval(((c.tp, c.tp + c.fp) for c in cells), confidence),
                     ratio_interval(((c.tp, c.tp + c.fn) for c in cells), confidence),
                     None if j is None else f1_of_j(j))


def score_document_intervals(per_document: Mapping[str, Mapping[str, PRF]],
                             confidence: float = CONFIDENCE) -> dict[str, Intervals]:
    """Document intervals of every row of a fact-level score: each type, ``micro`` and ``macro``.

    Args:
        per_document: counts per document and type (``Score.per_document``).

    >>> rows = score_document_intervals({f"d{i}": {"date": PRF(tp=1)} for i in range(5)})
    >>> rows["date"] == rows["micro"] == rows["macro"], rows["date"].recall == proportion_interval(5, 5)
    (True, True)
    >>> rows["agency"]
    Intervals(precision=None, recall=None, f1=None)
    """
    by_type = {t: DocumentCounts(tuple(row[t] for row in per_document.values() if t in row)) for t in FACT_TYPES}
    micro = DocumentCounts(tuple(sum(row.values(), PRF()) for row in per_document.values() if row))
    rows = {t: document_intervals(counts, confidence) for t, counts in by_type.items()}
    rows["micro"] = document_intervals(micro, confidence)
    rows["macro"] = macro_intervals(list(by_type.values()), document_intervals, confidence)
    return rows
