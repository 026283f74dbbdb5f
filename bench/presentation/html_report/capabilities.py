"""Capability suite results side by side: a row per capability, for each run its failure rate and, for INV/DIR, flips.

A cell prints its rate, interval and count, is shaded on the palette's
failure-rate scale (:func:`bench.presentation.palette.rate_step`) and carries
a bar as long as the rate, so the colour is never the only cue. A cell with
failing cases links to them (``#cases?cap=ID&run=N``). What a row of the
results does not carry (frames, side errors, flips: older files) is left
out, never invented. Beside the table, each run's mean failure rate on the
context capabilities and on the others
(:func:`bench.presentation.capability_tables.context_summary`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from bench.presentation.capability_tables import context_summary
from bench.presentation.html_report.links import filter_link
from bench.presentation.html_report.runs import Run
from bench.presentation.palette import rate_step

VARIANTS = ("INV", "DIR")


@dataclass(frozen=True, slots=True)
class Rate:
    """One run's rate on a capability: value, interval, what it counts, scale step, bar width, sort key, link."""

    shown: str
    interval: str
    detail: str
    step: int | None
    width: str
    sort: str
    link: str = ""


@dataclass(frozen=True, slots=True)
class Capability:
    """A row: the capability, its kind, whether it tests context, its cases, and per run its failure and flip rates
    (None where the run was not scored on it, or the results carry no flips)."""

    id: str
    kind: str
    context: bool
    cases: str
    rates: tuple[Rate | None, ...]
    flips: tuple[Rate | None, ...]


@dataclass(frozen=True, slots=True)
class Mean:
    """A run's mean failure rate on the context capabilities and on the other MFT and negative ones."""

    run: str
    context: str
    other: str


@dataclass(frozen=True, slots=True)
class CapabilityTable:
    runs: tuple[str, ...]
    rows: tuple[Capability, ...]
    flips: bool  # whether any row is a variant capability (INV, DIR): the flip columns are shown
    means: tuple[Mean, ...]


def _interval(interval: Sequence[float] | None) -> str:
    return f"{interval[0]:.2f}–{interval[1]:.2f}" if interval else ""


def _rate(row: dict, link: str) -> Rate:
    rate = float(row["rate"])
    return Rate(f"{rate:.3f}", _interval(row["ci"]), f"{row['failures']} of {row['cases']} failed", rate_step(rate),
                f"{100 * rate:.1f}", f"{rate:.6f}", link if row["failures"] else "")


def _flip(row: dict, link: str) -> Rate | None:
    """The flip rate where the row carries it; a bare count of flips (older files) without a rate."""
    flipped, base, rate = row.get("flipped"), row.get("flip_base"), row.get("flip_rate")
    if flipped is None:
        return None
    detail = f"{flipped} of {base} flipped" if base is not None else f"{flipped} flipped"
    if rate is None:
        return Rate("–", "", detail, None, "0", "-1", link if flipped else "")
    return Rate(f"{rate:.3f}", _interval(row.get("flip_ci")), detail, rate_step(rate), f"{100 * rate:.1f}",
                f"{rate:.6f}", link if flipped else "")


def _mean(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def capability_table(runs: Sequence[Run], listed: Collection[tuple[int, str]] = ()) -> CapabilityTable | None:
    """Every capability any run was scored on, in first-seen order; None when none was.

    ``listed`` holds the (run index, capability) pairs whose cases the page lists: only those cells link.
    """
    by_run = [{row["id"]: row for row in run.results.capabilities} for run in runs]
    order = list(dict.fromkeys(row["id"] for run in runs for row in run.results.capabilities))
    if not order:
        return None
    described = {cid: row for rows in by_run for cid, row in rows.items()}
    rows = []
    for cid in order:
        links = [filter_link("cases", cap=cid, run=i) if (i, cid) in listed else "" for i in range(len(runs))]
        rates = tuple(_rate(rows[cid], links[i]) if cid in rows else None for i, rows in enumerate(by_run))
        flips = tuple(_flip(rows[cid], links[i]) if cid in rows else None for i, rows in enumerate(by_run))
        first = described[cid]
        rows.append(Capability(str(cid), str(first["kind"]), bool(first["context"]), str(first["cases"]), rates, flips))
    means = []
    for run in runs:
        summary = context_summary(run.results)
        made = [row for row in run.results.capabilities if row["kind"] not in VARIANTS]
        if summary is not None:  # a mean over no capability is none, not 0
            held = (any(row["context"] for row in made), any(not row["context"] for row in made))
            means.append(Mean(run.label, *(_mean(value if has else None) for value, has in zip(summary, held))))
    return CapabilityTable(tuple(run.label for run in runs), tuple(rows),
                           any(row.kind in VARIANTS for row in rows), tuple(means))
