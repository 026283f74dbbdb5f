"""What a results file records of twins: the answers that recite a twin's source, and a run over seeded twins.

``recited`` is in every results file scored on a twin set (one holding
``.bench-twins``): per fact type, the distinct predicted facts whose value is
the source set's and no longer the twin's (:mod:`bench.scoring.recitation`),
with the source's version and hash and the twin's seed from its marker.
``twins`` is in the file ``bench eval --twins K -o`` writes: the run's F1 on
each twin, and the difference twin - original per row with its interval.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bench.facts import FACT_TYPES


@dataclass(frozen=True, slots=True)
class Recited:
    """Answers on a twin that recite its source: a count per fact type, and which source and seed made the twin."""

    counts: dict[str, int]
    source_version: str
    source_hash: str
    seed: int

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def to_dict(self) -> dict[str, Any]:
        return {"source_version": self.source_version, "source_hash": self.source_hash, "seed": self.seed,
                "counts": {t: self.counts.get(t, 0) for t in FACT_TYPES}, "total": self.total}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Recited:
        return cls(dict(raw["counts"]), raw["source_version"], raw["source_hash"], raw["seed"])


@dataclass(frozen=True, slots=True)
class TwinRun:
    """The run on one twin: its seed and gold, F1 per row label (types, micro, macro) and its recited answers."""

    seed: int
    gold_version: str
    gold_hash: str
    f1: dict[str, float | None]
    recited: dict[str, int] = field(default_factory=dict)
    failed: int = 0

    @property
    def recited_total(self) -> int:
        return sum(self.recited.values())

    def to_dict(self) -> dict[str, Any]:
        return {"seed": self.seed, "gold_version": self.gold_version, "gold_hash": self.gold_hash, "f1": self.f1,
                "recited": {t: self.recited.get(t, 0) for t in FACT_TYPES}, "failed": self.failed}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> TwinRun:
        return cls(**raw)


@dataclass(frozen=True, slots=True)
class Difference:
    """Twin minus original F1 of one row: the mean over the twins defining both, and its interval (None: too few)."""

    label: str
    mean: float | None
    ci: tuple[float, float] | None
    twins: int

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "mean": self.mean, "ci": list(self.ci) if self.ci else None, "twins": self.twins}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Difference:
        return cls(raw["label"], raw["mean"], tuple(raw["ci"]) if raw["ci"] else None, raw["twins"])


@dataclass(frozen=True, slots=True)
class TwinsSummary:
    """A run over seeded twins of the scored set: each twin's run and the differences from the original."""

    method: str
    runs: tuple[TwinRun, ...]
    differences: tuple[Difference, ...]

    @property
    def seeds(self) -> tuple[int, ...]:
        return tuple(run.seed for run in self.runs)

    def difference(self, label: str) -> Difference:
        return next(d for d in self.differences if d.label == label)

    def to_dict(self) -> dict[str, Any]:
        return {"method": self.method, "runs": [run.to_dict() for run in self.runs],
                "differences": [d.to_dict() for d in self.differences]}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> TwinsSummary:
        return cls(raw["method"], tuple(TwinRun.from_dict(r) for r in raw["runs"]),
                   tuple(Difference.from_dict(d) for d in raw["differences"]))
