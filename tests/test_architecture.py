"""The package's layers are a contract: import-linter checks it on the checkout, and it bites."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    """Run import-linter on the packages under ``root`` with the contracts in its pyproject.toml."""
    command = [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()",
               str(root / "pyproject.toml"), "--no-cache", "--no-logo"]
    return subprocess.run(command, cwd=root, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, timeout=120)


def test_the_checkout_keeps_its_contracts():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 kept, 0 broken" in result.stdout


def copy_of_the_packages(tmp_path: Path) -> Path:
    for package in ("bench", "baselines"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__", "_data"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_an_import_back_up_the_layers_breaks_the_contract(tmp_path):
    root = copy_of_the_packages(tmp_path)
    (root / "bench" / "data" / "upward.py").write_text("from bench.scoring.fact_level import Score\n")
    result = lint_imports(root)
    assert result.returncode == 1
    assert "bench.data.upward -> bench.scoring.fact_level" in result.stdout
    assert "3 kept, 1 broken" in result.stdout


def broken_contracts(stdout: str) -> list[str]:
    """The names of the contracts lint-imports reports broken."""
    return [line.removesuffix(" BROKEN") for line in stdout.splitlines() if line.endswith(" BROKEN")]


def test_scoring_that_runs_an_extractor_breaks_the_independence_of_running_and_scoring(tmp_path):
    root = copy_of_the_packages(tmp_path)
    (root / "bench" / "scoring" / "runs.py").write_text("def run():\n    from bench.extraction.runner import run_for_gold\n")
    result = lint_imports(root)
    assert result.returncode == 1
    assert broken_contracts(result.stdout) == ["bench is layered along the data flow, the CLI on top",
                                               "running is not scoring: extraction and scoring never import each other"]
    assert "bench.scoring.runs -> bench.extraction.runner" in result.stdout


def test_extraction_that_scores_breaks_the_independence_too(tmp_path):
    root = copy_of_the_packages(tmp_path)
    (root / "bench" / "extraction" / "scores.py").write_text("from bench.scoring.fact_level import Score\n")
    result = lint_imports(root)
    assert broken_contracts(result.stdout) == ["bench is layered along the data flow, the CLI on top",
                                               "running is not scoring: extraction and scoring never import each other"]


@pytest.mark.parametrize("imported", ["bench.extraction.registry", "bench.pipeline.run"])
def test_presentation_that_runs_anything_breaks_its_contract(tmp_path, imported):
    root = copy_of_the_packages(tmp_path)
    (root / "bench" / "presentation" / "runs.py").write_text(f"def run():\n    import {imported}\n")
    result = lint_imports(root)
    assert "presentation only renders results: it runs no extractor" in broken_contracts(result.stdout)
    assert f"bench.presentation.runs -> {imported}" in result.stdout


def test_an_import_of_a_baseline_breaks_the_contract(tmp_path):
    root = copy_of_the_packages(tmp_path)
    (root / "bench" / "scoring" / "peek.py").write_text("def peek():\n    import baselines.regex\n")
    result = lint_imports(root)
    assert result.returncode == 1
    assert "bench.scoring.peek -> baselines.regex" in result.stdout


def test_running_extractors_has_no_import_cycle():
    import grimp

    graph = grimp.build_graph("bench", exclude_type_checking_imports=True)  # what runs, not what type checkers read
    cycles = sorted((module, imported) for module in graph.find_descendants("bench.extraction")
                    for imported in graph.find_modules_directly_imported_by(module)
                    if graph.chain_exists(importer=imported, imported=module))
    assert cycles == []


def test_baselines_run_documents_only_through_the_public_api():
    import grimp

    graph = grimp.build_graph("bench", "baselines")
    used = {imported for module in graph.modules if module.startswith("baselines")
            for imported in graph.find_modules_directly_imported_by(module) if imported.startswith("bench.extraction")}
    assert used <= {"bench.extraction.api", "bench.extraction.extractor", "bench.extraction.options"}
