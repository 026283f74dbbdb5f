"""Seeded choices the templates share: published dates, years, counts, people, bodies."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from bench.data.suite import lexicons as lx

FIRST_PUBLISHED = dt.date(2026, 1, 1)  # so that no date of the suite falls in the articles' 2024
PUBLISHED_DAYS = 3652  # ten years of published dates
PAST_YEARS = tuple(range(2003, 2018))  # a year after one of them stays before the articles' 2019
FUTURE_YEARS = tuple(range(2037, 2043))
AVOIDED_COUNTS = frozenset({240_000})
AVOIDED_PREFIXES = ("50",)
"""Counts never drawn: numbers the seed articles make particular (and, by prefix, every number that starts like one)."""


@dataclass(frozen=True, slots=True)
class Cast:
    """The officials of one suite: each surname names exactly one person (so "Stroud said" resolves)."""

    officials: tuple[tuple[str, str], ...]

    @classmethod
    def drawn(cls, rng: random.Random) -> "Cast":
        firsts = list(lx.FIRST_NAMES)
        rng.shuffle(firsts)
        return cls(tuple((firsts[i % len(firsts)], last) for i, last in enumerate(lx.OFFICIAL_SURNAMES)))

    def official(self, rng: random.Random) -> tuple[str, str]:
        """(full name, surname) of an official."""
        first, last = rng.choice(self.officials)
        return f"{first} {last}", last


def published(rng: random.Random) -> dt.date:
    return FIRST_PUBLISHED + dt.timedelta(days=rng.randrange(PUBLISHED_DAYS))


def other_person(rng: random.Random) -> str:
    """A journalist, executive or analyst: never an official's surname."""
    return f"{rng.choice(lx.FIRST_NAMES)} {rng.choice(lx.OTHER_SURNAMES)}"


def day_in_year(rng: random.Random, year: int) -> dt.date:
    return dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))


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


def body(rng: random.Random, foreign: bool | None = None) -> lx.Body:
    pool = lx.BODIES if foreign is None else (lx.FOREIGN_BODIES if foreign else lx.US_BODIES)
    return rng.choice(pool)


def title(rng: random.Random) -> tuple[str, str]:
    """(form written before a name, canonical title)."""
    office = rng.choice(lx.TITLES)
    return rng.choice(office.forms), office.canonical


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]
