"""The test suite never changes the machine: no system packages installed, nothing pip-installed or removed here."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = sorted(path for path in (ROOT / "tests").glob("*.py") if path.name != Path(__file__).name)


def _calls(pattern: str) -> list[str]:
    found = []
    for path in TESTS:
        for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(pattern, line):
                found.append(f"{path.name}:{line_no}: {line.strip()}")
    return found


def test_no_test_runs_a_system_package_manager():
    assert _calls(r"""["'](apt-get|apt|dpkg|yum|dnf|apk)["']""") == []


def test_no_test_uninstalls_anything():
    assert _calls(r"""["']uninstall["']""") == []


def test_pip_installs_go_to_a_throwaway_place():
    """Every ``pip install`` in a test targets a temporary folder or a fresh venv's own interpreter."""
    installs = [call for call in _calls(r"""["']install["']""") if "sys.executable" in call]
    assert all("--target" in call for call in installs), installs


def test_ci_installs_the_browser_builds_the_site_and_then_runs_exactly_the_readme_command():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = 'python3 -m venv .venv && . .venv/bin/activate && pip install ".[test]" && python -m pytest -q'
    assert command in readme
    commands = [line.strip() for line in script.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert commands[0] == "set -euo pipefail"
    assert commands[-1] == command
    assert "apt-get update && apt-get install -y chromium chromium-driver" in commands
    site = 'python3 -m venv .venv && . .venv/bin/activate && pip install ".[docs]" && mkdocs build --strict'
    assert commands[-3] == site
    assert commands[-2] == 'pip install ".[test]" && ruff check bench baselines tests && mypy bench'  # lint and types
