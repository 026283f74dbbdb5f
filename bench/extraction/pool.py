"""Worker processes for a run: a dead worker fails only its document, and no worker outlives the run."""

from __future__ import annotations

import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from bench.data.documents import Document, DocumentLine
from bench.errors import BenchError
from bench.extraction.extractor import Extractor
from bench.extraction.guard import guarded

WORKER_DIED = "the worker process died (crashed, killed or out of memory)"

_worker_extractor: Extractor | None = None
T = TypeVar("T")


def _die_with_parent() -> None:
    """On Linux the kernel kills this worker when bench dies, even by SIGKILL: no orphans."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _init_worker(spec: str, params: dict) -> None:
    global _worker_extractor
    from bench.extraction.registry import load_extractor

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and kills its workers
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)  # not the handlers the parent had when it forked
    signal.set_wakeup_fd(-1)  # nor the parent's relay (bench.cli.signals)
    _die_with_parent()
    sys.stdout.flush()
    os.dup2(2, 1)  # a worker never writes results to stdout: whatever the extractor prints goes to stderr
    sys.stdout = sys.stderr
    with guarded():
        _worker_extractor = load_extractor(spec, params)


def _decoded(items: list[Document | DocumentLine]) -> tuple[list[Document], BenchError | None]:
    """The chunk's documents, its lines decoded here; a line that cannot be decoded ends them, with its error."""
    documents = []
    for item in items:
        try:
            documents.append(item if isinstance(item, Document) else item.decode())
        except BenchError as error:
            return documents, error
    return documents, None


def _extract_chunk(items: list[Document | DocumentLine], timeout: float | None,
                   encode: Callable | None) -> tuple[list, BenchError | None]:
    from bench.extraction.runner import run_extractor

    documents, error = _decoded(items)
    runs = run_extractor(_worker_extractor, documents, timeout)
    return (list(runs) if encode is None else list(map(encode, runs))), error  # encoded batch by batch: no chunk's facts held whole


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """The items in lists of ``size``, the last one shorter."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Pool:
    """A process pool that is replaced when one of its workers dies."""

    def __init__(self, spec: str, params: dict, workers: int, timeout: float | None, encode: Callable | None):
        self.spec, self.params, self.workers, self.timeout, self.encode = spec, params, workers, timeout, encode
        self.generation = 0
        self.executor = self._start()

    def _start(self):
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(self.workers, initializer=_init_worker, initargs=(self.spec, self.params))

    def submit(self, chunk: list[Document]) -> tuple[int, object]:
        return self.generation, self.executor.submit(_extract_chunk, chunk, self.timeout, self.encode)

    def rebuild(self, generation: int) -> None:
        """Replace the pool, unless it was replaced already since ``generation``."""
        if generation == self.generation:
            self.kill()
            self.executor = self._start()
            self.generation += 1

    def kill(self) -> None:
        """End every worker now, whatever it is doing (a hung extractor never finishes its task)."""
        workers = list((getattr(self.executor, "_processes", None) or {}).values())  # private, the only handle on them
        for process in workers:
            process.kill()
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in workers:
            process.join(1)

    def settle(self, chunk: list, ticket: tuple[int, object]) -> tuple[list, BenchError | None]:
        """The chunk's runs and the error of a line that could not be decoded; if a worker died, each item
        again alone, so that only the culprit fails."""
        from concurrent.futures.process import BrokenProcessPool

        generation, future = ticket
        try:
            return future.result()
        except BrokenProcessPool:
            self.rebuild(generation)
        runs = []
        for item in chunk:
            alone, error = self._alone(item)
            runs += alone
            if error is not None:
                return runs, error
        return runs, None

    def _alone(self, item: Document | DocumentLine) -> tuple[list, BenchError | None]:
        from concurrent.futures.process import BrokenProcessPool

        from bench.extraction.runner import DocumentRun

        generation, future = self.submit([item])
        try:
            return future.result()
        except BrokenProcessPool:
            self.rebuild(generation)
        document = item if isinstance(item, Document) else item.decode()  # it decoded in the worker before it died
        run = DocumentRun(document.id, failure=WORKER_DIED)
        return [run if self.encode is None else self.encode(run)], None


def run_parallel(spec: str, params: dict, items: Iterable[Document | DocumentLine], workers: int,
                 timeout: float | None = None, chunksize: int = 64, encode: Callable | None = None) -> Iterator[tuple]:
    """Extract with ``workers`` processes, each loading the extractor ``spec`` once; yields ``(item, run)``.

    The items are documents, or lines of a documents file that the workers
    decode. Results come back in order, so the output equals a one-worker run
    byte for byte; a line that cannot be decoded raises its error after the
    runs of the items before it. At most ``2 * workers`` chunks are in flight,
    so memory stays flat however long the stream. ``encode`` (a module-level
    function) maps each run inside the worker, so that only its result is
    sent back. A worker that dies fails only its own document; the pool is
    rebuilt. When the run ends early (an error, a signal), the workers are killed.
    """
    pool = _Pool(spec, params, workers, timeout, encode)
    finished = False
    try:
        pending: deque = deque()
        for chunk in chunks(items, chunksize):
            pending.append((chunk, pool.submit(chunk)))
            if len(pending) >= 2 * workers:
                yield from _settled(pool, *pending.popleft())
        while pending:
            yield from _settled(pool, *pending.popleft())
        finished = True
    finally:
        if finished:
            pool.executor.shutdown()
        else:
            pool.kill()


def _settled(pool: _Pool, chunk: list, ticket: tuple[int, object]) -> Iterator[tuple]:
    runs, error = pool.settle(chunk, ticket)
    yield from zip(chunk, runs)
    if error is not None:
        raise error
