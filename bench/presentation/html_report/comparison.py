"""The comparison: one row per run, F1 (or P, or R) per fact type with interval, the best marked, significance.

Significance: each run's micro-F1 is tested against the best run's with the
paired approximate-randomization test of ``bench compare``
(:func:`bench.scoring.compare.compare_results`, on the fact-level outcomes);
the p-values of the k - 1 comparisons are Holm-adjusted, and a difference is
marked significant below 0.05. Every p printed says it is Holm-adjusted; one
below 0.001 is printed "< 0.001".

★ marks a column's best value only where one run is strictly best: not a tie,
not a page of one run. A value links to the errors behind it (of its type, on
its side for precision and recall) when there are any.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from bench.data.gold import Gold
from bench.data.results import LOW_SUPPORT
from bench.facts import FACT_TYPES
from bench.presentation.html_report.links import filter_link
from bench.presentation.html_report.runs import Run
from bench.presentation.tables import LOW_MARK, fmt_metric, fmt_p, strictly_best

COLUMNS = ("micro", *FACT_TYPES, "macro")
ALPHA = 0.05
SIGNIFICANCE_RESAMPLES = 9_999
SIGNIFICANCE_SEED = 0
NAMES = {"f1": "F1", "precision": "precision", "recall": "recall"}
SIDES = {"precision": "fp", "recall": "fn", "f1": None}  # the errors that lower each metric


def p_text(p_value: float) -> str:
    """A Holm-adjusted p-value for people: three decimals, or "< 0.001".

    >>> p_text(0.0002), p_text(0.01234), p_text(1.0)
    ('Holm-adjusted p < 0.001', 'Holm-adjusted p = 0.012', 'Holm-adjusted p = 1.000')
    """
    text = fmt_p(p_value)
    return "Holm-adjusted p " + (text if text.startswith("<") else f"= {text}")


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
    """One value of the table: as text, its interval, its support (low support marked), whether it is strictly
    the column's best, and the link to the errors behind it ("" when there are none)."""

    column: str
    shown: str
    interval: str
    best: bool
    sort: str | None
    support: str
    link: str = ""


@dataclass(frozen=True, slots=True)
class Tally:
    """A micro count (TP, FP or FN) and the link to its errors ("" for TP, or when there are none)."""

    count: str
    link: str = ""


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
    counts: tuple[Tally, Tally, Tally]
    training: str = ""
    recited: str = ""  # on a twin set: how many answers recite its source


@dataclass(frozen=True, slots=True)
class Table:
    """The table of one metric: a row per run (best micro-F1 first), a column per fact type, micro first."""

    metric: str
    name: str
    headings: tuple[Heading, ...]
    rows: tuple[TableRow, ...]


def error_counts(run: Run) -> Counter:
    """How many of the run's errors concern each (label, side): a label is a type (on either side of the error)
    or micro (all); a side is fn (the error has a gold side), fp (a predicted side) or None (any)."""
    found: Counter = Counter()
    for error in run.results.errors:
        sides = [None] + ["fn"] * (error.get("gold_value") is not None) + ["fp"] * (error.get("predicted_value") is not None)
        labels = {"micro", error["type"], error.get("predicted_type") or error["type"]}
        found.update((label, side) for label in labels for side in sides)
    return found


def _link(index: int, counts: Counter, label: str, metric: str) -> str:
    side = SIDES[metric]
    if label == "macro" or not counts[label, side]:
        return ""
    filters: dict[str, str | int] = {"run": index}
    if label != "micro":
        filters["type"] = label
    if side:
        filters["side"] = side
    return filter_link("errors", **filters)


def _cell(index: int, run: Run, counts: Counter, label: str, metric: str, best: bool) -> Cell:
    row = run.row(label)
    value = getattr(row, metric) if row is not None else None
    interval = row.ci.get(metric) if row is not None else None
    support = "" if label == "macro" or row is None else f" (n = {row.support:g}{LOW_MARK if row.low_support else ''})"
    return Cell(label, fmt_metric(value), f"{interval[0]:.2f}–{interval[1]:.2f}" if interval else "",
                best, None if value is None else f"{value:.6f}", support,
                _link(index, counts, label, metric) if value is not None else "")


def _heading(runs: Sequence[Run], label: str) -> Heading:
    shown = f"{label} (all types)" if label == "micro" else label
    row = runs[0].row(label)
    if label == "macro" or row is None:
        return Heading(shown, "mean of types", False)
    return Heading(shown, f"n = {row.support:g}", row.support < LOW_SUPPORT)


def _versus(run: Run, runs: Sequence[Run], tests: dict[str, VersusBest]) -> Versus:
    """The best run (the first), or how a run's micro-F1 compares with it; "–" on a page of one run."""
    if len(runs) == 1:
        return Versus("–")
    if run is runs[0]:
        return Versus("best" if best_of_column(runs, "micro", "f1") == 0 else "tied for the highest")
    test = tests.get(run.label)
    if test is None or test.p_value is None:
        return Versus("–")
    if test.significant:
        return Versus(f"▼ lower, {p_text(test.p_value)}", "sig")
    return Versus(f"≈ not significant, {p_text(test.p_value)}", "ns")


def _counts(index: int, run: Run, counts: Counter) -> tuple[Tally, Tally, Tally]:
    micro = run.row("micro")
    if micro is None:
        return Tally("–"), Tally("–"), Tally("–")
    fp, fn = (filter_link("errors", run=index, side=side) if counts["micro", side] else "" for side in ("fp", "fn"))
    return Tally(f"{micro.tp:g}"), Tally(f"{micro.fp:g}", fp if micro.fp else ""), Tally(f"{micro.fn:g}", fn if micro.fn else "")


def best_of_column(runs: Sequence[Run], label: str, metric: str) -> int | None:
    """The index of the run strictly best on ``label``'s ``metric``, or None."""
    rows = [run.row(label) for run in runs]
    return strictly_best([getattr(row, metric) if row is not None else None for row in rows])


def _recited(run: Run) -> str:
    """The run's recited answers in words, on a twin set ("" elsewhere)."""
    recited = run.results.recited
    if recited is None:
        return ""
    return f"{recited.total} answer{'' if recited.total == 1 else 's'} recited from the twin's source"


def score_table(runs: Sequence[Run], metric: str, tests: dict[str, VersusBest], training: Sequence[str] = ()) -> Table:
    """The table of one metric (rows in the order of ``runs``, the first being the best); ``training`` is each run's
    training regime in words ("" to say nothing)."""
    best = {label: best_of_column(runs, label, metric) for label in COLUMNS}
    training = list(training) or [""] * len(runs)
    counts = [error_counts(run) for run in runs]
    rows = tuple(TableRow(run.label, run.results.extractor_version,
                          tuple(_cell(i, run, counts[i], label, metric, best[label] == i) for label in COLUMNS),
                          _versus(run, runs, tests), _counts(i, run, counts[i]), training[i], _recited(run))
                 for i, run in enumerate(runs))
    return Table(metric, NAMES[metric], tuple(_heading(runs, label) for label in COLUMNS), rows)
