"""Scoring on a capability suite: each capability judged on its own types, flip rates, per-type scores on the source
cases, intervals over frames, results that carry the suite, no mixing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bench.data.gold import load_gold
from bench.data.results import read_results, write_results
from bench.data.runspec import RunSpec
from bench.data.suite.load import load_suite
from bench.data.suite.writer import write_suite
from bench.errors import MismatchError
from bench.facts import Fact
from bench.pipeline.run import predict_gold
from bench.presentation.gate import check, recorded
from bench.presentation.html_report import load_runs
from bench.presentation.leaderboard import read_results_dir
from bench.scoring.capabilities import failure_rows
from bench.scoring.compare import compare_results
from bench.scoring.scorer import score_run, score_suite


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("suites") / "small"
    write_suite(directory, 31, per_capability=3)
    return directory


@pytest.fixture(scope="module")
def suite(small):
    return load_suite(small)


def test_perfect_predictions_fail_no_case(suite):
    rows = failure_rows(suite, suite.gold.facts)
    assert len(rows) == 39 and {row.failures for row in rows} == {0} and {row.cases for row in rows} == {3}
    # Under five frames each frame counts as one trial: 0 of k frames, Clopper–Pearson's (1 - p)^k = 0.025.
    assert [row.ci for row in rows] == [(0.0, pytest.approx(1 - 0.025 ** (1 / row.frames))) for row in rows]
    variants = [row for row in rows if row.kind in ("INV", "DIR")]
    assert len(variants) == 5 and {(row.flipped, row.flip_base, row.flip_rate) for row in variants} == {(0, 3, 0.0)}
    assert {row.side_errors for row in rows} == {0}


def _case(suite, capability: str):
    return next(case for case in suite.cases if case.capability == capability)


def test_a_missed_fact_fails_its_case_and_an_extra_fact_fails_a_negative(suite):
    inv, negative = _case(suite, "inv.title_case"), _case(suite, "date.negatives")
    predictions = [fact for fact in suite.gold.facts if fact.doc_id != inv.doc_id]
    extra = next(fact for fact in suite.gold.facts if fact.type == "date")
    predictions.append(Fact(negative.doc_id, "date", extra.value))
    rows = {row.id: row for row in failure_rows(suite, predictions)}
    title_case, negatives = rows["inv.title_case"], rows["date.negatives"]
    assert (title_case.failures, title_case.flipped, title_case.flip_base, negatives.failures) == (1, 1, 3, 1)
    assert title_case.flip_rate == pytest.approx(1 / 3)
    assert title_case.examples[0].doc_id == inv.doc_id and title_case.examples[0].predicted == ()
    assert negatives.examples[0].expected == () and negatives.examples[0].predicted == (f"date: {extra.value}",)
    assert sum(row.failures for row in rows.values()) == 2


def test_a_wrong_fact_of_another_type_is_a_side_error_not_a_failure(suite):
    """An agency case with a spurious date and a headcount case missing nothing: no failure, one side error."""
    case = _case(suite, "agency.full_names")
    extra = next(fact for fact in suite.gold.facts if fact.type == "date")
    predictions = [*suite.gold.facts, Fact(case.doc_id, "date", extra.value)]
    rows = {row.id: row for row in failure_rows(suite, predictions)}
    assert (rows["agency.full_names"].failures, rows["agency.full_names"].side_errors) == (0, 1)
    assert sum(row.failures for row in rows.values()) == 0 and sum(row.side_errors for row in rows.values()) == 1


def test_a_failed_source_is_no_flip(suite):
    inv = _case(suite, "inv.other_names")
    predictions = [fact for fact in suite.gold.facts if fact.doc_id not in (inv.doc_id, inv.derived_from)]
    rows = {row.id: row for row in failure_rows(suite, predictions)}
    row = rows["inv.other_names"]
    assert (row.failures, row.flipped, row.flip_base, row.flip_rate) == (1, 0, 2, 0.0)


def test_per_type_scores_count_the_source_cases_only(suite):
    """Right on every source and silent on every variant: per-type scores are perfect, the variants' flip rates 1."""
    sources = {case.doc_id for case in suite.cases if case.derived_from is None}
    predictions = [fact for fact in suite.gold.facts if fact.doc_id in sources]
    results = score_suite(suite, predictions, "sources", "1", ci=False)
    source_facts = {(f.doc_id, f.type, suite.gold.aliases.canonical_value(f.type, f.value))
                    for f in suite.gold.facts if f.doc_id in sources}
    assert results.row("micro").f1 == 1.0 and results.row("micro").tp == len(source_facts)
    assert {row["flip_rate"] for row in results.capabilities if row["kind"] in ("INV", "DIR")} == {1.0}
    assert [doc.doc_id for doc in results.documents] == sorted(sources)


def test_eval_on_a_suite_prints_both_tables_and_writes_the_suite(cli, small, tmp_path):
    out = tmp_path / "regex.json"
    result = cli("eval", "-e", "regex", "--suite", small, "--no-ci", "-o", out)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[2].split() == ["type", "P", "R", "F1", "TP", "FP", "FN", "support"]
    assert any(line.split()[:3] == ["date.absolute", "MFT", "3"] for line in lines)  # no context mark: 3 cases
    assert any(line.startswith("suite capabilities 2.0.0 (sha256:") for line in lines)
    assert any(line.split()[:4] == ["variant", "capability", "kind", "cases"] for line in lines)
    assert "failing cases (up to three per capability, flips first): capability document: expected | predicted" in lines
    failing = lines[lines.index("failing cases (up to three per capability, flips first): capability document: "
                                "expected | predicted") + 1:]
    known = {c.capability for c in load_suite(small).cases}
    assert failing and all(line.split()[0] in known for line in failing)
    results = read_results(out)
    suite = load_suite(small)
    assert results.suite == suite.identity() and results.gold_hash == suite.hash and len(results.capabilities) == 39
    shown = cli("show", out).stdout
    assert re.sub(r"\n\nledger: .*?(?=\n\n)", "", shown, count=1, flags=re.S) == result.stdout  # show adds the ledger


def test_score_takes_a_suite_and_checks_predictions_against_its_texts(cli, suite, small, write_jsonl):
    facts = [fact.to_dict() for fact in suite.gold.facts]
    perfect = write_jsonl("perfect.jsonl", [{k: v for k, v in f.items() if k != "id"} for f in facts])
    result = cli("score", perfect, "--suite", small, "--no-ci", "--format", "json")
    assert result.exit_code == 0
    scored = json.loads(result.stdout)
    assert scored["rows"][-2]["f1"] == 1.0 and {row["failures"] for row in scored["capabilities"]} == {0}
    on_articles = cli("score", perfect, "--no-ci")
    first = json.loads(perfect.read_text(encoding="utf-8").splitlines()[0])["doc_id"]
    assert on_articles.exit_code == 2 and f"unknown document '{first}'" in on_articles.stderr


def _two_runs(suite):
    articles = load_gold()
    on_articles = predict_gold("regex", articles)[2]
    on_suite = predict_gold("regex", suite.gold)[2]
    return (score_run(articles, on_articles, "regex", "1", ci=False),
            score_suite(suite, on_suite, "regex", "1", ci=False), articles)


def test_leaderboard_compare_report_and_check_refuse_to_mix(suite, tmp_path):
    article_run, suite_run, articles = _two_runs(suite)
    write_results(article_run, tmp_path / "a.json")
    write_results(suite_run, tmp_path / "b.json")
    with pytest.raises(MismatchError, match=r"^b\.json: gold_hash: scored on "):
        from bench.presentation.leaderboard import leaderboard_markdown
        leaderboard_markdown(read_results_dir(tmp_path))
    with pytest.raises(MismatchError, match="gold_hash"):
        compare_results(article_run, suite_run, ["a.json", "b.json"], articles)
    with pytest.raises(MismatchError, match="which was loaded"):
        compare_results(suite_run, suite_run, ["b.json", "b.json"], articles)
    with pytest.raises(MismatchError, match="not the loaded gold"):
        load_runs([tmp_path / "b.json"], articles)
    with pytest.raises(MismatchError, match="but the baseline records gold"):
        check({"regex": article_run}, recorded({"regex": suite_run}))
    other = load_suite("capabilities")
    with pytest.raises(MismatchError, match="which was loaded"):
        compare_results(suite_run, suite_run, ["b.json", "b.json"], other.gold)


def test_compare_and_report_accept_suite_results(cli, small, tmp_path):
    for name in ("regex", "rules"):
        assert cli("eval", "-e", name, "--suite", small, "--no-ci", "-o", tmp_path / f"{name}.json").exit_code == 0
    compared = cli("compare", tmp_path / "rules.json", tmp_path / "regex.json", "--suite", small, "--resamples", "99")
    assert compared.exit_code == 0 and compared.stdout.splitlines()[2].split()[:2] == ["type", "F1"]
    refused = cli("compare", tmp_path / "rules.json", tmp_path / "regex.json")
    assert refused.exit_code == 2 and "which was loaded" in refused.stderr
    report = cli("report", "--html", tmp_path / "r.html", tmp_path / "rules.json", "--suite", small)
    assert report.exit_code == 0 and "date.absolute" in (tmp_path / "r.html").read_text(encoding="utf-8")
    board = cli("leaderboard", tmp_path, "--suite", small)
    assert board.exit_code == 0 and "rules" in board.stdout
    on_articles = cli("leaderboard", tmp_path)
    assert on_articles.exit_code == 2 and "gold_hash" in on_articles.stderr


def test_check_can_gate_on_a_suite(cli, small, tmp_path):
    baseline = tmp_path / "suite-scores.json"
    assert cli("check", "--baseline", baseline, "--update", "-e", "regex", "--suite", small).exit_code == 0
    assert cli("check", "--baseline", baseline, "--suite", small).exit_code == 0
    on_articles = cli("check", "--baseline", baseline)
    assert on_articles.exit_code == 2 and "but the baseline records gold" in on_articles.stderr


def test_learned_is_trained_on_the_articles_never_on_the_suite(suite, monkeypatch):
    import bench.extraction.registry as registry

    fitted = []

    class Spy:
        name, version, trained_on = "spy", "1", ()

        def fit(self, documents, facts):
            self.trained_on = [doc.id for doc in documents]
            fitted.append(sorted(self.trained_on))

        def extract(self, document):
            return []

    monkeypatch.setattr(registry, "load_run", lambda spec, params=None: (Spy(), RunSpec("spy", "spy")))
    _, _, predictions, failures = predict_gold("spy", suite.gold, training=load_gold())
    assert fitted == [sorted(doc.id for doc in load_gold().documents)] and predictions == [] and failures == {}


def _apart(first, second) -> bool:
    return first is not None and second is not None and (first[0] > second[1] or second[0] > first[1])


def test_regex_and_rules_fail_alike_on_three_seeds(tmp_path):
    """Fresh suites measure the same capabilities: for regex and rules, each capability's failure rate (and each
    variant capability's flip rate) has 95% intervals over frames that overlap on every pair of three seeds."""
    suites = [load_suite("capabilities")]
    for seed in (1, 2):
        write_suite(tmp_path / str(seed), seed)
        suites.append(load_suite(tmp_path / str(seed)))
    apart = []
    for name in ("regex", "rules"):
        rows = [{row.id: row for row in failure_rows(s, predict_gold(name, s.gold)[2])} for s in suites]
        for key in rows[0]:
            for i, j in ((0, 1), (0, 2), (1, 2)):
                a, b = rows[i][key], rows[j][key]
                if _apart(a.ci, b.ci) or _apart(a.flip_ci, b.flip_ci):
                    apart.append((name, key, i, j))
    assert apart == []
