"""Uncertainty of a score: bootstrap intervals at fact and mention level.

Bootstrap (two-stage, seeded, percentile interval, 9,999 resamples by
default): draw the documents with replacement, then, within each drawn
document, draw its scored facts (its tp, fp and fn outcomes, all types
together) with replacement, as many as it has; recompute P, R and F1 per
type, micro and macro on the totals. A metric undefined in a resample (0/0)
is left out of that metric's interval; ``Interval.defined`` says how often
it was defined.

What the interval means with five documents: it shows how far the score
moves if this handful of articles, and the facts in them, had come out a
little differently. It is not a guarantee about unseen news: five articles
about one story cannot show how an extractor fares on other stories, so read
the interval as a lower bound on the real uncertainty.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bench.facts import FACT_TYPES
from bench.scoring.beta import beta_quantile
from bench.scoring.fact_level import Score
from bench.scoring.mention_level import MentionCounts

BOOTSTRAP_UNIT = ("two-stage bootstrap: documents drawn with replacement, then each drawn document's "
                  "scored facts (tp, fp, fn) drawn with replacement; percentile interval")
CELLS_PER_CHUNK = 2_000_000  # numbers held at once per chunk of resamples


@dataclass(frozen=True, slots=True)
class Interval:
    """An interval; ``defined`` is the share of resamples where a bootstrapped metric was defined (1 otherwise)."""

    low: float
    high: float
    defined: float = 1.0

    def to_dict(self) -> dict[str, float]:
        return {"low": self.low, "high": self.high, "defined": self.defined}


@dataclass(frozen=True, slots=True)
class Intervals:
    precision: Interval | None
    recall: Interval | None
    f1: Interval | None

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) and getattr(self, name).to_dict() for name in ("precision", "recall", "f1")}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Intervals":
        return cls(*(raw[name] and Interval(**raw[name]) for name in ("precision", "recall", "f1")))


@dataclass(frozen=True, slots=True)
class Bootstrap:
    unit: str
    resamples: int
    seed: int
    confidence: float
    documents: int
    per_type: dict[str, Intervals]
    micro: Intervals
    macro: Intervals

    def to_dict(self) -> dict[str, Any]:
        return {"unit": self.unit, "resamples": self.resamples, "seed": self.seed, "confidence": self.confidence,
                "documents": self.documents, "per_type": {t: i.to_dict() for t, i in self.per_type.items()},
                "micro": self.micro.to_dict(), "macro": self.macro.to_dict()}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Bootstrap":
        return cls(raw["unit"], raw["resamples"], raw["seed"], raw["confidence"], raw["documents"],
                   {t: Intervals.from_dict(i) for t, i in raw["per_type"].items()},
                   Intervals.from_dict(raw["micro"]), Intervals.from_dict(raw["macro"]))


def proportion_interval(successes: int, trials: int, confidence: float = 0.95) -> Interval:
    """The exact (Clopper–Pearson) interval of a binomial proportion.

    Each bound is the proportion at which the observed count is just
    significant in its tail (probability ``(1 - confidence) / 2``). It never
    covers less than ``confidence``, however few the trials, and includes 0 or
    1 when no or every trial succeeded.

    >>> interval = proportion_interval(2, 2)
    >>> round(interval.low, 4), interval.high
    (0.1581, 1.0)
    """
    if trials < 1 or not 0 <= successes <= trials:
        raise ValueError(f"a proportion needs 0 <= successes <= trials and trials >= 1, got {successes} of {trials}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must lie strictly between 0 and 1, got {confidence}")
    tail = (1 - confidence) / 2
    low = 0.0 if successes == 0 else beta_quantile(tail, successes, trials - successes + 1)
    high = 1.0 if successes == trials else beta_quantile(1 - tail, successes + 1, trials - successes)
    return Interval(low, high)


def _metrics(totals):
    """P, R, F1 (NaN when undefined) of count arrays whose last axis is (tp, fp, fn)."""
    import numpy as np

    tp, fp, fn = (totals[..., k].astype(float) for k in range(3))
    with np.errstate(invalid="ignore", divide="ignore"):
        return tp / (tp + fp), tp / (tp + fn), 2 * tp / (2 * tp + fp + fn)


def all_metrics(per_type, metrics=_metrics):
    """Per type (…, T), micro and macro P, R, F1 of per-type totals shaped (…, T, K); ``metrics`` reads the K counts."""
    import numpy as np

    typed = metrics(per_type)
    micro = metrics(per_type.sum(axis=-2))
    with np.errstate(invalid="ignore"):
        macro = tuple(np.nansum(m, axis=-1) / (~np.isnan(m)).sum(axis=-1) for m in typed)
    return typed, micro, macro


def _interval(values, confidence: float) -> Interval | None:
    import numpy as np

    defined = values[~np.isnan(values)]
    if not defined.size:
        return None
    tail = (1 - confidence) / 2 * 100
    low, high = np.percentile(defined, [tail, 100 - tail])
    return Interval(float(low), float(high), defined.size / values.size)


def _document_counts(score: Score):
    import numpy as np

    rows = [[getattr(score.cell(doc, t), k) for t in FACT_TYPES for k in ("tp", "fp", "fn")]
            for doc in sorted(score.per_document)]
    return np.array(rows, dtype=np.int64).reshape(-1, len(FACT_TYPES) * 3)


def bootstrap(score: Score, resamples: int = 9_999, seed: int = 0, confidence: float = 0.95) -> Bootstrap:
    """Two-stage bootstrap intervals for every P, R and F1 of a fact-level score.

    >>> from bench.scoring.fact_level import PRF
    >>> docs = {f"d{i}": {"date": PRF(3, 1, 1)} for i in range(5)}
    >>> result = bootstrap(Score("strict", {"date": PRF(15, 5, 5)}, docs), resamples=999)
    >>> interval = result.per_type["date"].f1
    >>> interval.low < 0.75 < interval.high, result.per_type["agency"].f1
    (True, None)
    """
    import numpy as np

    counts = _document_counts(score)
    if not len(counts):
        raise ValueError("a bootstrap needs at least one document")
    rng = np.random.default_rng(seed)
    sizes = counts.sum(axis=1)
    shares = np.where(sizes[:, None] > 0, counts / np.maximum(sizes, 1)[:, None], 1 / counts.shape[1])
    chunk = max(1, CELLS_PER_CHUNK // counts.size)
    totals = []
    for start in range(0, resamples, chunk):
        drawn = rng.integers(0, len(counts), size=(min(chunk, resamples - start), len(counts)))
        totals.append(rng.multinomial(sizes[drawn], shares[drawn]).sum(axis=1))
    metrics = all_metrics(np.concatenate(totals).reshape(resamples, len(FACT_TYPES), 3))
    return _intervals_of(metrics, BOOTSTRAP_UNIT, resamples, seed, confidence, len(counts))


def _intervals_of(metrics, unit: str, resamples: int, seed: int, confidence: float, documents: int) -> Bootstrap:
    """Percentile intervals of resampled (per type, micro, macro) metric arrays."""
    typed, micro, macro = metrics

    def intervals(values, column=None) -> Intervals:
        return Intervals(*(_interval(m if column is None else m[:, column], confidence) for m in values))

    return Bootstrap(unit, resamples, seed, confidence, documents,
                     {t: intervals(typed, i) for i, t in enumerate(FACT_TYPES)}, intervals(micro), intervals(macro))


MENTION_UNIT = ("document bootstrap: documents drawn with replacement, each with all its mention outcomes "
                "(partial credit makes single outcomes non-binary); percentile interval")


def _mention_metrics(totals):
    """P, R, F1 (NaN when undefined) of arrays whose last axis is (gold credit, possible, pred credit, actual)."""
    import numpy as np

    gold_credit, possible, pred_credit, actual = (totals[..., k] for k in range(4))
    with np.errstate(invalid="ignore", divide="ignore"):
        precision, recall = pred_credit / actual, gold_credit / possible
        f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)
    f1 = np.where(np.isnan(precision) & np.isnan(recall), np.nan, np.where(np.isnan(precision) | np.isnan(recall), 0.0, f1))
    return precision, recall, f1


def mention_bootstrap(per_document: dict[str, dict[str, MentionCounts]], resamples: int = 9_999, seed: int = 0,
                      confidence: float = 0.95) -> Bootstrap:
    """Document-bootstrap intervals for mention-level P, R and F1 (one scheme), per type, micro and macro.

    Facts within a document are not resampled here: partial-overlap credit
    makes a single outcome worth 0, 0.5 or 1, so documents are the unit.

    >>> from bench.scoring.mention_level import MentionCounts
    >>> docs = {f"d{i}": {"date": MentionCounts(gold_correct=i, missed=1, pred_correct=i, spurious=1)} for i in range(5)}
    >>> result = mention_bootstrap(docs, resamples=999)
    >>> 0 < result.micro.f1.low < 2 / 3 < result.micro.f1.high < 1, result.per_type["agency"].f1
    (True, None)
    """
    import numpy as np

    if not per_document:
        raise ValueError("a bootstrap needs at least one document")

    def row(cells: dict[str, MentionCounts]) -> list[float]:
        empty = MentionCounts()
        return [value for t in FACT_TYPES for c in [cells.get(t, empty)]
                for value in (c.gold_correct + 0.5 * c.gold_partial, c.possible, c.pred_correct + 0.5 * c.pred_partial, c.actual)]

    counts = np.array([row(per_document[doc]) for doc in sorted(per_document)], dtype=float)
    rng = np.random.default_rng(seed)
    n = len(counts)
    weights = rng.multinomial(n, np.full(n, 1 / n), size=resamples)
    per_type = (weights @ counts).reshape(resamples, len(FACT_TYPES), 4)
    return _intervals_of(all_metrics(per_type, _mention_metrics), MENTION_UNIT, resamples, seed, confidence, n)
