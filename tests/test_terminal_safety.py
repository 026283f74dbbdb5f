"""Terminal output is safe: control characters and bidi overrides from files are spelled out, never printed raw.

Payloads: a colour escape, a window-title escape ended by BEL, NUL, a right-to-left override, a carriage
return, a C1 CSI and DEL, sent through every string field a terminal view prints.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from conftest import small_fact_records

from bench.data.documents import Document
from bench.data.gold import Gold, load_gold
from bench.data.results import check_results, write_results
from bench.data.runspec import RunSpec
from bench.errors import InputError
from bench.facts import Count, Fact, Official
from bench.normalize.aliases import AliasTable
from bench.presentation.terminal import safe
from bench.scoring.scorer import score_run

PAYLOAD = "\x1b[31m\x1b]0;title\x07\x00\u202e\r\x9b\x7f"
IN_A_NAME = PAYLOAD.replace("\x00", "")  # a file name cannot hold NUL
RAW = set("\x1b\x07\x00\u202e\r\x9b\x7f")  # the payload's characters that act on a terminal


def clean(*outputs: str) -> bool:
    """No payload character reaches the output raw, and the escapes are there to read instead."""
    return all(not RAW & set(output) for output in outputs) and any("\\x1b[31m" in output for output in outputs)


def test_safe_spells_out_controls_and_bidi_overrides_and_keeps_the_rest():
    assert safe("\x1b[31mred\x1b[0m") == "\\x1b[31mred\\x1b[0m"
    assert safe("\x1b]0;title\x07") == "\\x1b]0;title\\x07"
    assert safe("a\x00b\rc\x7fd\x9be") == "a\\x00b\\x0dc\\x7fd\\x9be"
    assert safe("\u202aA\u202eB\u2066C\u2069") == "<U+202A>A<U+202E>B<U+2066>C<U+2069>"
    assert safe("line\n\tindented") == "line\n\tindented"
    assert safe("line\n\tcell", keep="") == "line\\x0a\\x09cell"
    assert safe("é – † 中 \u200f") == "é – † 中 \u200f"  # ordinary text, and marks that override nothing, stay
    unsafe = [*range(0x20), 0x7F, *range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
    for code in unsafe:
        spelled = safe(chr(code), keep="")
        assert spelled == (f"<U+{code:04X}>" if code > 0xFF else f"\\x{code:02x}")


# --- bench show, every view, a file with the payload in every string field the schema allows -----------------

TEXT = f"On 3 May 2021 {PAYLOAD} the Office of Tests hired 12 staff."
DOC = "d" + PAYLOAD


def _at(surface: str) -> tuple[str, int, int]:
    return surface, TEXT.index(surface), TEXT.index(surface) + len(surface)


GOLD = Gold("1.0.0", "sha256:" + "c" * 64, (Document(DOC, TEXT), Document("e", "Nothing happened.")), (
    Fact(DOC, "date", "2021-05-03", *_at("3 May 2021"), id="g1"),
    Fact(DOC, "headcount", Count(12, "eq", "employees"), *_at("12 staff"), id="g2")), AliasTable())
PREDICTED = [Fact(DOC, "date", "2021-05-04", *_at("3 May 2021")),
             Fact(DOC, "agency", "Office" + PAYLOAD, *_at("Office of Tests")),
             Fact("e", "official", Official("Ada" + PAYLOAD, "Director" + PAYLOAD))]
CAPABILITY = {"id": "c" + PAYLOAD, "kind": "MFT", "context": False, "cases": 1, "failures": 1, "rate": 1.0,
              "ci": [0.1, 1.0], "examples": [{"doc_id": "e", "expected": [PAYLOAD], "predicted": [PAYLOAD]}]}


def _everywhere(raw, path: Path):
    """Append the payload to every string (and key) of ``raw`` that the results check still accepts."""

    def visit(node):
        items = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
        for key, value in items:
            if isinstance(value, (dict, list)):
                visit(value)
                continue
            if isinstance(value, str):
                node[key] = value + PAYLOAD
                try:
                    check_results(raw, str(path))
                except InputError:
                    node[key] = value

    visit(raw)
    return raw


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    results = score_run(GOLD, PREDICTED, "x" + PAYLOAD, "1" + PAYLOAD, level="strict", failures={"e": PAYLOAD},
                        run=RunSpec("x" + PAYLOAD, "x" + PAYLOAD, {"k": PAYLOAD}, {"d": PAYLOAD}, "1" + PAYLOAD))
    path = tmp_path_factory.mktemp("hostile") / "hostile.json"
    raw = json.loads(results.to_json())
    raw.update(capabilities=[CAPABILITY], suite={"name": "s" + PAYLOAD, "version": "1" + PAYLOAD, "hash": GOLD.hash})
    path.write_text(json.dumps(_everywhere(raw, path)), encoding="utf-8")
    return path


@pytest.mark.parametrize("options", [(), ("--errors",), ("--documents",), ("--errors", "--documents", "-f", "markdown")])
def test_show_prints_no_control_character_from_the_file(cli, hostile, options):
    result = cli("show", hostile, *options)
    assert result.exit_code == 3  # a document failed
    assert clean(result.stdout, result.stderr), result.stdout


def test_the_hostile_file_holds_the_payload_in_the_fields_show_prints(hostile):
    raw = json.loads(hostile.read_text(encoding="utf-8"))
    for value in (raw["extractor_version"], raw["gold_version"], raw["ci_method"], raw["errors"][0]["context"],
                  raw["errors"][0]["doc_id"], raw["documents"][1]["failure"], raw["capabilities"][0]["id"],
                  raw["suite"]["name"], raw["run"]["name"]):
        assert PAYLOAD in value


# --- compare and leaderboard: files that pass verification, the payload in what ran and in file names ---------

@pytest.fixture()
def on_small_gold(small_gold, tmp_path):
    directory = small_gold()
    gold = load_gold(directory)
    folder = tmp_path / "board"
    folder.mkdir()
    paths = []
    for number, found in enumerate((small_fact_records()[:6], small_fact_records()[:2])):
        facts = [Fact.from_dict({k: v for k, v in record.items() if k != "id"}) for record in found]
        facts.append(Fact("rail", "agency", "ORS" + PAYLOAD))
        name = f"run{number}{PAYLOAD}"
        spec = RunSpec(name, name, {"k": PAYLOAD}, {"d": PAYLOAD}, "1" + PAYLOAD)
        path = folder / f"{number}{IN_A_NAME}.json"
        write_results(score_run(gold, facts, name, "1" + PAYLOAD, run=spec), path)
        paths.append(path)
    return directory, folder, paths


def test_compare_and_leaderboard_print_no_control_character(cli, on_small_gold):
    directory, folder, (a, b) = on_small_gold
    for args in (("compare", a, b, "--gold", directory, "--resamples", "20"),
                 ("compare", a, b, "--gold", directory, "--resamples", "20", "-f", "markdown"),
                 ("leaderboard", folder, "--gold", directory)):
        result = cli(*args)
        assert result.exit_code == 0, result.stderr
        assert clean(result.stdout, result.stderr), result.stdout


def test_error_lines_print_no_control_character(cli, on_small_gold, tmp_path):
    directory, _, (a, _) = on_small_gold
    raw = json.loads(a.read_text(encoding="utf-8"))
    other = tmp_path / "other.json"
    other.write_text(json.dumps({**raw, "gold_hash": "sha256:" + "e" * 64, "gold_version": "9" + PAYLOAD}), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({**raw, "packages": {PAYLOAD: 1}}), encoding="utf-8")
    for args in (("leaderboard", a, other, "--gold", directory), ("show", broken)):
        result = cli(*args)
        assert result.exit_code == 2
        assert clean(result.stdout, result.stderr), result.stderr


# --- bench gold agree and bench validate -------------------------------------------------------------------

def _with_document(directory: Path, doc_id: str, text: str, facts: list[dict]) -> Path:
    (directory / "documents" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    manifest = directory / "documents" / "manifest.jsonl"
    record = {"id": doc_id, "file": f"{doc_id}.txt", "sha256": hashlib.sha256(text.encode()).hexdigest(), "published": None}
    manifest.write_text(manifest.read_text(encoding="utf-8") + json.dumps(record) + "\n", encoding="utf-8")
    with (directory / "facts.jsonl").open("a", encoding="utf-8") as handle:
        handle.writelines(json.dumps(fact) + "\n" for fact in facts)
    return directory


def test_gold_agree_prints_no_control_character(cli, small_gold):
    text = f"Filed in 2021 {PAYLOAD} and again in 2022."
    ids = [{**record, "id": record["id"] + PAYLOAD} for record in small_fact_records()]
    ids[2]["value"] = "2023-06-09"  # a value disagreement: both sides listed with their ids
    only_b = {"id": "x" + PAYLOAD, "doc_id": "extra", "type": "date", "text": "2022", "start": text.index("2022"),
              "end": text.index("2022") + 4, "value": "2022"}
    a = _with_document(small_gold(), "extra", text, [])
    b = _with_document(small_gold(ids), "extra", text, [only_b])
    for options in ((), ("-f", "markdown")):
        result = cli("gold", "agree", a, b, *options)
        assert result.exit_code == 0, result.stderr
        assert clean(result.stdout, result.stderr), result.stdout


def test_validate_prints_no_control_character(cli, small_gold, tmp_path):
    path = tmp_path / f"p{IN_A_NAME}.jsonl"
    records = [{"doc_id": "rail" + PAYLOAD, "type": "date", "value": "2023"},
               {"doc_id": "rail", "type": "agency", "value": "ORS", "text": PAYLOAD, "start": 0, "end": 3},
               {"doc_id": "rail", "type": "date", "value": "2023", PAYLOAD: 1},
               {"doc_id": "rail", "type": "agency", "value": {PAYLOAD: PAYLOAD}}]
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    result = cli("validate", "--gold", small_gold(), "--predictions", path)
    assert result.exit_code == 2 and result.stdout.count("\n") == 4
    assert clean(result.stdout, result.stderr), result.stdout
