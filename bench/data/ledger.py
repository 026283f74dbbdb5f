"""What a run cost: time, memory and, for a model extractor, tokens and money; recorded as ``ledger`` in results files.

Latency is the wall time of the extractor's ``extract`` per document (bench's
own checks of the facts included), measured where the document ran: in bench's
process, a worker process or an extractor's own thread. Percentiles are by the
nearest rank (:func:`percentile`), over the documents timed: one whose worker
was killed, or that was refused unrun, has no time. Memory is the peak resident
set size as ``getrusage`` reports it: ``RUSAGE_SELF`` for bench's own process
over its life so far, ``RUSAGE_CHILDREN`` for the largest of the child processes
it has waited for (its worker processes, if it had any; 0 when none ended).
Timings depend on the machine, which the ledger names: compare them on one
machine only.

Tokens and cost are the extractor's to report (:class:`bench.extraction.metered.Metered`);
``metered`` is False for an extractor that reports none. The costs are
``cost`` (what this run spent) and ``cold_cost`` (what it would have spent
without the extractor's answer cache); both are None ("unknown", never 0)
without a price or when any document's tokens are unknown.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bench.data.usage import DocumentUsage, Prices, Usage


def percentile(values: Sequence[float], share: float) -> float | None:
    """The nearest-rank percentile: the smallest value with at least ``share`` of the values at or below it.

    >>> percentile([0.4, 0.1, 0.3, 0.2], 0.5), percentile(list(range(1, 21)), 0.95), percentile([], 0.5)
    (0.2, 19, None)
    """
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(math.ceil(share * len(ordered)), 1) - 1]


@dataclass(frozen=True, slots=True)
class Machine:
    """Where a run ran: the CPU model, its logical cores and Python's version."""

    cpu: str
    cores: int | None
    python: str

    def __str__(self) -> str:
        cores = f"{self.cores} cores" if self.cores else "cores unknown"
        return f"{self.cpu} ({cores}), Python {self.python}"

    def to_dict(self) -> dict[str, Any]:
        return {"cpu": self.cpu, "cores": self.cores, "python": self.python}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Machine:
        return cls(str(raw["cpu"]), raw.get("cores"), str(raw["python"]))


@dataclass(frozen=True, slots=True)
class DocumentCost:
    """One document's line of the ledger: its wall time (None when not timed) and, metered, its tokens."""

    doc_id: str
    seconds: float | None = None
    usage: DocumentUsage | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"doc_id": self.doc_id, "seconds": self.seconds}
        if self.usage is not None:
            out["usage"] = self.usage.to_dict()
        return out

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> DocumentCost:
        usage = raw.get("usage")
        return cls(raw["doc_id"], raw.get("seconds"), DocumentUsage.from_dict(usage) if usage is not None else None)


@dataclass(frozen=True, slots=True)
class Ledger:
    """A run's time, memory, tokens and money (see the module's docstring for what each means)."""

    documents: int
    seconds: float
    timed: int
    p50: float | None
    p95: float | None
    max: float | None
    peak_rss_kib: int | None
    children_peak_rss_kib: int | None
    machine: Machine
    metered: bool = False
    tokens: Usage | None = None
    cold_tokens: Usage | None = None
    cache_hits: int | None = None
    cache_misses: int | None = None
    prices: Prices | None = None
    cost: float | None = None
    cold_cost: float | None = None
    per_document: tuple[DocumentCost, ...] = field(default_factory=tuple)

    @property
    def docs_per_second(self) -> float | None:
        return self.documents / self.seconds if self.seconds > 0 else None

    @property
    def cost_per_document(self) -> float | None:
        """What one document costs without the cache (the cold cost over the documents): None when unknown."""
        return None if self.cold_cost is None or not self.documents else self.cold_cost / self.documents

    def to_dict(self, documents: bool = True) -> dict[str, Any]:
        """The ledger as results files hold it; without ``documents``, its summary only (a baseline file's)."""
        out: dict[str, Any] = {
            "documents": self.documents, "seconds": self.seconds, "docs_per_second": self.docs_per_second,
            "latency": {"timed": self.timed, "p50": self.p50, "p95": self.p95, "max": self.max},
            "memory": {"self_max_rss_kib": self.peak_rss_kib, "children_max_rss_kib": self.children_peak_rss_kib},
            "machine": self.machine.to_dict(), "metered": self.metered,
        }
        if self.metered:
            out |= {"tokens": _usage_dict(self.tokens), "cold_tokens": _usage_dict(self.cold_tokens),
                    "cache": {"hits": self.cache_hits, "misses": self.cache_misses},
                    "prices": None if self.prices is None else self.prices.to_dict(),
                    "cost": {"spent": self.cost, "cold": self.cold_cost, "per_document": self.cost_per_document}}
        if documents:
            out["per_document"] = [line.to_dict() for line in self.per_document]
        return out

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Ledger:
        """What :meth:`to_dict` wrote (derived figures, such as documents per second, are computed again)."""
        latency, memory, cache, cost = raw["latency"], raw["memory"], raw.get("cache") or {}, raw.get("cost") or {}
        prices = raw.get("prices")
        return cls(
            int(raw["documents"]), float(raw["seconds"]), int(latency["timed"]), latency.get("p50"),
            latency.get("p95"), latency.get("max"), memory.get("self_max_rss_kib"), memory.get("children_max_rss_kib"),
            Machine.from_dict(raw["machine"]), bool(raw.get("metered")), _usage_of(raw.get("tokens")),
            _usage_of(raw.get("cold_tokens")), cache.get("hits"), cache.get("misses"),
            None if prices is None else Prices.from_dict(prices), cost.get("spent"), cost.get("cold"),
            tuple(DocumentCost.from_dict(line) for line in raw.get("per_document", [])))


def _usage_dict(usage: Usage | None) -> dict[str, int | None] | None:
    return None if usage is None else usage.to_dict()


def _usage_of(raw: Any) -> Usage | None:
    return None if raw is None else Usage.from_dict(raw)
