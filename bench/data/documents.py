"""Documents: the shipped seed articles (hash-checked) and user JSONL corpora."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.data.files import read_capped
from bench.data.jsonl import iter_jsonl, iter_lines, parse_record
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

    def __reduce__(self) -> tuple:
        """Pickled as a constructor call: 40% cheaper than a frozen dataclass's default, paid per document sent to a worker."""
        return Document, (self.id, self.text, self.published)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Document:
        published = raw.get("published")
        return cls(raw["id"], raw["text"], dt.date.fromisoformat(published) if published else None)


@dataclass(frozen=True, slots=True)
class ManifestRecord:
    """One manifest line: an article's file, the sha256 of its bytes, its date and, where known, its source."""

    id: str
    file: str
    sha256: str
    published: str | None
    outlet: str | None = None
    title: str | None = None
    published_basis: str | None = None
    published_note: str | None = None
    source_url: str | None = None
    source_document: str | None = None
    license: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The manifest line: the four required fields, the others only when known."""
        out = {"id": self.id, "file": self.file, "sha256": self.sha256, "published": self.published}
        optional = {"outlet": self.outlet, "title": self.title,
                    "published_basis": self.published_basis, "published_note": self.published_note,
                    "source_url": self.source_url, "source_document": self.source_document, "license": self.license}
        return out | {key: value for key, value in optional.items() if value is not None}


def manifest_lines(directory: Path) -> list[tuple[int, ManifestRecord]]:
    """``(line number, record)`` for each line of ``DIRECTORY/manifest.jsonl``; ids must be unique."""
    path = directory / MANIFEST
    name, records = str(path), []
    first_line: dict[str, int] = {}
    for line_no, raw in iter_jsonl(path):
        if not record_ok(raw, "manifest"):
            check_record(raw, "manifest", name, line_no)
        if raw["id"] in first_line:
            raise InputError(f"duplicate document id {raw['id']!r} (first at line {first_line[raw['id']]})", name, line_no, "id")
        first_line[raw["id"]] = line_no
        records.append((line_no, ManifestRecord(**raw)))
    return records


def load_manifest(directory: Path | None = None) -> list[ManifestRecord]:
    """The records of ``DIRECTORY/manifest.jsonl`` (the bundled seeds' by default)."""
    return [record for _, record in manifest_lines(directory or seeds_dir())]


def _article_path(directory: Path, record: ManifestRecord, where: tuple[str, int]) -> Path:
    """Where the article's bytes are, symbolic links followed; refused unless that is inside ``directory``.

    The error never names a link's target: what lies outside the set is not the set's to show.
    """
    parts = record.file.replace("\\", "/").split("/")
    if os.path.isabs(record.file) or ".." in parts:
        raise InputError(f"{record.file!r} must name a file inside {directory}", *where, "file")
    real = Path(os.path.realpath(directory / record.file))
    if not real.is_relative_to(os.path.realpath(directory)):
        raise InputError(f"{record.file!r} is a symbolic link that leads out of {directory}; "
                         "a gold set's articles must be inside it", *where, "file")
    return real


def read_article(directory: Path, record: ManifestRecord, line_no: int) -> Document:
    """The article a manifest line names, refused when its bytes no longer match the recorded sha256."""
    where = (str(directory / MANIFEST), line_no)
    path, real = directory / record.file, _article_path(directory, record, where)
    try:
        data = read_capped(real)
    except InputError as error:
        raise InputError(f"{path}: {error.message}", *where, "file") from None
    digest = hashlib.sha256(data).hexdigest()
    if digest != record.sha256:
        raise IntegrityError(f"{path} has sha256 {digest[:12]}…, not the manifest's {record.sha256[:12]}… (the article changed)",
                             *where, "sha256")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8 (byte {exc.start})", *where, "file") from None
    try:
        published = dt.date.fromisoformat(record.published) if record.published else None
    except ValueError:
        raise InputError(f"{record.published!r} is not a calendar date", *where, "published") from None
    return Document(record.id, text, published)


def load_document_set(directory: Path) -> tuple[list[ManifestRecord], list[Document]]:
    """The manifest and its articles, in manifest order, each verified against its sha256."""
    lines = manifest_lines(directory)
    return [record for _, record in lines], [read_article(directory, record, line_no) for line_no, record in lines]


def load_seeds(directory: Path | None = None) -> list[Document]:
    """The bundled articles (or those of ``directory``), in manifest order, each verified against its hash."""
    return load_document_set(directory or seeds_dir())[1]


@dataclass(frozen=True, slots=True)
class DocumentLine:
    """A line of a documents file, still undecoded: what a run's worker processes are sent, to decode there."""

    path: str
    line_no: int
    raw: bytes

    def __reduce__(self) -> tuple:
        """Pickled as a constructor call, as :class:`Document` is."""
        return DocumentLine, (self.path, self.line_no, self.raw)

    def decode(self) -> Document:
        """The line's document; a problem is an :class:`InputError` naming the file, line and field."""
        return _decode_line(self.raw, self.path, self.line_no)


def _decode_line(line: bytes, path: str, line_no: int) -> Document:
    raw = parse_record(line, path, line_no)
    if not record_ok(raw, "document"):
        check_record(raw, "document", path, line_no)
    try:
        return Document.from_dict(raw)
    except ValueError:
        raise InputError(f"{raw['published']!r} is not a calendar date", path, line_no, "published") from None


@dataclass(slots=True)
class UniqueIds:
    """The document ids of a file seen so far: a repeated one is an error naming its line."""

    path: str
    seen: set[str] = field(default_factory=set)

    def check(self, doc_id: str, line_no: int) -> None:
        if doc_id in self.seen:
            raise InputError(f"duplicate document id {doc_id!r}", self.path, line_no, "id")
        self.seen.add(doc_id)


@dataclass(frozen=True, slots=True)
class DocumentFile:
    """A JSONL file of ``{id, text, published?}`` records, whose documents are read as they are iterated.

    A run with worker processes sends its :meth:`lines` instead, so that the
    JSON is decoded in the workers and checked there line by line; the ids,
    which must be unique across the file, are then checked as the runs come back.
    """

    path: Path

    @property
    def name(self) -> str:
        return str(self.path)

    def lines(self) -> Iterator[DocumentLine]:
        for line_no, raw in iter_lines(self.path, stream=True):
            yield DocumentLine(self.name, line_no, raw)

    def __iter__(self) -> Iterator[Document]:
        ids = UniqueIds(self.name)
        for line_no, raw in iter_lines(self.path, stream=True):  # decoded here: no DocumentLine to build per line
            document = _decode_line(raw, self.name, line_no)
            ids.check(document.id, line_no)
            yield document


def iter_documents(path: str | Path) -> Iterator[Document]:
    """Stream documents from a JSONL file of ``{id, text, published?}`` records."""
    return iter(DocumentFile(Path(path)))
