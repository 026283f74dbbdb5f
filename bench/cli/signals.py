"""Ctrl-C, SIGTERM and SIGHUP end any command within 2 s, leaving no partial file and no worker behind.

The first signal raises :class:`~bench.errors.Interrupted` in the main thread: the
run unwinds, temporary files are removed, workers are killed, and bench exits
``128 + signum`` (130, 143, 129). Should the unwinding not finish in time (an
extractor swallowed the exception, a thread is stuck in a read), a watchdog
does the same cleaning and exits anyway.

A signal may land on any thread, and Python runs its handler in the main thread
only at its next instruction: a main thread blocked on a lock (waiting on a
worker's result) would never get there. So every signal also reaches a relay
thread through ``signal.set_wakeup_fd``; the relay starts the watchdog and sends
the signal on to the main thread, whose wait it breaks.

Workers lead process groups of their own, which are killed whole. While an
extractor runs in bench's own process, a watchdog process reads the wakeup fd
before the relay, for an extractor inside one long C call, where no thread of
bench runs at all (:mod:`bench.extraction.watchdog`).
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
from bench.extraction.watchdog import MESSAGE, SIGNALS, relaying

GRACE = 1.5  # seconds the run has to unwind by itself

_received: list[int] = []
_watching: list[int] = []
_STOP = b"\0"  # no signal's number


def _kill_children() -> None:
    """Kill the workers' process groups, whatever their extractors started, and any other child process."""
    import multiprocessing

    workers = sys.modules.get("bench.extraction.supervisor")  # none were started unless it was imported
    if workers is not None:
        workers.kill_all()
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


def _start_watchdog(signum: int) -> None:
    if not _watching:
        _watching.append(signum)
        threading.Thread(target=_watchdog, args=(signum,), daemon=True).start()


def _on_signal(signum: int, frame) -> None:
    if _received:
        return  # already unwinding (the relay sends each signal on once more)
    _received.append(signum)
    _start_watchdog(signum)
    raise Interrupted(signum)


def _relay(reader: int, main_thread: int) -> None:
    """For the first of ``SIGNALS`` caught by any thread: start the watchdog, and send it on to the main thread."""
    while True:
        data = os.read(reader, 64)  # a byte per signal caught, and _STOP when the block ends
        signum = next((signum for signum in data if signum in SIGNALS), None)
        if signum is not None:
            _start_watchdog(signum)
            signal.pthread_kill(main_thread, signum)
            return
        if _STOP[0] in data:
            return


@contextmanager
def _relayed() -> Iterator[None]:
    """For the block, the C handler of any thread writes each signal's number to a pipe the relay reads."""
    reader, writer = os.pipe()
    os.set_blocking(writer, False)
    previous = signal.set_wakeup_fd(writer, warn_on_full_buffer=False)
    relay = threading.Thread(target=_relay, args=(reader, threading.get_ident()), daemon=True)
    relay.start()
    try:
        with relaying(writer):
            yield
    finally:
        signal.set_wakeup_fd(previous)
        os.write(writer, _STOP)  # not closing: forked workers hold copies, and the end of file would wait on them
        relay.join()
        os.close(writer)
        os.close(reader)


@contextmanager
def handled() -> Iterator[None]:
    """Install the handlers, and the relay that brings them a signal any thread caught, for the block
    (main thread only: elsewhere signals cannot be handled)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, _on_signal) for signum in SIGNALS}
    try:
        with _relayed():
            yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
