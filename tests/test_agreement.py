"""bench gold agree: 1.0 for a set against itself; on a copy with known edits, the numbers those edits imply."""

from __future__ import annotations

import hashlib
import json

import pytest
from conftest import SMALL_TEXTS, small_fact_records
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.data.documents import Document
from bench.data.gold import Gold, load_gold
from bench.data.resources import gold_dir
from bench.facts import Fact
from bench.normalize.aliases import AliasTable
from bench.scoring.agreement import agreement

MEASURES = ("exact", "overlap", "facts")


def edited_records() -> list[dict]:
    """The hand labels with five known edits (see the expected numbers below)."""
    records = {r["text"] + "@" + r["doc_id"]: dict(r) for r in small_fact_records()}
    del records["2024@rail"]                                    # 1. a mention only A has
    august = records["August@rail"]
    august |= {"text": "by August", "start": august["start"] - 3}  # 2. a wider span, same value
    records["Friday@rail"]["value"] = "2023-06-09"              # 3. another value, same span
    records["75@rail"]["type"] = "user_count"           # 4. another type, same span
    start = SMALL_TEXTS["ferry"][0].index("May 5")
    records["May 5@ferry"] = {"id": "b1", "doc_id": "ferry", "type": "date", "text": "May 5", "start": start,
                              "end": start + 5, "value": "2023-05-05"}  # 5. a mention only B has
    return list(records.values())


def f1s(result, measure: str) -> dict:
    table = getattr(result, measure)
    return {**{t: prf.f1 for t, prf in table.items()}, "all": result.total(measure).f1}


def test_a_set_agrees_fully_with_itself(small_gold):
    for gold in (load_gold(small_gold()), load_gold()):
        result = agreement(gold, gold)
        for measure in MEASURES:
            assert set(f1s(result, measure).values()) == {1.0}  # every type has mentions in both sets
        assert {v.accuracy for v in result.values.values()} | {result.total("values").accuracy} == {1.0}
        assert result.disagreements == ()


def test_known_edits_give_the_numbers_they_imply(small_gold):
    a, b = load_gold(small_gold()), load_gold(small_gold(edited_records()))
    result = agreement(a, b)
    # A: 5 dates, 1 headcount, 1 user count, 2 agencies, 2 officials. B: 5 dates (2024 gone, May 5 new),
    # no headcount, 2 user counts (75 workers retyped), the same agencies and officials.
    # exact: dates 4 June, Friday, 1 May agree (3 of 5 each side); the user count 2,000 riders; all names.
    assert f1s(result, "exact") == {"date": 0.6, "headcount": 0.0, "user_count": pytest.approx(2 / 3), "agency": 1.0,
                                    "official": 1.0, "all": pytest.approx(16 / 22)}
    assert result.exact["headcount"].precision is None
    # overlap adds the August / by August pair.
    assert f1s(result, "overlap") == {"date": 0.8, "headcount": 0.0, "user_count": pytest.approx(2 / 3), "agency": 1.0,
                                      "official": 1.0, "all": pytest.approx(18 / 22)}
    # values: of the 4 overlapping date pairs, Friday differs.
    assert {t: (v.correct, v.matched) for t, v in result.values.items()} == {
        "date": (3, 4), "headcount": (0, 0), "user_count": (1, 1), "agency": (2, 2), "official": (2, 2)}
    # facts: dates 06-04, 2023-08, 05-01 shared (A adds 06-02 and 2024, B 06-09 and 05-05); 75 employees
    # moved from headcount to user_count.
    assert {t: (p.tp, p.fp, p.fn) for t, p in result.facts.items()} == {
        "date": (3, 2, 2), "headcount": (0, 0, 1), "user_count": (1, 1, 0), "agency": (2, 0, 0), "official": (2, 0, 0)}
    assert result.total("facts").f1 == pytest.approx(16 / 22)
    swapped = agreement(b, a)
    for measure in MEASURES:
        assert f1s(swapped, measure) == f1s(result, measure)


def test_every_disagreement_is_listed_with_both_sides_and_context(small_gold):
    a, b = load_gold(small_gold()), load_gold(small_gold(edited_records()))
    listed = [(d.doc_id, d.kind, d.a and d.a.text, d.b and d.b.text) for d in agreement(a, b).disagreements]
    assert listed == [("rail", "value", "Friday", "Friday"), ("rail", "type", "75", "75"),
                      ("rail", "span", "August", "by August"), ("rail", "only in A", "2024", None),
                      ("ferry", "only in B", None, "May 5")]
    last_of_rail = agreement(a, b).disagreements[3]
    text = SMALL_TEXTS["rail"][0]
    assert last_of_rail.context == ("…" + text[text.index("2024") - 40:text.index("2024")], "2024", ".")


def test_cli_table_and_json(cli, small_gold):
    a, b = small_gold(), small_gold(edited_records())
    table = cli("gold", "agree", a, b)
    assert table.exit_code == 0
    lines = table.stdout.splitlines()
    assert lines[0] == f"A = {a} (reference), B = {b}"
    assert lines[4].split() == ["date", "5", "5", "0.600", "0.800", "0.750", "3/4", "0.600"]
    assert lines[9].split() == ["all", "11", "11", "0.727", "0.818", "0.889", "8/9", "0.727"]
    assert "5 disagreements:" in table.stdout
    assert "  B: s03 date 'Friday' 59:65 = 2023-06-09" in lines
    as_json = json.loads(cli("gold", "agree", a, b, "-f", "json").stdout)
    assert as_json["overlap"]["all"]["f1"] == pytest.approx(18 / 22) and as_json["values"]["date"]["accuracy"] == 0.75
    assert as_json["disagreements"][3] == {"doc_id": "rail", "kind": "only in A", "a": small_fact_records()[6], "b": None,
                                           "context": {"before": "…" + SMALL_TEXTS["rail"][0][-45:-5], "span": "2024", "after": "."}}


def test_sets_whose_texts_differ_are_refused(cli, small_gold):
    a, b = small_gold(), small_gold()
    text = SMALL_TEXTS["ferry"][0] + " Updated."
    (b / "documents" / "ferry.txt").write_text(text, encoding="utf-8")
    manifest = b / "documents" / "manifest.jsonl"
    records = [json.loads(line) for line in manifest.read_text().splitlines()]
    records[1]["sha256"] = hashlib.sha256(text.encode()).hexdigest()
    manifest.write_text("".join(json.dumps(r) + "\n" for r in records))
    result = cli("gold", "agree", a, b)
    assert result.exit_code == 2
    assert result.stderr == f"error: {manifest}:2: sha256: the text of 'ferry' differs from {a}'s: agreement needs the same texts\n"


def test_sets_with_other_documents_are_refused(cli, small_gold):
    result = cli("gold", "agree", small_gold(), gold_dir())
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "document 'rail' of " in result.stderr and result.stderr.count("\n") == 1


def test_a_document_only_b_has_is_refused(cli, small_gold):
    """B holds every document of A and one more: refused on B's manifest line of that document, A named."""
    a, b = small_gold(), small_gold()
    text = "A third article, which only set B has."
    (b / "documents" / "extra.txt").write_text(text, encoding="utf-8")
    manifest = b / "documents" / "manifest.jsonl"
    extra = {"id": "extra", "file": "extra.txt", "sha256": hashlib.sha256(text.encode()).hexdigest(), "published": None}
    manifest.write_text(manifest.read_text() + json.dumps(extra) + "\n")
    result = cli("gold", "agree", a, b)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"error: {manifest}:3: id: document 'extra' is not in {a}\n"


# --- properties on random small sets: symmetric F1, full agreement with oneself ------------------------------

TEXT = "x" * 30
SPANS = st.tuples(st.integers(0, 25), st.integers(1, 5), st.sampled_from(["date", "agency"]), st.sampled_from(["2024", "2023"]))


def random_gold(spans) -> Gold:
    facts, seen = [], set()
    for number, (start, length, fact_type, year) in enumerate(spans):
        if (start, length, fact_type) not in seen:
            seen.add((start, length, fact_type))
            value = year if fact_type == "date" else "Office " + year
            facts.append(Fact("d", fact_type, value, TEXT[start:start + length], start, start + length, str(number)))
    return Gold("1", "h", (Document("d", TEXT),), tuple(facts), AliasTable())


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.lists(SPANS, max_size=7), st.lists(SPANS, max_size=7))
def test_every_measure_is_the_same_either_way_round(spans_a, spans_b):
    a, b = random_gold(spans_a), random_gold(spans_b)
    forward, backward = agreement(a, b), agreement(b, a)
    for measure in MEASURES:
        assert f1s(forward, measure) == f1s(backward, measure)
    assert forward.total("values") == backward.total("values")
    assert sorted(d.kind.replace("A", "?").replace("B", "A").replace("?", "B") for d in forward.disagreements) == sorted(
        d.kind for d in backward.disagreements)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.lists(SPANS, min_size=1, max_size=7))
def test_any_set_agrees_fully_with_itself(spans):
    a = random_gold(spans)
    result = agreement(a, a)
    assert {result.total(m).f1 for m in MEASURES} == {1.0} and result.disagreements == ()
