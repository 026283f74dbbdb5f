"""The paired comparison: exact p-values where the permutations can be counted by hand, refusing mismatched gold."""

from __future__ import annotations

import json

import pytest

from bench.errors import MismatchError
from bench.scoring.fact_level import fact_outcomes, score_keys
from bench.scoring.significance import Comparison, Difference, compare_runs

GOLD = {(f"d{i % 5}", "date", f"2025-03-{i + 1:02d}") for i in range(20)} | {("d0", "agency", "Office of Maps")}
HASH = "sha256:" + "0" * 64


def outcomes(predicted, gold=GOLD, mode="strict"):
    return fact_outcomes(gold, set(predicted), mode)


def test_identical_runs_differ_by_nothing():
    run = outcomes(sorted(GOLD)[:12] + [("d1", "date", "2024")])
    result = compare_runs(run, run, HASH, HASH, resamples=999)
    assert result.micro == Difference(result.micro.f1_a, result.micro.f1_a, 0.0, 1.0, 1.0)
    assert result.per_type["official"] == Difference(None, None, None, None)


def test_one_differing_fact_can_never_be_significant():
    """Swapping the only differing unit gives +-delta: every permutation is as extreme, p = 1."""
    result = compare_runs(outcomes(sorted(GOLD)), outcomes(sorted(GOLD)[1:]), HASH, HASH, resamples=999)
    assert result.micro.delta > 0 and result.micro.p_value == 1.0


def test_two_differing_facts_give_p_one_half():
    gold = {("d", "date", "2025-01"), ("d", "date", "2025-02")}
    result = compare_runs(outcomes(gold, gold), outcomes([], gold), HASH, HASH, resamples=9_999, seed=5)
    assert result.micro.delta == 1.0 and result.micro.p_value == pytest.approx(0.5, abs=0.02)


def test_a_large_difference_is_significant_and_the_test_is_antisymmetric():
    good, poor = outcomes(sorted(GOLD)), outcomes(sorted(GOLD)[:3] + [("d2", "date", "2024")])
    forward = compare_runs(good, poor, HASH, HASH, resamples=1_999)
    backward = compare_runs(poor, good, HASH, HASH, resamples=1_999)
    assert forward.micro.p_value < 0.01 and forward.per_type["date"].p_value < 0.01
    assert backward.micro.delta == -forward.micro.delta and backward.micro.p_value == forward.micro.p_value


def test_different_gold_is_refused():
    run = outcomes(sorted(GOLD))
    with pytest.raises(MismatchError, match="different gold"):
        compare_runs(run, run, HASH, "sha256:" + "1" * 64)
    other = fact_outcomes(GOLD | {("d4", "date", "2025-12-31")}, set(GOLD), "strict")
    with pytest.raises(MismatchError, match="same gold facts"):
        compare_runs(run, other, HASH, HASH)


def test_lenient_outcomes_compare_on_gold_units():
    """The lenient tp is a gold unit; the strict run's stray prediction is a unit of its own: two units differ."""
    lenient = outcomes([("d0", "date", "2025-03")], mode="lenient")
    strict = outcomes([("d0", "date", "2025-03")])
    result = compare_runs(lenient, strict, HASH, HASH, resamples=9_999)
    assert result.micro.delta == 2 / 22 and result.micro.p_value == pytest.approx(0.5, abs=0.02)


def test_comparison_round_trips_through_json():
    result = compare_runs(outcomes(sorted(GOLD)), outcomes(sorted(GOLD)[:5]), HASH, HASH, resamples=199)
    assert Comparison.from_dict(json.loads(json.dumps(result.to_dict()))) == result
    assert "randomization" in result.method


def test_observed_f1_matches_the_score():
    predicted = set(sorted(GOLD)[:7]) | {("d3", "agency", "Office of Ports")}
    score = score_keys(GOLD, predicted)
    result = compare_runs(outcomes(predicted), outcomes(GOLD), HASH, HASH, resamples=99)
    assert result.micro.f1_a == score.micro.f1 and result.macro.f1_a == score.macro.f1
    assert result.per_type["agency"].f1_a == score.per_type["agency"].f1


def test_f1_undefined_on_one_side_only_and_distinct_false_positives_by_hand():
    """A predicts no agency (F1 0/0, undefined), B one stray agency (F1 0): no difference can be stated.
    Dates: both find the two gold dates; B adds two distinct strays in one document, so F1 = 4/6 by hand."""
    gold = {("d", "date", "2025-01-01"), ("d", "date", "2025-02-01")}
    run_a = outcomes(gold, gold)
    run_b = outcomes(gold | {("d", "date", "2024-01-01"), ("d", "date", "2024-02-01"), ("d", "agency", "Bureau")}, gold)
    result = compare_runs(run_a, run_b, HASH, HASH, resamples=1)
    assert result.per_type["agency"] == Difference(None, 0.0, None, None)
    assert (result.per_type["date"].f1_a, result.per_type["date"].f1_b) == (1.0, 4 / 6)
    assert (result.resamples, result.seed) == (1, 0)
    defaults = compare_runs(run_a, run_a, HASH, HASH)
    assert (defaults.resamples, defaults.seed) == (9_999, 0)
    with pytest.raises(ValueError, match="^resamples must be at least 1$"):
        compare_runs(run_a, run_b, HASH, HASH, resamples=0)
    with pytest.raises(MismatchError, match=r"^runs scored against different gold \(sha256:0{12} vs sha256:1{12}\)$"):
        compare_runs(run_a, run_a, HASH, "sha256:" + "1" * 64)


def test_macro_p_values_follow_the_same_permutations():
    """One differing fact: every permutation is as extreme, p = 1; a large difference over two types is
    significant in the macro average too."""
    one = compare_runs(outcomes(sorted(GOLD)), outcomes(sorted(GOLD)[1:]), HASH, HASH, resamples=999)
    assert one.macro.delta > 0 and one.macro.p_value == 1.0
    good, poor = outcomes(sorted(GOLD)), outcomes(sorted(GOLD)[:3])
    assert compare_runs(good, poor, HASH, HASH, resamples=1_999).macro.p_value < 0.01


def test_f1_undefined_in_run_b_only_keeps_run_a_f1():
    gold = {("d", "date", "2025-01-01")}
    run_a = outcomes(gold | {("d", "agency", "Bureau")}, gold)
    assert compare_runs(run_a, outcomes(gold, gold), HASH, HASH, resamples=1).per_type["agency"] == Difference(
        0.0, None, None, None)


def test_a_comparison_with_undefined_f1_raises_no_numpy_warning():
    """A type nobody labelled or predicted has F1 0/0: stated as None, never a RuntimeWarning on the terminal."""
    import warnings

    gold = {("d", "date", "2025-01"), ("d", "date", "2025-02")}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        compare_runs(outcomes(gold, gold), outcomes([], gold), HASH, HASH, resamples=99)


def test_the_seed_fixes_the_p_values_and_chunking_does_not_change_them(monkeypatch):
    """Same seed, same p-values; the chunks only bound memory: cut into chunks of a few permutations, the
    permutations drawn and so the p-values are the same."""
    import bench.scoring.significance as significance

    good, poor = outcomes(sorted(GOLD)[:14]), outcomes(sorted(GOLD)[4:12] + [("d2", "date", "2024")])
    whole = compare_runs(good, poor, HASH, HASH, resamples=999, seed=7)
    assert compare_runs(good, poor, HASH, HASH, resamples=999, seed=7) == whole
    assert 0.01 < whole.micro.p_value < 1  # a p-value the draws decide
    units = len(GOLD) + 1
    monkeypatch.setattr(significance, "CELLS_PER_CHUNK", 100 * units)  # chunks of 100 permutations, the last of 99
    assert compare_runs(good, poor, HASH, HASH, resamples=999, seed=7) == whole


def test_runs_of_different_gold_facts_are_refused_saying_so():
    other = fact_outcomes(GOLD | {("d4", "date", "2025-12-31")}, set(GOLD), "strict")
    with pytest.raises(MismatchError, match="^the two runs were not scored against the same gold facts$"):
        compare_runs(outcomes(sorted(GOLD)), other, HASH, HASH)


def test_two_runs_with_nothing_to_compare_state_no_difference():
    """No gold facts and no predictions: every F1 is 0/0, so every difference is undefined (it used to crash
    indexing with an empty float array), and numpy prints no warning."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nothing = fact_outcomes(set(), set())
        result = compare_runs(nothing, nothing, HASH, HASH, resamples=9)
    undefined = Difference(None, None, None, None)
    assert result.micro == result.macro == undefined and set(result.per_type.values()) == {undefined}


# --- over documents: whole documents swapped, p counted exactly over every swap ---------------------

def test_two_documents_give_four_swaps_and_p_one_half_where_facts_give_one_eighth():
    """d1: three dates A finds and B misses; d2: one date likewise. A: F1 1, B: F1 0, difference 1.
    Swapping d1 alone: A finds 1 of 4 (F1 2/5), B 3 of 4 (F1 6/7): |2/5 - 6/7| = 16/35 < 1; d2 alone
    mirrors it. Only no swap and both swaps are as extreme: p = 2/4. Over four facts: 2/16."""
    gold = {("d1", "date", f"2025-01-0{day}") for day in (1, 2, 3)} | {("d2", "date", "2025-02-01")}
    result = compare_runs(outcomes(gold, gold), outcomes([], gold), HASH, HASH, resamples=9_999)
    assert (result.micro.delta, result.micro.p_value_documents) == (1.0, 0.5)
    assert result.micro.p_value == pytest.approx(2 / 16, abs=0.015)
    assert result.document_method.startswith("exact randomization over documents (every one of the 4 ways")


def test_two_documents_where_each_lone_swap_is_more_extreme_give_p_one():
    """d1: two dates, A finds both, B none; d2: one date, B finds it, A not. A: 2 of 3 (F1 4/5), B: 1 of 3
    (F1 1/2), difference 0.3. Swapping d1 alone gives A 0 of 3, B 3 of 3 (-1); d2 alone +1; both -0.3."""
    gold = {("d1", "date", "2025-01-01"), ("d1", "date", "2025-01-02"), ("d2", "date", "2025-02-01")}
    a, b = sorted(gold)[:2], sorted(gold)[2:]
    result = compare_runs(outcomes(a, gold), outcomes(b, gold), HASH, HASH, resamples=99)
    assert result.micro.delta == pytest.approx(0.3) and result.micro.p_value_documents == 1.0


@pytest.mark.parametrize("documents, p_value", [(5, 2 / 2 ** 5), (6, 2 / 2 ** 6)])
def test_the_smallest_document_p_is_two_in_two_to_the_documents(documents, p_value):
    """One fact a document, A finds all, B none: any swap but none or all moves both F1 off 1 and 0."""
    gold = {(f"d{i}", "date", "2025-01-01") for i in range(documents)}
    result = compare_runs(outcomes(gold, gold), outcomes([], gold), HASH, HASH, resamples=999)
    assert result.micro.p_value_documents == p_value
    assert result.document_method.endswith(f"the smallest p possible is {p_value:.4g}")


def test_documents_alike_in_both_runs_are_not_swapped():
    """Only d0 differs, by one fact: two swaps, both as extreme, p = 1, whatever the four documents alike."""
    result = compare_runs(outcomes(sorted(GOLD)), outcomes(sorted(GOLD)[1:]), HASH, HASH, resamples=999)
    assert result.micro.p_value_documents == 1.0
    assert "every one of the 2 ways to swap whole documents between the runs; 1 document differs" in (
        result.document_method)


def test_more_documents_than_the_resamples_can_enumerate_are_drawn_at_random():
    """Twenty documents, one fact each, A finds all, B none: 2**20 swaps exceed 999 resamples; a random swap is
    as extreme with chance 2 / 2**20, so none of the 999 is and p = (1 + 0) / (999 + 1)."""
    gold = {(f"d{i:02d}", "date", "2025-01-01") for i in range(20)}
    result = compare_runs(outcomes(gold, gold), outcomes([], gold), HASH, HASH, resamples=999, seed=3)
    assert result.micro.p_value_documents == 1 / 1_000
    assert "probability 1/2; 20 documents differ)" in result.document_method
    assert result.document_method.endswith("999 resamples, seed 3")


def test_a_comparison_written_before_the_document_test_still_loads():
    old = {"method": "approximate randomization over scored facts", "resamples": 99, "seed": 0,
           "per_type": {"date": {"f1_a": 1.0, "f1_b": 0.5, "delta": 0.5, "p_value": 0.01}},
           "micro": {"f1_a": 1.0, "f1_b": 0.5, "delta": 0.5, "p_value": 0.01},
           "macro": {"f1_a": 1.0, "f1_b": 0.5, "delta": 0.5, "p_value": 0.01}}
    loaded = Comparison.from_dict(old)
    assert loaded.micro == Difference(1.0, 0.5, 0.5, 0.01, None) and loaded.document_method == ""
