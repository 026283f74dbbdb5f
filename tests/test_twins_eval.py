"""Twins wired through: ``bench eval --twins K``, the recited answers of a run on a twin set, and every reader of them.

The memorizer (tests/twins_memorizer.py) answers with the bundled articles' gold, so on the articles it is
perfect and on a twin only its agencies (which a twin keeps) are right: of the 40 distinct gold facts
(26 dates, 3 headcounts, 2 user counts, 3 agencies, 6 officials, as `bench stats` counts them), 37 answers
are the original's values, each recited, and micro-F1 on a twin is 2*3 / (2*3 + 37 + 37) = 0.075.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from twins_memorizer import SPEC as MEMORIZER
from typer.testing import CliRunner

from bench.cli.main import app
from bench.data.results import read_results

RECITED_ON_A_TWIN = {"date": 26, "headcount": 3, "user_count": 2, "agency": 0, "official": 6}


def _bench(*args) -> object:
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False, prog_name="bench")


@pytest.fixture(scope="module")
def memorizer_run(tmp_path_factory) -> tuple[object, Path]:
    output = tmp_path_factory.mktemp("twins") / "memorizer.json"
    return _bench("eval", "-e", MEMORIZER, "--twins", 2, "--no-ci", "-f", "json", "-o", output), output


@pytest.fixture(scope="module")
def twin_dir(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("twin") / "articles-twin-3"
    assert _bench("twins", "build", "--seed", 3, "-o", target).exit_code == 0
    return target


def test_a_memorizer_recites_every_answer_the_twins_changed(memorizer_run):
    result, output = memorizer_run
    assert result.exit_code == 0, result.stderr
    printed = json.loads(result.stdout)
    assert printed == json.loads(output.read_text(encoding="utf-8"))  # -o writes what -f json prints
    assert next(row for row in printed["rows"] if row["label"] == "micro")["f1"] == 1.0
    twins = printed["twins"]
    assert [run["seed"] for run in twins["runs"]] == [1, 2]
    for run in twins["runs"]:
        assert run["recited"] == RECITED_ON_A_TWIN
        assert run["f1"]["micro"] == pytest.approx(0.075)
        assert run["f1"]["agency"] == 1.0 and run["f1"]["date"] == 0.0
        assert run["gold_version"] == f"1.0.0+twin.{run['seed']}.74b8a53dda97"
    micro = next(d for d in twins["differences"] if d["label"] == "micro")
    assert micro == {"label": "micro", "mean": pytest.approx(-0.925), "ci": [pytest.approx(-0.925)] * 2, "twins": 2}
    assert "recited" not in printed  # the original is no twin


def test_the_results_file_with_its_twins_summary_reads_back_and_shows_the_twins_table(memorizer_run):
    _, output = memorizer_run
    results = read_results(output)  # schema-checked
    assert results.twins.seeds == (1, 2) and results.recited is None
    shown = _bench("show", output)
    assert shown.exit_code == 0
    lines = shown.stdout.splitlines()
    start = lines.index("memorizer on 2 twins of gold 1.0.0 (seeds 1, 2)")
    assert lines[start + 2].split() == ["type", "F1", "original", "F1", "twin", "1", "F1", "twin", "2", "twin", "-",
                                        "original", "[95%", "CI]", "recited"]
    assert lines[start + 4].split() == ["date", "1.000", "0.000", "0.000", "-1.000", "[-1.000,", "-1.000]", "26", "·", "26"]
    assert lines[start + 9].split() == ["micro", "1.000", "0.075", "0.075", "-0.925", "[-0.925,", "-0.925]", "37", "·", "37"]


@pytest.mark.parametrize("extractor", ["regex", "rules"])
def test_readers_recite_nothing(extractor):
    result = _bench("eval", "-e", extractor, "--twins", 2, "--no-ci", "-f", "json")
    assert result.exit_code == 0, result.stderr
    runs = json.loads(result.stdout)["twins"]["runs"]
    assert [run["recited"] for run in runs] == [dict.fromkeys(RECITED_ON_A_TWIN, 0)] * 2


def _table_rows(stdout: str) -> dict[str, list[str]]:
    """The score table's rows by label, its head under "type"."""
    rows = [line.split() for line in stdout.splitlines()]
    return {row[0]: row for row in rows if row and row[0] in ("type", *RECITED_ON_A_TWIN, "micro", "macro")}


def test_a_run_on_a_twin_set_counts_its_recited_answers_in_a_column_and_in_the_file(twin_dir, tmp_path):
    output = tmp_path / "memorizer-on-twin.json"
    result = _bench("eval", "-e", MEMORIZER, "--gold", twin_dir, "--no-ci", "-o", output)
    assert result.exit_code == 0, result.stderr
    rows = _table_rows(result.stdout)
    assert rows["type"][-1] == "recited"
    assert {t: int(rows[t][-1]) for t in RECITED_ON_A_TWIN} == RECITED_ON_A_TWIN
    assert rows["micro"][-1] == "37" and len(rows["macro"]) == 4  # macro: P, R, F1 only
    assert "recited: answers on this twin (seed 3) whose value is the source gold's 1.0.0 (sha256:74b8a53dda97)" \
        in result.stdout
    recited = read_results(output).recited
    assert (recited.counts, recited.total, recited.seed, recited.source_version) == (RECITED_ON_A_TWIN, 37, 3, "1.0.0")
    assert recited.source_hash.startswith("sha256:74b8a53dda97")
    plain = _bench("eval", "-e", "rules", "--no-ci")
    assert "recited" not in plain.stdout  # off a twin, no column and no note


def test_compare_leaderboard_and_report_show_each_run_recited(twin_dir, tmp_path):
    memorizer, rules = tmp_path / "memorizer.json", tmp_path / "rules.json"
    for spec, path in ((MEMORIZER, memorizer), ("rules", rules)):
        assert _bench("eval", "-e", spec, "--gold", twin_dir, "-o", path).exit_code == 0
    compared = _bench("compare", memorizer, rules, "--gold", twin_dir, "--resamples", 99)
    assert compared.exit_code == 0, compared.stderr
    assert compared.stdout.splitlines()[1] == ("recited (answers whose value is the twin's source's and no longer the "
                                               "twin's): A 37 · B 0")
    as_json = json.loads(_bench("compare", memorizer, rules, "--gold", twin_dir, "--resamples", 99, "-f", "json").stdout)
    assert (as_json["recited"]["a"]["total"], as_json["recited"]["b"]["total"]) == (37, 0)
    board = _bench("leaderboard", memorizer, rules, "--gold", twin_dir)
    assert board.exit_code == 0, board.stderr
    header, _, first, second = board.stdout.splitlines()[2:6]
    column = [cell.strip() for cell in header.split("|")].index("recited")
    assert [[cell.strip() for cell in row.split("|")][column] for row in (first, second)] == ["0", "37"]  # rules first
    page = tmp_path / "report.html"
    assert _bench("report", "--html", page, memorizer, rules, "--gold", twin_dir).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "37 answers recited from the twin&#39;s source" in html and "0 answers recited" in html


def test_twins_need_a_gold_set_and_source_a_twin(twin_dir):
    suite = _bench("eval", "-e", "rules", "--suite", "capabilities", "--twins", 2)
    assert (suite.exit_code, suite.stderr) == (2, "error: --twins: --twins and --source need a gold set, not --suite\n")
    not_a_twin = _bench("eval", "-e", "rules", "--source", "articles")
    assert not_a_twin.exit_code == 2
    assert not_a_twin.stderr == ("error: --source: only a twin set has a source, and this gold set holds no "
                                 ".bench-twins marker\n")
    other = _bench("eval", "-e", "rules", "--gold", twin_dir, "--source", "wikinews")
    assert other.exit_code == 2 and other.stderr.startswith(f"error: {twin_dir}: --source: the twin was made from gold 1.0.0")


def test_score_counts_the_recited_answers_of_a_predictions_file_on_a_twin(twin_dir, tmp_path):
    predictions = tmp_path / "memorizer.jsonl"
    assert _bench("predict", "-e", MEMORIZER, "--gold", twin_dir, "-o", predictions).exit_code == 0
    scored = _bench("score", predictions, "--gold", twin_dir, "--no-ci", "-f", "json")
    assert scored.exit_code == 0, scored.stderr
    assert json.loads(scored.stdout)["recited"]["counts"] == RECITED_ON_A_TWIN


def test_the_source_is_the_bundled_set_the_marker_names_or_one_given(tmp_path):
    from twins_sets import write_set

    wikinews_twin = tmp_path / "wikinews-twin"
    assert _bench("twins", "build", "--gold", "wikinews", "--seed", 2, "-o", wikinews_twin).exit_code == 0
    found = json.loads(_bench("eval", "-e", "regex", "--gold", wikinews_twin, "--no-ci", "-f", "json").stdout)
    wikinews = json.loads(_bench("stats", "--gold", "wikinews", "-f", "json").stdout)
    assert (found["recited"]["source_hash"], found["recited"]["seed"]) == (wikinews["hash"], 2)
    small, twin = write_set(tmp_path / "small"), tmp_path / "twin"
    assert _bench("twins", "build", "--gold", small, "--seed", 1, "-o", twin).exit_code == 0
    refused = _bench("eval", "-e", "rules", "--gold", twin)
    assert refused.exit_code == 2
    assert refused.stderr.startswith(f"error: {twin}: --source: the twin was made from gold 0.1.0 (sha256:")
    assert refused.stderr.endswith("none of the bundled sets: give that set's directory with --source\n")
    given = _bench("eval", "-e", "rules", "--gold", twin, "--source", small, "--no-ci", "-f", "json")
    assert given.exit_code == 0 and json.loads(given.stdout)["recited"]["seed"] == 1
