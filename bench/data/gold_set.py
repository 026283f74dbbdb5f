"""Writing a new gold set: its articles with their manifest, a facts file and a starting alias table.

The whole directory appears at once (built beside it, then renamed), so an
interrupted ``bench gold init`` leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from bench.data.documents import MANIFEST, Document, ManifestRecord
from bench.data.gold import ALIASES_FILE, DOCUMENTS_DIR, FACTS_FILE, VERSION_FILE
from bench.data.jsonl import current_umask
from bench.errors import InputError

FIRST_VERSION = "0.1.0"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def article_file_name(index: int, doc_id: str) -> str:
    """A portable file name for a document: its position (unique whatever the id) and a readable slug.

    >>> article_file_name(7, "news/2024 July: Ünïcode")
    '0007_news_2024_July_n_code.txt'
    """
    slug = _UNSAFE.sub("_", doc_id).strip("._")[:60]
    return f"{index:04d}_{slug}.txt" if slug else f"{index:04d}.txt"


def check_new_directory(directory: Path) -> None:
    """Refuse a target that exists and is not an empty directory (nothing already there is ever changed), a
    symbolic link, and a path that cannot be a folder, being under a file."""
    if directory.is_symlink():
        raise InputError("is a symbolic link; give the path of the new folder itself", str(directory), field="DIR")
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise InputError("already exists and is not an empty directory; choose a new one", str(directory), field="DIR")
    above = next(parent for parent in directory.absolute().parents if parent.exists())
    if not above.is_dir():
        raise InputError(f"cannot be made: {above} is a file, not a folder", str(directory), field="DIR")


def _write_documents(folder: Path, documents: Sequence[Document]) -> None:
    folder.mkdir()
    lines = []
    for index, document in enumerate(documents, 1):
        name = article_file_name(index, document.id)
        data = document.text.encode("utf-8")
        (folder / name).write_bytes(data)
        published = document.published.isoformat() if document.published else None
        record = ManifestRecord(document.id, name, hashlib.sha256(data).hexdigest(), published)
        lines.append(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
    (folder / MANIFEST).write_text("".join(lines), encoding="utf-8")


def write_gold_set(directory: Path, documents: Sequence[Document], fact_records: Iterable[dict],
                   aliases_raw: dict, version: str = FIRST_VERSION) -> None:
    """Create the gold set ``directory``: documents/, facts.jsonl (one record a line), aliases.json, VERSION."""
    check_new_directory(directory)
    if not documents:
        raise InputError("no documents: a gold set needs at least one", str(directory), field="--docs")
    try:
        directory.parent.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", dir=directory.parent))
    except OSError as exc:
        raise InputError(f"cannot create: {exc.strerror or exc}", str(directory), field="DIR") from None
    try:
        os.chmod(building, 0o777 & ~current_umask())  # mkdtemp makes it private (0700); a folder made by mkdir would not be
        _write_documents(building / DOCUMENTS_DIR, documents)
        facts = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in fact_records)
        (building / FACTS_FILE).write_text(facts, encoding="utf-8")
        (building / ALIASES_FILE).write_text(json.dumps(aliases_raw, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        (building / VERSION_FILE).write_text(version + "\n", encoding="utf-8")
        if directory.exists():
            directory.rmdir()  # checked empty above
        os.rename(building, directory)
    except BaseException as exc:
        shutil.rmtree(building, ignore_errors=True)
        if isinstance(exc, OSError):
            raise InputError(f"cannot write: {exc.strerror or exc}", str(directory), field="DIR") from None
        raise
