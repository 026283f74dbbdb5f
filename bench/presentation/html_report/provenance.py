"""Where the page's numbers come from: the set scored, and per run its file, extractor, run spec and training.

The set is named as ``bench.data.scored_on`` names it (a bundled set, a
suite with its version, a twin with its seed, a set of one's own with its
path), with its hash. The training regime is read from each results file's
run spec, written when the run was made (:mod:`bench.data.runspec`); the page
never asks an extractor.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from bench.data.gold import Gold
from bench.data.runspec import LEAVE_ONE_OUT, PRETRAINED, TRAINED_ON, UNTRAINED
from bench.presentation.html_report.runs import Run

UNRECORDED = "Its training is not recorded (a results file from before factbench recorded it, or an extractor that does not say)."


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


@dataclass(frozen=True, slots=True)
class SetTitle:
    """The set the runs were scored on: its name for people, hash, and what it holds."""

    name: str
    hash: str
    holds: str


def training_words(regime: str) -> str:
    """A run's training regime in a sentence.

    >>> training_words("leave-one-document-out")
    'Trained leave-one-document-out: each document predicted by a model fitted on the set’s other documents.'
    >>> training_words("trained on articles (gold 1.0.0)")
    'Trained once on articles (gold 1.0.0), never on the documents scored here.'
    """
    if regime == LEAVE_ONE_OUT:
        return "Trained leave-one-document-out: each document predicted by a model fitted on the set’s other documents."
    if regime.startswith(TRAINED_ON):
        return f"Trained once on {regime.removeprefix(TRAINED_ON)}, never on the documents scored here."
    if regime == PRETRAINED:
        return "A model loaded from a file (pretrained), used as it is; never scored on the documents it was trained on."
    if regime == UNTRAINED:
        return "Not trained by factbench: used as it is."
    return f"Training: {regime}." if regime else UNRECORDED


def regime_note(run: Run) -> str:
    """The short note beside a run's row: its regime, when it was trained by factbench ("" otherwise)."""
    regime = run.results.run.training if run.results.run is not None else ""
    return regime if regime and regime != UNTRAINED else ""


def provenance(run: Run) -> Provenance:
    r = run.results
    spec = None
    if r.run is not None:
        shown = {k: v if isinstance(v, str) else json.dumps(v) for k, v in {**r.run.params, **r.run.details}.items()}
        spec = (r.run.extractor, ", ".join(f"{k}={v}" for k, v in shown.items()), r.run.hash[:19])
    return Provenance(run.label, run.file, r.extractor, r.extractor_version, r.timestamp or "at an unrecorded time",
                      ", ".join(f"{k} {v}" for k, v in sorted(r.packages.items())) or "not recorded", spec,
                      training_words(r.run.training if r.run is not None else ""), len(r.failures))


def interval_methods(runs: Sequence[Run]) -> list[tuple[str, str]]:
    """(interval method, the runs using it): one entry when all runs agree, with no names."""
    methods: dict[str, list[str]] = {}
    for run in runs:
        methods.setdefault(run.results.ci_method or "none recorded", []).append(run.label)
    if len(methods) == 1:
        return [(next(iter(methods)), "")]
    return [(method, ", ".join(names)) for method, names in methods.items()]


def _plural(count: int, noun: str, nouns: str = "") -> str:
    return f"{count:,} " + (noun if count == 1 else nouns or noun + "s")


def set_name(gold: Gold, suite=None, runs: Sequence[Run] = ()) -> str:
    """The set as ``bench.data.scored_on`` names the one loaded; a suite from the results when none was loaded."""
    from bench.data.scored_on import loaded

    recorded = runs[0].results.suite if runs else None
    if suite is None and recorded:
        return f"suite {recorded.get('name', '?')} {recorded.get('version', '?')}"
    if not gold.facts_file:  # built in memory: no directory to name it by
        return f"suite {suite.name} {suite.version}, seed {suite.seed}" if suite is not None else f"gold {gold.version}"
    return loaded(gold, suite).what


def set_title(gold: Gold, suite=None, runs: Sequence[Run] = ()) -> SetTitle:
    """The set's name, its hash, and what it holds (articles, or a suite's cases and capabilities)."""
    if suite is not None:
        sources = len(suite.source_gold.documents)
        holds = (f"{_plural(len(suite.cases), 'case')} ({sources:,} source cases, {len(suite.cases) - sources:,} variants) "
                 f"in {_plural(len(suite.capabilities), 'capability', 'capabilities')}; scores count the source cases' "
                 f"{_plural(len(suite.source_gold.facts), 'gold mention')}")
    else:
        holds = f"{_plural(len(gold.documents), 'article')}, {_plural(len(gold.facts), 'gold mention')}"
    return SetTitle(set_name(gold, suite, runs), gold.hash, holds)


def page_title(title: SetTitle, runs: Sequence[Run]) -> str:
    """The page's ``<title>``: the set and the runs.

    >>> page_title(SetTitle("wikinews (gold 1.0.0)", "sha256:0", ""), [])
    'factbench report · wikinews (gold 1.0.0) · gold mentions only'
    """
    shown = ", ".join(run.label for run in runs) if runs else "gold mentions only"
    return f"factbench report · {title.name} · {shown}"
