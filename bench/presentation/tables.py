"""Plain-text and Markdown tables for people (no colour, safe to pipe)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from bench.data.results import LOW_SUPPORT, METRICS
from bench.facts import FACT_TYPES
from bench.presentation.terminal import safe

LOW_MARK = "†"
LOW_NOTE = f"{LOW_MARK} fewer than {LOW_SUPPORT} gold facts or mentions: the interval is wide, read the score with care."
DOCUMENTS_NOTE = ("Beside each score, its interval per fact (facts taken as independent); on the line below, "
                  "\"N docs\": its interval over the N documents holding the row's facts, which lets the facts of "
                  "one article fail together. Read the second for articles beyond these; blank: too few documents.")


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]], markdown: bool = False) -> str:
    """Align ``rows`` under ``headers``; numbers right-aligned.

    >>> print(format_table(["a", "n"], [["x", 1]], markdown=True))
    | a | n |
    |---|--:|
    | x | 1 |
    """
    headers = [safe(header, keep="") for header in headers]
    cells = [[safe(cell, keep="") for cell in row] for row in rows]  # a cell is one line, whatever its file held
    numeric = [any(row[i] for row in cells) and all(_is_number(row[i]) for row in cells if row[i]) for i in range(len(headers))]
    if markdown:
        rule = "|" + "|".join("--:" if num else "---" for num in numeric) + "|"
        lines = ["| " + " | ".join(headers) + " |", rule]
        lines += ["| " + " | ".join(row) + " |" for row in cells]
        return "\n".join(lines)
    widths = [max(len(str(h)), *(len(row[i]) for row in cells)) if cells else len(h) for i, h in enumerate(headers)]

    def line(row: Sequence[str]) -> str:
        parts = [cell.rjust(w) if num else cell.ljust(w) for cell, w, num in zip(row, widths, numeric)]
        return "  ".join(parts).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(row) for row in cells)])


def fmt_metric(value: float | None) -> str:
    """A metric to three decimals, or "–" when it is undefined (0/0).

    >>> fmt_metric(0.8125), fmt_metric(None)
    ('0.812', '–')
    """
    return "–" if value is None else f"{value:.3f}"


def _fmt_count(value: float) -> str:
    return f"{value:g}"


def fmt_interval(interval: tuple[float, float] | None) -> str:
    """An interval to two decimals, or "" when there is none.

    >>> fmt_interval((0.158, 1.0)), fmt_interval(None)
    ('[0.16, 1.00]', '')
    """
    return f"[{interval[0]:.2f}, {interval[1]:.2f}]" if interval else ""


def with_interval(row, metric: str) -> str:
    """A row's metric with its interval, when it has one.

    >>> from bench.data.results import MetricRow
    >>> with_interval(MetricRow("date", 2, 0, 0, 2, 1.0, 1.0, 1.0, {"recall": (0.158, 1.0)}), "recall")
    '1.000 [0.16, 1.00]'
    """
    interval = row.ci.get(metric)
    text = fmt_metric(getattr(row, metric))
    return f"{text} {fmt_interval(interval)}" if interval else text


def support_cell(support: int) -> str:
    """The support, marked when it is low.

    >>> support_cell(2), support_cell(10)
    ('2†', '10')
    """
    return f"{support}{LOW_MARK}" if support < LOW_SUPPORT else str(support)


def _documents_holding(results) -> dict[str, int]:
    """Per row label, the documents holding a gold or predicted fact of it (micro and macro: of any type)."""
    held = Counter(fact_type for doc in results.documents for fact_type in doc.counts)
    held["micro"] = held["macro"] = sum(bool(doc.counts) for doc in results.documents)
    return held


def _document_line(row, documents: int) -> list[str]:
    """The line under a row: its intervals over the documents holding it, blank where there are too few."""
    label = f"  {documents} doc{'' if documents == 1 else 's'}"
    return [label, *(fmt_interval(row.doc_ci.get(m)) for m in METRICS), "", "", "", ""]


def results_table(results, markdown: bool = False) -> str:
    """The per-type score table people read: P, R, F1 (with CI), TP, FP, FN, support; micro and macro rows.

    With intervals over documents, each row has a second line carrying them under the per-fact ones.
    """
    held = _documents_holding(results) if results.doc_ci_method else None
    recited = results.recited
    body = []
    for row in results.rows:
        body.append([row.label, *(with_interval(row, m) for m in METRICS),
                     *(("", "", "", "") if row.label == "macro" else
                       (*map(_fmt_count, (row.tp, row.fp, row.fn)), support_cell(row.support))),
                     *([recited_cell(recited, row.label)] if recited else [])])
        if held is not None and held[row.label]:  # a row no document holds is undefined throughout
            body.append(_document_line(row, held[row.label]) + ([""] if recited else []))
    headers = ["type", "P", "R", "F1", "TP", "FP", "FN", "support", *(["recited"] if recited else [])]
    table = format_table(headers, body, markdown)
    level = "fact level" if results.level == "fact" else f"mention level, {results.level} scheme"
    lines = [
        f"{results.label} {results.extractor_version} · gold {results.gold_version} ({results.gold_hash[:19]}) · "
        f"{level}, {results.mode} values",
        "",
        table,
        "",
        "– = undefined (0/0); macro averages the types where the metric is defined.",
    ]
    if any(row.low_support for row in results.rows if row.label != "macro"):
        lines.append(LOW_NOTE)
    accuracy = value_accuracy_line(results.value_accuracy)
    if accuracy:
        lines.append(accuracy)
    unscored = (results.value_accuracy or {}).get("unscored") if results.level != "fact" else 0
    if unscored:
        lines.append(f"not scored: {unscored} prediction(s) without offsets, neither TP nor FP "
                     "(a mention level needs start and end).")
    if results.ci_method:
        lines.append(f"95% intervals: {results.ci_method}.")
    if results.doc_ci_method:
        lines.append(DOCUMENTS_NOTE)
        lines.append(f"95% intervals over documents: {results.doc_ci_method}.")
    if recited:
        lines.append(recited_note(recited))
    if results.failures:
        lines.append(f"failed documents (their gold counted as missed): {len(results.failures)}")
        lines += [f"  {doc.doc_id}: {doc.failure}" for doc in results.failures]
    return safe("\n".join(lines))


def recited_cell(recited, label: str) -> str:
    """A row's recited answers (:class:`bench.data.twin_results.Recited`): its type's count, micro the total.

    >>> from bench.data.twin_results import Recited
    >>> counts = Recited({"date": 3, "official": 1}, "1.0.0", "sha256:ab", 2)
    >>> recited_cell(counts, "date"), recited_cell(counts, "agency"), recited_cell(counts, "micro"), recited_cell(counts, "macro")
    ('3', '0', '4', '')
    """
    if label == "macro":
        return ""
    return str(recited.total if label == "micro" else recited.counts.get(label, 0))


def recited_note(recited) -> str:
    """What the recited column counts, and of which source and twin."""
    return (f"recited: answers on this twin (seed {recited.seed}) whose value is the source gold's "
            f"{recited.source_version} ({recited.source_hash[:19]}) and no longer the twin's: remembered, not read.")


def value_accuracy_line(value_accuracy: dict | None) -> str:
    """Value accuracy per type and in all (mention levels), or "" where no mention was found with its right type.

    >>> value_accuracy_line({"date": {"matched": 4, "correct": 3}, "agency": {"matched": 0, "correct": 0},
    ...                      "overall": {"matched": 4, "correct": 3}, "unscored": 0})
    'value accuracy (of the mentions found with the right type, the share with the right value): date 0.750 (3/4), agency –; all 0.750 (3/4)'
    """
    if not value_accuracy or not value_accuracy.get("overall", {}).get("matched"):
        return ""

    def cell(counts: dict) -> str:
        matched, correct = counts["matched"], counts["correct"]
        return f"{fmt_metric(correct / matched)} ({correct:g}/{matched:g})" if matched else "–"

    types = ", ".join(f"{t} {cell(value_accuracy[t])}" for t in FACT_TYPES if t in value_accuracy)
    return (f"value accuracy (of the mentions found with the right type, the share with the right value): {types}; "
            f"all {cell(value_accuracy['overall'])}")


def documents_table(results, markdown: bool = False) -> str:
    """Per document: TP, FP, FN summed over the types, micro P, R, F1, and a failure if any."""

    def ratio(num: float, den: float) -> str:
        return fmt_metric(num / den if den else None)

    body = []
    for doc in results.documents:
        tp, fp, fn = (sum(cell[k] for cell in doc.counts.values()) for k in ("tp", "fp", "fn"))
        body.append([doc.doc_id, ratio(tp, tp + fp), ratio(tp, tp + fn), ratio(2 * tp, 2 * tp + fp + fn),
                     _fmt_count(tp), _fmt_count(fp), _fmt_count(fn), "failed" if doc.failure else ""])
    return format_table(["document", "P", "R", "F1", "TP", "FP", "FN", "run"], body, markdown)


def fmt_p(p_value: float | None) -> str:
    """A p-value for people: three decimals, "< 0.001" below that, "–" when undefined.

    >>> fmt_p(0.0002), fmt_p(0.01234), fmt_p(1.0), fmt_p(None)
    ('< 0.001', '0.012', '1.000', '–')
    """
    if p_value is None:
        return "–"
    return "< 0.001" if p_value < 0.001 else f"{p_value:.3f}"


def strictly_best(values: Sequence[float | None]) -> int | None:
    """The index of the one value above all others, or None: a tie, fewer than two defined values.

    >>> strictly_best([0.5, 0.7, None]), strictly_best([0.7, 0.7]), strictly_best([0.0, 0.0]), strictly_best([0.9])
    (1, None, None, None)
    """
    defined = [(v, i) for i, v in enumerate(values) if v is not None]
    if len(defined) < 2:
        return None
    ordered = sorted(defined, reverse=True)
    return ordered[0][1] if ordered[0][0] - ordered[1][0] > 1e-12 else None


def comparison_table(comparison, name_a: str, name_b: str, markdown: bool = False) -> str:
    """F1 of A and B, A - B and the p-values, per type, micro and macro: over documents (the headline), then facts."""
    rows = [*comparison.per_type.items(), ("micro", comparison.micro), ("macro", comparison.macro)]
    body = [[label, fmt_metric(d.f1_a), fmt_metric(d.f1_b), "–" if d.delta is None else f"{d.delta:+.3f}",
             fmt_p(d.p_value_documents), fmt_p(d.p_value)] for label, d in rows]
    table = format_table(["type", f"F1 A ({name_a})", f"F1 B ({name_b})", "A - B", "p (documents)", "p (facts)"],
                         body, markdown)
    lines = [table, ""]
    if comparison.document_method:
        lines.append(f"p (documents), the one to read: {comparison.document_method}.")
    lines.append(f"p (facts): {comparison.method}, {comparison.resamples} resamples, seed {comparison.seed}; "
                 "it takes facts as independent, so it is too small when the facts of one article fail together.")
    return "\n".join(lines)


def errors_listing(results) -> str:
    """One line per error: kind, document, type, gold and predicted value, and the context."""
    import json

    def show(value) -> str:
        return "–" if value is None else json.dumps(value, ensure_ascii=False)

    if not results.errors:
        return "no errors"
    lines = []
    for error in results.errors:
        where = f"{error['doc_id']}:{error['start']}" if error.get("start") is not None else error["doc_id"]
        lines.append(f"{error['kind']:<14} {where:<26} {error['type']:<10} gold {show(error.get('gold_value'))}"
                     f" · predicted {show(error.get('predicted_value'))}")
        if error.get("context"):
            lines.append(f"{'':14} {error['context']}")
    return safe("\n".join(lines))


def _is_number(text: str) -> bool:
    stripped = text.replace(".", "").replace("/", "").replace(" ", "").replace("[", "").replace("]", "")
    stripped = stripped.replace(",", "").replace("–", "0").replace(LOW_MARK, "").replace("*", "").lstrip("+-")
    return stripped.removeprefix("<").isdigit()  # "< 0.001" is a number too


def statistics_table(rows: list[dict], markdown: bool = False) -> str:
    """Gold statistics: 'mentions/facts' per type per document."""
    headers = ["document", *FACT_TYPES, "all"]
    body = []
    for row in rows:
        mentions = sum(row[t][0] for t in FACT_TYPES)
        distinct = sum(row[t][1] for t in FACT_TYPES)
        body.append([row["doc_id"], *(f"{row[t][0]}/{row[t][1]}" for t in FACT_TYPES), f"{mentions}/{distinct}"])
    return format_table(headers, body, markdown) + ("\n\nEach cell: mentions/distinct facts." if markdown else "")


def extractor_table(listed: Sequence) -> str:
    """The extractors ``bench list`` shows (:class:`bench.extraction.listing.Listed`): name, version, package, description."""
    body = [[item.name, item.version, item.package, item.description] for item in listed]
    return format_table(["extractor", "version", "package", "description"], body)


def option_table(specs: Sequence) -> str:
    """Declared options (:class:`bench.extraction.options.OptionSpec`): name, type, default and help line."""
    body = [[s.name, s.type_name, "–" if s.default is None else str(s.default), s.help] for s in specs]
    return format_table(["option", "type", "default", "help"], body)


def fact_type_rows(gold) -> str:
    from bench.normalize.aliases import fact_key

    body = []
    for fact_type in FACT_TYPES:
        facts = [f for f in gold.facts if f.type == fact_type]
        body.append([fact_type, len(facts), len({fact_key(f, gold.aliases) for f in facts})])
    return format_table(["fact type", "gold mentions", "gold facts"], body)
