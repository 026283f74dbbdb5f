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

from bench.data.gold import Gold
from bench.data.results import LOW_SUPPORT
from bench.facts import FACT_TYPES
from bench.presentation.html_report.runs import Run
from bench.presentation.tables import fmt_metric

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


@dataclass(frozen=True, slots=True)
class Heading:
    """A column heading: the row label, its support (``n = 12``, or "mean of types"), and whether the support is low."""

    label: str
    support: str
    few: bool


@dataclass(frozen=True, slots=True)
class Cell:
    """One value of the table: shown as text, its interval, its support, whether it is the column's best."""

    column: str
    shown: str
    interval: str
    best: bool
    sort: str | None
    support: str


@dataclass(frozen=True, slots=True)
class Versus:
    """The "micro-F1 vs best" cell: its words and its class (``sig``, ``ns`` or none)."""

    words: str
    css: str = ""


@dataclass(frozen=True, slots=True)
class TableRow:
    run: str
    version: str
    cells: tuple[Cell, ...]
    versus: Versus
    counts: tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Table:
    """The table of one metric: a row per run (best micro-F1 first), a column per fact type, micro first."""

    metric: str
    name: str
    headings: tuple[Heading, ...]
    rows: tuple[TableRow, ...]


def _best(runs: Sequence[Run], label: str, metric: str) -> float | None:
    values = [getattr(row, metric) for row in (run.row(label) for run in runs) if row is not None]
    defined = [v for v in values if v is not None]
    return max(defined) if defined else None


def _cell(run: Run, label: str, metric: str, best: float | None) -> Cell:
    row = run.row(label)
    value = getattr(row, metric) if row is not None else None
    interval = row.ci.get(metric) if row is not None else None
    return Cell(label, fmt_metric(value), f"{interval[0]:.2f}–{interval[1]:.2f}" if interval else "",
                value is not None and best is not None and abs(value - best) < 1e-12,
                None if value is None else f"{value:.6f}",
                "" if label == "macro" or row is None else f" (n = {row.support:g})")


def _heading(runs: Sequence[Run], label: str) -> Heading:
    shown = f"{label} (all types)" if label == "micro" else label
    row = runs[0].row(label)
    if label == "macro" or row is None:
        return Heading(shown, "mean of types", False)
    return Heading(shown, f"n = {row.support:g}", row.support < LOW_SUPPORT)


def _versus(run: Run, best: Run, tests: dict[str, VersusBest]) -> Versus:
    if run is best:
        return Versus("best")
    test = tests.get(run.label)
    if test is None or test.p_value is None:
        return Versus("–")
    if test.significant:
        return Versus(f"▼ lower, p = {test.p_value:.3f}", "sig")
    return Versus(f"≈ not significant, p = {test.p_value:.2f}", "ns")


def _counts(run: Run) -> tuple[str, str, str]:
    micro = run.row("micro")
    if micro is None:
        return "–", "–", "–"
    return f"{micro.tp:g}", f"{micro.fp:g}", f"{micro.fn:g}"


def score_table(runs: Sequence[Run], metric: str, tests: dict[str, VersusBest]) -> Table:
    """The table of one metric (rows in the order of ``runs``, the first being the best)."""
    best = {label: _best(runs, label, metric) for label in COLUMNS}
    rows = tuple(TableRow(run.label, run.results.extractor_version,
                          tuple(_cell(run, label, metric, best[label]) for label in COLUMNS),
                          _versus(run, runs[0], tests), _counts(run)) for run in runs)
    return Table(metric, NAMES[metric], tuple(_heading(runs, label) for label in COLUMNS), rows)
