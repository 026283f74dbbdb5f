"""A run's ledger, made as the run goes: each document's time and tokens, the run's wall time, memory and machine.

:class:`RunMeter` wraps the runs of :func:`bench.extraction.runner.run_for_gold`
as they come (see :meth:`RunMeter.watching`) and, once they are in, makes the
:class:`~bench.data.ledger.Ledger` the results file records: the documents'
seconds and usage were measured where each ran (:mod:`bench.extraction.in_process`),
the prices are the extractor's (:class:`~bench.extraction.metered.Metered`).
"""

from __future__ import annotations

import dataclasses
import os
import platform
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from bench.data.ledger import DocumentCost, Ledger, Machine, percentile
from bench.data.results import Results
from bench.data.usage import NO_TOKENS, Prices, Usage
from bench.extraction.metered import is_metered, prices_of

_Watch = Callable[[Iterable, int], Iterable]  # as bench.pipeline.run takes it


def cpu_model(cpuinfo: Path = Path("/proc/cpuinfo")) -> str:
    """The CPU's model name from ``/proc/cpuinfo`` where there is one, else ``platform.processor()``."""
    try:
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            key, _, value = line.partition(":")
            if key.strip() in ("model name", "Model", "cpu model") and value.strip():
                return value.strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def this_machine() -> Machine:
    return Machine(cpu_model(), os.cpu_count(), platform.python_version())


def peak_memory_kib() -> tuple[int | None, int | None]:
    """``getrusage`` maxrss of this process and of the largest child it waited for (a worker, the watchdog), in KiB
    (macOS counts bytes)."""
    try:
        import resource
    except ImportError:  # not on this system
        return None, None
    scale = 1024 if sys.platform == "darwin" else 1
    own, children = (resource.getrusage(who).ru_maxrss // scale for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return own, children


def _total(usages: Sequence[Usage | None]) -> Usage:
    """The usages summed; a document without any makes every count unknown."""
    total = NO_TOKENS
    for usage in usages:
        total = total + (usage if usage is not None else Usage())
    return total


def _cost(usages: Sequence[Usage | None], prices: Prices | None) -> float | None:
    """What the usages cost at ``prices``; None without a price or when any document's tokens are unknown."""
    if prices is None:
        return None
    costs = [prices.cost(usage) if usage is not None else None for usage in usages]
    return None if None in costs else round(sum(costs), 12)  # type: ignore[arg-type]


class RunMeter:
    """Keeps each run's time and usage as the runs pass, and the run's wall time; then makes its ledger."""

    def __init__(self) -> None:
        self.lines: list[DocumentCost] = []
        self.seconds = 0.0

    def watching(self, watch: _Watch) -> _Watch:
        """``watch`` (as :func:`bench.pipeline.run.predict_gold` takes it), with this meter reading the runs first."""
        return lambda runs, total: watch(self._metered(runs), total)

    def _metered(self, runs: Iterable) -> Iterator:
        started = time.perf_counter()  # when the first run is asked for: worker start-up counts
        for run in runs:
            self.lines.append(DocumentCost(run.doc_id, run.seconds, run.usage))
            yield run
        self.seconds = time.perf_counter() - started

    def ledger(self, extractor: object) -> Ledger:
        """The run's ledger; tokens and cost only for a :class:`~bench.extraction.metered.Metered` extractor."""
        times = [line.seconds for line in self.lines if line.seconds is not None]
        own, children = peak_memory_kib()
        ledger = Ledger(len(self.lines), self.seconds, len(times), percentile(times, 0.5), percentile(times, 0.95),
                        max(times, default=None), own, children, this_machine(), per_document=tuple(self.lines))
        if not is_metered(extractor):
            return ledger
        usages = [line.usage for line in self.lines]
        spent = [None if usage is None else usage.spent for usage in usages]
        cold = [None if usage is None else usage.cold for usage in usages]
        prices = prices_of(extractor)
        hits = sum(1 for usage in usages if usage is not None and usage.from_cache)
        return dataclasses.replace(
            ledger, metered=True, tokens=_total(spent), cold_tokens=_total(cold), cache_hits=hits,
            cache_misses=sum(1 for usage in usages if usage is not None) - hits, prices=prices,
            cost=_cost(spent, prices), cold_cost=_cost(cold, prices))

    def recorded(self, results: Results, extractor: object) -> Results:
        """``results`` with this run's ledger."""
        return dataclasses.replace(results, ledger=self.ledger(extractor))
