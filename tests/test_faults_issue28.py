"""Sub-cases of issue 28 that had no test of their own, as real processes with the documented promise as expected.

Each runs ``python -m bench`` from this checkout (tests/test_faults.py's ``bench``) on files written for the
test. docs/faults.md lists every sub-case of the issue with the test that holds it.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
from pathlib import Path

import pytest
from conftest import write_small_gold
from test_faults import bench

from bench.data.resources import gold_dir


def test_h5_an_article_linked_to_dev_zero_is_one_line_never_read(tmp_path):
    gold = write_small_gold(tmp_path / "gold")
    article = gold / "documents" / "rail.txt"
    article.unlink()
    article.symlink_to("/dev/zero")
    line = (f"{gold / 'documents' / 'manifest.jsonl'}:1: file: 'rail.txt' is a symbolic link that leads out of "
            f"{gold / 'documents'}; a gold set's articles must be inside it\n")
    validated = bench("validate", "--gold", gold, cwd=tmp_path, timeout=60)
    assert (validated.returncode, validated.stdout, validated.stderr) == (2, line, "")
    evaluated = bench("eval", "-e", "regex", "--gold", gold, "--no-ci", cwd=tmp_path, timeout=60)
    assert (evaluated.returncode, evaluated.stdout, evaluated.stderr) == (2, "", f"error: {line}")


@pytest.fixture()
def suite_copy(tmp_path):
    """A copy of the shipped capability suite, to break."""
    directory = tmp_path / "suite"
    shutil.copytree(gold_dir() / "capabilities", directory)
    return directory


def _edit_first_case(suite: Path, **changes) -> None:
    cases = (suite / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    cases[0] = json.dumps({**json.loads(cases[0]), **changes})
    (suite / "cases.jsonl").write_text("\n".join(cases) + "\n", encoding="utf-8")


def _suite_refusals(suite: Path, tmp_path: Path) -> list[tuple[int, str]]:
    """What validate --suite (problems on stdout) and eval --suite (one error line) say first of the suite."""
    said = []
    for args in (["validate", "--suite", suite], ["eval", "-e", "regex", "--suite", suite, "--no-ci"]):
        done = bench(*args, cwd=tmp_path, timeout=120)
        assert "Traceback" not in done.stderr
        said.append((done.returncode, (done.stdout + done.stderr).splitlines()[0]))
    return said


def test_t1_a_case_id_that_is_an_object_is_one_line(suite_copy, tmp_path):
    first = json.loads((suite_copy / "cases.jsonl").read_text(encoding="utf-8").splitlines()[0])["doc_id"]
    _edit_first_case(suite_copy, doc_id={"id": first})
    line = f'{suite_copy / "cases.jsonl"}:1: doc_id: expected string, got {{"id": "{first}"}}'
    assert _suite_refusals(suite_copy, tmp_path) == [(2, line), (2, f"error: {line}")]


def test_t2_a_capability_kind_outside_the_four_is_refused_by_validate(suite_copy, tmp_path):
    catalogue = json.loads((suite_copy / "capabilities.json").read_text(encoding="utf-8"))
    catalogue["capabilities"][0]["kind"] = "XYZ"
    (suite_copy / "capabilities.json").write_text(json.dumps(catalogue), encoding="utf-8")
    line = f'{suite_copy / "capabilities.json"}: capabilities.0.kind: "XYZ" is not one of MFT, INV, DIR, negative'
    assert _suite_refusals(suite_copy, tmp_path) == [(2, line), (2, f"error: {line}")]


@pytest.fixture()
def results_file(tmp_path):
    done = bench("eval", "-e", "regex", "--no-ci", "-o", "good.json", cwd=tmp_path, timeout=60)
    assert done.returncode == 0, done.stderr
    return tmp_path / "good.json"


@pytest.mark.parametrize(("edit", "line"), [
    (lambda error: error.update(kind="vanished"),
     'errors.0.kind: "vanished" is not one of missed, spurious, wrong_value, wrong_boundary, wrong_type'),
    (lambda error: error.pop("doc_id"), "errors.0.doc_id: is required"),
    (lambda error: error.pop("gold_value"),  # a KeyError traceback before
     "errors[0].gold_value: the file says nothing, its predictions give null on articles (gold {version})"),
], ids=["unknown kind", "missing doc_id", "missing gold_value"])
def test_t1_report_on_odd_error_items_is_one_line(tmp_path, results_file, edit, line):
    from bench.data.gold import load_gold

    raw = json.loads(results_file.read_text(encoding="utf-8"))
    assert raw["errors"][0]["kind"] == "spurious"  # its gold value is null
    edit(raw["errors"][0])
    odd = tmp_path / "odd.json"
    odd.write_text(json.dumps(raw), encoding="utf-8")
    done = bench("report", "--html", "report.html", odd, cwd=tmp_path, timeout=60)
    expected = f"error: {odd}: {line.format(version=load_gold().version)}\n"
    assert (done.returncode, done.stdout, done.stderr) == (2, "", expected)
    assert not (tmp_path / "report.html").exists()


def _file_size_limit(limit: int):
    def apply():
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_m3_a_failed_suite_build_leaves_no_folder_it_made(tmp_path):
    done = bench("suite", "build", "--seed", "3", "-o", "sub/deeper/suite", cwd=tmp_path, timeout=120,
                 preexec_fn=_file_size_limit(1000))
    assert (done.returncode, done.stderr) == (2, "error: sub/deeper/suite: --output: cannot write the suite: "
                                                 "File too large\n")
    assert list(tmp_path.iterdir()) == []


def test_m3_force_through_a_link_replaces_the_suite_it_names_and_leaves_nothing_beside(tmp_path):
    assert bench("suite", "build", "--seed", "3", "-o", "real", cwd=tmp_path, timeout=120).returncode == 0
    (tmp_path / "link").symlink_to("real")
    done = bench("suite", "build", "--seed", "4", "-o", "link", "--force", cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert sorted(os.listdir(tmp_path)) == ["link", "real"] and (tmp_path / "link").is_symlink()
    assert json.loads((tmp_path / "real" / "capabilities.json").read_text(encoding="utf-8"))["seed"] == 4


def test_every_test_docs_faults_names_exists():
    """docs/faults.md maps each sub-case of issue 28 to tests: each named test is defined where it says."""
    import ast
    import re

    root = Path(__file__).resolve().parents[1]
    named = set(re.findall(r"`(tests/\w+\.py)::(\w+)", (root / "docs" / "faults.md").read_text(encoding="utf-8")))
    defined = {(path, node.name) for path in {path for path, _ in named}
               for node in ast.walk(ast.parse((root / path).read_text(encoding="utf-8")))
               if isinstance(node, ast.FunctionDef)}
    assert len(named) > 60 and named <= defined, sorted(named - defined)


LATE_PRINT = '''
import threading, time

def _later():
    time.sleep(0.5)
    print("printed by a thread after extract returned", flush=True)

def extract(doc):
    threading.Thread(target=_later).start()
    return []
'''


@pytest.mark.parametrize("options", [["--timeout", "30"], ["-j", "2"]])
def test_h3_a_thread_printing_after_extract_returned_leaves_the_json_whole(tmp_path, options):
    """The thread prints half a second after its document's extract returned, when bench may be printing results."""
    (tmp_path / "late.py").write_text(LATE_PRINT, encoding="utf-8")
    done = bench("eval", "-e", "late.py:extract", "--no-ci", "-f", "json", *options, cwd=tmp_path, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["rows"]  # one JSON document, nothing after it
