"""Paired comparison of two runs: is the difference in F1 more than chance?

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
from bench.scoring.fact_level import Outcome

RANDOMIZATION = "approximate randomization over scored facts (gold facts and distinct false positives), two-sided"


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


CELLS_PER_CHUNK = 2_000_000  # numbers held at once per chunk of permutations


def _f1(totals):
    """F1 (NaN when undefined) of count arrays whose last axis is (tp, fp, fn)."""
    import numpy as np

    tp, fp, fn = (totals[..., k].astype(float) for k in range(3))
    with np.errstate(invalid="ignore"):  # the denominator is 0 only when tp is: 0/0, never x/0
        return 2 * tp / (2 * tp + fp + fn)


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
    types = np.array([FACT_TYPES.index(unit[1]) for unit in keys], dtype=np.intp)  # an index even when empty
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
    return expanded.reshape(len(types), len(FACT_TYPES) * 3)


def _f1s(totals) -> dict[str, Any]:
    """F1 per type (…, T), micro and macro (the mean over the types where it is defined) of totals shaped (…, T * 3)."""
    import numpy as np

    per_type = totals.reshape(*totals.shape[:-1], len(FACT_TYPES), 3)
    typed = _f1(per_type)
    with np.errstate(invalid="ignore"):
        macro = np.nansum(typed, axis=-1) / (~np.isnan(typed)).sum(axis=-1)
    return {"types": typed, "micro": _f1(per_type.sum(axis=-2)), "macro": macro}


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
        a, b: the fact outcomes of each run (``bench.scoring.fact_level.fact_outcomes``), scored in the same mode.
        gold_hash_a, gold_hash_b: the gold hash each run was scored against; they must be equal.

    >>> from bench.scoring.fact_level import fact_outcomes
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
    chunk = max(1, CELLS_PER_CHUNK // max(1, len(types)))
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
