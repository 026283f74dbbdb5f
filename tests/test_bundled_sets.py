"""Bundled gold sets by name: --gold articles|wikinews|DIR, bench gold list, bench gold show NAME|DIR."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import write_small_gold

ROOT = Path(__file__).resolve().parents[1]
SETS = {"articles": ROOT / "gold", "wikinews": ROOT / "gold" / "wikinews"}
UNKNOWN = "error: --gold: no gold set 'wikinew'; bundled sets: articles, wikinews (or give a directory)\n"


def stats(cli, *args: str) -> dict:
    result = cli("stats", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def document_ids(data: dict) -> list[str]:
    return [row["doc_id"] for row in data["documents"][:-1]]  # the last row is the total


def manifest_ids(directory: Path) -> list[str]:
    lines = directory.joinpath("manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["id"] for line in lines if line.strip()]


def counts_from_file(facts_file: Path) -> dict[str, dict[str, int]]:
    """Mentions and distinct (document, type, value) facts per type, read straight from facts.jsonl."""
    records = [json.loads(line) for line in facts_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    mentions = Counter(r["type"] for r in records)
    distinct = Counter(t for _, t, _ in {(r["doc_id"], r["type"], json.dumps(r["value"], sort_keys=True)) for r in records})
    types = ("date", "headcount", "user_count", "agency", "official")
    return {t: {"mentions": mentions[t], "distinct": distinct[t]} for t in types}


def test_a_bundled_name_reads_the_same_set_as_its_directory(cli):
    wikinews = stats(cli, "--gold", "wikinews")
    assert wikinews == stats(cli, "--gold", str(SETS["wikinews"]))
    assert document_ids(wikinews) == manifest_ids(SETS["wikinews"] / "documents")
    assert len(document_ids(wikinews)) == 43
    articles = stats(cli, "--gold", "articles")
    assert articles == stats(cli) == stats(cli, "--gold", str(SETS["articles"]))
    assert document_ids(articles) == manifest_ids(ROOT / "seeds")
    assert len(document_ids(articles)) == 5


@pytest.mark.parametrize("command", [("stats",), ("validate",), ("eval", "-e", "regex"), ("leaderboard", "."), ("list",)])
def test_an_unknown_bare_name_is_one_line_listing_the_bundled_sets(cli, tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    result = cli(*command, "--gold", "wikinew")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", UNKNOWN)


def test_a_directory_is_still_a_path_bare_or_not(cli, tmp_path, monkeypatch):
    write_small_gold(tmp_path / "mine")
    assert document_ids(stats(cli, "--gold", str(tmp_path / "mine"))) == ["rail", "ferry"]
    monkeypatch.chdir(tmp_path)
    assert document_ids(stats(cli, "--gold", "mine")) == ["rail", "ferry"]


def test_a_bundled_name_wins_over_a_directory_of_that_name_given_bare(cli, tmp_path, monkeypatch):
    write_small_gold(tmp_path / "wikinews")
    monkeypatch.chdir(tmp_path)
    assert document_ids(stats(cli, "--gold", "./wikinews")) == ["rail", "ferry"]
    assert len(document_ids(stats(cli, "--gold", "wikinews"))) == 43


def test_gold_list_has_a_row_per_bundled_set_counted_from_its_facts_file(cli):
    result = cli("gold", "list", "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    assert list(rows) == ["articles", "wikinews"]
    assert (rows["articles"]["documents"], rows["wikinews"]["documents"]) == (5, 43)
    for name, directory in SETS.items():
        assert rows[name]["facts"] == counts_from_file(directory / "facts.jsonl"), name
    assert rows["wikinews"]["licence"] == "CC BY 2.5 (texts), CC BY 4.0 (GUM annotations)"
    assert rows["wikinews"]["source"] == "Wikinews via GUM (amir-zeldes/gum)"
    assert "seeds/manifest.jsonl" in rows["articles"]["source"]


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_gold_list_table_shows_counts_licence_and_source(cli, fmt):
    result = cli("gold", "list", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    articles = next(line for line in lines if line.lstrip("| ").startswith("articles"))
    wikinews = next(line for line in lines if line.lstrip("| ").startswith("wikinews"))
    date = counts_from_file(SETS["articles"] / "facts.jsonl")["date"]
    assert f"{date['mentions']}/{date['distinct']}" in articles and "seeds/manifest.jsonl" in articles
    assert "CC BY 2.5 (texts), CC BY 4.0 (GUM annotations)" in wikinews and "Wikinews via GUM (amir-zeldes/gum)" in wikinews
    assert lines[-1] == "Each type: mentions/distinct facts."


def test_gold_list_refuses_an_unknown_format(cli):
    result = cli("gold", "list", "--format", "csv")
    assert (result.exit_code, result.stderr) == (2, "error: --format: 'csv' is not one of table, json, markdown\n")


@pytest.mark.parametrize(("given", "documents"), [("articles", 5), ("wikinews", 43), ("gold", 5)])
def test_gold_show_takes_a_bundled_name_or_the_checkouts_gold_directory(cli, tmp_path, monkeypatch, given, documents):
    monkeypatch.chdir(ROOT)  # where "gold" is the checkout's gold/ directory
    out = tmp_path / "review.html"
    result = cli("gold", "show", given, "-o", out)
    assert (result.exit_code, result.stderr) == (0, f"wrote {out}\n")
    page = out.read_text(encoding="utf-8")
    assert f"<h1>Review: {given}</h1>" in page and f" · {documents} documents · " in page


def test_any_copy_of_the_articles_layout_reads_the_seeds_beside_it(cli, tmp_path):
    """A checkout's gold/ under an installed bench is such a copy: it is not the installed gold directory."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "gold", tmp_path / "gold", ignore=shutil.ignore_patterns("wikinews", "capabilities", "schema"))
    out = tmp_path / "review.html"
    assert cli("gold", "show", tmp_path / "gold", "-o", out).exit_code == 0
    assert " · 5 documents · " in out.read_text(encoding="utf-8")
    shutil.rmtree(tmp_path / "seeds")
    result = cli("gold", "show", tmp_path / "gold", "-o", out)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {tmp_path / 'gold' / 'documents' / 'manifest.jsonl'}: file: missing: ")


def test_gold_show_names_an_unknown_set(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("gold", "show", "wikinew", "-o", tmp_path / "x.html")
    assert (result.exit_code, result.stderr) == (2, UNKNOWN.replace("--gold: ", ""))
    assert not (tmp_path / "x.html").exists()


def test_validate_checks_the_wikinews_set_by_name(cli):
    result = cli("validate", "--gold", "wikinews")
    assert (result.exit_code, result.stdout) == (0, ""), result.stdout
    version = (SETS["wikinews"] / "VERSION").read_text(encoding="utf-8").strip()
    assert result.stderr == f"ok: gold {version}\n"


def test_gold_help_names_the_bundled_sets(cli):
    help_text = " ".join(cli("stats", "--help").stdout.split())
    assert "--gold NAME|DIR Gold set: a bundled name (articles, wikinews) or a directory; default articles." in help_text
