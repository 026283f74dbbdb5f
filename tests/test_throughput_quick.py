"""benchmarks/throughput.py --quick judges what a smoke run can tell, and leaves speed targets to the full run."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def throughput():
    """The script as a module; the folders it puts on sys.path are taken off again."""
    path = list(sys.path)
    spec = importlib.util.spec_from_file_location("throughput_under_test", ROOT / "benchmarks" / "throughput.py")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = path
    return module


def test_a_quick_run_does_not_fail_on_speed_it_cannot_reach(throughput):
    verdict = throughput.Verdict
    slow = verdict("regex: 2 workers vs 1 (bench predict)", "1.12x [1.01-1.20]", ">= 1.7x", False)
    same = verdict("regex: 2-worker output = 1-worker output", "identical", "identical", True)
    assert throughput.exit_status([slow, same], quick=True) == 0
    assert throughput.exit_status([slow, same], quick=False) == 1
    assert throughput.summary_lines([slow], quick=True) == [
        f"{'regex: 2 workers vs 1 (bench predict)':46s} {'1.12x [1.01-1.20]':>30s}  {'':>16s}  "
        "  (target >= 1.7x: judged in a full run)"]


def test_a_quick_run_still_fails_on_what_it_can_judge(throughput):
    verdict = throughput.Verdict
    different = verdict("regex: 2-worker output = 1-worker output", "DIFFERENT", "identical", False)
    missing = verdict("rules extractor vs floor", "not importable", "<= 10x", False)
    assert throughput.exit_status([different], quick=True) == 1
    assert throughput.exit_status([missing], quick=True) == 1
    assert throughput.summary_lines([missing], quick=True)[0].endswith("<= 10x  MISS")
