"""Running an extractor in this process: one document, or many under one set-up of the guard.

Whatever an extractor raises becomes that document's failure; only
:class:`~bench.errors.Interrupted` (a signal to ``bench``) and
:class:`~bench.errors.ExtractorUnavailable` (no document can succeed) end the run.
The time limit here is the alarm signal, which Python code feels at its next
instruction; only a worker process that can be killed (:mod:`bench.extraction.pool`)
holds it against anything else.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from time import perf_counter
from typing import TypeVar

from bench.data.documents import Document
from bench.errors import BenchError, ExtractorUnavailable, Interrupted
from bench.extraction.extractor import Extractor, as_facts
from bench.extraction.guard import (
    ESCAPES,
    DocumentTimeout,
    ctrl_c_is_keyboard_interrupt,
    escape_failure,
    exit_if_forked,
    guarded,
    time_limit,
)
from bench.extraction.metered import usage_of
from bench.extraction.outcome import DocumentRun

T = TypeVar("T")

GUARD_BATCH = 8
"""Documents extracted under one set-up of the stdout guard, whose set-up and take-down cost four system calls.

A batch's runs are held until it ends. On top of regex's ``extract()`` the run
path took +9% with 8, +12% with 32 and +11.5% with 4 (2,000 documents, 31
alternating rounds), though cachegrind counts the same user-space instructions
for 8 and 32: what differs is the memory held and the system calls, not
Python's work."""


def extract_one(extractor: Extractor, document: Document, timeout: float | None = None) -> DocumentRun:
    """Run the extractor on one document; an exception, an exit, a time-out or invalid output becomes a failure.

    ``timeout`` is kept by the alarm signal, so only in a process's main thread;
    elsewhere (an extractor's own threads) raise :class:`DocumentTimeout` yourself.
    """
    with guarded():
        return extract_in_guard(extractor, document, timeout)


def extract_in_guard(extractor: Extractor, document: Document, timeout: float | None) -> DocumentRun:
    """:func:`extract_one` for a caller that holds the guard; the run carries the seconds ``extract`` took (with
    bench's checks of its facts) and, from a :class:`~bench.extraction.metered.Metered` extractor, its tokens."""
    started = perf_counter()
    try:
        facts, failure = _extract(extractor, document, timeout)
    finally:
        exit_if_forked()  # a child the extractor forked never goes on with the run
    seconds = perf_counter() - started
    return DocumentRun(document.id, facts, failure, seconds, usage_of(extractor, document.id))


def _extract(extractor: Extractor, document: Document, timeout: float | None) -> tuple[tuple, str | None]:
    """The document's facts, or why it failed."""
    try:
        if timeout:
            with time_limit(timeout) as expired:
                items = list(extractor.extract(document))  # the limit is the extractor's time, not bench's checks
            if expired[0]:  # the extractor swallowed the time-out and went on
                return (), f"timed out after {timeout:g} s"
        else:
            items = list(extractor.extract(document))
        facts = as_facts(items, document, source=extractor.name)
    except (Interrupted, ExtractorUnavailable):
        raise
    except (BenchError, DocumentTimeout) as error:
        return (), str(error)
    except KeyboardInterrupt:
        if ctrl_c_is_keyboard_interrupt():
            raise
        return (), escape_failure(KeyboardInterrupt())
    except ESCAPES as error:
        return (), escape_failure(error)
    except Exception as error:  # noqa: BLE001 - a plug-in's bug must not end the run
        return (), f"{type(error).__name__}: {error}"
    return tuple(facts), None


def run_extractor(extractor: Extractor, documents: Iterable[Document], timeout: float | None = None) -> Iterator[DocumentRun]:
    """Extract from each document in order, :data:`GUARD_BATCH` documents at a time under one guard.

    Holding a batch back loses nothing: an interrupted run writes nothing anyway.
    """
    for batch in chunks(documents, GUARD_BATCH):
        with guarded():
            runs = [extract_in_guard(extractor, document, timeout) for document in batch]
        yield from runs


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
