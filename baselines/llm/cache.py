"""Answers kept on disk, so a rerun of the same prompt on the same text costs no request.

The key is a sha256 over the endpoint, the model, the prompt version, the
text's own sha256 and the published date (which the prompt states). Only
answers that parsed are stored, with what asking cost (tokens); the raw answer
is kept, so a change in grounding or validation applies to cached answers too.

The cache folder itself is the user's choice and may be reached through a
symbolic link; nothing inside it is: a fan-out folder or an entry that is a
symbolic link is never followed, an entry is written to a new file in the same
folder and renamed over the old one (never written through), and only regular
files up to ``$BENCH_MAX_LINE_BYTES`` (64 MiB) are read. An entry that cannot
be used (a link, a FIFO, a folder, too big, not JSON, nested too deep, not an
answer) is a miss: the document is asked again and the entry replaced. The
first such entry of a run, and the first answer that cannot be written, are
said in one line on stderr; the run goes on.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import secrets
import stat
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from baselines.llm.client import LLMConfigError
from baselines.llm.usage import Usage
from bench.data.documents import Document
from bench.data.jsonl import MAX_LINE_ENV, max_line_bytes

CACHE_ENV = "BENCH_LLM_CACHE_DIR"


def default_cache_dir() -> Path:
    """``$BENCH_LLM_CACHE_DIR``, else ``$XDG_CACHE_HOME/factbench/llm``, else ``~/.cache/factbench/llm``."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "factbench" / "llm"


def cache_key(endpoint: str, model: str, prompt_version: str, document: Document) -> str:
    published = document.published.isoformat() if document.published else None
    parts = {
        "endpoint": endpoint,
        "model": model,
        "prompt_version": prompt_version,
        "text_sha256": hashlib.sha256(document.text.encode("utf-8")).hexdigest(),
        "published": published,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class CachedAnswer:
    """A stored answer and the tokens it cost when it was asked (unknown for entries older than usage keeping)."""

    content: str
    usage: Usage


class Unusable(Exception):
    """A cache entry that is there but cannot be used; the message says why."""


class AnswerCache:
    """One JSON file per key under ``directory`` (two-level fan-out).

    Raises:
        LLMConfigError: at once, when ``directory`` (or its nearest existing parent) is not a folder.
    """

    def __init__(self, directory: str | Path):
        self.directory = Path(directory)
        _check_folder(self.directory)
        self.max_bytes = max_line_bytes()
        self._said: set[str] = set()
        self._lock = threading.Lock()

    def path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> CachedAnswer | None:
        """The stored answer; None when absent or unusable (then it is asked again)."""
        try:
            record = _decoded(self._read(key))
            if not isinstance(record, dict) or record.get("key") != key or not isinstance(record.get("content"), str):
                raise Unusable("not a cached answer")
        except FileNotFoundError:
            return None
        except (Unusable, OSError) as error:
            self.unusable(key, _reason(error))
            return None
        return CachedAnswer(record["content"], Usage.from_dict(record.get("usage")))

    def put(self, key: str, content: str, usage: Usage) -> None:
        """Keep an answer; when it cannot be written the run goes on without it (said once on stderr)."""
        record = {"key": key, "content": content, "usage": usage.to_dict()}
        data = json.dumps(record, ensure_ascii=False).encode("utf-8")
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            with _folder(self.directory) as root:
                with suppress(FileExistsError):
                    os.mkdir(key[:2], dir_fd=root)
                with _folder(key[:2], root) as fan:
                    _replace(fan, f"{key}.json", data)
        except OSError as error:
            self._say_once("write", f"warning: {self.path(key)}: cannot keep the LLM answer in the cache "
                                    f"({_reason(error)}); the run goes on without it (reported once)")

    def unusable(self, key: str, reason: str) -> None:
        """Say, once per run, that an entry was unusable and its document asked again."""
        self._say_once("read", f"warning: {self.path(key)}: unusable LLM cache entry ({reason}); "
                               "asked again, like any other unusable entry this run (reported once)")

    def _read(self, key: str) -> bytes:
        """The entry's bytes: a regular file, no link followed, at most :attr:`max_bytes`."""
        with _folder(self.directory) as root, _folder(key[:2], root) as fan:
            fd = os.open(f"{key}.json", os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=fan)
            try:
                info = os.fstat(fd)
                if not stat.S_ISREG(info.st_mode):
                    raise Unusable("a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file")
                if info.st_size > self.max_bytes:
                    raise Unusable(f"over {self.max_bytes} bytes; raise the limit with {MAX_LINE_ENV}=N")
                with open(fd, "rb", closefd=False) as handle:
                    return handle.read(self.max_bytes)  # a file grown since is cut short, and so not JSON
            finally:
                os.close(fd)

    def _say_once(self, kind: str, line: str) -> None:
        with self._lock:
            if kind in self._said:
                return
            self._said.add(kind)
        print(line, file=sys.stderr, flush=True)


def _check_folder(directory: Path) -> None:
    """``directory``, or else its nearest existing parent, is a folder (links followed: the path is the user's)."""
    for path in (directory, *directory.parents):
        if path.exists():
            if not path.is_dir():
                raise LLMConfigError(f"cache_dir {directory}: {path} is not a folder "
                                     f"(choose another with --param cache_dir=DIR or ${CACHE_ENV})")
            return


@contextmanager
def _folder(name: str | Path, parent: int | None = None) -> Iterator[int]:
    """An open folder: ``name`` under the folder ``parent`` is never a symbolic link; a top folder may be."""
    flags = os.O_RDONLY | os.O_DIRECTORY | (os.O_NOFOLLOW if parent is not None else 0)
    fd = os.open(name, flags, dir_fd=parent)
    try:
        yield fd
    finally:
        os.close(fd)


def _replace(folder: int, name: str, data: bytes) -> None:
    """Write ``data`` to a new file in ``folder``, then rename it to ``name``: a link there is replaced, not followed."""
    temporary = f".{name}.{secrets.token_hex(4)}.tmp"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666, dir_fd=folder)
    try:
        with open(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary, dir_fd=folder)
        raise


def _decoded(raw: bytes):
    try:
        return json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        raise Unusable("not JSON, or nested too deep") from None


def _reason(error: Exception) -> str:
    if isinstance(error, OSError):
        if error.errno == errno.ELOOP:
            return "a symbolic link, not followed"
        if error.errno == errno.ENOTDIR:
            return "a symbolic link or a file in place of its folder, not followed"
        return error.strerror or str(error)
    return str(error)
