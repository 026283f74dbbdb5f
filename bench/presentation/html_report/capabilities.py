"""Capability suite results side by side: a row per capability, a column per run, the failure rate with its interval."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bench.presentation.html_report.runs import Run


def _cell(row: dict | None) -> str:
    if row is None:
        return "<td>–</td>"
    low, high = row["ci"]
    return (f'<td class="num">{row["rate"]:.3f} [{low:.2f}, {high:.2f}]'
            f'<br><small>{row["failures"]} of {row["cases"]} failed</small></td>')


def capability_section(runs: Sequence[Run]) -> str:
    """The table, or "" when no run was scored on a capability suite."""
    if not any(run.results.capabilities for run in runs):
        return ""
    by_run = [{row["id"]: row for row in run.results.capabilities} for run in runs]
    order = list(dict.fromkeys(row["id"] for run in runs for row in run.results.capabilities))
    kinds = {row["id"]: row for rows in by_run for row in rows.values()}
    head = "".join(f"<th>{escape(run.label)}</th>" for run in runs)
    body = "".join(
        f'<tr><th scope="row">{escape(cid)}<br><small>{escape(kinds[cid]["kind"])}'
        f'{" · context" if kinds[cid]["context"] else ""}</small></th>'
        + "".join(_cell(rows.get(cid)) for rows in by_run) + "</tr>"
        for cid in order)
    return ('<section id="capabilities"><h2>Capabilities</h2><p>Failure rate per capability of the suite (a case '
            'fails unless its predicted facts equal its gold facts), with its 95% Clopper–Pearson interval; '
            'lower is better.</p><div class="scroll"><table class="caps"><thead><tr><th>capability</th>'
            f'{head}</tr></thead><tbody>{body}</tbody></table></div></section>')
