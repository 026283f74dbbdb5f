"""Twin counts: one seeded factor, rounded as the original was, written in the original's style."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.data.twins.counts import CountMap, number_part, number_text, scaled, written
from bench.normalize.numbers import parse_count


@pytest.mark.parametrize(("number", "factor", "expected"), [
    (50, 1.37, 68),  # 68.5 to two figures, half to even
    (240_000, 1.37, 330_000),  # 328,800 to two figures
    (400_000_000, 1.37, 550_000_000),  # 548 million to two figures (one shown, two kept)
    (1_250, 0.6, 750),  # 750 to three figures
    (1, 0.6, 1),
])
def test_a_count_is_scaled_and_rounded_to_the_figures_it_shows(number, factor, expected):
    assert scaled(number, factor) == expected


@pytest.mark.parametrize(("number", "like", "expected"), [
    (68, "50", "68"),
    (1_600, "800", "1,600"),  # no evidence: separators, as news writes thousands
    (12_500, "9800", "12500"),  # written without separators: none
    (330_000, "240,000", "330,000"),
    (1_600_000, "1.2 million", "1.6 million"),
    (550_000_000, "400 million", "550 million"),
    (720_000, "1.2 million", "0.72 million"),
    (550_000_000, "400m", "550m"),
    (2_700_000_000, "1.2bn", "2.7bn"),
    (68, "fifty", "sixty-eight"),
    (68, "Fifty", "Sixty-eight"),
    (2_700_000, "two million", "two million seven hundred thousand"),
    (31, "dozens", "thirty-one"),
])
def test_a_number_is_written_in_the_style_of_the_original(number, like, expected):
    assert number_text(number, like) == expected


def test_a_vague_count_gets_about_unless_it_had_a_qualifier():
    assert written(31, "dozens", qualified=False) == "about thirty-one"
    assert written(31, "Dozens", qualified=False) == "About thirty-one"
    assert written(31, "two dozen", qualified=True) == "thirty-one"
    assert written(68, "50", qualified=False) == "68"


@pytest.mark.parametrize(("mention", "expected"), [
    ("less than 50", (10, 12, True)), ("“less than 50”", (11, 13, True)), ("over 400 million", (5, 16, True)),
    ("240,000", (0, 7, False)), ("About 120", (6, 9, True)), ("dozens", (0, 6, False)),
])
def test_the_number_of_a_mention_stands_after_its_qualifier(mention, expected):
    assert number_part(mention) == expected


@given(st.integers(0, 10_000), st.lists(st.integers(1, 10**12), min_size=1, max_size=12))
@settings(max_examples=200, deadline=None)
def test_the_map_never_keeps_a_count_nor_lands_on_another_and_runs_back(seed, originals):
    counts = CountMap.drawn(seed, originals)
    assert 0.5 <= counts.factor <= 0.9 or 1.1 <= counts.factor <= 2.0
    assert set(counts.numbers) == set(originals)
    news = list(counts.numbers.values())
    assert len(set(news)) == len(news) and not set(news) & set(originals)
    assert counts.inverse().numbers == {new: old for old, new in counts.numbers.items()}
    assert CountMap.drawn(seed, originals) == counts


@given(st.integers(1, 10**11), st.sampled_from(["50", "240,000", "9800", "1.2 million", "400m", "1.2bn", "fifty",
                                                "two million", "dozens"]),
       st.sampled_from(["", "less than ", "over ", "about "]))
@settings(max_examples=300, deadline=None)
def test_what_is_written_reads_back_as_the_new_count(number, like, qualifier):
    """The project's count normalizer, applied to the new mention, finds the new number (the reference check).

    It reads no scale suffix ("400m"), so those are spelt out for it here.
    """
    text = qualifier + written(number, like, qualified=bool(qualifier))
    if like in ("400m", "1.2bn"):
        text = text.removesuffix("bn").removesuffix("m") + (" billion" if like.endswith("bn") else " million")
    count, code = parse_count(text)
    assert count == number
    if like == "dozens" and not qualifier:
        assert code == "approx"
