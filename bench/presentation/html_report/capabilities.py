"""Capability suite results side by side: a row per capability, a column per run, the failure rate with its interval."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bench.presentation.html_report.runs import Run


@dataclass(frozen=True, slots=True)
class Rate:
    """One run's failure rate on a capability, with its interval, and how many cases failed."""

    rate: str
    failed: str


@dataclass(frozen=True, slots=True)
class Capability:
    """A row: the capability, its kind, whether it tests context, and each run's rate (None when not scored)."""

    id: str
    kind: str
    context: bool
    rates: tuple[Rate | None, ...]


def _rate(row: dict | None) -> Rate | None:
    if row is None:
        return None
    low, high = row["ci"]
    return Rate(f"{row['rate']:.3f} [{low:.2f}, {high:.2f}]", f"{row['failures']} of {row['cases']} failed")


def capability_rows(runs: Sequence[Run]) -> list[Capability]:
    """Every capability any run was scored on, in first-seen order; [] when none was."""
    by_run = [{row["id"]: row for row in run.results.capabilities} for run in runs]
    order = list(dict.fromkeys(row["id"] for run in runs for row in run.results.capabilities))
    described = {cid: row for rows in by_run for cid, row in rows.items()}
    return [Capability(cid, described[cid]["kind"], bool(described[cid]["context"]),
                       tuple(_rate(rows.get(cid)) for rows in by_run)) for cid in order]
