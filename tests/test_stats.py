"""Bootstrap intervals and the paired comparison: seeded, honest about undefined values, refusing mismatched gold."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.errors import MismatchError
from bench.facts import FACT_TYPES
from bench.scoring.fact_level import PRF, Score, fact_outcomes, score_keys
from bench.scoring.intervals import Bootstrap, bootstrap
from bench.scoring.significance import Comparison, Difference, compare_runs


def score_of(rows: dict[str, dict[str, PRF]]) -> Score:
    per_type = {t: sum((row.get(t, PRF()) for row in rows.values()), PRF()) for t in FACT_TYPES}
    return Score("strict", per_type, rows)


FIVE = score_of({f"d{i}": {"date": PRF(4 + i, i % 3, 2), "agency": PRF(1, 1, i % 2)} for i in range(5)})


def test_bootstrap_is_seeded():
    assert bootstrap(FIVE, resamples=499, seed=3) == bootstrap(FIVE, resamples=499, seed=3)
    assert bootstrap(FIVE, resamples=499, seed=3) != bootstrap(FIVE, resamples=499, seed=4)


def test_perfect_documents_give_a_point_interval_and_empty_types_none():
    result = bootstrap(score_of({f"d{i}": {"date": PRF(3, 0, 0)} for i in range(5)}), resamples=199)
    for interval in (result.per_type["date"].f1, result.micro.precision, result.macro.recall):
        assert (interval.low, interval.high, interval.defined) == (1.0, 1.0, 1.0)
    assert result.per_type["official"].precision is None and result.per_type["official"].f1 is None


def test_document_stage_leaves_a_type_undefined_when_its_only_document_is_not_drawn():
    rows = {"d0": {"agency": PRF(0, 1, 0), "date": PRF(1, 0, 0)}, **{f"d{i}": {"date": PRF(1, 0, 0)} for i in range(1, 5)}}
    interval = bootstrap(score_of(rows), resamples=9_999).per_type["agency"].precision
    # per draw, d0 is picked with p 1/5 and its two facts redrawn keep the agency one with p 3/4
    assert interval.defined == pytest.approx(1 - (1 - 1 / 5 * 3 / 4) ** 5, abs=0.015)
    assert (interval.low, interval.high) == (0.0, 0.0)


def test_fact_stage_varies_a_single_document():
    result = bootstrap(score_of({"only": {"date": PRF(5, 5, 0)}}), resamples=1_999)
    precision = result.per_type["date"].precision
    assert precision.low < 0.5 < precision.high and result.documents == 1


def test_more_documents_give_a_narrower_interval():
    def width(n):
        f1 = bootstrap(score_of({f"d{i}": {"date": PRF(3, 1, 1)} for i in range(n)}), resamples=999).micro.f1
        return f1.high - f1.low

    assert width(50) < width(5)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5), st.integers(0, 5)), min_size=1, max_size=6))
def test_intervals_lie_in_the_unit_interval(cells):
    result = bootstrap(score_of({f"d{i}": {"date": PRF(*c), "official": PRF(*reversed(c))} for i, c in enumerate(cells)}),
                       resamples=99)
    for intervals in (*result.per_type.values(), result.micro, result.macro):
        for interval in (intervals.precision, intervals.recall, intervals.f1):
            if interval is not None:
                assert 0.0 <= interval.low <= interval.high <= 1.0 and 0.0 < interval.defined <= 1.0


def test_bootstrap_states_its_unit_and_round_trips_through_json():
    result = bootstrap(FIVE, resamples=199, seed=1)
    raw = json.loads(json.dumps(result.to_dict()))
    assert "documents drawn with replacement" in raw["unit"] and "facts" in raw["unit"]
    assert (raw["resamples"], raw["seed"], raw["confidence"], raw["documents"]) == (199, 1, 0.95, 5)
    assert Bootstrap.from_dict(raw) == result


def test_default_bootstrap_over_five_documents_is_fast():
    bootstrap(FIVE, resamples=10)  # numpy imported outside the timing
    started = time.perf_counter()
    result = bootstrap(FIVE)
    assert time.perf_counter() - started < 1.0 and result.resamples == 9_999


def test_a_score_without_documents_is_refused():
    with pytest.raises(ValueError, match="at least one document"):
        bootstrap(score_of({}))


# --- paired comparison ----------------------------------------------------------------------

GOLD = {(f"d{i % 5}", "date", f"2025-03-{i + 1:02d}") for i in range(20)} | {("d0", "agency", "Office of Maps")}
HASH = "sha256:" + "0" * 64


def outcomes(predicted, gold=GOLD, mode="strict"):
    return fact_outcomes(gold, set(predicted), mode)


def test_identical_runs_differ_by_nothing():
    run = outcomes(sorted(GOLD)[:12] + [("d1", "date", "2024")])
    result = compare_runs(run, run, HASH, HASH, resamples=999)
    assert result.micro == Difference(result.micro.f1_a, result.micro.f1_a, 0.0, 1.0)
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
