"""Documents: the shipped seed articles (hash-checked) and user JSONL corpora."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.data.jsonl import iter_jsonl
from bench.data.resources import seeds_dir
from bench.data.schema import check_record
from bench.data.shapes import record_ok
from bench.errors import InputError, IntegrityError

MANIFEST = "manifest.jsonl"


@dataclass(frozen=True, slots=True)
class Document:
    """An article: its id, its text exactly as received, and its published date when known."""

    id: str
    text: str
    published: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "published": self.published.isoformat() if self.published else None}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Document":
        published = raw.get("published")
        return cls(raw["id"], raw["text"], dt.date.fromisoformat(published) if published else None)


@dataclass(frozen=True, slots=True)
class SeedRecord:
    """One manifest line: where a seed article came from and how its date was established."""

    id: str
    file: str
    outlet: str | None
    title: str | None
    sha256: str
    published: str
    published_basis: str
    published_note: str


def load_manifest(directory: Path | None = None) -> list[SeedRecord]:
    path = (directory or seeds_dir()) / MANIFEST
    records = []
    for line_no, raw in iter_jsonl(path):
        check_record(raw, "manifest", str(path), line_no)
        records.append(SeedRecord(**raw))
    return records


def read_seed_text(record: SeedRecord, directory: Path | None = None) -> str:
    """The article's text, refused when its bytes no longer match the recorded hash."""
    path = (directory or seeds_dir()) / record.file
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IntegrityError(f"cannot read article: {exc.strerror}", str(path)) from None
    digest = hashlib.sha256(data).hexdigest()
    if digest != record.sha256:
        raise IntegrityError(f"article changed: sha256 {digest[:12]}… differs from the manifest's {record.sha256[:12]}…", str(path))
    return data.decode("utf-8")


def load_seeds(directory: Path | None = None) -> list[Document]:
    """The five bundled articles, in manifest order, each verified against its hash."""
    return [
        Document(record.id, read_seed_text(record, directory), dt.date.fromisoformat(record.published))
        for record in load_manifest(directory)
    ]




def iter_documents(path: str | Path) -> Iterator[Document]:
    """Stream documents from a JSONL file of ``{id, text, published?}`` records."""
    name = str(path)
    seen: set[str] = set()
    for line_no, raw in iter_jsonl(path):
        if not record_ok(raw, "document"):
            check_record(raw, "document", name, line_no)
        if raw["id"] in seen:
            raise InputError(f"duplicate document id {raw['id']!r}", name, line_no, "id")
        seen.add(raw["id"])
        try:
            yield Document.from_dict(raw)
        except ValueError:
            raise InputError(f"{raw['published']!r} is not a calendar date", name, line_no, "published") from None
