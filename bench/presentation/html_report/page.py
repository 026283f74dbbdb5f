"""The page: every section's values gathered once, rendered by ``report.html.j2``, and its tables as CSV files.

What is written into the page is bounded: at most ``max_examples`` errors of
each kind and run, and (on a suite) cases of each capability; articles some
run erred on in full, the others listed. Everything else stays in the data
embedded in the page (:mod:`.data`), where its script finds it. The page
depends on its inputs only (no clock): the same gold and results make the
same bytes.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.data.gold import Gold
from bench.data.jsonl import write_text_atomic
from bench.data.results import METRICS
from bench.errors import InputError
from bench.facts import FACT_TYPES
from bench.presentation.html_report.articles import (
    LINES,
    SYMBOLS,
    WORDS,
    article,
    clean_article,
    erring,
    symbol_and_words,
    true_positives,
)
from bench.presentation.html_report.capabilities import capability_table
from bench.presentation.html_report.cases import (
    Listing,
    capability_of,
    case_groups,
    listed_pairs,
    listings,
)
from bench.presentation.html_report.chart import chart
from bench.presentation.html_report.comparison import (
    ALPHA,
    NAMES,
    SIGNIFICANCE_RESAMPLES,
    SIGNIFICANCE_SEED,
    score_table,
    versus_best,
)
from bench.presentation.html_report.cost import cost_section
from bench.presentation.html_report.data import (
    Table,
    case_table,
    comparison_table,
    error_table,
    shown,
)
from bench.presentation.html_report.data import (
    capability_table as capability_data,
)
from bench.presentation.html_report.errors import run_errors
from bench.presentation.html_report.outcomes import article_views
from bench.presentation.html_report.provenance import (
    interval_methods,
    page_title,
    provenance,
    regime_note,
    set_title,
)
from bench.presentation.html_report.runs import (
    Run,
    article_names,
    case_names,
    ranked,
    refuse_mixed_settings,
)
from bench.presentation.palette import kind_class, rate_legend, type_class
from bench.presentation.tables import LOW_MARK, LOW_NOTE
from bench.scoring.error_analysis import KINDS as ERROR_KINDS

MAX_EXAMPLES = 20
DATA_FORMAT = "factbench-report/1"


@dataclass(frozen=True, slots=True)
class Report:
    """The page and its tables, made once: ``bench report`` writes the one and, with ``--csv``, the others."""

    html: str
    tables: tuple[Table, ...]


def _sections(runs: Sequence[Run], capabilities: bool, suite: bool, cost: bool = False) -> list[tuple[str, str]]:
    if not runs:
        return [("articles", "Articles"), ("provenance", "Provenance")]
    found = [("comparison", "Comparison")] + ([("cost", "Cost and latency")] if cost else [])
    if capabilities:
        found += [("capabilities", "Capabilities"), ("cases", "Cases by capability")]
    found.append(("errors", "Errors"))
    if not suite:
        found.append(("articles", "Articles"))
    return [*found, ("data", "Data"), ("provenance", "Provenance")]


def _tables(runs: Sequence[Run], tests: dict, where: dict[str, str], suite: bool) -> tuple[Table, ...]:
    """The tables the page offers as CSV, in order; the capability tables only when the results carry capabilities."""
    found = [comparison_table(runs, tests)]
    if any(run.results.capabilities for run in runs):
        found += [capability_data(runs), case_table(runs)]
    found.append(error_table(runs, where, suite))
    return tuple(shown(table) for table in found)


def _data(runs: Sequence[Run], tables: Sequence[Table], max_examples: int, title: str) -> dict:
    """The JSON the page embeds: its runs, the kinds of error with their marks, and every table."""
    from bench.presentation.templating import visible

    kinds = dict.fromkeys([*ERROR_KINDS, *(str(e["kind"]) for run in runs for e in run.results.errors)])
    return {"format": DATA_FORMAT, "set": visible(title), "max": max_examples, "runs": [visible(run.label) for run in runs],
            "kinds": {visible(kind): [*map(visible, symbol_and_words(kind)), kind_class(kind)] for kind in kinds},
            "types": {fact_type: type_class(fact_type) for fact_type in FACT_TYPES},
            "tables": {table.name: table.packed() for table in tables}}


def _in_full(gold: Gold, runs: Sequence[Run], suite, listed: Sequence[Listing], wrong: Collection[str],
             max_examples: int) -> list[str]:
    """The documents shown in full: on a suite, the first listed cases of each capability that a run erred on;
    else every article a run erred on (every article, without runs)."""
    if suite is not None:
        return [doc for listing in listed for doc in listing.docs[:max_examples] if doc in wrong]
    return [doc.id for doc in gold.documents if doc.id in wrong or not runs]


def _comparison(runs: Sequence[Run], tests: dict) -> dict:
    """What the comparison section shows: per metric its table and chart, the interval methods, the test."""
    notes = [regime_note(run) for run in runs]
    return {"metrics": [(m, NAMES[m]) for m in ("f1", "precision", "recall")],
            "blocks": [(score_table(runs, m, tests, notes), chart(runs, m)) for m in METRICS] if runs else [],
            "low": {"mark": LOW_MARK, "note": LOW_NOTE}, "intervals": interval_methods(runs) if runs else [],
            "significance": {"resamples": f"{SIGNIFICANCE_RESAMPLES:,}", "seed": SIGNIFICANCE_SEED, "alpha": ALPHA}}


def make_report(gold: Gold, runs: Sequence[Run] = (), suite=None, max_examples: int = MAX_EXAMPLES) -> Report:
    """The page and its tables; runs must be scored at one level and mode. ``suite`` groups cases by capability."""
    from bench import __version__
    from bench.presentation.templating import render

    if runs:
        refuse_mixed_settings([run.results for run in runs], [run.file or run.label for run in runs])
    runs = ranked(runs)
    names = case_names(gold, capability_of(suite)) if suite is not None else article_names(gold)
    wrong = erring(runs)
    listed = listings(runs, suite, wrong)
    in_full = _in_full(gold, runs, suite, listed, wrong, max_examples)
    documents, views = {doc.id: doc for doc in gold.documents}, article_views(gold, runs, in_full)
    sections = {doc: article(documents[doc], names[doc], gold, views[doc], runs, suite is not None) for doc in in_full}
    tests = versus_best(runs, suite.source_gold if suite is not None else gold) if len(runs) > 1 else {}
    where = capability_of(suite) if suite is not None else {doc: name.title for doc, name in names.items()}
    tables = _tables(runs, tests, where, suite is not None)
    title = set_title(gold, suite, runs)
    capabilities = capability_table(runs, listed_pairs(runs, suite, wrong))
    cost = cost_section(runs)
    found, level = (true_positives(runs[0]), runs[0].results.level) if runs else ({}, "")
    clean = [] if suite is not None or not runs else [
        clean_article(doc, names[doc.id], found.get(doc.id, 0), level) for doc in gold.documents if doc.id not in wrong]
    html = render(
        "report.html.j2", version=__version__, title=title, page_title=page_title(title, runs), runs=runs,
        sections=_sections(runs, capabilities is not None, suite is not None, cost is not None), fact_types=FACT_TYPES,
        level="fact level" if level == "fact" else f"mention level, {level} scheme",
        mode=runs[0].results.mode if runs else "", max_examples=max_examples, **_comparison(runs, tests),
        capabilities=capabilities, rate_legend=rate_legend(), cost=cost,
        groups=case_groups(listed, runs, max_examples, sections) if capabilities is not None else [],
        run_errors=run_errors(runs, names, max_examples, sections),
        articles=[] if suite is not None else [sections[doc] for doc in in_full], clean=clean,
        kinds=[(kind, SYMBOLS[kind], WORDS[kind]) for kind in SYMBOLS], lines=LINES,
        provenance=[provenance(run) for run in runs], tables=[table.name for table in tables],
        data=_data(runs, tables, max_examples, title.name) if runs else None)
    return Report(html, tables)


def build_report(gold: Gold, runs: Sequence[Run] = (), suite=None, max_examples: int = MAX_EXAMPLES) -> str:
    """The whole page as a string (see :func:`make_report`)."""
    return make_report(gold, runs, suite, max_examples).html


def write_report(path: str | Path, gold: Gold, runs: Sequence[Run] = (), suite=None, max_examples: int = MAX_EXAMPLES,
                 csv_dir: str | Path | None = None) -> list[Path]:
    """Write the page atomically and, with ``csv_dir``, its tables as CSV files there; the CSV files written."""
    report = make_report(gold, runs, suite, max_examples)
    write_text_atomic(path, report.html)
    if csv_dir is None or not runs:
        return []
    folder = Path(csv_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot make the folder: {exc.strerror}", str(folder), field="--csv") from None
    written = [folder / f"{table.name}.csv" for table in report.tables]
    for table, file in zip(report.tables, written):
        write_text_atomic(file, table.csv())
    return written
