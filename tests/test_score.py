"""Fact-level scoring: hand-computed cases, zero division, streaming, properties, scikit-learn as reference."""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.errors import InputError
from bench.facts import FACT_TYPES, Count, Fact, Official
from bench.normalize.aliases import AliasTable
from bench.scoring.fact_level import (
    PRF,
    MacroAverage,
    Score,
    fact_outcomes,
    key_set,
    lenient_distance,
    lenient_pairs,
    score_facts,
    score_keys,
)
from bench.scoring.streaming import read_keys, score_jsonl

ALIASES = AliasTable.from_json({
    "agencies": {"Ministry of Tests": ["Tests Ministry"]},
    "officials": {"Pat Lee": ["Lee", "Patricia Lee"]},
    "titles": {"Mayor": ["city mayor"]},
    "units": {"employees": ["staff"], "users": ["customers"]},
})


def fact(doc_id, fact_type, value, start=None, end=None):
    return Fact(doc_id, fact_type, value, start=start, end=end)


GOLD = [
    fact("d1", "date", "2025-03-14"), fact("d1", "date", "2025-03-14"), fact("d1", "date", "2025-02-09"),
    fact("d1", "agency", "Ministry of Tests"), fact("d1", "agency", "Ministry of Tests"),
    fact("d1", "headcount", Count(70, "lt", "employees")),
    fact("d1", "official", Official("Pat Lee", "Mayor")),
    fact("d2", "date", "2025-W11"),
]
PREDICTED = [
    fact("d1", "date", "2025-03-14"), fact("d1", "date", "2025-03-14"), fact("d1", "date", "2025-03-14"),
    fact("d1", "date", "2025-02"),  # the month of a gold day
    fact("d1", "agency", "tests ministry"),  # an alias, lower case
    fact("d1", "headcount", Count(70, "eq", "staff")),  # another qualifier, a unit alias
    fact("d1", "official", Official("Lee", "city mayor")),
    fact("d1", "user_count", Count(9, "eq", "customers")),  # no gold of this type
    fact("d2", "date", "2025-03-12"),  # a Wednesday of week 11
]


def test_strict_hand_computed():
    score = score_facts(GOLD, PREDICTED, ALIASES, "strict")
    assert score.per_type == {
        "date": PRF(1, 2, 2), "headcount": PRF(0, 1, 1), "user_count": PRF(0, 1, 0),
        "agency": PRF(1, 0, 0), "official": PRF(1, 0, 0),
    }
    assert score.micro == PRF(3, 4, 3)
    assert (score.micro.precision, score.micro.recall, score.micro.f1) == (3 / 7, 3 / 6, 6 / 13)
    assert score.per_document["d2"] == {"date": PRF(0, 1, 1)}
    # macro P over all five types; R and F1 leave out user_count (no gold: recall undefined, F1 = 0 counts)
    assert score.macro == MacroAverage((1 / 3 + 0 + 0 + 1 + 1) / 5, (1 / 3 + 0 + 1 + 1) / 4, (2 / 6 + 0 + 0 + 1 + 1) / 5)


def test_lenient_hand_computed():
    score = score_facts(GOLD, PREDICTED, ALIASES, "lenient")
    assert score.per_type["date"] == PRF(3, 0, 0)  # exact day, month over day, week over day
    assert score.per_type["headcount"] == PRF(1, 0, 0)
    assert score.micro == PRF(6, 1, 0)


def test_zero_division_is_undefined_not_zero():
    assert (PRF().precision, PRF().recall, PRF().f1) == (None, None, None)
    assert (PRF(0, 3, 0).precision, PRF(0, 3, 0).recall, PRF(0, 3, 0).f1) == (0.0, None, 0.0)
    assert (PRF(0, 0, 2).precision, PRF(0, 0, 2).recall, PRF(0, 0, 2).f1) == (None, 0.0, 0.0)
    assert MacroAverage.of([PRF(), PRF()]) == MacroAverage(None, None, None)
    assert MacroAverage.of([PRF(1, 0, 0), PRF()]) == MacroAverage(1.0, 1.0, 1.0)


def test_empty_everything_is_undefined_everywhere():
    score = score_keys(set(), set(), documents=["d"])
    assert all(prf == PRF() for prf in score.per_type.values())
    assert score.macro == MacroAverage(None, None, None)
    assert score.per_document == {"d": {}}


@pytest.mark.parametrize("gold, predicted, distance", [
    ("2025-03", "2025-03-14", 1), ("2025", "2025-03-14", 2), ("2025-03-14", "2025", 2), ("2025", "2025-03", 1),
    ("2025-W11", "2025-03-12", 1), ("2025-03-16", "2025-W11", 1),  # Sunday 16 March closes week 11
    ("2025-W11", "2025-03-17", None), ("2025", "2025-W11", None), ("2025-03", "2025-W11", None),
    ("2025-03", "2025-04-01", None), ("2025-03-14", "2025-03-15", None), ("2025-1", "2025-12", None),
])
def test_lenient_date_rules(gold, predicted, distance):
    assert lenient_distance("date", gold, predicted) == distance


@pytest.mark.parametrize("gold, predicted", [
    ("2024-06", "2024-06-13"), ("2024-06-13", "2024-06"),  # finer and coarser alike
    ("2024", "2024-06-13"), ("2024-06-13", "2024"), ("2024-W24", "2024-06-13"), ("2024-06-13", "2024-W24"),
])
def test_lenient_credits_a_date_of_the_same_period_in_both_directions(gold, predicted):
    outcomes = fact_outcomes({("d", "date", gold)}, {("d", "date", predicted)}, "lenient")
    assert outcomes.lenient == ((("d", "date", gold), ("d", "date", predicted)),)
    assert outcomes.counts() == {("d", "date"): (1, 0, 0)}


@pytest.mark.parametrize("week, other", [
    ("2025-W11", "2025-03"),  # 10-16 March: inside March, still no pair
    ("2025-W11", "2025"),
    ("2025-W01", "2024"), ("2025-W01", "2025"),  # 30 December 2024 to 5 January 2025: straddles two years
    ("2025-W05", "2025-01"), ("2025-W05", "2025-02"),  # 27 January to 2 February: straddles two months
])
def test_lenient_never_pairs_a_week_with_a_month_or_a_year(week, other):
    assert lenient_distance("date", week, other) is None and lenient_distance("date", other, week) is None
    outcomes = fact_outcomes({("d", "date", week)}, {("d", "date", other)}, "lenient")
    assert outcomes.lenient == () and outcomes.counts() == {("d", "date"): (0, 1, 1)}


def test_lenient_closest_first_then_earliest_in_iso_order():
    # One prediction, two gold values it could pair with: fewest steps wins (month 1 step, year 2).
    assert lenient_pairs("date", ["2025", "2025-03"], ["2025-03-20"]) == [("2025-03", "2025-03-20")]
    # A week and a month both one step from a day of week 12 (17-23 March): a tie, the earlier gold value wins.
    assert lenient_pairs("date", ["2025-W12", "2025-03"], ["2025-03-20"]) == [("2025-03", "2025-03-20")]
    # One gold value, a coarser and a finer prediction, each one step away: the year sorts first.
    assert lenient_pairs("date", ["2025-03"], ["2025-03-14", "2025"]) == [("2025-03", "2025")]
    outcomes = fact_outcomes({("d", "date", "2025-03")}, {("d", "date", "2025"), ("d", "date", "2025-03-14")}, "lenient")
    assert outcomes.lenient == ((("d", "date", "2025-03"), ("d", "date", "2025")),)
    assert outcomes.alignment.spurious == (("d", "date", "2025-03-14"),)


def test_lenient_counts_ignore_qualifier_not_unit_officials_ignore_title():
    assert lenient_distance("user_count", Count(5, "gt", "users"), Count(5, "lt", "users")) == 0
    assert lenient_distance("user_count", Count(5, "gt", "users"), Count(5, "gt", "companies")) is None
    assert lenient_distance("official", Official("Pat Lee", "Mayor"), Official("Pat Lee", "Governor")) == 0
    assert lenient_distance("agency", "Ministry of Tests", "Ministry of Trials") is None


def test_lenient_pairing_is_one_to_one_and_closest_first():
    assert lenient_pairs("date", ["2025-03-01", "2025-03-02"], ["2025-03"]) == [("2025-03-01", "2025-03")]
    assert lenient_pairs("date", ["2025", "2025-03"], ["2025-03-20"]) == [("2025-03", "2025-03-20")]
    gold = {("d", "date", "2025"), ("d", "date", "2025-03")}
    outcomes = fact_outcomes(gold, {("d", "date", "2025-03-20")}, "lenient")
    assert outcomes.lenient == ((("d", "date", "2025-03"), ("d", "date", "2025-03-20")),)
    assert outcomes.counts() == {("d", "date"): (1, 0, 1)} and outcomes.alignment.missed == (("d", "date", "2025"),)


def test_score_round_trips_through_json():
    score = score_facts(GOLD, PREDICTED, ALIASES, "lenient", documents=["d1", "d2", "d3"])
    assert Score.from_dict(json.loads(json.dumps(score.to_dict()))) == score
    assert score.to_dict()["per_type"]["user_count"]["recall"] is None


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="mode"):
        score_keys(set(), set(), mode="fuzzy")


def write_lines(path, records):
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return path


def test_streamed_jsonl_scores_like_facts(tmp_path):
    gold = write_lines(tmp_path / "gold.jsonl", [f.to_dict() for f in GOLD])
    predicted = write_lines(tmp_path / "pred.jsonl", ["", *(f.to_dict() for f in PREDICTED), "   "])
    for mode in ("strict", "lenient"):
        assert score_jsonl(gold, predicted, ALIASES, mode) == score_facts(GOLD, PREDICTED, ALIASES, mode)
    assert read_keys(predicted, ALIASES) == key_set(PREDICTED, ALIASES)


def test_streamed_jsonl_accepts_a_byte_order_mark(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(GOLD[0].to_dict()).encode() + b"\n")
    assert read_keys(path) == {("d1", "date", "2025-03-14")}


@pytest.mark.parametrize("line, message", [
    ('{"doc_id": "d", "type": "date"', ":1: invalid JSON"),
    ('[1, 2]', ":1: expected a JSON object, got list"),
    ('{"doc_id": "d", "type": "mood", "value": "x"}', ":1: not a fact record"),
    ('{"doc_id": "d", "type": "headcount", "value": {"count": 3}}', ":1: not a fact record"),
    ('{"doc_id": "d", "type": "official", "value": "Pat Lee"}', ":1: not a fact record"),
    ('{"doc_id": 7, "type": "date", "value": "2025"}', ":1: not a fact record"),
    ('{"type": "date", "value": "2025"}', ":1: not a fact record"),
])
def test_streamed_jsonl_errors_name_the_line(tmp_path, line, message):
    path = write_lines(tmp_path / "bad.jsonl", [line])
    with pytest.raises(InputError) as error:
        read_keys(path)
    assert message in str(error.value) and str(path) in str(error.value)


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        read_keys(tmp_path / "absent.jsonl")


# --- properties ---------------------------------------------------------------------------

VALUES = {
    "date": st.sampled_from(["2025", "2025-03", "2025-03-14", "2025-03-15", "2025-W11", "2024-12"]),
    "headcount": st.builds(Count, st.sampled_from([10, 20]), st.sampled_from(["eq", "lt"]), st.just("employees")),
    "user_count": st.builds(Count, st.sampled_from([10, 20]), st.sampled_from(["eq", "gt"]), st.sampled_from(["users", "companies"])),
    "agency": st.sampled_from(["Ministry of Tests", "tests ministry", "Office of Maps"]),
    "official": st.builds(Official, st.sampled_from(["Pat Lee", "Lee", "Sam Roe"]), st.sampled_from(["Mayor", "Judge"])),
}
FACTS = st.sampled_from(FACT_TYPES).flatmap(
    lambda t: st.builds(Fact, st.sampled_from(["d1", "d2", "d3"]), st.just(t), VALUES[t]))
MODES = st.sampled_from(["strict", "lenient"])


def all_prfs(score: Score):
    return [*score.per_type.values(), score.micro]


@settings(max_examples=150, deadline=None)
@given(st.lists(FACTS, max_size=12), st.lists(FACTS, max_size=12), MODES)
def test_every_metric_is_in_the_unit_interval(gold, predicted, mode):
    score = score_facts(gold, predicted, ALIASES, mode)
    values = [m for prf in all_prfs(score) for m in (prf.precision, prf.recall, prf.f1)]
    values += [score.macro.precision, score.macro.recall, score.macro.f1]
    assert all(0.0 <= v <= 1.0 for v in values if v is not None)


@given(st.lists(FACTS, min_size=1, max_size=12), MODES)
def test_predicting_the_gold_scores_one(gold, mode):
    score = score_facts(gold, gold, ALIASES, mode)
    for prf in all_prfs(score):
        assert prf.fp == prf.fn == 0 and prf.f1 in (None, 1.0)
    assert score.micro.f1 == 1.0 and score.macro == MacroAverage(1.0, 1.0, 1.0)


@given(st.lists(FACTS, min_size=1, max_size=12), MODES)
def test_no_predictions_give_recall_zero(gold, mode):
    score = score_facts(gold, [], ALIASES, mode)
    assert score.micro.recall == 0.0
    assert all(prf.recall == 0.0 for prf in score.per_type.values() if prf.support)


@given(st.lists(FACTS, max_size=12), st.lists(FACTS, max_size=12), MODES, st.randoms(use_true_random=False))
def test_invariant_to_order_and_duplicates(gold, predicted, mode, rng):
    shuffled_gold, shuffled_pred = gold * 2, predicted + predicted[: len(predicted) // 2]
    rng.shuffle(shuffled_gold)
    rng.shuffle(shuffled_pred)
    assert score_facts(shuffled_gold, shuffled_pred, ALIASES, mode) == score_facts(gold, predicted, ALIASES, mode)


@settings(max_examples=150)
@given(st.lists(FACTS, min_size=1, max_size=12), st.lists(FACTS, max_size=12), MODES, st.data())
def test_adding_a_correct_prediction_never_lowers_recall(gold, predicted, mode, data):
    before = score_facts(gold, predicted, ALIASES, mode)
    after = score_facts(gold, predicted + [data.draw(st.sampled_from(gold))], ALIASES, mode)
    for fact_type in FACT_TYPES:
        assert (after.per_type[fact_type].recall or 0) >= (before.per_type[fact_type].recall or 0)
    assert after.micro.recall >= before.micro.recall


@settings(max_examples=150)
@given(st.lists(FACTS, max_size=12), st.lists(FACTS, min_size=1, max_size=12), MODES, st.data())
def test_removing_a_false_positive_never_lowers_precision(gold, predicted, mode, data):
    keys = lambda facts: key_set(facts, ALIASES)  # noqa: E731
    outcomes = fact_outcomes(keys(gold), keys(predicted), mode)
    false = sorted(outcomes.predicted - outcomes.credited_predicted, key=repr)
    if not false:
        return
    dropped = data.draw(st.sampled_from(false))
    kept = [f for f in predicted if keys([f]) != {dropped}]
    before, after = score_facts(gold, predicted, ALIASES, mode), score_facts(gold, kept, ALIASES, mode)
    for fact_type in FACT_TYPES:
        if after.per_type[fact_type].precision is not None:
            assert after.per_type[fact_type].precision >= before.per_type[fact_type].precision
    assert after.micro.tp == before.micro.tp and after.micro.fp == before.micro.fp - 1


@given(st.lists(FACTS, max_size=12), st.lists(FACTS, max_size=12), MODES)
def test_every_unit_is_in_the_alignment_once_and_its_items_tally_to_the_score(gold, predicted, mode):
    """A credited pair is a tp, a near miss a fn and a fp, a gold fact alone a fn, a prediction alone a fp."""
    g, p = key_set(gold, ALIASES), key_set(predicted, ALIASES)
    alignment = fact_outcomes(g, p, mode).alignment
    counts = {t: [0, 0, 0] for t in FACT_TYPES}
    for pair in alignment.pairs:
        if pair.credit == 1.0:
            assert pair.kind is None and pair.gold[:2] == pair.predicted[:2]
            counts[pair.gold[1]][0] += 1
        else:
            assert pair.credit == 0.0 and pair.kind == ("wrong_value" if pair.gold[1] == pair.predicted[1] else "wrong_type")
            counts[pair.gold[1]][2] += 1
            counts[pair.predicted[1]][1] += 1
    for key in alignment.missed:
        counts[key[1]][2] += 1
    for key in alignment.spurious:
        counts[key[1]][1] += 1
    assert {t: PRF(*c) for t, c in counts.items()} == score_keys(g, p, mode).per_type
    assert sorted([pair.gold for pair in alignment.pairs] + list(alignment.missed), key=repr) == sorted(g, key=repr)
    assert sorted([pair.predicted for pair in alignment.pairs] + list(alignment.spurious), key=repr) == sorted(p, key=repr)


# --- scikit-learn as reference on flat per-type counts -------------------------------------

COUNTS = st.tuples(*(st.tuples(st.integers(0, 6), st.integers(0, 6), st.integers(0, 6)) for _ in FACT_TYPES))


@settings(deadline=None)
@given(COUNTS)
def test_agrees_with_sklearn_on_flat_counts(counts):
    import numpy as np
    from sklearn.metrics import precision_recall_fscore_support

    y_true, y_pred = [], []
    for fact_type, (tp, fp, fn) in zip(FACT_TYPES, counts):
        y_true += [fact_type] * tp + ["none"] * fp + [fact_type] * fn
        y_pred += [fact_type] * tp + [fact_type] * fp + ["none"] * fn
    gold = {("d", t, i) for t, (tp, fp, fn) in zip(FACT_TYPES, counts) for i in range(tp + fn)}
    predicted = {("d", t, i) for t, (tp, fp, fn) in zip(FACT_TYPES, counts) for i in range(tp)}
    predicted |= {("d", t, -1 - i) for t, (tp, fp, fn) in zip(FACT_TYPES, counts) for i in range(fp)}
    ours = score_keys(gold, predicted)
    assert [ours.per_type[t] for t in FACT_TYPES] == [PRF(*c) for c in counts]
    if not y_true:
        return

    def same(mine, theirs):
        assert (mine is None and np.isnan(theirs)) or mine == theirs

    p, r, f, support = precision_recall_fscore_support(y_true, y_pred, labels=list(FACT_TYPES), average=None, zero_division=np.nan)
    for i, fact_type in enumerate(FACT_TYPES):
        prf = ours.per_type[fact_type]
        same(prf.precision, p[i]), same(prf.recall, r[i]), same(prf.f1, f[i])
        assert prf.support == support[i]
    for average, mine in (("micro", ours.micro), ("macro", ours.macro)):
        p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, labels=list(FACT_TYPES), average=average, zero_division=np.nan)
        same(mine.precision, p), same(mine.recall, r), same(mine.f1, f)


def test_large_random_run_matches_reference_counts():
    rng = random.Random(7)
    gold = {("d%d" % rng.randrange(50), rng.choice(FACT_TYPES), rng.randrange(40)) for _ in range(3000)}
    predicted = {("d%d" % rng.randrange(50), rng.choice(FACT_TYPES), rng.randrange(40)) for _ in range(3000)}
    score = score_keys(gold, predicted)
    for fact_type in FACT_TYPES:
        g = {k for k in gold if k[1] == fact_type}
        p = {k for k in predicted if k[1] == fact_type}
        assert score.per_type[fact_type] == PRF(len(g & p), len(p - g), len(g - p))
    assert sum((prf for row in score.per_document.values() for prf in row.values()), PRF()) == score.micro


def test_lenient_outcomes_by_hand():
    """Lenient: every gold fact is credited (see test_lenient_hand_computed); the user count is the one error."""
    outcomes = fact_outcomes(key_set(GOLD, ALIASES), key_set(PREDICTED, ALIASES), "lenient")
    assert sorted(outcomes.lenient, key=repr) == sorted([
        (("d1", "date", "2025-02-09"), ("d1", "date", "2025-02")),
        (("d1", "headcount", Count(70, "lt", "employees")), ("d1", "headcount", Count(70, "eq", "employees"))),
        (("d2", "date", "2025-W11"), ("d2", "date", "2025-03-12")),
    ], key=repr)
    assert outcomes.alignment.errors() == [("spurious", None, ("d1", "user_count", Count(9, "eq", "users")))]
    assert outcomes.alignment.credit == 6.0


def test_json_form_of_a_score_by_hand():
    """PRF(2, 1, 1): P = R = F1 = 2/3, support 3; PRF(0, 0, 2): P undefined, R = F1 = 0; macro over the defined."""
    from bench.scoring.fact_level import PRF, Score

    score = Score("lenient", {"date": PRF(2, 1, 1), "agency": PRF(0, 0, 2)}, {"d1": {"date": PRF(2, 1, 1)}})
    third = 2 / 3
    assert score.to_dict() == {
        "mode": "lenient",
        "per_type": {"date": {"tp": 2, "fp": 1, "fn": 1, "support": 3, "precision": third, "recall": third, "f1": third},
                     "agency": {"tp": 0, "fp": 0, "fn": 2, "support": 2, "precision": None, "recall": 0.0, "f1": 0.0}},
        "micro": {"tp": 2, "fp": 1, "fn": 3, "support": 5, "precision": third, "recall": 0.4, "f1": 0.5},
        "macro": {"precision": third, "recall": third / 2, "f1": third / 2},
        "per_document": {"d1": {"date": {"tp": 2, "fp": 1, "fn": 1, "support": 3, "precision": third, "recall": third,
                                         "f1": third}}},
    }
    assert Score.from_dict(score.to_dict()) == score


def test_defaults_are_strict_and_documents_without_facts_are_kept():
    score = score_facts(GOLD, PREDICTED, ALIASES, documents=["d3"])
    assert score.mode == "strict" and score.per_document["d3"] == {}
    assert score == score_facts(GOLD, PREDICTED, ALIASES, "strict", ["d3"])
    assert score_keys({("d", "date", "2025")}, {("d", "date", "2025-03")}, "lenient").mode == "lenient"
    gold, predicted = {("d", "date", "2025")}, {("d", "date", "2025-03")}
    assert fact_outcomes(gold, predicted) == fact_outcomes(gold, predicted, "strict")


def test_lenient_officials_need_the_same_name():
    assert lenient_distance("official", Official("Pat Lee", "Mayor"), Official("Kim Ray", "Mayor")) is None


def test_outcomes_of_one_cell_are_ordered_by_value_on_both_sides():
    """Six false positives of one document and type: listed by value, not in the order a set yields them."""
    predicted = {("d", "date", f"2025-0{month}") for month in (4, 1, 6, 2, 5, 3)}
    assert [key[2] for key in fact_outcomes(set(), predicted).alignment.spurious] == [f"2025-0{month}" for month in range(1, 7)]


def test_a_fact_level_run_loads_no_mention_module_and_a_bare_score_no_near_miss():
    """Fact level (the default) never imports the mention-level modules; a score alone never pairs near misses."""
    code = ("import sys\n"
            "from bench.data.gold import load_gold\n"
            "from bench.scoring.scorer import score_run\n"
            "from bench.scoring.fact_level import score_keys\n"
            "score_keys({('d', 'date', '2025')}, {('d', 'date', '2024')}, 'lenient')\n"
            "loaded = [m for m in ('bench.scoring.near_misses',) if m in sys.modules]\n"
            "gold = load_gold()\n"
            "score_run(gold, [f for f in gold.facts if f.type != 'date'], 'x', '1', mode='lenient')\n"
            "print(loaded, sorted(m for m in sys.modules if m.startswith('bench.scoring.mention')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "[] []\n"
