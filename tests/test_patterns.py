"""bench.normalize.patterns: alternations re scans fast, and one pattern's matches found by several scans."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bench.normalize.patterns import finditer_union, literal_first


def test_literal_first_keeps_word_boundaries_and_order():
    pattern = re.compile(literal_first(["tenth", "ten", r"\d\d*"]))
    assert pattern.findall("often ten tenth 42 x42") == ["ten", "tenth", "42"]
    assert pattern.findall("X X1 7") == ["7"]  # a \d alternative starts at a digit only


def test_literal_first_without_the_boundary_matches_inside_words():
    assert re.findall(literal_first(["ten"], boundary=False), "often ten") == ["ten", "ten"]


# Each starts with characters of its own; between them they overlap and nest ("a “b" c”").
SPLIT = [r" (\w+)", r"[(\n](\w+)", r"“[^”]*”", r"\"[^\"\n]*\"", r"‘[^’]*’"]


@given(st.text(alphabet=" (\n“”\"‘’ab", max_size=40))
def test_the_union_finds_what_the_alternation_finds(text):
    expected = [match.span() for match in re.finditer("|".join(SPLIT), text)]
    assert [match.span() for match in finditer_union([re.compile(p) for p in SPLIT], text)] == expected


def test_a_match_starting_inside_another_is_not_found():
    text = '“one "two” three"'
    assert [m.group() for m in finditer_union([re.compile(p) for p in SPLIT], text)] == ["“one \"two”", " three"]
