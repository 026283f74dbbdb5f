"""``bench check --from-results``: runs scored elsewhere are gated as a re-run is, once their predictions prove them.

The forged files every reader refuses (check among them) are tests/test_evidence.py's; here, honest files.
"""

from __future__ import annotations

import json
import sys

import pytest
from test_gate import DATES, MONTHS

from bench.data.results import METRICS
from bench.presentation.tables import fmt_metric


@pytest.fixture()
def dates(tmp_path, monkeypatch):
    """The dates extractor of test_gate.py as a file, a baseline recorded by re-running it, and a way to make it worse."""
    monkeypatch.setattr(sys, "dont_write_bytecode", True)  # the file is rewritten
    source, scores = tmp_path / "dates.py", tmp_path / "scores.json"
    source.write_text(DATES.format(MONTHS=MONTHS, DROP=""), encoding="utf-8")

    def worsen() -> None:
        source.write_text(DATES.format(MONTHS=MONTHS, DROP="[:0]"), encoding="utf-8")  # finds no date at all

    return f"{source}:extract", scores, worsen


def recorded_by_rerun(cli, spec, scores):
    done = cli("check", "--baseline", scores, "--update", "--extractor", spec)
    assert done.exit_code == 0, done.stderr
    return json.loads(scores.read_text(encoding="utf-8"))["extractors"][spec]["scores"]


def test_an_honest_file_passes_where_its_run_passes(cli, dates, tmp_path):
    spec, scores, _ = dates
    recorded_by_rerun(cli, spec, scores)
    assert cli("eval", "-e", spec, "--no-ci", "-o", tmp_path / "run.json").exit_code == 0
    result = cli("check", "--baseline", scores, "--from-results", tmp_path / "run.json")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"ok: {spec}: no score below {scores}\n")


def test_an_honest_file_of_a_worse_run_fails_as_the_rerun_does(cli, dates, tmp_path):
    spec, scores, worsen = dates
    before = recorded_by_rerun(cli, spec, scores)
    worsen()
    assert cli("eval", "-e", spec, "--no-ci", "-o", tmp_path / "worse.json").exit_code == 0
    from_file = cli("check", "--baseline", scores, "--from-results", tmp_path / "worse.json")
    expected = [f"regression: {spec}: {label} {metric} fell from {fmt_metric(before[label][metric])} "
                f"to {'–' if metric == 'precision' else '0.000'} (tolerance 0)"
                for label in ("date", "micro", "macro") for metric in METRICS]
    assert (from_file.exit_code, from_file.stdout.splitlines()) == (1, expected)
    assert from_file.stderr == f"check failed: 9 scores below {scores}\n"
    rerun = cli("check", "--baseline", scores)
    assert (rerun.exit_code, rerun.stdout, rerun.stderr) == (from_file.exit_code, from_file.stdout, from_file.stderr)


def test_update_records_a_file_as_a_rerun_records_its_scores(cli, dates, tmp_path):
    spec, scores, _ = dates
    by_rerun = recorded_by_rerun(cli, spec, scores)
    assert cli("eval", "-e", spec, "--no-ci", "-o", tmp_path / "run.json").exit_code == 0
    from_file = tmp_path / "from-file.json"
    done = cli("check", "--baseline", from_file, "--update", "--from-results", tmp_path / "run.json")
    assert done.exit_code == 0, done.stderr
    assert done.stderr.startswith(f"recorded {spec} in {from_file} ")
    tracked = json.loads(from_file.read_text(encoding="utf-8"))["extractors"][spec]
    assert (tracked["extractor"], tracked["scores"]) == (spec, by_rerun)


FAILING = """
import os

def extract(doc):
    if doc.id == os.environ.get("FAIL_DOC"):
        raise RuntimeError("no luck")
    return []
"""


def test_a_file_with_a_failed_document_fails_the_gate_and_is_not_recorded(cli, tmp_path, monkeypatch):
    from bench.data.documents import load_seeds

    victim = load_seeds()[1].id
    source, scores, failing = tmp_path / "failing.py", tmp_path / "scores.json", tmp_path / "failing.json"
    source.write_text(FAILING, encoding="utf-8")
    spec = f"{source}:extract"
    recorded_by_rerun(cli, spec, scores)  # while it was well
    monkeypatch.setenv("FAIL_DOC", victim)
    assert cli("eval", "-e", spec, "--no-ci", "-o", failing).exit_code == 3  # written, with the failure in it
    line = f"failed: {spec}: {victim}: RuntimeError: no luck"
    gated = cli("check", "--baseline", scores, "--from-results", failing)
    assert (gated.exit_code, gated.stderr.splitlines()) == (1, [line, f"check failed: {spec} failed on 1 document"])
    before = scores.read_bytes()
    refused = cli("check", "--baseline", scores, "--update", "--from-results", failing)
    assert (refused.exit_code, refused.stderr.splitlines()) == (3, [line, f"not recorded: {spec} failed on 1 document"])
    assert scores.read_bytes() == before


def test_budgets_hold_the_file_to_its_own_ledger(cli, dates, tmp_path):
    spec, scores, _ = dates
    recorded_by_rerun(cli, spec, scores)
    assert cli("eval", "-e", spec, "--no-ci", "-o", tmp_path / "run.json").exit_code == 0
    result = cli("check", "--baseline", scores, "--from-results", tmp_path / "run.json", "--max-p95", "0",
                 "--max-cost-per-doc", "1")
    assert result.exit_code == 1
    cost_line, p95_line = result.stdout.splitlines()
    assert cost_line.startswith(f"over budget: {spec}: cost per document unknown (the extractor reports no tokens)")
    assert p95_line.startswith(f"over budget: {spec}: p95 latency ") and p95_line.endswith(" is over --max-p95 0 s")


def test_what_does_not_fit_the_baseline_is_one_line(cli, dates, tmp_path):
    spec, scores, _ = dates
    recorded_by_rerun(cli, spec, scores)
    run, other, lenient = tmp_path / "run.json", tmp_path / "other.json", tmp_path / "lenient.json"
    assert cli("eval", "-e", spec, "--no-ci", "-o", run).exit_code == 0
    assert cli("eval", "-e", "regex", "--no-ci", "-o", other).exit_code == 0
    assert cli("eval", "-e", spec, "--no-ci", "--mode", "lenient", "-o", lenient).exit_code == 0
    cases = [
        (["--from-results", other],
         f"error: {other}: run: the run 'regex' is not tracked (tracked: {spec}); add it deliberately with --update\n"),
        (["--from-results", lenient],
         f"error: {lenient}: mode: scored at mode 'lenient', the baseline records 'strict': score it with --mode strict\n"),
        (["--from-results", run, "-e", spec],
         "error: --extractor: runs nothing with --from-results: the files hold runs scored already\n"),
        (["--from-results", run, "--timeout", "5"],
         "error: --timeout: runs nothing with --from-results: the files hold runs scored already\n"),
    ]
    for args, line in cases:
        result = cli("check", "--baseline", scores, *args)
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", line), args
    twice = tmp_path / "again" / "run.json"
    twice.parent.mkdir()
    twice.write_bytes(run.read_bytes())
    result = cli("check", "--baseline", scores, "--from-results", run, "--from-results", twice)
    assert (result.exit_code, result.stderr) == (
        2, f"error: {twice}: run: {run} holds the run {spec!r} too: give one results file per run\n")
