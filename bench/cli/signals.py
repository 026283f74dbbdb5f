"""Ctrl-C, SIGTERM and SIGHUP end any command within 2 s, leaving no partial file and no worker behind.

The first signal raises :class:`~bench.errors.Interrupted` in the main thread: the
run unwinds, temporary files are removed, workers are killed, and bench exits
``128 + signum`` (130, 143, 129). Should the unwinding not finish in time (an
extractor swallowed the exception, a thread is stuck in a read), a watchdog
does the same cleaning and exits anyway.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from bench.data.jsonl import remove_pending
from bench.errors import Interrupted
from bench.extraction.guard import hard_exit

SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
GRACE = 1.5  # seconds the run has to unwind by itself
MESSAGE = "interrupted: nothing was written"

_received: list[int] = []


def _kill_children() -> None:
    import multiprocessing

    for child in multiprocessing.active_children():
        child.kill()


def exit_now(signum: int) -> None:
    """Clean up what a run may leave, say so, and end the process without waiting for any thread."""
    remove_pending()
    _kill_children()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os.write(2, (MESSAGE + "\n").encode())
    hard_exit(128 + signum)


def _watchdog(signum: int) -> None:
    time.sleep(GRACE)
    exit_now(signum)


def _on_signal(signum: int, frame) -> None:
    if _received:
        return  # the watchdog is already counting down
    _received.append(signum)
    threading.Thread(target=_watchdog, args=(signum,), daemon=True).start()
    raise Interrupted(signum)


@contextmanager
def handled() -> Iterator[None]:
    """Install the handlers for the block (main thread only: elsewhere signals cannot be handled)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, _on_signal) for signum in SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
