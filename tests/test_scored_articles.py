"""Results files keep their bytes: three bundled articles scored with a fixed prediction set, as stored.

The files under ``fixtures/scored_articles/`` were written by the scorer as it
was before the scoring outcomes were typed (one alignment read by error
analysis, the report, agreement and the significance tests). The predictions,
written by hand, give every error kind: exact matches, a coarser date, another
qualifier, an alias, a wrong value, a wrong type, a shifted boundary, two
predictions over one gold mention, the same prediction twice, a prediction
without offsets, a stray one; the third article failed. Each file holds its
own inputs (the predictions, the failure), so scoring them again must give the
same bytes, timestamp and package versions aside.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from bench.data.gold import load_gold
from bench.data.results import Results, read_results
from bench.facts import Fact
from bench.scoring.scorer import score_run

FIXTURES = Path(__file__).parent / "fixtures" / "scored_articles"
GOLD_HASH = "sha256:74b8a53dda979baa5139c4fe9bfbbd9d795f275df559f93a31d38ccbb56b334f"


def rescored(stored: Results) -> Results:
    """Score the stored predictions again on the stored articles, stamped as the stored file was."""
    gold = load_gold()
    assert gold.hash == GOLD_HASH, "the bundled gold changed: these files were scored on the one before"
    kept = {row.doc_id for row in stored.documents}
    articles = dataclasses.replace(gold, documents=tuple(d for d in gold.documents if d.id in kept),
                                   facts=tuple(f for f in gold.facts if f.doc_id in kept))
    predictions = [Fact.from_dict(raw) for raw in stored.predictions]
    failures = {row.doc_id: row.failure for row in stored.documents if row.failure}
    results = score_run(articles, predictions, stored.extractor, stored.extractor_version, stored.level, stored.mode,
                        failures, run=stored.run)
    return dataclasses.replace(results, timestamp=stored.timestamp, packages=stored.packages)


@pytest.mark.parametrize("name", ["fact-strict", "fact-lenient", "strict-strict", "partial-lenient"])
def test_scoring_again_writes_the_same_bytes(name):
    path = FIXTURES / f"{name}.json"
    stored = read_results(path)
    assert (stored.level, stored.mode) == tuple(name.split("-"))
    assert rescored(stored).to_json() == path.read_text(encoding="utf-8")


def test_every_error_kind_and_a_failure_are_in_the_files():
    kinds = {error["kind"] for name in ("fact-strict", "strict-strict")
             for error in json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))["errors"]}
    assert kinds == {"missed", "spurious", "wrong_value", "wrong_boundary", "wrong_type"}
    assert [row.failure for row in read_results(FIXTURES / "fact-strict.json").documents] == [
        None, None, "RuntimeError: boom"]
