"""Reading JSON Lines with errors that name the line, and atomic writes."""

from __future__ import annotations

import codecs
import json
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from bench.data.files import MAX_LINE_ENV, max_line_bytes, open_binary, open_regular, read_capped
from bench.errors import InputError


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


_DECODER = json.JSONDecoder(parse_constant=_reject_constant)  # built once: json.loads with an option builds one per call


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object whose keys are all distinct: with a repeated key, which value counts would be a guess."""
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        repeated = next(key for key in keys if keys.count(key) > 1)
        raise ValueError(f"duplicate key {repeated!r}")
    return dict(pairs)


def parse_json_line(raw: bytes, path: str, line_no: int) -> Any:
    """Decode one line of a JSONL file; any problem is an :class:`InputError` naming the line."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 (byte {exc.start})", path, line_no) from None
    if line_no == 1 and text.startswith("\ufeff"):
        text = text[1:]
    try:
        if text.startswith("\ufeff"):  # what json.loads says, which the decoder alone does not check
            raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
        value = _DECODER.decode(text)
    except (json.JSONDecodeError, ValueError, RecursionError) as exc:
        message = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        raise InputError(f"invalid JSON: {message}", path, line_no) from None
    if b"\\ud" in raw or b"\\uD" in raw:  # JSON's escapes are \u, never \U; ASCII bytes are searched faster
        _refuse_lone_surrogates(value, path, line_no)
    return value


def _refuse_lone_surrogates(value: Any, path: str, line_no: int | None) -> None:
    """Escapes like ``\\ud800`` can encode half a character, which no UTF-8 file can hold."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise InputError("a string holds a lone surrogate (\\ud800-\\udfff), not valid Unicode", path, line_no) from None


def _too_long(path: str, line: int | None, limit: int) -> InputError:
    return InputError(f"longer than {limit} bytes without a line break; raise the limit with {MAX_LINE_ENV}=N",
                      path, line)


def _lines(handle: BinaryIO, path: str, limit: int) -> Iterator[bytes]:
    """The file's lines, none longer than ``limit`` bytes (or an error naming the line)."""
    line_no = 0
    while raw := handle.readline(limit + 1):
        line_no += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            raise _too_long(path, line_no, limit)
        yield raw


def iter_lines(path: str | Path, stream: bool = False) -> Iterator[tuple[int, bytes]]:
    """Yield ``(line number, bytes)`` for each non-blank line, a leading byte-order mark dropped.

    With ``stream``, the file may be a FIFO or a device (predictions or documents
    given on the command line); otherwise it must be a regular file.
    """
    name = str(path)
    limit = max_line_bytes()
    with open_binary(path) if stream else open_regular(path) as handle:
        for line_no, raw in enumerate(_lines(handle, name, limit), 1):
            if line_no == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if raw.strip():
                yield line_no, raw


def parse_record(raw: bytes, path: str, line_no: int) -> dict[str, Any]:
    """Decode one line that must hold a JSON object; any problem is an :class:`InputError` naming the line."""
    record = parse_json_line(raw, path, line_no)
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}", path, line_no)
    return record


def iter_jsonl(path: str | Path, stream: bool = False) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line number, record)`` for each non-blank line; every record must be an object.

    ``stream``: the file may be a FIFO or a device, as in :func:`iter_lines`.
    """
    name = str(path)
    for line_no, raw in iter_lines(path, stream):
        yield line_no, parse_record(raw, name, line_no)


def read_json(path: str | Path) -> Any:
    """Read a whole JSON file (a regular file, at most the cap), with a one-line error when it cannot be parsed."""
    name = str(path)
    raw = read_capped(path)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 (byte {exc.start})", name) from None
    try:
        value = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", name, exc.lineno) from None
    except (ValueError, RecursionError) as exc:
        raise InputError(f"invalid JSON: {exc}", name) from None
    if "\\ud" in text or "\\uD" in text:  # JSON's escapes are \u, never \U: no need to lower the whole file
        _refuse_lone_surrogates(value, name, None)
    return value


_pending: set[Path] = set()  # temporary files not yet renamed into place


def remove_pending() -> None:
    """Remove every temporary file of a write still under way (a forced exit on a signal)."""
    for tmp in list(_pending):
        tmp.unlink(missing_ok=True)


def _write_error(exc: OSError, path: str | Path) -> InputError:
    return InputError(f"cannot write: {exc.strerror or exc}", str(path))


def _make_parents(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; returns those this call created, deepest first.

    A folder that another writer creates meanwhile (threads caching answers side by side) is used as it is.
    """
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    created: list[Path] = []
    for parent in reversed(missing):
        try:
            parent.mkdir()
        except FileExistsError:
            continue
        created.insert(0, parent)
    return created


def current_umask() -> int:
    """The process's umask (POSIX reads it only by setting it)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _new_file_mode(target: Path) -> int:
    """An overwritten file keeps its mode; a new one gets what the umask allows, as ``open`` would give."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def _is_write_failure(exc: OSError, *paths: Path) -> bool:
    """A failure of the write itself (no file named, as for ENOSPC) or on the paths being written."""
    return exc.filename is None or str(exc.filename) in {str(p) for p in paths}


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path in the same folder as ``path``, renamed onto it when the block succeeds.

    On any exception (Ctrl-C included) the temporary file and any folder made
    for it are removed and ``path`` is left as it was: no partial file ever
    appears under its name. A symlink is written through (the link stays, the
    file it names is replaced); a device or FIFO (``/dev/stdout``) is written
    in place. A failed write is an :class:`InputError` naming ``path``.
    """
    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise InputError("cannot write: it is a folder", str(path))
    if target.exists() and not target.is_file():
        try:
            yield target
        except OSError as exc:
            if _is_write_failure(exc, target):
                raise _write_error(exc, path) from None
            raise
        return
    try:
        made = _make_parents(target.parent)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise _write_error(exc, path) from None
    tmp = Path(name)
    _pending.add(tmp)
    try:
        os.chmod(tmp, _new_file_mode(target))
        yield tmp
        os.replace(tmp, target)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        for folder in made:
            with suppress(OSError):
                folder.rmdir()
        if isinstance(exc, OSError) and _is_write_failure(exc, tmp, target):
            raise _write_error(exc, path) from None
        raise
    finally:
        _pending.discard(tmp)


def _replacement_character(error: UnicodeError) -> tuple[bytes, int]:
    """U+FFFD for each character UTF-8 cannot encode (given as bytes: the codec takes only ASCII text back)."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return "\ufffd".encode() * (error.end - error.start), error.end


_UNENCODABLE = "bench.replacement_character"
codecs.register_error(_UNENCODABLE, _replacement_character)


@contextmanager
def atomic_writer(path: str | Path) -> Iterator[TextIO]:
    """Open ``path`` for writing UTF-8 text atomically (see :func:`atomic_path`).

    A file name that is not UTF-8 reaches Python as lone surrogates (``\udcff``),
    which no UTF-8 text can hold: where a page or table shows one, it is written
    as U+FFFD, the replacement character.
    """
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", errors=_UNENCODABLE, newline="\n") as handle:
        yield handle
        handle.flush()
        if tmp.is_file():
            os.fsync(handle.fileno())


def write_text_atomic(path: str | Path, text: str) -> None:
    with atomic_writer(path) as handle:
        handle.write(text)
