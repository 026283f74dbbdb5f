"""Per-capability failure rates on a capability suite, CheckList style, each capability judged on its own types.

A case **passes** when the extractor's facts of the types its capability
tests (``fact_types`` in cases.jsonl) equal the gold facts of those types
exactly: fact level, strict values, nothing missing, nothing extra, whatever
``--mode`` the run was scored in. A wrong fact of another type (a date
missed in a headcount case) is a **side error**: counted apart, it does not
fail the capability. A negative case is one with no gold fact of its types.

INV and DIR cases are judged the same way against their own gold, which the
generator derived from the source case by the known change. Their headline
figure is CheckList's: the **flip rate**, the share of variants that fail
among those whose source passed (the change itself broke the extractor). The
plain failure rate comes second: it also counts variants of failing sources,
failures inherited rather than caused.

Rates carry a 95% interval over frames (:mod:`bench.scoring.frame_intervals`):
cases written from one frame stand or fall together.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bench.facts import Fact
from bench.normalize.aliases import AliasTable
from bench.scoring.fact_level import key_set
from bench.scoring.frame_intervals import frame_interval

EXAMPLES_PER_CAPABILITY = 3


@dataclass(frozen=True, slots=True)
class FailingCase:
    """A failed case: its document and the facts of its judged types expected and predicted (``type: value``)."""

    doc_id: str
    expected: tuple[str, ...]
    predicted: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "expected": list(self.expected), "predicted": list(self.predicted)}


@dataclass(frozen=True, slots=True)
class CapabilityRow:
    """One capability: cases, frames, failures and failure rate, side errors, flips (INV/DIR), first failing cases."""

    id: str
    kind: str
    context: bool
    cases: int
    failures: int
    rate: float
    ci: tuple[float, float]
    frames: int = 0
    side_errors: int = 0
    flipped: int | None = None
    flip_base: int | None = None
    flip_rate: float | None = None
    flip_ci: tuple[float, float] | None = None
    examples: tuple[FailingCase, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "context": self.context, "cases": self.cases,
                "frames": self.frames, "failures": self.failures, "rate": self.rate, "ci": list(self.ci),
                "side_errors": self.side_errors, "flipped": self.flipped, "flip_base": self.flip_base,
                "flip_rate": self.flip_rate, "flip_ci": None if self.flip_ci is None else list(self.flip_ci),
                "examples": [example.to_dict() for example in self.examples]}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> CapabilityRow:
        examples = tuple(FailingCase(e["doc_id"], tuple(e["expected"]), tuple(e["predicted"])) for e in raw["examples"])
        flip_ci = raw.get("flip_ci")
        return cls(raw["id"], raw["kind"], raw["context"], raw["cases"], raw["failures"], raw["rate"],
                   tuple(raw["ci"]), raw.get("frames", 0), raw.get("side_errors", 0), raw.get("flipped"),
                   raw.get("flip_base"), raw.get("flip_rate"), None if flip_ci is None else tuple(flip_ci), examples)


@dataclass(frozen=True, slots=True)
class Judgement:
    """One case judged: passed on its types, and whether a fact of another type was wrong."""

    passed: bool
    side_error: bool
    expected: frozenset
    predicted: frozenset


def _shown(keys) -> tuple[str, ...]:
    def text(value) -> str:
        return value if isinstance(value, str) else ", ".join(f"{k}={v}" for k, v in value.to_dict().items())

    return tuple(sorted(f"{fact_type}: {text(value)}" for _, fact_type, value in keys))


def judge(suite, predictions: Sequence[Fact]) -> dict[str, Judgement]:
    """Each case of ``suite`` judged on the fact types it tests, by document."""
    aliases: AliasTable = suite.gold.aliases
    gold_keys, predicted_keys = defaultdict(set), defaultdict(set)
    for key in key_set(suite.gold.facts, aliases):
        gold_keys[key[0]].add(key)
    for key in key_set(predictions, aliases):
        predicted_keys[key[0]].add(key)
    judged = {}
    for case in suite.cases:
        gold, predicted = gold_keys[case.doc_id], predicted_keys[case.doc_id]
        expected = frozenset(k for k in gold if k[1] in case.fact_types)
        found = frozenset(k for k in predicted if k[1] in case.fact_types)
        judged[case.doc_id] = Judgement(expected == found, (gold - expected) != (predicted - found), expected, found)
    return judged


def _interval(cases, failed) -> tuple[float, float]:
    by_frame: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case in cases:
        by_frame[case.frame][0] += failed(case)
        by_frame[case.frame][1] += 1
    interval = frame_interval((failed_count, total) for failed_count, total in by_frame.values())
    return (0.0, 1.0) if interval is None else (interval.low, interval.high)


def failure_rows(suite, predictions: Sequence[Fact]) -> tuple[CapabilityRow, ...]:
    """Per capability of ``suite`` (a :class:`~bench.data.suite.load.Suite`): how many cases fail, and which.

    >>> from bench.facts import Fact
    >>> from types import SimpleNamespace as S
    >>> gold = S(facts=[Fact("a", "date", "2031"), Fact("b", "date", "2032"), Fact("b", "agency", "X")],
    ...          aliases=AliasTable())
    >>> cases = [S(doc_id="a", capability="c", fact_types=("date",), frame="f", derived_from=None),
    ...          S(doc_id="b", capability="c", fact_types=("date",), frame="f", derived_from="a")]
    >>> suite = S(gold=gold, cases=cases, capabilities=[{"id": "c", "kind": "INV", "context": False}])
    >>> row = failure_rows(suite, [Fact("a", "date", "2031"), Fact("b", "date", "2032")])[0]
    >>> row.failures, row.side_errors, row.flipped, row.flip_base
    (0, 1, 0, 1)
    >>> row = failure_rows(suite, [Fact("a", "date", "2031")])[0]
    >>> row.cases, row.failures, row.rate, row.flipped, row.flip_rate, row.examples[0].expected
    (2, 1, 0.5, 1, 1.0, ('date: 2032',))
    """
    judged = judge(suite, predictions)
    by_capability = defaultdict(list)
    for case in suite.cases:
        by_capability[case.capability].append(case)
    rows = []
    for capability in suite.capabilities:
        cases = by_capability.get(capability["id"], [])
        if cases:
            rows.append(_row(capability, cases, judged))
    return tuple(rows)


def _row(capability: dict, cases: list, judged: dict[str, Judgement]) -> CapabilityRow:
    def failed(case) -> bool:
        return not judged[case.doc_id].passed

    failures = [case for case in cases if failed(case)]
    derived = [case for case in cases if case.derived_from is not None]
    base = [case for case in derived if judged[case.derived_from].passed]
    flips = [case for case in base if failed(case)]
    shown = flips + [case for case in failures if case not in flips]
    examples = tuple(FailingCase(case.doc_id, _shown(judged[case.doc_id].expected),
                                 _shown(judged[case.doc_id].predicted)) for case in shown[:EXAMPLES_PER_CAPABILITY])
    return CapabilityRow(
        capability["id"], capability["kind"], capability["context"], len(cases), len(failures),
        len(failures) / len(cases), _interval(cases, failed), len({case.frame for case in cases}),
        sum(judged[case.doc_id].side_error for case in cases),
        len(flips) if derived else None, len(base) if derived else None,
        len(flips) / len(base) if base else None, _interval(base, failed) if base else None, examples)
