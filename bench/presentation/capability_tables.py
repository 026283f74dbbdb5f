"""The per-capability tables of a run on a capability suite, and its failing cases."""

from __future__ import annotations

from bench.facts import FACT_TYPES
from bench.presentation.tables import format_table
from bench.presentation.terminal import safe

_VARIANTS = ("INV", "DIR")


def _rate(rate: float | None, ci) -> str:
    if rate is None:
        return "–"
    return f"{rate:.2f}" if ci is None else f"{rate:.2f} [{ci[0]:.2f}, {ci[1]:.2f}]"


def _made_rows(rows, markdown: bool) -> str:
    body = [[row["id"], row["kind"], "yes" if row["context"] else "", row["cases"], row.get("frames", ""),
             row["failures"], _rate(row["rate"], row["ci"]), row.get("side_errors", "")] for row in rows]
    return format_table(["capability", "kind", "context", "cases", "frames", "failed", "failure rate [95% CI]",
                         "side errors"], body, markdown)


def _variant_rows(rows, markdown: bool) -> str:
    body = [[row["id"], row["kind"], row["cases"], row.get("flip_base", ""), row.get("flipped", ""),
             _rate(row.get("flip_rate"), row.get("flip_ci")), row["failures"], _rate(row["rate"], row["ci"]),
             row.get("side_errors", "")] for row in rows]
    return format_table(["variant capability", "kind", "cases", "source passed", "flipped", "flip rate [95% CI]",
                         "failed", "failure rate [95% CI]", "side errors"], body, markdown)


def capability_table(results, markdown: bool = False) -> str:
    """Failure rate per capability (judged on its own fact types), flip rates of INV/DIR, then failing cases.

    Empty when the results were not scored on a suite.
    """
    if not results.capabilities:
        return ""
    made = [row for row in results.capabilities if row["kind"] not in _VARIANTS]
    variants = [row for row in results.capabilities if row["kind"] in _VARIANTS]
    suite = results.suite or {}
    lines = [
        f"suite {suite.get('name', '?')} {suite.get('version', '?')} ({suite.get('hash', '?')[:19]}) · "
        "a case passes when its predicted facts of the types its capability tests equal the gold ones (strict); "
        "per-type scores above count the source cases only",
        "", _made_rows(made, markdown),
    ]
    if variants:
        lines += ["", "INV/DIR: read the flip rate first, the share of variants that fail although their source "
                  "passed (CheckList); the failure rate also counts failures inherited from failing sources.",
                  "", _variant_rows(variants, markdown)]
    lines += ["", "95% intervals over frames (cases written from one frame count as one cluster: design-effect "
              "Clopper–Pearson). side errors: cases with a wrong fact of a type the capability does not test "
              "(counted apart, not failures)."]
    failing = [(row["id"], example) for row in results.capabilities for example in row["examples"]]
    if failing:
        lines += ["", "failing cases (up to three per capability, flips first): capability document: expected | "
                  "predicted"]
        lines += [f"  {capability} {ex['doc_id']}: {'; '.join(ex['expected']) or '(none)'} | "
                  f"{'; '.join(ex['predicted']) or '(none)'}" for capability, ex in failing]
    return safe("\n".join(lines))


def context_summary(results) -> tuple[float, float] | None:
    """Mean failure rate of the context capabilities and of the other non-variant ones, or None off a suite.

    >>> from types import SimpleNamespace as S
    >>> rows = ({"context": True, "kind": "MFT", "rate": 0.5}, {"context": False, "kind": "MFT", "rate": 0.1},
    ...         {"context": False, "kind": "INV", "rate": 0.9})
    >>> context_summary(S(capabilities=rows))
    (0.5, 0.1)
    """
    rows = [row for row in results.capabilities if row["kind"] not in _VARIANTS]
    if not rows:
        return None
    context = [row["rate"] for row in rows if row["context"]]
    other = [row["rate"] for row in rows if not row["context"]]
    return sum(context) / max(1, len(context)), sum(other) / max(1, len(other))


def suite_statistics_table(rows: list[dict], markdown: bool = False) -> str:
    """Suite statistics: cases, frames, distinct sentence skeletons and 'mentions/facts' per type per capability."""
    body = [[row["capability"], row["cases"], row["frames"], row["skeletons"],
             *(f"{row[t][0]}/{row[t][1]}" for t in FACT_TYPES)] for row in rows]
    table = format_table(["capability", "cases", "frames", "skeletons", *FACT_TYPES], body, markdown)
    return (table + "\n\nEach type cell: mentions/distinct facts. skeletons: distinct sentences once names, numbers "
            "and dates are masked (bench.data.suite.skeletons).")
