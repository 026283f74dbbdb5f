"""The error section: per run, its errors grouped by kind, the first few of each kind on the page.

At most ``max_examples`` errors of each kind and run are written into the
page; the others are in the page's data (:mod:`.data`), and a link shows them
(the script renders them into the filtered list). An error's kind and type
are shown as the results file names them: a kind or type the report does not
know is printed as text, with no colour of its own. Contexts are cut at word
boundaries. ``templates/report/errors.html.j2`` lays the section out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from bench.presentation.html_report.articles import errors_phrase, symbol_and_words
from bench.presentation.html_report.links import doc_anchor, filter_link
from bench.presentation.html_report.outcomes import show_json
from bench.presentation.html_report.runs import ArticleName, Run
from bench.scoring.error_analysis import KINDS

ELLIPSIS = "…"


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
    href: str  # the article shown in full, or the list of the document's errors
    gold: Side | None
    predicted: Side | None
    predicted_type: str  # "" unless it differs from ``fact_type``
    context: Context | None


@dataclass(frozen=True, slots=True)
class Count:
    """A count of errors and the link to the list of them."""

    count: int
    words: str
    link: str


@dataclass(frozen=True, slots=True)
class KindGroup:
    """One run's errors of one kind: how many, the first few, and how many more the data holds."""

    kind: str
    symbol: str
    words: str
    count: int
    items: tuple[ErrorItem, ...]
    more: int
    link: str


@dataclass(frozen=True, slots=True)
class RunErrors:
    """One run's errors: the total, the count of each kind (linked), and the groups."""

    index: int
    run: str
    total: str
    counts: tuple[Count, ...]
    level: str
    groups: tuple[KindGroup, ...]


def word_cut(text: str) -> str:
    """A context whose ends were cut mid-word (marked "…") cut back to a word boundary, never into the mention.

    >>> word_cut("…d on [[3 May]] in L…"), word_cut("It opened on [[3 May]]."), word_cut("…ab [[x]] cd…")
    ('… on [[3 May]] in …', 'It opened on [[3 May]].', '… [[x]] …')
    """
    if text.startswith(ELLIPSIS):
        space, mark = text.find(" "), text.find("[[")
        if space >= 0 and (mark < 0 or space < mark):
            text = ELLIPSIS + text[space:]
    if text.endswith(ELLIPSIS):
        space, mark = text.rfind(" "), text.rfind("]]")
        if space > mark:
            text = text[:space + 1] + ELLIPSIS
    return text


def _side(fact_type: str, raw, text: str | None) -> Side | None:
    return None if raw is None else Side(text or "", show_json(fact_type, raw))


def context(text: str | None) -> Context | None:
    """The context cut at word boundaries, with its ``[[mention]]`` found.

    >>> context("on [[3 May]] in"), context("no mark")
    (Context(before='on ', mention='3 May', after=' in'), Context(before='no mark', mention=None, after=''))
    """
    if not text:
        return None
    text = word_cut(text)
    before, _, rest = text.partition("[[")
    mention, closed, after = rest.rpartition("]]")
    return Context(before, mention, after) if closed else Context(text)


def error_item(error: dict, names: dict[str, ArticleName], in_page: Collection[str] = ()) -> ErrorItem:
    """One error: kind, type, article (title, outlet, link), gold and predicted values, context."""
    kind, doc, fact_type = str(error["kind"]), str(error["doc_id"]), str(error["type"])
    name = names.get(doc)
    outlet = name.outlet if name and name.outlet and name.outlet not in name.title else ""
    predicted_type = str(error.get("predicted_type") or fact_type)
    href = "#" + doc_anchor(doc) if doc in in_page else filter_link("errors", doc=doc)
    return ErrorItem(kind, *symbol_and_words(kind), fact_type, doc, name.title if name else doc, outlet or "", href,
                     _side(fact_type, error.get("gold_value"), error.get("gold_text")),
                     _side(predicted_type, error.get("predicted_value"), error.get("predicted_text")),
                     predicted_type if predicted_type != fact_type else "", context(error.get("context")))


def _kinds(counts: Counter) -> list[str]:
    """The known kinds in order, then others by name."""
    return [k for k in KINDS if counts[k]] + sorted(k for k in counts if k not in KINDS)


def run_errors(runs: Sequence[Run], names: dict[str, ArticleName], max_examples: int,
               in_page: Collection[str] = ()) -> list[RunErrors]:
    """Per run: its errors by kind, the first ``max_examples`` of each kind in the results' order."""
    found = []
    for index, run in enumerate(runs):
        errors = run.results.errors
        counts = Counter(str(e["kind"]) for e in errors)
        groups = []
        for kind in _kinds(counts):
            first = [e for e in errors if str(e["kind"]) == kind][:max_examples]
            groups.append(KindGroup(kind, *symbol_and_words(kind), counts[kind],
                                    tuple(error_item(e, names, in_page) for e in first), counts[kind] - len(first),
                                    filter_link("errors", run=index, kind=kind)))
        level = errors[0].get("level") if errors else None
        found.append(RunErrors(index, run.label, errors_phrase(sum(counts.values())),
                               tuple(Count(g.count, g.words, g.link) for g in groups),
                               f" ({level} level)" if level else "", tuple(groups)))
    return found
