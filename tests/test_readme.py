"""The generated tables of README.md and the docs pages are current, and bench readme finds and refreshes them all."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.errors import InputError
from bench.pipeline.readme import BLOCKS
from bench.presentation.readme_tables import marked_pages, update_blocks

ROOT = Path(__file__).resolve().parents[1]
# Where each generated block lives since the README became a landing page (written by hand, not discovered).
PAGES = {
    "README.md": {"baseline-scores", "wikinews-compare", "set-comparison"},
    "docs/articles.md": {"gold-stats"},
    "docs/baselines.md": {"baseline-scores"},
    "docs/capabilities.md": {"suite-compare", "suite-capabilities"},
    "docs/ci.md": {"baseline-board"},
    "docs/twins.md": {"twins-stability"},
}
STALE = "intro\n<!-- bench:gold-stats -->\nold\n<!-- /bench:gold-stats -->\nend\n"


def test_every_page_with_generated_tables_is_current(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = cli("readme", "--check")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [f"{page}: generated tables are current" for page in PAGES]


def test_the_pages_are_found_and_every_block_is_on_one():
    assert [str(page.relative_to(ROOT)) for page in marked_pages(ROOT)] == list(PAGES)
    for page, names in PAGES.items():
        assert set(re.findall(r"<!-- bench:([\w-]+) -->", (ROOT / page).read_text(encoding="utf-8"))) == names, page
    assert set().union(*PAGES.values()) == set(BLOCKS)


def test_a_stale_page_among_several_is_named_and_refreshed(cli, tmp_path):
    stale, current = tmp_path / "R.md", tmp_path / "C.md"
    stale.write_text(STALE, encoding="utf-8")
    current.write_text("no generated block\n", encoding="utf-8")
    checked = cli("readme", "--check", current, stale)
    assert checked.exit_code == 1
    assert checked.stderr == (f"{current}: generated tables are current\n{stale}: generated tables are out of date\n"
                              f"run: bench readme {stale}\n")
    assert cli("readme", current, stale).exit_code == 0
    refreshed = stale.read_text(encoding="utf-8")
    assert "| total | 30/26 |" in refreshed and refreshed.endswith("<!-- /bench:gold-stats -->\nend\n")
    assert current.read_text(encoding="utf-8") == "no generated block\n"
    assert cli("readme", "--check", current, stale).exit_code == 0


def test_without_paths_it_refreshes_the_readme_and_the_docs_pages_that_hold_a_block(cli, tmp_path, monkeypatch):
    (tmp_path / "docs" / "guide").mkdir(parents=True)
    (tmp_path / "README.md").write_text("no block\n", encoding="utf-8")
    (tmp_path / "docs" / "guide" / "stats.md").write_text(STALE, encoding="utf-8")
    (tmp_path / "docs" / "other.md").write_text("no block\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("readme")
    assert result.exit_code == 0 and result.stderr == "updated docs/guide/stats.md\n"
    assert "| total | 30/26 |" in (tmp_path / "docs" / "guide" / "stats.md").read_text(encoding="utf-8")


def test_no_page_with_a_block_is_one_line_exit_2(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("readme", "--check")
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path}: no README.md or docs/ page here holds a <!-- bench:NAME --> block\n"


def test_unknown_block_names_its_line():
    with pytest.raises(InputError, match=r"^R\.md:2: bench:nope: unknown generated block 'nope'"):
        update_blocks("x\n<!-- bench:nope -->\n<!-- /bench:nope -->\n", "R.md", {"gold-stats": str})
