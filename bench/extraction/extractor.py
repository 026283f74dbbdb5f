"""The extractor contract: a name, a version, and ``extract(document) -> facts``; optional capabilities as protocols.

Extractors may return :class:`~bench.facts.Fact` objects or dicts in the
prediction shape; :func:`as_facts` checks and converts them. The runner asks
for each optional capability with ``isinstance`` against these protocols:

- :class:`Trainable`: ``fit(documents, facts)`` and ``trained_on``; evaluation
  on the gold trains it leave-one-document-out, and it never predicts a
  document it was trained on.
- :class:`Pretrained`: a Trainable whose ``pretrained`` is true was loaded
  from a file; it is used as it is and refuses its ``trained_on`` documents.
- :class:`Batched`: ``extract_batch(documents, timeout=None)`` runs its own bounded
  concurrency, yielding a :class:`~bench.extraction.outcome.DocumentRun` per document
  and keeping the time limit itself (its threads cannot be alarmed).
- :class:`Describing`: ``run_details()`` names what the options alone do not
  (a model, an endpoint host); the results file's run spec records it.

One optional method has no protocol: ``training_regime(training_set)`` says how
the extractor was trained for a run (``training_set`` names the set it was
fitted on, or is None when it ran on the scored set itself), one of the regimes
of :func:`bench.data.runspec.training_regime`. The run spec records the answer,
and the report reads it from there; without the method, an extractor with no
``fit`` is recorded as untrained and a trainable one as unrecorded.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

from bench.data.documents import Document
from bench.data.schema import schema_problems
from bench.data.shapes import MAX_COUNT
from bench.data.validate import span_problems, value_problems
from bench.errors import InputError
from bench.extraction.outcome import DocumentRun
from bench.facts import QUALIFIERS, Count, Fact, GoldMention, Official
from bench.normalize.aliases import date_precision


@runtime_checkable
class Extractor(Protocol):
    name: str
    version: str

    def extract(self, document: Document) -> Iterable[Fact | dict]: ...


@runtime_checkable
class Trainable(Protocol):
    """Learns from labeled documents; ``trained_on`` holds the ids of the documents of its last fit."""

    trained_on: Sequence[str]

    def fit(self, documents: Sequence[Document], facts: Sequence[GoldMention]) -> None: ...


@runtime_checkable
class Pretrained(Trainable, Protocol):
    """A Trainable that may come loaded from a file: then ``pretrained`` is true and it is not fitted again."""

    pretrained: bool


@runtime_checkable
class Batched(Protocol):
    """Runs many documents itself (e.g. concurrent requests): one ``DocumentRun`` per document, in order.

    ``timeout``, when not None, is the seconds each document may take, which the batch must keep itself.
    """

    def extract_batch(self, documents: Iterable[Document], timeout: float | None = None) -> Iterator[DocumentRun]: ...


@runtime_checkable
class Describing(Protocol):
    """Says what ran beyond its options, e.g. ``{"model": ..., "endpoint_host": ...}``, for the run spec."""

    def run_details(self) -> Mapping[str, str]: ...


class FunctionExtractor:
    """Wraps a plain function ``f(document) -> facts`` as an extractor."""

    def __init__(self, function: Callable[[Document], Iterable[Fact | dict]], name: str | None = None, version: str = "0"):
        self.function = function
        self.name = name or function.__name__
        self.version = getattr(function, "version", version)
        self.description = (function.__doc__ or "").strip().splitlines()[0] if function.__doc__ else ""

    def extract(self, document: Document) -> Iterable[Fact | dict]:
        return self.function(document)


_VALUE_CLASS = {"date": str, "agency": str, "headcount": Count, "user_count": Count, "official": Official}


def _value_ok(value: Any, fact_type: str) -> bool:
    """A value of the right class holds what the value schema asks for."""
    kind = value.__class__
    if kind is str:  # the schema's date pattern takes ASCII digits only; date_precision takes any digit
        return value.strip() != "" and (fact_type != "date" or value.isascii())
    if kind is Count:
        count, qualifier, unit = value.count, value.qualifier, value.unit
        return (count.__class__ is int and 0 <= count <= MAX_COUNT and qualifier.__class__ is str
                and qualifier in QUALIFIERS and unit.__class__ is str and unit != "")
    name, title = value.name, value.title
    return name.__class__ is str and title.__class__ is str and name.strip() != "" and title.strip() != ""


def _fact_shape_ok(fact: Fact) -> bool:
    """Whether a Fact object is shaped as the schema asks; the schema explains whatever fails this."""
    if type(fact.value) is not _VALUE_CLASS.get(fact.type) or type(fact.doc_id) is not str:
        return False
    if not (fact.id is None or type(fact.id) is str) or not (fact.text is None or type(fact.text) is str):
        return False
    if not (fact.start is fact.end is None or (type(fact.start) is int and type(fact.end) is int)):
        return False
    return _value_ok(fact.value, fact.type)


@functools.lru_cache(maxsize=4096)  # an extractor repeats the same few dates: each is checked once
def _good_date(value: str) -> bool:
    return value.strip() != "" and value.isascii() and date_precision(value) is not None


def _all_ok(items: Iterable[Any], doc_id: str, text: str) -> bool:
    """The common case in one loop: every item a Fact without an id, well shaped and fitting its document.

    As strict as the schema and the data checks; an item that fails it goes to :func:`_problems`.
    ``x.__class__ is str`` is ``type(x) is str`` without a call: this runs for every fact.
    """
    size = len(text)
    for fact in items:
        if fact.__class__ is not Fact:
            return False
        value, fact_type, fact_doc = fact.value, fact.type, fact.doc_id
        if (value.__class__ is not _VALUE_CLASS.get(fact_type) or fact.id is not None
                or (fact_doc is not doc_id and (fact_doc.__class__ is not str or fact_doc != doc_id))):
            return False
        start, end, mention = fact.start, fact.end, fact.text
        if start is None:
            if end is not None or not (mention is None or mention.__class__ is str):
                return False
        elif (start.__class__ is not int or end.__class__ is not int or not 0 <= start < end <= size
              or (mention is not None and (mention.__class__ is not str or text[start:end] != mention))):
            return False
        if not (_good_date(value) if fact_type == "date" else _value_ok(value, fact_type)):
            return False
    return True


def _problems(item: Any, document: Document) -> tuple[Fact | None, list[tuple[str, str]]]:
    """The item as a Fact, or (field, message) problems, worded by the schema and the data checks."""
    shaped = isinstance(item, Fact) and _fact_shape_ok(item)
    raw = item.to_dict() if isinstance(item, Fact) else item
    found = [] if shaped else schema_problems(raw, "prediction")
    if not found and raw["doc_id"] != document.id:
        found = [("doc_id", f"{raw['doc_id']!r} is not the document extracted ({document.id!r})")]
    if not found:
        found = span_problems(raw, {document.id: document.text})
    if found:
        return None, found
    fact = item if isinstance(item, Fact) else Fact.from_dict(raw)
    return fact, value_problems(fact, None)


def as_facts(items: Iterable[Any], document: Document, source: str = "extractor") -> list[Fact]:
    """Check what an extractor returned for ``document`` and convert it to facts.

    This is where predictions enter: a value that passes is its type's variant of
    :data:`~bench.facts.Value`, a plain ``str`` of a date or an agency included
    (a :data:`~bench.facts.DateValue` or an :data:`~bench.facts.AgencyName`).

    Raises:
        InputError: naming the offending item and field, when one is malformed.
    """
    items, doc_id, text = list(items), document.id, document.text
    if _all_ok(items, doc_id, text):
        return items  # the common case: Fact objects, checked without building records
    facts = []
    for index, item in enumerate(items):
        if _all_ok((item,), doc_id, text):
            facts.append(item)
            continue
        fact, found = _problems(item, document)
        if found:
            field, message = found[0]
            raise InputError(message, source, None, f"document {document.id} fact {index}: {field}")
        facts.append(fact)
    return facts
