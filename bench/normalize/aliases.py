"""Normalization shared by gold validation, scoring and extractors.

One function per value kind: :func:`fold` for names, :func:`date_precision`
for ISO dates, and :class:`AliasTable` for the canonical names of agencies,
officials, titles and counted units listed in ``gold/aliases.json``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from bench.facts import AgencyName, Count, Fact, Official, Value

_NON_WORD = re.compile(r"[^\w]+")
_POSSESSIVE = re.compile(r"'s\b")
_COUNTRY_PREFIX = re.compile(r"^(?:the )?(?:u s(?: a)?|us|usa|united states)(?: of america)? ")


def fold(name: str) -> str:
    """Fold a name for comparison: case, punctuation, '&', 'the' and a US prefix do not count.

    >>> fold("U.S. Department of Commerce") == fold("department of commerce")
    True
    >>> fold("Bureau of Industry & Security")
    'bureau of industry and security'
    """
    text = _POSSESSIVE.sub("", name.lower().replace("&", " and ").replace("’", "'"))
    text = _NON_WORD.sub(" ", text).replace("_", " ").strip()
    text = " ".join(text.split())
    text = _COUNTRY_PREFIX.sub("", text)
    return text.removeprefix("the ")


DATE_PRECISIONS = ("year", "month", "day", "week")


_YEAR, _MONTH, _DAY, _WEEK = (re.compile(p) for p in (r"\d{4}", r"\d{4}-\d{2}", r"\d{4}-\d{2}-\d{2}", r"(\d{4})-W(\d{2})"))


@functools.lru_cache(maxsize=4096)  # a run checks the same few date values over and over
def date_precision(value: str) -> str | None:
    """The precision of an ISO date value, or None when it is not a real date.

    >>> date_precision("2024-07"), date_precision("2024-W29"), date_precision("2024-02-30")
    ('month', 'week', None)
    """
    try:
        if _YEAR.fullmatch(value):
            return "year"
        if _MONTH.fullmatch(value):
            dt.date.fromisoformat(value + "-01")
            return "month"
        if _DAY.fullmatch(value):
            dt.date.fromisoformat(value)
            return "day"
        match = _WEEK.fullmatch(value)
        if match:
            dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
            return "week"
    except ValueError:
        return None
    return None


@dataclass(frozen=True, slots=True)
class AliasTable:
    """Folded surface form -> canonical name, one mapping per kind; an agency's canonical name is its value."""

    agencies: dict[str, AgencyName] = field(default_factory=dict)
    officials: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_json(cls, raw: dict) -> AliasTable:
        """The lookup table of an ``aliases.json``: check it with :func:`alias_conflicts` first, since a name
        folding like another entry's would silently overwrite it here."""
        def index(kind: str) -> dict[str, str]:
            return {fold(surface): canonical for canonical, surface in _surfaces(raw.get(kind, {}))}

        agencies = {surface: AgencyName(canonical) for surface, canonical in index("agencies").items()}
        return cls(agencies, index("officials"), index("titles"), index("units"))

    def agency(self, surface: str) -> AgencyName | None:
        return self.agencies.get(fold(surface))

    def official(self, surface: str) -> str | None:
        return self.officials.get(fold(surface))

    def title(self, surface: str) -> str | None:
        return self.titles.get(fold(surface))

    def unit(self, surface: str) -> str | None:
        return self.units.get(fold(surface))

    def canonical_value(self, fact_type: str, value: Value) -> Value:
        """The value with names replaced by their canonical forms where the table knows them.

        Names it does not know are folded, so a prediction outside the table
        still compares case- and punctuation-insensitively.
        """
        if isinstance(value, Count):
            return Count(value.count, value.qualifier, self.unit(value.unit) or fold(value.unit))
        if isinstance(value, Official):
            return Official(self.official(value.name) or fold(value.name), self.title(value.title) or fold(value.title))
        if fact_type == "agency":
            return self.agency(value) or AgencyName(fold(value))
        return value


Entries = Mapping[str, Sequence[str]]


def _surfaces(entries: Entries) -> Iterator[tuple[str, str]]:
    """(canonical, surface) for every name of one table: the canonical names first, then their aliases."""
    yield from ((canonical, canonical) for canonical in entries)
    yield from ((canonical, alias) for canonical, aliases in entries.items() for alias in aliases)


def _clash(surface: str, canonical: str, other: tuple[str, str]) -> str:
    """Why ``surface``, a name of ``canonical``, cannot stand beside ``other`` (canonical, surface), which folds alike.

    Canonical names come first, so a canonical ``surface`` meets only another canonical name.
    """
    other_canonical, other_surface = other
    if surface == canonical:
        return f"canonical names {other_canonical!r} and {canonical!r} fold alike: neither could be told from the other"
    if other_surface == other_canonical:
        return (f"alias {surface!r} of {canonical!r} folds like the canonical name {other_canonical!r}, "
                "which it would take over")
    if other_surface == surface:
        return f"alias {surface!r} is claimed by both {other_canonical!r} and {canonical!r}"
    return f"alias {surface!r} of {canonical!r} folds like {other_surface!r}, an alias of {other_canonical!r}"


def alias_conflicts(tables: Mapping[str, Entries]) -> list[tuple[str, str]]:
    """(table, what is wrong) for each name that folds to nothing, or like a name of another canonical entry.

    Lookups go through :func:`fold`, so two names folding alike would make
    one entry silently take over the other's mentions.

    >>> alias_conflicts({"agencies": {"Roads Agency": ["RA"], "Rail Authority": ["RA"]}})
    [('agencies', "alias 'RA' is claimed by both 'Roads Agency' and 'Rail Authority'")]
    """
    found = []
    for kind, entries in tables.items():
        owner: dict[str, tuple[str, str]] = {}
        for canonical, surface in _surfaces(entries):
            key = fold(surface)
            if not key:
                found.append((kind, f"{surface!r} ({'canonical' if surface == canonical else f'an alias of {canonical!r}'}) "
                                    "folds to an empty name"))
            elif key in owner and owner[key][0] != canonical:
                found.append((kind, _clash(surface, canonical, owner[key])))
            else:
                owner.setdefault(key, (canonical, surface))
    return found


def fact_key(fact: Fact, aliases: AliasTable) -> tuple[str, str, Value]:
    """The identity of a fact within the gold: (doc id, type, canonical value)."""
    return fact.doc_id, fact.type, aliases.canonical_value(fact.type, fact.value)
