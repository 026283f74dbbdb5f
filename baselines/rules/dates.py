"""Date mentions: candidates from :func:`bench.normalize.dates.date_candidates`, then rules, then normalization.

Rules, each a small predicate on the candidate and its neighbours:
a bare year counting something ("2000 employees", "1600 points", "45%") or inside
a name ("the 2030 World Expo", "Windows 2000") is not a date; a lone "May"
opening a sentence is the verb; a lone month or weekday inside a name ("Theresa
May", "Black Friday", "April Moreno", "the Sunday Times") is not one; relative expressions
("today", "Monday", "this week") inside direct quotations are anchored to when
the speaker spoke, not to the published date, and are skipped.
"""

from __future__ import annotations

import datetime as dt
import re

from baselines.rules.context import (
    inside_a_name,
    opens_sentence,
    word_after,
    word_before,
)
from baselines.rules.spans import Found, Spans
from bench.normalize.dates import (
    MONTH_NAMES,
    WEEKDAYS,
    date_candidates,
    is_relative,
    normalize_date,
)
from bench.normalize.numbers import classify_unit, non_count_reason

_YEAR = re.compile(r"\d{4}")
_TIME_WORDS = frozenset(
    "in on since by until till from to of during before after through early late mid between and or last next this "
    "around about circa spring summer autumn fall winter".split()
)
_DETERMINERS = frozenset("the a an its his her their our this that".split())


def _year_is_no_date(text: str, start: int, end: int) -> bool:
    """A bare year that is money, a percentage or a count, or that is part of a name."""
    after, (before, _) = word_after(text, end), word_before(text, start)
    if non_count_reason(text[max(0, start - 8):start], text[end:end + 24]) in ("money", "percent"):
        return True
    if classify_unit(after):
        return True
    if after[:1].isupper() and after.lower() not in MONTH_NAMES:  # "the 2030 World Expo"
        return before.lower() in _DETERMINERS or before.endswith(("’s", "'s"))
    plural = after.endswith("s") and not after.endswith("ss") and after.islower()
    if plural and before.islower() and before not in _TIME_WORDS and before not in _DETERMINERS:
        return True  # "scored 1600 points", not "in 2019 companies", "the 2030 elections", "2030 was"
    return inside_a_name(text, start)


def _name_word_is_no_date(text: str, start: int, end: int) -> bool:
    """A lone month or weekday that is the verb "May" opening a sentence, or part of a name
    ("Theresa May", "Black Friday", "April Moreno", "the Sunday Times")."""
    if text[start:end] == "May" and opens_sentence(text, start):
        return True
    if inside_a_name(text, start):
        return True
    after, before = word_after(text, end), word_before(text, start)[0].lower()
    return after[:1].isupper() and after.lower() not in MONTH_NAMES and before.rstrip(".") not in _TIME_WORDS


def _rejected(text: str, start: int, end: int, quotes: Spans) -> bool:
    expression = text[start:end]
    if _YEAR.fullmatch(expression):
        return _year_is_no_date(text, start, end)
    lone = expression.lower()
    if (lone in MONTH_NAMES or lone in WEEKDAYS) and _name_word_is_no_date(text, start, end):
        return True
    return quotes.covers(start) and is_relative(expression)


def find_dates(text: str, published: dt.date | None, skip: Spans, quotes: Spans) -> list[Found]:
    """Date mentions outside ``skip``, spans as written, values at the text's precision."""
    found = []
    for start, end in date_candidates(text):
        if skip.covers(start) or _rejected(text, start, end, quotes):
            continue
        value = normalize_date(text[start:end], published)
        if value is not None:
            found.append(Found("date", start, end, value))
    return found
