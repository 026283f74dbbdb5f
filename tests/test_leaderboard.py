"""The leaderboard: ranked by micro-F1 into rank groups, intervals shown, best marked, mixed gold refused."""

from __future__ import annotations

import pytest

from bench.data.documents import Document
from bench.data.gold import Gold, load_gold
from bench.data.results import MetricRow, Results, write_results
from bench.errors import MismatchError
from bench.facts import Fact
from bench.normalize.aliases import AliasTable
from bench.presentation.leaderboard import Entry, adjacent_p_values, groups_of, leaderboard_markdown, rank
from bench.scoring.scorer import score_run

HASH_A = "sha256:" + "a" * 64
HASH_B = "sha256:" + "b" * 64
TYPES = ("date", "headcount", "user_count", "agency", "official")


def made(extractor: str, micro_f1: float | None, gold_hash: str = HASH_A, level: str = "fact",
         date_f1: float | None = 0.5, gold_version: str = "1.0.0") -> Results:
    rows = [MetricRow(t, 1, 1, 1, 2 if t == "date" else 12, 0.5, 0.5, date_f1 if t == "date" else None,
                      {"f1": (0.25, 0.75)} if t == "date" and date_f1 else {}) for t in TYPES]
    rows.append(MetricRow("micro", 1, 1, 1, 2, 0.25, None, micro_f1, {"precision": (0.1, 0.9)}))
    return Results(extractor, "2.1", gold_version, gold_hash, level, "strict", tuple(rows), ci_method="exact")


def test_ranked_by_micro_f1_ties_by_name_undefined_last():
    entries = [Entry("z.json", made("beta", 0.5)), Entry("y.json", made("gamma", None)),
               Entry("x.json", made("alpha", 0.5)), Entry("w.json", made("delta", 0.9))]
    assert [e.file for e in rank(entries)] == ["w.json", "x.json", "z.json", "y.json"]


def test_markdown_board_is_exact():
    board = leaderboard_markdown([Entry("b.json", made("beta", 0.5, date_f1=None)), Entry("a.json", made("alpha", 0.75))])
    assert board == (
        f"Gold 1.0.0 (`{HASH_A[:19]}…`), level `fact`, mode `strict`. Ranked by micro-F1; per-type columns are F1 "
        "with n gold facts; \"–\" is undefined (0/0); **bold** is the one strictly best value in its column (none on a tie).\n\n"
        "| rank | extractor | version | micro P | micro R | micro F1 | date (n=2†) | headcount (n=12) | user_count (n=12) "
        "| agency (n=12) | official (n=12) | p vs above (unadjusted) | file |\n"
        "|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n"
        "| 1 | alpha | 2.1 | 0.250 [0.10, 0.90] | – | **0.750** | 0.500 [0.25, 0.75] | – | – | – | – | – | `a.json` |\n"
        "| 2 | beta | 2.1 | 0.250 [0.10, 0.90] | – | 0.500 | – | – | – | – | – | – | `b.json` |\n"
        "\n"
        "Rank is the position: rank groups need fact-level results and their gold.\n"
        "95% intervals: exact.\n"
        "† fewer than 10 gold facts or mentions: the interval is wide, read the score with care.\n"
    )


# --- rank groups, on a gold whose p-values can be counted by hand -------------------------------
# Runs that differ only on k gold facts (one run finds them, the other does not) have an exact
# randomization p-value of 2 / 2**k: only swapping all k or none is as extreme as observed
# (F1 = 2 TP / (TP + n) rises strictly with TP). k = 1 gives p = 1, k = 5 gives 0.0625 (not
# significant at 0.05), k = 6 gives 0.03125 (significant).

DATES = [Fact("d", "date", f"2025-03-{day:02d}") for day in range(1, 21)]
SMALL = Gold("1.0.0", "sha256:" + "c" * 64, (Document("d", "A text of no consequence."),), tuple(DATES), AliasTable())


def run(name: str, found: int) -> Entry:
    return Entry(f"{name}.json", score_run(SMALL, DATES[:found], name, "1"))


FOUR = [run("all", 20), run("one-less", 19), run("five-less", 14), run("six-less", 8)]


def test_adjacent_p_values_match_the_counted_permutations():
    p_values = adjacent_p_values(rank(FOUR), SMALL)
    assert p_values[:2] == [None, 1.0]
    assert p_values[2] == pytest.approx(2 / 2 ** 5, abs=0.008) and p_values[3] == pytest.approx(2 / 2 ** 6, abs=0.008)


def test_rank_groups_chain_not_significant_neighbours():
    """all > one-less (p 1) > five-less (p 0.0625) share group 1; six-less (p 0.031) opens group 2."""
    board = leaderboard_markdown(list(reversed(FOUR)), SMALL)
    ranks = [line.split(" | ")[0].lstrip("| ") for line in board.splitlines() if line.startswith("| ") and "`" in line]
    assert ranks == ["1", "1", "1", "2"]
    assert "shares its group" in board


def test_groups_of_opens_a_group_at_each_significant_or_undefined_step():
    assert groups_of([None, 0.05, 0.049, 1.0, None, 0.2]) == [1, 1, 2, 2, 3, 3]


def test_the_best_value_per_column_is_bold_and_intervals_are_shown():
    board = leaderboard_markdown(FOUR, SMALL)
    top = next(line for line in board.splitlines() if "`all.json`" in line)
    bottom = next(line for line in board.splitlines() if "`six-less.json`" in line)
    # 20 of 20: recall reaches down to 0.025 ** (1/20) = 0.832 and is bold, as are micro and date F1 (1.000,
    # the only perfect ones); no false positives anywhere, so every precision ties at 1 and none is bold
    assert "**1.000** [0.83, 1.00]" in top and top.count("**") == 2 * 3
    assert "1.000 [0.63, 1.00]" in bottom and bottom.count("**") == 0
    assert "| date (n=20) | headcount (n=0†) |" in board


def test_mention_level_boards_rank_by_position():
    entries = [Entry(e.file, score_run(SMALL, [], e.results.extractor, "1", level="strict")) for e in FOUR[:2]]
    assert "Rank is the position" in leaderboard_markdown(entries, SMALL)


def test_mixed_gold_is_refused_naming_the_odd_file():
    entries = [Entry("a.json", made("alpha", 0.5)), Entry("b.json", made("beta", 0.5)),
               Entry("c.json", made("gamma", 0.5, gold_hash=HASH_B, gold_version="1.1.0"))]
    with pytest.raises(MismatchError) as raised:
        leaderboard_markdown(entries)
    assert str(raised.value) == (f"c.json: gold_hash: scored on gold set 1.1.0 ({HASH_B[:19]}), a.json on gold set "
                                 f"1.0.0 ({HASH_A[:19]}): results on different sets are never compared; score both on one set")


def test_the_odd_file_is_named_even_when_it_comes_first():
    entries = [Entry("a.json", made("alpha", 0.5, gold_hash=HASH_B, gold_version="1.1.0")),
               Entry("b.json", made("beta", 0.5)), Entry("c.json", made("gamma", 0.5))]
    with pytest.raises(MismatchError) as raised:
        leaderboard_markdown(entries)
    assert str(raised.value) == (f"a.json: gold_hash: scored on gold set 1.1.0 ({HASH_B[:19]}), b.json on gold set "
                                 f"1.0.0 ({HASH_A[:19]}): results on different sets are never compared; score both on one set")
    entries = [Entry("a.json", made("alpha", 0.5, level="partial")), Entry("b.json", made("beta", 0.5)),
               Entry("c.json", made("gamma", 0.5))]
    with pytest.raises(MismatchError, match=r"^a\.json: level: level 'partial' differs from b\.json's 'fact': runs are "
                                            r"compared only when scored alike; score both with --level fact \(or both "
                                            r"with --level partial\)$"):
        leaderboard_markdown(entries)


def test_mixed_match_levels_are_refused():
    with pytest.raises(MismatchError, match=r"^b\.json: level: level 'partial' differs from a\.json's 'fact': "):
        leaderboard_markdown([Entry("a.json", made("alpha", 0.5)), Entry("b.json", made("beta", 0.5, level="partial"))])


def test_cli_writes_the_board_with_rank_groups(cli, tmp_path):
    gold = load_gold()
    folder = tmp_path / "results"
    folder.mkdir()
    write_results(score_run(gold, list(gold.facts), "perfect", "1"), folder / "a.json")
    write_results(score_run(gold, list(gold.facts)[:3], "sparse", "1"), folder / "b.json")
    result = cli("leaderboard", folder, "-o", tmp_path / "LEADERBOARD.md")
    assert result.exit_code == 0, result.stderr
    written = (tmp_path / "LEADERBOARD.md").read_text(encoding="utf-8")
    assert written == leaderboard_markdown([Entry("a.json", read(folder / "a.json")), Entry("b.json", read(folder / "b.json"))], gold)
    assert "| 1 | perfect |" in written and "| 2 | sparse |" in written
    assert cli("leaderboard", folder).stdout == written


def test_cli_refuses_results_on_another_gold_than_the_one_given(cli, tmp_path):
    write_results(made("alpha", 0.75), tmp_path / "a.json")
    write_results(made("beta", 0.5), tmp_path / "b.json")
    result = cli("leaderboard", tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (f"error: a.json: gold_hash: scored on gold set 1.0.0 ({HASH_A[:19]}), not on articles (gold "
                             "1.0.0), which was loaded: load its set with --gold DIR (the set's directory)\n")


def read(path):
    from bench.data.results import read_results

    return read_results(path)


def test_cli_refuses_mixed_gold_in_one_line(cli, tmp_path):
    write_results(made("alpha", 0.75), tmp_path / "a.json")
    write_results(made("beta", 0.5, gold_hash=HASH_B), tmp_path / "b.json")
    result = cli("leaderboard", tmp_path, "-o", tmp_path / "board.md")
    assert result.exit_code == 2
    assert result.stderr == (f"error: b.json: gold_hash: scored on gold set 1.0.0 ({HASH_B[:19]}), a.json on gold set 1.0.0 "
                             f"({HASH_A[:19]}): results on different sets are never compared; score both on one set\n")
    assert not (tmp_path / "board.md").exists()


def test_cli_empty_folder_and_broken_file(cli, tmp_path):
    assert cli("leaderboard", tmp_path).stderr == f"error: {tmp_path}: no results files (*.json) here\n"
    (tmp_path / "x.json").write_text("{", encoding="utf-8")
    broken = cli("leaderboard", tmp_path)
    assert broken.exit_code == 2 and broken.stderr.startswith(f"error: {tmp_path / 'x.json'}:1: invalid JSON")


def test_cli_takes_files_and_folders_naming_alike_files_by_path(cli, tmp_path):
    gold = load_gold()
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    write_results(score_run(gold, list(gold.facts), "perfect", "1"), one / "a.json")
    write_results(score_run(gold, list(gold.facts)[:3], "sparse", "1"), two / "a.json")
    write_results(score_run(gold, [], "nothing", "1"), two / "b.json")
    board = cli("leaderboard", one / "a.json", two)
    assert board.exit_code == 0, board.stderr
    rows = [line.split(" | ") for line in board.stdout.splitlines() if line.startswith("| ") and "`" in line]
    assert [(row[1], row[-1]) for row in rows] == [("perfect", f"`{one / 'a.json'}` |"), ("sparse", f"`{two / 'a.json'}` |"),
                                                   ("nothing", "`b.json` |")]


def test_a_tiny_p_prints_below_a_thousandth_and_says_it_is_unadjusted():
    """all (20 of 20) above none (0 of 20): 20 facts differ, exact p = 2 / 2**20; 9,999 permutations find none as extreme."""
    board = leaderboard_markdown([run("all", 20), run("none", 0)], SMALL)
    header = next(line for line in board.splitlines() if line.startswith("| rank"))
    bottom = next(line for line in board.splitlines() if "`none.json`" in line)
    assert header.split(" | ")[-2] == "p vs above (unadjusted)"
    assert bottom.split(" | ")[-2] == "< 0.001"
    assert "not adjusted for the others" in board
