"""A real, non-editable install: console script, package data, lazy imports."""

from __future__ import annotations

import json
import os
import platform
import site
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from bench import __version__

pytestmark = pytest.mark.xdist_group("install")  # on one worker: factbench is installed once

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("datasets", "sklearn", "spacy", "pydantic")  # pydantic: what typer >= 0.29 imports for every option


def test_importing_the_cli_imports_no_heavy_library():
    code = "import sys, bench, bench.cli.main; print(sorted(m for m in %r if m in sys.modules))" % (HEAVY,)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _modules_at_exit(expression: str, *command: str) -> str:
    """Run ``bench COMMAND`` in a fresh interpreter; what ``expression`` (on ``sys.modules``) gives when it exits."""
    code = ("import atexit, sys\n"
            "from bench.cli.main import app\n"
            f"atexit.register(lambda: print({expression}, file=sys.stderr))\n"
            "sys.argv = ['bench', *sys.argv[1:]]\n"
            "app()\n")
    out = subprocess.run([sys.executable, "-c", code, *command], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize("command", [["eval", "--extractor", "regex"], ["validate"]])
def test_a_command_imports_no_heavy_library(command):
    """The whole command, option parsing included: a CLI library that brings a heavy one fails here."""
    assert _modules_at_exit(f"sorted(m for m in {HEAVY!r} if m in sys.modules)", *command) == "[]"


def test_scoring_reads_package_metadata_only_to_record_it(tmp_path):
    """bench score prints its table without importing importlib.metadata (35 ms); a results file still records the versions."""
    predictions, results = tmp_path / "p.jsonl", tmp_path / "r.json"
    subprocess.run([sys.executable, "-m", "bench", "predict", "-e", "regex", "-o", str(predictions)], cwd=ROOT, check=True,
                   capture_output=True)
    for extra, imported in (([], "False"), (["-o", str(results)], "True")):
        assert _modules_at_exit("'importlib.metadata' in sys.modules", "score", str(predictions), *extra) == imported
    recorded = json.loads(results.read_text())
    assert recorded["packages"]["python"] == platform.python_version()
    assert recorded["packages"]["factbench"] == recorded["run"]["package_version"] == __version__


@pytest.fixture(scope="module")
def installed_bench(tmp_path_factory) -> Path:
    """`pip install .` (not editable) into a fresh venv that borrows this environment's dependencies.

    A .pth file appends this environment's site-packages after the venv's own,
    so the venv's freshly built factbench wins and nothing is downloaded.
    """
    home = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=True).create(home)
    python = home / "bin" / "python"
    own = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                         capture_output=True, text=True, check=True).stdout.strip()
    # site.getsitepackages() adds the system site-packages a --system-site-packages venv also reads
    outer = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], *site.getsitepackages()}
    Path(own, "outer-environment.pth").write_text("\n".join(sorted(outer)) + "\n")
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-deps", "--ignore-installed", str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    return home / "bin" / "bench"


def _run_outside(bench: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([str(bench), *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)


def test_installed_console_script_runs_outside_the_checkout(installed_bench, tmp_path):
    help_text = _run_outside(installed_bench, tmp_path, "--help")
    assert help_text.returncode == 0 and "validate" in help_text.stdout
    checked = _run_outside(installed_bench, tmp_path, "validate")
    assert checked.returncode == 0, checked.stderr
    assert "ok: gold 1.0.0" in checked.stderr


def test_installed_package_reads_bundled_data_not_the_checkout(installed_bench, tmp_path):
    code = "import bench.data.resources as r; print(r.seeds_dir())"
    python = installed_bench.parent / "python"
    out = subprocess.run([str(python), "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert "_data" in out.stdout and str(ROOT) not in out.stdout
