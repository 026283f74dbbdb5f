"""Shared fixtures: a CLI runner and tiny files written for the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bench.cli.main import app


@pytest.fixture()
def cli():
    """Run ``bench ARGS...`` in-process; returns the click Result (stdout and stderr apart)."""
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return invoke


@pytest.fixture()
def write_jsonl(tmp_path: Path):
    """Write records (dicts, or raw strings for broken lines) as a JSONL file."""

    def write(name: str, records: list) -> Path:
        path = tmp_path / name
        lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return write
