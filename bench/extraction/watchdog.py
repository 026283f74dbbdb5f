"""A watchdog process for extractor code run in bench's own process, for a signal no Python code can answer.

A signal's handler runs between two Python instructions. An extractor inside
one long call into C (``sum(range(10**11))``) holds the interpreter: neither
the handler nor any thread of bench runs until the call returns. So while
extractor code runs in bench's process, with a command's signal handling on
(``bench.cli.signals``, whose relay reads the wakeup fd), a small child process
reads the wakeup fd first and passes every byte on to the relay. Should bench
still be alive :data:`DEADLINE` seconds after a signal, the child removes the
temporary file of any write under way, says so, and kills bench (SIGKILL: the
exit status is then that of a kill, not ``128 + the signal``).
"""

from __future__ import annotations

import os
import select
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

from bench.data.jsonl import remove_pending

MESSAGE = "interrupted: nothing was written"
SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
DEADLINE = 1.8
"""Seconds after a signal: past bench's own unwinding (1.5 s, ``bench.cli.signals.GRACE``), within the 2 s promised."""
_STOP = 0  # no signal's number
_LOOK = 0.5  # seconds between looks at whether bench is still there
_relays: list[int] = []  # the wakeup fd of bench's command, while it handles signals


@contextmanager
def relaying(fd: int) -> Iterator[None]:
    """For the block, signals reach ``fd``, the wakeup fd of bench's command (``bench.cli.signals``), and
    :func:`watched` may put its watchdog in front of it. No one else's signal handling is ever watched."""
    _relays.append(fd)
    try:
        yield
    finally:
        _relays.remove(fd)


@contextmanager
def watched() -> Iterator[None]:
    """For the block, a watchdog process between the signals and bench's relay (see the module); none
    outside bench's command (a library caller) or outside the main thread."""
    if not _relays or threading.current_thread() is not threading.main_thread():
        yield
        return
    relay = _relays[-1]
    reader, writer = os.pipe()
    os.set_blocking(writer, False)
    parent = os.getpid()
    try:
        child = os.fork()
    except OSError:  # no process to spare: the run goes on unwatched, as it would outside the command
        os.close(reader)
        os.close(writer)
        yield
        return
    if child == 0:
        os.close(writer)
        _watch(reader, relay, parent)
    os.close(reader)
    signal.set_wakeup_fd(writer, warn_on_full_buffer=False)
    try:
        yield
    finally:
        try:
            signal.set_wakeup_fd(relay, warn_on_full_buffer=False)
        except ValueError:  # closed from another thread (a generator collected there)
            pass
        os.write(writer, bytes([_STOP]))
        os.close(writer)
        os.waitpid(child, 0)


def _watch(reader: int, relay: int, parent: int) -> NoReturn:
    """The child: pass each byte on to the relay; end bench past the deadline after a signal; never return."""
    signal.set_wakeup_fd(-1)
    for signum in SIGNALS:
        signal.signal(signum, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: this child stays
    deadline: float | None = None
    while os.getppid() == parent:
        wait = _LOOK if deadline is None else max(0.0, min(_LOOK, deadline - time.monotonic()))
        if select.select([reader], [], [], wait)[0]:
            data = os.read(reader, 64)
            if not data or _STOP in data:
                break
            try:
                os.write(relay, data)
            except OSError:  # the relay's pipe is full: it has a signal to act on already
                pass
            if deadline is None and any(byte in SIGNALS for byte in data):
                deadline = time.monotonic() + DEADLINE
        if deadline is not None and time.monotonic() >= deadline and os.getppid() == parent:
            remove_pending()
            os.write(2, (MESSAGE + "\n").encode())
            os.kill(parent, signal.SIGKILL)
            break
    os._exit(0)
