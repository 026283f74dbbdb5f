"""The error section: every error of every run, filterable by kind with plain CSS checkboxes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape

from bench.facts import value_from_json
from bench.presentation.html_report.articles import SYMBOLS, WORDS, errors_phrase
from bench.presentation.html_report.outcomes import show_value
from bench.presentation.html_report.runs import ArticleName, Run
from bench.scoring.error_analysis import KINDS


def _value(fact_type: str | None, raw, text: str | None) -> str:
    if raw is None:
        return "–"
    quoted = f"“{escape(text)}” " if text else ""
    return f"{quoted}<b>{escape(show_value(value_from_json(fact_type, raw)))}</b>"


def _context(context: str | None) -> str:
    """The context with its ``[[mention]]`` marked."""
    if not context:
        return ""
    before, _, rest = context.partition("[[")
    mention, _, after = rest.rpartition("]]")
    if not _:
        return f'<div class="ctx">{escape(context)}</div>'
    return f'<div class="ctx">{escape(before)}<mark>{escape(mention)}</mark>{escape(after)}</div>'


def error_item(error: dict, run: str, names: dict[str, ArticleName]) -> str:
    """One error: kind, type, article (title, outlet), gold and predicted values, context."""
    kind, doc = error["kind"], error["doc_id"]
    name = names.get(doc)
    title = escape(name.title) if name else escape(doc)
    outlet = f" <small>{escape(name.outlet)}</small>" if name and name.outlet and name.outlet not in name.title else ""
    predicted_type = error.get("predicted_type") or error["type"]
    other_type = f" <small>as {escape(predicted_type)}</small>" if predicted_type != error["type"] else ""
    return (f'<li class="err k-{kind}" data-kind="{kind}" data-run="{escape(run)}" data-doc="{escape(doc)}">'
            f'<span class="kind chip k-{kind}">{SYMBOLS[kind]} {WORDS[kind]}</span> '
            f'<span class="lab t-{error["type"]}">{escape(error["type"])}</span> '
            f'<a href="#doc-{escape(doc)}">{title}</a>{outlet}'
            f'<div class="vals">gold: {_value(error["type"], error.get("gold_value"), error.get("gold_text"))} · '
            f'predicted: {_value(predicted_type, error.get("predicted_value"), error.get("predicted_text"))}{other_type}</div>'
            f'{_context(error.get("context"))}</li>')


def _summary(counts: Counter) -> str:
    total = sum(counts.values())
    parts = " · ".join(f"{counts[k]} {WORDS[k]}" for k in KINDS if counts[k])
    return errors_phrase(total) + (f": {parts}" if parts else "")


def errors_section(runs: Sequence[Run], names: dict[str, ArticleName]) -> str:
    """Kind filters (checkboxes), then per run a collapsible list of its errors (open when there is one run)."""
    everything = Counter(error["kind"] for run in runs for error in run.results.errors)
    filters = "".join(f'<input type="checkbox" class="kind-filter" id="ek-{k}" checked>'
                      f'<label for="ek-{k}" class="chip k-{k}">{SYMBOLS[k]} {WORDS[k]} ({everything[k]})</label>'
                      for k in KINDS)
    blocks = []
    for run in runs:
        counts = Counter(error["kind"] for error in run.results.errors)
        items = "".join(error_item(error, run.label, names) for error in run.results.errors)
        level = f" ({run.results.errors[0]['level']} level)" if run.results.errors else ""
        blocks.append(f'<details class="run-errors" data-run="{escape(run.label)}"{" open" if len(runs) == 1 else ""}>'
                      f'<summary><b>{escape(run.label)}</b>: {_summary(counts)}{level}</summary>'
                      f'<ol class="errors">{items}</ol></details>')
    return (f'<div class="error-filter"><span class="switch-label">Show kinds:</span>{filters}'
            f'<div class="error-runs">{"".join(blocks)}</div></div>')
