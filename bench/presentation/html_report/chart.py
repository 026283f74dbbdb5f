"""The chart: inline SVG, one panel per fact type (micro first), a bar per run with its interval and value printed.

A zero is a visible tick at the axis with "0.000" printed; an undefined
metric is written "– undefined", never drawn as a bar. Each run's name is
printed above its bar, so nothing is told by colour alone; ★ follows the
value of a run strictly best on the panel (as in the table). This module lays
the panels out; ``templates/report/chart.html.j2`` draws them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bench.presentation.html_report.comparison import COLUMNS, NAMES, best_of_column
from bench.presentation.html_report.runs import Run
from bench.presentation.tables import fmt_metric

WIDTH, LEFT, PLOT, ROW, TOP = 320, 4, 220, 34, 30


@dataclass(frozen=True, slots=True)
class Bar:
    """One run's bar in a panel; ``width`` is None when the metric is undefined (nothing drawn)."""

    run: str
    y: int
    width: str | None = None
    value: str = "– undefined"
    title: str = ""
    whisker: str = ""


@dataclass(frozen=True, slots=True)
class Panel:
    """One fact type's panel: its size, its gridlines' x positions, its bars."""

    title: str
    metric: str
    height: int
    grid: tuple[float, ...]
    bars: tuple[Bar, ...]
    width: int = WIDTH
    left: int = LEFT
    value_x: int = LEFT + PLOT + 6
    grid_top: int = TOP - 4


@dataclass(frozen=True, slots=True)
class Chart:
    """All panels of one metric, laid out by CSS grid (one column on a phone)."""

    metric: str
    name: str
    panels: tuple[Panel, ...]


def _whisker(interval: tuple[float, float] | None, y: float) -> str:
    """The SVG path of an interval: a line with a tick at each end."""
    if not interval:
        return ""
    low, high = (LEFT + PLOT * v for v in interval)
    return f"M{low:.1f} {y}H{high:.1f}M{low:.1f} {y - 5}V{y + 5}M{high:.1f} {y - 5}V{y + 5}"


def _bar(run: Run, label: str, metric: str, index: int, best: bool) -> Bar:
    row = run.row(label)
    value = getattr(row, metric) if row is not None else None
    y = TOP + index * ROW
    if row is None or value is None:
        return Bar(run.label, y)
    star = " ★" if best else ""
    interval = row.ci.get(metric)
    title = f"{run.label} · {label} · {NAMES[metric]} {fmt_metric(value)}" + (
        f" [{interval[0]:.3f}, {interval[1]:.3f}]" if interval else "")
    width = max(PLOT * value, 2.0)  # a zero stays visible as a tick
    return Bar(run.label, y, f"{width:.1f}", fmt_metric(value) + star, title, _whisker(interval, y + 20))


def panel(runs: Sequence[Run], label: str, metric: str) -> Panel:
    """One fact type's panel: its title, the 0, 0.5 and 1 gridlines, a bar per run."""
    best = best_of_column(runs, label, metric)
    return Panel("micro (all types)" if label == "micro" else label, NAMES[metric], TOP + len(runs) * ROW + 6,
                 tuple(LEFT + PLOT * t for t in (0, 0.5, 1)),
                 tuple(_bar(run, label, metric, i, best == i) for i, run in enumerate(runs)))


def chart(runs: Sequence[Run], metric: str) -> Chart:
    """Every panel of one metric."""
    return Chart(metric, NAMES[metric], tuple(panel(runs, label, metric) for label in COLUMNS))
