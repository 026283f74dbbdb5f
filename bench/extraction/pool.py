"""Worker processes for a run: a dead worker fails only its document, and no worker outlives the run."""

from __future__ import annotations

import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from bench.data.documents import Document
from bench.extraction.extractor import Extractor
from bench.extraction.guard import guarded

WORKER_DIED = "the worker process died (crashed, killed or out of memory)"

_worker_extractor: Extractor | None = None


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


def _extract_chunk(documents: list[Document], timeout: float | None, encode: Callable | None) -> list:
    from bench.extraction.runner import run_extractor

    runs = run_extractor(_worker_extractor, documents, timeout)
    return list(runs) if encode is None else list(map(encode, runs))  # encoded batch by batch: no chunk's facts held whole


def chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """The documents in lists of ``size``, the last one shorter."""
    chunk: list[Document] = []
    for document in documents:
        chunk.append(document)
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

    def settle(self, chunk: list[Document], ticket: tuple[int, object]) -> list:
        """The chunk's runs; if a worker died, each document again alone, so that only the culprit fails."""
        from concurrent.futures.process import BrokenProcessPool

        generation, future = ticket
        try:
            return future.result()
        except BrokenProcessPool:
            self.rebuild(generation)
        return [self._alone(document) for document in chunk]

    def _alone(self, document: Document):
        from concurrent.futures.process import BrokenProcessPool

        from bench.extraction.runner import DocumentRun

        generation, future = self.submit([document])
        try:
            return future.result()[0]
        except BrokenProcessPool:
            self.rebuild(generation)
        run = DocumentRun(document.id, failure=WORKER_DIED)
        return run if self.encode is None else self.encode(run)


def run_parallel(spec: str, params: dict, documents: Iterable[Document], workers: int,
                 timeout: float | None = None, chunksize: int = 64, encode: Callable | None = None) -> Iterator:
    """Extract with ``workers`` processes, each loading the extractor ``spec`` once.

    Results come back in document order, so the output equals a one-worker run
    byte for byte; at most ``2 * workers`` chunks are in flight, so memory
    stays flat however long the stream. ``encode`` (a module-level function)
    maps each run inside the worker, so that only its result is sent back.
    A worker that dies fails only its own document; the pool is rebuilt. When
    the run ends early (an error, a signal), the workers are killed.
    """
    pool = _Pool(spec, params, workers, timeout, encode)
    finished = False
    try:
        pending: deque = deque()
        for chunk in chunks(documents, chunksize):
            pending.append((chunk, pool.submit(chunk)))
            if len(pending) >= 2 * workers:
                yield from pool.settle(*pending.popleft())
        while pending:
            yield from pool.settle(*pending.popleft())
        finished = True
    finally:
        if finished:
            pool.executor.shutdown()
        else:
            pool.kill()
