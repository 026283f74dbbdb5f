"""Properties of the capability suite's generator, over many published dates and random draws (not a snapshot).

Expected values come from calendar arithmetic written here (``datetime`` and
``isocalendar``), never from the generator's own helpers.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.data.suite import choices as ch
from bench.data.suite.context_names import officials_among_executives
from bench.data.suite.dates import relative_dates, yearless_tense
from bench.data.suite.drafts import Draft, Relative, Yearless, render
from bench.data.suite.pools import draw_pools
from bench.data.suite.variants import later_published, names_in, other_names

DAYS = st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2085, 12, 31))
DRAWS = st.integers(min_value=0, max_value=2**32 - 1)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@pytest.fixture(scope="module")
def pools():
    return draw_pools(3)


def expected_relative(kind: str, published: dt.date) -> str:
    """What GUIDELINES §2 and §8 make of ``kind`` written on ``published``, by plain calendar arithmetic."""
    if kind in ("today", "yesterday", "tomorrow"):
        return (published + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[kind])).isoformat()
    if kind in WEEKDAYS:  # the most recent such day, the published day itself included
        day = published
        while WEEKDAYS[day.weekday()] != kind:
            day -= dt.timedelta(days=1)
        return day.isoformat()
    word, period = kind.rsplit(" ", 1)
    step = {"last": -1, "next": 1}.get(word, 0)
    if period == "week":
        year, week, _ = (published + dt.timedelta(days=7 * step)).isocalendar()
        return f"{year}-W{week:02d}"
    if period == "month":
        year, month = published.year, published.month + step
        year, month = (year - 1, 12) if month == 0 else (year + 1, 1) if month == 13 else (year, month)
        return f"{year:04d}-{month:02d}"
    return f"{published.year + step:04d}"


def dates_of(draft: Draft) -> list[tuple[str, str]]:
    """(text, value) of each date mention, as the case's gold gives them."""
    _, facts = render(draft, "doc")
    return [(fact.text, fact.value) for fact in facts if fact.type == "date"]


@settings(max_examples=300, deadline=None)
@given(DAYS, st.sampled_from(sorted({*ch.PAST_KINDS, *ch.FUTURE_KINDS} - {"WEEKDAY"} | set(WEEKDAYS))))
def test_a_relative_date_resolves_against_the_published_date(published, kind):
    assert Relative(kind, kind).render(published) == (kind, expected_relative(kind, published))


@settings(max_examples=150, deadline=None)
@given(DRAWS, DAYS)
def test_a_relative_date_moves_with_the_published_date(pools, draw, other_day):
    """The same case published on another day: the text stays, each relative date resolves against the new day."""
    draft = relative_dates(random.Random(draw), pools)
    moved = Draft(draft.pieces, other_day, draft.frame)
    relatives = [piece for piece in draft.pieces if isinstance(piece, Relative)]
    assert relatives
    assert dates_of(moved) == [(piece.text, expected_relative(piece.kind, other_day)) for piece in relatives]
    assert render(moved, "doc")[0] == render(draft, "doc")[0]


@settings(max_examples=150, deadline=None)
@given(DRAWS)
def test_a_later_published_date_moves_relative_dates_forward_and_keeps_the_text(pools, draw):
    draft = relative_dates(random.Random(draw), pools)
    later = later_published(draft, random.Random(draw + 1), pools)
    assert 20 <= (later.published - draft.published).days < 400
    assert render(later, "doc")[0] == render(draft, "doc")[0]
    for (_, before), (_, after) in zip(dates_of(draft), dates_of(later)):
        assert after >= before  # ISO values of one precision sort as the days they name


@settings(max_examples=150, deadline=None)
@given(DRAWS)
def test_a_yearless_date_takes_the_year_its_tense_puts_it_in(pools, draw):
    """Past: the latest such day (or month) not after the published date; future: the earliest not before it."""
    draft = yearless_tense(random.Random(draw), pools)
    yearless = [piece for piece in draft.pieces if isinstance(piece, Yearless)]
    assert [value for _, value in dates_of(draft)] == [expected_yearless(piece, draft.published) for piece in yearless]


@settings(max_examples=400, deadline=None)
@given(DAYS, st.integers(1, 12), st.one_of(st.none(), st.integers(1, 28)), st.sampled_from(["past", "future", "present"]))
def test_the_tense_rule_on_any_day_or_month(published, month, day, tense):
    """Days 1 to 28, which every month of every year has (the generator draws no 29 February without a year)."""
    piece = Yearless(month, day, tense, "us" if day else "month")
    assert piece.render(published)[1] == expected_yearless(piece, published)


def expected_yearless(piece: Yearless, published: dt.date) -> str:
    years = range(published.year - 1, published.year + 2)
    if piece.day is None:
        months = [(year, piece.month) for year in years]
        today = (published.year, published.month)
        year = (max(m for m in months if m <= today) if piece.tense == "past" else
                min(m for m in months if m >= today) if piece.tense == "future" else (published.year, 0))[0]
        return f"{year:04d}-{piece.month:02d}"
    days = [dt.date(year, piece.month, piece.day) for year in years if _exists(year, piece.month, piece.day)]
    day = (max(d for d in days if d <= published) if piece.tense == "past" else
           min(d for d in days if d >= published) if piece.tense == "future" else
           dt.date(published.year, piece.month, piece.day))
    return day.isoformat()


def _exists(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


@settings(max_examples=150, deadline=None)
@given(DRAWS, DRAWS)
def test_an_inv_rename_never_reuses_a_name_already_in_the_text(pools, case_draw, rename_draw):
    draft = officials_among_executives(random.Random(case_draw), pools)
    before = names_in(draft, pools)
    renamed = other_names(draft, random.Random(rename_draw), pools)
    after = names_in(renamed, pools)
    assert before and not set(before) & set(after)
    assert len(after) == len(before)  # each name to its own new name: none merged
    assert gold_values(renamed) == gold_values(draft)  # INV: offsets may move with the names' length, values stay


def gold_values(draft: Draft) -> list[tuple]:
    return [(fact.type, fact.value, fact.text) for fact in render(draft, "doc")[1]]
