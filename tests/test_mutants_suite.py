"""How the suite generator writes numbers, by hand: mutants of ``bench/data/suite/drafts.py`` that survived.

The shipped suite regenerates byte for byte (tests/test_suite_build.py), which kills most mutants of the
generator; these survived because its seed writes none of these numbers.
"""

from __future__ import annotations

import pytest

from bench.data.suite.drafts import number_text, number_words


@pytest.mark.parametrize(("number", "words"), [
    (42, "forty-two"), (200, "two hundred"), (999, "nine hundred ninety-nine"), (1000, "one thousand"),
    (1300, "one thousand three hundred"), (25000, "twenty-five thousand"),
])
def test_numbers_in_words(number, words):
    assert number_words(number) == words


@pytest.mark.parametrize(("number", "style", "text"), [
    (1500, "scaled", "1.5 thousand"), (1500, "suffix", "1.5k"), (12300, "suffix", "12.3k"),
    (2_000_000, "scaled", "2 million"), (1250, "suffix", "1,250"),  # 1250 is no whole tenth of a thousand
    (1250, "plain", "1250"), (1250, "digits", "1,250"),
])
def test_numbers_in_figures(number, style, text):
    assert number_text(number, style) == text
