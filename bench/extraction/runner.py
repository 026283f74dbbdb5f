"""Running an extractor over documents, one document's failure never stopping the run.

How a run is done: extractors used as they are run in supervised worker
processes when there are several workers, or a time limit (the pool kills a
worker whose document runs past it, whatever the extractor does); otherwise,
and always for extractors bench trains during the run or that batch documents
themselves, in this process (:mod:`bench.extraction.in_process`), where the
time limit is the alarm signal and a C call cannot be cut short.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial

from bench.data.documents import Document, DocumentFile, UniqueIds
from bench.errors import BenchError, ExtractorFailed, Interrupted
from bench.extraction.extractor import Batched, Extractor, Pretrained, Trainable
from bench.extraction.guard import (
    ESCAPES,
    escape_failure,
    guarded,
    restored_cwd_and_umask,
)
from bench.extraction.in_process import extract_one, run_extractor
from bench.extraction.outcome import DocumentRun, encode_run
from bench.extraction.pool import run_parallel
from bench.extraction.watchdog import watched
from bench.facts import GoldMention

__all__ = ["DocumentRun", "RunOptions", "encode_run", "extract_one", "predict_held_out", "run_extractor",
           "run_for_gold"]  # what the commands, the benchmarks and docs/scale.md import from here


def _fit(extractor: Trainable, documents: Sequence[Document], facts: Sequence[GoldMention]) -> str | None:
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
                     gold_facts: Sequence[GoldMention], timeout: float | None = None) -> DocumentRun:
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
    """How to run: worker processes, per-document time limit in seconds, documents per task.

    With more than one worker or a time limit, an extractor used as it is runs in supervised worker
    processes (one, if one is asked for): a document past the limit fails and its worker is killed,
    whatever the extractor is doing. Without either, it runs in this process, the fastest way.
    """

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
    return set(extractor.trained_on) if isinstance(extractor, Pretrained) and extractor.pretrained else set()


def _in_workers(extractor: Extractor, options: RunOptions) -> bool:
    """Worker processes for several workers or a time limit, if the extractor is used as it is, one document at a time."""
    wanted = options.workers > 1 or bool(options.timeout)
    return wanted and _used_as_is(extractor) and not _trained_on(extractor) and not isinstance(extractor, Batched)


def run_for_gold(extractor: Extractor, documents: Iterable[Document], gold_documents: Sequence[Document],
                 gold_facts: Sequence[GoldMention], options: RunOptions = RunOptions(),
                 spec: str | None = None, params: dict | None = None, encode: Callable | None = None) -> Iterator:
    """Predictions for ``documents``; a trainable extractor never predicts a document it was trained on.

    With ``spec`` (what workers load), the run goes to worker processes as
    :class:`RunOptions` says. In this process, whatever working directory or
    umask the extractor sets is undone when the run ends, and a watchdog
    process answers a signal the extractor keeps Python from handling
    (:mod:`bench.extraction.watchdog`). ``encode`` maps each run, in the worker
    where there is one (see :func:`encode_run`).
    """
    if spec is not None and _in_workers(extractor, options):
        yield from _runs_in_workers(spec, params or {}, documents, options, encode)
        return
    with restored_cwd_and_umask(), watched():
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
                     gold_facts: Sequence[GoldMention], options: RunOptions) -> Iterator[DocumentRun]:
    """A trainable extractor never predicts a document it was trained on: a document of the gold (same id
    or same text) is predicted leave-one-document-out, any other by a model fitted on the whole gold.
    An extractor that says it is ``pretrained`` (loaded from a file) is used as it is.
    """
    if _trained_on(extractor):
        yield from _refusing(extractor, documents, _trained_on(extractor), options.timeout)
        return
    if not isinstance(extractor, Trainable) or _loaded(extractor):  # used as it is
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
