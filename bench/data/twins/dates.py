"""Dates in a twin: one offset of whole weeks, and each expression written back in its own words.

The rule. Every document moves by the same number of weeks, so a weekday
written beside a date stays true. Per document, with its anchor (the
published date; without one, the first date it writes with a year; else
2000-07-01):

- a day and an ISO week move by exactly the offset;
- a month moves by as many months as the anchor's month moved, a year by as
  many years as the anchor's year moved.

So "June" and "last month" (both 2024-06 in an article of 16 July 2024) stay
one fact, as do "2024" and "this year": a relative expression keeps its words,
and its value, recomputed from the moved published date, is the value shifted
by the same rule. A day far from the anchor may land in a month or year other
than its month's or year's image ("30 June" and "June" can part); no single
whole-week offset keeps every precision in step.

An expression is rewritten part by part: its month name (in the same style:
"July", "Jul.", AP's "Sept."), day ("20", "20th"), year, or ISO date; weekday
names and every other word stay. A day written alone (the end of "May 3-5")
gets its month name in front when the move carries it into another month
than the first of its month. A year written with two digits ("in 80") keeps
two digits.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bench.data.twins.edits import Edit
from bench.normalize.aliases import date_precision
from bench.normalize.dates import MONTH_ABBREVIATIONS, MONTH_NAMES

FULL_MONTHS = tuple(name.capitalize() for name in MONTH_NAMES)
_AP = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}
_AP_WORDS = frozenset(("jan", "feb", "aug", "sept", "oct", "nov", "dec"))
_FULL = "|".join(MONTH_NAMES)
_SHORT = "|".join(sorted(MONTH_ABBREVIATIONS, key=len, reverse=True))
_PART = re.compile(
    r"(?P<iso>(?<!\d)\d{4}-\d\d-\d\d(?!\d))"
    rf"|(?P<month>\b(?i:(?:{_FULL})\b|(?:{_SHORT})\b\.?))"
    r"|(?P<year>(?<![\d,.])\d{4}(?!\d))"
    r"|(?P<day>(?<![\d,.])\d{1,2}(?:st|nd|rd|th)?(?!\d))"
)
_ORDINAL = re.compile(r"(\d+)(st|nd|rd|th)$")
FALLBACK_ANCHOR = dt.date(2000, 7, 1)


@dataclass(frozen=True, slots=True)
class Part:
    """One rewritable part of a date expression: ``kind`` is iso, month, year or day; offsets are in the document."""

    kind: str
    start: int
    end: int
    text: str


def parts_of(text: str, start: int, end: int) -> tuple[Part, ...]:
    """The rewritable parts of the date expression ``text[start:end]``, in order."""
    return tuple(Part(m.lastgroup or "", m.start(), m.end(), m.group()) for m in _PART.finditer(text, start, end))


def has_year(parts: Sequence[Part]) -> bool:
    return any(part.kind in ("iso", "year") for part in parts)


@dataclass(frozen=True, slots=True)
class DateShift:
    """How one document's dates move: days (whole weeks) for days and weeks, months and years for those."""

    days: int
    months: int
    years: int

    @classmethod
    def anchored(cls, anchor: dt.date, weeks: int) -> DateShift:
        """The shift of a document whose anchor (its published date) moves by ``weeks``.

        >>> DateShift.anchored(dt.date(2024, 7, 16), 60)
        DateShift(days=420, months=14, years=1)
        """
        moved = anchor + dt.timedelta(weeks=weeks)
        years = moved.year - anchor.year
        return cls(7 * weeks, years * 12 + moved.month - anchor.month, years)

    def inverse(self) -> DateShift:
        return DateShift(-self.days, -self.months, -self.years)

    def value(self, iso: str) -> str:
        """``iso`` moved at its own precision.

        >>> shift = DateShift(420, 14, 1)
        >>> [shift.value(v) for v in ("2024-07-20", "2024-W29", "2024-06", "2021")]
        ['2025-09-13', '2025-W37', '2025-08', '2022']
        """
        precision = date_precision(iso)
        if precision == "day":
            return (dt.date.fromisoformat(iso) + dt.timedelta(days=self.days)).isoformat()
        if precision == "week":
            monday = dt.date.fromisocalendar(int(iso[:4]), int(iso[6:]), 1) + dt.timedelta(days=self.days)
            year, week, _ = monday.isocalendar()
            return f"{year:04d}-W{week:02d}"
        if precision == "month":
            index = int(iso[:4]) * 12 + int(iso[5:7]) - 1 + self.months
            return f"{index // 12:04d}-{index % 12 + 1:02d}"
        if precision == "year":
            return f"{int(iso) + self.years:04d}"
        raise ValueError(f"not a date value: {iso!r}")


def _cased(word: str, like: str) -> str:
    if like.isupper() and len(like.rstrip(".")) > 1:
        return word.upper()
    return word.lower() if like.islower() else word


def month_text(month: int, like: str) -> str:
    """Month ``month`` written as ``like`` writes its month.

    >>> month_text(12, "Sept."), month_text(6, "Sept."), month_text(6, "Jul."), month_text(3, "JULY")
    ('Dec.', 'June', 'Jun.', 'MARCH')
    """
    word = like.rstrip(".").lower()
    if word in MONTH_NAMES:
        new = FULL_MONTHS[month - 1]
    elif word == "sept" or (like.endswith(".") and word in _AP_WORDS):
        new = _AP.get(month, FULL_MONTHS[month - 1])
    else:
        new = FULL_MONTHS[month - 1][:3] + ("." if like.endswith(".") else "")
    return _cased(new, like)


def _ordinal(day: int) -> str:
    return "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def day_text(day: int, like: str) -> str:
    """Day ``day`` written as ``like`` writes its day ("20th", "05", "7").

    >>> day_text(3, "20th"), day_text(5, "09"), day_text(22, "1")
    ('3rd', '05', '22')
    """
    number = f"{day:02d}" if like.startswith("0") else str(day)
    return number + _ordinal(day) if _ORDINAL.match(like) else number


def _day_parts(parts: Sequence[Part], old: dt.date, new: dt.date) -> list[str]:
    has_month = any(part.kind == "month" for part in parts)
    first_of_month = new - dt.timedelta(days=old.day - 1)  # where the first of the old month went
    texts = []
    for part in parts:
        if part.kind == "iso":
            texts.append(new.isoformat())
        elif part.kind == "month":
            texts.append(month_text(new.month, part.text))
        elif part.kind == "year":
            texts.append(f"{new.year:04d}")
        else:
            day = day_text(new.day, part.text)
            texts.append(day if has_month or first_of_month.month == new.month else f"{FULL_MONTHS[new.month - 1]} {day}")
    return texts


def _period_text(part: Part, new: str) -> str:
    if part.kind == "year":
        return new[:4]
    if part.kind == "day":  # a year written with two digits: "Reagan in 80"
        return new[2:4]
    return month_text(int(new[5:7]), part.text)


def _period_parts(parts: Sequence[Part], new: str, allowed: tuple[str, ...]) -> list[str] | None:
    if any(part.kind not in allowed or (part.kind == "day" and len(part.text) != 2) for part in parts):
        return None
    return [_period_text(part, new) for part in parts]


class UnwritableDate(ValueError):
    """A date expression whose parts cannot spell its value's precision (a day in a month's value)."""


def part_texts(parts: Sequence[Part], old: str, new: str) -> list[str]:
    """What each part of an expression (value ``old``) becomes for the value ``new``.

    Parts that cannot spell ``new`` at its precision raise :class:`UnwritableDate`.
    """
    precision = date_precision(new)
    texts: list[str] | None = None
    if precision == "day":
        texts = _day_parts(parts, dt.date.fromisoformat(old), dt.date.fromisoformat(new))
    elif precision == "month":
        texts = _period_parts(parts, new, ("month", "year"))
    elif precision == "year":
        texts = _period_parts(parts, new, ("year", "day"))
    if texts is None:
        written = " ".join(part.text for part in parts)
        raise UnwritableDate(f"cannot write the date {written!r} with the value {new}: its parts do not fit the value")
    return texts


def rewrite(parts: Sequence[Part], old: str, new: str) -> list[Edit]:
    """The edits that write the expression of ``parts`` (value ``old``) with the value ``new``.

    An expression without parts ("last month", "Tuesday") keeps its words: no edits.

    >>> rewrite(parts_of("on Sept. 29, 2024", 3, 17), "2024-09-29", "2025-12-07")
    [Edit(start=3, end=8, new='Dec.', kind='date'), Edit(start=9, end=11, new='7', kind='date'), Edit(start=13, end=17, new='2025', kind='date')]
    """
    if not parts:
        return []
    texts = part_texts(parts, old, new)
    return [Edit(part.start, part.end, text, "date") for part, text in zip(parts, texts) if text != part.text]


def written(text: str, start: int, end: int, parts: Sequence[Part], old: str, new: str) -> str:
    """The expression ``text[start:end]`` (value ``old``, parts ``parts``) written with the value ``new``.

    >>> text = "on Monday, July 15."
    >>> written(text, 3, 18, parts_of(text, 3, 18), "2024-07-15", "2025-09-15")
    'Monday, September 15'
    """
    pieces, position = [], start
    for part, new_text in zip(parts, part_texts(parts, old, new)):
        pieces += [text[position:part.start], new_text]
        position = part.end
    pieces.append(text[position:end])
    return "".join(pieces)
