"""The fast record checks accept exactly what the JSON Schemas accept, and the compiled ones are up to date."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.data.compile_schemas import COMPILED_DIR, as_draft7, module_source, record_schemas
from bench.data.schema import schema_problems
from bench.data.shapes import ALIAS_TABLES, MAX_COUNT, record_ok

SCHEMAS = Path(__file__).resolve().parents[1] / "gold" / "schema"

VALID_VALUES = {
    "date": st.sampled_from(["2024", "2024-07", "2024-07-16", "2024-W29"]),
    "agency": st.sampled_from(["Ministry of Tests", "x"]),
    "headcount": st.fixed_dictionaries({"count": st.integers(0, 10**12), "qualifier": st.sampled_from(["eq", "lt", "approx"]), "unit": st.just("employees")}),
    "user_count": st.fixed_dictionaries({"count": st.integers(0, 10**12), "qualifier": st.just("ge"), "unit": st.just("users")}),
    "official": st.fixed_dictionaries({"name": st.just("Ann Example"), "title": st.just("Mayor")}),
}
ODD = st.sampled_from(["", " ", "2024-13", "2024-07-32", "2024-W54", -1, 1.0, 2.5, True, None, [], {}, {"count": 1}, {"name": "a", "title": ""},
                       {"count": 1, "qualifier": "eq", "unit": "x", "more": 1}, {"count": True, "qualifier": "eq", "unit": "x"}])


@st.composite
def records(draw):
    fact_type = draw(st.sampled_from(sorted(VALID_VALUES)))
    start = draw(st.integers(0, 50))
    record = {"id": "f1", "doc_id": "d1", "type": fact_type, "text": "abc", "start": start,
              "end": start + draw(st.integers(1, 5)), "value": draw(VALID_VALUES[fact_type])}
    for key in draw(st.lists(st.sampled_from(sorted(record)), max_size=2, unique=True)):
        if draw(st.booleans()):
            del record[key]
        else:
            record[key] = draw(ODD | st.sampled_from(["date", "agency", "official"]))
    if draw(st.booleans()):
        record[draw(st.sampled_from(["extractor", "other", "reviewed"]))] = draw(ODD | st.just("x") | st.booleans())
    return record


@settings(max_examples=2000, derandomize=True, deadline=None)
@given(record=records(), schema=st.sampled_from(["fact", "prediction"]))
def test_fast_check_agrees_with_the_schema(record, schema):
    assert record_ok(record, schema) == (schema_problems(record, schema) == [])


def test_the_generator_makes_both_good_and_bad_records():
    seen = set()

    @settings(max_examples=500, derandomize=True, deadline=None)
    @given(record=records())
    def collect(record):
        seen.add((record_ok(record, "fact"), record_ok(record, "prediction")))

    collect()
    assert {(True, True), (False, True), (False, False)} <= seen


documents = st.fixed_dictionaries(
    {},
    optional={"id": st.sampled_from(["d1", "", 3, None]), "text": st.sampled_from(["Some text.", "", 5, None]),
              "published": st.sampled_from(["2024-07-16", "2024-13-01", "2024-7-1", "2024-02-30", None, 20240716]),
              "source": st.just("extra fields are allowed")},
)


@settings(max_examples=500, derandomize=True, deadline=None)
@given(record=documents)
def test_fast_document_check_agrees_with_the_schema(record):
    assert record_ok(record, "document") == (schema_problems(record, "document") == [])


def mostly(good, *odd):
    """The good value four times in five, else one of the odd ones."""
    return st.sampled_from([good] * 4 * len(odd) + list(odd))


@st.composite
def manifests(draw):
    record = draw(st.fixed_dictionaries(
        {"id": mostly("d1", "", 3), "file": mostly("d1.txt", "", None), "sha256": mostly("a" * 64, "A" * 64, "a" * 63, 7),
         "published": st.sampled_from(["2024-07-16", None, "2024-13-01", "2024-02-30", 20240716])},
        optional={"outlet": st.sampled_from(["Rappler", None, 1]), "title": st.sampled_from(["T", "", None, []]),
                  "published_basis": st.sampled_from(["dateline", "inferred", "generated", "guess", None]),
                  "published_note": st.sampled_from(["why", "", None]), "source": st.just("unknown fields are refused")}))
    for key in draw(st.lists(st.sampled_from(["id", "file", "sha256", "published"]), max_size=1)):
        del record[key]
    return record


@settings(max_examples=800, derandomize=True, deadline=None)
@given(record=manifests())
def test_fast_manifest_check_agrees_with_the_schema(record):
    assert record_ok(record, "manifest") == (schema_problems(record, "manifest") == [])


def test_the_manifest_generator_makes_both_good_and_bad_records():
    seen = set()

    @settings(max_examples=300, derandomize=True, deadline=None)
    @given(record=manifests())
    def collect(record):
        seen.add(record_ok(record, "manifest"))

    collect()
    assert seen == {True, False}


# --- the compiled checks ------------------------------------------------------------------------------------------


def test_every_record_schema_is_compiled_and_up_to_date():
    """A schema edited without ``python -m bench.data.compile_schemas`` fails here."""
    shipped = {path.stem for path in COMPILED_DIR.glob("*.py")} - {"__init__"}
    assert shipped == set(record_schemas())
    stale = [name for name in record_schemas()
             if (COMPILED_DIR / f"{name}.py").read_text(encoding="utf-8") != module_source(name)]
    assert stale == [], "run: python -m bench.data.compile_schemas"


def test_the_schemas_use_only_what_the_compiled_checks_carry_over():
    """Keywords of 2020-12 with no draft-7 equivalent would be silently ignored by fastjsonschema: refused instead."""
    for path in SCHEMAS.glob("*.schema.json"):
        as_draft7(json.loads(path.read_text(encoding="utf-8")))
    with pytest.raises(ValueError, match="unevaluatedProperties"):
        as_draft7({"properties": {"a": {"unevaluatedProperties": False}}})


def test_draft7_rewrites_a_ref_beside_other_keywords_and_dependent_required():
    schema = {"$ref": "v.json#/$defs/t", "type": "object", "dependentRequired": {"start": ["end"]},
              "items": [{"$ref": "#/$defs/a"}], "allOf": [{"required": ["a"]}]}
    assert as_draft7(schema) == {"type": "object", "dependencies": {"start": ["end"]}, "items": [{"$ref": "#/$defs/a"}],
                                 "allOf": [{"$ref": "v.json#/$defs/t"}, {"required": ["a"]}]}


def test_the_constants_are_the_schemas():
    values = json.loads((SCHEMAS / "values.schema.json").read_text(encoding="utf-8"))
    aliases = json.loads((SCHEMAS / "aliases.schema.json").read_text(encoding="utf-8"))
    assert MAX_COUNT == values["$defs"]["count"]["properties"]["count"]["maximum"]
    assert list(ALIAS_TABLES) == aliases["required"]


@pytest.mark.parametrize(("record", "schema"), [
    ({"doc_id": "d1", "type": "date", "value": "2024\n"}, "prediction"),
    ({"id": "d1", "text": "", "published": "2024-07-16\n"}, "document"),
    ({"id": "d1", "file": "d1.txt", "sha256": "a" * 64 + "\n", "published": None}, "manifest"),
])
def test_a_final_newline_does_not_end_a_pattern(record, schema):
    """JSON Schema reads patterns as ECMA 262 does: "$" is the end of the string, not the end before a newline."""
    assert not record_ok(record, schema)
    assert schema_problems(record, schema)[0][1].endswith("is not in the expected form" + (
        " (expected ISO 8601 at the precision the text gives: YYYY, YYYY-MM, YYYY-MM-DD or a week YYYY-Www)"
        if schema == "prediction" else ""))


ODD_VALUES = ["", " ", "x", "2024-07-16\n", "sha256:" + "a" * 64, "MFT", "date", -1, 0, 1, 1.0, 2.5, 10**16,
              float("inf"), True, None, [], {}, ["date", "date"], {"x": 1}]


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


@st.composite
def mutated(draw, valid):
    """``valid`` with one or two changes: a value replaced by an odd one, a key dropped or an unknown key added."""
    record = json.loads(json.dumps(valid))
    for _ in range(draw(st.integers(1, 2))):
        path = draw(st.sampled_from(sorted(_paths(record), key=repr)))
        *parent_path, last = path or (None,)
        parent = record
        for key in parent_path:
            parent = parent[key]
        action = draw(st.sampled_from(["odd", "odd", "drop", "add"]))
        if not path:
            continue
        if action == "drop" and isinstance(parent, dict):
            del parent[last]
        elif action == "add" and isinstance(parent[last], dict):
            parent[last]["unknown"] = copy.deepcopy(draw(st.sampled_from(ODD_VALUES)))
        else:
            parent[last] = copy.deepcopy(draw(st.sampled_from(ODD_VALUES)))
    return record


HASH = "sha256:" + "a" * 64
VALID = {
    "suite_case": {"doc_id": "d1", "capability": "date.absolute", "kind": "INV", "fact_types": ["date", "agency"],
                   "frame": "f1", "derived_from": "d0"},
    "capabilities": {"name": "capabilities", "seed": 0, "generator": "1", "capabilities": [
        {"id": "date.absolute", "fact_types": ["date"], "kind": "MFT", "context": False, "description": "d",
         "sources": [], "real_example": {"set": "wikinews", "doc_id": "w1", "start": 0, "end": 3, "quote": "q",
                                         "error": "e"}}]},
    "twins_marker": {"source_version": "1.0.0", "source_hash": "sha256:" + "b" * 64, "seed": 3, "weeks": -2,
                     "count_factor": 1.5, "faker": "40.0", "generator": "1.0.0", "format": 1},
    "baseline": {"format": 1, "gold_version": "1.0.0", "gold_hash": HASH, "level": "fact", "tolerance": 0.01,
                 "extractors": {"regex": {"extractor": "regex", "version": "1", "params": {}, "scores": {
                     "micro": {"precision": 0.5, "recall": None, "f1": 1}}, "ledger": {
                     "documents": 2, "seconds": 0.5, "docs_per_second": 4.0,
                     "latency": {"timed": 2, "p50": 0.1, "p95": 0.2, "max": None},
                     "memory": {"self_max_rss_kib": 1, "children_max_rss_kib": None},
                     "machine": {"cpu": "c", "cores": 2, "python": "3.11"}, "metered": False}}}},
    "prices": {"date": "2024-07-16", "source": "s", "currency": "USD", "models": {"m": {"input": 1, "output": 2.5}}},
    "results": {
        "format": 2, "extractor": "regex", "extractor_version": "1", "gold_version": "1.0.0", "gold_hash": HASH,
        "level": "strict", "mode": "strict",
        "rows": [{"label": "micro", "tp": 1, "fp": 0, "fn": 1, "support": 2, "precision": 1.0, "recall": 0.5,
                  "f1": 0.667, "ci": {"f1": [0.1, 0.9]}, "doc_ci": {"f1": None}}],
        "documents": [{"doc_id": "d1", "counts": {"date": {"tp": 1, "fp": 0, "fn": 1}}, "failure": None}],
        "errors": [{"kind": "missed", "level": "mention", "doc_id": "d1", "type": "date", "gold_value": "2024",
                    "predicted_type": None, "start": 3, "end": None, "context": "c"}],
        "predictions": [{"doc_id": "d1", "type": "headcount", "value": {"count": 3, "qualifier": "eq", "unit": "u"},
                         "start": 0, "end": 1}],
        "value_accuracy": {"overall": {"matched": 1, "correct": 1, "accuracy": 1.0}, "unscored": 0},
        "run": {"extractor": "regex", "params": {}, "details": {}, "package_version": "0.1.0", "hash": HASH},
        "suite": {"name": "capabilities", "version": "1", "hash": HASH},
        "capabilities": [{"id": "c", "kind": "MFT", "context": False, "cases": 2, "failures": 1, "rate": 0.5,
                          "ci": [0.1, 0.9], "flip_rate": None, "examples": [{"doc_id": "d1", "expected": ["x"],
                                                                              "predicted": []}]}],
    },
}


@pytest.mark.parametrize("schema", sorted(VALID))
def test_the_valid_examples_are_valid(schema):
    assert record_ok(VALID[schema], schema) and schema_problems(VALID[schema], schema) == []


@pytest.mark.parametrize("schema", sorted(VALID))
def test_a_compiled_check_agrees_with_jsonschema(schema):
    seen = set()

    @settings(max_examples=150, derandomize=True, deadline=None)
    @given(record=mutated(VALID[schema]))
    def agree(record):
        accepted = record_ok(record, schema)
        seen.add(accepted)
        assert accepted == (schema_problems(record, schema) == [])

    agree()
    assert seen == {True, False}  # the changes made both valid and invalid records
