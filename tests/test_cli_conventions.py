"""What every command shares: --version, whole help lines, one-line usage errors, plurals, named function extractors."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json

import pytest
import typer

from bench.cli.group import UsageError
from bench.cli.main import app

ONE_FACT = '''
def extract(document):
    if document.id == "rail":
        return [{"doc_id": "rail", "type": "date", "value": "2024", "text": "2024", "start": 159, "end": 163}]
    return []
'''


def test_version_is_the_installed_distributions(cli):
    done = cli("--version")
    assert (done.exit_code, done.stdout) == (0, f"factbench {importlib.metadata.version('factbench')}\n")


def test_help_lists_each_commands_whole_first_paragraph(cli):
    def squeezed(text: str) -> str:  # wrapped lines break anywhere, a hyphen included
        return "".join(text.split())

    for path, group in ((["--help"], typer.main.get_command(app)),
                        (["gold", "--help"], typer.main.get_command(app).commands["gold"])):
        listing = cli(*path).stdout.split("Commands:")[1]
        assert "..." not in listing
        for name, command in group.commands.items():
            assert squeezed(name + command.help.split("\n\n")[0]) in squeezed(listing), name


@pytest.mark.parametrize(("args", "line"), [
    (["eval", "--level"], "error: option '--level' requires an argument (see bench eval --help)"),
    (["evl"], "error: no such command 'evl'. Did you mean 'eval'? (see bench --help)"),
    (["--colour"], "error: no such option: --colour (see bench --help)"),
    (["gold", "show"], "error: missing argument 'NAME|DIR' (see bench gold show --help)"),
    (["eval", "-e", "regex", "--workers", "0"],
     "error: invalid value for '--workers' / '-j': 0 is not in the range x>=1 (see bench eval --help)"),
])
def test_usage_errors_are_one_line_exit_2(cli, args, line):
    done = cli(*args)
    assert (done.exit_code, done.stdout, done.stderr) == (2, "", line + "\n")


def test_usage_errors_still_raise_outside_standalone_mode():
    with pytest.raises(UsageError, match=r"^option '--level' requires an argument \(see bench eval --help\)$"):
        typer.main.get_command(app).main(["eval", "--level"], prog_name="bench", standalone_mode=False)


def test_a_plain_function_is_named_after_its_file_and_versioned_by_its_source(cli, small_gold, tmp_path):
    source = tmp_path / "one_fact.py"
    source.write_text(ONE_FACT, encoding="utf-8")
    digest = hashlib.sha256(ONE_FACT.encode()).hexdigest()[:12]
    done = cli("eval", "-e", f"{source}:extract", "--gold", small_gold(), "--no-ci", "--format", "json")
    assert done.exit_code == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["extractor"], data["extractor_version"]) == ("one_fact.extract", f"sha256:{digest}")


def test_counts_are_singular_when_one(cli, small_gold, tmp_path, write_jsonl):
    (tmp_path / "one_fact.py").write_text(ONE_FACT, encoding="utf-8")
    out = tmp_path / "p.jsonl"
    done = cli("predict", "-e", f"{tmp_path / 'one_fact.py'}:extract", "--gold", small_gold(), "-o", out)
    assert done.stderr == f"wrote 1 prediction to {out}\n"
    one = write_jsonl("one.jsonl", [json.loads(out.read_text())])
    scored = cli("score", one, "--gold", small_gold(), "--level", "strict", "--no-ci")
    assert scored.stderr == "warning: 1 of 2 documents has no predictions: their gold counts as missed\n"


SLOW_ON_ONE = '''
import time

def extract(document):
    if document.id == "rail":
        time.sleep(5)
    return []
'''


def test_check_keeps_a_time_limit_and_writes_each_runs_results(cli, small_gold, tmp_path):
    gold, baseline, out = small_gold(), tmp_path / "scores.json", tmp_path / "out"
    assert cli("check", "-b", baseline, "--update", "-e", "regex", "--gold", gold).exit_code == 0
    done = cli("check", "-b", baseline, "--gold", gold, "--timeout", "30", "--results", out)
    assert done.exit_code == 0, done.stderr
    assert done.stderr == f"wrote 1 results file to {out}\nok: regex: no score below {baseline}\n"
    assert [path.name for path in out.iterdir()] == ["regex.json"]
    (tmp_path / "slow.py").write_text(SLOW_ON_ONE, encoding="utf-8")
    spec = f"{tmp_path / 'slow.py'}:extract"
    timed_out = cli("check", "-b", tmp_path / "slow.json", "--update", "-e", spec, "--gold", gold, "--timeout", "0.5")
    assert timed_out.exit_code == 3
    assert timed_out.stderr.splitlines()[-1] == f"not recorded: {spec} failed on 1 document"
