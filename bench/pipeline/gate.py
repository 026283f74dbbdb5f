"""The CI gate's re-run: score again the runs a baseline tracks (or new ones), each with its recorded options.

The baseline file, the check against it and its update are
:mod:`bench.presentation.gate`'s; this module runs the extractors.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from bench.data.results import Results
from bench.errors import InputError, MismatchError
from bench.extraction.runner import RunOptions
from bench.pipeline.run import evaluate, evaluate_suite
from bench.presentation.gate import Baseline, Tracked


def _selected(tracked: Mapping[str, Tracked], names: Sequence[str], adding: bool,
              params: Mapping[str, Any]) -> list[tuple[str | None, str, dict[str, Any]]]:
    """(tracked key or None for a new run, extractor spec, options) of each run to score.

    A name is a tracked run's key; else, when adding, an extractor spec run
    with ``params``; else an extractor spec, standing for every tracked run of it.
    """
    chosen: dict[str | None, tuple[str | None, str, dict[str, Any]]] = {}
    for name in dict.fromkeys(names or sorted(tracked)):
        if name in tracked and not (adding and params):
            keys = [name]
        elif adding:
            chosen[f"new:{name}"] = (None, name, dict(params))
            continue
        else:
            keys = [key for key, run in sorted(tracked.items()) if run.extractor == name]
        for key in keys:
            chosen[key] = (key, tracked[key].extractor or key, dict(tracked[key].params))
        if not keys:
            raise MismatchError(f"not tracked: {name} (tracked: {', '.join(sorted(tracked)) or 'none'}); "
                                "add deliberately with --update", field="--extractor")
    return list(chosen.values())


def rescore(baseline: Baseline | None, names: Sequence[str] = (), gold_dir: Path | None = None,
            adding: bool = False, params: Mapping[str, Any] | None = None,
            suite: str | None = None, run_options: RunOptions | None = None) -> dict[str, Results]:
    """Score ``names`` (default: every tracked run) at the baseline's level and mode, each with its options.

    Results are keyed by run key. Without ``adding``, a name the baseline does
    not track, or a tracked run that now runs as another (its key changed), is
    refused. ``params`` (with ``adding``) are the options of the run to record.
    A new baseline is scored at the fact level, strict mode. With ``suite``, on that capability suite.
    ``run_options`` say how to run (workers, time limit per document).
    """
    tracked = baseline.extractors if baseline is not None else {}
    if not names and not tracked:
        raise InputError("no extractor to score: name them with --extractor")
    runs = _selected(tracked, names, adding, params or {})
    run = partial(evaluate_suite, suite_path=suite) if suite is not None else partial(evaluate, gold_dir=gold_dir)
    how = run_options or RunOptions()
    level, mode = (baseline.level, baseline.mode) if baseline is not None else ("fact", "strict")
    scored = {}
    for key, spec, options in runs:
        results = run(spec, level=level, mode=mode, params=options, with_ci=False, options=how)
        if key is not None and results.run_key != key and not adding:
            raise MismatchError(f"{key!r} now runs as {results.run_key!r} (its options, model or endpoint changed); "
                                "record it deliberately with --update", field="extractors")
        scored[results.run_key if key is None or adding else key] = results
    return scored
