"""Plain-text and Markdown tables for people (no colour, safe to pipe)."""

from __future__ import annotations

from collections.abc import Sequence

from bench.facts import FACT_TYPES


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]], markdown: bool = False) -> str:
    """Align ``rows`` under ``headers``; numbers right-aligned.

    >>> print(format_table(["a", "n"], [["x", 1]], markdown=True))
    | a | n |
    |---|--:|
    | x | 1 |
    """
    cells = [[str(cell) for cell in row] for row in rows]
    numeric = [all(_is_number(row[i]) for row in cells) and bool(cells) for i in range(len(headers))]
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


def _is_number(text: str) -> bool:
    stripped = text.replace(".", "", 1).replace("/", "", 1).replace(" ", "").replace("[", "").replace("]", "")
    stripped = stripped.replace(",", "").replace("–", "0").lstrip("+-")
    return stripped.isdigit()


def statistics_table(rows: list[dict], markdown: bool = False) -> str:
    """Gold statistics: 'mentions/facts' per type per document."""
    headers = ["document", *FACT_TYPES, "all"]
    body = []
    for row in rows:
        mentions = sum(row[t][0] for t in FACT_TYPES)
        distinct = sum(row[t][1] for t in FACT_TYPES)
        body.append([row["doc_id"], *(f"{row[t][0]}/{row[t][1]}" for t in FACT_TYPES), f"{mentions}/{distinct}"])
    return format_table(headers, body, markdown) + ("\n\nEach cell: mentions/distinct facts." if markdown else "")


def extractor_rows() -> str:
    from bench.registry import registered, resolve

    body = []
    for name, entry in registered().items():
        try:
            target = resolve(name)  # class attributes are read; nothing is instantiated
            version = str(getattr(target, "version", "?"))
            description = getattr(target, "description", "") or (target.__doc__ or "").strip().split("\n")[0]
        except Exception as error:  # noqa: BLE001 - a broken plug-in is listed, not fatal
            version, description = "?", f"(cannot load: {str(error).splitlines()[0][:80]})"
        body.append([name, version, entry.distribution, description])
    return format_table(["extractor", "version", "package", "description"], body)


def fact_type_rows(gold) -> str:
    from bench.normalize import fact_key

    body = []
    for fact_type in FACT_TYPES:
        facts = [f for f in gold.facts if f.type == fact_type]
        body.append([fact_type, len(facts), len({fact_key(f, gold.aliases) for f in facts})])
    return format_table(["fact type", "gold mentions", "gold facts"], body)
