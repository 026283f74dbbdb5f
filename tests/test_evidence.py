"""Results files are evidence, not claims: leaderboard, report, compare and check rescore them from their predictions.

The tiny gold set of conftest.py has 11 facts (5 dates, 2 agencies, 2 officials, 1 headcount, 1 user count).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from conftest import small_fact_records
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.data.documents import Document
from bench.data.gold import Gold, load_gold
from bench.data.results import read_results, write_results
from bench.data.runspec import RunSpec
from bench.errors import BenchError, InputError, MismatchError
from bench.facts import Count, Fact
from bench.normalize.aliases import AliasTable
from bench.scoring.scorer import score_run, score_suite
from bench.scoring.verify import verify_results

# From the tiny gold: the 4 June date and the ferry's agency found, and one date no gold fact has.
# TP 2, FP 1, FN 9: micro P = 2/3, R = 2/11, F1 = 4/14 = 0.286; date row: TP 1, FP 1, FN 4, support 5.
FOUND = [{"doc_id": "rail", "type": "date", "value": "2023-06-04"},
         {"doc_id": "rail", "type": "date", "value": "2023-06-03"},
         {"doc_id": "ferry", "type": "agency", "value": "Office of Rail Standards"}]


@pytest.fixture()
def scored(cli, small_gold, write_jsonl, tmp_path):
    """An honest results file on the tiny gold (bench score -o), its gold directory, and a way to forge it."""
    directory = small_gold()
    honest = tmp_path / "honest.json"
    result = cli("score", write_jsonl("found.jsonl", FOUND), "--gold", directory, "--name", "honest", "--version", "1",
                 "-o", honest)
    assert result.exit_code == 0, result.stderr

    def forge(name: str, edit) -> Path:
        raw = json.loads(honest.read_text(encoding="utf-8"))
        edit(raw)
        path = tmp_path / name
        path.write_text(json.dumps(raw), encoding="utf-8")
        return path

    return directory, honest, forge


def perfect_without_predictions(raw: dict) -> None:
    raw["predictions"] = []
    for row in raw["rows"]:
        row.update(tp=row["support"], fp=0, fn=0, precision=1.0, recall=1.0, f1=1.0)


def gate(cli, directory: Path, honest: Path, tmp_path: Path) -> Path:
    """A baseline tracking the honest run, recorded from its results file."""
    baseline = tmp_path / "gate.json"
    if not baseline.exists():
        recorded = cli("check", "--baseline", baseline, "--update", "--from-results", honest, "--gold", directory)
        assert recorded.exit_code == 0, recorded.stderr
    return baseline


def refusals(cli, directory: Path, honest: Path, forged: Path, tmp_path: Path) -> list:
    """What leaderboard, report, compare and check each say of the forged file (beside the honest one, or gated
    against a baseline recorded from it), the file named as each names it (the board by file name, the others by
    the path given) and written FILE."""
    html, baseline = tmp_path / "report.html", gate(cli, directory, honest, tmp_path)
    recorded = baseline.read_bytes()
    runs = [(forged.name, cli("leaderboard", honest, forged, "--gold", directory)),
            (str(forged), cli("report", "--html", html, honest, forged, "--gold", directory)),
            (str(forged), cli("compare", honest, forged, "--gold", directory, "--resamples", "10")),
            (str(forged), cli("check", "--baseline", baseline, "--from-results", forged, "--gold", directory))]
    assert not html.exists()
    updated = cli("check", "--baseline", baseline, "--update", "--from-results", forged, "--gold", directory)
    assert updated.exit_code == 2 and baseline.read_bytes() == recorded  # nor is it ever recorded
    return [(run.exit_code, run.stdout, run.stderr.replace(name, "FILE", 1)) for name, run in runs]


def test_a_perfect_score_without_predictions_is_refused_everywhere(cli, scored, tmp_path):
    directory, honest, forge = scored
    forged = forge("forged.json", perfect_without_predictions)
    line = (f"error: FILE: rows[micro].f1: the file says 1.000, its predictions score 0.000 on "
            f"{directory} (gold 0.1.0)\n")
    assert refusals(cli, directory, honest, forged, tmp_path) == [(2, "", line)] * 4


def test_edited_numbers_are_refused_with_both_values(cli, scored, tmp_path):
    directory, honest, forge = scored

    def better_micro(raw: dict) -> None:
        next(row for row in raw["rows"] if row["label"] == "micro")["f1"] = 0.9

    def one_more_date(raw: dict) -> None:
        date = next(row for row in raw["rows"] if row["label"] == "date")
        date.update(tp=2, fn=3)

    line = f"on {directory} (gold 0.1.0)\n"
    edited = forge("micro.json", better_micro)
    assert refusals(cli, directory, honest, edited, tmp_path) == [
        (2, "", f"error: FILE: rows[micro].f1: the file says 0.900, its predictions score 0.286 {line}")] * 4
    edited = forge("date.json", one_more_date)
    assert refusals(cli, directory, honest, edited, tmp_path) == [
        (2, "", f"error: FILE: rows[date].tp: the file says 2, its predictions score 1 {line}")] * 4


def test_a_tiny_edit_is_shown_past_three_decimals():
    gold = Gold("1.0.0", "sha256:" + "c" * 64, (Document("d", "Born 2001."),), (Fact("d", "date", "2001", "2001", 5, 9),),
                AliasTable())
    results = score_run(gold, [Fact("d", "date", "2001")], "x", "1", ci=False)
    micro = results.row("micro")
    edited = dataclasses.replace(results, rows=tuple(dataclasses.replace(row, f1=1.0 - 1e-6) if row is micro else row
                                                     for row in results.rows))
    with pytest.raises(MismatchError) as raised:
        verify_results(edited, "x.json", gold)
    assert raised.value.field == "rows[micro].f1"
    assert raised.value.message.startswith("the file says 0.999999, its predictions score 1.0 on ")
    within = dataclasses.replace(edited, rows=tuple(dataclasses.replace(row, f1=1.0 - 1e-12) if row.label == "micro"
                                                    else row for row in edited.rows))
    verify_results(within, "x.json", gold)  # a difference of 1e-12 is rounding


def test_a_results_file_given_as_the_baseline_is_refused(cli, scored):
    """bench check reads results files with --from-results only; one given as its baseline is refused, not believed."""
    _, _, forge = scored
    forged = forge("forged.json", perfect_without_predictions)
    result = cli("check", "--baseline", forged)
    assert (result.exit_code, result.stderr) == (
        2, f'error: {forged}: format: not a baseline scores file (expected "format": 1)\n')


def test_a_file_from_another_gold_with_the_hash_copied_in_is_refused(cli, scored, small_gold, write_jsonl, tmp_path):
    directory, honest, _ = scored
    target = load_gold(directory)
    # Predictions on the bundled articles, which the tiny gold does not hold.
    articles = load_gold()
    elsewhere = tmp_path / "elsewhere.json"
    write_results(score_run(articles, list(articles.facts), "elsewhere", "1"), elsewhere)
    raw = json.loads(elsewhere.read_text(encoding="utf-8"))
    raw.update(gold_hash=target.hash, gold_version=target.version)
    elsewhere.write_text(json.dumps(raw), encoding="utf-8")
    first = articles.facts[0].doc_id
    assert refusals(cli, directory, honest, elsewhere, tmp_path) == [
        (2, "", (f"error: FILE: predictions[0].doc_id: unknown document {first!r}: its predictions do not "
                 f"fit {directory} (gold 0.1.0)\n"))] * 4
    # Predictions on the same documents, scored on a gold of the rail facts only: perfect there (F1 = 1),
    # 7 of 11 here (F1 = 14 / 18 = 0.778).
    rail_only = small_gold([record for record in small_fact_records() if record["doc_id"] == "rail"])
    predictions = write_jsonl("rail.jsonl", [record for record in small_fact_records() if record["doc_id"] == "rail"])
    copied = tmp_path / "copied.json"
    assert cli("score", predictions, "--gold", rail_only, "-o", copied).exit_code == 0
    raw = json.loads(copied.read_text(encoding="utf-8"))
    raw.update(gold_hash=target.hash)
    copied.write_text(json.dumps(raw), encoding="utf-8")
    assert refusals(cli, directory, honest, copied, tmp_path) == [
        (2, "", (f"error: FILE: rows[micro].f1: the file says 1.000, its predictions score 0.778 on "
                 f"{directory} (gold 0.1.0)\n"))] * 4


def test_offsets_outside_a_text_are_refused(scored):
    directory, honest, _ = scored
    results = read_results(honest)
    outside = {"doc_id": "ferry", "type": "date", "value": "2023-05-01", "text": "x", "start": 500, "end": 501}
    with pytest.raises(MismatchError) as raised:
        verify_results(dataclasses.replace(results, predictions=(*results.predictions, outside)), "h.json",
                       load_gold(directory))
    assert str(raised.value) == (f"h.json: predictions[3].end: offsets 500:501 are outside the text (length "
                                 f"{len(load_gold(directory).documents[1].text)}) or empty: its predictions do not fit "
                                 f"{directory} (gold 0.1.0)")


def test_tp_above_support_is_refused_on_reading(cli, scored, tmp_path):
    directory, honest, forge = scored

    def impossible(raw: dict) -> None:
        date = next(row for row in raw["rows"] if row["label"] == "date")
        date.update(tp=6, fn=0)

    forged = forge("impossible.json", impossible)
    line = f"error: {forged}: rows[date].tp: 6 is more than the row's support (5 gold facts or mentions)\n"
    baseline = gate(cli, directory, honest, tmp_path)
    for args in (("show", forged), ("leaderboard", forged, "--gold", directory),
                 ("check", "--baseline", baseline, "--from-results", forged, "--gold", directory)):
        assert (cli(*args).exit_code, cli(*args).stderr) == (2, line)


def test_honest_files_pass_and_rank(cli, scored):
    directory, honest, _ = scored
    result = cli("leaderboard", honest, "--gold", directory)
    assert result.exit_code == 0, result.stderr
    assert "| 1 | honest | 1 | 0.667" in result.stdout  # one file: no value is strictly best, none bold


# --- what eval and score write, show and report read ----------------------------------------------------------

EMPTY_NAME = '''
class Nameless:
    name = ""
    version = "1.0"
    def extract(self, document):
        return []
class Unversioned:
    name = "unversioned"
    version = ""
    def extract(self, document):
        return []
'''


def test_eval_refuses_to_write_what_the_readers_would_refuse(cli, tmp_path):
    module = tmp_path / "odd.py"
    module.write_text(EMPTY_NAME, encoding="utf-8")
    for attribute, field in (("Nameless", "extractor"), ("Unversioned", "extractor_version")):
        out = tmp_path / f"{attribute}.json"
        result = cli("eval", "-e", f"{module}:{attribute}", "-o", out)
        assert (result.exit_code, result.stderr) == (
            2, (f"error: {out}: {field}: must not be empty: not written, as bench show and bench report would "
                "refuse the file\n"))
        assert not out.exists()


def test_a_capability_kind_outside_the_four_is_never_written(tmp_path):
    gold = Gold("1.0.0", "sha256:" + "c" * 64, (Document("d", "Born 2001."),), (), AliasTable())
    odd = {"id": "c", "kind": "XYZ", "context": False, "cases": 1, "failures": 0, "rate": 0.0, "ci": [0.0, 1.0],
           "examples": []}
    path = tmp_path / "odd.json"
    with pytest.raises(InputError) as raised:
        write_results(dataclasses.replace(score_run(gold, [], "x", "1"), capabilities=(odd,)), path)
    assert str(raised.value) == (f'{path}: capabilities.0.kind: "XYZ" is not one of MFT, negative, INV, DIR: not '
                                 "written, as bench show and bench report would refuse the file")
    assert not path.exists()


TEXTS = {"a": "On 3 May 2021 the Office of Tests hired 12 staff.", "b": "Nothing happened."}
GOLD = Gold("2.0.0", "sha256:" + "d" * 64, tuple(Document(doc, text) for doc, text in TEXTS.items()), (
    Fact("a", "date", "2021-05-03", "3 May 2021", 3, 13, id="g1"),
    Fact("a", "agency", "Office of Tests", "Office of Tests", 18, 33, id="g2"),
    Fact("a", "headcount", Count(12, "eq", "employees"), "12 staff", 40, 48, id="g3"),
), AliasTable())
POOL = [Fact("a", "date", "2021-05-03", "3 May 2021", 3, 13), Fact("a", "date", "2021-05"),
        Fact("a", "agency", "Office of Tests", "Office of Tests", 18, 33), Fact("a", "agency", "Office of Tests", "Office", 18, 24),
        Fact("b", "headcount", Count(12, "eq", "employees")), Fact("a", "headcount", Count(12, "eq", "employees"), "12", 40, 42)]
ODD_TEXT = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=()), max_size=12)


def _surrogate(text: str) -> bool:
    return any("\ud800" <= char <= "\udfff" for char in text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.one_of(st.just(""), ODD_TEXT), version=st.one_of(st.just(""), ODD_TEXT),
       picked=st.lists(st.sampled_from(POOL), max_size=6),
       failed=st.dictionaries(st.sampled_from(list(TEXTS)), ODD_TEXT, max_size=2),
       level=st.sampled_from(["fact", "strict", "exact", "partial", "type"]), mode=st.sampled_from(["strict", "lenient"]),
       ci=st.booleans())
def test_what_is_written_reads_back_equal_and_rescores(tmp_path, name, version, picked, failed, level, mode, ci):
    """score_run (as eval and score call it) -> write_results -> read_results (as show and report read) -> equal;
    or, for a name or version the readers refuse, nothing written."""
    results = score_run(GOLD, picked, name, version, level, mode, failed, ci,
                        RunSpec(name or "spec", name, package_version="1"))
    path = tmp_path / "results.json"
    path.unlink(missing_ok=True)
    refused = name == "" or version == "" or any(map(_surrogate, [name, version, *failed.values()]))
    try:
        write_results(results, path)
    except InputError:
        assert refused and not path.exists()
        return
    assert not refused
    read = read_results(path)
    assert read == results
    verify_results(read, str(path), GOLD)


# --- capability suites: the results keep every prediction, variants too ---------------------------------------

@pytest.fixture(scope="module")
def suite(tmp_path_factory):
    from bench.data.suite.load import load_suite
    from bench.data.suite.writer import write_suite

    directory = tmp_path_factory.mktemp("suites") / "small"
    write_suite(directory, 31, per_capability=3)
    return load_suite(directory)


def test_suite_results_carry_every_prediction_and_their_rates_are_checked(suite, tmp_path):
    variant = next(case for case in suite.cases if case.capability == "inv.title_case")
    predictions = [fact for fact in suite.gold.facts if fact.doc_id != variant.doc_id]
    path = tmp_path / "suite.json"
    write_results(score_suite(suite, predictions, "x", "1", ci=False), path)
    results = read_results(path)
    assert len(results.predictions) == len(predictions)
    verify_results(results, "suite.json", suite.gold, suite)
    # One of its 3 cases fails: rate 1/3; the file claims none.
    claimed = tuple({**row, "failures": 0, "rate": 0.0} if row["id"] == "inv.title_case" else row
                    for row in results.capabilities)
    with pytest.raises(BenchError) as raised:
        verify_results(dataclasses.replace(results, capabilities=claimed), "suite.json", suite.gold, suite)
    assert str(raised.value).startswith("suite.json: capabilities[inv.title_case].rate: the file says 0.000, its "
                                        "predictions score 0.333 on suite ")
