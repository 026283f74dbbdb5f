"""End to end through the CLI: eval, score, show, compare, list, stats, export."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import SMALL_TEXTS

from bench.data.gold import load_gold

ROOT = Path(__file__).resolve().parents[1]

YEARS = '''
import re
from bench.facts import Fact

class Years:
    name = "years"
    version = "2.0"
    description = "Four-digit years."

    def extract(self, document):
        return [Fact(document.id, "date", m.group(), m.group(), m.start(), m.end())
                for m in re.finditer(r"\\b(?:19|20)\\d\\d\\b", document.text)]
'''


@pytest.fixture()
def years(tmp_path):
    path = tmp_path / "years.py"
    path.write_text(YEARS)
    return f"{path}:Years"


@pytest.fixture()
def perfect_predictions(write_jsonl):
    return write_jsonl("perfect.jsonl", [{k: v for k, v in f.to_dict().items() if k != "id"} for f in load_gold().facts])


def test_eval_prints_the_per_type_table_with_intervals(cli, years):
    result = cli("eval", "--extractor", years)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("years 2.0 · gold 1.0.0 (sha256:") and lines[0].endswith("fact level, strict values")
    assert [line.split()[0] for line in lines[4:18:2]] == ["date", "headcount", "user_count", "agency", "official", "micro", "macro"]
    assert "95% intervals: exact: Clopper–Pearson for P and R" in result.stdout
    assert "† fewer than 10 gold facts or mentions" in result.stdout
    # none of 3 found: R reaches up to 1 - 0.025 ** (1/3) = 0.708, F1 to 2 * 0.708 / 1.708 = 0.829 (via J)
    assert lines[10].split()[1:] == ["–", "0.000", "[0.00,", "0.71]", "0.000", "[0.00,", "0.83]", "0", "0", "3", "3†"]
    # under each row, its intervals over the documents holding it: the two agency documents are too few
    assert lines[11] == "  2 docs" and "95% intervals over documents: Clopper–Pearson" in result.stdout
    # official: none of 6 found in any of the five documents, no spread between them: the per-fact interval
    assert lines[13].split() == ["5", "docs", "[0.00,", "0.46]", "[0.00,", "0.63]"]


def test_eval_json_is_only_json_and_results_file_reprints_the_same_table(cli, years, tmp_path):
    out = tmp_path / "r.json"
    as_json = cli("eval", "-e", years, "--format", "json", "-o", out)
    assert json.loads(as_json.stdout)["extractor"] == "years"
    table = cli("eval", "-e", years, "--errors").stdout
    shown = cli("show", out, "--errors").stdout
    assert re.sub(r"\n\nledger: .*?(?=\n\n)", "", shown, count=1, flags=re.S) == table  # show adds what the run cost
    assert "missed" in table and "wrong_value" in table


def test_score_a_perfect_predictions_file(cli, perfect_predictions):
    for level in ("fact", "strict", "exact", "partial", "type"):
        result = cli("score", perfect_predictions, "--level", level, "--no-ci", "--format", "json")
        rows = {row["label"]: row for row in json.loads(result.stdout)["rows"]}
        assert all(rows[t]["f1"] == 1.0 for t in ("date", "headcount", "user_count", "agency", "official", "micro", "macro"))


def test_score_refuses_a_bad_predictions_file_in_one_line(cli, write_jsonl):
    bad = write_jsonl("bad.jsonl", [{"doc_id": "001_1ffe1e35e2256c17", "type": "date", "value": "July"}])
    result = cli("score", bad)
    assert result.exit_code == 2
    assert result.stderr == f"error: {bad}:1: value: \"July\" is not in the expected form (expected ISO 8601 at the precision the text gives: YYYY, YYYY-MM, YYYY-MM-DD or a week YYYY-Www)\n"


def test_bad_options_are_one_line(cli, perfect_predictions):
    result = cli("score", perfect_predictions, "--level", "loose")
    assert (result.exit_code, result.stderr) == (2, "error: --level: 'loose' is not one of fact, strict, exact, partial, type\n")


def test_compare_refuses_results_on_another_gold(cli, years, perfect_predictions, tmp_path):
    cli("eval", "-e", years, "-o", tmp_path / "a.json", "--no-ci")
    cli("score", perfect_predictions, "-o", tmp_path / "b.json", "--no-ci")
    result = cli("compare", tmp_path / "b.json", tmp_path / "a.json", "--resamples", "500")
    assert result.exit_code == 0
    micro = next(line for line in result.stdout.splitlines() if line.startswith("micro")).split()
    # years misses something in each of the five documents: only swapping all or none of them is as extreme,
    # so over documents p = 2 / 2**5 = 0.0625, while over facts p is small
    assert micro[1] == "1.000" and micro[4] == "0.062" and float(micro[5]) < 0.01  # 0.0625 to three decimals
    doctored = json.loads((tmp_path / "a.json").read_text())
    doctored["gold_hash"] = "sha256:" + "1" * 64
    (tmp_path / "a.json").write_text(json.dumps(doctored))
    refused = cli("compare", tmp_path / "b.json", tmp_path / "a.json")
    assert refused.exit_code == 2
    assert refused.stderr == (f"error: {tmp_path / 'a.json'}: gold_hash: scored on gold set 1.0.0 (sha256:111111111111), "
                              f"{tmp_path / 'b.json'} on articles (gold 1.0.0): results on different sets are never "
                              "compared; score both on one set\n")


def _lists_the_builtins_and_gold_counts(cli) -> None:
    result = cli("list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    names = [line.split()[0] for line in lines[2:lines.index("")]]
    assert names == ["learned", "llm", "regex", "rules", "spacy"]
    assert "date                   30          26" in result.stdout


def test_list_shows_builtins_and_gold_counts(cli):
    _lists_the_builtins_and_gold_counts(cli)


def test_the_listing_holds_with_the_example_plug_in_installed(cli, tmp_path, monkeypatch):
    """As after the README's `pip install ./examples/plugin`: its package and metadata on the path, found by the
    entry-point scan; the pinned registry of the tests still lists the built-ins alone."""
    import importlib.metadata
    import shutil

    site = tmp_path / "site"
    shutil.copytree(ROOT / "examples" / "plugin" / "src" / "example_years", site / "example_years")
    info = site / "factbench_example_years-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: factbench-example-years\nVersion: 0.1.0\n")
    (info / "entry_points.txt").write_text("[bench.extractors]\nexample-years = example_years:YearsExtractor\n")
    monkeypatch.syspath_prepend(str(site))
    installed = {ep.name for ep in importlib.metadata.entry_points(group="bench.extractors")}
    assert "example-years" in installed  # the environment now has the plug-in
    _lists_the_builtins_and_gold_counts(cli)
    from bench.extraction import registry

    monkeypatch.setattr(registry, "entry_points", importlib.metadata.entry_points)  # unpinned, as a user runs it
    assert "example-years" in cli("list").stdout


def test_stats_json_matches_the_gold(cli):
    data = json.loads(cli("stats", "--format", "json").stdout)
    assert data["version"] == "1.0.0" and data["documents"][-1]["date"] == [30, 26]


def test_predict_reads_seeds_documents_jsonl_and_a_hugging_face_dataset_alike(cli, tmp_path, write_jsonl):
    from bench.data.documents import load_seeds

    assert cli("predict", "-e", "regex", "-o", tmp_path / "seeds.jsonl").exit_code == 0
    docs = write_jsonl("docs.jsonl", [doc.to_dict() for doc in load_seeds()])
    assert cli("predict", "-e", "regex", "--docs", docs, "-o", tmp_path / "docs.jsonl").exit_code == 0
    cli("export", "--hf", tmp_path / "hf")
    result = cli("predict", "-e", "regex", "--dataset", tmp_path / "hf" / "data" / "test.parquet",
                 "--date-column", "published", "-o", tmp_path / "hf.jsonl")
    assert result.exit_code == 0, result.stderr
    seeds = (tmp_path / "seeds.jsonl").read_bytes()
    assert seeds.count(b"\n") > 20
    assert (tmp_path / "docs.jsonl").read_bytes() == seeds == (tmp_path / "hf.jsonl").read_bytes()


def test_predict_names_a_missing_dataset_column(cli, tmp_path):
    cli("export", "--hf", tmp_path / "hf")
    result = cli("predict", "-e", "regex", "--dataset", tmp_path / "hf" / "data" / "test.parquet",
                 "--text-column", "body", "-o", tmp_path / "p.jsonl")
    assert result.exit_code == 2
    assert result.stderr == (f"error: {tmp_path / 'hf' / 'data' / 'test.parquet'}: --text-column: no column 'body' "
                             "(columns: id, text, published, outlet, title, facts)\n")
    assert not (tmp_path / "p.jsonl").exists()


def test_per_document_table_sums_each_documents_counts(cli, years):
    data = json.loads(cli("eval", "-e", years, "--no-ci", "--format", "json").stdout)
    table = cli("eval", "-e", years, "--no-ci", "--documents").stdout.split("\n\n")[-1].splitlines()
    assert table[0].split() == ["document", "P", "R", "F1", "TP", "FP", "FN", "run"]
    for doc, line in zip(data["documents"], table[2:], strict=True):
        tp, fp, fn = (sum(cell[k] for cell in doc["counts"].values()) for k in ("tp", "fp", "fn"))
        assert line.split()[0] == doc["doc_id"] and line.split()[4:7] == [f"{tp:g}", f"{fp:g}", f"{fn:g}"]


def test_mention_level_tables_show_value_accuracy(cli, small_gold, write_jsonl):
    text = SMALL_TEXTS["rail"][0]

    def date(surface: str, value: str) -> dict:
        start = text.index(surface)
        return {"doc_id": "rail", "type": "date", "value": value, "text": surface, "start": start, "end": start + len(surface)}

    # found with the right type: "4 June 2023" (right value) and "Friday" (4 June 2023 was a Sunday: not the 9th)
    predictions = write_jsonl("p.jsonl", [date("4 June 2023", "2023-06-04"), date("Friday", "2023-06-09")])
    table = cli("score", predictions, "--gold", small_gold(), "--level", "strict", "--no-ci").stdout
    assert ("value accuracy (of the mentions found with the right type, the share with the right value): date 0.500 "
            "(1/2), headcount –, user_count –, agency –, official –; all 0.500 (1/2)") in table.splitlines()
    assert "value accuracy" not in cli("score", predictions, "--gold", small_gold(), "--no-ci").stdout
