"""What an extractor may not do to a run while its code runs: exit, print to stdout, outlive its time, fork
bench, move its working directory or umask.

An extractor that calls ``sys.exit``, ``os._exit`` or raises ``KeyboardInterrupt``
or ``GeneratorExit`` from ``extract`` fails that document; it never ends the
run, and so can never make a run report success it did not have.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from typing import NoReturn


class DocumentTimeout(BaseException):
    """Raised inside an extractor past the per-document time limit.

    A ``BaseException``, so that an extractor's ``except Exception`` cannot swallow it.
    """


class ExtractorExit(BaseException):
    """What ``os._exit`` raises while an extractor runs in bench's own process."""


# What an extractor may raise that would otherwise end the whole run.
ESCAPES = (SystemExit, KeyboardInterrupt, GeneratorExit, ExtractorExit)

hard_exit = os._exit  # the real one, for bench itself (the guard replaces os._exit while extractors run)
_depth = 0
_saved: tuple = ()
_lock = threading.Lock()
_forked = False  # true in a process forked while extractor code ran: it must not go on with bench's run


def _mark_fork() -> None:
    global _forked
    _forked = _depth > 0  # a fork outside the guard (bench's own workers, a library user's) is no extractor's


os.register_at_fork(after_in_child=_mark_fork)


def exit_if_forked() -> None:
    """End this process if an extractor forked it and it came back into bench's code: one process runs a run."""
    if _forked:
        hard_exit(0)


def adopt() -> None:
    """Start a worker process bench forked with no guard held, whatever a thread of its parent was doing."""
    global _forked, _depth, _lock
    _forked, _depth, _lock = False, 0, threading.Lock()
    os._exit = hard_exit


def _refuse_exit(status: int = 0) -> NoReturn:
    raise ExtractorExit(f"the extractor called os._exit({status})")


def _enter() -> None:
    global _saved
    sys.stdout.flush()
    try:
        saved_fd = os.dup(1)
        os.dup2(2, 1)  # what C code or a subprocess writes to fd 1 goes to stderr too
    except OSError:
        saved_fd = None
    _saved = (sys.stdout, saved_fd)
    sys.stdout = sys.stderr
    os._exit = _refuse_exit


def _leave() -> None:
    stdout, saved_fd = _saved
    os._exit = hard_exit
    sys.stderr.flush()
    sys.stdout = stdout
    if saved_fd is not None:
        os.dup2(saved_fd, 1)
        os.close(saved_fd)


class _Guard:
    """The guard as a plain context manager: entered once per document, so it is kept cheap."""

    def __enter__(self) -> None:
        global _depth
        with _lock:
            if not _depth:
                _enter()
            _depth += 1

    def __exit__(self, *exc_info: object) -> None:
        global _depth
        with _lock:
            _depth -= 1
            if not _depth:
                _leave()


_GUARD = _Guard()


def guarded() -> _Guard:
    """While the block runs: ``os._exit`` raises :class:`ExtractorExit`, stdout goes to stderr.

    Nestable and shared by threads (the llm extractor runs several documents at once):
    the first to enter sets the guard up, the last to leave takes it down.
    """
    return _GUARD


def ctrl_c_is_keyboard_interrupt() -> bool:
    """True when a real Ctrl-C would arrive here as ``KeyboardInterrupt`` (Python's default handler).

    The ``bench`` command turns signals into :class:`~bench.errors.Interrupted`, and
    workers ignore SIGINT, so there a ``KeyboardInterrupt`` can only be the extractor's own.
    """
    return (threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGINT) is signal.default_int_handler)


def escape_failure(error: BaseException) -> str:
    """The failure recorded for an extractor that tried to end the run."""
    if isinstance(error, SystemExit):
        return f"the extractor called sys.exit({error.code!r})"
    if isinstance(error, ExtractorExit):
        return str(error)
    return f"the extractor raised {type(error).__name__}"


class _NoLimit:
    """What :func:`time_limit` gives without a limit: a flag that stays down, at no cost."""

    def __enter__(self) -> list[bool]:
        return [False]

    def __exit__(self, *exc_info: object) -> None:
        return None


def time_limit(seconds: float | None) -> contextlib.AbstractContextManager[list[bool]]:
    """Raise :class:`DocumentTimeout` in the block after ``seconds`` (SIGALRM: a process's main thread only).

    The alarm repeats every 0.5 s, so an extractor that swallows it is hit again;
    the yielded flag says whether it expired, so an extractor that swallowed it
    and returned still fails.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        return _NoLimit()
    return _alarm(seconds)


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[list[bool]]:
    expired = [False]

    def expire(signum, frame):
        expired[0] = True
        raise DocumentTimeout(f"timed out after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.5)
    try:
        yield expired
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:  # the alarm may have fired once more on the way out
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def restored_cwd_and_umask() -> Iterator[None]:
    """After the block, the working directory and umask it began with, whatever an extractor changed.

    So an extractor's ``os.chdir`` or ``os.umask`` never moves or changes a file bench writes afterwards.
    """
    mask = os.umask(0o022)
    os.umask(mask)
    try:
        here: int | str | None = os.open(".", getattr(os, "O_PATH", os.O_RDONLY) | os.O_DIRECTORY)
    except OSError:  # an unreadable folder, where O_PATH is unknown
        here = _cwd_or_none()
    try:
        yield
    finally:
        os.umask(mask)
        if isinstance(here, int):
            os.fchdir(here)
            os.close(here)
        elif here is not None:
            with contextlib.suppress(OSError):  # removed meanwhile: nowhere to go back to
                os.chdir(here)


def _cwd_or_none() -> str | None:
    try:
        return os.getcwd()
    except OSError:  # the working directory was removed: there is none to go back to
        return None
