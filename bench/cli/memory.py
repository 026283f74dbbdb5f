"""Running out of memory is one line, exit 2, as bad input is: the input is too large for the memory bench may use.

A ``MemoryError`` unwinds the command. On the way, a generator it closes (a
file being read line by line) may run out again, and Python would print that
as an "Exception ignored" traceback. While a command runs, such reports are
held: dropped when the command ends out of memory, since its one line says
what happened, and printed when it ends otherwise.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from bench.errors import BenchError


def _ignored(unraisable) -> str:
    """What Python would have said of an exception it ignored, in short (formatting may run out of memory too)."""
    try:
        return f"{unraisable.err_msg or 'Exception ignored in'}: {unraisable.object!r}: MemoryError"
    except MemoryError:
        return "Exception ignored: MemoryError"


@contextmanager
def one_line(command: Callable[[], str]) -> Iterator[None]:
    """For the block, a ``MemoryError`` becomes a :class:`~bench.errors.BenchError` naming ``command()``."""
    held: list[str] = []
    hook = sys.unraisablehook

    def hold(unraisable) -> None:
        if isinstance(unraisable.exc_value, MemoryError):
            held.append(_ignored(unraisable))
        else:
            hook(unraisable)

    sys.unraisablehook = hold
    try:
        yield
    except MemoryError as error:
        traceback.clear_frames(error.__traceback__)  # free what the unwound frames still hold: the line needs a little
        held.clear()
        raise BenchError(f"out of memory: {command()} needs more memory for this input than this process may use") from None
    finally:
        sys.unraisablehook = hook
        for report in held:
            print(report, file=sys.stderr)
