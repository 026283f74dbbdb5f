"""The review page of a gold set (``bench gold show``): every article with each mention labelled in place.

Each mention is highlighted in its type's colour and followed by a label that
reads without hovering: fact id, type and normalized value, and "unreviewed"
for a pre-label nobody has checked. One self-contained HTML file: no network,
no script. Overlapping mentions are cut at every boundary, so each stretch of
text carries all the mentions over it.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bench.data.documents import Document
from bench.data.gold import Gold
from bench.facts import FACT_TYPES, Count, Fact, Official, Value

# Okabe–Ito, colour-blind safe: a strong colour for the underline, a pale tint behind the text.
PALETTE = {"date": ("#0072B2", "#d6e9f5"), "headcount": ("#D55E00", "#f8e0cf"), "user_count": ("#009E73", "#d2efe6"),
           "agency": ("#CC79A7", "#f5e3ed"), "official": ("#E69F00", "#fbecc8")}

_CSS = """
body{font:16px/1.6 system-ui,sans-serif;margin:1.5em auto;max-width:60em;padding:0 1em;color:#1a1a1a}
table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid #bbb;padding:.15em .5em;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.text{white-space:pre-wrap;border:1px solid #ccc;padding:1em;line-height:2.1}
.m{border-bottom:3px solid;padding-bottom:1px}.m .m{padding-bottom:4px}
.tag{font-size:.78em;border:1px solid;border-radius:3px;padding:0 .3em;margin:0 .2em;white-space:nowrap;color:#1a1a1a}
.tag b{font-weight:600}.unreviewed{border-style:dashed;border-width:2px}.flag{color:#8a1c00;font-weight:600}
.legend span{margin-right:.8em}
""" + "".join(f".t-{t}{{border-color:{strong};background:{tint}}}" for t, (strong, tint) in PALETTE.items())


def value_text(value: Value) -> str:
    """A normalized value for people.

    >>> value_text(Count(50, "lt", "employees")), value_text(Official("A. Bee", "Minister")), value_text("2024-07")
    ('lt 50 employees', 'A. Bee (Minister)', '2024-07')
    """
    if isinstance(value, Count):
        return f"{value.qualifier} {value.count:,} {value.unit}"
    if isinstance(value, Official):
        return f"{value.name} ({value.title})"
    return value


def _tag(fact: Fact, unreviewed: bool) -> str:
    flag = ' <span class="flag">unreviewed</span>' if unreviewed else ""
    return (f'<span class="tag t-{fact.type}{" unreviewed" if unreviewed else ""}"><b>{escape(fact.id or "")}</b> '
            f'{fact.type}: {escape(value_text(fact.value))}{flag}</span>')


def highlight(text: str, facts: Sequence[Fact], unreviewed: set[str]) -> str:
    """``text`` as HTML: each stretch wrapped in a mark per mention covering it, each mention's label after its end.

    >>> print(highlight("On May 2.", [Fact("d", "date", "2024-05-02", "May 2", 3, 8, "f1")], set()))
    On <span class="m t-date">May 2</span><span class="tag t-date"><b>f1</b> date: 2024-05-02</span>.
    """
    ordered = sorted(facts, key=lambda f: (f.start, -f.end, f.type))
    cuts = sorted({0, len(text), *(f.start for f in ordered), *(f.end for f in ordered)})
    parts = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [f for f in ordered if f.start <= start and end <= f.end]
        piece = escape(text[start:end])
        for fact in reversed(covering):  # the outermost mention is the outermost mark
            piece = f'<span class="m t-{fact.type}">{piece}</span>'
        parts.append(piece)
        parts.extend(_tag(f, f.id in unreviewed) for f in covering if f.end == end)
    return "".join(parts)


def _document_section(number: int, document: Document, facts: list[Fact], unreviewed: set[str]) -> str:
    published = document.published.isoformat() if document.published else "unknown"
    waiting = sum(f.id in unreviewed for f in facts)
    note = f", {waiting} unreviewed" if waiting else ""
    return (f'<section id="doc-{number}"><h2>{escape(document.id)}</h2>'
            f"<p>published {published} · {len(facts)} mention{'s' if len(facts) != 1 else ''}{note}</p>"
            f'<div class="text">{highlight(document.text, facts, unreviewed)}</div></section>')


def _contents(gold: Gold, unreviewed: set[str]) -> str:
    rows = []
    for number, document in enumerate(gold.documents, 1):
        facts = gold.facts_of(document.id)
        waiting = sum(f.id in unreviewed for f in facts)
        rows.append(f'<tr><td><a href="#doc-{number}">{escape(document.id)}</a></td><td class="n">{len(facts)}</td>'
                    f'<td class="n">{waiting or ""}</td></tr>')
    return f"<table><tr><th>document</th><th>mentions</th><th>unreviewed</th></tr>{''.join(rows)}</table>"


def review_page(gold: Gold, name: str) -> str:
    """The whole page for ``gold`` (read from directory ``name``); unreviewed pre-labels are flagged."""
    unreviewed = {fact_id for fact_id, _ in gold.unreviewed}
    legend = "".join(f'<span class="m t-{t}">{t}</span>' for t in FACT_TYPES)
    sections = "".join(_document_section(n, doc, gold.facts_of(doc.id), unreviewed) for n, doc in enumerate(gold.documents, 1))
    waiting = f", {len(unreviewed)} not reviewed yet (dashed labels)" if unreviewed else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Review: {escape(name)}</title><style>{_CSS}</style></head><body>
<h1>Review: {escape(name)}</h1>
<p>Gold version {escape(gold.version)} · {len(gold.documents)} documents · {len(gold.facts)} mentions{waiting}.
After each mention: its fact id (as in facts.jsonl), its type and its normalized value.</p>
<p class="legend">{legend}</p>
{_contents(gold, unreviewed)}
{sections}
</body></html>
"""
