"""bench.normalize.numbers: numbers in digits and words, each qualifier, each counted unit, money and durations refused."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.normalize.numbers import (
    _SEPARATOR_BUT_SPACE,
    _number_patterns,
    classify_unit,
    non_count_reason,
    number_spans,
    parse_count,
    parse_number,
    qualifier_start,
)
from bench.normalize.patterns import finditer_union


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("18,500", (18500, False)),
        ("1,000,000", (1000000, False)),
        ("73", (73, False)),
        ("2.5 billion", (2500000000, False)),
        ("1.1 million", (1100000, False)),
        ("3 thousand", (3000, False)),
        ("seventy", (70, False)),
        ("ninety-nine", (99, False)),
        ("Thirteen", (13, False)),
        ("three hundred and twelve", (312, False)),
        ("four thousand", (4000, False)),
        ("sixty-two million", (62000000, False)),
        ("a hundred", (100, False)),
        ("a million", (1000000, False)),
        ("a dozen", (12, True)),
        ("two dozen", (24, True)),
        ("dozens", (24, True)),
        ("a few", (3, True)),
        ("hundreds", (200, True)),
        ("thousands", (2000, True)),
        ("hundreds of thousands", (200000, True)),
        ("tens of thousands", (20000, True)),
    ],
)
def test_parse_number_reads_digits_and_words(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["2.5", "one two", "seven eleven", "the", "", "a", "million million dollars"])
def test_parse_number_refuses_what_is_not_one_whole_number(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("phrase", "qualifier"),
    [
        ("less than", "lt"), ("fewer than", "lt"), ("under", "lt"),
        ("up to", "le"), ("at most", "le"), ("no more than", "le"),
        ("more than", "gt"), ("over", "gt"), ("above", "gt"),
        ("at least", "ge"),
        ("about", "approx"), ("around", "approx"), ("some", "approx"), ("roughly", "approx"),
        ("approximately", "approx"), ("nearly", "approx"), ("almost", "approx"), ("an estimated", "approx"),
    ],
)
def test_each_qualifier(phrase, qualifier):
    assert parse_count(f"{phrase} 80") == (80, qualifier)
    assert parse_count(f"{phrase.capitalize()} 6,400") == (6400, qualifier)


def test_no_qualifier_is_eq_and_vague_numbers_are_approx():
    assert parse_count("6,400") == (6400, "eq")
    assert parse_count("dozens") == (24, "approx")
    assert parse_count("at least a dozen") == (12, "ge")


def test_quotes_around_a_count_are_ignored():
    assert parse_count("“fewer than 30”") == (30, "lt")
    assert parse_count('"about 90"') == (90, "approx")


@pytest.mark.parametrize("text", ["$2 billion", "€40 million", "12%", "35 percent", "many", "less than"])
def test_parse_count_refuses_money_percentages_and_non_numbers(text):
    assert parse_count(text) is None


@pytest.mark.parametrize(
    ("noun", "kind"),
    [
        ("employees", ("headcount", "employees")), ("staff", ("headcount", "employees")),
        ("workers", ("headcount", "employees")), ("positions", ("headcount", "employees")),
        ("jobs", ("headcount", "employees")), ("personnel", ("headcount", "employees")),
        ("users", ("user_count", "users")), ("people", ("user_count", "users")),
        ("customers", ("user_count", "users")), ("consumers", ("user_count", "users")),
        ("subscribers", ("user_count", "users")),
        ("companies", ("user_count", "companies")), ("businesses", ("user_count", "companies")),
        ("organizations", ("user_count", "companies")), ("organisations", ("user_count", "companies")),
        ("firms", ("user_count", "companies")), ("client firms", ("user_count", "companies")),
        ("Employees", ("headcount", "employees")), ("active users", ("user_count", "users")),
    ],
)
def test_each_counted_unit(noun, kind):
    assert classify_unit(noun) == kind


@pytest.mark.parametrize("noun", ["dollars", "years", "percent", "servers", "countries", ""])
def test_nouns_that_count_no_people_or_organizations(noun):
    assert classify_unit(noun) is None


@pytest.mark.parametrize(
    ("before", "after", "reason"),
    [
        ("paid $", " to settle", "money"), ("paid US$", " to settle", "money"), ("raised €", " in", "money"),
        ("about ", " dollars", "money"), ("some ", " euros", "money"),
        ("up ", "% on", "percent"), ("by ", " percent", "percent"), ("by ", " per cent", "percent"),
        ("for ", " years", "duration"), ("a ", "-year deal", "duration"), ("within ", " days", "duration"),
        ("for three ", " decades", "duration"),
        ("paid USD ", " to settle", "money"), ("its US ", " employees", None), ("A ", " workers left", None),
        ("cut ", " employees", None), ("has ", " users", None),
    ],
)
def test_non_count_reason(before, after, reason):
    assert non_count_reason(before, after) == reason


def test_qualifier_start_finds_the_qualifier_before_a_number():
    text = "it affects “fewer than 80” staff"
    assert qualifier_start(text, text.index("80")) == text.index("fewer")
    text = "it affects no more than 80 staff"
    assert qualifier_start(text, text.index("80")) == text.index("no more")
    assert qualifier_start("it affects 80 staff", 11) is None
    assert qualifier_start("the moreover 80", 13) is None


def test_number_spans_finds_digits_and_words_but_not_inside_words():
    text = "Fifty staff, 1.5 million users, a dozen firms, twenty-five thousand readers, 3D models, an A320, someone, often"
    assert [text[s:e] for s, e in number_spans(text)] == ["Fifty", "1.5 million", "a dozen", "twenty-five thousand"]


@given(st.text(max_size=60))
def test_number_readers_never_raise(text):
    for start, end in number_spans(text):
        parse_count(text[start:end])
    parse_number(text)
    non_count_reason(text, text)


_ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spelled(n: int) -> str:
    """English words for 1..999, written here by the schoolbook rule, independently of the code under test."""
    hundreds, rest = divmod(n, 100)
    words = [f"{_ONES[hundreds]} hundred"] if hundreds else []
    if rest >= 20:
        words.append(_TENS[rest // 10] + (f"-{_ONES[rest % 10]}" if rest % 10 else ""))
    elif rest:
        words.append(_ONES[rest])
    return " and ".join(words)


def test_every_number_below_a_thousand_spelled_out_reads_back():
    wrong = {spelled(n): parse_number(spelled(n)) for n in range(1, 1000) if parse_number(spelled(n)) != (n, False)}
    assert wrong == {}


def test_a_unit_word_after_a_unit_or_teen_word_is_no_number():
    """"ten five", "nineteen two", "seven three": English adds a unit word only to a tens word ("twenty-five")."""
    pairs = [f"{first} {second}" for first in _ONES[1:] for second in _ONES[1:10]]
    assert {pair: parse_number(pair) for pair in pairs if parse_number(pair) is not None} == {}
    assert parse_number("twenty five") == (25, False)


@pytest.mark.parametrize("quote", ["“", '"', "‘"])
def test_a_qualifier_before_a_quoted_number_is_kept(quote):
    text = f"it affects fewer than {quote}80 staff"
    assert qualifier_start(text, text.index("80")) == text.index("fewer")
    assert parse_count(f"about {quote}40{quote}") == (40, "approx")
    assert parse_count(f"more than {quote}a dozen") == (12, "gt")


@pytest.mark.parametrize("text", ["twenty ten", "thirty eleven", "ninety nineteen"])
def test_a_tens_word_takes_a_unit_word_only(text):
    """After a tens word only one to nine may follow: "twenty ten" is no number."""
    assert parse_number(text) is None


@pytest.mark.parametrize(("text", "number"), [
    ("two hundred thousand", (200_000, False)), ("three hundred and five million", (305_000_000, False)),
    ("one hundred twenty thousand", (120_000, False)), ("an eleven", (11, False)), ("an eighty", (80, False)),
])
def test_hundreds_multiply_into_a_larger_scale_and_an_is_an_article(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["room 101", "page 3", "about 5", "10X", "X10"])
def test_parse_number_refuses_words_it_does_not_know_even_before_a_number(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text", ["10X", "about 10X", "X10", "over X10"])
def test_parse_count_strips_spaces_and_quotes_only(text):
    assert parse_count(text) is None


def test_a_currency_code_before_a_number_is_money_however_far_the_spaces_push_it():
    assert non_count_reason("paid USD" + " " * 6, " to settle") == "money"
    assert non_count_reason("the US ", " workers") is None


def test_qualifier_start_at_the_start_of_the_text_and_at_the_edge_of_its_window():
    """The qualifier may open the text, and must start within the 24 characters before the number."""
    assert qualifier_start("fewer than 80 staff", 11) == 0
    within, beyond = "approximately" + " " * 11 + "80", "approximately" + " " * 12 + "80"
    assert qualifier_start(within, within.index("80")) == 0
    assert qualifier_start(beyond, beyond.index("80")) is None


def test_number_words_are_found_after_every_separator():
    text = "Fifty x\nthree x\ttwo x “four” x (five) x/six x-seven x\xa0eight x\u2009nine x\u3000ten x,eleven"
    found = [text[s:e] for s, e in number_spans(text)]
    assert found == ["Fifty", "three", "two", "four", "five", "six", "seven", "eight", "nine", "ten"]


def test_the_separator_class_without_the_space_is_the_rest_of_the_whole_class():
    whole, rest = re.compile(r"[\s“\"‘(/-]"), re.compile(_SEPARATOR_BUT_SPACE)
    assert all(bool(rest.fullmatch(c)) == (c != " " and bool(whole.fullmatch(c))) for c in map(chr, range(0x110000)))


@given(st.lists(st.sampled_from([" ", "\n", "\u2009", "“", "(", "-", "/", ",", "a", "A", "of", "and", "few", "one", "Two",
                                 "ten", "tens", "dozen", "hundreds", "thousands", "million", "x", "7"]), max_size=25))
def test_number_words_found_by_two_scans_are_what_one_scan_finds(tokens):
    text = "".join(tokens)
    _, after_space, after_other, _ = _number_patterns()
    one_scan = re.compile(r"[\s“\"‘(/-]" + after_space.pattern.removeprefix(" "))
    assert [m.span(1) for m in finditer_union((after_space, after_other), text)] == [
        m.span(1) for m in one_scan.finditer(text)]
