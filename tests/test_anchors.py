"""Keyword-anchored matching finds exactly what finditer finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baselines.anchors import anchored_finditer, keyword_offsets

TITLES = ("Vice President", "President", "Commerce Secretary", "Secretary of State", "Sen.", "Senator")
PATTERN = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(t) for t in TITLES) + r")(?:\s+[A-Z][a-z]+)+")
OFFSETS = keyword_offsets(TITLES, ("President", "Secretary", "Sen"))


def test_offsets_say_where_each_keyword_sits_in_the_literals():
    assert OFFSETS == {"President": (0, 5), "Secretary": (0, 9), "Sen": (0,)}


def test_a_literal_without_a_keyword_is_refused():
    with pytest.raises(ValueError, match="Mayor"):
        keyword_offsets(("President", "Mayor"), ("President",))


def test_overlapping_candidates_are_taken_as_finditer_takes_them():
    text = "Vice President Kamala Harris met Commerce Secretary Gina Raimondo and Sen. Ted Cruz; Senator X. President Joe"
    spans = [m.span() for m in anchored_finditer(PATTERN, text, OFFSETS)]
    assert spans == [m.span() for m in PATTERN.finditer(text)]
    assert [text[s:e] for s, e in spans][:2] == ["Vice President Kamala Harris", "Commerce Secretary Gina Raimondo"]


WORDS = st.sampled_from(["Vice", "President", "Commerce", "Secretary", "of", "State", "Sen.", "Senator", "Joe", "Ann",
                         "x", ".", "Presidents", "the"])


@given(st.lists(WORDS, max_size=30), st.lists(st.sampled_from([" ", "  ", "\n", ""]), min_size=30, max_size=30))
def test_same_matches_as_finditer_on_any_text(words, gaps):
    text = "".join(word + gap for word, gap in zip(words, gaps))
    assert [m.span() for m in anchored_finditer(PATTERN, text, OFFSETS)] == [m.span() for m in PATTERN.finditer(text)]
