"""GUM as a third annotator (bench/scoring/crosscheck.py), on hand-made mentions."""

from __future__ import annotations

from bench.facts import Fact
from bench.scoring.crosscheck import GumMention, coverage_by_document, crosscheck, in_population

CONFIG = {"government_bodies": ["NASA", "United_States_Congress"], "officials": ["Donald_Trump"],
          "excluded": [{"doc_id": "d", "start": 40, "end": 48, "rule": "§10: legislature, not an agency"}]}


def test_populations_take_named_calendar_body_and_official_mentions_only():
    bodies, officials = CONFIG["government_bodies"], CONFIG["officials"]
    assert in_population(GumMention("d", "time", 0, 7, "Tuesday"), bodies, officials)
    assert in_population(GumMention("d", "time", 0, 4, "1958"), bodies, officials)
    assert not in_population(GumMention("d", "time", 0, 8, "20 years"), bodies, officials)
    assert not in_population(GumMention("d", "time", 0, 9, "the 1990s"), bodies, officials)
    assert in_population(GumMention("d", "organization", 0, 4, "NASA", "NASA"), bodies, officials)
    assert not in_population(GumMention("d", "organization", 0, 2, "we", "NASA"), bodies, officials)
    assert not in_population(GumMention("d", "organization", 0, 6, "Google", "Google"), bodies, officials)
    assert in_population(GumMention("d", "person", 0, 5, "Trump", "Donald_Trump"), bodies, officials)
    assert in_population(GumMention("d", "person", 0, 7, "Trump's", "Donald_Trump"), bodies, officials)
    assert not in_population(GumMention("d", "person", 0, 2, "he", "Donald_Trump"), bodies, officials)


def test_overlap_covers_a_rule_excludes_and_the_rest_is_unexplained():
    mentions = [GumMention("d", "time", 0, 12, "July 4, 2017"), GumMention("d", "time", 20, 27, "Tuesday"),
                GumMention("d", "organization", 30, 34, "NASA", "NASA"),
                GumMention("d", "organization", 40, 48, "Congress", "United_States_Congress"),
                GumMention("e", "person", 0, 12, "Donald Trump", "Donald_Trump")]
    facts = [Fact("d", "date", "2017-07-04", "July 4", 0, 6),
             Fact("d", "agency", "U.S. National Aeronautics and Space Administration", "NASA", 30, 34),
             Fact("d", "date", "2017-07-04", "NASA", 30, 34)]  # a date on NASA's span covers nothing
    result = crosscheck(mentions, facts, CONFIG)
    assert [m.text for m in result["time"].covered] == ["July 4, 2017"]
    assert [m.text for m in result["time"].unexplained] == ["Tuesday"]
    assert [m.text for m in result["organization"].covered] == ["NASA"]
    assert [(m.text, rule) for m, rule in result["organization"].excluded] == [("Congress", "§10: legislature, not an agency")]
    assert [m.text for m in result["person"].unexplained] == ["Donald Trump"]
    assert (result["time"].share, result["organization"].share, result["person"].share) == (0.5, 0.5, 0.0)
    assert coverage_by_document(result) == [
        {"doc_id": "d", "time": (1, 2), "organization": (1, 2), "person": (0, 0)},
        {"doc_id": "e", "time": (0, 0), "organization": (0, 0), "person": (0, 1)},
    ]
