"""``bench gold crosscheck`` for people: how much of GUM's entity layer the gold covers, overall and per document."""

from __future__ import annotations

from bench.presentation.tables import format_table
from bench.scoring.crosscheck import POPULATIONS, Coverage, coverage_by_document, coverage_rows


def crosscheck_text(result: dict[str, Coverage], markdown: bool = False, per_document: bool = False) -> str:
    """The overall table (one row per GUM population); with ``per_document``, covered/total per document after it."""
    headers = ["GUM type", "gold type", "GUM mentions", "covered", "excluded by a rule", "unexplained", "share"]
    rows = [[r["gum_type"], r["gold_type"], r["mentions"], r["covered"], r["excluded"], r["unexplained"],
             f"{r['share']:.3f}"] for r in coverage_rows(result)]
    lines = [format_table(headers, rows, markdown)]
    if per_document:
        doc_rows = [[row["doc_id"], *(f"{row[e][0]}/{row[e][1]}" if row[e][1] else "–" for e in POPULATIONS)]
                    for row in coverage_by_document(result)]
        lines += ["", format_table(["document", *POPULATIONS], doc_rows, markdown), "", "Each cell: covered/GUM mentions."]
    unexplained = [m for cov in result.values() for m in cov.unexplained]
    if unexplained:
        lines += ["", f"{len(unexplained)} GUM mention{'s' if len(unexplained) != 1 else ''} left out with no rule:"]
        lines += [f"  {m.doc_id} {m.start}:{m.end} {m.etype} {m.text!r}" for m in unexplained]
    return "\n".join(lines)
