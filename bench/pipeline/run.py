"""A run, scored: an extractor run on a gold set or a capability suite, then its predictions scored.

The one path behind ``bench eval`` and ``bench check``. Running is
:mod:`bench.extraction.runner`'s, scoring :mod:`bench.scoring.scorer`'s;
this module only hands one to the other. On a twin set (one holding
``.bench-twins``) the results also count the answers that recite its source.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from bench.data.gold import Gold, load_gold, require_reviewed
from bench.data.results import Results
from bench.extraction.runner import RunOptions, run_for_gold
from bench.pipeline.ledger import RunMeter
from bench.scoring.recitation import with_recited
from bench.scoring.scorer import score_run, score_suite

Watch = Callable[[Iterable, int], Iterable]


def unwatched(runs: Iterable, total: int) -> Iterable:
    """The runs as they come: the ``watch`` of a run nobody watches."""
    return runs


def predict_gold(extractor: str, gold: Gold, params: dict | None = None, options: RunOptions = RunOptions(),
                 training: Gold | None = None, watch: Watch = unwatched):
    """Run ``extractor`` (a registry spec) on the gold's documents.

    Returns the extractor, its run spec, its predictions, and the failure of each
    document it failed on. Trainable extractors are run leave-one-document-out,
    or, with ``training`` (a capability suite is scored with the bundled articles
    as training), fitted on ``training`` once. ``watch(runs, total)`` wraps the
    runs as they finish (the command line counts them on a terminal).
    """
    from dataclasses import replace

    from bench.data.runspec import training_regime
    from bench.data.scored_on import loaded
    from bench.extraction.registry import load_run

    model, spec = load_run(extractor, params)
    fitted_on = None if training is None else loaded(training).what  # None: leave-one-document-out on the gold
    training = training or gold
    runs = list(watch(run_for_gold(model, gold.documents, training.documents, training.facts, options, extractor, params),
                      len(gold.documents)))
    predictions = [fact for run in runs for fact in run.facts]
    spec = replace(spec, training=training_regime(model, fitted_on))  # the regime the extractor declares for this run
    return model, spec, predictions, {run.doc_id: run.failure for run in runs if run.failure}


def evaluate(
    extractor: str, gold_dir: Path | None = None, level: str = "fact", mode: str = "strict",
    params: dict | None = None, with_ci: bool = True,
    options: RunOptions = RunOptions(), watch: Watch = unwatched, source_dir: Path | None = None,
) -> Results:
    """Run ``extractor`` (a registry spec) on the gold articles and score it.

    A document the extractor fails on is recorded as failed and its gold counts as missed.
    A gold set still holding unreviewed pre-labels is refused. ``watch``: see :func:`predict_gold`.
    On a twin set, the answers reciting its source are counted (the source: ``source_dir``, else
    the bundled set the twin was made from; see :func:`bench.scoring.recitation.with_recited`).
    """
    gold = require_reviewed(load_gold(gold_dir))
    meter = RunMeter()
    model, spec, predictions, failures = predict_gold(extractor, gold, params, options, watch=meter.watching(watch))
    results = score_run(gold, predictions, model.name, model.version, level, mode, failures, with_ci, spec)
    return with_recited(meter.recorded(results, model), predictions, gold, gold_dir, source_dir)


def evaluate_suite(
    extractor: str, suite_path: str | Path, level: str = "fact", mode: str = "strict", params: dict | None = None,
    with_ci: bool = True, options: RunOptions = RunOptions(), watch: Watch = unwatched,
) -> Results:
    """Run ``extractor`` on a capability suite (``capabilities``: the shipped one) and score it.

    A trainable extractor is fitted on the bundled articles, never on the suite. ``watch``: see :func:`predict_gold`.
    """
    from bench.data.suite.load import load_suite

    suite = load_suite(suite_path)
    meter = RunMeter()
    model, spec, predictions, failures = predict_gold(extractor, suite.gold, params, options, training=load_gold(),
                                                      watch=meter.watching(watch))
    results = score_suite(suite, predictions, model.name, model.version, level, mode, failures, with_ci, spec)
    return meter.recorded(results, model)
