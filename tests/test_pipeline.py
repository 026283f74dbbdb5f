"""bench.pipeline: the one package that runs extractors and then scores them; the jobs moved there, not copied."""

from __future__ import annotations

import importlib.util

import pytest

from bench.data.gold import load_gold
from bench.pipeline.run import evaluate, predict_gold
from bench.scoring.scorer import score_run


@pytest.mark.parametrize("module", ["bench.scoring.evaluate", "bench.extraction.prelabel"])
def test_the_jobs_that_run_and_score_left_scoring_and_extraction(module):
    assert importlib.util.find_spec(module) is None


def test_evaluate_is_a_run_then_its_score():
    gold = load_gold()
    model, spec, predictions, failures = predict_gold("rules", gold)
    scored = score_run(gold, predictions, model.name, model.version, "strict", "lenient", failures, False, spec)
    evaluated = evaluate("rules", level="strict", mode="lenient", with_ci=False)
    when = ("timestamp", "ledger")  # when it ran and what it cost are the run's own
    assert {k: v for k, v in evaluated.to_dict().items() if k not in when} == \
        {k: v for k, v in scored.to_dict().items() if k not in when}
    assert evaluated.recited is None  # the bundled articles are no twin


def test_the_gate_reruns_through_the_pipeline():
    from bench.pipeline.gate import rescore

    scored = rescore(None, ["regex"], adding=True)
    assert list(scored) == ["regex"] and scored["regex"].row("micro").f1 == evaluate("regex", with_ci=False).row("micro").f1
