"""Results files: what a scored run holds, written atomically, read back losslessly.

A results file carries the extractor and its run spec (what exactly ran,
see :mod:`bench.data.runspec`), the gold version and hash (on a capability
suite: the suite's name, version and hash, and the failure rate of each
capability), the match level, every metric with its confidence interval and
the method behind it (at fact level on more than one document, a second
interval over documents and its method), per-document figures, errors,
failures, a timestamp and package versions. Format 2 dropped format 1's
bootstrap ``seed`` and ``resamples``: intervals are exact. The document
intervals (``doc_ci``, ``doc_ci_method``) came later within format 2; a file
without them reads as having none.
"""

from __future__ import annotations

import json
import platform
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from bench.data.jsonl import read_json, write_text_atomic
from bench.data.runspec import RunSpec
from bench.data.schema import check_record
from bench.errors import InputError, MismatchError

RESULTS_FORMAT = 2
LEVELS = ("fact", "strict", "exact", "partial", "type")
METRICS = ("precision", "recall", "f1")
LOW_SUPPORT = 10  # rows with fewer gold facts (or mentions) are marked: their intervals are wide


@dataclass(frozen=True, slots=True)
class MetricRow:
    """One line of the score table: a fact type, or ``micro``/``macro``.

    Metrics are None when undefined (0/0); ``ci`` maps a metric to its
    (low, high) interval, or None where the interval is undefined;
    ``doc_ci`` likewise to its interval over documents, or None where too few
    documents hold the row (empty when none were computed).
    ``support`` counts the gold facts (or mentions) of the row.
    """

    label: str
    tp: float
    fp: float
    fn: float
    support: int
    precision: float | None
    recall: float | None
    f1: float | None
    ci: dict[str, tuple[float, float] | None] = field(default_factory=dict)
    doc_ci: dict[str, tuple[float, float] | None] = field(default_factory=dict)

    @property
    def low_support(self) -> bool:
        """Fewer than ``LOW_SUPPORT`` gold facts: tables mark the row."""
        return self.support < LOW_SUPPORT

    def to_dict(self) -> dict[str, Any]:
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        for name in ("ci", "doc_ci"):
            out[name] = {k: list(v) if v is not None else None for k, v in getattr(self, name).items()}
        return out

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "MetricRow":
        intervals = {name: {k: tuple(v) if v is not None else None for k, v in raw.get(name, {}).items()}
                     for name in ("ci", "doc_ci")}
        return cls(**{**raw, **intervals})


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """Per-document counts by fact type, and the failure if the extractor failed on it."""

    doc_id: str
    counts: dict[str, dict[str, float]] = field(default_factory=dict)
    failure: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "counts": self.counts, "failure": self.failure}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "DocumentRow":
        return cls(**raw)


@dataclass(frozen=True, slots=True)
class Results:
    extractor: str
    extractor_version: str
    gold_version: str
    gold_hash: str
    level: str
    mode: str
    rows: tuple[MetricRow, ...]
    documents: tuple[DocumentRow, ...] = ()
    errors: tuple[dict[str, Any], ...] = ()
    predictions: tuple[dict[str, Any], ...] = ()
    value_accuracy: dict[str, Any] | None = None
    ci_method: str = ""
    doc_ci_method: str = ""
    timestamp: str = ""
    packages: Mapping[str, str] = field(default_factory=dict)
    run: RunSpec | None = None
    suite: dict[str, str] | None = None
    capabilities: tuple[dict[str, Any], ...] = ()

    @property
    def label(self) -> str:
        """The run's name in tables and its key in the gate: the run spec's label (the extractor for older files)."""
        return self.run.label if self.run is not None else self.extractor

    @property
    def run_key(self) -> str:
        """What ran, as the gate tracks it: the run spec's key (the extractor for older files)."""
        return self.run.key if self.run is not None else self.extractor

    @property
    def failures(self) -> list[DocumentRow]:
        return [doc for doc in self.documents if doc.failure]

    def row(self, label: str) -> MetricRow:
        return next(row for row in self.rows if row.label == label)

    def to_dict(self) -> dict[str, Any]:
        out = {"format": RESULTS_FORMAT}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("rows", "documents"):
                value = [item.to_dict() for item in value]
            elif f.name in ("errors", "predictions", "capabilities"):
                value = list(value)
            elif f.name == "run":
                if value is None:
                    continue
                value = value.to_dict()
            elif f.name == "packages":
                value = dict(value)
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Results":
        values = {k: v for k, v in raw.items() if k != "format"}
        values["rows"] = tuple(MetricRow.from_dict(r) for r in raw["rows"])
        values["documents"] = tuple(DocumentRow.from_dict(d) for d in raw.get("documents", []))
        values["errors"] = tuple(raw.get("errors", []))
        values["predictions"] = tuple(raw.get("predictions", []))
        values["run"] = RunSpec.from_dict(raw["run"]) if raw.get("run") is not None else None
        values["capabilities"] = tuple(raw.get("capabilities", []))
        return cls(**values)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


class InstalledVersions(Mapping[str, str]):
    """:func:`package_versions`, looked up when first read.

    The lookup imports ``importlib.metadata`` and parses each package's metadata
    (about 35 ms): a command that only prints a table never pays for it.
    """

    def __init__(self) -> None:
        self._found: dict[str, str] | None = None

    def _versions(self) -> dict[str, str]:
        if self._found is None:
            self._found = package_versions()
        return self._found

    def __getitem__(self, name: str) -> str:
        return self._versions()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._versions())

    def __len__(self) -> int:
        return len(self._versions())


def package_versions() -> dict[str, str]:
    """Python's version and those of factbench and the packages it relies on, as installed."""
    from importlib.metadata import PackageNotFoundError, version

    found = {"python": platform.python_version()}
    for name in ("factbench", "jsonschema", "typer", "scikit-learn", "datasets", "spacy"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            continue
    return found


def write_results(results: Results, path: str | Path) -> None:
    write_text_atomic(path, results.to_json())


def read_results(path: str | Path) -> Results:
    """Read and schema-check a results file."""
    raw = read_json(path)
    check_record(raw, "results", str(path), None)
    try:
        return Results.from_dict(raw)
    except (TypeError, KeyError) as exc:
        raise InputError(f"not a results file: {exc}", str(path)) from None


def odd_one_out(keys: list) -> tuple[int, int] | None:
    """(index of the first entry unlike the most common one, index of one like it), or None when all agree.

    With a tie the earliest key counts as the common one, so of two files the second is the odd one.

    >>> odd_one_out(["x", "y", "y", "y"]), odd_one_out(["x", "y"]), odd_one_out(["x", "x"])
    ((0, 1), (1, 0), None)
    """
    common = Counter(keys).most_common(1)[0][0]
    odd = next((i for i, key in enumerate(keys) if key != common), None)
    return None if odd is None else (odd, keys.index(common))


def same_gold(results: list[Results], names: list[str]) -> None:
    """Refuse results computed on different gold, naming the odd file (unlike most of the others)."""
    found = odd_one_out([(r.gold_hash, r.gold_version) for r in results])
    if found:
        odd, usual = (results[i] for i in found)
        raise MismatchError(
            f"gold {odd.gold_version} ({odd.gold_hash[:19]}) differs from {names[found[1]]}'s "
            f"gold {usual.gold_version} ({usual.gold_hash[:19]})", names[found[0]], field="gold_hash")
