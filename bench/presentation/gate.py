"""The CI regression gate: recorded scores per tracked extractor, and the check against them.

A baseline scores file records, for one gold (version and hash), match level
and mode, each tracked run's precision, recall and F1 per fact type and for
``micro`` and ``macro``, plus the default tolerance. Runs are keyed by their
run-spec key (``learned``, ``learned [C=0.5]``, ``llm [model=..., ...]``) and
record the extractor spec and the options that name them, so a check re-runs
exactly them, and two runs of one extractor with different options are
tracked apart. A run whose key changed (another model behind the same
endpoint variables, say) is refused, not compared.

A regression is a metric whose current value is below ``recorded - tolerance``
(a drop of exactly the tolerance passes; 1e-9 absorbs float rounding).
Undefined values (0/0, ``None``) are handled so:

- recorded undefined: nothing to fall from, never a regression;
- recorded defined, current undefined: a regression (the extractor stopped
  predicting a type, or its gold vanished), shown as "–";
- both defined: compared with the tolerance.

Scores on a different gold are refused: re-record deliberately with ``--update``.
The re-run of the tracked extractors is :mod:`bench.pipeline.gate`'s.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.data.jsonl import read_json, write_text_atomic
from bench.data.ledger import Ledger
from bench.data.results import METRICS, Results
from bench.data.schema import check_record
from bench.errors import InputError, MismatchError
from bench.presentation.budget import recorded_ledger
from bench.presentation.possible_scores import first_impossible
from bench.presentation.tables import fmt_metric

BASELINE_FORMAT = 1
_ROUNDING = 1e-9
LOCK_WAIT = 60.0  # seconds: a writer holds the lock only to read, merge and replace the file


@dataclass(frozen=True, slots=True)
class Tracked:
    """One tracked run: its extractor spec and options, its version when recorded, and its scores by label and metric."""

    version: str
    scores: dict[str, dict[str, float | None]]
    params: dict[str, Any] = field(default_factory=dict)
    extractor: str = ""  # the spec to run; older files key by it
    ledger: Ledger | None = None  # the run's ledger when recorded, without its documents (bench.presentation.budget)

    def to_dict(self) -> dict[str, Any]:
        out = {"extractor": self.extractor, "version": self.version, "params": self.params, "scores": self.scores}
        return out if self.ledger is None else out | {"ledger": self.ledger.to_dict(documents=False)}


@dataclass(frozen=True, slots=True)
class Baseline:
    gold_version: str
    gold_hash: str
    level: str = "fact"
    mode: str = "strict"
    tolerance: float = 0.0
    extractors: dict[str, Tracked] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": BASELINE_FORMAT, "gold_version": self.gold_version, "gold_hash": self.gold_hash,
            "level": self.level, "mode": self.mode, "tolerance": self.tolerance,
            "extractors": {name: tracked.to_dict() for name, tracked in sorted(self.extractors.items())},
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"


@dataclass(frozen=True, slots=True)
class Regression:
    extractor: str
    label: str
    metric: str
    recorded: float
    current: float | None
    tolerance: float

    def __str__(self) -> str:
        return (f"regression: {self.extractor}: {self.label} {self.metric} fell from {fmt_metric(self.recorded)} "
                f"to {fmt_metric(self.current)} (tolerance {self.tolerance:g})")


def scores_of(results: Results) -> dict[str, dict[str, float | None]]:
    """Precision, recall and F1 per row label (fact types, micro, macro)."""
    return {row.label: {m: getattr(row, m) for m in METRICS} for row in results.rows}


def _tracked_from(raw: dict[str, Any], where: str, path: str) -> Tracked:
    """A tracked run of a baseline file that ``baseline.schema.json`` accepted, whose numbers some run could have had
    (:mod:`bench.presentation.possible_scores`)."""
    ledger = recorded_ledger(raw.get("ledger"), f"{where}.ledger", path)
    impossible = first_impossible(raw["scores"], ledger)
    if impossible is not None:
        raise InputError(f"{impossible[1]}: no run gives these numbers; re-record it with --update", path,
                         field=f"{where}.{impossible[0]}")
    return Tracked(raw.get("version", ""), raw["scores"], raw.get("params", {}),
                   raw.get("extractor", where.partition(".")[2]), ledger)


def tolerance_ok(value: Any) -> bool:
    """A drop allowed per metric: a finite number in [0, 1] (scores live in [0, 1])."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and 0 <= value <= 1


def read_baseline(path: str | Path) -> Baseline:
    """Read a baseline scores file, checked against ``gold/schema/baseline.schema.json`` with one-line errors."""
    name = str(path)
    raw = read_json(path)
    check_record(raw, "baseline", name, None)
    tracked = {key: _tracked_from(value, f"extractors.{key}", name) for key, value in raw.get("extractors", {}).items()}
    return Baseline(raw["gold_version"], raw["gold_hash"], raw.get("level", "fact"), raw.get("mode", "strict"),
                    float(raw.get("tolerance", 0.0)), tracked)


def _comparable(extractor: str, results: Results, baseline: Baseline, path: str | None) -> None:
    """Refuse results that were not scored like the baseline."""
    update = f"bench check --baseline {path or 'SCORES.json'} --update"
    if results.gold_hash != baseline.gold_hash:
        raise MismatchError(
            f"{extractor} was scored on gold {results.gold_version} ({results.gold_hash[:19]}) but the baseline "
            f"records gold {baseline.gold_version} ({baseline.gold_hash[:19]}); if the gold changed on purpose, "
            f"re-record deliberately: {update}", path, field="gold_hash")
    for name in ("level", "mode"):
        if getattr(results, name) != getattr(baseline, name):
            raise MismatchError(f"{extractor} was scored at {name} {getattr(results, name)!r}, the baseline records "
                                f"{getattr(baseline, name)!r}", path, field=name)


def _fell(recorded: float, current: float | None, tolerance: float) -> bool:
    return current is None or current < recorded - tolerance - _ROUNDING


def check(current: Mapping[str, Results], baseline: Baseline, tolerance: float | None = None,
          path: str | None = None) -> list[Regression]:
    """Every metric of the given extractors that fell below its recorded value by more than the tolerance.

    ``current`` maps tracked extractor specs to fresh results; each must be in
    the baseline. ``tolerance`` overrides the baseline's default; ``path``
    names the baseline file in errors.
    """
    allowed = baseline.tolerance if tolerance is None else tolerance
    regressions = []
    for extractor, results in current.items():
        if extractor not in baseline.extractors:
            raise MismatchError(f"{extractor!r} is not tracked (tracked: {', '.join(sorted(baseline.extractors)) or 'none'}); "
                                "add it deliberately with --update", path, field="extractors")
        _comparable(extractor, results, baseline, path)
        now = scores_of(results)
        for label, metrics in baseline.extractors[extractor].scores.items():
            for metric in METRICS:
                recorded, value = metrics[metric], now.get(label, {}).get(metric)
                if recorded is not None and _fell(recorded, value, allowed):
                    regressions.append(Regression(extractor, label, metric, recorded, value, allowed))
    return regressions


def recorded(current: Mapping[str, Results], previous: Baseline | None = None,
             tolerance: float | None = None) -> Baseline:
    """A baseline of ``current``'s scores; ``previous``'s other extractors are kept when on the same gold.

    A previous run re-scored under a new key (its model changed, say) is
    replaced; the tolerance is ``tolerance``, else the previous default, else 0.
    """
    first = next(iter(current.values()))
    before = previous.extractors if previous is not None else {}
    fresh = {name: _tracked_of(name, results, before.get(name)) for name, results in current.items()}
    rerun = {(run.extractor, repr(sorted(run.params.items()))) for run in fresh.values()}
    not_rescored = sorted(name for name, run in before.items()  # a run re-recorded under a new key is replaced
                          if name not in current and (run.extractor or name, repr(sorted(run.params.items()))) not in rerun)
    if previous is not None and previous.gold_hash != first.gold_hash and not_rescored:
        raise MismatchError(f"the gold changed: re-record every tracked extractor together (not re-scored: {', '.join(not_rescored)})")
    kept = {name: before[name] for name in not_rescored} | fresh
    default = previous.tolerance if previous is not None else 0.0
    return Baseline(first.gold_version, first.gold_hash, first.level, first.mode,
                    default if tolerance is None else tolerance, kept)


def _tracked_of(key: str, results: Results, before: Tracked | None) -> Tracked:
    """What to record of a fresh run: the options that name it (from its run spec), else those recorded before."""
    run = results.run
    if run is not None and run.extractor:
        return Tracked(results.extractor_version, scores_of(results), {k: run.params[k] for k in run.changed}, run.extractor,
                       results.ledger)
    return Tracked(results.extractor_version, scores_of(results), dict(before.params) if before else {},
                   before.extractor if before else key, results.ledger)


@contextmanager
def _locked(path: str | Path) -> Iterator[None]:
    """Hold the lock of baseline ``path`` (``.NAME.lock`` beside the file it names): one writer at a time.

    A writer waits at most ``LOCK_WAIT`` seconds, then gives up with a one-line error.
    """
    from filelock import FileLock, Timeout

    real = Path(os.path.realpath(path))
    lock = FileLock(real.with_name(f".{real.name}.lock"), timeout=LOCK_WAIT)
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except Timeout:
        raise InputError(f"another bench check --update has been writing it for {LOCK_WAIT:g} s "
                         f"(lock {lock.lock_file}); try again", str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot lock {lock.lock_file}: {exc.strerror or exc}", str(path)) from None
    try:
        yield
    finally:
        lock.release()


def update(path: str | Path, current: Mapping[str, Results], tolerance: float | None = None) -> Baseline:
    """Record ``current`` in the baseline ``path``, keeping the runs it tracks already; returns what was written.

    The file is read again under a lock, merged and replaced atomically, so
    two updates at once each keep the other's runs.
    """
    if not current:
        raise InputError("no extractor to record: name them with --extractor", str(path))
    with _locked(path):
        previous = read_baseline(path) if Path(path).exists() else None
        baseline = recorded(current, previous, tolerance)
        write_text_atomic(path, baseline.to_json())
    return baseline
