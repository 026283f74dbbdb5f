"""docs/ci-example.yml runs: its shell steps, in order and as GitHub Actions would, in a copy of "your repository".

The steps run in bash with ``set -euo pipefail``, ``bench`` being this checkout's (in this interpreter) and
``python -m pip`` recorded instead of run, so nothing is installed and nothing is fetched. The repository
tracks a run whose label has a space and brackets (``mine [min_year=1990]``), the case a word-splitting loop broke.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / "docs" / "ci-example.yml"

MINE = '''
import re
from dataclasses import dataclass
from bench import Fact, option

class Mine:
    name, version = "mine", "1"

    @dataclass(frozen=True)
    class Options:
        min_year: int = option(1900, "earliest year read as a date")

    def __init__(self, min_year=1900):
        self.min_year = min_year

    def extract(self, document):
        return [Fact(document.id, "date", m.group(), m.group(), m.start(), m.end())
                for m in re.finditer(r"\\b(?:19|20)\\d\\d\\b", document.text) if int(m.group()) >= self.min_year]
'''

PYTHON_SHIM = '''#!/usr/bin/env bash
# `python -m pip ...` is written down, not run; anything else is this test's interpreter.
if [ "${1:-}" = "-m" ] && [ "${2:-}" = "pip" ]; then echo "$*" >> "$PIP_LOG"; exit 0; fi
exec "$REAL_PYTHON" "$@"
'''
BENCH_SHIM = '''#!/usr/bin/env bash
exec "$REAL_PYTHON" -m bench "$@"
'''


@pytest.fixture()
def repository(tmp_path) -> tuple[Path, dict]:
    """A copy of "your repository" with an extractor and its recorded baseline; returns it and the steps' environment."""
    repo, shims = tmp_path / "repo", tmp_path / "bin"
    (repo / "extractors").mkdir(parents=True)
    (repo / "extractors" / "mine.py").write_text(MINE, encoding="utf-8")
    (repo / ".factbench").symlink_to(ROOT)  # what the workflow's second checkout puts there
    shims.mkdir()
    for name, text in (("python", PYTHON_SHIM), ("bench", BENCH_SHIM)):
        (shims / name).write_text(text, encoding="utf-8")
        (shims / name).chmod(0o755)
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    env = {**os.environ, **workflow.get("env", {}), "PATH": f"{shims}{os.pathsep}{os.environ['PATH']}",
           "PYTHONPATH": str(ROOT), "REAL_PYTHON": sys.executable, "PIP_LOG": str(tmp_path / "pip.log")}
    for record in (["-e", "regex"], ["-e", "extractors/mine.py:Mine", "--param", "min_year=1990"]):
        done = subprocess.run(["bench", "check", "--baseline", "bench-scores.json", "--update", *record], cwd=repo,
                              env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    return repo, env


def _run_steps(repo: Path, env: dict) -> list[tuple[str, int]]:
    """Each ``run:`` step in bash -euo pipefail; after a failure only ``if: always()`` steps run, as on Actions."""
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["bench-check"]["steps"]
    failed, ran = False, []
    for step in steps:
        if "run" not in step or (failed and step.get("if") != "always()"):
            continue
        done = subprocess.run(["bash", "-c", "set -euo pipefail\n" + step["run"]], cwd=repo, env=env,
                              capture_output=True, text=True, timeout=300)
        ran.append((step["name"], done.returncode))
        failed = failed or done.returncode != 0
    return ran


def test_the_workflow_installs_from_a_checkout_and_hides_no_error():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "|| true" not in text and "factbench==" not in text


def test_every_step_passes_and_the_report_shows_every_tracked_run(repository, tmp_path):
    repo, env = repository
    ran = _run_steps(repo, env)
    assert [code for _, code in ran] == [0, 0, 0], ran
    assert (tmp_path / "pip.log").read_text().splitlines()[0] == "-m pip install ./.factbench"
    assert sorted(path.name for path in (repo / "bench-out").glob("*.json")) == ["mine_min_year_1990.json", "regex.json"]
    page = (repo / "bench-out" / "report.html").read_text(encoding="utf-8")
    assert "mine [min_year=1990]" in page and "regex" in page


def test_a_regression_fails_the_gate_and_the_report_is_still_made(repository):
    repo, env = repository
    baseline = json.loads((repo / "bench-scores.json").read_text(encoding="utf-8"))
    # recorded higher than regex scores, and consistent (a baseline no run could give is refused, exit 2)
    baseline["extractors"]["regex"]["scores"]["micro"].update(precision=1.0, recall=1.0, f1=1.0)
    (repo / "bench-scores.json").write_text(json.dumps(baseline), encoding="utf-8")
    ran = _run_steps(repo, env)
    assert [code for _, code in ran] == [0, 1, 0], ran
    assert (repo / "bench-out" / "report.html").is_file()
