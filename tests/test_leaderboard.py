"""The leaderboard: ranked by micro-F1, ties by name, undefined shown "–", mixed gold refused."""

from __future__ import annotations

import pytest

from bench.data.results import MetricRow, Results, write_results
from bench.errors import MismatchError
from bench.presentation.leaderboard import Entry, leaderboard_markdown, rank

HASH_A = "sha256:" + "a" * 64
HASH_B = "sha256:" + "b" * 64
TYPES = ("date", "headcount", "user_count", "agency", "official")


def made(extractor: str, micro_f1: float | None, gold_hash: str = HASH_A, level: str = "fact",
         date_f1: float | None = 0.5, gold_version: str = "1.0.0") -> Results:
    rows = [MetricRow(t, 1, 1, 1, 2, 0.5, 0.5, date_f1 if t == "date" else None) for t in TYPES]
    rows.append(MetricRow("micro", 1, 1, 1, 2, 0.25, None, micro_f1))
    return Results(extractor, "2.1", gold_version, gold_hash, level, "strict", tuple(rows))


def test_ranked_by_micro_f1_ties_by_name_undefined_last():
    entries = [Entry("z.json", made("beta", 0.5)), Entry("y.json", made("gamma", None)),
               Entry("x.json", made("alpha", 0.5)), Entry("w.json", made("delta", 0.9))]
    assert [e.file for e in rank(entries)] == ["w.json", "x.json", "z.json", "y.json"]


def test_markdown_board_is_exact():
    board = leaderboard_markdown([Entry("b.json", made("beta", 0.5, date_f1=None)), Entry("a.json", made("alpha", 0.75))])
    assert board == (
        f"Gold 1.0.0 (`{HASH_A[:19]}…`), level `fact`, mode `strict`. Ranked by micro-F1; per-type columns are F1; "
        "\"–\" is undefined (0/0).\n\n"
        "| rank | extractor | version | micro P | micro R | micro F1 | date | headcount | user_count | agency | official | file |\n"
        "|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n"
        "| 1 | alpha | 2.1 | 0.250 | – | 0.750 | 0.500 | – | – | – | – | `a.json` |\n"
        "| 2 | beta | 2.1 | 0.250 | – | 0.500 | – | – | – | – | – | `b.json` |\n"
    )


def test_mixed_gold_is_refused_naming_the_odd_file():
    entries = [Entry("a.json", made("alpha", 0.5)), Entry("b.json", made("beta", 0.5)),
               Entry("c.json", made("gamma", 0.5, gold_hash=HASH_B, gold_version="1.1.0"))]
    with pytest.raises(MismatchError) as raised:
        leaderboard_markdown(entries)
    assert str(raised.value) == (f"c.json: gold_hash: gold 1.1.0 ({HASH_B[:19]}) differs from a.json's gold 1.0.0 "
                                 f"({HASH_A[:19]})")


def test_mixed_match_levels_are_refused():
    with pytest.raises(MismatchError, match=r"^b\.json: level: level 'partial' differs from a\.json's 'fact'$"):
        leaderboard_markdown([Entry("a.json", made("alpha", 0.5)), Entry("b.json", made("beta", 0.5, level="partial"))])


def test_cli_writes_the_board(cli, tmp_path):
    folder = tmp_path / "results"
    folder.mkdir()
    write_results(made("alpha", 0.75), folder / "a.json")
    write_results(made("beta", 0.5), folder / "b.json")
    result = cli("leaderboard", folder, "-o", tmp_path / "LEADERBOARD.md")
    assert result.exit_code == 0, result.stderr
    written = (tmp_path / "LEADERBOARD.md").read_text(encoding="utf-8")
    assert written == leaderboard_markdown([Entry("a.json", made("alpha", 0.75)), Entry("b.json", made("beta", 0.5))])
    assert cli("leaderboard", folder).stdout == written


def test_cli_refuses_mixed_gold_in_one_line(cli, tmp_path):
    write_results(made("alpha", 0.75), tmp_path / "a.json")
    write_results(made("beta", 0.5, gold_hash=HASH_B), tmp_path / "b.json")
    result = cli("leaderboard", tmp_path, "-o", tmp_path / "board.md")
    assert result.exit_code == 2
    assert result.stderr == f"error: b.json: gold_hash: gold 1.0.0 ({HASH_B[:19]}) differs from a.json's gold 1.0.0 ({HASH_A[:19]})\n"
    assert not (tmp_path / "board.md").exists()


def test_cli_empty_folder_and_broken_file(cli, tmp_path):
    assert cli("leaderboard", tmp_path).stderr == f"error: {tmp_path}: no results files (*.json) here\n"
    (tmp_path / "x.json").write_text("{", encoding="utf-8")
    broken = cli("leaderboard", tmp_path)
    assert broken.exit_code == 2 and broken.stderr.startswith(f"error: {tmp_path / 'x.json'}:1: invalid JSON")
