"""Uncertainty of a fact-level score, and a paired comparison of two runs.

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

Paired comparison: approximate randomization (Noreen 1989; Yeh 2000 for
F-scores). Units are the scored facts: each gold fact (tp or fn in each run)
and each distinct false positive. Under the null hypothesis the two runs are
exchangeable, so each unit's pair of outcomes is swapped between the runs
with probability 1/2; p = (1 + #{|dF1*| >= |dF1|}) / (R + 1). Chosen over a
paired bootstrap because it tests the null directly without assuming the
sample stands for a population, is conservative on small samples (Riezler
and Maxwell 2005), and at the fact level still has many distinct
permutations when documents are few. It treats facts as independent, which
facts of one article are not: take small p-values on five documents with
care.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bench.errors import MismatchError
from bench.facts import FACT_TYPES
from bench.match import MentionCounts
from bench.score import Outcome, Score

BOOTSTRAP_UNIT = ("two-stage bootstrap: documents drawn with replacement, then each drawn document's "
                  "scored facts (tp, fp, fn) drawn with replacement; percentile interval")
RANDOMIZATION = "approximate randomization over scored facts (gold facts and distinct false positives), two-sided"
_CELLS = 2_000_000  # numbers held at once per chunk of resamples


@dataclass(frozen=True, slots=True)
class Interval:
    """A percentile interval; ``defined`` is the share of resamples where the metric was defined."""

    low: float
    high: float
    defined: float

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


def _metrics(totals):
    """P, R, F1 (NaN when undefined) of count arrays whose last axis is (tp, fp, fn)."""
    import numpy as np

    tp, fp, fn = (totals[..., k].astype(float) for k in range(3))
    with np.errstate(invalid="ignore", divide="ignore"):
        return tp / (tp + fp), tp / (tp + fn), 2 * tp / (2 * tp + fp + fn)


def _all_metrics(per_type, metrics=_metrics):
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

    >>> from bench.score import PRF
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
    chunk = max(1, _CELLS // counts.size)
    totals = []
    for start in range(0, resamples, chunk):
        drawn = rng.integers(0, len(counts), size=(min(chunk, resamples - start), len(counts)))
        totals.append(rng.multinomial(sizes[drawn], shares[drawn]).sum(axis=1))
    metrics = _all_metrics(np.concatenate(totals).reshape(resamples, len(FACT_TYPES), 3))
    return _intervals_of(metrics, BOOTSTRAP_UNIT, resamples, seed, confidence, len(counts))


def _intervals_of(metrics, unit: str, resamples: int, seed: int, confidence: float, documents: int) -> Bootstrap:
    """Percentile intervals of resampled (per type, micro, macro) metric arrays."""
    typed, micro, macro = metrics

    def intervals(values, column=None) -> Intervals:
        return Intervals(*(_interval(m if column is None else m[:, column], confidence) for m in values))

    return Bootstrap(unit, resamples, seed, confidence, documents,
                     {t: intervals(typed, i) for i, t in enumerate(FACT_TYPES)}, intervals(micro), intervals(macro))


@dataclass(frozen=True, slots=True)
class Difference:
    """F1 of run A and run B, their difference A - B, and its two-sided p-value (None when undefined)."""

    f1_a: float | None
    f1_b: float | None
    delta: float | None
    p_value: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"f1_a": self.f1_a, "f1_b": self.f1_b, "delta": self.delta, "p_value": self.p_value}


@dataclass(frozen=True, slots=True)
class Comparison:
    method: str
    resamples: int
    seed: int
    per_type: dict[str, Difference]
    micro: Difference
    macro: Difference

    def to_dict(self) -> dict[str, Any]:
        return {"method": self.method, "resamples": self.resamples, "seed": self.seed,
                "per_type": {t: d.to_dict() for t, d in self.per_type.items()},
                "micro": self.micro.to_dict(), "macro": self.macro.to_dict()}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Comparison":
        return cls(raw["method"], raw["resamples"], raw["seed"],
                   {t: Difference(**d) for t, d in raw["per_type"].items()},
                   Difference(**raw["micro"]), Difference(**raw["macro"]))


def _unit_table(a: Sequence[Outcome], b: Sequence[Outcome]):
    """Per unit: its type index and each run's one-hot (tp, fp, fn)."""
    import numpy as np

    def units(outcomes: Sequence[Outcome]) -> dict[tuple, tuple[str, int]]:
        kinds = {"tp": 0, "fp": 1, "fn": 2}
        return {(o.doc_id, o.type, o.gold is None, repr(o.predicted if o.gold is None else o.gold)): (o.type, kinds[o.kind])
                for o in outcomes}

    left, right = units(a), units(b)
    if {u for u in left if not u[2]} != {u for u in right if not u[2]}:
        raise MismatchError("the two runs were not scored against the same gold facts")
    keys = sorted(left.keys() | right.keys())
    types = np.array([FACT_TYPES.index(unit[1]) for unit in keys])
    tables = []
    for run in (left, right):
        table = np.zeros((len(keys), 3), dtype=np.int64)
        for row, unit in enumerate(keys):
            if unit in run:
                table[row, run[unit][1]] = 1
        tables.append(table)
    return types, tables[0], tables[1]


def _per_type(types, table):
    """Spread per-unit (tp, fp, fn) rows into per-type columns: (U, T * 3)."""
    import numpy as np

    expanded = np.zeros((len(types), len(FACT_TYPES), 3), dtype=table.dtype)
    expanded[np.arange(len(types)), types] = table
    return expanded.reshape(len(types), -1)


def _f1s(totals) -> dict[str, Any]:
    """F1 per type (…, T), micro and macro of totals shaped (…, T * 3)."""
    typed, micro, macro = _all_metrics(totals.reshape(*totals.shape[:-1], len(FACT_TYPES), 3))
    return {"types": typed[2], "micro": micro[2], "macro": macro[2]}


def _difference(f1_a, f1_b, null) -> Difference:
    import numpy as np

    if np.isnan(f1_a) or np.isnan(f1_b):
        return Difference(None if np.isnan(f1_a) else float(f1_a), None if np.isnan(f1_b) else float(f1_b), None, None)
    delta = f1_a - f1_b
    extreme = int((np.abs(null) >= abs(delta) - 1e-12).sum())
    return Difference(float(f1_a), float(f1_b), float(delta), (1 + extreme) / (len(null) + 1))


def compare_runs(
    a: Sequence[Outcome], b: Sequence[Outcome], gold_hash_a: str, gold_hash_b: str,
    resamples: int = 9_999, seed: int = 0,
) -> Comparison:
    """Paired approximate-randomization test of two runs' F1, per type, micro and macro.

    Args:
        a, b: the fact outcomes of each run (``bench.score.fact_outcomes``), scored in the same mode.
        gold_hash_a, gold_hash_b: the gold hash each run was scored against; they must be equal.

    >>> from bench.score import fact_outcomes
    >>> gold = {("d", "date", f"2024-07-{day:02d}") for day in range(1, 21)}
    >>> a = fact_outcomes(gold, gold)
    >>> b = fact_outcomes(gold, set(sorted(gold)[:5]))
    >>> result = compare_runs(a, b, "sha256:x", "sha256:x", resamples=999)
    >>> round(result.micro.delta, 2), result.micro.p_value < 0.01
    (0.6, True)
    """
    import numpy as np

    if gold_hash_a != gold_hash_b:
        raise MismatchError(f"runs scored against different gold ({gold_hash_a[:19]} vs {gold_hash_b[:19]})")
    if resamples < 1:
        raise ValueError("resamples must be at least 1")
    types, run_a, run_b = _unit_table(a, b)
    table_a, table_b = _per_type(types, run_a), _per_type(types, run_b)
    total_a, total_b, swing = table_a.sum(axis=0), table_b.sum(axis=0), table_b - table_a
    rng = np.random.default_rng(seed)
    chunk = max(1, _CELLS // max(1, len(types)))
    permuted = np.concatenate([
        total_a + rng.integers(0, 2, size=(min(chunk, resamples - start), len(types))) @ swing
        for start in range(0, resamples, chunk)
    ])
    observed_a, observed_b = _f1s(total_a), _f1s(total_b)
    null_a, null_b = _f1s(permuted), _f1s(total_a + total_b - permuted)
    per_type = {t: _difference(observed_a["types"][i], observed_b["types"][i], null_a["types"][:, i] - null_b["types"][:, i])
                for i, t in enumerate(FACT_TYPES)}
    micro, macro = (_difference(observed_a[k], observed_b[k], null_a[k] - null_b[k]) for k in ("micro", "macro"))
    return Comparison(RANDOMIZATION, resamples, seed, per_type, micro, macro)


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

    >>> from bench.match import MentionCounts
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
    return _intervals_of(_all_metrics(per_type, _mention_metrics), MENTION_UNIT, resamples, seed, confidence, n)
