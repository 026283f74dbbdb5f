"""The example plug-in under examples/plugin installs, is listed, and is evaluated through its entry point."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.xdist_group("plugin-example")  # on one worker, so that the plug-in is installed once

ROOT = Path(__file__).resolve().parents[1]
DISTRIBUTION = "factbench-example-years"


def _bench() -> list[str]:
    """This checkout's CLI in this interpreter: no installed copy can hide an edit, no PATH needed."""
    return [sys.executable, "-m", "bench"]


@pytest.fixture(scope="module")
def example_plugin(tmp_path_factory):
    """pip-install a copy of examples/plugin into a throwaway target folder, put on PYTHONPATH by :func:`_run`.

    Nothing is installed into, or removed from, this environment.
    """
    source = tmp_path_factory.mktemp("plugin") / "plugin"
    target = tmp_path_factory.mktemp("site")
    shutil.copytree(ROOT / "examples" / "plugin", source)  # the build never writes into the checkout
    isolation = [] if importlib.util.find_spec("hatchling") is None else ["--no-build-isolation"]
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), *isolation, str(source)]
    installed = subprocess.run(command, capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr
    return target


def _run(site: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(site)])}
    return subprocess.run([*_bench(), *args], capture_output=True, text=True, timeout=300, env=env)


def test_bench_list_shows_the_plugin(example_plugin):
    listed = _run(example_plugin, "list")
    assert listed.returncode == 0, listed.stderr
    line = next(line for line in listed.stdout.splitlines() if line.startswith("example-years "))
    assert line.split()[1:3] == ["0.1.0", DISTRIBUTION]
    assert line.endswith("Four-digit years (1800-2099) as dates at year precision.")


def test_bench_eval_runs_the_plugin(example_plugin):
    table = _run(example_plugin, "eval", "--extractor", "example-years")
    assert table.returncode == 0, table.stderr
    assert "date" in table.stdout and "micro" in table.stdout and "Traceback" not in table.stderr
    as_json = _run(example_plugin, "eval", "--extractor", "example-years", "--format", "json")
    assert as_json.returncode == 0, as_json.stderr
    assert "example-years" in json.dumps(json.loads(as_json.stdout))
