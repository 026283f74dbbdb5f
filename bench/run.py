"""Running an extractor over documents, one document's failure never stopping the run."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from bench.documents import Document
from bench.errors import BenchError
from bench.extractor import Extractor, Trainable, as_facts
from bench.facts import Fact


@dataclass(frozen=True, slots=True)
class DocumentRun:
    """What an extractor gave for one document: its facts, or why it failed."""

    doc_id: str
    facts: tuple[Fact, ...] = field(default_factory=tuple)
    failure: str | None = None


def extract_one(extractor: Extractor, document: Document) -> DocumentRun:
    """Run the extractor on one document; an exception or invalid output becomes a failure."""
    try:
        facts = as_facts(extractor.extract(document), document, source=extractor.name)
    except BenchError as error:
        return DocumentRun(document.id, failure=str(error))
    except Exception as error:  # noqa: BLE001 - a plug-in's bug must not end the run
        return DocumentRun(document.id, failure=f"{type(error).__name__}: {error}")
    return DocumentRun(document.id, tuple(facts))


def run_extractor(extractor: Extractor, documents: Iterable[Document]) -> Iterator[DocumentRun]:
    """Extract from each document in order."""
    for document in documents:
        yield extract_one(extractor, document)


def cross_validate(extractor: Extractor, documents: Sequence[Document], facts: Sequence[Fact],
                   held_out_ids: set[str] | None = None) -> Iterator[DocumentRun]:
    """Leave-one-document-out: fit on the other documents' facts, extract from the held-out one.

    The extractor is never scored on a document it was trained on. ``held_out_ids``
    limits which documents are held out (all by default).
    """
    if not isinstance(extractor, Trainable):
        raise TypeError(f"{extractor.name} has no fit(documents, facts)")
    for held_out in documents:
        if held_out_ids is not None and held_out.id not in held_out_ids:
            continue
        train_docs = [doc for doc in documents if doc.id != held_out.id]
        train_facts = [fact for fact in facts if fact.doc_id != held_out.id]
        try:
            extractor.fit(train_docs, train_facts)
        except BenchError as error:
            yield DocumentRun(held_out.id, failure=f"training failed: {error}")
            continue
        yield extract_one(extractor, held_out)


def run_for_gold(extractor: Extractor, documents: Iterable[Document], gold_documents: Sequence[Document],
                 gold_facts: Sequence[Fact]) -> Iterator[DocumentRun]:
    """Predictions for ``documents``; a trainable extractor never predicts a document it was trained on.

    Documents of the gold set are predicted leave-one-document-out; any other
    corpus by a model fitted on the whole gold. An extractor that says it is
    ``pretrained`` (loaded from a file) is used as it is.
    """
    if not isinstance(extractor, Trainable) or getattr(extractor, "pretrained", False):
        yield from run_extractor(extractor, documents)
        return
    gold_ids = {doc.id: doc.text for doc in gold_documents}
    documents = list(documents)
    if all(gold_ids.get(doc.id) == doc.text for doc in documents):
        wanted = {doc.id for doc in documents}
        runs = {run.doc_id: run for run in cross_validate(extractor, gold_documents, gold_facts, wanted)}
        yield from (runs[doc.id] for doc in documents)
        return
    extractor.fit(gold_documents, gold_facts)
    yield from run_extractor(extractor, documents)
