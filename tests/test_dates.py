"""bench.normalize.dates: every date style and relative form, durations refused, candidates found."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.normalize import dates
from bench.normalize.aliases import date_precision
from bench.normalize.dates import (
    date_candidates,
    is_relative,
    normalize_date,
)

WEDNESDAY = dt.date(2031, 5, 14)  # published date used throughout: Wednesday 14 May 2031, ISO week 20


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("March 14, 2029", "2029-03-14"),
        ("March 14 2029", "2029-03-14"),
        ("14 March 2029", "2029-03-14"),
        ("14 March, 2029", "2029-03-14"),
        ("14th of March 2029", "2029-03-14"),
        ("March 14th", "2031-03-14"),
        ("March 14", "2031-03-14"),
        ("14 March", "2031-03-14"),
        ("Oct. 3", "2031-10-03"),
        ("Sept. 9", "2031-09-09"),
        ("Sep 9", "2031-09-09"),
        ("September 9", "2031-09-09"),
        ("Dec. 2029", "2029-12"),
        ("May 2030", "2030-05"),
        ("November", "2031-11"),
        ("2029-03-14", "2029-03-14"),
        ("1988", "1988"),
    ],
)
def test_absolute_styles_at_the_precision_written(expression, value):
    assert normalize_date(expression, WEDNESDAY) == value


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("Wednesday", "2031-05-14"),  # the published day itself
        ("Monday", "2031-05-12"),
        ("Thursday", "2031-05-08"),  # most recent Thursday on or before, not the next one
        ("Sunday", "2031-05-11"),
        ("today", "2031-05-14"),
        ("Today", "2031-05-14"),
        ("yesterday", "2031-05-13"),
        ("tomorrow", "2031-05-15"),
        ("this week", "2031-W20"),
        ("last week", "2031-W19"),
        ("next week", "2031-W21"),
        ("this month", "2031-05"),
        ("last month", "2031-04"),
        ("Last month", "2031-04"),
        ("next month", "2031-06"),
        ("this year", "2031"),
        ("last year", "2030"),
        ("next year", "2032"),
    ],
)
def test_relative_forms_resolve_against_the_published_date(expression, value):
    assert normalize_date(expression, WEDNESDAY) == value


def test_relative_forms_cross_year_boundaries():
    new_year = dt.date(2032, 1, 2)  # a Friday of ISO week 2032-W01
    assert normalize_date("last month", new_year) == "2031-12"
    assert normalize_date("last week", new_year) == "2031-W52"
    assert normalize_date("next month", dt.date(2031, 12, 30)) == "2032-01"
    assert normalize_date("yesterday", dt.date(2031, 3, 1)) == "2031-02-28"


def test_a_weekday_followed_by_its_date_is_the_date():
    assert normalize_date("Friday, March 14", WEDNESDAY) == "2031-03-14"
    assert normalize_date("Friday 14 March 2029", WEDNESDAY) == "2029-03-14"


@pytest.mark.parametrize("expression", ["20 years", "thirty days", "three decades", "nearly a month", "a month", "6 weeks"])
def test_durations_are_not_dates(expression):
    assert normalize_date(expression, WEDNESDAY) is None


@pytest.mark.parametrize("expression", ["Monday", "last month", "this week", "today", "June", "June 3"])
def test_without_a_published_date_relative_forms_have_no_value(expression):
    assert normalize_date(expression, None) is None


def test_without_a_published_date_absolute_forms_keep_their_value():
    assert normalize_date("June 3, 2030", None) == "2030-06-03"
    assert normalize_date("2030", None) == "2030"


@pytest.mark.parametrize("expression", ["February 30", "2031-02-30", "31 April 2030", "", "hello", "March March"])
def test_impossible_or_unreadable_dates_have_no_value(expression):
    assert normalize_date(expression, WEDNESDAY) is None


def test_is_relative_names_weekdays_and_keywords_only():
    assert [is_relative(e) for e in ("Sunday", "next week", "yesterday", "June", "2030", "Friday, March 14")] == [
        True, True, True, False, False, False,
    ]


def _found(text: str) -> list[str]:
    return [match.group() for match in dates.candidate_pattern().finditer(text)]


def test_candidates_cover_each_style_as_one_span():
    text = ("On Friday, March 14, the board met; by Oct. 3 and 14 March 2029, or on 2029-03-14, in May 2030, "
            "since 1988, last month, this week, Today and yesterday.")
    assert _found(text) == [
        "Friday, March 14", "Oct. 3", "14 March 2029", "2029-03-14", "May 2030", "1988", "last month",
        "this week", "Today", "yesterday",
    ]


@pytest.mark.parametrize(
    "text",
    ["the Mayor may march", "on Mondays", "the 1990s", "this weekend", "for 20 years", "30 days later", "Jan said",
     "an A320 jet", "code 12024", "nearly three decades ago", "Marchetti"],
)
def test_candidates_skip_look_alikes_and_durations(text):
    assert _found(text) == []


@given(st.text(max_size=40), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_normalize_date_never_raises_and_gives_valid_iso(expression, published):
    value = normalize_date(expression, published)
    assert value is None or date_precision(value) is not None


@pytest.mark.parametrize("expression", ["14 2029", "3 2030", "14", "31st 2030", "the 4th of 2029"])
def test_a_day_without_a_month_is_no_date_even_with_a_year(expression):
    """A day number needs its month: "14 2029" names no day, and reading it as the year 2029 would invent one."""
    assert normalize_date(expression, WEDNESDAY) is None
    assert normalize_date(expression, None) is None


DATE_WORDS = st.lists(st.sampled_from([
    "today", "Today", "tomorrow", "yesterday", "last", "Last", "this", "This", "next", "week", "month", "year",
    "lastly", "history", "contest", "March", "May", "Oct.", "Friday", ",", " ", "  ", "\n", "14", "3rd", "of", "2031",
    "2031-03-14", "x", "-", "“", "todays", "weekly",
]), max_size=30)


@settings(max_examples=1500, derandomize=True, deadline=None)
@given(DATE_WORDS)
def test_date_candidates_finds_what_the_pattern_finds(words):
    """The split search is a speed-up only: the same spans as candidate_pattern().finditer, in order."""
    text = "".join(words)
    assert date_candidates(text) == [match.span() for match in dates.candidate_pattern().finditer(text)]


@pytest.mark.parametrize("expression", [
    "14 Oct. 2030", "3 Sept 2030", "14th of March 2029", "3rd March", "March 14th", "Friday, Oct. 3",
    "Friday 3rd March", "1988-03-14", "2031-03-14", "2031", "1988",
])
def test_each_candidate_form_is_found_whole(expression):
    """An abbreviated month after its day, ordinal suffixes, ISO days of both centuries, bare years of both."""
    assert _found(f"It was {expression}, they said.") == [expression]


@pytest.mark.parametrize("expression", ["14-15 March", "March 3 4", "the 2029-2030 season", "2029 2030", "May 2029, 2030"])
def test_two_days_or_two_years_name_no_single_date(expression):
    assert normalize_date(expression, WEDNESDAY) is None


@pytest.mark.parametrize("expression", ["March 123", "March 010", "14 March 123", "June 2030 12345"])
def test_a_number_that_is_neither_a_day_nor_a_year_spoils_the_date(expression):
    """A day has one or two digits, a year four: "March 123" is no date, not March with "123" dropped."""
    assert normalize_date(expression, WEDNESDAY) is None


# year_for: the tense rule. Published Wednesday 14 May 2031; each expectation read off the calendar by hand.
@pytest.mark.parametrize(("month", "day", "tense", "year"), [
    (7, 12, "past", 2030),     # "filed its report on July 12": after 14 May, so last year's July
    (7, 12, "future", 2031),   # "will open on July 12": still ahead this year
    (7, 12, "present", 2031),  # no tense to move it: the published year
    (3, 2, "future", 2032),    # "will open on March 2": already past this year, so next year's
    (3, 2, "past", 2031),      # "opened on March 2": earlier this year
    (5, 14, "past", 2031),     # the published day itself stays in its year either way
    (5, 14, "future", 2031),
    (5, 15, "past", 2030),     # one day after: a past event there belongs to the year before
    (5, 13, "future", 2032),   # one day before: a future event there belongs to the year after
    (5, None, "past", 2031),   # "in May", a month alone: the published month is this year's
    (6, None, "past", 2030),   # "sales fell in June": June has not come yet, so last year's
    (4, None, "future", 2032),  # "will launch in April": April is over, so next year's
    (12, 31, "past", 2030),
    (1, 1, "future", 2032),
])
def test_year_for_follows_the_tense_rule(month, day, tense, year):
    assert dates.year_for(month, day, WEDNESDAY, tense) == year


def test_year_for_dates_across_new_year():
    """A dateline of 31 December in an article of 1 January 2032 (past): 2031. A plan for January
    told on 31 December 2031 (future): 2032."""
    assert dates.year_for(12, 31, dt.date(2032, 1, 1), "past") == 2031
    assert dates.year_for(1, 5, dt.date(2031, 12, 31), "future") == 2032


def test_year_for_refuses_an_unknown_tense():
    with pytest.raises(ValueError, match="tense must be one of past, present, future, got 'later'"):
        dates.year_for(7, 12, WEDNESDAY, "later")
