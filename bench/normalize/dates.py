"""Dates: find date expressions in text and normalize them to ISO values.

Shared by every extractor. :func:`date_candidates` finds expressions anchored
on what a date must contain (a month name, a weekday, a four-digit year, a
relative keyword); :func:`normalize_date` turns one expression, already found,
into an ISO value at the precision the text gives, resolving relative forms
against the published date. Durations ("20 years", "three decades") are not
dates and never get a value. Table-driven, no dateparser: a call costs
microseconds (see DEPENDENCIES.md on cost).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from bench.facts import DateValue
from bench.normalize.patterns import literal_first

MONTH_NAMES = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
MONTH_ABBREVIATIONS = {
    "sept": 9, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTHS = {**MONTH_NAMES, **MONTH_ABBREVIATIONS}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}
RELATIVE_SHIFTS = {"last": -1, "this": 0, "next": 1}
PERIODS = ("week", "month", "year")
_IGNORED = frozenset({"st", "nd", "rd", "th", "of", "the"})
_TOKEN = re.compile(r"[a-z]+|\d+")
_ISO_DAY = re.compile(r"\s*(\d{4})-(\d\d)-(\d\d)\s*")


def _candidate_alternatives() -> list[str]:
    full = [name.capitalize() for name in MONTH_NAMES]
    short = [name.capitalize() for name in MONTH_ABBREVIATIONS]  # longest first: "Sept" before "Sep"
    month = f"(?:{'|'.join(full)}|(?:{'|'.join(short)})\\.?)(?![a-z])"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
    year = r"(?:1[5-9]|20)\d\d(?!\w)"
    day_month = f"\\s+(?:of\\s+)?{month}(?:,?\\s+{year})?"  # after the day's digits
    weekday_date = f",?\\s+(?:{month}\\s+{day}(?:,?\\s+{year})?|{day}{day_month})"
    alternatives = [
        *(f"{name}(?![a-z])(?:\\s+{day}(?:,?\\s+{year})?|,?\\s+{year})?" for name in full),
        *(f"{name}\\.?(?:\\s+{day}(?:,?\\s+{year})?|\\s+{year})" for name in short),
        *(f"{name.capitalize()}(?![a-z])(?:{weekday_date})?" for name in WEEKDAYS),
        *(f"{word}(?![a-z])" for name in RELATIVE_DAYS for word in (name, name.capitalize())),
        *(f"{word}\\s+(?:{'|'.join(PERIODS)})(?![a-z])" for name in RELATIVE_SHIFTS for word in (name, name.capitalize())),
        *(f"{century}\\d\\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])(?!\\d)" for century in ("19", "20")),
        r"\d\d?(?:st|nd|rd|th)?" + day_month,
        r"1[5-9]\d\d(?!\w)",
        r"20\d\d(?!\w)",
    ]
    return alternatives


@functools.cache
def candidate_pattern() -> re.Pattern[str]:
    """The one pattern of date expressions: "March 14, 2031", "14 March", "Oct. 3", "Friday, March 14",
    "2031-03-14", "May 2030", bare years, weekdays, "today", "last month", "this week".

    What :func:`date_candidates` finds, in one search; compiled on demand (30 ms).
    """
    return re.compile(literal_first(_candidate_alternatives()))


# The lower-case relative words open one English word in five ("t", "n", "l", "y"), so the
# whole pattern would be tried at each of those letters; str.find looks for these six words
# instead, and the rest of the pattern starts with a capital or a digit.
_LOWER_CASE_WORDS = (*RELATIVE_DAYS, *RELATIVE_SHIFTS)


@functools.cache
def _split_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """:func:`candidate_pattern` as its alternatives that start with a capital or a digit, and the rest.

    Compiled on first use (30 ms): a command that finds no dates does not pay for them.
    """
    alternatives = _candidate_alternatives()
    return (re.compile(literal_first(a for a in alternatives if not a[0].islower())),
            re.compile(literal_first(a for a in alternatives if a[0].islower())))


def date_candidates(text: str) -> list[tuple[int, int]]:
    """The spans ``candidate_pattern().finditer(text)`` gives, in order, found faster.

    No match starting with a lower-case word can start inside one starting with
    a capital or a digit, nor the reverse, so the two searches' union is the
    same list.

    >>> text = "On Friday, March 14 and again today, not this time but next week."
    >>> [text[start:end] for start, end in date_candidates(text)]
    ['Friday, March 14', 'today', 'next week']
    """
    capitalized, lower_case = _split_patterns()
    spans = [match.span() for match in capitalized.finditer(text)]
    for word in _LOWER_CASE_WORDS:
        position = text.find(word)
        while position != -1:
            match = lower_case.match(text, position)
            if match:
                spans.append(match.span())
            position = text.find(word, position + 1)
    spans.sort()
    return spans


def _tokens(expression: str) -> list[str]:
    return [t for t in _TOKEN.findall(expression.lower()) if t not in _IGNORED]


def _shift_month(day: dt.date, months: int) -> str:
    index = day.year * 12 + day.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _relative(tokens: list[str], published: dt.date) -> str | None:
    if len(tokens) == 1 and tokens[0] in RELATIVE_DAYS:
        return (published + dt.timedelta(days=RELATIVE_DAYS[tokens[0]])).isoformat()
    if len(tokens) == 1 and tokens[0] in WEEKDAYS:
        back = (published.weekday() - WEEKDAYS[tokens[0]]) % 7
        return (published - dt.timedelta(days=back)).isoformat()
    shift, period = RELATIVE_SHIFTS[tokens[0]], tokens[1]
    if period == "week":
        return _iso_week(published + dt.timedelta(weeks=shift))
    if period == "month":
        return _shift_month(published, shift)
    return f"{published.year + shift:04d}"


def _is_relative(tokens: list[str]) -> bool:
    if len(tokens) == 1:
        return tokens[0] in RELATIVE_DAYS or tokens[0] in WEEKDAYS
    return len(tokens) == 2 and tokens[0] in RELATIVE_SHIFTS and tokens[1] in PERIODS


def is_relative(expression: str) -> bool:
    """True when the expression names a day or period only relative to when it was written.

    Weekdays alone and "today", "last month", "this week"...; not month names
    without a year, which only borrow the published year.

    >>> is_relative("Tuesday"), is_relative("last month"), is_relative("Friday, March 14"), is_relative("June")
    (True, True, False, False)
    """
    return _is_relative(_tokens(expression))


def _calendar(tokens: list[str], published: dt.date | None) -> str | None:
    months = [MONTHS[t] for t in tokens if t in MONTHS]
    numbers = [t for t in tokens if t.isdigit()]
    years = [int(t) for t in numbers if len(t) == 4]
    days = [int(t) for t in numbers if len(t) <= 2]
    if len(months) + len(years) + len(days) != len(tokens) or len(months) > 1 or len(years) > 1 or len(days) > 1:
        return None
    if days and not months:
        return None
    year = years[0] if years else (published.year if published and months else None)
    if year is None:
        return None
    if not months:
        return f"{year:04d}"
    if not days:
        return f"{year:04d}-{months[0]:02d}"
    try:
        return dt.date(year, months[0], days[0]).isoformat()
    except ValueError:
        return None


@functools.lru_cache(maxsize=8192)  # the same few expressions recur on every page of a day's news
def normalize_date(expression: str, published: dt.date | None = None) -> DateValue | None:
    """The ISO value of a date expression at the precision the text gives, or None.

    Relative forms resolve against ``published``: a weekday is the most recent
    such day on or before it, "this week" its ISO week, "last month" the month
    before; a month or day without a year takes its year. Without a published
    date they give None, as do durations ("20 years") and anything unknown.

    >>> published = dt.date(2031, 5, 14)  # a Wednesday
    >>> [normalize_date(s, published) for s in ("Oct. 3", "3 October 2030", "Monday", "this week", "last month")]
    ['2031-10-03', '2030-10-03', '2031-05-12', '2031-W20', '2031-04']
    >>> normalize_date("twenty years", published), normalize_date("Monday", None)
    (None, None)
    """
    value = _iso_value(expression, published)
    return None if value is None else DateValue(value)


def _iso_value(expression: str, published: dt.date | None) -> str | None:
    iso = _ISO_DAY.fullmatch(expression)
    if iso:
        try:
            return dt.date(*map(int, iso.groups())).isoformat()
        except ValueError:
            return None
    tokens = _tokens(expression)
    if not tokens:
        return None
    if tokens[0] in WEEKDAYS and len(tokens) > 1:
        tokens = tokens[1:]
    if _is_relative(tokens):
        return _relative(tokens, published) if published else None
    return _calendar(tokens, published)


TENSES = ("past", "present", "future")


def year_for(month: int, day: int | None, published: dt.date, tense: str) -> int:
    """The year of a day or month written without one, from the published date and the tense of its clause.

    A yearless date takes the published year, unless the tense puts it on the
    other side of the published date: an event told in the past tense that
    would fall after the published date happened the year before; one told in
    the future tense that would fall before it happens the year after. The
    present tense (or an unknown one) keeps the published year. ``day`` None is
    a month alone ("in March"), compared at month precision.

    >>> published = dt.date(2028, 6, 23)
    >>> year_for(7, 12, published, "past"), year_for(7, 12, published, "future")
    (2027, 2028)
    >>> year_for(3, None, published, "future"), year_for(6, None, published, "past")
    (2029, 2028)
    """
    if tense not in TENSES:
        raise ValueError(f"tense must be one of {', '.join(TENSES)}, got {tense!r}")
    written = (month, day if day is not None else 0)
    reference = (published.month, published.day if day is not None else 0)
    if tense == "past" and written > reference:
        return published.year - 1
    if tense == "future" and written < reference:
        return published.year + 1
    return published.year
