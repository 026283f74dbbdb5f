"""The seeded generator: a suite's files from a seed, byte for byte the same on every run, written atomically.

Each capability draws from its own random stream (seeded by the suite seed
and the capability id), so adding a capability never changes another's cases.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from bench.data.suite import lexicons as lx
from bench.data.suite.catalog import CAPABILITIES, Capability
from bench.data.suite.choices import Cast
from bench.data.suite.drafts import Draft, render
from bench.data.suite.names import short_forms
from bench.errors import InputError

SUITE_NAME = "capabilities"
GENERATOR_VERSION = "1.0.0"
SHIPPED_SEED = 0
CASES_PER_CAPABILITY = 100


@dataclass(frozen=True, slots=True)
class Case:
    doc_id: str
    capability: Capability
    draft: Draft
    derived_from: str | None = None


def _cases(seed: int, per_capability: int) -> list[Case]:
    cast = Cast.drawn(random.Random(f"{seed}:cast"))
    cases: list[Case] = []
    by_capability: dict[str, list[Case]] = {}
    for capability in CAPABILITIES:
        rng = random.Random(f"{seed}:{capability.id}")
        made = []
        for index in range(per_capability):
            doc_id = f"{capability.id}-{index:03d}"
            if capability.make is not None:
                made.append(Case(doc_id, capability, capability.make(rng, cast)))
                continue
            # Sources cycle through the source capabilities, so every seed derives the same mix of them.
            pool = [case for case in by_capability[capability.sources[index % len(capability.sources)]]
                    if capability.usable(case.draft)]
            source = rng.choice(pool)
            made.append(Case(doc_id, capability, capability.transform(source.draft, rng), source.doc_id))
        by_capability[capability.id] = made
        cases += made
    return cases


def _kind(case: Case, has_facts: bool) -> str:
    if case.derived_from is not None:
        return case.capability.kind
    return "MFT" if has_facts else "negative"


def _aliases(cast: Cast) -> dict:
    return {
        "_comment": "Canonical names and every surface form the capability suite writes (generated).",
        "agencies": {b.canonical: [f for f in (b.full, *short_forms(b), b.acronym) if f and f != b.canonical]
                     for b in lx.BODIES},
        "officials": {f"{first} {last}": [last] for first, last in cast.officials},
        "titles": {t.canonical: [f for f in t.forms if f != t.canonical] for t in lx.TITLES},
        "units": lx.UNITS,
    }


def _jsonl(records) -> bytes:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records).encode("utf-8")


def _json(value) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def build_suite(seed: int, per_capability: int = CASES_PER_CAPABILITY) -> dict[str, bytes]:
    """Every file of the suite built from ``seed``, by path inside the suite directory.

    ``per_capability`` below the shipped 100 makes a small suite of the same
    capabilities (for tests).
    """
    files: dict[str, bytes] = {}
    manifest, facts, cases = [], [], []
    for case in _cases(seed, per_capability):
        text, found = render(case.draft, case.doc_id)
        data = text.encode("utf-8")
        files[f"documents/{case.doc_id}.txt"] = data
        manifest.append({"id": case.doc_id, "file": f"{case.doc_id}.txt", "outlet": None, "title": None,
                         "sha256": hashlib.sha256(data).hexdigest(), "published": case.draft.published.isoformat(),
                         "published_basis": "generated", "published_note": "The date the case was generated for."})
        facts += [replace(fact, id=f"{case.doc_id}#{n}").to_dict() for n, fact in enumerate(found, 1)]
        cases.append({"doc_id": case.doc_id, "capability": case.capability.id, "kind": _kind(case, bool(found)),
                      "fact_type": case.capability.fact_types[0], "derived_from": case.derived_from})
    cast = Cast.drawn(random.Random(f"{seed}:cast"))
    files["documents/manifest.jsonl"] = _jsonl(manifest)
    files["facts.jsonl"] = _jsonl(facts)
    files["cases.jsonl"] = _jsonl(cases)
    files["aliases.json"] = _json(_aliases(cast))
    files["capabilities.json"] = _json({"name": SUITE_NAME, "seed": seed, "generator": GENERATOR_VERSION,
                                        "capabilities": [c.to_dict() for c in CAPABILITIES]})
    files["VERSION"] = (GENERATOR_VERSION + "\n").encode()
    files["README.md"] = _readme(seed, cases, facts).encode("utf-8")
    return files


def _readme(seed: int, cases: list[dict], facts: list[dict]) -> str:
    per_capability = Counter(case["capability"] for case in cases)
    per_type = Counter(fact["type"] for fact in facts)
    rows = "\n".join(f"| `{c.id}` | {c.kind} | {'yes' if c.context else ''} | {per_capability[c.id]} | {c.description} |"
                     for c in CAPABILITIES)
    return (
        f"# Capability suite (generated, seed {seed}, generator {GENERATOR_VERSION})\n\n"
        f"{len(cases)} short cases in {len(CAPABILITIES)} capabilities "
        f"({sum(c.context for c in CAPABILITIES)} of them context capabilities), "
        f"gold mentions per type: {', '.join(f'{t} {n}' for t, n in sorted(per_type.items()))}.\n\n"
        "Do not edit: regenerate with `bench suite build --seed N -o DIR`. Files: `VERSION`, `aliases.json`, "
        "`facts.jsonl` (gold mentions), `documents/` (texts and `manifest.jsonl`), `cases.jsonl` (capability, kind "
        "and source of each case), `capabilities.json`. Labels follow gold/GUIDELINES.md (§8 for the suite).\n\n"
        "| capability | kind | context | cases | what it tests |\n|---|---|---|--:|---|\n" + rows + "\n"
    )


def write_suite(directory: Path, seed: int, force: bool = False,
                per_capability: int = CASES_PER_CAPABILITY) -> dict[str, bytes]:
    """Build the suite from ``seed`` into ``directory`` atomically: all of it appears at once, or nothing.

    An existing non-empty ``directory`` is replaced only with ``force``.
    """
    directory = Path(directory)
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())) and not force:
        raise InputError("exists and is not empty; choose another directory or pass --force", str(directory))
    files = build_suite(seed, per_capability)
    staging = directory.parent / f".{directory.name}.building-{os.getpid()}"
    old = directory.parent / f".{directory.name}.replaced-{os.getpid()}"
    try:
        for path, data in files.items():
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        if directory.exists():
            directory.rename(old)
        staging.rename(directory)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if old.exists() and not directory.exists():
            old.rename(directory)
        raise InputError(f"cannot write the suite: {exc.strerror}", str(directory)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)
    return files
