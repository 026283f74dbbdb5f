"""Reading a capability suite: a gold-set directory plus its cases, checked as strictly as the gold.

The suite's gold (``VERSION``, ``aliases.json``, ``facts.jsonl``,
``documents/``) loads as any gold set does (:func:`bench.data.gold.load_gold`); ``cases.jsonl`` and
``capabilities.json`` say which capability, CheckList kind, judged fact types
and frame each case has, and the case a variant was derived from. The suite's
hash covers all of it and stands as the gold hash of every results file scored
on it, so results on different suites, or on a suite and the articles, are
never mixed. Per-type scores are taken on the source cases only
(:attr:`Suite.source_gold`): a variant repeats its source's facts, and
counting them again would count one piece of evidence twice.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from bench.data.gold import Gold, gold_problems
from bench.data.jsonl import iter_jsonl, read_json
from bench.data.resources import gold_dir
from bench.data.schema import check_record, schema_problems
from bench.data.shapes import record_ok
from bench.data.validate import Problem
from bench.errors import BenchError, InputError
from bench.facts import FACT_TYPES
from bench.normalize.aliases import fact_key

SHIPPED = "capabilities"
CASES_FILE = "cases.jsonl"
CAPABILITIES_FILE = "capabilities.json"


@dataclass(frozen=True, slots=True)
class CaseRecord:
    """One case: its document, capability, CheckList kind, the fact types it is judged on, its frame, and the case
    it was derived from (INV/DIR)."""

    doc_id: str
    capability: str
    kind: str
    fact_types: tuple[str, ...]
    frame: str
    derived_from: str | None = None

    @classmethod
    def from_dict(cls, raw: dict) -> CaseRecord:
        return cls(raw["doc_id"], raw["capability"], raw["kind"], tuple(raw["fact_types"]), raw["frame"],
                   raw["derived_from"])


@dataclass(frozen=True, slots=True)
class Suite:
    """A capability suite: its gold (whose ``hash`` is the suite's), cases and capabilities."""

    name: str
    seed: int
    gold: Gold
    cases: tuple[CaseRecord, ...]
    capabilities: tuple[dict, ...]
    source_gold: Gold  # the source cases' documents and facts, with the suite's hash: what per-type scores count

    @property
    def version(self) -> str:
        return self.gold.version

    @property
    def hash(self) -> str:
        return self.gold.hash

    def identity(self) -> dict:
        """What a results file records of the suite."""
        return {"name": self.name, "version": self.version, "hash": self.hash}


def suite_dir(name_or_path: str | Path) -> Path:
    """``capabilities`` is the shipped suite (gold/capabilities/); anything else is a suite directory."""
    return gold_dir() / SHIPPED if str(name_or_path) == SHIPPED else Path(name_or_path)


def _case_problem(raw, known: dict, documents: set[str], seen: dict) -> tuple[str, str] | None:
    shape = [] if record_ok(raw, "suite_case") else schema_problems(raw, "suite_case")
    if shape:
        return shape[0]
    types = raw["fact_types"]
    allowed = known[raw["capability"]].get("fact_types", []) if raw["capability"] in known else []
    checks = (
        ("doc_id", raw["doc_id"] in documents, f"unknown document {raw['doc_id']!r}"),
        ("doc_id", raw["doc_id"] not in seen, f"document {raw['doc_id']!r} already has a case"),
        ("capability", raw["capability"] in known, f"unknown capability {raw['capability']!r}"),
        ("fact_types", all(t in allowed for t in types), "expected a non-empty list of the capability's fact types"),
        ("derived_from", (raw["derived_from"] is not None) == (raw["kind"] in ("INV", "DIR")),
         "INV and DIR cases, and only they, name the case they were derived from"),
    )
    return next(((field, message) for field, ok, message in checks if not ok), None)


def _read_capabilities(path: Path) -> tuple[str, int, tuple[dict, ...]]:
    raw = read_json(path)
    check_record(raw, "capabilities", str(path), None)
    name, seed, capabilities = raw["name"], raw["seed"], tuple(raw["capabilities"])
    ids = [capability["id"] for capability in capabilities]
    if len(set(ids)) != len(ids):
        raise InputError("capability ids must be unique", str(path), field="capabilities")
    return name, seed, capabilities


def _check_cases(directory: Path, gold: Gold, capabilities: tuple[dict, ...]) -> tuple[list[Problem], list[CaseRecord]]:
    path = directory / CASES_FILE
    known = {capability["id"]: capability for capability in capabilities}
    documents = {doc.id for doc in gold.documents}
    types_of = defaultdict(set)
    for fact in gold.facts:
        types_of[fact.doc_id].add(fact.type)
    seen: dict[str, CaseRecord] = {}
    lines: dict[str, int] = {}
    problems = []
    for line, raw in iter_jsonl(path):
        found = _case_problem(raw, known, documents, seen)
        if found is None and (raw["kind"] == "negative") == bool(types_of[raw["doc_id"]] & set(raw["fact_types"])):
            found = ("kind", "a negative case has no gold facts of its judged types, and only a negative case")
        if found:
            problems.append(Problem(str(path), line, *found))
        else:
            seen[raw["doc_id"]] = CaseRecord.from_dict(raw)
            lines[raw["doc_id"]] = line
    problems += [Problem(str(path), lines[case.doc_id], "derived_from", f"{case.derived_from!r} is no source case")
                 for case in seen.values() if case.derived_from is not None and
                 (case.derived_from not in seen or seen[case.derived_from].derived_from is not None)]
    problems += [Problem(str(path), None, "doc_id", f"document {doc!r} has no case")
                 for doc in sorted(documents - set(seen))]
    return problems, list(seen.values())


def _sources(gold: Gold, cases: list[CaseRecord]) -> Gold:
    """The gold of the source cases only (documents, facts, manifest), under the suite's hash."""
    sources = {case.doc_id for case in cases if case.derived_from is None}
    return replace(gold, documents=tuple(d for d in gold.documents if d.id in sources),
                   facts=tuple(f for f in gold.facts if f.doc_id in sources),
                   manifest=tuple(m for m in gold.manifest if m.id in sources))


def _suite_hash(gold: Gold, cases: list[CaseRecord], name: str, capabilities: tuple[dict, ...]) -> str:
    payload = {"gold": gold.hash, "name": name, "capabilities": capabilities,
               "cases": sorted(json.dumps([c.doc_id, c.capability, c.kind, list(c.fact_types), c.frame, c.derived_from])
                               for c in cases)}
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return "sha256:" + hashlib.sha256(blob).hexdigest()


def suite_problems(directory: str | Path) -> tuple[list[Problem], Suite | None]:
    """Check a suite directory: its gold as strictly as the bundled gold, then its cases and capabilities."""
    directory = suite_dir(directory)
    if not directory.is_dir():
        return [Problem(str(directory), None, "--suite", "no such suite: give 'capabilities' or a directory built by "
                        "'bench suite build'")], None
    problems, gold = gold_problems(directory)
    if gold is None or problems:
        return problems, None
    try:
        name, seed, capabilities = _read_capabilities(directory / CAPABILITIES_FILE)
        problems, cases = _check_cases(directory, gold, capabilities)
    except BenchError as error:
        return [Problem.from_error(error)], None
    if problems:
        return problems, None
    gold = replace(gold, hash=_suite_hash(gold, cases, name, capabilities))
    return [], Suite(name, seed, gold, tuple(cases), capabilities, _sources(gold, cases))


def load_suite(directory: str | Path) -> Suite:
    """Load and verify a suite (``capabilities`` for the shipped one); the first problem is raised."""
    problems, suite = suite_problems(directory)
    if problems:
        first = problems[0]
        raise InputError(first.message, first.file, first.line, first.field)
    assert suite is not None  # no problem found: the suite loaded
    return suite


def suite_statistics(suite: Suite) -> list[dict]:
    """Per capability and in total: cases, frames, distinct sentence skeletons, and mentions and distinct facts of
    each type."""
    from bench.data.suite.skeletons import sentences

    capability_of = {case.doc_id: case.capability for case in suite.cases}
    facts, texts, frames = defaultdict(list), defaultdict(list), defaultdict(set)
    for fact in suite.gold.facts:
        facts[capability_of[fact.doc_id]].append(fact)
    for document in suite.gold.documents:
        texts[capability_of[document.id]].append(document.text)
    for case in suite.cases:
        frames[case.capability].add(case.frame)
    cases = Counter(capability_of.values())
    rows = []
    for capability in [c["id"] for c in suite.capabilities] + ["total"]:
        everything = capability == "total"
        found = suite.gold.facts if everything else facts[capability]
        mentions = Counter(f.type for f in found)
        distinct = Counter(key[1] for key in {fact_key(f, suite.gold.aliases) for f in found})
        shown = [t for ts in texts.values() for t in ts] if everything else texts[capability]
        rows.append({"capability": capability, "cases": len(suite.cases) if everything else cases[capability],
                     "frames": len(set().union(*frames.values())) if everything else len(frames[capability]),
                     "skeletons": len({s for text in shown for s in sentences(text)}),
                     **{t: (mentions[t], distinct[t]) for t in FACT_TYPES}})
    return rows
