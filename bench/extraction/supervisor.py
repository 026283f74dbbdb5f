"""The parent's handle on a worker process: start it, feed it tasks, read its runs and output, stop it.

The pipes never block the parent: it writes and reads only what they take or
hold now, so that a worker stopped halfway through a message cannot hold it.
Each worker leads a process group of its own; stopping or killing it reaches
whatever its extractor started.
"""

from __future__ import annotations

import codecs
import os
import pickle
import signal
import sys
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from bench.extraction.worker import HEADER, READ_SIZE, Progress, frame, serve

KILL_GRACE = 0.25
"""Seconds a worker told to stop (SIGTERM) has before it is killed (SIGKILL)."""

_live: set[int] = set()  # pids of the workers started and not yet reaped: each leads its own process group


class Worker:
    """The parent's handle on one worker: its process, its pipes (never blocking the parent), where it is."""

    def __init__(self, spec: str, params: dict, timeout: float | None, encode: Callable | None):
        import multiprocessing

        context = multiprocessing.get_context()
        self.progress = Progress(context)
        tasks_in, self._tasks = context.Pipe(duplex=False)
        self._results, results_out = context.Pipe(duplex=False)
        self._output, output_out = context.Pipe(duplex=False)
        self.process = context.Process(target=serve, name="bench-worker", args=(
            spec, params, timeout, encode, tasks_in, results_out, output_out, self.progress))
        self.process.start()
        self.pid: int = self.process.pid or 0  # set once started
        _live.add(self.pid)
        try:
            os.setpgid(self.pid, self.pid)  # also here: no moment where killing the group misses it
        except OSError:
            pass
        for child_end in (tasks_in, results_out, output_out):
            child_end.close()
        for end in (self._tasks, self._results, self._output):
            os.set_blocking(end.fileno(), False)
        self.exit_fd = _exit_fd(self.process)
        self.tasks: deque = deque()  # sent and not yet answered, in the order sent
        self.stopping_since: float | None = None
        self.reason: str | None = None  # why the parent stopped it, if it did
        self._outbox = bytearray()
        self._inbox = bytearray()
        self._text = codecs.getincrementaldecoder("utf-8")("replace")

    def fds(self) -> dict[str, int]:
        """The fds to watch for reading: results, output, and the one that says the process ended."""
        return {"results": self._results.fileno(), "output": self._output.fileno(), "exited": self.exit_fd}

    def task_fd(self) -> int:
        return self._tasks.fileno()

    def send(self, task: Any) -> None:
        """Send a task: anything with an ``id`` and its ``items``."""
        self.tasks.append(task)
        self._outbox += frame((task.id, task.items))
        self.flush()

    def flush(self) -> bool:
        """Write what the pipe takes now; True while some is left to write."""
        while self._outbox:
            try:
                written = os.write(self._tasks.fileno(), self._outbox)
            except BlockingIOError:
                return True
            except OSError:  # the worker is gone: its end is seen on exit_fd
                self._outbox.clear()
                return False
            del self._outbox[:written]
        return False

    def messages(self) -> list:
        """The messages that have arrived whole."""
        self._inbox += _read_available(self._results.fileno())
        found = []
        while len(self._inbox) >= HEADER.size:
            size = HEADER.unpack_from(self._inbox)[0]
            end = HEADER.size + size
            if len(self._inbox) < end:
                break
            found.append(pickle.loads(self._inbox[HEADER.size:end]))
            del self._inbox[:end]
        return found

    def copy_output(self) -> None:
        """What the worker printed, onto bench's stderr."""
        data = _read_available(self._output.fileno())
        if data:
            sys.stderr.write(self._text.decode(data))
            sys.stderr.flush()

    def stop(self, reason: str) -> None:
        """Ask the worker's group to end now (a stopped process is woken to hear it); killed after :data:`KILL_GRACE`."""
        self.reason, self.stopping_since = reason, time.monotonic()
        for signum in (signal.SIGTERM, signal.SIGCONT):
            _signal_group(self.pid, signum)

    def press(self, now: float) -> None:
        if self.stopping_since is not None and now - self.stopping_since > KILL_GRACE:
            _signal_group(self.pid, signal.SIGKILL)

    def kill(self) -> None:
        _signal_group(self.pid, signal.SIGKILL)

    def reap(self) -> None:
        """Wait for the process, close its pipes: the worker is gone."""
        self.process.join(1)
        _live.discard(self.pid)
        for end in (self._tasks, self._results, self._output):
            end.close()
        if self.exit_fd != self.process.sentinel:
            os.close(self.exit_fd)
        if self.process.exitcode is not None:
            self.process.close()


def kill_all() -> None:
    """Kill every worker still alive, and what its extractor started (a forced exit on a signal)."""
    for pid in list(_live):
        _signal_group(pid, signal.SIGKILL)


def _signal_group(pid: int, signum: int) -> None:
    try:
        os.killpg(pid, signum)  # the worker leads its group; if it never got to, there is no such group
    except OSError:
        try:
            os.kill(pid, signum)
        except OSError:
            pass


def _exit_fd(process: Any) -> int:
    """An fd readable once the process ends: a pidfd where there are, which no child of the worker holds open."""
    try:
        return os.pidfd_open(process.pid)
    except (AttributeError, OSError):
        return process.sentinel


def _read_available(fd: int) -> bytes:
    data = bytearray()
    while True:
        try:
            chunk = os.read(fd, READ_SIZE)
        except OSError:  # nothing more now (BlockingIOError), or the pipe is gone
            break
        if not chunk:
            break
        data += chunk
    return bytes(data)
