"""Running an extractor over documents, one document's failure never stopping the run."""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial

from bench.data.documents import Document, DocumentFile, UniqueIds
from bench.errors import BenchError, ExtractorFailed, ExtractorUnavailable, Interrupted
from bench.extraction.extractor import (
    Batched,
    Extractor,
    Pretrained,
    Trainable,
    as_facts,
)
from bench.extraction.guard import ESCAPES, DocumentTimeout, ctrl_c_is_keyboard_interrupt, escape_failure, guarded, time_limit
from bench.extraction.pool import chunks, run_parallel
from bench.facts import Fact


@dataclass(frozen=True, slots=True)
class DocumentRun:
    """What an extractor gave for one document: its facts, or why it failed."""

    doc_id: str
    facts: tuple[Fact, ...] = field(default_factory=tuple)
    failure: str | None = None


@dataclass(frozen=True, slots=True)
class EncodedRun:
    """A document's run with its facts already as predictions-file lines: cheap to send between processes."""

    doc_id: str
    lines: str = ""
    count: int = 0
    failure: str | None = None

    def __reduce__(self) -> tuple:
        """Pickled as a constructor call: a third of the cost of a frozen dataclass's default, paid per document."""
        return EncodedRun, (self.doc_id, self.lines, self.count, self.failure)


_ENCODER = json.JSONEncoder(ensure_ascii=False)  # built once: json.dumps with an option builds one per call


def encode_run(run: DocumentRun) -> EncodedRun:
    """The run's facts as predictions-file lines, one JSON object each."""
    lines = "".join([_ENCODER.encode(fact.to_dict()) + "\n" for fact in run.facts])
    return EncodedRun(run.doc_id, lines, len(run.facts), run.failure)


def extract_one(extractor: Extractor, document: Document, timeout: float | None = None) -> DocumentRun:
    """Run the extractor on one document; an exception, an exit, a time-out or invalid output becomes a failure.

    Only :class:`~bench.errors.Interrupted` (a signal to ``bench``) and
    :class:`~bench.errors.ExtractorUnavailable` (no document can succeed) end the run.
    """
    with guarded():
        return _extract_guarded(extractor, document, timeout)


def _extract_guarded(extractor: Extractor, document: Document, timeout: float | None) -> DocumentRun:
    """:func:`extract_one` for a caller that holds the guard."""
    try:
        if timeout:
            with time_limit(timeout) as expired:
                items = list(extractor.extract(document))  # the limit is the extractor's time, not bench's checks
            if expired[0]:  # the extractor swallowed the time-out and went on
                return DocumentRun(document.id, failure=f"timed out after {timeout:g} s")
        else:
            items = list(extractor.extract(document))
        facts = as_facts(items, document, source=extractor.name)
    except (Interrupted, ExtractorUnavailable):
        raise
    except (BenchError, DocumentTimeout) as error:
        return DocumentRun(document.id, failure=str(error))
    except KeyboardInterrupt:
        if ctrl_c_is_keyboard_interrupt():
            raise
        return DocumentRun(document.id, failure=escape_failure(KeyboardInterrupt()))
    except ESCAPES as error:
        return DocumentRun(document.id, failure=escape_failure(error))
    except Exception as error:  # noqa: BLE001 - a plug-in's bug must not end the run
        return DocumentRun(document.id, failure=f"{type(error).__name__}: {error}")
    return DocumentRun(document.id, tuple(facts))


GUARD_BATCH = 8
"""Documents extracted under one set-up of the stdout guard, whose set-up and take-down cost four system calls.

A batch's runs are held until it ends. On top of regex's ``extract()`` the run
path took +9% with 8, +12% with 32 and +11.5% with 4 (2,000 documents, 31
alternating rounds), though cachegrind counts the same user-space instructions
for 8 and 32: what differs is the memory held and the system calls, not
Python's work."""


def run_extractor(extractor: Extractor, documents: Iterable[Document], timeout: float | None = None) -> Iterator[DocumentRun]:
    """Extract from each document in order, :data:`GUARD_BATCH` documents at a time under one guard.

    Holding a batch back loses nothing: an interrupted run writes nothing anyway.
    """
    for batch in chunks(documents, GUARD_BATCH):
        with guarded():
            runs = [_extract_guarded(extractor, document, timeout) for document in batch]
        yield from runs


def _fit(extractor: Extractor, documents: Sequence[Document], facts: Sequence[Fact]) -> str | None:
    """Fit; what went wrong as one line, or None. Any exception in ``fit`` is the extractor's failure."""
    try:
        with guarded():
            extractor.fit(documents, facts)
    except Interrupted:
        raise
    except ESCAPES as error:  # as in extract: an exit in training fails the document, never the run
        return escape_failure(error)
    except Exception as error:  # noqa: BLE001 - a plug-in's training bug must not end in a traceback
        return str(error) if isinstance(error, BenchError) else f"{type(error).__name__}: {error}"
    return None


def _held_out(document: Document, gold_documents: Sequence[Document]) -> list[Document]:
    """The gold documents ``document`` is, by id or by text: none of them may be trained on to predict it."""
    return [gold for gold in gold_documents if gold.id == document.id or gold.text == document.text]


def predict_held_out(extractor: Extractor, document: Document, gold_documents: Sequence[Document],
                     gold_facts: Sequence[Fact], timeout: float | None = None) -> DocumentRun:
    """Fit on the gold without ``document`` (matched by id or text), then extract it: leave-one-document-out."""
    if not isinstance(extractor, Trainable):
        raise TypeError(f"{extractor.name} has no fit(documents, facts) and trained_on")
    excluded = {gold.id for gold in _held_out(document, gold_documents)}
    failure = _fit(extractor, [d for d in gold_documents if d.id not in excluded],
                   [f for f in gold_facts if f.doc_id not in excluded])
    if failure is not None:
        return DocumentRun(document.id, failure=f"training failed: {failure}")
    return extract_one(extractor, document, timeout)


def _refusing(extractor: Extractor, documents: Iterable[Document], trained_on: set[str],
              timeout: float | None) -> Iterator[DocumentRun]:
    """A saved model is never scored on a document it was trained on: those documents fail."""
    for document in documents:
        if document.id in trained_on:
            yield DocumentRun(document.id, failure="the loaded model was trained on this document; not scored")
        else:
            yield extract_one(extractor, document, timeout)


@dataclass(frozen=True, slots=True)
class RunOptions:
    """How to run: worker processes, per-document time limit in seconds, documents per task."""

    workers: int = 1
    timeout: float | None = None
    chunksize: int = 64


def _loaded(extractor: Extractor) -> bool:
    return isinstance(extractor, Pretrained) and bool(extractor.pretrained)


def _used_as_is(extractor: Extractor) -> bool:
    """Not a model still to be fitted: plain extractors, and models loaded from a file (``pretrained``)."""
    return not isinstance(extractor, Trainable) or _loaded(extractor)


def _trained_on(extractor: Extractor) -> set[str]:
    """Ids of the documents a loaded model was trained on (it is never scored on them)."""
    return set(extractor.trained_on) if _loaded(extractor) else set()


def _parallel_ok(extractor: Extractor) -> bool:
    """An extractor used as it is, one document at a time, can run in worker processes."""
    return _used_as_is(extractor) and not _trained_on(extractor) and not isinstance(extractor, Batched)


def run_for_gold(extractor: Extractor, documents: Iterable[Document], gold_documents: Sequence[Document],
                 gold_facts: Sequence[Fact], options: RunOptions = RunOptions(),
                 spec: str | None = None, params: dict | None = None, encode: Callable | None = None) -> Iterator:
    """Predictions for ``documents``; a trainable extractor never predicts a document it was trained on.

    With ``spec`` and more than one worker, extractors used as they are run in
    worker processes. ``encode`` maps each run, in the worker where there is
    one (see :func:`encode_run`).
    """
    if options.workers > 1 and spec is not None and _parallel_ok(extractor):
        yield from _runs_in_workers(spec, params or {}, documents, options, encode)
        return
    runs = _runs_in_process(extractor, documents, gold_documents, gold_facts, options)
    yield from runs if encode is None else map(encode, runs)


def _runs_in_workers(spec: str, params: dict, documents: Iterable[Document], options: RunOptions,
                     encode: Callable | None) -> Iterator:
    """A documents file goes to the workers as lines, decoded there; its ids are checked here, in file order."""
    run = partial(run_parallel, spec, params, workers=options.workers, timeout=options.timeout,
                  chunksize=options.chunksize, encode=encode)
    if not isinstance(documents, DocumentFile):
        yield from (result for _, result in run(documents))
        return
    ids = UniqueIds(documents.name)
    for line, result in run(documents.lines()):
        ids.check(result.doc_id, line.line_no)
        yield result


def _batch_keeps_time(extractor: Batched, timeout: float | None) -> bool:
    """Without a time limit any batch will do; with one, the batch must take it (its threads cannot be alarmed)."""
    return not timeout or "timeout" in inspect.signature(extractor.extract_batch).parameters


def _batch(extractor: Batched, documents: Iterable[Document], timeout: float | None) -> Iterator[DocumentRun]:
    return extractor.extract_batch(documents, timeout=timeout) if timeout else extractor.extract_batch(documents)


def _runs_in_process(extractor: Extractor, documents: Iterable[Document], gold_documents: Sequence[Document],
                     gold_facts: Sequence[Fact], options: RunOptions) -> Iterator[DocumentRun]:
    """A trainable extractor never predicts a document it was trained on: a document of the gold (same id
    or same text) is predicted leave-one-document-out, any other by a model fitted on the whole gold.
    An extractor that says it is ``pretrained`` (loaded from a file) is used as it is.
    """
    if _trained_on(extractor):
        yield from _refusing(extractor, documents, _trained_on(extractor), options.timeout)
        return
    if _used_as_is(extractor):
        if isinstance(extractor, Batched) and _batch_keeps_time(extractor, options.timeout):
            yield from _batch(extractor, documents, options.timeout)  # the extractor's own bounded concurrency
        else:
            yield from run_extractor(extractor, documents, options.timeout)
        return
    documents = list(documents)
    in_gold = {index: predict_held_out(extractor, doc, gold_documents, gold_facts, options.timeout)
               for index, doc in enumerate(documents) if _held_out(doc, gold_documents)}
    if len(in_gold) < len(documents):
        failure = _fit(extractor, gold_documents, gold_facts)
        if failure is not None:
            raise ExtractorFailed(f"training {extractor.name} on the gold failed: {failure}")
    for index, document in enumerate(documents):
        yield in_gold[index] if index in in_gold else extract_one(extractor, document, options.timeout)
