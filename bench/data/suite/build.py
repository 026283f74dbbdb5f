"""The seeded generator: a suite's files from a seed, byte for byte the same on every run, written atomically.

Each capability draws from its own random stream (seeded by the suite seed
and the capability id), so adding a capability never changes another's cases.
A document's id is a hash of the seed, its published date and its text: the
capability, kind, frame and source of a case are in ``cases.jsonl`` only,
which extractors never see, and the manifest lists documents in id order.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import Counter
from dataclasses import dataclass, replace

from bench.data.suite import lexicons as lx
from bench.data.suite.agency_pool import surface_forms
from bench.data.suite.catalog import CAPABILITIES, Capability
from bench.data.suite.drafts import Draft, render
from bench.data.suite.pools import Pools, draw_pools
from bench.data.suite.skeletons import skeleton_counts

SUITE_NAME = "capabilities"
GENERATOR_VERSION = "2.0.0"
SHIPPED_SEED = 0
CASES_PER_CAPABILITY = 100
MARKER = ".bench-suite"
MARKER_TEXT = ("A capability suite written by 'bench suite build'; 'bench suite build --force' may replace this "
               "directory.\n")


@dataclass(frozen=True, slots=True)
class Case:
    """A generated case: its document, capability, draft, frame, judged types and source (INV/DIR)."""

    doc_id: str
    capability: Capability
    draft: Draft
    text: str
    facts: tuple
    fact_types: tuple[str, ...]
    derived_from: str | None = None

    @property
    def kind(self) -> str:
        if self.derived_from is not None:
            return self.capability.kind
        return "MFT" if any(fact.type in self.fact_types for fact in self.facts) else "negative"


def _document_id(seed: int, draft: Draft, text: str) -> str:
    return hashlib.sha256(f"{seed}\n{draft.published.isoformat()}\n{text}".encode()).hexdigest()[:16]


def _case(seed: int, capability: Capability, draft: Draft, fact_types: tuple[str, ...], taken: set[str],
          derived_from: str | None = None) -> Case | None:
    """The case of ``draft``, or None when a case with the same text and date already exists."""
    text, _ = render(draft, "")
    doc_id = _document_id(seed, draft, text)
    if doc_id in taken:
        return None
    taken.add(doc_id)
    _, facts = render(draft, doc_id)
    return Case(doc_id, capability, draft, text, tuple(facts), fact_types, derived_from)


def _cases(seed: int, per_capability: int, pools: Pools) -> list[Case]:
    cases: list[Case] = []
    by_capability: dict[str, list[Case]] = {}
    taken: set[str] = set()
    for capability in CAPABILITIES:
        rng = random.Random(f"{seed}:{capability.id}")
        made: list[Case] = []
        for _ in range(per_capability * 20):  # a draft equal to an earlier case is drawn again
            made += filter(None, [_made(seed, capability, rng, pools, by_capability, len(made), taken)])
            if len(made) == per_capability:
                break
        else:
            raise RuntimeError(f"{capability.id}: too few distinct cases")
        by_capability[capability.id] = made
        cases += made
    return cases


def _made(seed: int, capability: Capability, rng: random.Random, pools: Pools, by_capability: dict,
          index: int, taken: set[str]) -> Case | None:
    if capability.make is not None:
        draft = capability.make(rng, pools)
        return _case(seed, capability, replace(draft, frame=f"{capability.id}/{draft.frame}"), capability.fact_types,
                     taken)
    assert capability.transform is not None, capability.id  # a capability makes its cases or derives them
    # Sources cycle through the source capabilities, so every seed derives the same mix of them.
    pool = [case for case in by_capability[capability.sources[index % len(capability.sources)]]
            if case.kind == "MFT" and capability.usable(case.draft, pools)]
    source = rng.choice(pool)
    types = tuple(t for t in source.fact_types if t in capability.fact_types)
    return _case(seed, capability, capability.transform(source.draft, rng, pools), types, taken, source.doc_id)


def _aliases(pools: Pools) -> dict:
    units = {"employees": pools.staff_nouns, "users": pools.user_nouns, "companies": pools.company_nouns}
    return {
        "_comment": "Canonical names and every surface form this capability suite writes (generated).",
        "agencies": {body.canonical: list(surface_forms(body)) for body in pools.bodies},
        "officials": {f"{first} {last}": [last] for first, last in pools.officials},
        "titles": {t.canonical: [f for f in dict.fromkeys((*t.forms, *t.appositions))
                                 if f != t.canonical and "{" not in f] for t in lx.TITLES},
        "units": {unit: list(dict.fromkeys(form for form in (*nouns, *lx.UNIT_BASE_FORMS[unit]) if form != unit))
                  for unit, nouns in units.items()},
    }


def _jsonl(records) -> bytes:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records).encode("utf-8")


def _json(value) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _faker_version() -> str:
    import faker

    return faker.VERSION


def build_suite(seed: int, per_capability: int = CASES_PER_CAPABILITY) -> dict[str, bytes]:
    """Every file of the suite built from ``seed``, by path inside the suite directory.

    ``per_capability`` below the shipped 100 makes a small suite of the same
    capabilities (for tests).
    """
    pools = draw_pools(seed)
    cases = _cases(seed, per_capability, pools)
    files: dict[str, bytes] = {MARKER: MARKER_TEXT.encode("utf-8")}
    manifest, facts = [], []
    for case in sorted(cases, key=lambda case: case.doc_id):
        data = case.text.encode("utf-8")
        files[f"documents/{case.doc_id}.txt"] = data
        manifest.append({"id": case.doc_id, "file": f"{case.doc_id}.txt", "outlet": None, "title": None,
                         "sha256": hashlib.sha256(data).hexdigest(), "published": case.draft.published.isoformat(),
                         "published_basis": "generated", "published_note": "The date the case was generated for."})
        facts += [replace(fact, id=f"{case.doc_id}#{n}").to_dict() for n, fact in enumerate(case.facts, 1)]
    records = [{"doc_id": case.doc_id, "capability": case.capability.id, "kind": case.kind,
                "fact_types": list(case.fact_types), "frame": case.draft.frame, "derived_from": case.derived_from}
               for case in cases]
    files["documents/manifest.jsonl"] = _jsonl(manifest)
    files["facts.jsonl"] = _jsonl(facts)
    files["cases.jsonl"] = _jsonl(records)
    files["aliases.json"] = _json(_aliases(pools))
    files["capabilities.json"] = _json({"name": SUITE_NAME, "seed": seed, "generator": GENERATOR_VERSION,
                                        "faker": _faker_version(),
                                        "capabilities": [c.to_dict() for c in CAPABILITIES]})
    files["VERSION"] = (GENERATOR_VERSION + "\n").encode()
    files["README.md"] = _readme(seed, records, facts, [case.text for case in cases]).encode("utf-8")
    return files


def _readme(seed: int, records: list[dict], facts: list[dict], texts: list[str]) -> str:
    per_capability = Counter(record["capability"] for record in records)
    frames = {c.id: len({r["frame"] for r in records if r["capability"] == c.id}) for c in CAPABILITIES}
    per_type = Counter(fact["type"] for fact in facts)
    sentences, documents = skeleton_counts(texts)
    rows = "\n".join(f"| `{c.id}` | {c.kind} | {'yes' if c.context else ''} | {per_capability[c.id]} | {frames[c.id]} "
                     f"| {', '.join(c.fact_types)} | {c.description} |" for c in CAPABILITIES)
    return (
        f"# Capability suite (generated, seed {seed}, generator {GENERATOR_VERSION})\n\n"
        f"{len(records)} cases in {len(CAPABILITIES)} capabilities "
        f"({sum(c.context for c in CAPABILITIES)} of them context capabilities, short news articles); "
        f"{len({r['frame'] for r in records})} frames; {sentences} distinct sentence skeletons and {documents} "
        "distinct document skeletons once names, numbers and dates are masked; gold mentions per type: "
        f"{', '.join(f'{t} {n}' for t, n in sorted(per_type.items()))}.\n\n"
        "Do not edit: regenerate with `bench suite build --seed N -o DIR`. Files: `VERSION`, `aliases.json`, "
        "`facts.jsonl` (gold mentions), `documents/` (texts and `manifest.jsonl`, named by an opaque hash), "
        "`cases.jsonl` (capability, kind, judged fact types, frame and source of each case: never shown to an "
        "extractor), `capabilities.json` (each capability with the real-text error it stands for), and the marker "
        f"`{MARKER}`. Labels follow gold/GUIDELINES.md (§8 for the suite; a day or month without a year is dated by "
        "the tense of its clause). A case passes when its predicted facts of the judged types equal the gold ones; "
        "a frame is the template a case was written from (or the counted noun, or the other story's marker, where "
        "the capability varies those), and the rates' intervals count the cases of one frame as one cluster.\n\n"
        "| capability | kind | context | cases | frames | judged types | what it tests |\n"
        "|---|---|---|--:|--:|---|---|\n" + rows + "\n"
    )
