"""Normalizer details that mutants showed no test held (docs/mutation.md), each by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from bench.normalize.aliases import fold
from bench.normalize.dates import year_for

PUBLISHED = dt.date(2028, 6, 23)


@pytest.mark.parametrize(("tense", "year"), [("past", 2028), ("present", 2028), ("future", 2028)])
def test_a_month_alone_in_the_published_month_keeps_the_published_year_in_every_tense(tense, year):
    """"in June", published on 23 June: compared at month precision it is the same month, on neither side."""
    assert year_for(6, None, PUBLISHED, tense) == year


@pytest.mark.parametrize(("day", "tense", "year"), [(22, "future", 2029), (23, "future", 2028), (24, "past", 2027),
                                                    (23, "past", 2028)])
def test_a_day_in_the_published_month_is_compared_to_the_day(day, tense, year):
    """A day before the published day told in the future is next year's; after it in the past, last year's."""
    assert year_for(6, day, PUBLISHED, tense) == year


@pytest.mark.parametrize(("name", "folded"), [
    ("Bureau of Industry & Security", "bureau of industry and security"),  # "&" is "and"
    ("Commerce Department's", "commerce department"),  # a possessive goes
    ("the Harbor Board’s", "harbor board"),  # a curly one too, and "the"
    ("The U.S. Department of Commerce", "department of commerce"),  # and a US prefix
])
def test_fold(name, folded):
    assert fold(name) == folded
