"""Hostile input to every loader: only clean one-line errors, never a traceback or a hang."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from bench.cli.main import app
from bench.data.resources import gold_dir, seeds_dir
from bench.data.results import read_results
from bench.errors import BenchError

FUZZ = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
PROBLEM_LINE = re.compile(r"^\S.*:\d+: [\w.]+: .+$|^\S.*: [\w.]+: .+$")
DOC = "001_1ffe1e35e2256c17"

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False), st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
)
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=12)
nasty_tokens = st.sampled_from(["NaN", "Infinity", "\\ud800", "\x00", "\ufeff", "\r", "9" * 5000, "[" * 3000, "\"", "{"])
fact_like = st.fixed_dictionaries(
    {"doc_id": st.sampled_from([DOC, "nope", "", 3]), "type": st.sampled_from(["date", "agency", "official", "headcount", "x", None])},
    optional={
        "value": json_values | st.sampled_from(["2024-07-15", "2024-02-30", "U.S. Department of Commerce"]) | st.fixed_dictionaries(
            {"count": st.integers(-5, 10**20), "qualifier": st.sampled_from(["eq", "lt", "zz"]), "unit": st.text(max_size=5)}),
        "start": st.integers(-10, 10**12), "end": st.integers(-10, 10**12), "text": st.text(max_size=8), "id": json_values,
    },
)


def lines_of(records: list, nasty: list[str]) -> bytes:
    out = [json.dumps(r) if not isinstance(r, bytes) else r.decode("latin-1") for r in records]
    for i, token in enumerate(nasty):
        if out:
            j = i % len(out)
            out[j] = out[j][: len(out[j]) // 2] + token + out[j][len(out[j]) // 2 :]
    return "\n".join(out).encode("utf-8", "surrogatepass")


def assert_clean(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 2)
    assert "Traceback" not in result.output
    for line in result.stdout.splitlines():
        assert PROBLEM_LINE.match(line), line
    if result.exit_code == 2 and not result.stdout:
        assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("error: ")


runner = CliRunner()


@FUZZ
@given(records=st.lists(fact_like | json_values, max_size=6), nasty=st.lists(nasty_tokens, max_size=2),
       raw=st.binary(max_size=40), prefix=st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff"]))
def test_predictions_validation_never_crashes(tmp_path_factory, records, nasty, raw, prefix):
    path = tmp_path_factory.mktemp("p") / "preds.jsonl"
    path.write_bytes(prefix + lines_of(records, nasty) + b"\n" + raw)
    assert_clean(runner.invoke(app, ["validate", "--predictions", str(path)]))


@FUZZ
@given(records=st.lists(st.fixed_dictionaries({"id": json_values | st.text(max_size=4), "text": json_values | st.text()},
                                                optional={"published": st.sampled_from(["2024-01-01", "2024-13-01", "2024-02-30", None, 5])}),
                        max_size=5),
       nasty=st.lists(nasty_tokens, max_size=2))
def test_documents_validation_never_crashes(tmp_path_factory, records, nasty):
    path = tmp_path_factory.mktemp("d") / "docs.jsonl"
    path.write_bytes(lines_of(records, nasty))
    assert_clean(runner.invoke(app, ["validate", "--documents", str(path)]))


def _run_outcome(path, workers: int):
    """What a run over a documents file gives: its runs, or the one-line error that stopped it."""
    from bench.data.documents import DocumentFile
    from bench.extraction.registry import load_extractor
    from bench.extraction.runner import RunOptions, run_for_gold

    try:
        return list(run_for_gold(load_extractor("regex"), DocumentFile(path), [], [], RunOptions(workers, chunksize=2), "regex", {}))
    except BenchError as error:
        return str(error)


good_documents = st.lists(st.fixed_dictionaries(
    {"id": st.sampled_from("abcdefghij"), "text": st.sampled_from(["On 3 May 2024 the agency said.", "", "Nothing."])},
    optional={"published": st.sampled_from(["2024-01-01", None])}), min_size=1, max_size=8)  # ids repeat now and then
bad_lines = st.fixed_dictionaries({"id": json_values, "text": json_values}).map(json.dumps) | st.sampled_from(
    ['{"id": "x", "text": ', '{"id": "x"}', '{"id": "x", "text": "t", "published": "2024-02-30"}', "[1]",
     '{"id": "x", "text": "\\ud800"}', '{"id": "x", "text": NaN}'])


@settings(FUZZ, max_examples=40)  # a process pool per example
@given(records=good_documents, spoilt=st.lists(st.tuples(st.integers(0, 7), bad_lines), max_size=2))
def test_a_hostile_documents_file_ends_a_run_alike_in_workers_and_in_process(tmp_path_factory, records, spoilt):
    lines = [json.dumps(record) for record in records]
    for position, bad in spoilt:
        lines[position % len(lines)] = bad
    path = tmp_path_factory.mktemp("d") / "docs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    in_process = _run_outcome(path, workers=1)
    assert _run_outcome(path, workers=2) == in_process
    if isinstance(in_process, str):
        assert in_process.startswith(f"{path}:") and "\n" not in in_process


@pytest.fixture(scope="module")
def gold_copy(tmp_path_factory):
    """A self-contained copy of the shipped gold, made once: an example rewrites only its facts.jsonl, and
    bench validate only reads the folder (a copy per example took most of this file's time)."""
    copy = tmp_path_factory.mktemp("g") / "gold"
    shutil.copytree(gold_dir(), copy)
    shutil.copytree(seeds_dir(), copy / "documents")
    return copy


@FUZZ
@given(records=st.lists(fact_like.map(lambda r: {"id": "g", **r}), min_size=1, max_size=4), nasty=st.lists(nasty_tokens, max_size=1))
def test_gold_loading_never_crashes(gold_copy, records, nasty):
    (gold_copy / "facts.jsonl").write_bytes(lines_of(records, nasty))
    assert_clean(runner.invoke(app, ["validate", "--gold", str(gold_copy)]))


@FUZZ
@given(value=json_values, nasty=st.lists(nasty_tokens, max_size=1))
def test_results_loading_raises_only_bench_errors(tmp_path_factory, value, nasty):
    path = tmp_path_factory.mktemp("r") / "results.json"
    path.write_bytes(lines_of([value], nasty))
    try:
        read_results(path)
    except BenchError as error:
        assert "\n" not in str(error) and str(path) in str(error)


def test_empty_file_and_ten_megabyte_line(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    assert runner.invoke(app, ["validate", "--predictions", str(empty)]).exit_code == 0
    huge = tmp_path / "huge.jsonl"
    huge.write_text(json.dumps({"doc_id": DOC, "type": "agency", "value": "x" * 10_000_000, "text": "y" * 100}) + "\n")
    result = runner.invoke(app, ["validate", "--predictions", str(huge)])
    assert result.exit_code == 0 and result.stdout == ""
    huge.write_text(json.dumps({"doc_id": DOC, "type": "date", "value": "x" * 10_000_000}) + "\n")
    result = runner.invoke(app, ["validate", "--predictions", str(huge)])
    assert result.exit_code == 2 and len(result.stdout) < 300


manifest_like = st.fixed_dictionaries(
    {"id": st.sampled_from(["rail", "ferry", "", 3]), "file": st.sampled_from(["rail.txt", "ferry.txt", "../VERSION", "/etc/passwd", "", "gone.txt", None])},
    optional={"sha256": st.sampled_from(["0" * 64, "zz", None]), "published": st.sampled_from(["2024-01-01", "2024-02-30", None, 5]),
              "title": json_values, "published_basis": st.sampled_from(["dateline", "x"])},
)


@FUZZ
@given(records=st.lists(manifest_like | json_values, max_size=4), nasty=st.lists(nasty_tokens, max_size=1),
       article=st.binary(max_size=30))
def test_gold_set_documents_never_crash_the_loader(tmp_path_factory, records, nasty, article):
    from conftest import write_small_gold

    directory = write_small_gold(tmp_path_factory.mktemp("s") / "set")
    (directory / "documents" / "ferry.txt").write_bytes(article)
    (directory / "documents" / "manifest.jsonl").write_bytes(lines_of(records, nasty))
    for command in (["validate", "--gold"], ["stats", "--gold"], ["gold", "show", "-o", str(directory.parent / "r.html")]):
        assert_clean(runner.invoke(app, [*command, str(directory)]))
