"""Error analysis: each kind by hand at mention and fact level, and consistency with the score."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from page_tree import parse

from bench.data.documents import Document
from bench.data.gold import Gold
from bench.facts import FACT_TYPES, Count, Fact, Official
from bench.normalize.aliases import AliasTable
from bench.presentation.html_report import Run, build_report
from bench.scoring.error_analysis import ErrorRecord, analyze, context_window
from bench.scoring.fact_level import score_facts
from bench.scoring.near_misses import similarity
from bench.scoring.scorer import score_run

TEXT = ("On 14 March 2025 the Ministry of Tests said Mayor Pat Lee cut staff to under 70 workers; "
        "by May 2025 some 9,000 customers had left.")
TEXTS = {"d": TEXT}
ALIASES = AliasTable.from_json({"agencies": {"Ministry of Tests": ["Tests Ministry"]}, "officials": {"Pat Lee": ["Lee"]},
                                "titles": {"Mayor": []}, "units": {"employees": ["workers"], "users": ["customers"]}})


def at(fact_type, surface, value, occurrence=0):
    start = TEXT.index(surface, occurrence)
    return Fact("d", fact_type, value, surface, start, start + len(surface))


GOLD = [
    at("date", "14 March 2025", "2025-03-14"),
    at("agency", "Ministry of Tests", "Ministry of Tests"),
    at("official", "Pat Lee", Official("Pat Lee", "Mayor")),
    at("headcount", "under 70", Count(70, "lt", "employees")),
    at("date", "May 2025", "2025-05"),
    at("user_count", "some 9,000", Count(9000, "approx", "users")),
]


def kinds(errors):
    return [(e.kind, e.type, e.gold_text or e.predicted_text) for e in errors]


def test_each_kind_at_mention_level():
    predicted = [
        at("date", "14 March", "2025-03-14"),  # shorter span, right value
        at("agency", "Ministry of Tests", "Ministry of Tests"),  # right
        at("agency", "Pat Lee", "Pat Lee"),  # a person typed as an agency
        at("headcount", "70", Count(70, "eq", "employees")),  # inside the span, another qualifier
        at("date", "May 2025", "2025-06"),  # right span, wrong month
        at("agency", "workers", "workers"),  # nothing there
    ]
    errors = analyze(GOLD, predicted, TEXTS, ALIASES)
    assert kinds(errors) == [
        ("wrong_boundary", "date", "14 March 2025"),
        ("wrong_type", "official", "Pat Lee"),
        ("wrong_value", "headcount", "under 70"),
        ("spurious", "agency", "workers"),
        ("wrong_value", "date", "May 2025"),
        ("missed", "user_count", "some 9,000"),
    ]
    assert all(e.level == "mention" for e in errors)
    wrong_type = errors[1]
    assert (wrong_type.predicted_type, wrong_type.gold_value, wrong_type.predicted_value) == (
        "agency", Official("Pat Lee", "Mayor"), "pat lee")  # canonical values: an unknown name is folded
    assert errors[2].context == ("… 2025 the Ministry of Tests said Mayor Pat Lee cut staff to [[under 70]] "
                                 "workers; by May 2025 some 9,000 customers had left.")  # 60 characters either side


def test_lenient_mode_forgives_coarser_values_but_not_boundaries():
    predicted = [at("date", "May 2025", "2025"), at("date", "14 March", "2025-03-14")]
    errors = analyze(GOLD[:1] + GOLD[4:5], predicted, TEXTS, ALIASES, mode="lenient")
    assert kinds(errors) == [("wrong_boundary", "date", "14 March 2025")]


def test_each_kind_at_fact_level_without_offsets():
    predicted = [
        Fact("d", "date", "2025-03-15"),  # right month, not the day
        Fact("d", "date", "2025-05"),  # right
        Fact("d", "date", "2019", text="2019"),  # unrelated, not in the text
        Fact("d", "agency", "Ministry for Tests"),  # an alias the table does not know
        Fact("d", "official", Official("P. Lee", "Mayor"), text="Pat Lee"),  # an alias not resolved
        Fact("d", "headcount", Count(70, "eq", "workers")),  # another qualifier
        Fact("d", "headcount", Count(9000, "approx", "customers")),  # a user count typed as a headcount
    ]
    errors = analyze(GOLD, predicted, TEXTS, ALIASES)
    assert kinds(errors) == [
        ("wrong_value", "date", "14 March 2025"),
        ("wrong_value", "agency", "Ministry of Tests"),
        ("wrong_value", "official", "Pat Lee"),
        ("wrong_value", "headcount", "under 70"),
        ("wrong_type", "user_count", "some 9,000"),
        ("spurious", "date", "2019"),
    ]
    assert all(e.level == "fact" for e in errors)
    assert errors[0].predicted_value == "2025-03-15" and errors[0].context.startswith("On [[14 March 2025]] the")
    assert errors[-1].context is None and errors[-1].start is None


def test_a_wrong_type_error_keeps_the_type_predicted_for_its_note():
    """A user count typed as a headcount: the error names the predicted type at both levels, the results file keeps
    it, and the report's error list says "as headcount" after the predicted value; a wrong value says no "as"."""
    gold = [at("user_count", "some 9,000", Count(9000, "approx", "users")), at("date", "May 2025", "2025-05")]
    predicted = [at("headcount", "some 9,000", Count(9000, "approx", "customers")), at("date", "May 2025", "2025-06")]
    for level in ("fact", "mention"):
        wrong_type = next(e for e in analyze(gold, predicted, TEXTS, ALIASES, level=level) if e.kind == "wrong_type")
        assert (wrong_type.type, wrong_type.predicted_type, wrong_type.predicted_text) == (
            "user_count", "headcount", "some 9,000"), level
    articles = Gold("1.0.0", "sha256:" + "a" * 64, (Document("d", TEXT),), tuple(gold), ALIASES)
    results = score_run(articles, predicted, "typer", "1", ci=False)
    assert [(e["kind"], e["type"], e["predicted_type"]) for e in results.errors] == [
        ("wrong_value", "date", "date"), ("wrong_type", "user_count", "headcount")]  # in text order
    page = parse(build_report(articles, [Run("typer", results)]))
    assert "as headcount" in page.find("li", cls="err", data_kind="wrong_type").text()
    assert " as " not in page.find("li", cls="err", data_kind="wrong_value").text()


def test_spurious_prediction_without_offsets_is_placed_by_its_text():
    error, = analyze([], [Fact("d", "agency", "Harbor Board", text="workers")], TEXTS)
    assert (error.kind, error.start, error.end) == ("spurious", TEXT.index("workers"), TEXT.index("workers") + 7)
    assert "[[workers]]" in error.context


def test_fact_level_quotes_the_first_gold_mention_once_per_fact():
    gold = [at("date", "2025", "2025"), at("date", "2025", "2025", TEXT.index("May"))]
    error, = analyze(gold, [], TEXTS, ALIASES, level="fact")
    assert (error.kind, error.start) == ("missed", TEXT.index("2025"))


def test_records_serialize_to_json():
    errors = analyze(GOLD, [Fact("d", "headcount", Count(70, "eq", "employees"))], TEXTS, ALIASES)
    raw = json.loads(json.dumps([e.to_dict() for e in errors]))
    assert raw[0]["kind"] == "missed" and raw[0]["gold_value"] == "2025-03-14"
    assert any(r["gold_value"] == {"count": 70, "qualifier": "lt", "unit": "employees"} for r in raw)
    assert set(raw[0]) == set(ErrorRecord.__slots__)


def test_similarity_and_context_window():
    assert similarity("2025-03-14", "2025-03") == 0.9 and similarity("2025-03-14", "2025-07-01") == 0.3
    assert similarity(Count(100, "eq", "users"), Count(105, "eq", "users")) == 0.5
    assert similarity(Count(100, "eq", "users"), Count(200, "eq", "users")) == 0.0
    assert similarity(Official("Pat Lee", "Mayor"), Official("Pat Lee", "Judge")) == 0.9
    assert similarity("Ministry of Tests", Count(3, "eq", "users")) == 0.0
    assert context_window("a\nb c", 2, 3, width=10) == "a [[b]] c"


# --- consistency with the score --------------------------------------------------------------

VALUES = {
    "date": st.sampled_from(["2025", "2025-03", "2025-03-14", "2025-03-15", "2025-W11"]),
    "headcount": st.builds(Count, st.sampled_from([10, 11, 20]), st.sampled_from(["eq", "lt"]), st.just("employees")),
    "user_count": st.builds(Count, st.sampled_from([10, 20]), st.just("eq"), st.just("users")),
    "agency": st.sampled_from(["Ministry of Tests", "Tests Ministry", "Office of Maps"]),
    "official": st.builds(Official, st.sampled_from(["Pat Lee", "Lee", "Sam Roe"]), st.sampled_from(["Mayor", "Judge"])),
}
FACTS = st.sampled_from(FACT_TYPES).flatmap(lambda t: st.builds(
    lambda v, s, n, d: Fact(d, t, v, start=s, end=s + n), VALUES[t], st.integers(0, 30), st.integers(1, 6),
    st.sampled_from(["d", "e"])))


@settings(max_examples=150, deadline=None)
@given(st.lists(FACTS, max_size=10), st.lists(FACTS, max_size=10), st.sampled_from(["strict", "lenient"]))
def test_fact_level_errors_account_for_every_fp_and_fn(gold, predicted, mode):
    errors = analyze(gold, predicted, TEXTS, ALIASES, mode=mode, level="fact")
    score = score_facts(gold, predicted, ALIASES, mode).micro
    both = sum(e.kind in ("wrong_value", "wrong_type") for e in errors)
    assert sum(e.kind == "missed" for e in errors) + both == score.fn
    assert sum(e.kind == "spurious" for e in errors) + both == score.fp
    assert len({(e.doc_id, e.type, repr(e.gold_value)) for e in errors if e.gold_value is not None}) == score.fn


@settings(max_examples=150, deadline=None)
@given(st.lists(FACTS, max_size=10), st.lists(FACTS, max_size=10), st.randoms(use_true_random=False))
def test_mention_level_errors_account_for_every_mention_and_ignore_order(gold, predicted, rng):
    gold = list({(f.doc_id, f.type, f.start, f.end): f for f in gold}.values())
    errors = analyze(gold, predicted, TEXTS, ALIASES, level="mention")
    missed, spurious = (sum(e.kind == k for e in errors) for k in ("missed", "spurious"))
    assert missed - spurious == len(gold) - len(predicted)
    rng.shuffle(gold)
    rng.shuffle(predicted)
    assert analyze(gold, predicted, TEXTS, ALIASES, level="mention") == errors
