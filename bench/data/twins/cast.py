"""A twin's cast: a new given name for every given name found and a new surname for every surname, from Faker.

Names are mapped word for word, so a person keeps one new name through full
name, surname alone and possessive, and people who share a surname keep
sharing one. New names are drawn evenly from Faker's en_US pools (690 first
names, 1,000 last names: 690,000 pairs) by the random generator of a Faker
seeded with the twin's seed; a first name keeps the gender Faker's pools give
it where they know it. No new name is a word of the
original set, nor is any drawn twice, so the mapping runs back without doubt.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bench.data.twins.edits import Edit, apply
from bench.data.twins.people import LOWER, PARTICLES, UPPER, PersonName
from bench.data.twins.pools import first_names, last_names, seeded_faker
from bench.errors import InputError

_TRIES = 10_000


@functools.lru_cache(maxsize=256)
def _names_pattern(given: frozenset[str], surnames: frozenset[str], words: frozenset[str]) -> re.Pattern[str]:
    """One of ``given`` (then initials or particles) and one of ``surnames``; or a surname by itself, unless a
    capitalized word follows ("Nobel Peace Prize"); one that is also one of ``words`` only after a word of the
    same sentence ("said Or", never "Or else")."""
    def alternatives(names: frozenset[str]) -> str:
        return "|".join(map(re.escape, sorted(names, key=len, reverse=True))) or "(?!)"

    middle = "|".join([rf"[{UPPER}]\.", *sorted(PARTICLES)])
    full = rf"(?P<given>{alternatives(given)})(?:\s+(?:{middle}))*\s+(?P<surname>{alternatives(surnames)})"
    alone = rf"(?:(?P<alone>{alternatives(surnames - words)})|(?<=[\w,;:] )(?P<word>{alternatives(words)}))"
    return re.compile(rf"(?<![\w-])(?:{full}|{alone}(?!\s+[{UPPER}][{LOWER}]))(?!\w|-[{UPPER}])")


@dataclass(frozen=True, slots=True)
class Cast:
    """Given name -> new given name, surname -> new surname (``everyone`` finds them all: build it with :func:`cast_of`)."""

    given: dict[str, str]
    surnames: dict[str, str]
    everyone: re.Pattern[str] = field(compare=False, repr=False)

    def inverse(self) -> Cast:
        return cast_of({new: old for old, new in self.given.items()}, {new: old for old, new in self.surnames.items()})

    def _edits(self, text: str, pattern: re.Pattern[str]) -> list[Edit]:
        edits = []
        for match in pattern.finditer(text):
            if match["given"]:
                edits.append(Edit(*match.span("given"), self.given[match["given"]], "name"))
                edits.append(Edit(*match.span("surname"), self.surnames[match["surname"]], "name"))
            else:
                group = "alone" if match["alone"] else "word"
                edits.append(Edit(*match.span(group), self.surnames[match[group]], "name"))
        return edits

    def edits(self, text: str, people: Iterable[PersonName], common: frozenset[str] = frozenset()) -> list[Edit]:
        """Name edits of ``text`` for ``people``: a given name and surname together; a surname alone or possessive,
        unless a capitalized word follows it, or it opens a sentence and ``common`` (the text's words in lower
        case) holds it as a word ("Or else", "Law says")."""
        people = list(people)
        surnames = frozenset(p.surname for p in people if p.surname in self.surnames)
        if not surnames:
            return []
        given = frozenset(p.given for p in people if p.given in self.given)
        return self._edits(text, _names_pattern(given, surnames, frozenset(n for n in surnames if n.lower() in common)))

    def rename(self, text: str) -> str:
        """``text`` with every name of the cast renamed: for alias forms and canonical names.

        >>> cast_of({"Gina": "Ana"}, {"Raimondo": "Lowe"}).rename("Gina M. Raimondo’s")
        'Ana M. Lowe’s'
        """
        return apply(text, self._edits(text, self.everyone))[0]


def cast_of(given: dict[str, str], surnames: dict[str, str]) -> Cast:
    return Cast(given, surnames, _names_pattern(frozenset(given), frozenset(surnames), frozenset()))


def _fresh(rng: random.Random, pool: Sequence[str], taken: set[str]) -> str:
    for _ in range(_TRIES):
        name = rng.choice(pool)
        if name.lower() not in taken:
            taken.add(name.lower())
            return name
    raise InputError(f"Faker's name pools hold too few names unused by the set ({len(taken)} words taken)",
                     field="--gold")


def draw_cast(people: Iterable[PersonName], seed: int, taken_words: Iterable[str]) -> Cast:
    """New names for ``people``, drawn in sorted order with the random generator of a Faker seeded by ``seed``.

    ``taken_words`` (lower case) are never drawn: every word of the original set.
    """
    people = list(people)
    rng, taken = seeded_faker(seed).random, set(taken_words)
    female, male, anyone = (tuple(sorted(first_names(gender))) for gender in ("female", "male", ""))
    given = {}
    for name in sorted({p.given for p in people if p.given}):
        pool = female if name in female else male if name in male else anyone
        given[name] = _fresh(rng, pool, taken)
    surnames_pool = tuple(sorted(last_names()))
    surnames = {name: _fresh(rng, surnames_pool, taken) for name in sorted({p.surname for p in people})}
    return cast_of(given, surnames)
