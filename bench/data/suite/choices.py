"""Seeded choices the capabilities share: published dates, years, counts, and the mentions built from them."""

from __future__ import annotations

import datetime as dt
import random

from bench.data.suite import lexicons as lx
from bench.data.suite.agency_pool import Body
from bench.data.suite.drafts import CountMention, Fixed, Piece, Relative, Yearless, agency, date

FIRST_PUBLISHED = dt.date(2026, 1, 1)  # so that no date of the suite falls in the articles' 2024
PUBLISHED_DAYS = 3652  # ten years of published dates
PAST_YEARS = tuple(range(2003, 2018))  # a year after one of them stays before the articles' 2019
FUTURE_YEARS = tuple(range(2037, 2043))
AVOIDED_COUNTS = frozenset({240_000})
AVOIDED_PREFIXES = ("50",)
"""Counts never drawn: numbers the seed articles make particular (and, by prefix, every number that starts like one)."""


def published(rng: random.Random) -> dt.date:
    return FIRST_PUBLISHED + dt.timedelta(days=rng.randrange(PUBLISHED_DAYS))


def day_in_year(rng: random.Random, year: int) -> dt.date:
    """A day of ``year``, never 29 February (a form without a year must exist in every year)."""
    day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
    return day if (day.month, day.day) != (2, 29) else dt.date(year, 2, 28)


def near(rng: random.Random, base: dt.date, tense: str) -> dt.date:
    """A day 1 to 330 days before ``base`` (past) or after it (future): within a year, as news dates events."""
    days = rng.randrange(1, 331)
    day = base - dt.timedelta(days=days) if tense == "past" else base + dt.timedelta(days=days)
    return day if (day.month, day.day) != (2, 29) else day + dt.timedelta(days=1 if tense == "future" else -1)


def count(rng: random.Random, low: int, high: int) -> int:
    """A number between ``low`` and ``high`` with two significant figures, as news rounds them."""
    while True:
        number = rng.randrange(low, high + 1)
        scale = 10 ** max(0, len(str(number)) - 2)
        number = max(low, number // scale * scale)
        if number not in AVOIDED_COUNTS and not str(number).startswith(AVOIDED_PREFIXES):
            return number


def scaled_count(rng: random.Random) -> int:
    """A large count written with a scale word: 1.2 million, 35 million, 2.5 billion."""
    if rng.random() < 0.25:
        return rng.choice((11, 12, 13, 15, 18, 21, 25, 32)) * 10**8
    figure = rng.choice((11, 12, 15, 18, 23, 25, 27, 35, 45, 60, 75, 85, 120, 150, 230, 310, 640))
    return figure * 10**5 if figure < 100 else figure * 10**6


def qualifier(rng: random.Random, code: str | None = None) -> tuple[str, str]:
    """(phrase, code) of a qualifier; ``code`` "eq" gives no phrase."""
    code = code or rng.choice(("eq", "eq", *lx.QUALIFIERS))
    return ("", "eq") if code == "eq" else (rng.choice(lx.QUALIFIERS[code]), code)


def spelled_number(rng: random.Random) -> int:
    """A number news spells out: a small one or round thousands ("forty-two", "twelve thousand")."""
    return rng.choice((count(rng, 12, 99), rng.randrange(2, 21) * 1000))


def headcount(rng: random.Random, code: str | None = None, style: str | None = None, low: int = 12,
              high: int = 90_000) -> CountMention:
    """A headcount of a drawn size, qualifier and writing style."""
    number = count(rng, low, high)
    style = style or rng.choice(("digits", "digits", "digits", "words", "plain"))
    if style == "words":
        number = max(low, spelled_number(rng))
    if style == "plain" and number < 1000:
        style = "digits"
    phrase, code = qualifier(rng, code)
    return CountMention("headcount", phrase, code, number, style, "employees")


def user_count(rng: random.Random, unit: str = "users", code: str | None = None,
               style: str | None = None) -> CountMention:
    """A user count: scaled ("1.2 million", "30m") for users, digits for client companies."""
    phrase, code = qualifier(rng, code)
    if unit == "companies":
        return CountMention("user_count", phrase, code, count(rng, 120, 90_000), style or "digits", unit)
    number = scaled_count(rng)
    style = style or rng.choice(("scaled", "scaled", "suffix", "digits" if number < 10**8 else "scaled"))
    return CountMention("user_count", phrase, code, number, style, unit)


def absolute(rng: random.Random, day: dt.date) -> Fixed:
    """A day with its year, in one of the forms news writes: "July 15, 2031", "15 July 2031", ISO, "Sept. 3, 2031"..."""
    month = lx.MONTHS[day.month - 1]
    form = rng.choice(("us", "us", "uk", "iso", "abbr", "weekday", "ordinal"))
    text = {
        "us": f"{month} {day.day}, {day.year}",
        "uk": f"{day.day} {month} {day.year}",
        "iso": day.isoformat(),
        "abbr": f"{lx.AP_MONTHS.get(day.month, month)} {day.day}, {day.year}",
        "weekday": f"{lx.WEEKDAYS[day.weekday()]}, {month} {day.day}, {day.year}",
        "ordinal": f"{day.day}{_ordinal(day.day)} of {month} {day.year}",
    }[form]
    return date(text, day.isoformat())


def _ordinal(number: int) -> str:
    return "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def yearless(rng: random.Random, day: dt.date, tense: str, month_only: bool = False) -> Yearless:
    """``day`` written without its year ("July 12", "12 July", "Sept. 3", or "July"); the tense rule dates it."""
    if month_only:
        return Yearless(day.month, None, tense, "month")
    return Yearless(day.month, day.day, tense, rng.choice(("us", "us", "uk", "abbr")))


def weekday_yearless(day: dt.date, tense: str) -> Yearless:
    """"Wednesday, July 12": ``day`` without its year, after its weekday."""
    return Yearless(day.month, day.day, tense, "weekday", weekday=lx.WEEKDAYS[day.weekday()])


PAST_KINDS = ("WEEKDAY", "WEEKDAY", "yesterday", "today", "last week", "last month", "last year", "this week",
              "earlier this year", "this month")
FUTURE_KINDS = ("tomorrow", "next week", "next month", "next year", "later this year", "this week", "this month",
                "today")


def relative(rng: random.Random, kinds: tuple[str, ...] = PAST_KINDS) -> tuple[Piece, ...]:
    """A relative date as a slot: ("on ", Monday) for a weekday, else the expression alone."""
    kind = rng.choice(kinds)
    if kind == "WEEKDAY":
        weekday = rng.choice(lx.WEEKDAYS[:5])
        return "on ", Relative(weekday, weekday)
    return (Relative(kind, kind),)


def agency_slot(body: Body, surface: str) -> tuple[Piece, ...]:
    """"the " + the body, or its owner's possessive for a foreign one whose name does not say its country
    ("Britain's ..."): outside the span."""
    says_country = body.full == body.canonical
    return (f"{body.owner} " if body.owner and not says_country else "the ", agency(surface, body.canonical))
