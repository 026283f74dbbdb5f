"""`bench validate`: each kind of bad input gives its one-line error and exit 2."""

from __future__ import annotations

import json
import shutil

import pytest

from bench.data.resources import gold_dir, seeds_dir

DOC = "001_1ffe1e35e2256c17"
GOOD = {"id": "x-01", "doc_id": DOC, "type": "date", "text": "Monday", "start": 107, "end": 113, "value": "2024-07-15"}


@pytest.fixture(scope="module")
def gold_folder(tmp_path_factory):
    """A self-contained copy of the gold, made once for the module: bench validate only reads it."""
    copy = tmp_path_factory.mktemp("gold") / "gold"
    shutil.copytree(gold_dir(), copy)
    shutil.copytree(seeds_dir(), copy / "documents")
    return copy


@pytest.fixture()
def gold_copy(gold_folder):
    """The copy of the gold, with the facts.jsonl the test writes in place of the gold's."""
    copy = gold_folder

    def with_facts(*lines: str):
        (copy / "facts.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return copy

    return with_facts


def test_shipped_gold_validates(cli):
    result = cli("validate")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_the_good_record_used_below_is_valid(cli, gold_copy):
    result = cli("validate", "--gold", gold_copy(json.dumps(GOOD)))
    assert result.exit_code == 0, result.stdout


BAD_GOLD = [
    ("{not json", "1: file: invalid JSON: Expecting property name enclosed in double quotes"),
    (json.dumps({**GOOD, "type": "money"}), "1: type: \"money\" is not one of date, headcount, user_count, agency, official"),
    (json.dumps({**GOOD, "start": 5000, "end": 5006}), "1: end: offsets 5000:5006 are outside the text (length 2564) or empty"),
    (json.dumps({**GOOD, "text": "Friday"}), "1: text: 'Friday' does not match the text at 107:113 ('Monday')"),
    (json.dumps({**GOOD, "doc_id": "nope"}), "1: doc_id: unknown document 'nope'"),
    (json.dumps({**GOOD, "type": "headcount"}), "1: value: expected object, got \"2024-07-15\""),
    (json.dumps({**GOOD, "value": "2024-02-30"}), "1: value: '2024-02-30' is not a calendar date"),
    (json.dumps({k: v for k, v in GOOD.items() if k != "start"}), "1: start: is required"),
]


@pytest.mark.parametrize(("line", "expected"), BAD_GOLD, ids=lambda x: x[:30])
def test_bad_gold_line_gives_one_line_and_exit_2(cli, gold_copy, line, expected):
    directory = gold_copy(line)
    result = cli("validate", "--gold", directory)
    assert result.exit_code == 2
    assert result.stdout == f"{directory / 'facts.jsonl'}:{expected}\n"


def test_duplicate_mentions_and_ids_are_refused(cli, gold_copy):
    directory = gold_copy(json.dumps(GOOD), json.dumps({**GOOD, "id": "x-02"}), json.dumps({**GOOD, "start": 0, "end": 5, "text": "Kaspe"}))
    result = cli("validate", "--gold", directory)
    assert result.exit_code == 2
    path = directory / "facts.jsonl"
    assert result.stdout.splitlines() == [
        f"{path}:2: start: duplicate mention of date at 107:113",
        f"{path}:3: id: duplicate id 'x-01'",
    ]


def test_gold_names_must_be_canonical_aliases(cli, gold_copy):
    agency = {**GOOD, "type": "agency", "value": "Commerce Department"}
    directory = gold_copy(json.dumps(agency))
    result = cli("validate", "--gold", directory)
    assert result.stdout.endswith(":1: value: 'Commerce Department' is not a canonical agency of the gold's aliases.json\n")


def test_predictions_file_is_checked_against_the_gold_texts(cli, write_jsonl):
    good = {"doc_id": DOC, "type": "date", "value": "2024-07-15", "text": "Monday", "start": 107, "end": 113}
    preds = write_jsonl("preds.jsonl", [good, {"doc_id": DOC, "type": "agency", "value": "Anything at all"}, {**good, "start": 108}])
    result = cli("validate", "--predictions", preds)
    assert result.exit_code == 2
    assert result.stdout == f"{preds}:3: text: 'Monday' does not match the text at 108:113 ('onday')\n"


def test_documents_file_supplies_texts_for_predictions(cli, write_jsonl):
    docs = write_jsonl("docs.jsonl", [{"id": "a", "text": "Filed on 3 May 2021.", "published": "2021-05-04"}])
    preds = write_jsonl("preds.jsonl", [{"doc_id": "a", "type": "date", "value": "2021-05-03", "start": 9, "end": 19}])
    assert cli("validate", "--documents", docs, "--predictions", preds).exit_code == 0
    bad_docs = write_jsonl("bad.jsonl", [{"id": "a", "text": 3}])
    result = cli("validate", "--documents", bad_docs)
    assert result.exit_code == 2
    assert result.stdout == f"{bad_docs}:1: text: expected string, got 3\n"


def test_offsets_counted_in_utf16_or_utf8_are_named_as_such(cli, write_jsonl):
    # "\U0001F600 On 3 May 2021.": the emoji is 1 code point, 2 UTF-16 units, 4 UTF-8 bytes,
    # so "3 May 2021" is 5:15 in code points, 6:16 in UTF-16 units and 8:18 in UTF-8 bytes.
    docs = write_jsonl("docs.jsonl", [{"id": "a", "text": "\U0001F600 On 3 May 2021.", "published": "2021-05-04"}])
    fact = {"doc_id": "a", "type": "date", "value": "2021-05-03", "text": "3 May 2021"}
    preds = write_jsonl("preds.jsonl", [{**fact, "start": 5, "end": 15}, {**fact, "start": 6, "end": 16},
                                        {**fact, "start": 8, "end": 18}])
    result = cli("validate", "--documents", docs, "--predictions", preds)
    assert result.exit_code == 2
    rule = "but bench counts Unicode code points (Python string indexes)"
    assert result.stdout == (
        f"{preds}:2: text: '3 May 2021' does not match the text at 6:16 (' May 2021.'); the offsets fit UTF-16 code units, {rule}\n"
        f"{preds}:3: end: offsets 8:18 are outside the text (length 16) or empty; the offsets fit UTF-8 bytes, {rule}\n")


def test_a_file_that_is_not_utf8_is_one_line(cli, tmp_path):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes('{"doc_id": "caf\xe9"}\n'.encode("latin-1"))
    result = cli("validate", "--predictions", path)
    assert result.exit_code == 2
    assert result.stdout == f"{path}:1: file: not UTF-8 (byte 15)\n"
