"""baselines.regex: one pattern per type, values normalized from the match only, no context."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baselines.regex import RegexExtractor
from bench.data.documents import Document
from bench.extraction.extractor import Extractor, as_facts
from bench.facts import Count, Official

WEDNESDAY = dt.date(2031, 5, 14)


def extract(text: str, fact_type: str | None = None, published: dt.date | None = WEDNESDAY) -> list[tuple]:
    document = Document("r", text, published)
    facts = as_facts(RegexExtractor().extract(document), document)
    return [(f.type, f.text, f.value) for f in sorted(facts, key=lambda f: f.start) if fact_type in (None, f.type)]


def test_it_is_an_extractor_with_a_name_and_version():
    extractor = RegexExtractor()
    assert isinstance(extractor, Extractor)
    assert extractor.name == "regex" and extractor.version


def test_dates_in_each_style_through_the_shared_normalizer():
    text = "It opened on Friday, March 14, closed 14 March 2030, moved Oct. 3 and again last month, since 1988."
    assert extract(text, "date") == [
        ("date", "Friday, March 14", "2031-03-14"), ("date", "14 March 2030", "2030-03-14"),
        ("date", "Oct. 3", "2031-10-03"), ("date", "last month", "2031-04"), ("date", "1988", "1988"),
    ]


def test_durations_are_not_dates():
    assert extract("It ran for 20 years and thirty days, three decades in all.", "date") == []


def test_counts_span_is_qualifier_and_number():
    text = "It has more than 3 million users, 18,500 firms and “fewer than 30” staff."
    assert extract(text) == [
        ("user_count", "more than 3 million", Count(3000000, "gt", "users")),
        ("user_count", "18,500", Count(18500, "eq", "companies")),
        ("headcount", "fewer than 30", Count(30, "lt", "employees")),
    ]


@pytest.mark.parametrize("text", ["It paid $45 million in fines.", "Sales rose 12% in a year.", "It took 30 days."])
def test_money_percentages_and_durations_are_not_counts(text):
    assert extract(text, "headcount") + extract(text, "user_count") == []


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Energy Secretary Alan Mercer spoke.", "Alan Mercer", "Secretary of Energy"),
        ("Secretary of State Alan Mercer spoke.", "Alan Mercer", "Secretary of State"),
        ("It was signed by then-President Dana Holt.", "Dana Holt", "President"),
        ("Sen. Paula Brandt objected.", "Paula Brandt", "Senator"),
    ],
)
def test_officials_title_then_full_name(text, name, title):
    assert extract(text, "official") == [("official", name, Official(name, title))]


def test_agencies_by_shape_with_the_department_name_reordered():
    text = "The Energy Department, the Department of Rural Roads and the Maritime Safety Agency agreed."
    assert extract(text, "agency") == [
        ("agency", "Energy Department", "Department of Energy"),
        ("agency", "Department of Rural Roads", "Department of Rural Roads"),
        ("agency", "Maritime Safety Agency", "Maritime Safety Agency"),
    ]


def test_the_floor_has_no_context_rules():
    """Known limits, pinned: surnames are not resolved, acronyms and quoted "today" are read as they come."""
    text = 'Energy Secretary Alan Mercer spoke. Mercer said: "We act today." The FBI agreed.'
    assert [(t, span) for t, span, _ in extract(text)] == [("official", "Alan Mercer"), ("date", "today")]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aeiou tnrsAMPSD0123456789,.$%“”\"'-\n")), max_size=120))
def test_any_text_gives_facts_that_meet_the_prediction_contract(text):
    extract(text)


NAME_TEXT = st.lists(st.sampled_from(["Water", "Agency", "Department", "McGraw", "and", "&", "of", " ", "  ", "\n",
                                      ",", "X", "Bureau", "The", "Authority", "Ab", "2", "é", "Commission"]), max_size=25)


@settings(max_examples=1000, derandomize=True, deadline=None)
@given(NAME_TEXT)
def test_named_agencies_finds_what_the_pattern_finds_everywhere(words):
    """The keyword-anchored searches are a speed-up only: the same matches as AGENCY_NAMED and AGENCY_OF's finditer."""
    from baselines.regex import (
        AGENCY_NAMED,
        AGENCY_OF,
        _agencies_of,
        _agency_heads,
        _named_agencies,
    )

    text = "".join(words)
    heads = _agency_heads(text)
    assert [m.span() for m in _named_agencies(text, heads)] == [m.span() for m in AGENCY_NAMED.finditer(text)]
    assert [m.span() for m in _agencies_of(text, heads)] == [m.span() for m in AGENCY_OF.finditer(text)]
