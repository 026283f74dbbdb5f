"""The hand-labeled gold set: articles, mentions, aliases, version and content hash."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.data.documents import MANIFEST, Document, ManifestRecord, load_document_set
from bench.data.files import read_capped
from bench.data.jsonl import read_json
from bench.data.resources import gold_dir, seeds_dir
from bench.data.schema import schema_problems
from bench.data.shapes import ALIAS_TABLES, aliases_ok
from bench.data.validate import Problem, check_fact_records
from bench.errors import BenchError, InputError
from bench.facts import FACT_TYPES, Fact, GoldMention
from bench.normalize.aliases import AliasTable, alias_conflicts, fact_key

FACTS_FILE = "facts.jsonl"
ALIASES_FILE = "aliases.json"
VERSION_FILE = "VERSION"
DOCUMENTS_DIR = "documents"
PARTS = (VERSION_FILE, ALIASES_FILE, FACTS_FILE, f"{DOCUMENTS_DIR}/{MANIFEST}")


@dataclass(frozen=True, slots=True)
class Gold:
    """Everything a score is computed against; ``hash`` identifies it in every results file.

    ``unreviewed`` holds the id and facts.jsonl line of each pre-labelled fact nobody has checked yet.
    """

    version: str
    hash: str
    documents: tuple[Document, ...]
    facts: tuple[GoldMention, ...]
    aliases: AliasTable
    manifest: tuple[ManifestRecord, ...] = ()
    unreviewed: tuple[tuple[str, int], ...] = ()
    facts_file: str = ""
    _by_doc: dict = field(default_factory=dict, init=False, compare=False, repr=False)  # not copied by replace()

    def facts_of(self, doc_id: str) -> list[GoldMention]:
        if not self._by_doc:  # built once, on first use: thousands of documents stay linear
            for fact in self.facts:
                self._by_doc.setdefault(fact.doc_id, []).append(fact)
        return list(self._by_doc.get(doc_id, ()))


def documents_dir(directory: Path) -> Path:
    """Where a gold set's articles are: ``DIR/documents``; for the bundled articles set, the ``seeds/`` beside it.

    The seeds stay where they are (published byte for byte with their hashes),
    so the articles set reads them as its documents. It is known by its layout,
    a ``gold/`` without ``documents/`` next to a ``seeds/`` with a manifest, so
    that any copy of it works: the installed one, or a checkout's under any install.
    """
    own = directory / DOCUMENTS_DIR
    beside = directory.resolve().parent / seeds_dir().name
    articles = directory.resolve().name == gold_dir().name and not own.exists() and (beside / MANIFEST).is_file()
    return beside if articles else own


# semver.org's pattern, with ASCII digits only (\d would take any Unicode digit)
_NUMBER, _WORD = r"(?:0|[1-9][0-9]*)", r"(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)"
SEMVER = re.compile(rf"{_NUMBER}\.{_NUMBER}\.{_NUMBER}(?:-{_WORD}(?:\.{_WORD})*)?(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?")


def read_version(directory: Path) -> str:
    """The set's version: ``VERSION`` holds one line, a SemVer version (``MAJOR.MINOR.PATCH``), and nothing else.

    It heads every table and results file and the dataset card's front matter, so no free text gets through.
    """
    path = str(directory / VERSION_FILE)
    data = read_capped(path)
    try:
        text = data.decode("utf-8").removesuffix("\n").removesuffix("\r")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 (byte {exc.start})", path, field="version") from None
    if not text:
        raise InputError("empty: expected one line holding a version such as 0.1.0", path, field="version")
    lines = text.splitlines()
    if len(lines) > 1:
        raise InputError(f"{len(lines)} lines: expected one line holding a version such as 0.1.0", path, field="version")
    if not SEMVER.fullmatch(text):
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise InputError(f"{shown!r} is not a SemVer version (MAJOR.MINOR.PATCH, such as 0.1.0 or 1.0.0-rc.1)",
                         path, field="version")
    return text


def content_hash(version: str, documents: Sequence[Document], facts: Iterable[Fact], aliases_raw: dict) -> str:
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


def alias_problems(raw: Any, path: str) -> list[Problem]:
    """What is wrong with an alias table read from ``path``: its shape (the first schema error), else every
    name that folds to nothing or like a name of another canonical entry, each naming its table."""
    if not aliases_ok(raw):
        field, message = schema_problems(raw, "aliases")[0]
        return [Problem(path, None, field, message)]
    return [Problem(path, None, kind, message) for kind, message in alias_conflicts({k: raw[k] for k in ALIAS_TABLES})]


def read_aliases(path: str | Path) -> AliasTable:
    """The alias table in a JSON file such as ``gold/aliases.json``; the first problem is raised."""
    raw = read_json(path)
    problems = alias_problems(raw, str(path))
    if problems:
        raise InputError(problems[0].message, problems[0].file, field=problems[0].field)
    return AliasTable.from_json(raw)


def missing_parts(directory: Path) -> list[Problem]:
    """One problem per part of a gold set that ``directory`` lacks (one that is there but no regular file is
    refused when read, saying what it is)."""
    if not directory.is_dir():
        return [Problem(str(directory), None, "directory", "no such gold directory")]
    docs = documents_dir(directory)
    paths = [directory / VERSION_FILE, directory / ALIASES_FILE, directory / FACTS_FILE, docs / MANIFEST]
    return [Problem(str(path), None, "file", f"missing: a gold set holds {', '.join(PARTS)}")
            for path in paths if not path.exists()]


def _unreviewed_problem(path: str, line: int) -> Problem:
    return Problem(path, line, "reviewed", 'pre-labelled fact not reviewed yet: check it, then delete "reviewed": false')


def gold_problems(directory: Path | None = None) -> tuple[list[Problem], Gold | None]:
    """Check the gold set in ``directory``; returns its problems and, unless one is more than an
    unreviewed fact, the Gold. Each unreviewed fact is a problem of its own."""
    directory = directory or gold_dir()
    problems = missing_parts(directory)
    if problems:
        return problems, None
    docs = documents_dir(directory)
    try:
        manifest, documents = load_document_set(docs)
        if not documents:
            raise InputError("lists no documents: a gold set needs at least one", str(docs / MANIFEST), field="file")
        aliases_raw = read_json(directory / ALIASES_FILE)
        version = read_version(directory)
    except BenchError as error:
        return [Problem.from_error(error)], None
    problems = alias_problems(aliases_raw, str(directory / ALIASES_FILE))
    if problems:
        return problems, None
    aliases = AliasTable.from_json(aliases_raw)
    texts = {doc.id: doc.text for doc in documents}
    facts: list[GoldMention] = []
    unreviewed: list[tuple[str, int]] = []
    facts_path = directory / FACTS_FILE
    for item in check_fact_records(facts_path, "fact", texts, aliases, unreviewed):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            facts.append(item)
    if problems:
        return problems, None
    gold = Gold(version, content_hash(version, documents, facts, aliases_raw), tuple(documents), tuple(facts), aliases,
                tuple(manifest), tuple(unreviewed), str(facts_path))
    return [_unreviewed_problem(str(facts_path), line) for _, line in unreviewed], gold


def load_gold(directory: Path | None = None) -> Gold:
    """Load and verify the gold set (the bundled one by default); the first problem is raised.

    Unreviewed pre-labels are no problem here (they can be shown and compared);
    :func:`require_reviewed` guards scoring.
    """
    problems, gold = gold_problems(directory)
    if gold is None:
        first = problems[0]
        raise InputError(first.message, first.file, first.line, first.field)
    return gold


def require_reviewed(gold: Gold) -> Gold:
    """``gold``, refused when it still holds unreviewed pre-labels: a score against them would mean nothing."""
    if gold.unreviewed:
        lines = ", ".join(str(line) for _, line in gold.unreviewed[:5]) + (", …" if len(gold.unreviewed) > 5 else "")
        count = len(gold.unreviewed)
        raise InputError(f"{count} fact{'s' if count > 1 else ''} not reviewed yet (line{'s' if count > 1 else ''} {lines}); "
                         f"review them (bench gold show {Path(gold.facts_file).parent} -o review.html), "
                         "delete each \"reviewed\": false, then score",
                         gold.facts_file, gold.unreviewed[0][1], "reviewed")
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
