"""The CI gate's runs: score again the runs a baseline tracks (or new ones), each with its recorded options, or
take them from results files scored elsewhere, once those prove what they say.

The baseline file, the check against it and its update are
:mod:`bench.presentation.gate`'s; this module runs the extractors, or reads the evidence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from bench.data.gold import Gold
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


def from_results(baseline: Baseline | None, results: Sequence[Results], names: Sequence[str], gold: Gold,
                 suite=None, adding: bool = False) -> dict[str, Results]:
    """Runs scored elsewhere (``bench eval -o`` on a GPU machine, say), keyed by the tracked run each one is.

    Each file is evidence, not a claim: rescored from its predictions against
    ``gold`` (a ``suite``'s gold with ``suite``) as leaderboard, report and
    compare rescore it (:func:`bench.scoring.verify.verify_all`), and refused
    unless it scores there what it says. It must be scored at the baseline's
    level and mode. Its run key (extractor spec and options, as a re-run's)
    names the tracked run it stands for; without ``adding``, a run the
    baseline does not track is refused, as is a second file of one run.
    ``names`` are the files as given, for errors.
    """
    from bench.scoring.compare import same_setting
    from bench.scoring.verify import verify_all

    verify_all(results, names, gold, suite)
    same_setting(results, names)
    tracked = baseline.extractors if baseline is not None else {}
    runs: dict[str, tuple[str, Results]] = {}
    for one, name in zip(results, names):
        for setting in ("level", "mode"):
            theirs, recorded = getattr(one, setting), getattr(baseline, setting, getattr(one, setting))
            if theirs != recorded:
                raise MismatchError(f"scored at {setting} {theirs!r}, the baseline records {recorded!r}: score it with "
                                    f"--{setting} {recorded}", name, field=setting)
        key = one.run_key
        if key in runs:
            raise MismatchError(f"{runs[key][0]} holds the run {key!r} too: give one results file per run", name,
                                field="run")
        if key not in tracked and not adding:
            raise MismatchError(f"the run {key!r} is not tracked (tracked: {', '.join(sorted(tracked)) or 'none'}); "
                                "add it deliberately with --update", name, field="run")
        runs[key] = (name, one)
    return {key: one for key, (_, one) in runs.items()}
