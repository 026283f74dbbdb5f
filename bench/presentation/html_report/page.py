"""The page: what the heading, notes and provenance say, and every section's data, rendered by ``report.html.j2``.

The page depends on its inputs only (no clock): the same gold and results
make the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.data.gold import Gold
from bench.data.jsonl import write_text_atomic
from bench.data.results import METRICS
from bench.facts import FACT_TYPES
from bench.presentation.html_report.articles import LINES, SYMBOLS, WORDS, article
from bench.presentation.html_report.capabilities import capability_rows
from bench.presentation.html_report.chart import chart
from bench.presentation.html_report.comparison import (
    ALPHA,
    NAMES,
    SIGNIFICANCE_RESAMPLES,
    SIGNIFICANCE_SEED,
    score_table,
    versus_best,
)
from bench.presentation.html_report.errors import kind_filters, run_errors
from bench.presentation.html_report.outcomes import article_views
from bench.presentation.html_report.runs import (
    Run,
    article_names,
    ranked,
    refuse_mixed_settings,
    trained_leave_one_out,
)
from bench.presentation.tables import LOW_MARK, LOW_NOTE
from bench.scoring.error_analysis import KINDS as ERROR_KINDS

TRAINING = {True: "Scored leave-one-document-out: each article predicted by a model fitted on the others "
                  "(read from the installed extractor).",
            None: "Whether it was trained on the articles is not recorded."}


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where one run's numbers come from: file, extractor, time, packages, run spec, training, failures."""

    label: str
    file: str
    extractor: str
    version: str
    timestamp: str
    packages: str
    spec: tuple[str, str, str] | None  # (extractor spec, options, hash prefix)
    training: str
    failed: int


def interval_methods(runs: Sequence[Run]) -> list[tuple[str, str]]:
    """(interval method, the runs using it): one entry when all runs agree, with no names."""
    methods: dict[str, list[str]] = {}
    for run in runs:
        methods.setdefault(run.results.ci_method or "none recorded", []).append(run.label)
    if len(methods) == 1:
        return [(next(iter(methods)), "")]
    return [(method, ", ".join(names)) for method, names in methods.items()]


def provenance(run: Run) -> Provenance:
    r = run.results
    spec = None
    if r.run is not None:
        shown = {k: v if isinstance(v, str) else json.dumps(v) for k, v in {**r.run.params, **r.run.details}.items()}
        spec = (r.run.extractor, ", ".join(f"{k}={v}" for k, v in shown.items()), r.run.hash[:19])
    return Provenance(run.label, run.file, r.extractor, r.extractor_version, r.timestamp or "at an unrecorded time",
                      ", ".join(f"{k} {v}" for k, v in sorted(r.packages.items())) or "not recorded", spec,
                      TRAINING.get(trained_leave_one_out(r), ""), len(r.failures))


def _sections(runs: Sequence[Run]) -> list[tuple[str, str]]:
    suite = [("capabilities", "Capabilities")] if any(run.results.capabilities for run in runs) else []
    first = [("comparison", "Comparison"), *suite, ("errors", "Errors")] if runs else []
    return [*first, ("articles", "Articles"), ("provenance", "Provenance")]


def build_report(gold: Gold, runs: Sequence[Run] = ()) -> str:
    """The whole page as a string; runs must be scored at one level and mode."""
    from bench import __version__
    from bench.presentation.templating import render

    if runs:
        refuse_mixed_settings([run.results for run in runs], [run.file or run.label for run in runs])
    runs = ranked(runs)
    names = article_names(gold)
    views = article_views(gold, runs)
    tests = versus_best(runs, gold) if len(runs) > 1 else {}
    level = runs[0].results.level if runs else ""
    return render(
        "report.html.j2", version=__version__, gold=gold, runs=runs, sections=_sections(runs),
        level="fact level" if level == "fact" else f"mention level, {level} scheme",
        mode=runs[0].results.mode if runs else "", fact_types=FACT_TYPES,
        metrics=[(m, NAMES[m]) for m in ("f1", "precision", "recall")],
        blocks=[(score_table(runs, m, tests), chart(runs, m)) for m in METRICS] if runs else [],
        low={"mark": LOW_MARK, "note": LOW_NOTE}, intervals=interval_methods(runs) if runs else [],
        significance={"resamples": f"{SIGNIFICANCE_RESAMPLES:,}", "seed": SIGNIFICANCE_SEED, "alpha": ALPHA},
        capabilities=capability_rows(runs), filters=kind_filters(runs), run_errors=run_errors(runs, names),
        articles=[article(doc, names[doc.id], gold, view, runs) for doc, view in zip(gold.documents, views)],
        kinds=[(kind, SYMBOLS[kind], WORDS[kind]) for kind in SYMBOLS], lines=LINES, error_kinds=ERROR_KINDS,
        provenance=[provenance(run) for run in runs])


def write_report(path: str | Path, gold: Gold, runs: Sequence[Run] = ()) -> None:
    """Write the page atomically."""
    write_text_atomic(path, build_report(gold, runs))
