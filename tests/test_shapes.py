"""The fast record check accepts exactly what the JSON Schemas accept."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bench.data.schema import schema_problems
from bench.data.shapes import record_ok

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
