"""Loading and validating a capability suite: as strict as the gold, plus its cases."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bench.data.suite.load import load_suite, suite_problems
from bench.data.suite.writer import write_suite
from bench.errors import InputError


@pytest.fixture(scope="module")
def small_suite(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("suites") / "small"
    write_suite(directory, 21, per_capability=2)
    return directory


@pytest.fixture()
def suite_copy(small_suite, tmp_path) -> Path:
    target = tmp_path / "copy"
    shutil.copytree(small_suite, target)
    return target


def _rewrite_line(path: Path, line: int, change) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[line - 1])
    change(record)
    lines[line - 1] = json.dumps(record, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_the_shipped_suite_validates(cli):
    result = cli("validate", "--suite", "capabilities")
    assert result.exit_code == 0 and result.stderr == "ok: suite 2.0.0\n" and result.stdout == ""


def test_a_small_suite_loads_with_its_own_hash(small_suite):
    suite = load_suite(small_suite)
    assert len(suite.cases) == 78 and suite.hash.startswith("sha256:") and suite.hash != load_suite("capabilities").hash
    assert suite.identity() == {"name": "capabilities", "version": "2.0.0", "hash": suite.hash}


def test_the_source_gold_holds_the_source_cases_only(small_suite):
    """Per-type scores count each fact once: the 10 INV and DIR variants (2 cases of 5 capabilities) are left out."""
    suite = load_suite(small_suite)
    sources = {case.doc_id for case in suite.cases if case.derived_from is None}
    assert len(sources) == 68 and {doc.id for doc in suite.source_gold.documents} == sources
    assert {fact.doc_id for fact in suite.source_gold.facts} <= sources
    assert len(suite.source_gold.facts) == sum(fact.doc_id in sources for fact in suite.gold.facts)
    assert suite.source_gold.hash == suite.hash


def _first_document(suite_copy: Path) -> Path:
    record = json.loads((suite_copy / "documents" / "manifest.jsonl").read_text(encoding="utf-8").splitlines()[0])
    return suite_copy / "documents" / record["file"]


def test_a_changed_document_is_refused(cli, suite_copy):
    document = _first_document(suite_copy)
    document.write_text(document.read_text(encoding="utf-8") + " ", encoding="utf-8")
    result = cli("validate", "--suite", suite_copy)
    assert result.exit_code == 2
    manifest = suite_copy / "documents" / "manifest.jsonl"
    assert result.stdout.startswith(f"{manifest}:1: sha256: {document} has sha256 ")


def test_a_fact_off_its_text_is_refused(cli, suite_copy):
    facts = suite_copy / "facts.jsonl"
    _rewrite_line(facts, 1, lambda record: record.update(start=record["start"] + 1, end=record["end"] + 1))
    result = cli("validate", "--suite", suite_copy)
    assert result.exit_code == 2 and result.stdout.startswith(f"{facts}:1: text: ")


@pytest.mark.parametrize(("change", "field", "message"), [
    (lambda r: r.update(kind="DIR"), "derived_from", "INV and DIR cases, and only they, name the case they were derived from"),
    (lambda r: r.update(kind="odd"), "kind", '"odd" is not one of MFT, INV, DIR, negative'),
    (lambda r: r.update(capability="nope"), "capability", "unknown capability 'nope'"),
    (lambda r: r.update(fact_types=["money"]), "fact_types.0", '"money" is not one of date, headcount, user_count, agency, official'),
    (lambda r: r.update(fact_types=["official"]), "fact_types", "expected a non-empty list of the capability's fact types"),
    (lambda r: r.update(frame=""), "frame", "must not be empty"),
    (lambda r: r.update(kind="negative"), "kind",
     "a negative case has no gold facts of its judged types, and only a negative case"),
    (lambda r: r.pop("kind"), "kind", "is required"),
])
def test_a_bad_case_is_named_by_line_and_field(suite_copy, change, field, message):
    cases = suite_copy / "cases.jsonl"
    _rewrite_line(cases, 1, change)  # the first date.absolute case: an MFT case with a date
    problems, suite = suite_problems(suite_copy)
    assert suite is None and str(problems[0]) == f"{cases}:1: {field}: {message}"


def test_a_variant_must_name_a_source_case(suite_copy):
    cases = suite_copy / "cases.jsonl"
    lines = cases.read_text(encoding="utf-8").splitlines()
    variant = next(n for n, line in enumerate(lines, 1) if json.loads(line)["derived_from"])
    _rewrite_line(cases, variant, lambda r: r.update(derived_from="0123456789abcdef"))
    problems, _ = suite_problems(suite_copy)
    assert str(problems[0]) == f"{cases}:{variant}: derived_from: '0123456789abcdef' is no source case"


def test_a_document_without_a_case_is_refused(suite_copy):
    cases = suite_copy / "cases.jsonl"
    lines = cases.read_text(encoding="utf-8").splitlines()
    last = json.loads(lines[-1])["doc_id"]  # the last case: a dir.number variant, no other derives from it
    cases.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"cases\.jsonl: doc_id: document '{last}' has no case$"):
        load_suite(suite_copy)


def test_a_missing_suite_is_one_line(cli, tmp_path):
    result = cli("eval", "-e", "regex", "--suite", tmp_path / "none")
    assert result.exit_code == 2
    assert result.stderr == (f"error: {tmp_path / 'none'}: --suite: no such suite: give 'capabilities' or a directory "
                             "built by 'bench suite build'\n")


def test_gold_and_suite_together_are_refused(cli, tmp_path):
    result = cli("stats", "--gold", tmp_path, "--suite", "capabilities")
    assert result.exit_code == 2 and result.stderr == "error: --suite: give --gold or --suite, not both\n"


def test_stats_per_capability(cli, small_suite):
    result = cli("stats", "--suite", small_suite)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["capability", "cases", "frames", "skeletons", "date", "headcount", "user_count",
                                "agency", "official"]
    assert lines[2].split()[:2] == ["date.absolute", "2"] and lines[-3].split()[:2] == ["total", "78"]
    as_json = json.loads(cli("stats", "--suite", small_suite, "--format", "json").stdout)
    total = as_json["capabilities"][-1]
    assert as_json["name"] == "capabilities" and total["cases"] == 78 and total["skeletons"] >= 78
    assert total["frames"] == len({case.frame for case in load_suite(small_suite).cases})


def test_cases_and_capabilities_are_checked_by_their_schemas_in_one_line(tmp_path, cli):
    """Issue 28 T1: a list as a case's doc_id, or a capability without its kind, is one line and exit 2, no traceback."""
    import json
    import shutil

    from bench.data.resources import gold_dir

    listed, kindless = tmp_path / "listed", tmp_path / "kindless"
    for directory in (listed, kindless):
        shutil.copytree(gold_dir() / "capabilities", directory)
    cases = (listed / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(cases[0])
    cases[0] = json.dumps({**first, "doc_id": [first["doc_id"]]})
    (listed / "cases.jsonl").write_text("\n".join(cases) + "\n", encoding="utf-8")
    catalogue = json.loads((kindless / "capabilities.json").read_text(encoding="utf-8"))
    del catalogue["capabilities"][0]["kind"]
    (kindless / "capabilities.json").write_text(json.dumps(catalogue), encoding="utf-8")
    for directory, line in ((listed, f"{listed / 'cases.jsonl'}:1: doc_id: expected string"),
                            (kindless, f"{kindless / 'capabilities.json'}: capabilities.0.kind: is required")):
        for args in (("validate", "--suite", str(directory)), ("eval", "-e", "regex", "--suite", str(directory))):
            result = cli(*args)
            assert result.exit_code == 2, (args, result.stderr)
            printed = result.stdout + result.stderr  # validate lists problems on stdout, other commands fail on stderr
            assert line in printed and "Traceback" not in printed
