"""Paired comparison of two runs: is the difference in F1 more than chance?

Approximate randomization (Noreen 1989; Yeh 2000 for F-scores). Under the
null hypothesis the two runs are exchangeable, so a unit's pair of outcomes
may be swapped between the runs; p = (1 + #{|dF1*| >= |dF1|}) / (R + 1) over R
random swaps. Chosen over a paired bootstrap because it tests the null
directly without assuming the sample stands for a population and is
conservative on small samples (Riezler and Maxwell 2005). Two units, both
reported:

- **Documents** (``p_value_documents``, the headline): each document's pair
  of count vectors (TP, FP, FN per type in each run) is swapped whole, with
  probability 1/2. This respects what facts of one article share (one habit
  of an extractor fails every date of a story). A document alike in both
  runs changes nothing when swapped and is left out; k documents that differ
  have only 2^k swaps, and when that is no more than the resamples asked for,
  every one is counted: p = #{|dF1*| >= |dF1|} / 2^k exactly. The smallest p
  it can give is then 2 / 2^k: five documents never reach 0.05.
- **Facts** (``p_value``, as in earlier files): each gold fact (tp or fn in
  each run) and each distinct false positive is swapped on its own. It takes
  facts as independent, so its p is too small when facts of one article fail
  together; it is kept beside the headline, and is what files written before
  the document test hold.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bench.errors import MismatchError
from bench.facts import FACT_TYPES
from bench.scoring.outcomes import FactOutcomes

RANDOMIZATION = "approximate randomization over scored facts (gold facts and distinct false positives), two-sided"


@dataclass(frozen=True, slots=True)
class Difference:
    """F1 of run A and run B, their difference A - B, and its two-sided p-values (None when undefined).

    ``p_value`` swaps facts, ``p_value_documents`` whole documents (None in files written before it).
    """

    f1_a: float | None
    f1_b: float | None
    delta: float | None
    p_value: float | None
    p_value_documents: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"f1_a": self.f1_a, "f1_b": self.f1_b, "delta": self.delta, "p_value": self.p_value,
                "p_value_documents": self.p_value_documents}


@dataclass(frozen=True, slots=True)
class Comparison:
    """The differences per type, micro and macro.

    ``method`` describes the test over facts, ``document_method`` the one over documents ("" in older files).
    """

    method: str
    resamples: int
    seed: int
    per_type: dict[str, Difference]
    micro: Difference
    macro: Difference
    document_method: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"method": self.method, "document_method": self.document_method,
                "resamples": self.resamples, "seed": self.seed,
                "per_type": {t: d.to_dict() for t, d in self.per_type.items()},
                "micro": self.micro.to_dict(), "macro": self.macro.to_dict()}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Comparison:
        return cls(raw["method"], raw["resamples"], raw["seed"],
                   {t: Difference(**d) for t, d in raw["per_type"].items()},
                   Difference(**raw["micro"]), Difference(**raw["macro"]), raw.get("document_method", ""))


CELLS_PER_CHUNK = 2_000_000  # numbers held at once per chunk of permutations


def _f1(totals):
    """F1 (NaN when undefined) of count arrays whose last axis is (tp, fp, fn)."""
    import numpy as np

    tp, fp, fn = (totals[..., k].astype(float) for k in range(3))
    with np.errstate(invalid="ignore"):  # the denominator is 0 only when tp is: 0/0, never x/0
        return 2 * tp / (2 * tp + fp + fn)


def _units(outcomes: FactOutcomes) -> dict[tuple, tuple[str, int]]:
    """Each gold fact (tp or fn) and each prediction nothing credits (fp), keyed by side and value: (type, column)."""
    credited = outcomes.credited_gold
    units = {(d, t, False, repr(v)): (t, 0 if (d, t, v) in credited else 2) for d, t, v in outcomes.gold}
    units |= {(d, t, True, repr(v)): (t, 1) for d, t, v in outcomes.predicted - outcomes.credited_predicted}
    return units


def _unit_table(a: FactOutcomes, b: FactOutcomes):
    """Per unit: its document's index, its type index and each run's one-hot (tp, fp, fn)."""
    import numpy as np

    left, right = _units(a), _units(b)
    if {u for u in left if not u[2]} != {u for u in right if not u[2]}:
        raise MismatchError("the two runs were not scored against the same gold facts")
    keys = sorted(left.keys() | right.keys())
    types = np.array([FACT_TYPES.index(unit[1]) for unit in keys], dtype=np.intp)  # an index even when empty
    positions = {doc_id: i for i, doc_id in enumerate(sorted({unit[0] for unit in keys}))}
    documents = np.array([positions[unit[0]] for unit in keys], dtype=np.intp)
    tables = []
    for run in (left, right):
        table = np.zeros((len(keys), 3), dtype=np.int64)
        for row, unit in enumerate(keys):
            if unit in run:
                table[row, run[unit][1]] = 1
        tables.append(table)
    return documents, types, tables[0], tables[1]


def _per_type(types, table):
    """Spread per-unit (tp, fp, fn) rows into per-type columns: (U, T * 3)."""
    import numpy as np

    expanded = np.zeros((len(types), len(FACT_TYPES), 3), dtype=table.dtype)
    expanded[np.arange(len(types)), types] = table
    return expanded.reshape(len(types), len(FACT_TYPES) * 3)


def _f1s(totals) -> dict[str, Any]:
    """F1 per type (…, T), micro and macro (the mean over the types where it is defined) of totals shaped (…, T * 3)."""
    import numpy as np

    per_type = totals.reshape(*totals.shape[:-1], len(FACT_TYPES), 3)
    typed = _f1(per_type)
    with np.errstate(invalid="ignore"):
        macro = np.nansum(typed, axis=-1) / (~np.isnan(typed)).sum(axis=-1)
    return {"types": typed, "micro": _f1(per_type.sum(axis=-2)), "macro": macro}


def _by_document(documents, table):
    """Per-unit rows summed per document, keeping only documents whose row is not all zeros."""
    import numpy as np

    summed = np.zeros((int(documents.max(initial=-1)) + 1, table.shape[1]), dtype=table.dtype)
    np.add.at(summed, documents, table)
    return summed[summed.any(axis=1)]


def _random_swaps(total_a, swing, resamples: int, rng):
    """Run A's totals after ``resamples`` random swaps, each unit (a row of B - A) swapped with probability 1/2."""
    import numpy as np

    chunk = max(1, CELLS_PER_CHUNK // max(1, len(swing)))
    return np.concatenate([
        total_a + rng.integers(0, 2, size=(min(chunk, resamples - start), len(swing))) @ swing
        for start in range(0, resamples, chunk)
    ])


def _every_swap(total_a, swing):
    """Run A's totals after each of the 2^k ways to swap k units (rows of B - A), no swap included."""
    import numpy as np

    flips = (np.arange(2 ** len(swing))[:, None] >> np.arange(len(swing))) & 1
    return total_a + flips @ swing


def _null_differences(permuted_a, total) -> dict[str, Any]:
    """F1 of A minus F1 of B (as :func:`_f1s`) after each swap, from A's permuted totals and both runs' sum."""
    null_a, null_b = _f1s(permuted_a), _f1s(total - permuted_a)
    return {key: null_a[key] - null_b[key] for key in null_a}


def _p_value(delta: float, null, exact: bool) -> float:
    """Two-sided: the share of swaps at least as far from 0 as ``delta``; counted exactly, or as (1 + k) / (R + 1)."""
    import numpy as np

    extreme = int((np.abs(null) >= abs(delta) - 1e-12).sum())
    return extreme / len(null) if exact else (1 + extreme) / (len(null) + 1)


def _document_method(differing: int, exact: bool, resamples: int, seed: int) -> str:
    """What the test over documents did, in words a table footnote can carry."""
    differ = "1 document differs" if differing == 1 else f"{differing} documents differ"
    if exact:
        return (f"exact randomization over documents (every one of the {2 ** differing} ways to swap whole documents "
                f"between the runs; {differ}), two-sided; the smallest p possible is {min(1, 2 / 2 ** differing):.4g}")
    return (f"approximate randomization over documents (each document swapped whole between the runs with "
            f"probability 1/2; {differ}), two-sided, {resamples} resamples, seed {seed}")


def compare_runs(
    a: FactOutcomes, b: FactOutcomes, gold_hash_a: str, gold_hash_b: str,
    resamples: int = 9_999, seed: int = 0,
) -> Comparison:
    """Paired randomization tests of two runs' F1, per type, micro and macro: over documents and over facts.

    Args:
        a, b: the fact outcomes of each run (:func:`bench.scoring.fact_level.fact_outcomes`), in the same mode.
        gold_hash_a, gold_hash_b: the gold hash each run was scored against; they must be equal.

    >>> from bench.scoring.fact_level import fact_outcomes
    >>> gold = {("d", "date", f"2024-07-{day:02d}") for day in range(1, 21)}
    >>> a = fact_outcomes(gold, gold)
    >>> b = fact_outcomes(gold, set(sorted(gold)[:5]))
    >>> result = compare_runs(a, b, "sha256:x", "sha256:x", resamples=999)
    >>> round(result.micro.delta, 2), result.micro.p_value < 0.01
    (0.6, True)
    >>> result.micro.p_value_documents  # one document: its only swap is as extreme as what was seen
    1.0
    """
    import numpy as np

    if gold_hash_a != gold_hash_b:
        raise MismatchError(f"runs scored against different gold ({gold_hash_a[:19]} vs {gold_hash_b[:19]})")
    if resamples < 1:
        raise ValueError("resamples must be at least 1")
    documents, types, run_a, run_b = _unit_table(a, b)
    table_a, table_b = _per_type(types, run_a), _per_type(types, run_b)
    total_a, total_b = table_a.sum(axis=0), table_b.sum(axis=0)
    rng = np.random.default_rng(seed)
    by_fact = _random_swaps(total_a, table_b - table_a, resamples, rng)
    swing = _by_document(documents, table_b - table_a)
    exact = 2 ** len(swing) <= resamples
    by_document = _every_swap(total_a, swing) if exact else _random_swaps(total_a, swing, resamples, rng)
    observed_a, observed_b = _f1s(total_a), _f1s(total_b)
    null_facts = _null_differences(by_fact, total_a + total_b)
    null_documents = _null_differences(by_document, total_a + total_b)

    def difference(key: str, index: int | None = None) -> Difference:
        def pick(f1s):
            return f1s[key] if index is None else f1s[key][..., index]

        f1_a, f1_b = pick(observed_a), pick(observed_b)
        if np.isnan(f1_a) or np.isnan(f1_b):
            return Difference(None if np.isnan(f1_a) else float(f1_a), None if np.isnan(f1_b) else float(f1_b),
                              None, None)
        delta = f1_a - f1_b
        return Difference(float(f1_a), float(f1_b), float(delta), _p_value(delta, pick(null_facts), False),
                          _p_value(delta, pick(null_documents), exact))

    per_type = {t: difference("types", i) for i, t in enumerate(FACT_TYPES)}
    return Comparison(RANDOMIZATION, resamples, seed, per_type, difference("micro"), difference("macro"),
                      _document_method(len(swing), exact, resamples, seed))
