"""A self-contained HTML report: scores, a bar chart, and every article with its mentions highlighted.

No network, no script: the chart is inline SVG, hover text is ``title``
attributes. Predictions are aligned to gold mentions with
:func:`bench.scoring.mention_level.align`: under the results' scheme at the span levels
(strict, exact, partial, type); at the fact level under ``type`` (overlapping,
same type), a pair then counting as a true positive only when the values
agree (equal canonical values, or the lenient rules in lenient mode).
Overlapping mentions are drawn by cutting the text at every mention boundary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from bench.data.documents import Document
from bench.data.gold import Gold
from bench.data.jsonl import write_text_atomic
from bench.data.results import METRICS, Results, read_results, same_gold
from bench.errors import MismatchError
from bench.facts import FACT_TYPES, Count, Fact, Official, Value
from bench.normalize.aliases import AliasTable
from bench.presentation.tables import fmt_metric
from bench.scoring.fact_level import lenient_distance
from bench.scoring.mention_level import Pair, align

KINDS = {"gold": "gold mention", "tp": "true positive", "partial": "partial match (half credit)",
         "fn": "false negative (missed gold)", "fp": "false positive"}
LABELS = (*FACT_TYPES, "micro", "macro")
_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.2em .6em}
td.n{text-align:right;font-variant-numeric:tabular-nums}.text{white-space:pre-wrap;border:1px solid #ddd;padding:1em}
.m{border-radius:2px;cursor:help}.gold{background:#cfe3ff}.tp{background:#b8e6b8}.partial{background:#fff0a8}
.fn{background:#ffd1a1;outline:1px dashed #c60}.fp{text-decoration:underline wavy #d22;text-decoration-thickness:2px}
.fp:not(.tp):not(.fn):not(.partial):not(.gold){background:#fbd3d3}.m:hover{filter:brightness(.9)}
svg text{font:11px system-ui,sans-serif}.bar.precision{fill:#4e79a7}.bar.recall{fill:#f28e2b}.bar.f1{fill:#59a14f}
.bar:hover{opacity:.75}.key.precision{color:#4e79a7}.key.recall{color:#f28e2b}.key.f1{color:#59a14f}.axis{stroke:#999}.legend span{margin-right:1em;padding:0 .3em}
"""


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted stretch of text: one side of an outcome, with its hover note."""

    start: int
    end: int
    kind: str
    side: str  # "gold" or "predicted"
    note: str


@dataclass(frozen=True, slots=True)
class Run:
    """One results file as the report shows it."""

    label: str
    results: Results

    def by_document(self) -> dict[str, list[Fact]]:
        grouped: dict[str, list[Fact]] = {}
        for raw in self.results.predictions:
            grouped.setdefault(raw["doc_id"], []).append(Fact.from_dict(raw))
        return grouped


def load_runs(paths: Sequence[str | Path], gold: Gold) -> list[Run]:
    """Read results files scored on ``gold``, labelled by run (plus file name when two share one)."""
    results = [read_results(path) for path in paths]
    if not results:
        return []
    same_gold(results, [str(p) for p in paths])
    if results[0].gold_hash != gold.hash:
        raise MismatchError(f"scored on gold {results[0].gold_version} ({results[0].gold_hash[:19]}), not the loaded "
                            f"gold {gold.version} ({gold.hash[:19]}): pass its gold with --gold", str(paths[0]), field="gold_hash")
    names = [r.label for r in results]
    return [Run(r.label if names.count(r.label) == 1 else f"{r.label} ({Path(p).name})", r)
            for r, p in zip(results, paths)]


def show_value(value: Value) -> str:
    """A normalized value for people.

    >>> show_value(Count(50, "lt", "employees")), show_value(Official("A. Bee", "Minister"))
    ('lt 50 employees', 'A. Bee (Minister)')
    """
    if isinstance(value, Count):
        return f"{value.qualifier} {value.count:,} {value.unit}"
    if isinstance(value, Official):
        return f"{value.name} ({value.title})"
    return value


def _note(fact: Fact, kind: str, side: str, other: Fact | None = None) -> str:
    note = f"{kind.upper()} {fact.type}: {side} {show_value(fact.value)}"
    return note + (f"; paired with {other.type} {show_value(other.value)}" if other is not None else "")


def _mark(fact: Fact, kind: str, side: str, other: Fact | None = None) -> Mark:
    return Mark(fact.start, fact.end, kind, side, _note(fact, kind, side, other))


def _values_agree(gold: Fact, predicted: Fact, aliases: AliasTable, mode: str) -> bool:
    """Same type and same canonical value (or, in lenient mode, values the lenient rules match)."""
    if gold.type != predicted.type:
        return False
    gv, pv = aliases.canonical_value(gold.type, gold.value), aliases.canonical_value(predicted.type, predicted.value)
    return gv == pv or (mode == "lenient" and lenient_distance(gold.type, gv, pv) is not None)


def _kind(pair: Pair, results: Results, aliases: AliasTable) -> str:
    """How a pair is shown: "tp", "partial", or "miss" (its gold side a FN, its prediction a FP)."""
    if pair.outcome == "partial":
        return "partial"
    agree = results.level != "fact" or _values_agree(pair.gold, pair.predicted, aliases, results.mode)
    return "tp" if pair.outcome == "correct" and agree else "miss"


def marks_for(gold: Sequence[Fact], predicted: Sequence[Fact], results: Results | None, aliases: AliasTable) -> list[Mark]:
    """The marks of one document: gold only without results, else both sides of each TP, partial, FN and FP."""
    if results is None:
        return [_mark(f, "gold", "gold") for f in gold if f.has_span]
    alignment = align(gold, predicted, "type" if results.level == "fact" else results.level, aliases)
    marks = [_mark(f, "fn", "gold") for f in alignment.missed] + [_mark(f, "fp", "predicted") for f in alignment.spurious]
    for pair in alignment.pairs:
        kind = _kind(pair, results, aliases)
        marks.append(_mark(pair.gold, "fn" if kind == "miss" else kind, "gold", pair.predicted))
        marks.append(_mark(pair.predicted, "fp" if kind == "miss" else kind, "predicted", pair.gold))
    return marks


def highlight(text: str, marks: Sequence[Mark]) -> str:
    """``text`` as escaped HTML, cut at every mark boundary; each covered piece is a span with all its marks' classes.

    >>> print(highlight("a<b c", [Mark(0, 3, "tp", "gold", "x"), Mark(2, 5, "fp", "predicted", "y")]))
    <span class="m tp" title="x">a&lt;</span><span class="m fp tp" title="x
    y">b</span><span class="m fp" title="y"> c</span>
    """
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        covering = sorted((m for m in marks if m.start <= start and end <= m.end), key=lambda m: (m.start, m.end, m.kind))
        piece = escape(text[start:end])
        if covering:
            classes = " ".join(sorted({m.kind for m in covering}))
            notes = "\n".join(dict.fromkeys(m.note for m in covering))
            piece = f'<span class="m {classes}" title="{escape(notes)}">{piece}</span>'
        pieces.append(piece)
    return "".join(pieces)


def _cell(row, metric: str) -> str:
    value, interval = getattr(row, metric), row.ci.get(metric)
    low_high = f' <small>[{interval[0]:.3f}, {interval[1]:.3f}]</small>' if interval else ""
    return f'<td class="n">{fmt_metric(value)}{low_high}</td>'


def score_table(results: Results) -> str:
    """P, R, F1 (with CI when present), TP, FP, FN and support per row of a results file."""
    head = "".join(f"<th>{h}</th>" for h in ("type", "P", "R", "F1", "TP", "FP", "FN", "support"))
    body = []
    for row in results.rows:
        counts = "".join(f'<td class="n">{n:g}</td>' for n in (row.tp, row.fp, row.fn, row.support))
        body.append(f"<tr><th>{escape(row.label)}</th>{''.join(_cell(row, m) for m in METRICS)}{counts}</tr>")
    return f'<table class="scores"><tr>{head}</tr>{"".join(body)}</table>'


_BAR, _GAP, _PLOT, _TOP, _LEFT, _PANEL = 12, 30, 120, 24, 34, 170


def _bars(run: Run, x0: int) -> list[str]:
    rows = {row.label: row for row in run.results.rows}
    out = []
    for j, label in enumerate(LABELS):
        x = x0 + j * (3 * _BAR + _GAP)
        out.append(f'<text x="{x + 1.5 * _BAR}" y="{_TOP + _PLOT + 14}" text-anchor="middle">{escape(label)}</text>')
        for k, metric in enumerate(METRICS):
            value = getattr(rows[label], metric) if label in rows else None
            tip = escape(f"{run.label} · {label} · {metric} {fmt_metric(value)}")
            if value is None:
                out.append(f'<text class="undefined" x="{x + k * _BAR}" y="{_TOP + _PLOT - 2}"><title>{tip}</title>–</text>')
                continue
            height = round(_PLOT * value, 1)
            out.append(f'<rect class="bar {metric}" x="{x + k * _BAR}" y="{_TOP + _PLOT - height}" width="{_BAR - 1}" '
                       f'height="{height}"><title>{tip}</title></rect>')
    return out


def chart(runs: Sequence[Run]) -> str:
    """An inline SVG bar chart: one group per run, P, R and F1 bars per fact type, micro and macro."""
    width = _LEFT + len(LABELS) * (3 * _BAR + _GAP)
    groups = []
    for i, run in enumerate(runs):
        axes = "".join(f'<line class="axis" x1="{_LEFT - 4}" x2="{width}" y1="{_TOP + _PLOT * (1 - t)}" y2="{_TOP + _PLOT * (1 - t)}"/>'
                       f'<text x="0" y="{_TOP + _PLOT * (1 - t) + 4}">{t:.1f}</text>' for t in (0, 0.5, 1))
        body = "".join(_bars(run, _LEFT))
        groups.append(f'<g class="group" transform="translate(0,{i * _PANEL})"><text class="group-label" x="{_LEFT}" '
                      f'y="12">{escape(run.label)}</text>{axes}{body}</g>')
    return (f'<svg class="chart" role="img" aria-label="precision, recall and F1 per fact type" width="{width}" '
            f'height="{len(runs) * _PANEL}" viewBox="0 0 {width} {len(runs) * _PANEL}">{"".join(groups)}</svg>')


def _run_block(document: Document, gold: Sequence[Fact], predicted: Sequence[Fact], run: Run, aliases: AliasTable,
               first: bool) -> str:
    text = document.text
    spanned = [f for f in predicted if f.has_span and 0 <= f.start < f.end <= len(text)]
    marks = marks_for(gold, spanned, run.results, aliases)
    tally = {kind: sum(m.kind == kind and m.side == side for m in marks)
             for kind, side in (("tp", "gold"), ("partial", "gold"), ("fp", "predicted"), ("fn", "gold"))}
    summary = " · ".join(f"{n} {kind.upper()}" for kind, n in tally.items() if n or kind != "partial")
    parts = [f'<details{" open" if first else ""}><summary>{escape(run.label)}: {summary}</summary>']
    failure = next((d.failure for d in run.results.documents if d.doc_id == document.id and d.failure), None)
    if failure:
        parts.append(f'<p class="failure">The extractor failed on this document: {escape(failure)}</p>')
    parts.append(f'<div class="text">{highlight(text, marks)}</div>')
    loose = [f for f in predicted if f not in spanned]
    if loose:
        parts.append(_loose_list(loose, gold, aliases, run.results.mode))
    return "".join(parts) + "</details>"


def _loose_list(loose: Sequence[Fact], gold: Sequence[Fact], aliases: AliasTable, mode: str) -> str:
    """Predictions without (usable) offsets: a TP when a gold mention of the document carries the value."""
    items = []
    for fact in loose:
        kind = "tp" if any(_values_agree(g, fact, aliases, mode) for g in gold) else "fp"
        items.append(f'<li><span class="m {kind}" title="{escape(_note(fact, kind, "predicted"))}">{escape(fact.type)}: '
                     f'{escape(fact.text or show_value(fact.value))}</span></li>')
    return ('<p>Predictions without offsets (TP when a gold mention of this document carries the value):</p>'
            f'<ul class="unspanned">{"".join(items)}</ul>')


def legend(with_results: bool) -> str:
    kinds = ("tp", "partial", "fn", "fp") if with_results else ("gold",)
    items = "".join(f'<span class="m {k}">{escape(KINDS[k])}</span>' for k in kinds)
    return f'<p class="legend">{items} Hover a mention for its type and normalized value.</p>'


def article(document: Document, gold: Gold, runs: Sequence[Run], predictions: Sequence[dict[str, list[Fact]]]) -> str:
    """One article: gold mentions alone, or one collapsible rendering per run (the first open)."""
    facts = gold.facts_of(document.id)
    published = f" · published {document.published.isoformat()}" if document.published else ""
    parts = [f'<section class="article" id="doc-{escape(document.id)}"><h3>{escape(document.id)}'
             f'<small>{published}</small></h3>']
    if not runs:
        parts.append(f'<div class="text">{highlight(document.text, marks_for(facts, [], None, gold.aliases))}</div>')
    for i, (run, by_doc) in enumerate(zip(runs, predictions)):
        parts.append(_run_block(document, facts, by_doc.get(document.id, []), run, gold.aliases, i == 0))
    return "".join(parts) + "</section>"


def _run_meta(run: Run) -> str:
    r = run.results
    ci = f", CI {escape(r.ci_method)}" if r.ci_method else ""
    failed = f", failed on {len(r.failures)} document(s)" if r.failures else ""
    return (f"<h3>{escape(run.label)}</h3><p>{escape(r.extractor)} {escape(r.extractor_version)}; level "
            f"{escape(r.level)}, mode {escape(r.mode)}{ci}{failed}; {escape(r.timestamp or 'no timestamp')}</p>")


def build_report(gold: Gold, runs: Sequence[Run] = ()) -> str:
    """The whole page as a string."""
    by_doc = [run.by_document() for run in runs]
    parts = [f"<h1>factbench report</h1><p>Gold {escape(gold.version)} (<code>{escape(gold.hash)}</code>), "
             f"{len(gold.documents)} articles, {len(gold.facts)} gold mentions.</p>"]
    if runs:
        parts.append("<h2>Scores</h2>" + "".join(_run_meta(run) + score_table(run.results) for run in runs))
        keys = "".join(f'<span class="key {m}">■ {m}</span>' for m in METRICS)
        parts.append(f'<h2>Chart</h2><p class="legend">{keys} ("–": undefined)</p>' + chart(runs))
        parts.append("<p>Mentions are aligned one-to-one (bench.scoring.mention_level): at span levels under the results' scheme; "
                     "at the fact level overlapping mentions of one type, a true positive when the values agree.</p>")
    parts.append("<h2>Articles</h2>" + legend(bool(runs)))
    parts.extend(article(doc, gold, runs, by_doc) for doc in gold.documents)
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>factbench report</title>'
            f'<style>{_CSS}</style></head><body>{"".join(parts)}</body></html>\n')


def write_report(path: str | Path, gold: Gold, runs: Sequence[Run] = ()) -> None:
    """Write the page atomically."""
    write_text_atomic(path, build_report(gold, runs))
