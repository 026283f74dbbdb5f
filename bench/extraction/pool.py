"""Worker processes for a run: results in document order, each document within its time limit, no worker left behind.

Tasks (chunks of documents) go to the workers, at most two in flight per
worker, and at most two per worker are held until their runs can be given out
in input order, so memory stays flat however long the stream. A worker that
dies, or that the pool kills because a document ran past its time limit, fails
only the document it was extracting; the other documents of its tasks run again
on the worker that replaces it.
"""

from __future__ import annotations

import itertools
import selectors
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from bench.data.documents import Document, DocumentLine
from bench.errors import BenchError, ExtractorFailed
from bench.extraction.in_process import chunks
from bench.extraction.outcome import DocumentRun
from bench.extraction.supervisor import Worker

WORKER_DIED = "the worker process died (crashed, killed or out of memory)"
RETRIES = 2
"""Times a task is sent again whole after a worker died before beginning it; then each item goes alone."""
SLACK = 0.5
"""Seconds past the time limit before a worker is killed: an extractor in Python has stopped itself by then (the alarm)."""
POLL = 0.1
"""Seconds between looks at where the workers are, while a time limit holds."""


class _Task:
    """A chunk of items; once run, their runs and the error of a line that could not be decoded, or its parts."""

    __slots__ = ("error", "id", "items", "parts", "runs", "unstarted")

    def __init__(self, task_id: int, items: list, runs: list | None = None):
        self.id, self.items, self.runs = task_id, items, runs
        self.error: BenchError | None = None
        self.parts: list[_Task] | None = None
        self.unstarted = 0  # times a worker died holding it before it began it

    @property
    def done(self) -> bool:
        return self.runs is not None or (self.parts is not None and all(part.done for part in self.parts))

    def outcome(self) -> tuple[list, BenchError | None]:
        """The runs in item order, up to the first error."""
        if self.parts is None:
            return self.runs or [], self.error
        runs: list = []
        for part in self.parts:
            found, error = part.outcome()
            runs += found
            if error is not None:
                return runs, error
        return runs, None


class _Pool:
    """Workers that are replaced when one dies or is killed, and the tasks they are running."""

    def __init__(self, spec: str, params: dict, workers: int, timeout: float | None, encode: Callable | None):
        self.spec, self.params, self.timeout, self.encode = spec, params, timeout, encode
        self.selector = selectors.DefaultSelector()
        self.ids = itertools.count()
        self.waiting: deque[_Task] = deque()  # tasks no worker holds yet
        self.workers: list[Worker] = []
        self.writing: set[Worker] = set()  # workers whose tasks pipe is watched, to write the rest of a task
        self.stillborn = 0  # workers in a row that died before they received a task
        try:
            for _ in range(workers):
                self._add(Worker(spec, params, timeout, encode))
        except BaseException:  # a fork that failed, a signal: no worker started so far is left
            self.close()
            raise

    def task(self, items: list, runs: list | None = None) -> _Task:
        return _Task(next(self.ids), items, runs)

    def dispatch(self) -> None:
        """Hand waiting tasks to the workers with fewest in flight, at most two each."""
        while self.waiting:
            ready = [w for w in self.workers if len(w.tasks) < 2 and w.stopping_since is None]
            if not ready:
                return
            worker = min(ready, key=lambda w: len(w.tasks))
            worker.send(self.waiting.popleft())
            self._watch_writing(worker)

    def wait(self) -> None:
        """Wait for something to happen, handle it, and hold the time limit."""
        for key, _ in self.selector.select(self._wait_time()):
            worker, kind = key.data
            if worker not in self.workers:
                continue  # replaced earlier in this round
            if kind == "tasks":
                self._watch_writing(worker)
            elif kind == "output":
                worker.copy_output()
            elif kind == "results":
                self._settle(worker)
            else:
                self._replace(worker)
        if self.timeout:
            self._hold_time_limit(self.timeout)

    def close(self) -> None:
        """Kill every worker: every result is in, or the run ends early (an error, a signal)."""
        for worker in self.workers:
            worker.kill()
        for worker in self.workers:
            self._forget(worker)
            worker.copy_output()
            worker.reap()
        self.workers = []
        self.selector.close()

    def _add(self, worker: Worker) -> None:
        for kind, fd in worker.fds().items():
            self.selector.register(fd, selectors.EVENT_READ, (worker, kind))
        self.workers.append(worker)

    def _forget(self, worker: Worker) -> None:
        for fd in worker.fds().values():
            self.selector.unregister(fd)
        if worker in self.writing:
            self.selector.unregister(worker.task_fd())
            self.writing.discard(worker)

    def _watch_writing(self, worker: Worker) -> None:
        """Write what the worker's pipe takes now, and watch it while some of the task is left."""
        left = worker.flush()
        if left and worker not in self.writing:
            self.selector.register(worker.task_fd(), selectors.EVENT_WRITE, (worker, "tasks"))
            self.writing.add(worker)
        elif not left and worker in self.writing:
            self.selector.unregister(worker.task_fd())
            self.writing.discard(worker)

    def _settle(self, worker: Worker) -> None:
        worker.copy_output()  # what it printed first
        for task_id, runs, error in worker.messages():
            if task_id is None:
                raise error  # the worker could not load the extractor
            task = worker.tasks.popleft()
            task.runs, task.error = runs, error

    def _replace(self, worker: Worker) -> None:
        """The worker ended: keep what it finished, fail the document it was on, run the rest again on a new one."""
        self._settle(worker)
        self._forget(worker)
        self.workers.remove(worker)
        worker.kill()  # whatever its extractor started
        worker.reap()
        task_id, index = worker.progress.where()
        self.stillborn = self.stillborn + 1 if task_id == -1 else 0
        if self.stillborn > RETRIES:
            raise ExtractorFailed(f"worker processes die before running any document ({WORKER_DIED})")
        for task in reversed(worker.tasks):  # the first back in the queue ends up first
            self._requeue(task, index if task.id == task_id else -1, worker.reason or WORKER_DIED)
        self._add(Worker(self.spec, self.params, self.timeout, self.encode))

    def _requeue(self, task: _Task, index: int | None, reason: str) -> None:
        """Put a task back: whole if it never started (``index`` -1), without the item at ``index`` if it was
        being extracted, else each item alone, so that a worker dying again fails only its culprit."""
        items = task.items
        if index == -1:
            task.unstarted += 1
            if task.unstarted <= RETRIES:
                self.waiting.appendleft(task)
                return
            index = None
        if index is not None:
            task.parts = [self.task(items[:index]), self.task([items[index]], [self._failed(items[index], reason)]),
                          self.task(items[index + 1:])]
        elif len(items) == 1:
            task.parts = [self.task(items, [self._failed(items[0], reason)])]
        else:
            task.parts = [self.task([item]) for item in items]
        task.parts = [part for part in task.parts if part.items]
        self.waiting.extendleft(reversed([part for part in task.parts if part.runs is None]))

    def _failed(self, item: Document | DocumentLine, reason: str):
        document = item if isinstance(item, Document) else item.decode()  # it decoded in the worker already
        run = DocumentRun(document.id, failure=reason)
        return run if self.encode is None else self.encode(run)

    def _hold_time_limit(self, timeout: float) -> None:
        now = time.monotonic()
        for worker in self.workers:
            if worker.tasks and worker.stopping_since is None and worker.progress.overdue(timeout + SLACK, now):
                worker.stop(f"timed out after {timeout:g} s")
            worker.press(now)

    def _wait_time(self) -> float | None:
        if any(w.stopping_since is not None for w in self.workers):
            return POLL
        if self.timeout and any(w.tasks for w in self.workers):
            return POLL
        return None


def run_parallel(spec: str, params: dict, items: Iterable[Document | DocumentLine], workers: int,
                 timeout: float | None = None, chunksize: int = 64, encode: Callable | None = None) -> Iterator[tuple]:
    """Extract with ``workers`` processes, each loading the extractor ``spec`` once; yields ``(item, run)``.

    The items are documents, or lines of a documents file that the workers
    decode. Results come back in order, so the output equals a one-worker run
    byte for byte; a line that cannot be decoded raises its error after the
    runs of the items before it. ``encode`` (a module-level function) maps each
    run inside the worker, so that only its result is sent back. With
    ``timeout``, a document past it fails and its worker is killed, whatever
    the extractor is doing. When the run ends, or ends early (an error, a
    signal), every worker is killed.
    """
    pool = _Pool(spec, params, workers, timeout, encode)
    try:
        yield from _in_order(pool, chunks(items, chunksize), 2 * workers)
    finally:
        pool.close()


def _in_order(pool: _Pool, chunked: Iterator[list], most: int) -> Iterator[tuple]:
    """Each chunk's ``(item, run)`` pairs in input order, with at most ``most`` chunks not yet given out."""
    pending: deque[_Task] = deque()
    more = True
    while True:
        while more and len(pending) < most:
            chunk = next(chunked, None)
            if chunk is None:
                more = False
            else:
                pending.append(pool.task(chunk))
                pool.waiting.append(pending[-1])
        pool.dispatch()
        while pending and pending[0].done:
            task = pending.popleft()
            runs, error = task.outcome()
            yield from zip(task.items, runs)
            if error is not None:
                raise error
        if not pending and not more:
            return
        if pending:
            pool.wait()
