"""README tables are generated and current."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.errors import InputError
from bench.presentation.readme_tables import update_blocks

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_generated_tables_are_current(cli):
    result = cli("readme", "--check", README)
    assert result.exit_code == 0, result.stderr


def test_stale_block_is_detected_and_refreshed(cli, tmp_path):
    stale = tmp_path / "R.md"
    stale.write_text("intro\n<!-- bench:gold-stats -->\nold\n<!-- /bench:gold-stats -->\nend\n", encoding="utf-8")
    assert cli("readme", "--check", stale).exit_code == 1
    assert cli("readme", stale).exit_code == 0
    refreshed = stale.read_text(encoding="utf-8")
    assert "| total | 30/26 |" in refreshed and refreshed.endswith("<!-- /bench:gold-stats -->\nend\n")
    assert cli("readme", "--check", stale).exit_code == 0


def test_unknown_block_names_its_line():
    with pytest.raises(InputError, match=r"^R\.md:2: bench:nope: unknown generated block 'nope'"):
        update_blocks("x\n<!-- bench:nope -->\n<!-- /bench:nope -->\n", "R.md", {"gold-stats": str})
