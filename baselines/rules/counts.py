"""Headcounts and user counts: numbers, their qualifiers, and what they count.

Steps: a number from :func:`bench.normalize.numbers.number_spans`; money, percentages
and durations rejected by the words around it; a qualifier written just before
it joins the span ("fewer than 80", also across an opening quote); the counted
noun is looked for within three words after it, across a closing quote and up
to two modifiers ("3 million active users", "“fewer than 30” staff"), or, when
none follows, in "a workforce of N" / "employs N" before it. "people" and the
like count users, unless hiring or layoffs are spoken of just before, when they
count employees. A number that ranks ("top 10 firms"), belongs to a name
("Fortune 500 companies") or is one ("one customer said") is no count.
The span is qualifier + number (+ scale word), never the noun.
"""

from __future__ import annotations

import re

from baselines.rules.context import inside_a_name, word_before
from baselines.rules.spans import Found, Spans
from bench.facts import Count
from bench.normalize.numbers import (
    UNITS,
    classify_unit,
    non_count_reason,
    number_spans,
    parse_count,
    qualifier_start,
)

_NEXT_WORDS = re.compile(r"[”\"’]?[ \t]+([\w’'.-]+)(?:[ \t]+([\w’'.-]+))?(?:[ \t]+([\w’'.-]+))?")
_STOP_WORDS = frozenset(
    "of in on at to for from by with and or but than as the a an its their his her our your this that these those "
    "who which were was are is be been have has had will would said says".split()
)
_PEOPLE = frozenset(("people", "persons", "individuals"))
_EMPLOYMENT = re.compile(
    r"\b(?:employ(?:s|ed|ing)?|hir(?:e|es|ed|ing)|lay(?:s|ing)? off|laid off|layoffs?|job cuts|cut(?:s|ting)?|"
    r"fir(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|workforce)\b",
    re.IGNORECASE,
)
# "a workforce of (about) N", "employs (more than) N": up to two qualifier words in between
_NOUN_BEFORE = re.compile(r"\b(?:(?:workforce|headcount|staff) of|employ(?:s|ed|ing))\s+(?:[a-z.]+\s+){0,2}$",
                          re.IGNORECASE)
_EMPLOYEES = ("headcount", "employees")
_UNIT_LAST_WORDS = frozenset(unit.rpartition(" ")[2] for unit in UNITS)  # classify_unit finds nothing without one
_OF_PLURALS = frozenset(("tens", "dozens", "hundreds", "thousands", "millions", "billions"))


def counted_noun(text: str, end: int, vague_plural: bool = False) -> tuple[str, tuple[str, str]] | None:
    """The noun counted just after ``end`` and its (fact type, unit); ``vague_plural`` lets "of" come first
    ("thousands of users")."""
    match = _NEXT_WORDS.match(text, end)
    words = [w for w in match.groups() if w] if match else []
    if vague_plural and words[:1] == ["of"]:
        words = words[1:]
    for index, word in enumerate(words):
        bare = word.rstrip(".,;:!?’'”")
        lowered = bare.lower()
        unit = None
        if lowered in _UNIT_LAST_WORDS:
            unit = (classify_unit(f"{words[index - 1]} {bare}") if index else None) or classify_unit(bare)
        if unit:
            return bare, unit
        if lowered in _STOP_WORDS or bare != word:
            return None
    return None


def _noun_before(text: str, start: int) -> bool:
    """Whether "a workforce of" or "employs" (and up to two words) comes just before ``start``."""
    window = text[max(0, start - 40):start].casefold()  # casefold: what IGNORECASE equates (ſ, s) it folds alike
    if "employ" not in window and "workforce of" not in window and "headcount of" not in window and "staff of" not in window:
        return False  # the common case, found without the regex, which would be tried at every position
    return _NOUN_BEFORE.search(text, max(0, start - 40), start) is not None


def count_type(text: str, start: int, end: int, number_text: str) -> tuple[str, str] | None:
    """(fact type, unit) of the number at ``start:end``, or None when it counts nothing known."""
    noun = counted_noun(text, end, number_text.split()[-1].lower() in _OF_PLURALS)
    if noun is None:
        return _EMPLOYEES if _noun_before(text, start) else None
    word, unit = noun
    if word.lower() in _PEOPLE and _EMPLOYMENT.search(text, max(0, start - 60), start):
        return _EMPLOYEES
    return unit


def _no_count(text: str, start: int, qualified: bool) -> bool:
    """A number that ranks ("top 10 companies") or belongs to a name ("Fortune 500 companies")."""
    if qualified:
        return False
    return word_before(text, start)[0].lower() == "top" or inside_a_name(text, start)


def find_counts(text: str, skip: Spans) -> list[Found]:
    """Headcount and user-count mentions outside ``skip``."""
    found = []
    for start, end in number_spans(text):
        kind = count_type(text, start, end, text[start:end])  # first: it rejects most numbers, and cheaply
        if kind is None or skip.covers(start) or non_count_reason(text[max(0, start - 8):start], text[end:end + 24]):
            continue
        qualified = qualifier_start(text, start)
        if _no_count(text, start, qualified is not None):
            continue
        span_start = start if qualified is None else qualified
        parsed = parse_count(text[span_start:end])
        if parsed is not None and parsed[0] > 1:
            found.append(Found(kind[0], span_start, end, Count(parsed[0], parsed[1], kind[1])))
    return found
