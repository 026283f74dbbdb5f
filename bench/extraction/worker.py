"""A worker process's life: it loads the extractor once, runs the tasks it is sent, and says where it is.

The tasks (chunks of documents, or of documents-file lines it decodes itself)
are run one after the other, and each task's runs are sent back. Through a few
numbers in shared memory (:class:`Progress`) the worker says which document it
is extracting and since when, so that its parent
(:mod:`bench.extraction.supervisor`) can hold the time limit whatever the
extractor does. Nothing a worker runs reaches bench's stdout: its fds 1 and 2
are a pipe whose bytes the parent copies to its stderr. A worker ends with
``os._exit``, so no thread the extractor left behind holds it, and a process
the extractor forks never comes back into its loop
(:func:`bench.extraction.guard.exit_if_forked`).
"""

from __future__ import annotations

import os
import pickle
import signal
import struct
import sys
import time
from collections.abc import Callable
from typing import Any

from bench.data.documents import Document, DocumentLine
from bench.errors import BenchError, ExtractorFailed, ExtractorUnavailable
from bench.extraction import guard
from bench.extraction.in_process import GUARD_BATCH, extract_in_guard
from bench.extraction.registry import load_extractor

HEADER = struct.Struct("!Q")  # each message: its length, then its pickle
READ_SIZE = 1 << 17


class Progress:
    """Where a worker is, in shared memory: its task, the document it is extracting, and since when."""

    _TASK, _INDEX, _SINCE, _BUSY = range(4)

    def __init__(self, context: Any):
        self.cells = context.RawArray("d", 4)
        self.cells[self._TASK] = -1  # no task yet

    def task(self, task_id: int) -> None:
        cells = self.cells
        cells[self._BUSY], cells[self._INDEX], cells[self._TASK] = 0, -1, task_id
        cells[self._SINCE] = time.monotonic()

    def begin(self, index: int) -> None:
        cells = self.cells
        cells[self._SINCE] = time.monotonic()
        cells[self._INDEX] = index
        cells[self._BUSY] = 1

    def end(self) -> None:
        self.cells[self._BUSY] = 0

    def overdue(self, limit: float, now: float) -> bool:
        """Extracting one document for longer than ``limit`` seconds."""
        return self.cells[self._BUSY] == 1 and now - self.cells[self._SINCE] > limit

    def where(self) -> tuple[int, int | None]:
        """The task last received, and the index in it of the document being extracted (None between documents)."""
        cells = self.cells
        return int(cells[self._TASK]), int(cells[self._INDEX]) if cells[self._BUSY] == 1 else None


_inherited: tuple = ()  # the parent's stream objects: never flushed here, so nothing of the parent's is written twice


def serve(spec: str, params: dict, timeout: float | None, encode: Callable | None, tasks: Any, results: Any,
          output: Any, progress: Progress) -> None:
    """A worker's life: load the extractor, run each task received and send its runs, until killed (or its pipe
    closes)."""
    _become_worker(output.fileno())
    try:
        with guard.guarded():
            extractor = load_extractor(spec, params)
    except BaseException as failed:  # noqa: BLE001 - told to the parent in one line, which ends the run
        _send(results.fileno(), (None, [], _load_failure(failed)))
        guard.hard_exit(0)
    while (task := _receive(tasks.fileno())) is not None:
        task_id, items = task
        progress.task(task_id)
        runs, error = _run_task(extractor, items, timeout, encode, progress)
        _send(results.fileno(), (task_id, runs, error))
    guard.hard_exit(0)  # no thread an extractor left behind is waited for


def _load_failure(error: BaseException) -> BenchError:
    if isinstance(error, BenchError):
        return error
    said = guard.escape_failure(error) if isinstance(error, guard.ESCAPES) else f"{type(error).__name__}: {error}"
    return ExtractorFailed(f"loading the extractor in a worker process failed: {said}")


def _become_worker(output: int) -> None:
    global _inherited
    guard.adopt()
    try:
        os.setpgid(0, 0)  # a process group of its own, which the parent kills whole
    except OSError:
        pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and kills its workers
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)  # not the handlers the parent had when it forked
    signal.set_wakeup_fd(-1)  # nor the parent's relay (bench.cli.signals)
    _die_with_parent()
    os.dup2(output, 1)
    os.dup2(output, 2)
    _inherited = (sys.stdout, sys.stderr)
    sys.stdout = sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace",  # noqa: SIM115 - for its life
                                   buffering=1, closefd=False)


def _die_with_parent() -> None:
    """On Linux the kernel kills this worker when bench dies, even by SIGKILL: no orphans."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _decoded(items: list[Document | DocumentLine]) -> tuple[list[Document], BenchError | None]:
    """The task's documents, its lines decoded here; a line that cannot be decoded ends them, with its error."""
    documents = []
    for item in items:
        try:
            documents.append(item if isinstance(item, Document) else item.decode())
        except BenchError as error:
            return documents, error
    return documents, None


def _run_task(extractor: Any, items: list, timeout: float | None, encode: Callable | None,
              progress: Progress) -> tuple[list, BenchError | None]:
    """The runs of the task's documents (encoded one by one, so no task's facts are held whole)."""
    documents, error = _decoded(items)
    runs: list = []
    for start in range(0, len(documents), GUARD_BATCH):
        with guard.guarded():
            for index in range(start, min(start + GUARD_BATCH, len(documents))):
                progress.begin(index)
                try:
                    run = extract_in_guard(extractor, documents[index], timeout)
                except ExtractorUnavailable as unavailable:
                    return runs, unavailable
                finally:
                    progress.end()
                runs.append(run if encode is None else encode(run))
    return runs, error


def frame(message: object) -> bytes:
    """A message as it goes through a pipe: its pickle's length, then the pickle."""
    payload = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
    return HEADER.pack(len(payload)) + payload


def _send(fd: int, message: object) -> None:
    view = memoryview(frame(message))
    while view:
        view = view[os.write(fd, view):]


def _receive(fd: int) -> Any:
    """The next message, or None at the end (the parent said so, or is gone)."""
    header = _read_exactly(fd, HEADER.size)
    if header is None:
        return None
    payload = _read_exactly(fd, HEADER.unpack(header)[0])
    return None if payload is None else pickle.loads(payload)


def _read_exactly(fd: int, size: int) -> bytes | None:
    data = bytearray()
    while len(data) < size:
        chunk = os.read(fd, min(size - len(data), READ_SIZE))
        if not chunk:
            return None
        data += chunk
    return bytes(data)
