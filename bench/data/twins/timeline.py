"""A document's dates, labelled and not, and the one week offset a twin moves them all by.

Unlabelled dates are what :func:`bench.normalize.dates.date_candidates` finds
and :func:`~bench.normalize.dates.normalize_date` gives a value, read against
the document's anchor. Two guards keep words that only look like dates: a
bare "May" or "March" moves only after a word such as "in" or "since" (and
no month name moves that is a word of a person's name in the text: "Theresa
May", "June Carter"), and a bare year only when no counted noun, currency or
percent sign stands by it ("2000 workers", "$1999") and it is no decade ("the
1930's").

The offset. Candidates are the whole weeks from 56 to 156 (a year and a month
to three years) that move every day into another month and every year to
another year. They are tried in an order the seed shuffles, each counted for
troubles: a date of an article written as another date of that article was;
a day or month written without its year that leaves the published year; a
date of a year the same article also writes alone ("2022 Mobile World
Congress ... March 2, 2022") moving to another year than that year does. The
first candidate without trouble is taken; when none is clear, the first with
the fewest troubles, so a set where one offset is strictly the best gets it
under every seed (the Wikinews set: 142 weeks, 16 troubles in 178 absolute
dates).
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bench.data.twins.dates import FALLBACK_ANCHOR, DateShift, Part, has_year, parts_of, rewrite, written
from bench.data.twins.edits import Edit
from bench.errors import InputError
from bench.facts import GoldMention
from bench.normalize.aliases import date_precision
from bench.normalize.dates import date_candidates, is_relative, normalize_date
from bench.normalize.numbers import classify_unit, non_count_reason

WEEKS = tuple(k for k in range(56, 157) if 42 <= (7 * k) % 365.2425 <= 323)
_BARE_VERB_MONTHS = frozenset(("May", "March"))
_MONTH_CONTEXT = re.compile(r"(?:\b(?:in|of|since|until|till|by|from|during|before|after|early|late|last|next|this|"
                            r"mid|end|between|and|to)[\s-]+)$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+(?:\s+[A-Za-z]+)?)")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression: where it is, its value, its rewritable parts, and the id of its gold fact ("" if unlabelled)."""

    start: int
    end: int
    value: str
    parts: tuple[Part, ...]
    fact_id: str = ""


@dataclass(frozen=True, slots=True)
class Dates:
    """The dates of one text and the anchor they move with (see :mod:`bench.data.twins.dates`)."""

    text: str
    anchor: dt.date
    mentions: tuple[DateMention, ...]
    written: frozenset[str] = frozenset()
    """The absolute expressions as the original writes them."""
    bare_years: frozenset[int] = frozenset()
    """The years the original writes alone."""

    @property
    def absolute(self) -> tuple[DateMention, ...]:
        return tuple(m for m in self.mentions if m.parts)

    def edits(self, shift: DateShift, labelled: bool, where: str = "") -> list[Edit]:
        """The edits moving the gold mentions (``labelled``) or the others by ``shift``."""
        found = []
        for mention in self.mentions:
            if bool(mention.fact_id) != labelled:
                continue
            try:
                found += rewrite(mention.parts, mention.value, shift.value(mention.value))
            except ValueError as error:
                if mention.fact_id:
                    raise InputError(f"fact {mention.fact_id}: {error}", where or None, field="text") from None
        return found


def _looks_like_date(text: str, start: int, end: int, names: frozenset[str]) -> bool:
    expression = text[start:end]
    if expression in names:  # "Theresa May", "June Carter"
        return False
    if expression in _BARE_VERB_MONTHS:
        return bool(_MONTH_CONTEXT.search(text, max(0, start - 12), start))
    if re.fullmatch(r"\d{4}", expression):
        if text[end:end + 2] in ("'s", "’s"):  # a decade: "the 1930's"
            return False
        after = _NEXT_WORD.match(text, end)
        noun = after and (classify_unit(after.group(1)) or classify_unit(after.group(1).split()[0]))
        return not noun and non_count_reason(text[max(0, start - 8):start], text[end:end + 24]) is None
    return True


def _found(text: str, gold: Sequence[GoldMention], names: frozenset[str]) -> list[tuple[int, int, tuple[Part, ...]]]:
    """Unlabelled date expressions with their parts outside every gold mention."""
    found = []
    spans = [f.span for f in gold]
    for start, end in date_candidates(text):
        if not _looks_like_date(text, start, end, names) or is_relative(text[start:end]):
            continue
        parts = tuple(p for p in parts_of(text, start, end) if all(p.end <= s or p.start >= e for s, e in spans))
        if parts:
            found.append((start, end, parts))
    return found


def _anchor_of(text: str, published: dt.date | None, spans: Sequence[tuple[int, int, tuple[Part, ...]]]) -> dt.date:
    """The published date, else the first date written with its year (a month at its 15th, a year at 1 July)."""
    if published is not None:
        return published
    for start, end, parts in spans:
        value = normalize_date(text[start:end]) if has_year(parts) else None
        if value and date_precision(value) in ("day", "month", "year"):
            return dt.date.fromisoformat((value + "-07-01")[:10] if len(value) == 4 else (value + "-15")[:10])
    return FALLBACK_ANCHOR


def dates_of(text: str, published: dt.date | None, gold: Sequence[GoldMention], names: frozenset[str] = frozenset(),
             anchor: dt.date | None = None) -> Dates:
    """The dates of ``text``: its gold date mentions and the unlabelled ones found around them.

    A month name alone that is one of ``names`` (the words of its people's names) is a name, not a date.
    """
    labelled = [DateMention(f.start, f.end, str(f.value), parts_of(text, f.start, f.end), f.id) for f in gold
                if f.type == "date"]
    found = _found(text, gold, names)
    anchor = anchor or _anchor_of(text, published, sorted([*((m.start, m.end, m.parts) for m in labelled), *found]))
    mentions = list(labelled)
    for start, end, parts in found:
        value = normalize_date(text[start:end], anchor)
        if value is not None:
            mentions.append(DateMention(start, end, value, parts))
    absolute = [m for m in mentions if m.parts]
    return Dates(text, anchor, tuple(sorted(mentions, key=lambda m: m.start)), frozenset(text[m.start:m.end] for m in absolute),
                 frozenset(int(m.value) for m in absolute if date_precision(m.value) == "year"))


def _troubles_of(dates: Dates, weeks: int) -> int:
    shift = DateShift.anchored(dates.anchor, weeks)
    moved_year = (dates.anchor + dt.timedelta(weeks=weeks)).year
    count = 0
    for mention in dates.absolute:
        new = shift.value(mention.value)
        try:
            count += written(dates.text, mention.start, mention.end, mention.parts, mention.value, new) in dates.written
        except ValueError:
            continue  # reported when the edits are made
        year, new_year = int(mention.value[:4]), int(new[:4])
        count += not has_year(mention.parts) and year == dates.anchor.year and new_year != moved_year
        count += year in dates.bare_years and new_year != year + shift.years
    return count


def troubles(weeks: int, documents: Sequence[Dates], enough: int | None = None) -> int:
    """What an offset would make inconsistent, summed over the texts: a date written as another date of its text
    was; a date without a year leaving the anchor's year; a date of a year the text also names alone moving to
    another year than that year does. Counting stops at ``enough``."""
    count = 0
    for dates in documents:
        count += _troubles_of(dates, weeks)
        if enough is not None and count >= enough:
            break
    return count


def choose_weeks(seed: int, documents: Sequence[Dates]) -> int:
    """The twin's week offset: the first clear candidate in the seed's order, else the first of the least troubled."""
    order = list(WEEKS)
    random.Random(f"{seed}:dates").shuffle(order)
    best, fewest = order[0], None
    for weeks in order:
        found = troubles(weeks, documents, fewest)
        if fewest is None or found < fewest:
            best, fewest = weeks, found
        if found == 0:
            break
    return best
