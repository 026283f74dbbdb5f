"""The fact types: value variants told apart by type checkers, gold mentions typed apart from predictions."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from bench.data.documents import Document
from bench.data.gold import load_gold
from bench.data.gold_set import write_gold_set
from bench.data.validate import read_predictions
from bench.facts import AgencyName, Count, DateValue, Fact, GoldMention, Official, value_from_json, value_to_json

ALIASES = {"agencies": {"Ministry of Tests": ["the ministry"]}, "officials": {}, "titles": {}, "units": {}}


def test_a_date_and_an_agency_are_told_apart_by_type_checkers_and_are_plain_strings_at_run_time(tmp_path):
    snippet = tmp_path / "snippet.py"
    snippet.write_text("from bench.facts import AgencyName, DateValue, Value\n"
                       "def on(day: DateValue) -> None: ...\n"
                       "on(AgencyName('2024'))\n"
                       "on(DateValue('2024'))\n"
                       "def unit(value: Value) -> str:\n"
                       "    return value if isinstance(value, str) else value.unit\n")
    from mypy import api

    out, _, status = api.run([str(snippet), "--config-file=", "--cache-dir", str(tmp_path / "cache"), "--no-error-summary"])
    # an agency where a date is asked for; a value that is no string is a Count or an Official, which has no unit
    assert status == 1 and [line.partition("snippet.py:")[2] for line in out.splitlines()] == [
        '3: error: Argument 1 to "on" has incompatible type "AgencyName"; expected "DateValue"  [arg-type]',
        '6: error: Item "Official" of "Count | Official" has no attribute "unit"  [union-attr]']
    date, agency = DateValue("2024"), AgencyName("2024")
    assert type(date) is type(agency) is str and date == agency == "2024"


@pytest.mark.parametrize(("fact_type", "raw", "expected"), [
    ("date", "2024-W29", DateValue("2024-W29")),
    ("agency", "Ministry of Tests", AgencyName("Ministry of Tests")),
    ("headcount", {"count": 3.0, "qualifier": "lt", "unit": "staff"}, Count(3, "lt", "staff")),
    ("user_count", {"count": 40, "qualifier": "eq", "unit": "users"}, Count(40, "eq", "users")),
    ("official", {"name": "Pat Lee", "title": "Mayor"}, Official("Pat Lee", "Mayor")),
])
def test_value_from_json_builds_the_variant_of_each_type_and_value_to_json_gives_the_json_back(fact_type, raw, expected):
    value = value_from_json(fact_type, raw)
    assert type(value) is type(expected) and value == expected
    assert value_to_json(value) == raw and type(value_to_json(value)) is type(raw)


def test_a_value_typed_as_its_variant_writes_the_bytes_of_a_plain_string():
    tagged = Fact("d", "agency", AgencyName("Ministry of Tests"), "the ministry", 0, 12)
    plain = Fact("d", "agency", "Ministry of Tests", "the ministry", 0, 12)  # as a plug-in may build it
    assert json.dumps(tagged.to_dict()) == json.dumps(plain.to_dict()) == (
        '{"doc_id": "d", "type": "agency", "text": "the ministry", "start": 0, "end": 12, "value": "Ministry of Tests"}')
    assert type(tagged.to_dict()["value"]) is str


def test_a_gold_mention_always_has_its_place_and_never_equals_a_prediction():
    mention = GoldMention("d", "date", DateValue("2024-05-02"), "May 2", 3, 8, "f1")
    assert mention.span == (3, 8) and mention.has_span
    assert mention != Fact("d", "date", DateValue("2024-05-02"), "May 2", 3, 8, "f1")
    assert dataclasses.astuple(mention) == ("d", "date", "2024-05-02", "May 2", 3, 8, "f1")
    with pytest.raises(TypeError, match="missing 4 required positional arguments"):
        GoldMention("d", "date", DateValue("2024-05-02"))
    with pytest.raises(TypeError, match="has no offsets"):
        _ = Fact("d", "date", DateValue("2024-05-02")).span


def test_loading_a_gold_set_gives_gold_mentions_and_a_predictions_file_gives_facts(tmp_path):
    text = "On May 2 the ministry met."
    records = [{"id": "f1", "doc_id": "d1", "type": "date", "text": "May 2", "start": 3, "end": 8, "value": "2024-05-02"},
               {"id": "f2", "doc_id": "d1", "type": "agency", "text": "the ministry", "start": 9, "end": 21,
                "value": "Ministry of Tests"}]
    write_gold_set(tmp_path / "gold", [Document("d1", text, dt.date(2024, 5, 3))], records, ALIASES)
    gold = load_gold(tmp_path / "gold")  # dataclasses compare classes: gold mentions, not Facts
    assert gold.facts == (GoldMention("d1", "date", DateValue("2024-05-02"), "May 2", 3, 8, "f1"),
                          GoldMention("d1", "agency", AgencyName("Ministry of Tests"), "the ministry", 9, 21, "f2"))
    predictions = tmp_path / "predictions.jsonl"
    predictions.write_text('{"doc_id": "d1", "type": "agency", "value": "the ministry"}\n'
                           '{"doc_id": "d1", "type": "date", "value": "2024-05", "text": "May", "start": 3, "end": 6}\n')
    facts = read_predictions(predictions, {"d1": text})  # dataclasses compare classes: Facts, not gold mentions
    assert facts == [Fact("d1", "agency", AgencyName("the ministry")), Fact("d1", "date", DateValue("2024-05"), "May", 3, 6)]
