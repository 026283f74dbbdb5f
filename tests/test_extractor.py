"""What extractors return is checked before it is scored."""

from __future__ import annotations

import datetime as dt

import pytest

from bench.data.documents import Document
from bench.errors import InputError
from bench.extraction.api import extract_one
from bench.extraction.extractor import FunctionExtractor, as_facts
from bench.facts import AgencyName, Count, DateValue, Fact, GoldMention, Official
from bench.scoring.fact_level import PRF, score_facts

DOC = Document("d1", "The plant hired 120 workers on 3 May 2021.", dt.date(2021, 5, 4))


def test_facts_and_prediction_dicts_are_both_accepted():
    fact = Fact("d1", "headcount", Count(120, "eq", "employees"), "120", 16, 19)
    raw = {"doc_id": "d1", "type": "date", "value": "2021-05-03", "text": "3 May 2021", "start": 31, "end": 41}
    assert as_facts([fact, raw], DOC) == [fact, Fact.from_dict(raw)]


AGENCY_DOC = Document("d1", "The Ministry of Tests hired 120 workers on 3 May 2021.", dt.date(2021, 5, 4))
AGENCY_GOLD = [GoldMention("d1", "agency", AgencyName("Ministry of Tests"), "Ministry of Tests", 4, 21, "g1"),
               GoldMention("d1", "date", DateValue("2021-05-03"), "3 May 2021", 43, 53, "g2")]


def test_a_plug_in_returning_plain_strings_scores_as_one_returning_the_typed_variants():
    def plain(document):
        return [Fact("d1", "date", "2021-05-03", "3 May 2021", 43, 53), Fact("d1", "agency", "ministry of tests"),
                {"doc_id": "d1", "type": "date", "value": "2021-05"}]

    def typed(document):
        return [Fact("d1", "date", DateValue("2021-05-03"), "3 May 2021", 43, 53),
                Fact("d1", "agency", AgencyName("ministry of tests")), Fact("d1", "date", DateValue("2021-05"))]

    runs = [extract_one(FunctionExtractor(extract), AGENCY_DOC) for extract in (plain, typed)]
    assert runs[0].facts == runs[1].facts and runs[0].failure is runs[1].failure is None
    # the date and the folded agency are found, the month is spurious (the day already took the gold date)
    assert [score_facts(AGENCY_GOLD, run.facts, mode=mode).micro for run in runs for mode in ("strict", "lenient")] == [
        PRF(tp=2, fp=1, fn=0)] * 4


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"doc_id": "d1", "type": "date", "value": 2021}, "x: document d1 fact 0: value: expected string, got 2021"),
        ({"doc_id": "d2", "type": "date", "value": "2021"}, "x: document d1 fact 0: doc_id: 'd2' is not the document extracted ('d1')"),
        (Fact("d1", "date", "2021-13-01"), "x: document d1 fact 0: value: '2021-13-01' is not a calendar date"),
        (Fact("d1", "date", "2021-02-30"), "x: document d1 fact 0: value: '2021-02-30' is not a calendar date"),
        (Fact("d1", "date", "2021", "May", 0, 99), "x: document d1 fact 0: end: offsets 0:99 are outside the text (length 42) or empty"),
        (Fact("d1", "agency", Count(1, "eq", "x")), "x: document d1 fact 0: value: expected string, got {\"count\": 1, \"qualifier\": \"eq\", \"unit\": \"x\"}"),
        (Fact("d1", "headcount", Count(-1, "eq", "employees")), "x: document d1 fact 0: value.count: -1 is below 0"),
        # Fact objects are checked on a fast path: it must be as strict as the schema the dicts meet
        (Fact("d1", "date", "2021", id=5), "x: document d1 fact 0: id: expected string, got 5"),
        (Fact("d1", "headcount", Count(120, "eq", 5)), "x: document d1 fact 0: value.unit: expected string, got 5"),
        (Fact("d1", "headcount", Count(True, "eq", "employees")), "x: document d1 fact 0: value.count: expected integer, got true"),
        (Fact("d1", "official", Official(5, "Mayor")), "x: document d1 fact 0: value.name: expected string, got 5"),
        (Fact("d1", "date", "2021", "May", True, 2), "x: document d1 fact 0: start: expected integer, got true"),
        (Fact("d1", "date", "\u0662\u0660\u0662\u0661"), ('x: document d1 fact 0: value: "\\u0662\\u0660\\u0662\\u0661" is not in the '
         "expected form (expected ISO 8601 at the precision the text gives: YYYY, YYYY-MM, YYYY-MM-DD or a week YYYY-Www)")),
    ],
)
def test_malformed_output_is_named(item, message):
    with pytest.raises(InputError) as caught:
        as_facts([item], DOC, source="x")
    assert str(caught.value) == message
