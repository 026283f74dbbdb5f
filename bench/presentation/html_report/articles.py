"""The articles: each text once, gold mentions labelled inline, every run's errors beside the mention they concern."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bench.data.documents import Document
from bench.data.gold import Gold
from bench.facts import Fact
from bench.presentation.html_report.outcomes import ArticleView, FactRow, Note
from bench.presentation.html_report.runs import ArticleName, Run

SYMBOLS = {"missed": "✗", "spurious": "+", "wrong_value": "≠", "wrong_type": "⇄", "wrong_boundary": "↔",
           "partial": "½", "value_differs": "≈"}
WORDS = {"missed": "missed", "spurious": "spurious", "wrong_value": "wrong value", "wrong_type": "wrong type",
         "wrong_boundary": "wrong boundary", "partial": "partial match", "value_differs": "value differs (not scored)"}


def chip(note: Note, runs: Sequence[Run]) -> str:
    """One run's outcome as a small labelled box: symbol, run, kind in words, and what it predicted."""
    detail = f": {escape(note.detail)}" if note.detail else ""
    return (f'<span class="chip k-{note.kind}" data-run="{note.run}">{SYMBOLS[note.kind]} '
            f'<b>{escape(runs[note.run].label)}</b> {WORDS[note.kind]}{detail}</span>')


def _label(fact: Fact) -> str:
    return f'<span class="lab t-{fact.type}">{escape(fact.type)}</span>'


def highlight(text: str, gold: Sequence[Fact], view: ArticleView, runs: Sequence[Run]) -> tuple[str, list[Note]]:
    """The text as HTML cut at every mention boundary, and the notes it had no place for.

    Gold mentions are marked with their type label after them (as displaCy
    does), then the chips of the runs that got them wrong; text only a run
    predicted is underlined, with its chips after it.
    """
    mentions = [f for f in gold if f.has_span]
    spans = sorted({(s, e) for s, e, _ in view.predicted_spans if 0 <= s < e <= len(text)})
    cuts = sorted({0, len(text), *(m.start for m in mentions), *(m.end for m in mentions), *(p for s in spans for p in s)})
    by_place: dict[tuple[int, int, bool], list[Note]] = {}
    for note in view.notes:
        by_place.setdefault((note.start, note.end, note.on_gold), []).append(note)
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [m for m in mentions if m.start <= start and end <= m.end]
        predicted = any(s <= start and end <= e for s, e in spans)
        classes = ([f"g t-{covering[0].type}"] if covering else []) + (["p"] if predicted else [])
        piece = escape(text[start:end])
        pieces.append(f'<span class="{" ".join(classes)}">{piece}</span>' if classes else piece)
        for mention in sorted((m for m in mentions if m.end == end), key=lambda m: (m.start, m.type)):
            pieces.append(_label(mention) + "".join(chip(n, runs) for n in by_place.pop((mention.start, mention.end, True), [])))
        for s, e in spans:
            if e == end:
                pieces.append("".join(chip(n, runs) for n in by_place.pop((s, e, False), [])))
    return "".join(pieces), [note for notes in by_place.values() for note in notes]


def _fact_list(facts: Sequence[FactRow], runs: Sequence[Run]) -> str:
    rows = []
    for row in facts:
        status = "".join(chip(n, runs) for n in row.notes)
        if row.in_gold and len({n.run for n in row.notes}) < len(runs):
            status += " ✓ found by the others" if status else " ✓ found by all" if len(runs) > 1 else " ✓ found"
        status_cell = f"<td>{status}</td>" if runs else ""
        where = "gold" if row.in_gold else "predicted only"
        rows.append(f'<tr class="{"gold" if row.in_gold else "extra"}"><td><span class="lab t-{row.fact_type}">'
                    f'{escape(row.fact_type)}</span></td><td>{escape(row.value)}</td><td>“{escape(row.text)}” '
                    f'<small>({where})</small></td>{status_cell}</tr>')
    head = "<th>type</th><th>value</th><th>first mention</th>" + ("<th>runs</th>" if runs else "")
    return f'<table class="facts"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _count(value: float) -> str:
    return f"{value:g}"


def errors_phrase(count: float) -> str:
    """
    >>> errors_phrase(1), errors_phrase(2.5)
    ('1 error', '2.5 errors')
    """
    return f"{_count(count)} error{'' if count == 1 else 's'}"


def tally_table(view: ArticleView, runs: Sequence[Run]) -> str:
    """TP, FP, FN of each run that erred on the article, and one row for all the others (they found everything)."""
    erring = [i for i, t in view.tallies.items() if t.fp or t.fn or i in view.failures]
    rows = [(escape(runs[i].label), [i], view.tallies[i], view.failures.get(i)) for i in erring]
    others = [i for i in view.tallies if i not in erring]
    if others:
        rows.append(("every other run" if erring else "every run", others, view.tallies[others[0]], None))
    failures = bool(view.failures)
    body = "".join(f'<tr data-runs="{" ".join(map(str, members))}"><th scope="row">{name}</th><td class="n tp">{_count(t.tp)}'
                   f'</td><td class="n fp">{_count(t.fp)}</td><td class="n fn">{_count(t.fn)}</td>'
                   f'{f"<td>{escape(failure or chr(32))}</td>" if failures else ""}</tr>'
                   for name, members, t, failure in rows)
    failure_head = "<th>failure</th>" if failures else ""
    return (f'<table class="tally"><thead><tr><th>run</th><th>TP</th><th>FP</th><th>FN</th>{failure_head}</tr></thead>'
            f'<tbody>{body}</tbody></table>')


def article(document: Document, name: ArticleName, gold: Gold, view: ArticleView, runs: Sequence[Run]) -> str:
    """One article, collapsed when no run erred on it."""
    text, unplaced = highlight(document.text, gold.facts_of(document.id), view, runs)
    outlet = name.outlet if name.outlet and name.outlet not in name.title else None
    about = " · ".join(escape(x) for x in (outlet, name.published, document.id) if x)
    errors = sum(t.fp + t.fn for t in view.tallies.values())
    status = errors_phrase(errors) if errors else ("no errors" if runs else f"{len(view.facts)} facts")
    parts = [f'<section class="article" id="doc-{escape(document.id)}" data-doc="{escape(document.id)}">'
             f'<details{" open" if view.has_errors() else ""}><summary><h3>{escape(name.title)}</h3> '
             f'<span class="about">{about} · {status}</span></summary>']
    if runs:
        parts.append(tally_table(view, runs))
    parts.append(_fact_list(view.facts, runs) if view.facts else "")
    parts.append(f'<div class="text">{text}</div>')
    if unplaced:
        parts.append('<p>Without a place in the text: ' + " ".join(chip(n, runs) for n in unplaced) + "</p>")
    return "".join(parts) + "</details></section>"


def contents(documents: Sequence[Document], names: dict[str, ArticleName], views: Sequence[ArticleView]) -> str:
    """A linked list of every article, with its error count."""
    items = []
    for document, view in zip(documents, views):
        errors = sum(t.fp + t.fn for t in view.tallies.values())
        note = f" — {errors_phrase(errors)}" if errors else ""
        items.append(f'<li><a href="#doc-{escape(document.id)}">{escape(names[document.id].title)}</a>{note}</li>')
    return f'<ol class="toc-articles">{"".join(items)}</ol>'
