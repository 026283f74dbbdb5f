"""The per-capability table of a run on a capability suite, and its failing cases."""

from __future__ import annotations

from bench.facts import FACT_TYPES
from bench.presentation.tables import format_table


def _rate(row: dict) -> str:
    low, high = row["ci"]
    return f"{row['rate']:.2f} [{low:.2f}, {high:.2f}]"


def capability_table(results, markdown: bool = False) -> str:
    """Failure rate per capability (strict fact sets), with its 95% interval, then up to three failing cases each.

    Empty when the results were not scored on a suite.
    """
    if not results.capabilities:
        return ""
    body = [[row["id"], row["kind"], "yes" if row["context"] else "", row["cases"], row["failures"], _rate(row),
             "" if row.get("flipped") is None else row["flipped"]] for row in results.capabilities]
    table = format_table(["capability", "kind", "context", "cases", "failed", "failure rate [95% CI]", "flipped"],
                         body, markdown)
    suite = results.suite or {}
    lines = [
        f"suite {suite.get('name', '?')} {suite.get('version', '?')} ({suite.get('hash', '?')[:19]}) · "
        "a case passes when its predicted fact set equals its gold set (strict)",
        "", table, "",
        "95% intervals: Clopper–Pearson (exact binomial). flipped: INV/DIR cases failed although their source passed.",
    ]
    failing = [(row["id"], example) for row in results.capabilities for example in row["examples"]]
    if failing:
        lines += ["", "failing cases (up to three per capability): expected | predicted"]
        lines += [f"  {doc}: {'; '.join(ex['expected']) or '(none)'} | {'; '.join(ex['predicted']) or '(none)'}"
                  for doc, ex in ((example["doc_id"], example) for _, example in failing)]
    return "\n".join(lines)


def context_summary(results) -> tuple[float, float] | None:
    """Mean failure rate of the context capabilities and of the others, or None off a suite.

    >>> from types import SimpleNamespace as S
    >>> context_summary(S(capabilities=({"context": True, "rate": 0.5}, {"context": False, "rate": 0.1})))
    (0.5, 0.1)
    """
    rows = results.capabilities
    if not rows:
        return None
    context = [row["rate"] for row in rows if row["context"]]
    other = [row["rate"] for row in rows if not row["context"]]
    return sum(context) / max(1, len(context)), sum(other) / max(1, len(other))


def suite_statistics_table(rows: list[dict], markdown: bool = False) -> str:
    """Suite statistics: cases and 'mentions/facts' per type per capability."""
    body = [[row["capability"], row["cases"], *(f"{row[t][0]}/{row[t][1]}" for t in FACT_TYPES)] for row in rows]
    return format_table(["capability", "cases", *FACT_TYPES], body, markdown) + "\n\nEach cell: mentions/distinct facts."
