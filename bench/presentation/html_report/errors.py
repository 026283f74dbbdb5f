"""The error section: every error of every run, filterable by kind with plain CSS checkboxes.

An error's kind and type are shown as the results file names them: a kind or
type the report does not know is printed as text, with no colour of its own.
``templates/report/errors.html.j2`` lays the section out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from bench.presentation.html_report.articles import errors_phrase, symbol_and_words
from bench.presentation.html_report.outcomes import show_json
from bench.presentation.html_report.runs import ArticleName, Run
from bench.scoring.error_analysis import KINDS


@dataclass(frozen=True, slots=True)
class Side:
    """The gold or predicted side of an error: the mention as written ("" if unknown) and the value."""

    text: str
    value: str


@dataclass(frozen=True, slots=True)
class Context:
    """The words around the mention; ``mention`` is None when the context marks none."""

    before: str
    mention: str | None = None
    after: str = ""


@dataclass(frozen=True, slots=True)
class ErrorItem:
    kind: str
    symbol: str
    words: str
    fact_type: str
    doc_id: str
    title: str
    outlet: str
    gold: Side | None
    predicted: Side | None
    predicted_type: str  # "" unless it differs from ``fact_type``
    context: Context | None


@dataclass(frozen=True, slots=True)
class KindFilter:
    kind: str
    symbol: str
    words: str
    count: int


@dataclass(frozen=True, slots=True)
class RunErrors:
    """One run's errors: the summary line and the items."""

    run: str
    summary: str
    level: str
    items: tuple[ErrorItem, ...]


def _side(fact_type: str, raw, text: str | None) -> Side | None:
    return None if raw is None else Side(text or "", show_json(fact_type, raw))


def context(text: str | None) -> Context | None:
    """The context with its ``[[mention]]`` found.

    >>> context("on [[3 May]] in"), context("no mark")
    (Context(before='on ', mention='3 May', after=' in'), Context(before='no mark', mention=None, after=''))
    """
    if not text:
        return None
    before, _, rest = text.partition("[[")
    mention, closed, after = rest.rpartition("]]")
    return Context(before, mention, after) if closed else Context(text)


def error_item(error: dict, names: dict[str, ArticleName]) -> ErrorItem:
    """One error: kind, type, article (title, outlet), gold and predicted values, context."""
    kind, doc, fact_type = str(error["kind"]), str(error["doc_id"]), str(error["type"])
    name = names.get(doc)
    outlet = name.outlet if name and name.outlet and name.outlet not in name.title else ""
    predicted_type = str(error.get("predicted_type") or fact_type)
    return ErrorItem(kind, *symbol_and_words(kind), fact_type, doc, name.title if name else doc, outlet,
                     _side(fact_type, error.get("gold_value"), error.get("gold_text")),
                     _side(predicted_type, error.get("predicted_value"), error.get("predicted_text")),
                     predicted_type if predicted_type != fact_type else "", context(error.get("context")))


def _summary(counts: Counter) -> str:
    """The run's error count, then per kind (the known kinds in order, others by name)."""
    kinds = [k for k in KINDS if counts[k]] + sorted(k for k in counts if k not in KINDS)
    parts = " · ".join(f"{counts[k]} {symbol_and_words(k)[1]}" for k in kinds)
    return errors_phrase(sum(counts.values())) + (f": {parts}" if parts else "")


def kind_filters(runs: Sequence[Run]) -> list[KindFilter]:
    """A checkbox per kind of error, with how many errors of that kind all runs made."""
    everything = Counter(str(error["kind"]) for run in runs for error in run.results.errors)
    return [KindFilter(k, *symbol_and_words(k), everything[k]) for k in KINDS]


def run_errors(runs: Sequence[Run], names: dict[str, ArticleName]) -> list[RunErrors]:
    """Per run, its errors in the results' order."""
    found = []
    for run in runs:
        errors = run.results.errors
        level = errors[0].get("level") if errors else None
        found.append(RunErrors(run.label, _summary(Counter(str(e["kind"]) for e in errors)),
                               f" ({level} level)" if level else "", tuple(error_item(e, names) for e in errors)))
    return found
