"""bench.data.suite.skeletons: names, numbers and dates masked, sentences counted (expectations written by hand)."""

from __future__ import annotations

import pytest

from bench.data.suite.skeletons import sentences, skeleton, skeleton_counts


@pytest.mark.parametrize(("text", "masked"), [
    ("Acme Foods cut 1,200 jobs in Leeds on Monday, March 3.", "<NAME> cut <NUM> jobs in <NAME> on <DATE>."),
    ("The Department of Labor fined Orr Group $12 million.", "The <NAME> fined <NAME> <NUM>."),
    ("Sales fell 4.5% last month, the company said.", "<NAME> fell <NUM> <DATE>, the company said."),
    ("It employs about twenty-five thousand people.", "It employs about <NUM> people."),
    ("The report was filed on 2031-07-12 and again on 12 July 2031.",
     "The report was filed on <DATE> and again on <DATE>."),
    ("Sen. Ana Stroud met U.S. officials in 2019.", "<NAME> met <NAME> officials in <DATE>."),
    ("The app has 1.2 million users and 30m customers.", "The app has <NUM> users and <NUM> customers."),
    ("Shares rose yesterday.", "<NAME> rose <DATE>."),
])
def test_skeleton_masks_names_numbers_and_dates(text, masked):
    assert skeleton(text) == masked


def test_two_cases_differing_only_in_names_numbers_and_dates_share_a_skeleton():
    first = "Orr Group will open its plant in Leeds on July 3, 2031, with 450 workers."
    second = "Baptiste Holdings will open its plant in East Juanside on 5 March 2029, with 12,000 workers."
    assert skeleton(first) == skeleton(second)
    assert skeleton(first) != skeleton(second.replace("open", "close"))


def test_sentences_split_at_full_stops_and_lines():
    text = "Orr Group said on Monday it would close.\n\nRelated Stories\nA headline here\n“We agree,” Bo Li said. Done."
    assert sentences(text) == ["<NAME> said on <DATE> it would close.", "<NAME>", "A headline here",
                               "“We agree,” <NAME> said.", "<NAME>."]


def test_skeleton_counts_distinct_sentences_and_documents():
    texts = ["Orr Group cut 10 jobs. It said so.", "Lee Inc cut 900 jobs. It said so.", "Lee Inc hired 9 people."]
    assert skeleton_counts(texts) == (3, 2)
