"""Reading JSON Lines with errors that name the line, and atomic writes."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from bench.errors import InputError


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def parse_json_line(raw: bytes, path: str, line_no: int) -> Any:
    """Decode one line of a JSONL file; any problem is an :class:`InputError` naming the line."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 (byte {exc.start})", path, line_no) from None
    if line_no == 1 and text.startswith("\ufeff"):
        text = text[1:]
    try:
        value = json.loads(text, parse_constant=_reject_constant)
    except (json.JSONDecodeError, ValueError, RecursionError) as exc:
        message = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        raise InputError(f"invalid JSON: {message}", path, line_no) from None
    if "\\ud" in text.lower():
        _refuse_lone_surrogates(value, path, line_no)
    return value


def _refuse_lone_surrogates(value: Any, path: str, line_no: int | None) -> None:
    """Escapes like ``\\ud800`` can encode half a character, which no UTF-8 file can hold."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise InputError("a string holds a lone surrogate (\\ud800-\\udfff), not valid Unicode", path, line_no) from None


def open_binary(path: str | Path) -> BinaryIO:
    """Open a file to read its bytes, with a one-line error naming it."""
    try:
        return open(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", str(path)) from None


def iter_jsonl(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line number, record)`` for each non-blank line; every record must be an object."""
    name = str(path)
    with open_binary(path) as handle:
        for line_no, raw in enumerate(handle, 1):
            if line_no == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            record = parse_json_line(raw, name, line_no)
            if not isinstance(record, dict):
                raise InputError(f"expected a JSON object, got {type(record).__name__}", name, line_no)
            yield line_no, record


def read_json(path: str | Path) -> Any:
    """Read a whole JSON file, with a one-line error when it cannot be parsed."""
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", name) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 (byte {exc.start})", name) from None
    try:
        value = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", name, exc.lineno) from None
    except (ValueError, RecursionError) as exc:
        raise InputError(f"invalid JSON: {exc}", name) from None
    if "\\ud" in text.lower():
        _refuse_lone_surrogates(value, name, None)
    return value


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path in the same folder as ``path``, renamed onto it when the block succeeds.

    On any exception (Ctrl-C included) the temporary file is removed and
    ``path`` is left as it was: no partial file ever appears under its name.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_writer(path: str | Path) -> Iterator[TextIO]:
    """Open ``path`` for writing text atomically (see :func:`atomic_path`)."""
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as handle:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())


def write_text_atomic(path: str | Path, text: str) -> None:
    with atomic_writer(path) as handle:
        handle.write(text)
