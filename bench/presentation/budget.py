"""The gate's budgets: what a run may cost per document and how slow its 95th percentile may be, and cost rises.

``bench check --max-cost-per-doc X --max-p95 S`` fails a run whose cost per
document (without the extractor's answer cache, in the prices' currency) is
over X, or whose p95 latency (seconds) is over S; a cost or latency that is
unknown cannot be held to a limit, and fails too. Against the baseline file,
a run whose cost per document rose above ``(1 + tolerance)`` times the one
recorded with ``--update`` is a regression, as a score below its recorded
value is; so is a cost that became unknown. Latency is not compared with the
recorded one: it depends on the machine.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bench.data.ledger import Ledger
from bench.data.results import Results
from bench.errors import InputError
from bench.presentation.ledger_tables import fmt_cost, significant

_ROUNDING = 1e-12


def recorded_ledger(raw: Any, where: str, path: str) -> Ledger | None:
    """The ledger a baseline file records for a run (None when it records none), with a one-line error if malformed."""
    if raw is None:
        return None
    try:
        ledger = Ledger.from_dict(raw)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise InputError("expected a ledger as bench check --update records it", path, field=where) from None
    cost = ledger.cost_per_document
    if cost is not None and not (isinstance(cost, (int, float)) and cost >= 0):
        raise InputError(f"expected a cost of 0 or more, got {cost!r}", path, field=f"{where}.cost")
    return ledger


@dataclass(frozen=True, slots=True)
class CostRise:
    """A run whose cost per document rose above what the baseline records, by more than the tolerance."""

    extractor: str
    recorded: float
    current: float | None
    tolerance: float
    currency: str = ""

    def __str__(self) -> str:
        now = "unknown" if self.current is None else fmt_cost(self.current, self.currency)
        return (f"regression: {self.extractor}: cost per document rose from {fmt_cost(self.recorded, self.currency)} "
                f"to {now} (tolerance {self.tolerance:g})")


def _cost(results: Results) -> float | None:
    return None if results.ledger is None else results.ledger.cost_per_document


def _currency(ledger: Ledger | None) -> str:
    return ledger.prices.currency if ledger is not None and ledger.prices is not None else ""


def cost_rises(current: Mapping[str, Results], recorded: Mapping[str, Ledger | None], tolerance: float) -> list[CostRise]:
    """Each run costing more per document than ``(1 + tolerance)`` times its recorded cost, or now unknown.

    ``recorded`` maps run keys to the ledgers the baseline holds; a run recorded without a known cost has none to rise from.
    """
    rises = []
    for key, results in current.items():
        before = recorded.get(key)
        was = None if before is None else before.cost_per_document
        if was is None:
            continue
        now = _cost(results)
        if now is None or now > was * (1 + tolerance) + _ROUNDING:
            rises.append(CostRise(key, was, now, tolerance, _currency(results.ledger) or _currency(before)))
    return rises


def over_budget(current: Mapping[str, Results], max_cost_per_doc: float | None, max_p95: float | None) -> list[str]:
    """One line per limit a run breaks, or cannot be held to (its cost or latency unknown)."""
    lines = []
    for key, results in current.items():
        if max_cost_per_doc is not None:
            lines += _cost_line(key, results, max_cost_per_doc)
        if max_p95 is not None:
            lines += _latency_line(key, results, max_p95)
    return lines


def _cost_line(key: str, results: Results, limit: float) -> list[str]:
    ledger, cost = results.ledger, _cost(results)
    if cost is None:
        why = ("the extractor reports no tokens" if ledger is not None and not ledger.metered else
               "no ledger was recorded" if ledger is None else "no price is known, or a document's tokens are unknown")
        return [f"over budget: {key}: cost per document unknown ({why}); --max-cost-per-doc {limit:g} cannot be held"]
    if cost > limit + _ROUNDING:
        return [f"over budget: {key}: cost per document {fmt_cost(cost, _currency(ledger))} "
                f"is over --max-cost-per-doc {limit:g}"]
    return []


def _latency_line(key: str, results: Results, limit: float) -> list[str]:
    p95 = None if results.ledger is None else results.ledger.p95
    if p95 is None:
        return [f"over budget: {key}: p95 latency unknown (no document was timed); --max-p95 {limit:g} cannot be held"]
    if p95 > limit:
        return [f"over budget: {key}: p95 latency {significant(p95)} s is over --max-p95 {limit:g} s"]
    return []


def budget_lines(current: Mapping[str, Results], recorded: Mapping[str, Ledger | None], tolerance: float,
                 max_cost_per_doc: float | None = None, max_p95: float | None = None) -> list[str]:
    """Every cost rise against the recorded ledgers, then every broken limit: the gate fails on any."""
    return [*map(str, cost_rises(current, recorded, tolerance)), *over_budget(current, max_cost_per_doc, max_p95)]
