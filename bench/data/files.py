"""Opening input files: a byte cap on every read, and regular files only, except for streamed inputs.

A gold set's files and articles, and every JSON file, must be regular files:
a FIFO (which would wait for a writer forever) or a device (``/dev/zero``
never ends) is refused before it is read. Predictions and documents given on
the command line may be streams (``<(...)``, a FIFO): they are read a line
at a time, each line under the same cap.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from bench.errors import InputError

MAX_LINE_ENV = "BENCH_MAX_LINE_BYTES"
DEFAULT_MAX_LINE = 64 * 2**20  # far above any article; memory stays bounded on endless input (/dev/zero)


def max_line_bytes() -> int:
    """The longest line (or whole file read at once) bench reads: $BENCH_MAX_LINE_BYTES, default 64 MiB."""
    raw = os.environ.get(MAX_LINE_ENV, "")
    try:
        return int(raw) if raw else DEFAULT_MAX_LINE
    except ValueError:
        raise InputError(f"expected a number of bytes, got {raw!r}", field=MAX_LINE_ENV) from None


def _cannot_read(exc: OSError, path: str | Path) -> InputError:
    return InputError(f"cannot read: {exc.strerror or exc}", str(path))


def open_binary(path: str | Path) -> BinaryIO:
    """Open a file to read as a stream, with a one-line error naming it.

    A FIFO blocks until something writes to it: bench says so on stderr rather than wait in silence.
    """
    try:
        if stat.S_ISFIFO(os.stat(path).st_mode):
            print(f"{path}: a FIFO; waiting for something to write to it", file=sys.stderr, flush=True)
        return open(path, "rb")
    except OSError as exc:
        raise _cannot_read(exc, path) from None


def _not_regular(mode: int) -> str | None:
    """Why a file of this mode is not read whole, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "is a FIFO (named pipe): bench reads regular files only, it would wait forever"
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device: bench reads regular files only"
    return "is not a regular file: bench reads regular files only"


def open_regular(path: str | Path) -> BinaryIO:
    """Open a regular file to read; a FIFO, device, folder or socket is refused in one line, never read.

    The file is checked with ``os.stat`` first, then again on what was opened
    (without blocking), so one swapped in meanwhile is refused too.
    """
    name = str(path)
    try:
        why = _not_regular(os.stat(path).st_mode)
        if why is None:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            why = _not_regular(os.fstat(fd).st_mode)
            if why is None:
                return os.fdopen(fd, "rb")
            os.close(fd)
    except OSError as exc:
        raise _cannot_read(exc, path) from None
    raise InputError(why, name)


def read_capped(path: str | Path) -> bytes:
    """The bytes of a regular file, refused when longer than $BENCH_MAX_LINE_BYTES (64 MiB by default).

    At most the cap plus one byte is read, whatever the file holds.
    """
    limit = max_line_bytes()
    with open_regular(path) as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise _cannot_read(exc, path) from None
    if len(data) > limit:
        raise InputError(f"longer than {limit} bytes; raise the limit with {MAX_LINE_ENV}=N", str(path))
    return data
