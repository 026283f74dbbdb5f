"""The project's own regression gate: the built-in baselines keep their recorded scores."""

from __future__ import annotations

from pathlib import Path

BASELINE = Path(__file__).resolve().parents[1] / ".ci" / "baseline-scores.json"


def test_builtin_baselines_have_not_regressed(cli):
    result = cli("check", "--baseline", BASELINE)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stderr.startswith("ok: learned, regex, rules: no score below")
