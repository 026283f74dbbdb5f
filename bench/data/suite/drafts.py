"""What a case is written with: plain text and mentions whose value the generator knows.

A :class:`Draft` is a list of pieces (plain strings and mentions), a
published date and the frame it was written from. Rendering joins them and
records each mention's offsets, so the gold is exact by construction. Values
are computed here from the structured mention (a date, a relative kind, a
number, the tense of its clause), never by parsing the text, so the gold does
not share code with any extractor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Union

from bench.data.suite.lexicons import AP_MONTHS, MONTHS, WEEKDAYS
from bench.facts import AgencyName, Count, DateValue, Fact, Official, Value


@dataclass(frozen=True, slots=True)
class Fixed:
    """A mention whose value does not depend on the published date: names, dates with a year."""

    type: str
    text: str
    value: Value

    def render(self, published: dt.date) -> tuple[str, Value]:
        return self.text, self.value


# _month, _week and year_of repeat bench.normalize.dates' arithmetic on purpose: the suite's gold must not
# share a bug with the normalizer the baselines use, or the suite could not see it.
def _month(day: dt.date, shift: int) -> str:
    index = day.year * 12 + day.month - 1 + shift
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def year_of(month: int, day: int | None, published: dt.date, tense: str) -> int:
    """The year of a day or month written without one: the tense rule (GUIDELINES §8).

    It takes the published year, unless the clause's tense puts it on the other
    side of the published date: a past event after it happened the year before,
    a future one before it happens the year after.

    >>> [year_of(7, 12, dt.date(2028, 6, 23), t) for t in ("past", "future", "present")]
    [2027, 2028, 2028]
    >>> year_of(3, None, dt.date(2030, 11, 2), "future"), year_of(11, None, dt.date(2030, 11, 2), "past")
    (2031, 2030)
    """
    written, today = (month, day or 0), (published.month, published.day if day else 0)
    if tense == "past" and written > today:
        return published.year - 1
    if tense == "future" and written < today:
        return published.year + 1
    return published.year


def resolve_relative(kind: str, published: dt.date) -> str:
    """The ISO value of a relative expression of ``kind`` written on ``published`` (GUIDELINES §2, §8).

    >>> [resolve_relative(k, dt.date(2031, 3, 5)) for k in ("yesterday", "last month", "next week", "Monday")]
    ['2031-03-04', '2031-02', '2031-W11', '2031-03-03']
    """
    days = {"today": 0, "yesterday": -1, "tomorrow": 1}
    if kind in days:
        return (published + dt.timedelta(days=days[kind])).isoformat()
    if kind in WEEKDAYS:
        back = (published.weekday() - WEEKDAYS.index(kind)) % 7
        return (published - dt.timedelta(days=back)).isoformat()
    shift = {"last": -1, "this": 0, "next": 1, "earlier this": 0, "later this": 0}[kind.rsplit(" ", 1)[0]]
    period = kind.rsplit(" ", 1)[1]
    if period == "week":
        return _week(published + dt.timedelta(weeks=shift))
    if period == "month":
        return _month(published, shift)
    return f"{published.year + shift:04d}"


@dataclass(frozen=True, slots=True)
class Relative:
    """A date written relative to the published date: "last month", "Monday" (``text`` as written)."""

    text: str
    kind: str
    type: str = "date"

    def render(self, published: dt.date) -> tuple[str, Value]:
        return self.text, DateValue(resolve_relative(self.kind, published))


@dataclass(frozen=True, slots=True)
class Yearless:
    """A day or month written without its year ("July 12", "12 July", "Sept. 3", "July", "Wednesday, July 12"): the
    tense rule dates it. A weekday is fixed when the case is written, so such a case never changes its published
    date (no DIR variant is drawn from one)."""

    month: int
    day: int | None
    tense: str
    form: str  # "us", "uk", "abbr", "month", or "weekday" (the weekday of the day the rule gives, written first)
    type: str = "date"
    weekday: str = ""

    @property
    def text(self) -> str:
        name = MONTHS[self.month - 1]
        if self.form == "month" or self.day is None:
            return name
        if self.form == "uk":
            return f"{self.day} {name}"
        if self.form == "weekday":
            return f"{self.weekday}, {name} {self.day}"
        return f"{AP_MONTHS.get(self.month, name) if self.form == 'abbr' else name} {self.day}"

    def render(self, published: dt.date) -> tuple[str, Value]:
        year = year_of(self.month, self.day, published, self.tense)
        return self.text, DateValue(f"{year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else ""))


_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
         "sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def number_words(number: int) -> str:
    """A number below a million in words, the way news writes it.

    >>> number_words(42), number_words(1300), number_words(25000)
    ('forty-two', 'one thousand three hundred', 'twenty-five thousand')
    """
    if number < 20:
        return _ONES[number]
    if number < 100:
        return _TENS[number // 10] + ("" if number % 10 == 0 else "-" + _ONES[number % 10])
    if number < 1000:
        rest = number % 100
        return _ONES[number // 100] + " hundred" + ("" if rest == 0 else " " + number_words(rest))
    rest = number % 1000
    return number_words(number // 1000) + " thousand" + ("" if rest == 0 else " " + number_words(rest))


def number_text(number: int, style: str) -> str:
    """``number`` written in ``style``: digits ("1,250"), plain ("1250"), words, or scaled ("1.2 million", "30m")."""
    if style == "words":
        return number_words(number)
    if style == "plain":
        return str(number)
    if style in ("scaled", "suffix"):
        for scale, word, suffix in ((10**9, "billion", "bn"), (10**6, "million", "m"), (10**3, "thousand", "k")):
            if number >= scale and number % (scale // 10) == 0:
                figure = f"{number / scale:.1f}".removesuffix(".0")
                return f"{figure}{suffix}" if style == "suffix" else f"{figure} {word}"
    return f"{number:,}"


def cased(text: str, case: str) -> str:
    """``text`` as written ("lower"), with a capital first letter ("capital"), or in Title Case ("title")."""
    if case == "capital":
        return text[:1].upper() + text[1:]
    if case == "title":
        return " ".join(word[:1].upper() + word[1:] for word in text.split(" "))
    return text


@dataclass(frozen=True, slots=True)
class CountMention:
    """A count: qualifier phrase as written (maybe ""), the number, how it is written, what it counts, its casing."""

    type: str
    qualifier: str
    code: str
    number: int
    style: str
    unit: str
    case: str = "lower"

    @property
    def text(self) -> str:
        figure = number_text(self.number, self.style)
        return cased(f"{self.qualifier} {figure}" if self.qualifier else figure, self.case)

    def render(self, published: dt.date) -> tuple[str, Value]:
        return self.text, Count(self.number, self.code, self.unit)


Mention = Union[Fixed, Relative, Yearless, CountMention]
Piece = Union[str, Mention]
MENTIONS = (Fixed, Relative, Yearless, CountMention)


@dataclass(frozen=True, slots=True)
class Draft:
    """One case before rendering: its pieces, its published date and the frame it was written from."""

    pieces: tuple[Piece, ...]
    published: dt.date
    frame: str = ""

    def with_pieces(self, pieces) -> Draft:
        return replace(self, pieces=tuple(pieces))


def render(draft: Draft, doc_id: str) -> tuple[str, list[Fact]]:
    """The document text and its gold mentions, offsets counted while joining."""
    parts: list[str] = []
    facts: list[Fact] = []
    position = 0
    for piece in draft.pieces:
        if isinstance(piece, str):
            text = piece
        else:
            text, value = piece.render(draft.published)
            facts.append(Fact(doc_id, piece.type, value, text, position, position + len(text)))
        parts.append(text)
        position += len(text)
    return "".join(parts), facts


def official(name: str, surface: str, title: str) -> Fixed:
    return Fixed("official", surface, Official(name, title))


def agency(surface: str, canonical: str) -> Fixed:
    return Fixed("agency", surface, AgencyName(canonical))


def date(surface: str, value: str) -> Fixed:
    return Fixed("date", surface, DateValue(value))
