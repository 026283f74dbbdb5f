"""The cost section: a table of what each run cost and how fast it ran, and a chart of cost against micro-F1.

The chart puts each run whose cost is known at (cost per 1,000 documents,
micro-F1), its F1 interval as a vertical error bar and its name beside it.
The Pareto front (the runs no other run beats on both: none costs as little
or less and scores as high or higher, one of them strictly) is marked three
ways, never by colour alone: filled points, a staircase joining them, and a
sentence naming them. Runs without a known cost or F1 are named under the
chart. This module lays the section out; ``templates/report/cost.html.j2`` draws it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bench.data.ledger import Ledger
from bench.presentation.html_report.runs import Run
from bench.presentation.ledger_tables import (
    NOT_METERED,
    UNKNOWN,
    cost_cell,
    fmt_cost,
    fmt_seconds,
    machines_note,
    per_thousand,
    significant,
)
from bench.presentation.tables import fmt_metric

WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 560, 330, 52, 24, 28, 44
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM


@dataclass(frozen=True, slots=True)
class CostRow:
    """One run's line of the cost table."""

    run: str
    cost: str
    p95: str
    rate: str
    tokens: str
    machine: str


@dataclass(frozen=True, slots=True)
class Point:
    """One run on the chart: where, what it says, its F1 interval's path, whether it is on the front."""

    run: str
    x: str
    y: str
    title: str
    error_bar: str
    front: bool
    anchor: str = "start"  # where its name goes: right of it, or left of it ("end") in the right part of the plot


@dataclass(frozen=True, slots=True)
class CostSection:
    rows: tuple[CostRow, ...]
    points: tuple[Point, ...]
    front_path: str
    front_names: tuple[str, ...]
    x_ticks: tuple[tuple[str, str], ...]
    y_ticks: tuple[tuple[str, str], ...]
    not_drawn: tuple[str, ...]
    note: str | None
    x_title: str
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    top: int = TOP
    bottom: int = TOP + PLOT_H
    right: int = LEFT + PLOT_W


def pareto_front(points: Sequence[tuple[float, float]]) -> list[int]:
    """The indices of the points (cost, score) that no other point dominates: as cheap or cheaper and as good or better,
    one of the two strictly.

    >>> pareto_front([(1.0, 0.5), (2.0, 0.9), (2.0, 0.4), (0.5, 0.5), (3.0, 0.9)])
    [1, 3]
    """
    def dominated(i: int) -> bool:
        cost, score = points[i]
        return any(c <= cost and s >= score and (c < cost or s > score) for c, s in points)

    return [i for i in range(len(points)) if not dominated(i)]


def _tokens(ledger: Ledger | None) -> str:
    if ledger is None:
        return "–"
    if not ledger.metered or ledger.tokens is None:
        return NOT_METERED
    total = ledger.tokens.total_tokens
    hits = f", {ledger.cache_hits} of {ledger.documents} from the cache" if ledger.cache_hits else ""
    return (UNKNOWN if total is None else f"{total:,}") + hits


def _row(run: Run) -> CostRow:
    ledger = run.results.ledger
    rate = ledger.docs_per_second if ledger is not None else None
    return CostRow(run.label, cost_cell(run.results), fmt_seconds(ledger.p95 if ledger else None),
                   "–" if rate is None else significant(rate), _tokens(ledger),
                   str(ledger.machine) if ledger is not None else "–")


def _why_not_drawn(run: Run) -> str:
    ledger = run.results.ledger
    if ledger is None:
        return f"{run.label} (no ledger)"
    if not ledger.metered:
        return f"{run.label} (not metered)"
    if per_thousand(ledger) is None:
        return f"{run.label} (cost unknown)"
    return f"{run.label} (micro-F1 undefined)"


def _drawn(runs: Sequence[Run]) -> list[tuple[Run, float, float]]:
    found = []
    for run in runs:
        ledger, row = run.results.ledger, run.row("micro")
        cost = None if ledger is None else per_thousand(ledger)
        if cost is not None and row is not None and row.f1 is not None:
            found.append((run, cost, row.f1))
    return found


class _Scale:
    """From (cost per 1,000 documents, F1) to the chart's x and y."""

    def __init__(self, top: float):
        self.top = top

    def x(self, cost: float) -> float:
        return LEFT + PLOT_W * cost / self.top

    def y(self, score: float) -> float:
        return TOP + PLOT_H * (1 - score)

    def ticks(self, currency: str) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
        """Gridlines at 0, half and all of each axis, with their labels."""
        x_ticks = tuple((f"{self.x(self.top * share):.1f}", fmt_cost(self.top * share, currency)) for share in (0, 0.5, 1))
        y_ticks = tuple((f"{self.y(value):.1f}", f"{value:.1f}") for value in (0, 0.5, 1))
        return x_ticks, y_ticks

    def staircase(self, corners: Sequence[tuple[float, float]]) -> str:
        """The SVG path along the front, cheapest first: across to the next cost, then up to its F1."""
        if not corners:
            return ""
        (cost, score), rest = corners[0], corners[1:]
        return f"M{self.x(cost):.1f} {self.y(score):.1f}" + "".join(
            f"H{self.x(c):.1f}V{self.y(s):.1f}" for c, s in rest)


def _point(run: Run, cost: float, f1: float, front: bool, scale: _Scale) -> Point:
    micro = run.row("micro")
    x, interval = scale.x(cost), micro.ci.get("f1") if micro is not None else None
    bar = ""
    if interval:
        low, high = scale.y(interval[0]), scale.y(interval[1])
        bar = f"M{x:.1f} {low:.1f}V{high:.1f}M{x - 4:.1f} {low:.1f}h8M{x - 4:.1f} {high:.1f}h8"
    shown = f" [{interval[0]:.2f}, {interval[1]:.2f}]" if interval else ""
    title = f"{run.label}: {cost_cell(run.results)} per 1,000 documents, micro-F1 {fmt_metric(f1)}{shown}"
    return Point(run.label, f"{x:.1f}", f"{scale.y(f1):.1f}", title, bar, front,
                 "end" if x > LEFT + PLOT_W / 2 else "start")


def _one_currency(drawn: Sequence[tuple[Run, float, float]]) -> str:
    """The currency of the drawn runs' prices when they share one (else none is printed on the axis)."""
    ledgers = [run.results.ledger for run, _, _ in drawn]
    found = {ledger.prices.currency for ledger in ledgers if ledger is not None and ledger.prices is not None}
    return found.pop() if len(found) == 1 else ""


def cost_section(runs: Sequence[Run]) -> CostSection | None:
    """The section's table and chart; None when no run has a ledger."""
    if all(run.results.ledger is None for run in runs):
        return None
    drawn = _drawn(runs)
    scale = _Scale(max((cost for _, cost, _ in drawn), default=0.0) * 1.1 or 1.0)  # all free: the axis keeps a span
    front = sorted(pareto_front([(cost, f1) for _, cost, f1 in drawn]), key=lambda i: drawn[i][1:])
    currency = _one_currency(drawn)
    x_ticks, y_ticks = scale.ticks(currency)
    drawn_ids = {id(run) for run, _, _ in drawn}
    return CostSection(
        rows=tuple(_row(run) for run in runs),
        points=tuple(_point(run, cost, f1, i in front, scale) for i, (run, cost, f1) in enumerate(drawn)),
        front_path=scale.staircase([drawn[i][1:] for i in front]), front_names=tuple(drawn[i][0].label for i in front),
        x_ticks=x_ticks, y_ticks=y_ticks,
        not_drawn=tuple(_why_not_drawn(run) for run in runs if id(run) not in drawn_ids),
        note=machines_note([run.results for run in runs], [run.label for run in runs]),
        x_title="cost per 1,000 documents, without the cache" + (f" ({currency})" if currency else ""))
