"""Tables of twins: a run's F1 on the original and on each seeded twin, and the recited answers of compared runs."""

from __future__ import annotations

from bench.data.results import Results
from bench.data.twin_results import Difference, TwinsSummary
from bench.presentation.tables import fmt_metric, format_table, recited_cell


def _difference_cell(difference: Difference) -> str:
    """The mean difference twin - original with its interval.

    >>> from bench.data.twin_results import Difference
    >>> _difference_cell(Difference("micro", -0.0125, (-0.05, 0.025), 2)), _difference_cell(Difference("x", None, None, 0))
    ('-0.013 [-0.050, +0.025]', '–')
    """
    if difference.mean is None:
        return "–"
    interval = f" [{difference.ci[0]:+.3f}, {difference.ci[1]:+.3f}]" if difference.ci else ""
    return f"{difference.mean:+.3f}{interval}"


def _recited_cells(twins: TwinsSummary, label: str) -> str:
    """Each twin's recited answers on a row, in seed order: a type's count, micro the total, macro nothing."""
    if label == "macro":
        return ""
    return " · ".join(str(run.recited_total if label == "micro" else run.recited.get(label, 0)) for run in twins.runs)


def twins_table(results: Results, twins: TwinsSummary, markdown: bool = False) -> str:
    """F1 per row (fact types, micro, macro) on the original (``results``) and on each of its ``twins``,
    twin - original and the recited answers."""
    body = [[row.label, fmt_metric(row.f1), *(fmt_metric(run.f1.get(row.label)) for run in twins.runs),
             _difference_cell(twins.difference(row.label)), _recited_cells(twins, row.label)] for row in results.rows]
    count = len(twins.runs)
    seeds = f"seed{'' if count == 1 else 's'} {', '.join(map(str, twins.seeds))}"
    headers = ["type", "F1 original", *(f"F1 twin {seed}" for seed in twins.seeds), "twin - original [95% CI]",
               "recited"]
    lines = [f"{results.label} on {count} twin{'' if count == 1 else 's'} of gold {results.gold_version} ({seeds})", "",
             format_table(headers, body, markdown), "",
             f"twin - original: {twins.method}.",
             f"recited, per twin ({seeds}): answers whose value is the original's and no longer the twin's."]
    failed = [f"twin {run.seed}: {run.failed}" for run in twins.runs if run.failed]
    if failed:
        lines.append("failed documents (their gold counted as missed): " + ", ".join(failed))
    return "\n".join(lines)


def recited_line(a: Results, b: Results) -> str:
    """Each compared run's recited answers, or "" when neither was scored on a twin."""
    if a.recited is None and b.recited is None:
        return ""

    def shown(results: Results) -> str:
        return "–" if results.recited is None else recited_cell(results.recited, "micro")

    return f"recited (answers whose value is the twin's source's and no longer the twin's): A {shown(a)} · B {shown(b)}"
