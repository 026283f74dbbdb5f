"""The comparison: one row per run, F1 (or P, or R) per fact type with interval, the best marked, significance.

Significance: each run's micro-F1 is tested against the best run's with the
paired approximate-randomization test of ``bench compare``
(:func:`bench.scoring.compare.compare_results`, on the fact-level outcomes);
the p-values of the k - 1 comparisons are Holm-adjusted, and a difference is
marked significant below 0.05.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from bench.data.gold import Gold
from bench.data.results import LOW_SUPPORT, METRICS, MetricRow
from bench.facts import FACT_TYPES
from bench.presentation.html_report.runs import Run
from bench.presentation.tables import LOW_MARK, LOW_NOTE, fmt_metric

COLUMNS = ("micro", *FACT_TYPES, "macro")
ALPHA = 0.05
SIGNIFICANCE_RESAMPLES = 9_999
SIGNIFICANCE_SEED = 0
NAMES = {"f1": "F1", "precision": "precision", "recall": "recall"}


@dataclass(frozen=True, slots=True)
class VersusBest:
    """A run's micro-F1 against the best run's: Holm-adjusted p, and whether it is below ``ALPHA``."""

    p_value: float | None
    significant: bool


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm's step-down adjustment of p-values, in the input order.

    >>> holm([0.01, 0.04, 0.03])
    [0.03, 0.06, 0.06]
    """
    order = sorted(range(len(p_values)), key=lambda i: p_values[i])
    adjusted, running = [0.0] * len(p_values), 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (len(p_values) - rank) * p_values[i]))
        adjusted[i] = round(running, 12)
    return adjusted


def versus_best(runs: Sequence[Run], gold: Gold) -> dict[str, VersusBest]:
    """For every run but the first (the best), its micro-F1 difference from the best run, tested."""
    from bench.scoring.compare import compare_results

    best, others = runs[0], list(runs[1:])
    raw = {}
    for run in others:
        comparison = compare_results(best.results, run.results, [best.label, run.label], gold,
                                     SIGNIFICANCE_RESAMPLES, SIGNIFICANCE_SEED)
        raw[run.label] = comparison.micro.p_value
    tested = [label for label, p in raw.items() if p is not None]
    adjusted = dict(zip(tested, holm([raw[label] for label in tested])))
    return {label: VersusBest(adjusted.get(label), adjusted.get(label, 1.0) < ALPHA) for label in raw}


def _row_of(run: Run, label: str) -> MetricRow | None:
    return next((row for row in run.results.rows if row.label == label), None)


def _best(runs: Sequence[Run], label: str, metric: str) -> float | None:
    values = [getattr(row, metric) for row in (_row_of(run, label) for run in runs) if row is not None]
    defined = [v for v in values if v is not None]
    return max(defined) if defined else None


def _cell(run: Run, label: str, metric: str, best: float | None) -> str:
    row = _row_of(run, label)
    value = getattr(row, metric) if row is not None else None
    interval = row.ci.get(metric) if row is not None else None
    ci = f'<span class="ci">{interval[0]:.2f}–{interval[1]:.2f}</span>' if interval else ""
    is_best = value is not None and best is not None and abs(value - best) < 1e-12
    shown = f'<strong class="best">{fmt_metric(value)} <span class="star">★</span></strong>' if is_best else fmt_metric(value)
    sort = "" if value is None else f' data-sort="{value:.6f}"'
    support = "" if label == "macro" or row is None else f" (n = {row.support:g})"
    return f'<td class="n" data-label="{escape(label)}{support}"{sort}><span>{shown} {ci}</span></td>'


def _heading(label: str) -> str:
    return f"{label} (all types)" if label == "micro" else label


def _support(runs: Sequence[Run], label: str) -> str:
    row = _row_of(runs[0], label)
    if label == "macro" or row is None:
        return '<small class="n-support">mean of types</small>'
    few = f'<abbr class="few" title="{escape(LOW_NOTE)}">{LOW_MARK}</abbr>' if row.support < LOW_SUPPORT else ""
    return f'<small class="n-support">n = {row.support:g}{few}</small>'


def _versus(run: Run, best: Run, tests: dict[str, VersusBest]) -> str:
    if run is best:
        return '<td data-label="vs best">best</td>'
    test = tests.get(run.label)
    if test is None or test.p_value is None:
        return '<td data-label="vs best">–</td>'
    if test.significant:
        return f'<td data-label="vs best" class="sig">▼ lower, p = {test.p_value:.3f}</td>'
    return f'<td data-label="vs best" class="ns">≈ not significant, p = {test.p_value:.2f}</td>'


def score_table(runs: Sequence[Run], metric: str, tests: dict[str, VersusBest]) -> str:
    """The table of one metric: a row per run (best micro-F1 first), a column per fact type, micro first."""
    heads = "".join(f'<th scope="col" data-col="{i + 1}">{escape(_heading(label))} {NAMES[metric]}<br>{_support(runs, label)}</th>'
                    for i, label in enumerate(COLUMNS))
    best = {label: _best(runs, label, metric) for label in COLUMNS}
    body = []
    for run in runs:
        version = escape(run.results.extractor_version)
        cells = "".join(_cell(run, label, metric, best[label]) for label in COLUMNS)
        body.append(f'<tr data-run="{escape(run.label)}"><th scope="row">{escape(run.label)} <small>{version}</small></th>'
                    f'{cells}{_versus(run, runs[0], tests)}{_counts(run)}</tr>')
    return (f'<table class="compare t-{metric}" data-metric="{metric}"><caption>{NAMES[metric]} per fact type, '
            f'best marked ★</caption><thead><tr><th scope="col">run</th>{heads}<th scope="col">micro-F1 vs best'
            f'</th><th scope="col">micro TP · FP · FN</th></tr></thead><tbody>{"".join(body)}</tbody></table>')


def _counts(run: Run) -> str:
    micro = run.results.row("micro")
    cells = " · ".join(f'<span class="{k}">{getattr(micro, k):g}</span>' for k in ("tp", "fp", "fn"))
    return f'<td class="n counts" data-label="micro TP · FP · FN"><span>{cells}</span></td>'


def metric_switch() -> str:
    """Radio buttons that show one metric's table and chart: siblings of the blocks, so plain CSS switches them."""
    inputs = "".join(f'<input type="radio" name="metric" id="m-{m}" class="metric-choice"{" checked" if m == "f1" else ""}>'
                     f'<label for="m-{m}">{NAMES[m]}</label>' for m in ("f1", "precision", "recall"))
    return f'<span class="switch-label" id="show-label">Show:</span>{inputs}'


def comparison(runs: Sequence[Run], gold: Gold, chart) -> str:
    """The switch, then for each metric its table and chart (only the chosen one shows)."""
    tests = versus_best(runs, gold) if len(runs) > 1 else {}
    blocks = "".join(f'<div class="metric-block b-{m}">{score_table(runs, m, tests)}{chart(runs, m)}</div>' for m in METRICS)
    return f'<div class="comparison">{metric_switch()}{blocks}</div>'
