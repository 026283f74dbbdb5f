"""``bench twins build``: writes a twin set atomically, replaces only a twin set, one line and exit 2 otherwise."""

from __future__ import annotations

from twins_sets import fact_records, write_set


def _files(directory):
    return {p.relative_to(directory): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def test_build_writes_a_twin_set_that_validates(cli, tmp_path):
    target = tmp_path / "twin"
    result = cli("twins", "build", "--seed", "3", "-o", target)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"wrote {target}: 5 documents, seed 3, dates moved ")
    assert sorted(str(p) for p in _files(target)) == [
        ".bench-twins", "VERSION", "aliases.json", *(f"documents/{n}.txt" for n in (
            "000_bb2ab41b9a4ff015", "001_1ffe1e35e2256c17", "002_df5a8af1619a8075", "003_be890f1a7484a10d",
            "004_040a006920baa8a4")), "documents/manifest.jsonl", "facts.jsonl"]
    validated = cli("validate", "--gold", target)
    assert validated.exit_code == 0 and "ok: gold 1.0.0+twin.3." in validated.stdout + validated.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["twin"]  # nothing left beside it


def test_an_existing_twin_is_replaced_only_with_force(cli, tmp_path):
    target = tmp_path / "twin"
    assert cli("twins", "build", "--seed", "3", "-o", target).exit_code == 0
    before = _files(target)
    again = cli("twins", "build", "--seed", "4", "-o", target)
    refused = f"error: {target}: --output: exists and is not empty; choose another directory or pass --force\n"
    assert (again.exit_code, again.stderr) == (2, refused)
    assert _files(target) == before
    forced = cli("twins", "build", "--seed", "4", "-o", target, "--force")
    assert forced.exit_code == 0 and _files(target) != before
    assert [p.name for p in tmp_path.iterdir()] == ["twin"]


def test_force_never_replaces_another_directory_or_a_file(cli, tmp_path):
    other = tmp_path / "notes"
    other.mkdir()
    (other / "mine.txt").write_text("keep me", encoding="utf-8")
    result = cli("twins", "build", "--seed", "1", "-o", other, "--force")
    refused = (f"error: {other}: --output: was not written by 'bench twins build' (no .bench-twins); "
               "refusing to replace it\n")
    assert (result.exit_code, result.stderr) == (2, refused)
    assert (other / "mine.txt").read_text(encoding="utf-8") == "keep me"
    a_file = tmp_path / "a.txt"
    a_file.write_text("x", encoding="utf-8")
    result = cli("twins", "build", "--seed", "1", "-o", a_file, "--force")
    refused = f"error: {a_file}: --output: exists and is not a directory\n"
    assert (result.exit_code, result.stderr) == (2, refused)


def test_a_gold_set_by_directory_and_a_failed_build_leaves_the_old_twin(cli, tmp_path):
    source = write_set(tmp_path / "small")
    target = tmp_path / "twin"
    assert cli("twins", "build", "--gold", source, "--seed", "2", "-o", target).exit_code == 0
    before = _files(target)
    records = fact_records()
    records[3]["reviewed"] = False
    draft = write_set(tmp_path / "draft", facts=records)
    result = cli("twins", "build", "--gold", draft, "--seed", "2", "-o", target, "--force")
    assert result.exit_code == 2 and result.stderr.startswith(f"error: {draft / 'facts.jsonl'}:4: reviewed: ")
    assert _files(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft", "small", "twin"]


def test_an_unknown_bundled_name_and_a_negative_seed_are_refused(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    unknown = cli("twins", "build", "--gold", "wikinew", "--seed", "1", "-o", "out")
    assert unknown.exit_code == 2 and unknown.stderr.startswith("error: --gold: no gold set 'wikinew'")
    assert cli("twins", "build", "--seed", "-1", "-o", "out").exit_code == 2
    assert not (tmp_path / "out").exists()
