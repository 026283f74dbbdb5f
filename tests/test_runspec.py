"""Run specs: what ran is in every results file, and runs that differ are told apart everywhere."""

from __future__ import annotations

import hashlib
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_baseline_llm import FakeServer, good

from bench.data.results import read_results
from bench.data.runspec import REDACTED, RunSpec

JSON_VALUES = st.one_of(st.none(), st.integers(-5, 5), st.text("xy", max_size=3))  # no bools: True == 1 in Python


def test_hash_is_sha256_of_the_canonical_spec_by_hand():
    spec = RunSpec("learned", "learned", {"C": 0.5}, {}, "0.1.0", ("C",))
    canonical = '{"details":{},"extractor":"learned","name":"learned","package_version":"0.1.0","params":{"C":0.5}}'
    assert spec.hash == "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from("abc"), JSON_VALUES), st.dictionaries(st.sampled_from("abc"), JSON_VALUES))
def test_equal_specs_have_equal_hashes_and_different_params_different_ones(one, two):
    a, b = RunSpec("x", params=one), RunSpec("x", params=two)
    assert (a.hash == b.hash) == (one == two)
    assert RunSpec.from_dict(json.loads(json.dumps(a.to_dict()))) == a


def test_label_names_changed_options_and_details_and_the_key_uses_the_spec():
    spec = RunSpec("dir/mine.py:Mine", "mine", {"n": 2, "m": "a"}, {"model": "q"}, "0.1.0", ("n",))
    assert (spec.label, spec.key) == ("mine [n=2, model=q]", "dir/mine.py:Mine [n=2, model=q]")


def test_eval_records_the_run_spec_and_a_typo_in_a_param_is_one_line(cli, tmp_path):
    out = tmp_path / "learned.json"
    done = cli("eval", "-e", "learned", "--param", "C=0.5", "--no-ci", "-o", out)
    assert done.exit_code == 0, done.stderr
    run = read_results(out).run
    assert run == RunSpec("learned", "learned", {"model_path": None, "threshold": 0.5, "C": 0.5}, {}, "0.1.0", ("C",),
                          "leave-one-document-out")  # the regime the learned extractor declares for a run on the gold
    assert done.stdout.startswith("learned [C=0.5] 1 · gold")
    typo = cli("eval", "-e", "learned", "--param", "treshold=0.3")
    assert typo.exit_code == 2
    assert typo.stderr == ("error: --param: unknown option 'treshold'; learned options: model_path (path or empty), "
                           "threshold (number), C (number)\n")
    wrong = cli("eval", "-e", "learned", "--param", "C=high")
    assert wrong.exit_code == 2 and wrong.stderr.startswith("error: --param: C: expected number, got 'high'; learned options:")
    assert cli("eval", "-e", "regex", "--param", "x=1").stderr == "error: --param: unknown option 'x'; regex takes no options\n"


def test_an_llm_results_file_names_its_model_and_endpoint_but_no_secret(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("BENCH_LLM_API_KEY", "sk-secret-from-env")
    server = FakeServer(good)
    server.thread.start()
    try:
        out = tmp_path / "llm.json"
        done = cli("eval", "-e", "llm", "--no-ci", "-o", out, "--param", f"base_url={server.base_url}",
                   "--param", "model=tiny-model-7b", "--param", f"cache_dir={tmp_path / 'cache'}")
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
    assert done.exit_code in (0, 3), done.stderr
    text = out.read_text(encoding="utf-8")
    assert "sk-secret-from-env" not in text
    run = read_results(out).run
    port = server.httpd.server_address[1]
    assert run.details == {"model": "tiny-model-7b", "endpoint_host": f"127.0.0.1:{port}", "prompt_version": "1"}
    assert run.params["model"] == "tiny-model-7b" and run.params["api_key"] is None
    assert run.label == f"llm [model=tiny-model-7b, endpoint_host=127.0.0.1:{port}, prompt_version=1]"


def test_a_secret_option_is_redacted_and_a_url_password_too():
    from bench.extraction.registry import load_run

    _, run = load_run("llm", {"base_url": "http://me:pw@h.example:8/v1", "model": "m", "api_key": "sk-1"})
    assert run.params["api_key"] == REDACTED
    assert run.params["base_url"] == f"http://{REDACTED}@h.example:8/v1"
    assert "sk-1" not in json.dumps(run.to_dict()) and "pw" not in json.dumps(run.to_dict())


def test_two_runs_of_one_extractor_are_two_rows_and_two_gate_entries(cli, tmp_path):
    board = tmp_path / "board"
    board.mkdir()
    assert cli("eval", "-e", "learned", "--no-ci", "-o", board / "a.json").exit_code == 0
    assert cli("eval", "-e", "learned", "--param", "C=0.05", "--no-ci", "-o", board / "b.json").exit_code == 0
    rows = [line for line in cli("leaderboard", board).stdout.splitlines() if "`" in line and line.startswith("|")]
    assert sorted(row.split("|")[2].strip() for row in rows) == ["learned", "learned [C=0.05]"]
    compared = cli("compare", board / "a.json", board / "b.json", "--resamples", "50")
    header = next(line for line in compared.stdout.splitlines() if line.startswith("type "))  # after compare's heading
    assert header.split()[1:7] == ["F1", "A", "(learned)", "F1", "B", "(learned"]
    from bench.data.gold import load_gold
    from bench.presentation.html_report import load_runs

    assert [run.label for run in load_runs([board / "a.json", board / "b.json"], load_gold())] == ["learned", "learned [C=0.05]"]
    scores = tmp_path / "scores.json"
    assert cli("check", "-b", scores, "--update", "-e", "learned").exit_code == 0
    assert cli("check", "-b", scores, "--update", "-e", "learned", "--param", "C=0.05").exit_code == 0
    tracked = json.loads(scores.read_text(encoding="utf-8"))["extractors"]
    assert {key: (run["extractor"], run["params"]) for key, run in tracked.items()} == {
        "learned": ("learned", {}), "learned [C=0.05]": ("learned", {"C": 0.05})}
    checked = cli("check", "-b", scores)
    assert checked.exit_code == 0 and checked.stderr == f"ok: learned, learned [C=0.05]: no score below {scores}\n"


def test_the_gate_refuses_a_tracked_run_that_now_runs_as_another(cli, tmp_path):
    scores = tmp_path / "scores.json"
    assert cli("check", "-b", scores, "--update", "-e", "learned", "--param", "C=0.05").exit_code == 0
    raw = json.loads(scores.read_text(encoding="utf-8"))
    raw["extractors"]["learned [C=0.05]"]["params"] = {"C": 0.5}
    scores.write_text(json.dumps(raw), encoding="utf-8")
    refused = cli("check", "-b", scores)
    assert refused.exit_code == 2
    assert refused.stderr == ("error: extractors: 'learned [C=0.05]' now runs as 'learned [C=0.5]' (its options, model "
                              "or endpoint changed); record it deliberately with --update\n")
