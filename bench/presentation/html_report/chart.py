"""The chart: inline SVG, one panel per fact type (micro first), a bar per run with its interval and value printed.

A zero is a visible tick at the axis with "0.000" printed; an undefined
metric is written "– undefined", never drawn as a bar. Each run's name is
printed above its bar, so nothing is told by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bench.presentation.html_report.comparison import COLUMNS, NAMES
from bench.presentation.html_report.runs import Run
from bench.presentation.tables import fmt_metric

WIDTH, LEFT, PLOT, ROW, TOP = 320, 4, 220, 34, 30


def _row_of(run: Run, label: str):
    return next((row for row in run.results.rows if row.label == label), None)


def _whisker(interval: tuple[float, float] | None, y: float) -> str:
    if not interval:
        return ""
    low, high = (LEFT + PLOT * v for v in interval)
    return (f'<path class="whisker" d="M{low:.1f} {y}H{high:.1f}M{low:.1f} {y - 5}V{y + 5}M{high:.1f} {y - 5}V{y + 5}"/>')


def _bar(run: Run, label: str, metric: str, index: int, best: float | None) -> str:
    row = _row_of(run, label)
    value = getattr(row, metric) if row is not None else None
    y = TOP + index * ROW
    name = f'<text class="name" x="{LEFT}" y="{y + 10}">{escape(run.label)}</text>'
    if value is None:
        return name + f'<text class="value" x="{LEFT}" y="{y + 26}">– undefined</text>'
    width = max(PLOT * value, 2.0)  # a zero stays visible as a tick
    star = " ★" if best is not None and abs(value - best) < 1e-12 else ""
    interval = row.ci.get(metric)
    title = f"{run.label} · {label} · {NAMES[metric]} {fmt_metric(value)}" + (
        f" [{interval[0]:.3f}, {interval[1]:.3f}]" if interval else "")
    return (name + f'<rect class="bar" x="{LEFT}" y="{y + 14}" width="{width:.1f}" height="12"><title>{escape(title)}</title></rect>'
            + _whisker(interval, y + 20)
            + f'<text class="value" x="{LEFT + PLOT + 6}" y="{y + 24}">{fmt_metric(value)}{star}</text>')


def panel(runs: Sequence[Run], label: str, metric: str) -> str:
    """One fact type's panel: its title, the 0 and 1 gridlines, a bar per run."""
    height = TOP + len(runs) * ROW + 6
    values = [getattr(row, metric) for row in (_row_of(r, label) for r in runs) if row is not None]
    best = max((v for v in values if v is not None), default=None)
    grid = "".join(f'<line class="grid" x1="{LEFT + PLOT * t}" x2="{LEFT + PLOT * t}" y1="{TOP - 4}" y2="{height - 4}"/>'
                   for t in (0, 0.5, 1))
    bars = "".join(_bar(run, label, metric, i, best) for i, run in enumerate(runs))
    title = "micro (all types)" if label == "micro" else label
    return (f'<svg class="panel" role="img" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
            f'aria-label="{escape(NAMES[metric])} of each run on {escape(title)}">'
            f'<text class="panel-title" x="{LEFT}" y="16">{escape(title)}</text>{grid}{bars}</svg>')


def chart(runs: Sequence[Run], metric: str) -> str:
    """All panels of one metric, laid out by CSS grid (one column on a phone)."""
    panels = "".join(f'<figure class="panel-box">{panel(runs, label, metric)}</figure>' for label in COLUMNS)
    return (f'<div class="chart" data-metric="{metric}">{panels}</div><p class="chart-note">Bars: {NAMES[metric]}; '
            'whiskers: the 95% interval; ★ the best; gridlines at 0, 0.5 and 1.</p>')
