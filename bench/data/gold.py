"""The hand-labeled gold set: articles, mentions, aliases, version and content hash."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench.data.documents import Document, load_seeds
from bench.data.jsonl import read_json
from bench.data.resources import gold_dir, seeds_dir
from bench.data.validate import Problem, check_fact_records
from bench.errors import InputError
from bench.facts import FACT_TYPES, Fact
from bench.normalize.aliases import AliasTable, fact_key

FACTS_FILE = "facts.jsonl"
ALIASES_FILE = "aliases.json"
VERSION_FILE = "VERSION"


@dataclass(frozen=True, slots=True)
class Gold:
    """Everything a score is computed against; ``hash`` identifies it in every results file."""

    version: str
    hash: str
    documents: tuple[Document, ...]
    facts: tuple[Fact, ...]
    aliases: AliasTable

    def facts_of(self, doc_id: str) -> list[Fact]:
        return [fact for fact in self.facts if fact.doc_id == doc_id]


def read_version(directory: Path) -> str:
    path = directory / VERSION_FILE
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", str(path)) from None


def content_hash(version: str, documents: list[Document], facts: list[Fact], aliases_raw: dict) -> str:
    """sha256 over the gold's meaning: version, article texts and dates, facts and aliases.

    Independent of file formatting and line order.
    """
    payload = {
        "version": version,
        "documents": sorted((doc.id, hashlib.sha256(doc.text.encode()).hexdigest(), str(doc.published)) for doc in documents),
        "facts": sorted(json.dumps(fact.to_dict(), sort_keys=True, ensure_ascii=False) for fact in facts),
        "aliases": aliases_raw,
    }
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return "sha256:" + hashlib.sha256(blob).hexdigest()


def read_aliases(path: str | Path) -> AliasTable:
    """The alias table in a JSON file such as ``gold/aliases.json``."""
    raw = read_json(path)
    if not isinstance(raw, dict):
        raise InputError("expected a JSON object of alias tables", str(path))
    return AliasTable.from_json(raw)


def gold_problems(directory: Path | None = None, seeds: Path | None = None) -> tuple[list[Problem], Gold | None]:
    """Check the gold set in ``directory``; returns its problems and, when there are none, the Gold."""
    directory = directory or gold_dir()
    try:
        documents = load_seeds(seeds or seeds_dir())
        aliases_raw = read_json(directory / ALIASES_FILE)
        aliases = AliasTable.from_json(aliases_raw)
        version = read_version(directory)
    except InputError as error:
        return [Problem.from_error(error)], None
    texts = {doc.id: doc.text for doc in documents}
    facts, problems = [], []
    for item in check_fact_records(directory / FACTS_FILE, "fact", texts, aliases):
        (problems if isinstance(item, Problem) else facts).append(item)
    if problems:
        return problems, None
    gold = Gold(version, content_hash(version, documents, facts, aliases_raw), tuple(documents), tuple(facts), aliases)
    return [], gold


def load_gold(directory: Path | None = None, seeds: Path | None = None) -> Gold:
    """Load and verify the gold set (the bundled one by default); the first problem is raised."""
    problems, gold = gold_problems(directory, seeds)
    if problems:
        first = problems[0]
        raise InputError(first.message, first.file, first.line, first.field)
    return gold


def gold_statistics(gold: Gold) -> list[dict]:
    """Per document and in total: mentions and distinct facts of each type."""
    rows = []
    for doc in (*gold.documents, None):
        facts = [f for f in gold.facts if doc is None or f.doc_id == doc.id]
        mentions = Counter(f.type for f in facts)
        distinct = Counter(key[1] for key in {fact_key(f, gold.aliases) for f in facts})
        rows.append({
            "doc_id": doc.id if doc else "total",
            **{t: (mentions[t], distinct[t]) for t in FACT_TYPES},
        })
    return rows
