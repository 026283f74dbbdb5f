"""The training regime of a run: declared by the extractor that ran, recorded in the run spec when the run is made."""

from __future__ import annotations

import dataclasses

import pytest

from bench.data.gold import load_gold
from bench.data.results import read_results, write_results
from bench.data.runspec import RunSpec
from bench.pipeline.run import predict_gold
from bench.scoring.scorer import score_run


@pytest.fixture()
def small(small_gold):
    return load_gold(small_gold())


def test_learned_declares_leave_one_out_on_the_set_and_a_set_it_was_fitted_on(small):
    _, spec, _, _ = predict_gold("learned", small)
    assert spec.training == "leave-one-document-out"
    _, spec, _, _ = predict_gold("learned", small, training=load_gold())  # as a capability suite is run
    assert spec.training == "trained on articles (gold 1.0.0)"


def test_a_model_loaded_from_a_file_is_pretrained(small, tmp_path):
    from baselines.learned import LearnedExtractor

    articles = load_gold()
    model = LearnedExtractor()
    model.fit(articles.documents, articles.facts)
    model.save(tmp_path / "model.joblib")
    _, spec, _, _ = predict_gold("learned", small, {"model_path": str(tmp_path / "model.joblib")})
    assert spec.training == "pretrained"


def test_an_extractor_without_fit_is_not_trained(small):
    assert predict_gold("regex", small)[1].training == "none"


def test_the_regime_travels_in_the_results_file_and_an_older_file_has_none(small, tmp_path):
    spec = RunSpec("learned", "learned", {"C": 1.0}, training="leave-one-document-out")
    results = dataclasses.replace(score_run(small, [], "learned", "1", ci=False), run=spec)
    write_results(results, tmp_path / "with.json")
    assert read_results(tmp_path / "with.json").run == spec
    assert spec.hash == dataclasses.replace(spec, training="").hash  # the regime names no other run: same hash
    older = dataclasses.replace(results, run=dataclasses.replace(spec, training=""))
    write_results(older, tmp_path / "older.json")
    assert "training" not in (tmp_path / "older.json").read_text(encoding="utf-8")
    assert read_results(tmp_path / "older.json").run.training == ""
