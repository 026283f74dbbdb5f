"""Per-capability failure rates on a capability suite, CheckList style.

A case **passes** when the extractor's fact set for its document equals the
gold fact set exactly (fact level, strict values: same types, same canonical
values, nothing missing, nothing extra), whatever ``--mode`` the run was
scored in. INV and DIR cases are judged the same way against their own gold,
which the generator derived from the source case by the known change, so a
passing variant is both correct and consistent with its source. ``flipped``
counts the stricter CheckList question on top: variants that fail although
their source case passed (the change itself broke the extractor).

The failure rate's 95% interval is Clopper–Pearson's exact interval.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bench.facts import Fact
from bench.normalize.aliases import AliasTable
from bench.scoring.fact_level import key_set
from bench.scoring.intervals import proportion_interval

EXAMPLES_PER_CAPABILITY = 3


@dataclass(frozen=True, slots=True)
class FailingCase:
    """A failed case: its document and the facts expected and predicted (as ``type: value`` strings)."""

    doc_id: str
    expected: tuple[str, ...]
    predicted: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "expected": list(self.expected), "predicted": list(self.predicted)}


@dataclass(frozen=True, slots=True)
class CapabilityRow:
    """One capability's cases, failures, failure rate with its 95% interval, flips and first failing cases."""

    id: str
    kind: str
    context: bool
    cases: int
    failures: int
    rate: float
    ci: tuple[float, float]
    flipped: int | None = None
    examples: tuple[FailingCase, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "context": self.context, "cases": self.cases,
                "failures": self.failures, "rate": self.rate, "ci": list(self.ci), "flipped": self.flipped,
                "examples": [example.to_dict() for example in self.examples]}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "CapabilityRow":
        examples = tuple(FailingCase(e["doc_id"], tuple(e["expected"]), tuple(e["predicted"])) for e in raw["examples"])
        return cls(raw["id"], raw["kind"], raw["context"], raw["cases"], raw["failures"], raw["rate"],
                   tuple(raw["ci"]), raw.get("flipped"), examples)


def _shown(keys) -> tuple[str, ...]:
    def text(value) -> str:
        return value if isinstance(value, str) else ", ".join(f"{k}={v}" for k, v in value.to_dict().items())

    return tuple(sorted(f"{fact_type}: {text(value)}" for _, fact_type, value in keys))


def failure_rows(suite, predictions: Sequence[Fact]) -> tuple[CapabilityRow, ...]:
    """Per capability of ``suite`` (a :class:`~bench.data.suite.load.Suite`): how many cases fail, and which.

    >>> from bench.facts import Fact
    >>> from types import SimpleNamespace as S
    >>> gold = S(facts=[Fact("a", "date", "2031"), Fact("b", "date", "2032")], aliases=AliasTable())
    >>> cases = [S(doc_id="a", capability="c", derived_from=None), S(doc_id="b", capability="c", derived_from="a")]
    >>> suite = S(gold=gold, cases=cases, capabilities=[{"id": "c", "kind": "MFT", "context": False}])
    >>> row = failure_rows(suite, [Fact("a", "date", "2031")])[0]
    >>> row.cases, row.failures, row.rate, row.flipped, row.examples[0].expected
    (2, 1, 0.5, 1, ('date: 2032',))
    """
    aliases: AliasTable = suite.gold.aliases
    gold_keys, predicted_keys = defaultdict(set), defaultdict(set)
    for key in key_set(suite.gold.facts, aliases):
        gold_keys[key[0]].add(key)
    for key in key_set(predictions, aliases):
        predicted_keys[key[0]].add(key)
    passed = {case.doc_id: gold_keys[case.doc_id] == predicted_keys[case.doc_id] for case in suite.cases}
    by_capability = defaultdict(list)
    for case in suite.cases:
        by_capability[case.capability].append(case)
    rows = []
    for capability in suite.capabilities:
        cases = by_capability.get(capability["id"], [])
        if not cases:
            continue
        failed = [case for case in cases if not passed[case.doc_id]]
        derived = [case for case in cases if case.derived_from is not None]
        interval = proportion_interval(len(failed), len(cases))
        examples = tuple(FailingCase(case.doc_id, _shown(gold_keys[case.doc_id]), _shown(predicted_keys[case.doc_id]))
                         for case in failed[:EXAMPLES_PER_CAPABILITY])
        flipped = sum(passed[c.derived_from] and not passed[c.doc_id] for c in derived) if derived else None
        rows.append(CapabilityRow(capability["id"], capability["kind"], capability["context"], len(cases), len(failed),
                                  len(failed) / len(cases), (interval.low, interval.high), flipped, examples))
    return tuple(rows)
