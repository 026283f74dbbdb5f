"""The suite cannot be passed by memorizing it: a memorizer of the shipped suite's files falls below the rules
baseline on suites of other seeds, and an extractor that says nothing passes no more than the negative cases."""

from __future__ import annotations

import pytest
from suite_memorizer import Memorizer

from bench.data.suite.load import load_suite, suite_dir
from bench.data.suite.writer import write_suite
from bench.facts import FACT_TYPES
from bench.pipeline.run import predict_gold
from bench.scoring.capabilities import judge
from bench.scoring.scorer import score_suite

pytestmark = pytest.mark.xdist_group("suite-memorization")  # on one worker: the memorizer and suites are made once


@pytest.fixture(scope="module")
def memorizer() -> Memorizer:
    return Memorizer(suite_dir("capabilities"))


@pytest.fixture(scope="module")
def small_suites(tmp_path_factory) -> dict[int, object]:
    """Seed 0 (the shipped seed: sources the memorizer has read) and two others, 30 cases a capability."""
    suites = {}
    for seed in (0, 7, 11):
        directory = tmp_path_factory.mktemp("suites") / str(seed)
        write_suite(directory, seed, per_capability=30)
        suites[seed] = load_suite(directory)
    return suites


def _f1(suite, predictions) -> dict[str, float]:
    results = score_suite(suite, predictions, "x", "1", ci=False)
    return {t: results.row(t).f1 or 0.0 for t in FACT_TYPES}


def _memorized(memorizer: Memorizer, suite) -> list:
    return [fact for document in suite.gold.documents for fact in memorizer.extract(document)]


def test_the_memorizer_has_learned_the_shipped_suite(memorizer, small_suites):
    """On the seed it read, it finds most facts of every type: it is a real memorizer, not a strawman."""
    seen = _f1(small_suites[0], _memorized(memorizer, small_suites[0]))
    assert min(seen.values()) >= 0.5 and sum(seen.values()) / len(seen) >= 0.8, seen


@pytest.mark.parametrize("seed", [7, 11])
def test_memorizing_one_seed_scores_below_rules_on_another(memorizer, small_suites, seed):
    suite = small_suites[seed]
    memorized = _f1(suite, _memorized(memorizer, suite))
    rules = _f1(suite, predict_gold("rules", suite.gold)[2])
    assert {t: memorized[t] < rules[t] for t in FACT_TYPES} == dict.fromkeys(FACT_TYPES, True), (memorized, rules)


def test_saying_nothing_passes_no_more_than_the_negative_cases():
    """Ids are opaque, so an extractor cannot tell a negative case; silence passes exactly the negatives."""
    suite = load_suite("capabilities")
    judged = judge(suite, [])
    passed = sum(j.passed for j in judged.values())
    negatives = sum(case.kind == "negative" for case in suite.cases)
    assert passed <= negatives and passed / len(suite.cases) < 0.2
