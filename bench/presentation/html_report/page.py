"""The page shell: heading, provenance, contents, the sections in order, stylesheet and optional script."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from html import escape
from pathlib import Path

from bench.data.gold import Gold
from bench.data.jsonl import write_text_atomic
from bench.presentation.html_report.articles import SYMBOLS, WORDS, article, contents
from bench.presentation.html_report.capabilities import capability_section
from bench.presentation.html_report.chart import chart
from bench.presentation.html_report.comparison import (
    ALPHA,
    SIGNIFICANCE_RESAMPLES,
    SIGNIFICANCE_SEED,
    comparison,
)
from bench.presentation.html_report.errors import errors_section
from bench.presentation.html_report.outcomes import article_views
from bench.presentation.html_report.runs import (
    Run,
    article_names,
    ranked,
    refuse_mixed_settings,
    trained_leave_one_out,
)
from bench.presentation.html_report.style import SCRIPT, TYPE_COLOURS, stylesheet
from bench.presentation.tables import LOW_NOTE


def _level(runs: Sequence[Run]) -> str:
    level = runs[0].results.level
    return "fact level" if level == "fact" else f"mention level, {level} scheme"


def interval_note(runs: Sequence[Run]) -> str:
    """The interval method, stated once (per distinct method when runs differ)."""
    methods: dict[str, list[str]] = {}
    for run in runs:
        methods.setdefault(run.results.ci_method or "none recorded", []).append(run.label)
    if len(methods) == 1:
        return f"Intervals (95%): {escape(next(iter(methods)))}."
    return "Intervals (95%): " + "; ".join(f"{escape(', '.join(names))}: {escape(m)}" for m, names in methods.items()) + "."


def _significance_note(runs: Sequence[Run]) -> str:
    level = "" if runs[0].results.level == "fact" else " (tested on the fact-level outcomes of the same predictions)"
    return (f"▼ marks a run whose micro-F1 is significantly lower than the best run's{level}: paired approximate "
            f"randomization as in <code>bench compare</code>, {SIGNIFICANCE_RESAMPLES:,} permutations (seed "
            f"{SIGNIFICANCE_SEED}), p-values "
            f"Holm-adjusted over the {len(runs) - 1} comparisons, α = {ALPHA}.")


def legend(with_runs: bool) -> str:
    """Fact types as labels, and every kind of outcome with its symbol, border and words."""
    types = "".join(f'<li><span class="lab t-{t}">{t}</span></li>' for t in TYPE_COLOURS)
    kinds = ("missed", "spurious", "wrong_value", "wrong_type", "wrong_boundary", "partial", "value_differs")
    chips = "".join(f'<li><span class="chip k-{k}">{SYMBOLS[k]} {WORDS[k]}</span></li>' for k in kinds) if with_runs else ""
    tail = ('<li><span class="p">underlined</span>: text a run predicted wrongly</li>'
            '<li>a mention with no box beside it was found by every run</li>') if with_runs else ""
    return f'<ul class="legend" aria-label="legend">{types}{chips}{tail}</ul>'


def _run_provenance(run: Run) -> str:
    r = run.results
    packages = ", ".join(f"{escape(k)} {escape(v)}" for k, v in sorted(r.packages.items())) or "not recorded"
    lodo = trained_leave_one_out(r)
    training = {True: " Scored leave-one-document-out: each article predicted by a model fitted on the others "
                      "(read from the installed extractor).",
                None: " Whether it was trained on the articles is not recorded."}.get(lodo, "")
    failed = f" Failed on {len(r.failures)} article(s); their gold counted as missed." if r.failures else ""
    file = f" from <code>{escape(run.file)}</code>" if run.file else ""
    spec = ""
    if r.run is not None:
        shown = {k: v if isinstance(v, str) else json.dumps(v) for k, v in {**r.run.params, **r.run.details}.items()}
        options = ", ".join(f"{escape(k)}={escape(v)}" for k, v in shown.items())
        spec = (f" Run spec <code>{escape(r.run.extractor)}</code>{f' ({options})' if options else ''}, "
                f"hash <code>{escape(r.run.hash[:19])}</code>.")
    return (f"<li><b>{escape(run.label)}</b>{file}: {escape(r.extractor)} {escape(r.extractor_version)}, scored "
            f"{escape(r.timestamp or 'at an unrecorded time')}; "
            f"packages: {packages}.{spec}{training}{failed}</li>")


def _heading(gold: Gold, runs: Sequence[Run]) -> str:
    from bench import __version__

    made = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    setting = f" Runs scored at the {_level(runs)}, {escape(runs[0].results.mode)} values." if runs else ""
    return (f"<h1>factbench report</h1><p>Made {made} with factbench {escape(__version__)}. Gold "
            f"{escape(gold.version)} <code>{escape(gold.hash)}</code>: {len(gold.documents)} articles, "
            f"{len(gold.facts)} gold mentions.{setting}</p>")


def _toc(runs: Sequence[Run]) -> str:
    suite = [("capabilities", "Capabilities")] if any(run.results.capabilities for run in runs) else []
    sections = ([("comparison", "Comparison"), *suite, ("errors", "Errors")] if runs else []) + [
        ("articles", "Articles"), ("provenance", "Provenance")]
    return '<nav class="toc" aria-label="contents"><ol>' + "".join(
        f'<li><a href="#{key}">{title}</a></li>' for key, title in sections) + "</ol></nav>"


def build_report(gold: Gold, runs: Sequence[Run] = ()) -> str:
    """The whole page as a string; runs must be scored at one level and mode."""
    if runs:
        refuse_mixed_settings([run.results for run in runs], [run.file or run.label for run in runs])
    runs = ranked(runs)
    names = article_names(gold)
    views = article_views(gold, runs)
    parts = [_heading(gold, runs), _toc(runs)]
    if runs:
        notes = (f'<p class="notes">{interval_note(runs)} {escape(LOW_NOTE)} '
                 f'{_significance_note(runs) if len(runs) > 1 else ""}</p>')
        parts.append(f'<section id="comparison"><h2>Comparison</h2><p>One row per run, best micro-F1 first; ★ marks the '
                     f'best value of each column.</p>{comparison(runs, gold, chart)}{notes}</section>')
        parts.append(capability_section(runs))
        parts.append(f'<section id="errors"><h2>Errors</h2>{errors_section(runs, names)}</section>')
    parts.append(f'<section id="articles"><h2>Articles</h2>{legend(bool(runs))}'
                 f'{contents(gold.documents, names, views)}')
    parts.extend(article(doc, names[doc.id], gold, view, runs) for doc, view in zip(gold.documents, views))
    provenance = "".join(_run_provenance(run) for run in runs) or "<li>No results: the gold mentions only.</li>"
    parts.append(f'</section><section id="provenance"><h2>Provenance</h2><ul class="prov">{provenance}</ul></section>')
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1"><title>factbench report</title>'
            f'<style>{stylesheet()}</style></head><body>{"".join(parts)}<script>{SCRIPT}</script></body></html>\n')


def write_report(path: str | Path, gold: Gold, runs: Sequence[Run] = ()) -> None:
    """Write the page atomically."""
    write_text_atomic(path, build_report(gold, runs))
