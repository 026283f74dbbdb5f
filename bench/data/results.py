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
without them reads as having none. So did ``recited`` and ``twins``
(:mod:`bench.data.twin_results`): written only when there is something to say,
and ``ledger`` (:mod:`bench.data.ledger`): what a run bench made cost.
"""

from __future__ import annotations

import json
import math
import platform
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from bench.data.jsonl import read_json, write_text_atomic
from bench.data.ledger import Ledger
from bench.data.runspec import RunSpec
from bench.data.schema import check_record
from bench.data.shapes import record_ok
from bench.data.twin_results import Recited, TwinsSummary
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
    def from_dict(cls, raw: dict[str, Any]) -> MetricRow:
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
    def from_dict(cls, raw: dict[str, Any]) -> DocumentRow:
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
    recited: Recited | None = None  # on a twin set
    twins: TwinsSummary | None = None  # bench eval --twins
    ledger: Ledger | None = None  # what the run cost (bench.data.ledger); None when not run by bench

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
            elif f.name in ("run", "recited", "twins", "ledger"):
                if value is None:
                    continue
                value = value.to_dict()
            elif f.name == "packages":
                value = dict(value)
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Results:
        values = {k: v for k, v in raw.items() if k != "format"}
        values["rows"] = tuple(MetricRow.from_dict(r) for r in raw["rows"])
        values["documents"] = tuple(DocumentRow.from_dict(d) for d in raw.get("documents", []))
        values["errors"] = tuple(raw.get("errors", []))
        values["predictions"] = tuple(raw.get("predictions", []))
        values["run"] = RunSpec.from_dict(raw["run"]) if raw.get("run") is not None else None
        values["capabilities"] = tuple(raw.get("capabilities", []))
        values["recited"] = Recited.from_dict(raw["recited"]) if raw.get("recited") is not None else None
        values["twins"] = TwinsSummary.from_dict(raw["twins"]) if raw.get("twins") is not None else None
        values["ledger"] = Ledger.from_dict(raw["ledger"]) if raw.get("ledger") is not None else None
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
    """Write ``results``, refusing (one line naming the field) what :func:`read_results` would refuse."""
    try:
        text = results.to_json()
    except UnicodeEncodeError as error:  # the run spec hashes its text: a lone surrogate cannot be encoded
        raise InputError(f"{error.object[error.start:error.end]!r} is a lone surrogate, which is no Unicode text: not "
                         "written, as bench show and bench report would refuse the file", str(path), field="run") from None
    raw = json.loads(text)
    try:
        _unwritable(raw, "")
        check_results(raw, str(path))
    except InputError as error:
        raise InputError(f"{error.message}: not written, as bench show and bench report would refuse the file",
                         str(path), field=error.field) from None
    write_text_atomic(path, text)


def _unwritable(value: Any, where: str) -> None:
    """Refuse text that UTF-8 cannot hold (a lone surrogate) and numbers JSON cannot (NaN, infinity)."""
    if isinstance(value, str):
        if not value.isascii() and any("\ud800" <= char <= "\udfff" for char in value):
            raise InputError(f"{value[:40]!r} holds a lone surrogate, which is no Unicode text", field=where or None)
    elif isinstance(value, float) and not math.isfinite(value):
        raise InputError(f"{value} is not a number JSON can hold", field=where or None)
    elif isinstance(value, dict):
        for key, item in value.items():
            _unwritable(key, where)
            _unwritable(item, f"{where}.{key}".lstrip("."))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _unwritable(item, f"{where}.{index}".lstrip("."))


def read_results(path: str | Path) -> Results:
    """Read and check a results file (:func:`check_results`)."""
    raw = read_json(path)
    check_results(raw, str(path))
    try:
        return Results.from_dict(raw)
    except (TypeError, KeyError) as exc:
        raise InputError(f"not a results file: {exc}", str(path)) from None


def check_results(raw: Any, path: str) -> None:
    """Refuse a results record that breaks the schema, or whose figures contradict each other.

    Predictions that certainly fit the prediction schema (the fast check of
    :mod:`bench.data.shapes`) skip jsonschema: they are most of a large file.
    """
    predictions = raw.get("predictions") if isinstance(raw, dict) else None
    if isinstance(predictions, list) and all(type(p) is dict and record_ok(p, "prediction") for p in predictions):
        raw = {**raw, "predictions": []}
    check_record(raw, "results", path, None)
    found = next(_contradictions(raw), None)
    if found:
        raise InputError(found[1], path, field=found[0])


def _contradictions(raw: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """What a schema cannot say: one row per label, one entry per document and capability, and no row
    finding or missing more than its gold (tp, fn <= support), no capability failing more cases than it has."""
    for key, name in (("rows", "label"), ("documents", "doc_id"), ("capabilities", "id")):
        seen = Counter(item[name] for item in raw.get(key, []))
        yield from ((f"{key}[{label}]", f"appears {count} times") for label, count in seen.items() if count > 1)
    for row in raw["rows"]:
        for count in ("tp", "fn"):
            if row[count] > row["support"]:
                yield (f"rows[{row['label']}].{count}",
                       f"{row[count]:g} is more than the row's support ({row['support']} gold facts or mentions)")
    for capability in raw.get("capabilities", []):
        if capability["failures"] > capability["cases"]:
            yield (f"capabilities[{capability['id']}].failures",
                   f"{capability['failures']} is more than the capability's {capability['cases']} cases")


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
