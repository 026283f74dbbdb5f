"""``bench gold agree`` for people: the agreement table per fact type, then every disagreement in context."""

from __future__ import annotations

from bench.facts import FACT_TYPES, GoldMention
from bench.presentation.review_page import value_text
from bench.presentation.tables import fmt_metric, format_table
from bench.presentation.terminal import safe
from bench.scoring.agreement import Agreement, Disagreement


def _side(fact: GoldMention | None) -> str:
    if fact is None:
        return "—"
    return f"{fact.id} {fact.type} {fact.text!r} {fact.start}:{fact.end} = {value_text(fact.value)}"


def _disagreement_lines(item: Disagreement) -> list[str]:
    before, span, after = (part.replace("\n", " ") for part in item.context)
    return [f"{item.doc_id}: {item.kind}", f"  A: {_side(item.a)}", f"  B: {_side(item.b)}",
            f"  context: {before}[[{span}]]{after}"]


def agreement_text(result: Agreement, markdown: bool = False) -> str:
    """The per-type table (F1 for exact spans, overlapping spans and facts; value agreement), then the disagreements."""
    rows = []
    for label in (*FACT_TYPES, "all"):
        exact, overlap, values, facts = (result.total(m) if label == "all" else getattr(result, m)[label]
                                         for m in ("exact", "overlap", "values", "facts"))
        rows.append([label, exact.support, exact.tp + exact.fp, fmt_metric(exact.f1), fmt_metric(overlap.f1),
                     fmt_metric(values.accuracy), f"{values.correct}/{values.matched}", fmt_metric(facts.f1)])
    headers = ["type", "A mentions", "B mentions", "exact F1", "overlap F1", "value agr.", "values", "fact F1"]
    lines = [f"A = {result.a} (reference), B = {result.b}", "", format_table(headers, rows, markdown), ""]
    lines.append(f"{len(result.disagreements)} disagreement{'s' if len(result.disagreements) != 1 else ''}"
                 + (":" if result.disagreements else ""))
    for item in result.disagreements:
        lines.extend(_disagreement_lines(item))
    return safe("\n".join(lines))
