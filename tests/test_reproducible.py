"""Nothing depends on chance or on the input's wishes.

Two runs of the same extractor give byte-identical results files apart from
the timestamp, even under different hash seeds; two workers write the same
predictions file as one; ``bench score``, ``validate``, ``show`` and ``compare`` treat every
string of their input as data and never run it.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bench.cli.main import app

ROOT = Path(__file__).resolve().parents[1]
BENCH = [sys.executable, "-m", "bench"]  # this checkout's code: no installed copy can hide an edit, no PATH needed
FINDER = '''
import re
from bench.facts import Count, Fact

class Finder:
    """Years, and counts of staff or users."""

    name, version = "finder", "1.2"

    def extract(self, document):
        if "CRASH" in document.text:
            raise RuntimeError("cannot read this one")
        text = document.text
        for m in re.finditer(r"\\b(?:19|20)\\d\\d\\b", text):
            yield Fact(document.id, "date", m.group(), m.group(), *m.span())
        for m in re.finditer(r"\\b(\\d+) (employees|users)\\b", text):
            kind = "headcount" if m[2] == "employees" else "user_count"
            yield Fact(document.id, kind, Count(int(m[1]), "eq", m[2]), m[1], *m.span(1))
'''
TIMESTAMP = re.compile(rb'"timestamp": "[^"]*"')
LEDGER = re.compile(rb',\n  "ledger": \{.*\n  \}(?=\n\}\n$)', re.S)  # the last field: what the run measured (time, memory)


@pytest.fixture()
def finder(tmp_path):
    path = tmp_path / "finder.py"
    path.write_text(FINDER)
    return f"{path}:Finder"


def bench(*args, cwd, hash_seed: int) -> subprocess.CompletedProcess:
    """This checkout's CLI in a fresh process with a chosen string-hash seed."""
    env = {**os.environ, "PYTHONHASHSEED": str(hash_seed), "PYTHONPATH": str(ROOT)}
    return subprocess.run([*BENCH, *map(str, args)], cwd=cwd, env=env, capture_output=True, timeout=300)


@pytest.mark.parametrize("level", ["fact", "partial"])
def test_two_eval_runs_write_the_same_results_file_but_for_the_timestamp(tmp_path, finder, level):
    runs = []
    for hash_seed in (1, 2):
        out = tmp_path / f"run{hash_seed}.json"
        done = bench("eval", "-e", finder, "-o", out, "--format", "json", "--level", level, cwd=tmp_path, hash_seed=hash_seed)
        assert done.returncode == 0, done.stderr
        assert done.stdout == out.read_bytes()
        runs.append(out.read_bytes())
    first, second = (TIMESTAMP.sub(b'"timestamp": ""', LEDGER.sub(b"", run)) for run in runs)
    assert first == second
    results = json.loads(first)
    assert results["predictions"] and results["rows"][0]["ci"] and results["extractor_version"] == "1.2"


def test_two_workers_write_the_same_predictions_as_one(tmp_path, finder):
    lines = [{"id": f"n{i:03d}", "text": f"In {1990 + i % 30} the mill had {i} employees and {3 * i} users."
              + (" CRASH" if i == 77 else ""), "published": "2020-01-01"} for i in range(300)]
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps(line) + "\n" for line in lines))
    outputs = []
    for workers, hash_seed in ((1, 3), (2, 4)):
        out = tmp_path / f"w{workers}.jsonl"
        done = bench("predict", "-e", finder, "--docs", docs, "-o", out, "--workers", workers, cwd=tmp_path, hash_seed=hash_seed)
        assert done.returncode == 3, done.stderr
        assert done.stderr.decode().splitlines()[0] == "failed: n077: RuntimeError: cannot read this one"
        outputs.append((out.read_bytes(), done.stderr.replace(bytes(out), b"OUT")))
    assert outputs[0] == outputs[1]
    assert outputs[0][0].count(b"\n") == 299 * 3


# --- inputs are data, never code ------------------------------------------------------------


class Payload:
    """Unpickling this would create the sentinel file."""

    def __init__(self, sentinel):
        self.sentinel = sentinel

    def __reduce__(self):
        return (os.system, (f"touch {self.sentinel}",))


def payload_strings(sentinel) -> list[str]:
    python = f"__import__('pathlib').Path({str(sentinel)!r}).touch()"
    return [python, f"eval({python!r})", f"$(touch {sentinel})", f"`touch {sentinel}`", f"; touch {sentinel}",
            f"!!python/object/apply:os.system ['touch {sentinel}']", "{{ cycler.__init__.__globals__.os.popen('id') }}",
            "evil.py:Evil", "os:system"]


DOC = "001_1ffe1e35e2256c17"


def hostile_files(tmp_path, sentinel) -> dict[str, Path]:
    """Files whose strings are payloads, as predictions, documents and a raw pickle; and evil.py, live on import."""
    (tmp_path / "evil.py").write_text(f"import pathlib\npathlib.Path({str(sentinel)!r}).touch()\nclass Evil: pass\n")
    strings = payload_strings(sentinel)
    facts = [{"doc_id": s, "type": "agency", "value": s, "text": s, "extractor": s} for s in strings]
    records = {
        "valid.jsonl": [{"doc_id": DOC, "type": "agency", "value": s, "extractor": s} for s in strings],
        "preds.jsonl": facts + [{"doc_id": DOC, "type": "date", "value": s} for s in strings],
        "docs.jsonl": [{"id": s, "text": s} for s in strings],
    }
    paths = {name: tmp_path / name for name in [*records, "pickle.jsonl"]}
    for name, lines in records.items():
        paths[name].write_text("".join(json.dumps(r) + "\n" for r in lines))
    paths["pickle.jsonl"].write_bytes(pickle.dumps(Payload(sentinel)) + b"\n")
    return paths


def test_score_validate_show_and_compare_never_run_their_input(tmp_path, monkeypatch):
    sentinel = tmp_path / "PWNED"
    paths = hostile_files(tmp_path, sentinel)
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))  # so that a bare "evil" would import, if anything tried
    results = tmp_path / "results.json"
    commands = [
        (0, ["score", paths["valid.jsonl"], "--name", "evil.py:Evil", "--version", "os:system", "-o", results, "--no-ci"]),
        (0, ["show", results]), (0, ["compare", results, results, "--resamples", "50"]),
        (0, ["validate", "--predictions", paths["valid.jsonl"]]),
        (2, ["validate", "--predictions", paths["preds.jsonl"], "--documents", paths["docs.jsonl"]]),
        (2, ["validate", "--predictions", paths["pickle.jsonl"]]), (2, ["validate", "--documents", paths["pickle.jsonl"]]),
        (2, ["score", paths["preds.jsonl"]]), (2, ["score", paths["pickle.jsonl"]]),
    ]
    runner = CliRunner()
    for code, command in commands:
        result = runner.invoke(app, [str(part) for part in command])
        assert result.exception is None or isinstance(result.exception, SystemExit), (command, result.exception)
        assert result.exit_code == code, (command, result.output)
        assert "Traceback" not in result.output
    assert runner.invoke(app, ["show", str(results)]).stdout.startswith("evil.py:Evil os:system · gold ")
    assert not sentinel.exists()
    assert not any(name == "evil" or name.startswith("bench_user_evil") for name in sys.modules)


def test_the_sentinel_would_catch_execution(tmp_path):
    """The payloads are live: running them as code does create the sentinel."""
    sentinel = tmp_path / "PWNED"
    hostile_files(tmp_path, sentinel)
    subprocess.run([sys.executable, "-c", payload_strings(sentinel)[0]], check=True)
    assert sentinel.exists()
    sentinel.unlink()
    pickle.loads((tmp_path / "pickle.jsonl").read_bytes())
    assert sentinel.exists()
