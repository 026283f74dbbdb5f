"""The articles: each text once, gold mentions labelled inline, every run's errors beside the mention they concern.

An article some run erred on (a false positive or negative, or a failure, by
the scorer's per-document counts) is shown in full; the others are listed
with the facts every run found. This module gathers what each article
section shows; ``templates/report/articles.html.j2`` lays it out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from bench.data.documents import Document
from bench.data.gold import Gold
from bench.facts import GoldMention
from bench.presentation.html_report.outcomes import ArticleView, FactRow, Note
from bench.presentation.html_report.runs import ArticleName, Run
from bench.presentation.palette import type_class

SYMBOLS = {"missed": "✗", "spurious": "+", "wrong_value": "≠", "wrong_type": "⇄", "wrong_boundary": "↔",
           "partial": "½", "value_differs": "≈"}
WORDS = {"missed": "missed", "spurious": "spurious", "wrong_value": "wrong value", "wrong_type": "wrong type",
         "wrong_boundary": "wrong boundary", "partial": "partial match", "value_differs": "value differs (not scored)"}
LINES = {"missed": "2px dashed", "spurious": "2px dotted", "wrong_value": "3px double", "wrong_type": "2px solid",
         "wrong_boundary": "2px dashed", "partial": "2px solid", "value_differs": "2px dotted"}  # borders, beside colour


def symbol_and_words(kind: str) -> tuple[str, str]:
    """How a kind of outcome is shown; a kind the report does not know is shown as it is named.

    >>> symbol_and_words("missed"), symbol_and_words("vanished")
    (('✗', 'missed'), ('?', 'vanished'))
    """
    return SYMBOLS.get(kind, "?"), WORDS.get(kind, kind)


@dataclass(frozen=True, slots=True)
class Chip:
    """The same outcome of one or more runs as a small labelled box: symbol, runs, kind in words, what they predicted.

    ``runs`` holds the runs' indices, space-separated; ``run_label`` names them ("every run" when all of several).
    """

    kind: str
    symbol: str
    runs: str
    run_label: str
    words: str
    detail: str


@dataclass(frozen=True, slots=True)
class MentionEnd:
    """After a gold mention: its type label, then the chips of the runs that got it wrong."""

    fact_type: str
    chips: tuple[Chip, ...]


@dataclass(frozen=True, slots=True)
class Piece:
    """Text between two boundaries, its classes (gold type, predicted), and what ends after it."""

    text: str
    css: str
    mentions: tuple[MentionEnd, ...] = ()
    chips: tuple[Chip, ...] = ()


@dataclass(frozen=True, slots=True)
class FactLine:
    """A row of the article's fact list; ``status`` is the "found" note after the chips."""

    row: FactRow
    chips: tuple[Chip, ...]
    status: str


@dataclass(frozen=True, slots=True)
class TallyRow:
    """TP, FP, FN of one run, or of every run that erred nowhere on the article (``runs`` lists their indices)."""

    name: str
    runs: str
    tp: str
    fp: str
    fn: str
    failure: str


@dataclass(frozen=True, slots=True)
class ArticleSection:
    doc_id: str
    title: str
    about: str
    status: str
    errors: str  # "N errors", or "" when no run erred
    open: bool
    tallies: tuple[TallyRow, ...]
    failures: bool
    facts: tuple[FactLine, ...]
    pieces: tuple[Piece, ...]
    unplaced: tuple[Chip, ...]
    compact: bool = False  # a suite's case: the text and its chips, without the tables


@dataclass(frozen=True, slots=True)
class CleanArticle:
    """An article no run erred on: its title, where it is from, and how many facts (or mentions) every run found."""

    doc_id: str
    title: str
    about: str
    found: str
    unit: str


def erring(runs: Sequence[Run]) -> dict[str, set[int]]:
    """The documents some run erred on, by the scorer's per-document counts, with the indices of those runs."""
    found: dict[str, set[int]] = defaultdict(set)
    for index, run in enumerate(runs):
        for doc in run.results.documents:
            if doc.failure or any(cell.get("fp") or cell.get("fn") for cell in doc.counts.values()):
                found[doc.doc_id].add(index)
    return found


def _about(document: Document, name: ArticleName) -> str:
    outlet = name.outlet if name.outlet and name.outlet not in name.title else None
    return " · ".join(x for x in (outlet, name.published, document.id if document.id != name.title else None) if x)


def true_positives(run: Run) -> dict[str, float]:
    """The run's true positives in each document, by the scorer's per-document counts."""
    return {doc.doc_id: sum(cell.get("tp", 0) for cell in doc.counts.values()) for doc in run.results.documents}


def clean_article(document: Document, name: ArticleName, found: float, level: str) -> CleanArticle:
    """An article every run got right, with the true positives it counts (the same for every run)."""
    unit = "facts" if level == "fact" else "mentions"
    return CleanArticle(document.id, name.title, _about(document, name), _count(found), unit)


def chips(notes: Sequence[Note], runs: Sequence[Run]) -> tuple[Chip, ...]:
    """One chip per outcome (kind and detail), naming every run that had it, in the notes' order."""
    grouped: dict[tuple[str, str], list[int]] = {}
    for note in notes:
        grouped.setdefault((note.kind, note.detail), []).append(note.run)
    found = []
    for (kind, detail), members in grouped.items():
        members = sorted(set(members))
        label = "every run" if len(runs) > 1 and len(members) == len(runs) else ", ".join(runs[i].label for i in members)
        symbol, words = symbol_and_words(kind)
        found.append(Chip(kind, symbol, " ".join(map(str, members)), label, words, detail))
    return tuple(found)


def pieces(text: str, gold: Sequence[GoldMention], view: ArticleView,
           runs: Sequence[Run]) -> tuple[list[Piece], list[Chip]]:
    """The text cut at every mention boundary, and the chips it had no place for.

    Gold mentions are marked with their type label after them (as displaCy
    does), then the chips of the runs that got them wrong; text only a run
    predicted is underlined, with its chips after it.
    """
    mentions = [(*f.span, f.type) for f in gold]  # (start, end, type)
    spans = sorted({(s, e) for s, e, _ in view.predicted_spans if 0 <= s < e <= len(text)})
    cuts = sorted({0, len(text), *(m[0] for m in mentions), *(m[1] for m in mentions), *(p for s in spans for p in s)})
    by_place: dict[tuple[int | None, int | None, bool], list[Note]] = {}
    for note in view.notes:
        by_place.setdefault((note.start, note.end, note.on_gold), []).append(note)
    found = []
    for start, end in pairwise(cuts):
        covering = [t for s, e, t in mentions if s <= start and end <= e]
        predicted = any(s <= start and end <= e for s, e in spans)
        css = " ".join((["g", type_class(covering[0])] if covering else []) + (["p"] if predicted else []))
        ends = tuple(MentionEnd(t, chips(by_place.pop((s, e, True), []), runs))
                     for s, e, t in sorted(m for m in mentions if m[1] == end))
        after = chips([n for s, e in spans if e == end for n in by_place.pop((s, e, False), [])], runs)
        found.append(Piece(text[start:end], css, ends, after))
    return found, list(chips([note for notes in by_place.values() for note in notes], runs))


def _fact_line(row: FactRow, runs: Sequence[Run]) -> FactLine:
    marks = chips(row.notes, runs)
    status = ""
    if row.in_gold and len({n.run for n in row.notes}) < len(runs):
        status = " ✓ found by the others" if marks else " ✓ found by all" if len(runs) > 1 else " ✓ found"
    return FactLine(row, marks, status)


def _count(value: float) -> str:
    return f"{value:g}"


def errors_phrase(count: float) -> str:
    """
    >>> errors_phrase(1), errors_phrase(2.5)
    ('1 error', '2.5 errors')
    """
    return f"{_count(count)} error{'' if count == 1 else 's'}"


def tally_rows(view: ArticleView, runs: Sequence[Run]) -> list[TallyRow]:
    """TP, FP, FN of each run that erred on the article, and one row for all the others (they found everything)."""
    erring = [i for i, t in view.tallies.items() if t.fp or t.fn or i in view.failures]
    rows = [(runs[i].label, [i], view.tallies[i], view.failures.get(i, "")) for i in erring]
    others = [i for i in view.tallies if i not in erring]
    if others:
        rows.append(("every other run" if erring else "every run", others, view.tallies[others[0]], ""))
    return [TallyRow(name, " ".join(map(str, members)), _count(t.tp), _count(t.fp), _count(t.fn), failure)
            for name, members, t, failure in rows]


def article(document: Document, name: ArticleName, gold: Gold, view: ArticleView, runs: Sequence[Run],
            compact: bool = False) -> ArticleSection:
    """One article, collapsed when no run erred on it; ``compact``: without the tables of counts and facts."""
    text, unplaced = pieces(document.text, gold.facts_of(document.id), view, runs)
    errors = sum(t.fp + t.fn for t in view.tallies.values())
    status = errors_phrase(errors) if errors else ("no errors" if runs else f"{len(view.facts)} facts")
    return ArticleSection(
        document.id, name.title, _about(document, name), status,
        errors_phrase(errors) if errors else "", view.has_errors(), tuple(tally_rows(view, runs)) if runs else (),
        bool(view.failures), tuple(_fact_line(row, runs) for row in view.facts), tuple(text), tuple(unplaced), compact)
