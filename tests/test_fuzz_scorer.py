"""Hostile predictions through ``bench score``, and properties of the scorer that hold for any input.

``bench score`` must answer any file with either scores (exit 0) or one line
``error: FILE:LINE: field: message`` (exit 2): never a traceback, never a hang.
"""

from __future__ import annotations

import json
import re
import signal
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from bench.cli.main import app
from bench.data.gold import load_gold
from bench.errors import InputError
from bench.facts import FACT_TYPES, Count, Fact, Official
from bench.normalize.aliases import AliasTable
from bench.scoring.fact_level import score_facts
from bench.scoring.streaming import read_keys, score_jsonl

FUZZ = settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
PROPERTY = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
TEXTS = {doc.id: doc.text for doc in load_gold().documents}
DOC_IDS = sorted(TEXTS)
FIELDS = {"doc_id", "type", "value", "value.count", "value.qualifier", "value.unit", "value.name", "value.title",
          "start", "end", "text", "id", "extractor", "record", "file"}
runner = CliRunner()

# --- hostile files -----------------------------------------------------------------------------

# A JSON string standing for a raw token the json module would not write: swapped in after dumping.
RAW = {'"@nan"': "NaN", '"@inf"': "-Infinity", '"@e400"': "1e400", '"@nul"': '"a\x00b"', '"@surrogate"': '"\\udc00"'}
ASTRAL = st.sampled_from(["é", "\u2028", "\U0001F600", "\U00020000", "\U00030000", "\U000E0001", "\U000F0000", "\U0010FFFF"])
strings = st.text(alphabet=st.characters(codec="utf-8") | ASTRAL, max_size=12) | st.sampled_from(["", " ", "\x00", *RAW])
numbers = st.sampled_from([-1, 0, 1, 2**63, -(2**63), 10**30, 1.5, 1e308, *RAW]) | st.integers(-5, 3000)
junk = st.none() | st.booleans() | numbers | strings | st.lists(numbers, max_size=2) | st.dictionaries(strings, numbers, max_size=2)
counts = st.fixed_dictionaries({"count": numbers, "qualifier": st.sampled_from(["eq", "lt", "approx", "zz", ""]),
                                "unit": strings | st.just("employees")})
officials = st.fixed_dictionaries({"name": strings | st.just("Ada Quill"), "title": strings | st.just("Governor")})
VALUE_SHAPES = {"date": strings | st.sampled_from(["2024-07-15", "2024-02-30", "2024-W53", "2024-00"]), "headcount": counts,
                "user_count": counts, "agency": strings | st.just("Office of Maps"), "official": officials}


@st.composite
def records(draw):
    """A prediction that is right in most fields and wrong in a few, on a real gold text."""
    doc_id = draw(st.sampled_from(DOC_IDS))
    length = len(TEXTS[doc_id])
    start = draw(st.integers(0, length - 1))
    end = draw(st.integers(start + 1, min(length, start + 30)))
    fact_type = draw(st.sampled_from(FACT_TYPES))
    record = {"doc_id": doc_id, "type": fact_type, "value": draw(VALUE_SHAPES[fact_type] | junk),
              "text": TEXTS[doc_id][start:end], "start": start, "end": end}
    hostile = {"doc_id": st.sampled_from(["nope", "", 7]) | strings, "type": st.sampled_from(["mood", None]) | strings,
               "start": numbers | st.sampled_from([-3, length, length + 9, end, end + 4]),
               "end": numbers | st.sampled_from([-1, 0, start, length + 1]), "text": junk, "extra": junk}
    for name in draw(st.lists(st.sampled_from(sorted(hostile)), max_size=2, unique=True)):
        record[name] = draw(hostile[name])
    for name in draw(st.lists(st.sampled_from(["text", "start", "end", "value"]), max_size=1)):
        record.pop(name, None)
    return record


def encode(lines: list, newline: str, bom: bool) -> bytes:
    out = []
    for line in lines:
        text = line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)
        for placeholder, token in RAW.items():
            text = text.replace(placeholder, token)
        out.append(text)
    data = newline.join(out).encode("utf-8", "surrogatepass")
    return (b"\xef\xbb\xbf" if bom else b"") + data


@contextmanager
def time_limit(seconds: int):
    def expire(signum, frame):
        raise TimeoutError(f"bench score hung for {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def score_file(path):
    with time_limit(30):
        return runner.invoke(app, ["score", str(path), "--no-ci", "--format", "json"])


def refuse(constant: str):
    raise AssertionError(f"{constant} in the results")


def assert_scores_or_one_error_line(result, path, lines: int) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    if result.exit_code == 0:
        rows = json.loads(result.stdout, parse_constant=refuse)["rows"]  # strict JSON: no NaN or Infinity
        assert all(row[m] is None or 0 <= row[m] <= 1 for row in rows for m in ("precision", "recall", "f1"))
        return
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "\r" not in result.stderr, result.stderr
    found = re.fullmatch(rf"error: {re.escape(str(path))}:(\d+): ([\w.]+): \S.*\n", result.stderr)
    assert found, result.stderr
    assert 1 <= int(found[1]) <= lines and found[2] in FIELDS


@FUZZ
@given(lines=st.lists(records() | junk | st.sampled_from(["", "{", "[1]", "NaN", '{"doc_id": "@nul"}', '{"doc_id": "\udcff"}']),
                     max_size=5),
       newline=st.sampled_from(["\n", "\r\n"]), bom=st.booleans())
def test_score_answers_any_file_with_scores_or_one_error_line(tmp_path_factory, lines, newline, bom):
    path = tmp_path_factory.mktemp("score") / "preds.jsonl"
    path.write_bytes(encode(lines, newline, bom))
    assert_scores_or_one_error_line(score_file(path), path, max(len(lines), 1))


DOC = DOC_IDS[0]
GOOD = {"doc_id": DOC, "type": "date", "value": "2024-07-15"}


@pytest.mark.parametrize("line, where, message", [
    ({**GOOD, "start": -1, "end": 3}, "start", "-1 is below 0"),
    ({**GOOD, "start": 5, "end": 3}, "start", f"offsets 5:3 are outside the text (length {len(TEXTS[DOC])}) or empty"),
    ({**GOOD, "start": 0, "end": 10**12}, "end", f"offsets 0:{10**12} are outside the text (length {len(TEXTS[DOC])}) or empty"),
    ({**GOOD, "start": 0}, "end", "is required when start is given"),
    ({**GOOD, "type": "headcount", "value": {"count": "@e400", "qualifier": "eq", "unit": "employees"}}, "value.count",
     "expected integer, got Infinity"),
    ({**GOOD, "value": "@nan"}, "file", "invalid JSON: NaN is not valid JSON"),
    ({**GOOD, "value": "@nul"}, "file", "invalid JSON: Invalid control character at"),
    ({**GOOD, "value": "@surrogate"}, "file", "a string holds a lone surrogate (\\ud800-\\udfff), not valid Unicode"),
    ({**GOOD, "doc_id": "\U0001F600"}, "doc_id", "unknown document '\U0001F600'"),
])
def test_hostile_records_get_the_exact_error_line(tmp_path, line, where, message):
    path = tmp_path / "preds.jsonl"
    path.write_bytes(encode([GOOD, line], "\r\n", bom=True))
    result = score_file(path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}:2: {where}: {message}")


def test_an_empty_file_scores_nothing_and_bom_with_crlf_scores_the_gold(tmp_path):
    perfect = [{k: v for k, v in fact.to_dict().items() if k != "id"} for fact in load_gold().facts]
    for name, data, recall in (("empty", b"", 0.0), ("crlf", encode(perfect, "\r\n", bom=True) + b"\r\n", 1.0)):
        path = tmp_path / f"{name}.jsonl"
        path.write_bytes(data)
        result = score_file(path)
        assert result.exit_code == 0, result.stderr
        micro = next(row for row in json.loads(result.stdout)["rows"] if row["label"] == "micro")
        assert micro["recall"] == recall


# --- library properties ---------------------------------------------------------------------

ALIASES = AliasTable.from_json({"agencies": {"Office of Maps": ["Maps Office"]}, "officials": {"Ada Quill": ["Quill"]},
                                "titles": {"Governor": ["governor"]}, "units": {"employees": ["staff"]}})
NAMES = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Zl", "Zp"]) | ASTRAL,
                min_size=1, max_size=8).filter(str.strip)
VALUE_OF = {
    "date": st.sampled_from(["2023", "2023-05", "2023-05-09", "2023-05-10", "2023-W19", "2022-12"]),
    "headcount": st.builds(Count, st.integers(0, 10**30), st.sampled_from(["eq", "lt", "approx"]), st.sampled_from(["employees", "staff"])),
    "user_count": st.builds(Count, st.integers(0, 50), st.sampled_from(["eq", "gt"]), st.sampled_from(["users", "companies"])),
    "agency": NAMES | st.sampled_from(["Office of Maps", "Maps Office"]),
    "official": st.builds(Official, NAMES | st.just("Quill"), NAMES | st.just("governor")),
}
FACTS = st.sampled_from(FACT_TYPES).flatmap(
    lambda t: st.builds(Fact, st.sampled_from(["d1", "d2", "\U0001F600"]), st.just(t), VALUE_OF[t]))
MODES = st.sampled_from(["strict", "lenient"])


def write_facts(path, facts, newline="\n", bom=False):
    path.write_bytes(encode([fact.to_dict() for fact in facts] + [""], newline, bom))
    return path


@PROPERTY
@given(st.lists(FACTS, max_size=10), st.lists(FACTS, max_size=10), MODES, st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_streamed_score_equals_in_memory_score_for_any_text(tmp_path_factory, gold, predicted, mode, newline, bom):
    folder = tmp_path_factory.mktemp("stream")
    gold_path = write_facts(folder / "gold.jsonl", gold, newline, bom and bool(gold))
    pred_path = write_facts(folder / "pred.jsonl", predicted, newline, bom and bool(predicted))
    assert score_jsonl(gold_path, pred_path, ALIASES, mode) == score_facts(gold, predicted, ALIASES, mode)


@PROPERTY
@given(st.lists(records() | junk | st.sampled_from(["{", "[]", '"@nan"']), min_size=1, max_size=4), st.booleans())
@example([{"doc_id": "d", "type": "headcount", "value": {"count": "@e400", "qualifier": "eq", "unit": "users"}}], False)
def test_streamed_reader_raises_only_input_errors(tmp_path_factory, lines, bom):
    path = tmp_path_factory.mktemp("keys") / "facts.jsonl"
    path.write_bytes(encode(lines, "\n", bom))
    try:
        keys = read_keys(path)
    except InputError as error:
        assert error.file == str(path) and 1 <= error.line <= len(lines) and "\n" not in str(error)
    else:
        assert all(isinstance(key, tuple) and len(key) == 3 for key in keys)


@PROPERTY
@given(st.lists(FACTS, max_size=12), st.lists(FACTS, max_size=12))
def test_lenient_only_turns_errors_into_matches(gold, predicted):
    strict, lenient = (score_facts(gold, predicted, ALIASES, mode) for mode in ("strict", "lenient"))
    for fact_type in FACT_TYPES:
        s, le = strict.per_type[fact_type], lenient.per_type[fact_type]
        assert le.tp >= s.tp and (le.tp + le.fp, le.tp + le.fn) == (s.tp + s.fp, s.tp + s.fn)


@PROPERTY
@given(st.lists(FACTS, max_size=12), st.lists(FACTS, max_size=12), MODES)
def test_each_document_is_scored_on_its_own(gold, predicted, mode):
    whole = score_facts(gold, predicted, ALIASES, mode)
    for doc_id in {fact.doc_id for fact in gold + predicted}:
        alone = score_facts([f for f in gold if f.doc_id == doc_id], [f for f in predicted if f.doc_id == doc_id], ALIASES, mode)
        assert alone.per_document[doc_id] == whole.per_document[doc_id]
