"""A gold set is one self-contained directory: its parts, its refusals, and --gold on every command."""

from __future__ import annotations

import json

import pytest
from conftest import SMALL_TEXTS, small_fact_records

from bench.data.gold import load_gold
from bench.data.resources import gold_dir, seeds_dir

REGEX_FREE = '''
from bench.facts import Fact

def years(document):
    """The year 2024 wherever it is written."""
    at = document.text.find("2024")
    return [] if at < 0 else [Fact(document.id, "date", "2024", "2024", at, at + 4)]
'''


@pytest.fixture()
def years(tmp_path):
    path = tmp_path / "years_plugin.py"
    path.write_text(REGEX_FREE)
    return f"{path}:years"


def only_error_line(result, expected: str) -> None:
    """Exit 2 and exactly one line on stderr, no traceback."""
    assert result.exit_code == 2, result.output
    assert result.stderr == f"error: {expected}\n"


def test_a_set_loads_its_own_documents_facts_aliases_and_version(small_gold):
    directory = small_gold()
    gold = load_gold(directory)
    assert [(doc.id, doc.text) for doc in gold.documents] == [(doc_id, text) for doc_id, (text, _) in SMALL_TEXTS.items()]
    assert [doc.published and doc.published.isoformat() for doc in gold.documents] == ["2023-06-04", None]
    assert [fact.to_dict() for fact in gold.facts] == small_fact_records()
    assert gold.aliases.agency("ORS") == "Office of Rail Standards" and gold.version == "0.1.0"
    assert gold.unreviewed == ()


def test_the_bundled_set_reads_the_seeds_as_its_documents():
    gold = load_gold()
    assert load_gold(gold_dir()) == gold
    assert [record.file for record in gold.manifest] == sorted(p.name for p in seeds_dir().glob("*.txt"))


def test_the_content_hash_covers_the_documents(small_gold):
    base = load_gold(small_gold()).hash
    assert load_gold(small_gold()).hash == base  # same content, another place
    changed = small_gold()
    manifest = changed / "documents" / "manifest.jsonl"
    records = [json.loads(line) for line in manifest.read_text().splitlines()]
    text = SMALL_TEXTS["ferry"][0] + " More soon."  # the same facts still fit the text
    (changed / "documents" / "ferry.txt").write_text(text, encoding="utf-8")
    import hashlib

    records[1]["sha256"] = hashlib.sha256(text.encode()).hexdigest()
    manifest.write_text("".join(json.dumps(r) + "\n" for r in records))
    assert load_gold(changed).hash != base
    records[1]["published"] = "2023-05-01"
    manifest.write_text("".join(json.dumps(r) + "\n" for r in records))
    assert len({load_gold(changed).hash, base}) == 2


@pytest.mark.parametrize("part", ["VERSION", "aliases.json", "facts.jsonl", "documents/manifest.jsonl"])
def test_a_missing_part_is_refused_naming_it(cli, small_gold, part):
    directory = small_gold()
    (directory / part).unlink()
    expected = (f"{directory / part}: file: missing: a gold set holds VERSION, aliases.json, facts.jsonl, "
                "documents/manifest.jsonl")
    only_error_line(cli("stats", "--gold", directory), expected)
    result = cli("validate", "--gold", directory)
    assert result.exit_code == 2 and result.stdout == expected + "\n"


def test_a_missing_directory_is_refused(cli, tmp_path):
    only_error_line(cli("stats", "--gold", tmp_path / "nowhere"), f"{tmp_path / 'nowhere'}: directory: no such gold directory")


def test_a_fact_whose_offsets_do_not_match_its_document_is_refused(cli, small_gold):
    facts = small_fact_records()
    facts[2] |= {"start": facts[2]["start"] + 1, "end": facts[2]["end"] + 1}
    directory = small_gold(facts)
    only_error_line(cli("eval", "-e", "regex", "--gold", directory),
                    f"{directory / 'facts.jsonl'}:3: text: 'Friday' does not match the text at 60:66 ('riday ')")


def test_a_document_whose_sha256_differs_from_its_manifest_is_refused(cli, small_gold):
    directory = small_gold()
    article = directory / "documents" / "ferry.txt"
    article.write_text(SMALL_TEXTS["ferry"][0].replace("rose", "fell"), encoding="utf-8")
    result = cli("validate", "--gold", directory)
    assert result.exit_code == 2
    assert result.stdout.startswith(f"{directory / 'documents' / 'manifest.jsonl'}:2: sha256: {article} has sha256 ")
    assert result.stdout.endswith("(the article changed)\n") and result.stdout.count("\n") == 1
    assert cli("eval", "-e", "regex", "--gold", directory).stderr.startswith(f"error: {directory / 'documents' / 'manifest.jsonl'}:2: sha256: ")


def test_duplicate_document_ids_are_refused(cli, small_gold):
    directory = small_gold()
    manifest = directory / "documents" / "manifest.jsonl"
    first, second = manifest.read_text().splitlines()
    manifest.write_text(first + "\n" + second.replace('"ferry"', '"rail"', 1) + "\n")
    only_error_line(cli("stats", "--gold", directory), f"{manifest}:2: id: duplicate document id 'rail' (first at line 1)")


def test_a_doc_id_with_no_document_is_refused(cli, small_gold):
    facts = small_fact_records()
    facts[7]["doc_id"] = "bus"
    directory = small_gold(facts)
    only_error_line(cli("score", "--gold", directory, directory / "facts.jsonl"),
                    f"{directory / 'facts.jsonl'}:8: doc_id: unknown document 'bus'")


def test_a_manifest_file_outside_the_documents_folder_is_refused(cli, small_gold):
    directory = small_gold()
    manifest = directory / "documents" / "manifest.jsonl"
    manifest.write_text(manifest.read_text().replace('"rail.txt"', '"../VERSION"'))
    only_error_line(cli("stats", "--gold", directory),
                    f"{manifest}:1: file: '../VERSION' must name a file inside {directory / 'documents'}")


def test_unknown_files_in_a_set_are_ignored(cli, small_gold):
    directory = small_gold()
    (directory / "README.md").write_text("notes")
    (directory / "cases.jsonl").write_text("not even JSON")
    (directory / "documents" / "draft.txt").write_text("unlisted")
    assert cli("validate", "--gold", directory).exit_code == 0


# --- --gold DIR on every command uses the set's documents, facts and aliases --------------------------------


def test_stats_validate_and_export_use_the_set(cli, small_gold, tmp_path):
    directory = small_gold()
    stats = json.loads(cli("stats", "--gold", directory, "-f", "json").stdout)
    assert [row["doc_id"] for row in stats["documents"]] == ["rail", "ferry", "total"]
    assert stats["documents"][-1]["date"] == [5, 5] and stats["version"] == "0.1.0"
    assert cli("validate", "--gold", directory).stderr == "ok: gold 0.1.0\n"
    assert cli("export", "--hf", tmp_path / "hf", "--gold", directory).exit_code == 0
    card = (tmp_path / "hf" / "README.md").read_text()
    assert "2 articles, kept byte-for-byte" in card and "Kaspersky" not in card


def test_predict_eval_and_score_use_the_set(cli, small_gold, years, tmp_path):
    directory = small_gold()
    predictions = tmp_path / "p.jsonl"
    assert cli("predict", "-e", years, "-o", predictions, "--gold", directory).exit_code == 0
    start = SMALL_TEXTS["rail"][0].index("2024")
    assert [json.loads(line) for line in predictions.read_text().splitlines()] == [
        {"doc_id": "rail", "type": "date", "text": "2024", "start": start, "end": start + 4, "value": "2024"}]
    expected = {"date": (1, 0, 4), "headcount": (0, 0, 1), "user_count": (0, 0, 1), "agency": (0, 0, 2), "official": (0, 0, 2)}
    for args in (["eval", "-e", years], ["score", predictions]):
        result = json.loads(cli(*args, "--gold", directory, "--no-ci", "-f", "json").stdout)
        rows = {row["label"]: (row["tp"], row["fp"], row["fn"]) for row in result["rows"]}
        assert {t: rows[t] for t in expected} == expected
        assert result["gold_hash"] == load_gold(directory).hash


def test_check_and_report_use_the_set(cli, small_gold, years, tmp_path):
    directory = small_gold()
    baseline = tmp_path / "scores.json"
    assert cli("check", "--baseline", baseline, "--update", "-e", years, "--gold", directory).exit_code == 0
    assert json.loads(baseline.read_text())["gold_hash"] == load_gold(directory).hash
    assert cli("check", "--baseline", baseline, "--gold", directory).exit_code == 0
    assert cli("report", "--html", tmp_path / "r.html", "--gold", directory).exit_code == 0
    page = (tmp_path / "r.html").read_text()
    assert "Office of Rail Standards" in page and "Kaspersky" not in page
