"""Gold sets are checked as strictly as predictions: each bug of the hostile pass (issue 28), named by its id.

Every refused set is refused alike by ``bench validate`` (one line, exit 2) and by loading: what validate
passes, loading accepts. Cases that would hang or fill memory on a regression run as processes with a
time-out and a memory cap.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SMALL_ALIASES, SMALL_TEXTS, write_small_gold
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.data.gold import load_gold, read_aliases
from bench.data.resources import gold_dir
from bench.data.schema import schema_problems
from bench.data.shapes import aliases_ok
from bench.errors import BenchError

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def small(tmp_path) -> Path:
    return write_small_gold(tmp_path / "set")


def refused(cli, directory: Path, expected: str) -> None:
    """``bench validate`` prints exactly ``expected`` (exit 2), and loading the set raises it word for word."""
    result = cli("validate", "--gold", directory)
    assert (result.exit_code, result.stdout) == (2, expected + "\n"), result.stdout + result.stderr
    with pytest.raises(BenchError) as raised:
        load_gold(directory)
    assert str(raised.value) == expected


def bench_process(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """``python -m bench ARGS`` from this checkout, in 1 GiB of address space, stopped after ``timeout`` seconds."""
    def cap_memory() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))

    env = {key: value for key, value in os.environ.items() if key != "BENCH_MAX_LINE_BYTES"} | {"PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "bench", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout, preexec_fn=cap_memory)


def write_aliases(directory: Path, raw) -> Path:
    path = directory / "aliases.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


def write_manifest(directory: Path, records: list[dict]) -> Path:
    path = directory / "documents" / "manifest.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def manifest_records(directory: Path) -> list[dict]:
    lines = (directory / "documents" / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


# --- W2: aliases.json is checked for shape and conflicts ------------------------------------------------------


def test_w2_an_alias_list_written_as_a_string_is_refused(cli, small):
    # As a string, "ORS" would make "O", "R" and "S" aliases: a prediction "s" would count as the agency.
    path = write_aliases(small, SMALL_ALIASES | {"agencies": {"Office of Rail Standards": "ORS"}})
    refused(cli, small, f'{path}: agencies.Office of Rail Standards: expected array, got "ORS"')


CONFLICTS = [
    ({"agencies": {"Office of Rail Standards": ["ORS"], "Ferry Board": ["office of rail standards"]}},
     "agencies: alias 'office of rail standards' of 'Ferry Board' folds like the canonical name "
     "'Office of Rail Standards', which it would take over"),
    ({"officials": {"Ada Quill": ["Quill"], "Bo Quill": ["Quill"]}},
     "officials: alias 'Quill' is claimed by both 'Ada Quill' and 'Bo Quill'"),
    ({"officials": {"Ada Quill": ["Quill"], "Bo Quill": ["QUILL."]}},
     "officials: alias 'QUILL.' of 'Bo Quill' folds like 'Quill', an alias of 'Ada Quill'"),
    ({"titles": {"Director": [], "The director.": []}},
     "titles: canonical names 'Director' and 'The director.' fold alike: neither could be told from the other"),
    ({"units": {"employees": ["workers", "--"], "users": ["riders"]}},
     "units: '--' (an alias of 'employees') folds to an empty name"),
]


@pytest.mark.parametrize(("change", "expected"), CONFLICTS, ids=[c[1][:40] for c in CONFLICTS])
def test_w2_a_name_that_folds_like_another_entrys_is_refused(cli, small, change, expected):
    path = write_aliases(small, SMALL_ALIASES | change)
    refused(cli, small, f"{path}: {expected}")


def test_w2_validate_lists_every_conflict_and_loading_raises_the_first(cli, small):
    path = write_aliases(small, SMALL_ALIASES | CONFLICTS[0][0] | CONFLICTS[1][0])
    result = cli("validate", "--gold", small)
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [f"{path}: {CONFLICTS[0][1]}", f"{path}: {CONFLICTS[1][1]}"]
    with pytest.raises(BenchError, match=r"aliases\.json: agencies: alias 'office of rail standards'"):
        read_aliases(path)


def test_w2_the_shipped_alias_tables_pass():
    for path in (gold_dir() / "aliases.json", gold_dir() / "capabilities" / "aliases.json"):
        read_aliases(path)


def mostly(good, *odd):
    """The good value four times in five, else one of the odd ones."""
    return st.sampled_from([good] * 4 * len(odd) + list(odd))


aliases_lists = st.lists(mostly("Quill", "", " ", 3, None), max_size=2)
tables = st.dictionaries(mostly("Ada Quill", ""), mostly(0, 1).flatmap(
    lambda odd: mostly("x", [], None, 5) if odd else aliases_lists), max_size=2)


@settings(max_examples=400, derandomize=True, deadline=None)
@given(raw=st.fixed_dictionaries(
    {kind: tables for kind in ("agencies", "officials", "titles", "units")},
    optional={"_comment": mostly("why", 1), "agency": st.just({})}) | st.sampled_from([[], "x", None, {}]),
    drop=mostly(None, "agencies", "units"))
def test_w2_the_fast_alias_check_agrees_with_the_schema(raw, drop):
    if isinstance(raw, dict):
        raw.pop(drop, None)
    assert aliases_ok(raw) == (schema_problems(raw, "aliases") == [])


# --- H5: bounded reads of regular files only --------------------------------------------------------------------


def test_h5_an_article_that_is_a_fifo_is_refused_at_once(small):
    article = small / "documents" / "rail.txt"
    article.unlink()
    os.mkfifo(article)
    done = bench_process("validate", "--gold", str(small))
    expected = (f"{small / 'documents' / 'manifest.jsonl'}:1: file: {article}: "
                "is a FIFO (named pipe): bench reads regular files only, it would wait forever\n")
    assert (done.returncode, done.stdout) == (2, expected)


@pytest.mark.parametrize("part", ["VERSION", "aliases.json"])
def test_h5_a_part_linked_to_a_device_is_refused_at_once(small, part):
    (small / part).unlink()
    (small / part).symlink_to("/dev/zero")
    done = bench_process("validate", "--gold", str(small))
    assert (done.returncode, done.stdout) == (2, f"{small / part}: file: is a device: bench reads regular files only\n")


def test_h5_an_article_longer_than_the_cap_is_refused(cli, small, monkeypatch):
    article = small / "documents" / "rail.txt"
    data = (SMALL_TEXTS["rail"][0] + " " * 100).encode("utf-8")  # the facts still fit: only spaces are added
    article.write_bytes(data)
    records = manifest_records(small)
    records[0]["sha256"] = hashlib.sha256(data).hexdigest()
    manifest = write_manifest(small, records)
    assert cli("validate", "--gold", small).exit_code == 0
    monkeypatch.setenv("BENCH_MAX_LINE_BYTES", str(len(data) - 1))
    refused(cli, small, f"{manifest}:1: file: {article}: longer than {len(data) - 1} bytes; "
                        "raise the limit with BENCH_MAX_LINE_BYTES=N")


# --- T1: one line, exit 2, where there were tracebacks ----------------------------------------------------------


@pytest.mark.parametrize(("raw", "field", "message"), [
    ({"agencies": []}, "agencies", "expected object, got []"),
    (SMALL_ALIASES | {"titles": {"Director": [3]}}, "titles.Director.0", "expected string, got 3"),
    (SMALL_ALIASES | {"units": {"employees": [""]}}, "units.employees.0", "must not be empty"),
    (SMALL_ALIASES | {"agencies": {"": []}}, "agencies", 'the key "" is not allowed here'),
    ({k: v for k, v in SMALL_ALIASES.items() if k != "units"}, "units", "is required"),
    (SMALL_ALIASES | {"agency": {}}, "record", 'unknown field "agency"'),
    (["agencies"], "record", "expected object, got [\"agencies\"]"),
])
def test_t1_inner_shapes_of_aliases_are_one_line(cli, small, raw, field, message):
    path = write_aliases(small, raw)
    refused(cli, small, f"{path}: {field}: {message}")


def test_t1_a_nul_in_a_manifest_file_name_is_one_line(cli, small):
    records = manifest_records(small)
    records[1]["file"] = "ferry.txt\x00"
    manifest = write_manifest(small, records)
    refused(cli, small, f'{manifest}:2: file: "ferry.txt\\u0000" is not in the expected form '
                        "(expected a file name in documents/, without control characters)")


def test_t1_a_version_that_is_not_utf8_is_one_line(cli, small):
    (small / "VERSION").write_bytes(b"0.1.0-caf\xe9\n")
    refused(cli, small, f"{small / 'VERSION'}: version: not UTF-8 (byte 9)")


def test_t1_gold_init_onto_a_symlink_to_an_empty_folder_is_one_line(cli, write_jsonl, tmp_path):
    docs = write_jsonl("docs.jsonl", [{"id": "a", "text": "On 3 May 2024."}])
    (tmp_path / "empty").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "empty")
    result = cli("gold", "init", tmp_path / "link", "--docs", docs)
    assert (result.exit_code, result.stderr) == (
        2, f"error: {tmp_path / 'link'}: DIR: is a symbolic link; give the path of the new folder itself\n")
    assert (tmp_path / "link").is_symlink() and list((tmp_path / "empty").iterdir()) == []


def test_t1_gold_init_under_a_regular_file_is_one_line(cli, write_jsonl, tmp_path):
    docs = write_jsonl("docs.jsonl", [{"id": "a", "text": "On 3 May 2024."}])
    (tmp_path / "plain").write_text("a file")
    result = cli("gold", "init", tmp_path / "plain" / "new", "--docs", docs)
    assert (result.exit_code, result.stderr) == (
        2, f"error: {tmp_path / 'plain' / 'new'}: DIR: cannot be made: {tmp_path / 'plain'} is a file, not a folder\n")


needs_utf8_names = pytest.mark.skipif(sys.getfilesystemencoding().lower() != "utf-8",
                                      reason="needs a UTF-8 file system encoding, which holds byte 0xff of a name as \\udcff")
NOT_UTF8 = os.fsdecode(b"n\xff")  # a name whose byte 0xff is no UTF-8: Python holds it as the lone surrogate \udcff


@needs_utf8_names
def test_t1_a_gold_set_whose_name_is_not_utf8_is_shown(cli, tmp_path):
    directory = write_small_gold(tmp_path / NOT_UTF8)
    page = tmp_path / "review.html"
    result = cli("gold", "show", directory, "-o", page)
    assert result.exit_code == 0, result.stderr
    assert "Ada Quill" in page.read_bytes().decode("utf-8")  # UTF-8 throughout, however the page shows the odd byte


@needs_utf8_names
def test_t1_a_results_file_whose_name_is_not_utf8_is_reported_and_ranked(cli, small, tmp_path):
    results = tmp_path / "results"
    assert cli("eval", "-e", "regex", "--gold", small, "--no-ci", "-o", results / f"{NOT_UTF8}.json").exit_code == 0
    report = cli("report", "--html", tmp_path / "report.html", "--gold", small, results / f"{NOT_UTF8}.json")
    assert report.exit_code == 0, report.stderr
    board = cli("leaderboard", results, "--gold", small, "-o", tmp_path / "board.md")
    assert board.exit_code == 0, board.stderr
    for written in ("report.html", "board.md"):
        (tmp_path / written).read_bytes().decode("utf-8")  # UTF-8 throughout, however they show the odd byte


# --- T2: validate refuses what gold init refuses ----------------------------------------------------------------


def test_t2_a_set_with_no_documents_is_refused(cli, small):
    manifest = write_manifest(small, [])
    (small / "facts.jsonl").write_text("", encoding="utf-8")
    refused(cli, small, f"{manifest}: file: lists no documents: a gold set needs at least one")


def test_t2_an_empty_version_is_refused(cli, small):
    (small / "VERSION").write_text("", encoding="utf-8")
    refused(cli, small, f"{small / 'VERSION'}: version: empty: expected one line holding a version such as 0.1.0")


# --- T3: VERSION is one line of SemVer ------------------------------------------------------------------------


@pytest.mark.parametrize(("content", "message"), [
    ("0.1.0\nlicense: other\n", "2 lines: expected one line holding a version such as 0.1.0"),
    ("0.1\n", "'0.1' is not a SemVer version (MAJOR.MINOR.PATCH, such as 0.1.0 or 1.0.0-rc.1)"),
    ("01.0.0\n", "'01.0.0' is not a SemVer version (MAJOR.MINOR.PATCH, such as 0.1.0 or 1.0.0-rc.1)"),
    ("0.1.0 \n", "'0.1.0 ' is not a SemVer version (MAJOR.MINOR.PATCH, such as 0.1.0 or 1.0.0-rc.1)"),
    ("\u0661.0.0\n", "'\u0661.0.0' is not a SemVer version (MAJOR.MINOR.PATCH, such as 0.1.0 or 1.0.0-rc.1)"),
    ("0.1.0\n\n", "'0.1.0\\n' is not a SemVer version (MAJOR.MINOR.PATCH, such as 0.1.0 or 1.0.0-rc.1)"),
])
def test_t3_a_version_that_is_not_one_line_of_semver_is_refused(cli, small, content, message):
    (small / "VERSION").write_text(content, encoding="utf-8")
    refused(cli, small, f"{small / 'VERSION'}: version: {message}")


@pytest.mark.parametrize(("content", "version"), [("1.0.0-rc.1+build.5\n", "1.0.0-rc.1+build.5"), ("0.1.0\r\n", "0.1.0"),
                                                   ("2.10.0", "2.10.0")])
def test_t3_a_semver_version_is_read(small, content, version):
    (small / "VERSION").write_bytes(content.encode())
    assert load_gold(small).version == version


# --- M3: gold init's folder mode; symbolic links out of a set ---------------------------------------------------


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o755), (0o027, 0o750)])
def test_m3_gold_init_makes_its_folder_as_the_umask_allows(cli, write_jsonl, tmp_path, umask, mode):
    docs = write_jsonl("docs.jsonl", [{"id": "a", "text": "On 3 May 2024."}])
    before = os.umask(umask)
    try:
        assert cli("gold", "init", tmp_path / "mine", "--docs", docs).exit_code == 0
    finally:
        os.umask(before)
    assert (tmp_path / "mine").stat().st_mode & 0o777 == mode


def test_m3_an_article_linked_out_of_the_set_is_refused_without_showing_it(cli, small, tmp_path):
    secret = tmp_path / "elsewhere.txt"
    secret.write_text("SECRET: nothing of the set's business, " * 3, encoding="utf-8")
    article = small / "documents" / "rail.txt"
    article.unlink()
    article.symlink_to(secret)
    records = manifest_records(small)
    records[0]["sha256"] = hashlib.sha256(secret.read_bytes()).hexdigest()  # even with the target's hash
    manifest = write_manifest(small, records)
    refused(cli, small, f"{manifest}:1: file: 'rail.txt' is a symbolic link that leads out of {small / 'documents'}; "
                        "a gold set's articles must be inside it")
    assert "SECRET" not in cli("stats", "--gold", small).stderr


def test_m3_a_link_that_stays_inside_the_set_is_read(small):
    documents = small / "documents"
    (documents / "texts").mkdir()
    (documents / "rail.txt").rename(documents / "texts" / "rail.txt")
    (documents / "rail.txt").symlink_to(Path("texts") / "rail.txt")
    assert load_gold(small).documents[0].text == SMALL_TEXTS["rail"][0]
