"""docs/scale.md's batch function and its Ray Data script run as written and give the lines ``bench predict`` writes."""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

from bench.data.documents import load_seeds

DOC = Path(__file__).resolve().parents[1] / "docs" / "scale.md"


def block(marker: str) -> str:
    """The python block of docs/scale.md that holds ``marker``."""
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    source, = [block for block in blocks if marker in block]
    return source


def batch_function():
    """The block that defines extract_batch, executed as a module would be."""
    source = block("def extract_batch")
    namespace: dict = {"__name__": "extract_batch"}
    exec(compile(source, str(DOC), "exec"), namespace)  # noqa: S102 - our own documentation, run as a user would
    return namespace


def test_the_batch_function_gives_the_lines_bench_predict_writes(cli, tmp_path):
    namespace = batch_function()
    assert namespace["SPEC"] == "rules"
    seeds = load_seeds()
    # As engines hand dates over: a string, an Arrow timestamp, a missing value.
    published = [str(seeds[0].published), pd.Timestamp(seeds[1].published), None, *(str(d.published) for d in seeds[3:])]
    batch = pd.DataFrame({"id": [d.id for d in seeds], "text": [d.text for d in seeds], "published": published})
    rows = namespace["extract_batch"](batch)
    assert list(rows.columns) == ["doc_id", "failure", "facts"] and rows["failure"].isna().all()

    documents = tmp_path / "docs.jsonl"
    records = [{"id": d.id, "text": d.text, "published": None if i == 2 else str(d.published)} for i, d in enumerate(seeds)]
    documents.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    assert cli("predict", "-e", "rules", "--docs", documents, "-o", tmp_path / "p.jsonl").exit_code == 0
    expected = (tmp_path / "p.jsonl").read_text(encoding="utf-8")
    assert "".join(facts + "\n" for facts in rows["facts"] if facts) == expected
    assert expected.count("\n") > 20  # the comparison is about real predictions


def test_the_ray_script_runs_ray_locally_on_two_cpus_and_gives_the_lines_bench_predict_writes(cli, tmp_path):
    (tmp_path / "extract_batch.py").write_text(block("def extract_batch"), encoding="utf-8")
    (tmp_path / "run_on_ray.py").write_text(block("import ray"), encoding="utf-8")
    documents = tmp_path / "corpus.jsonl"
    records = [{"id": d.id, "text": d.text, "published": str(d.published)} for d in load_seeds()]
    documents.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    ray_files = tempfile.mkdtemp(prefix="ray-")  # a short path for Ray's sockets; nothing left in /tmp/ray or ~/.ray
    # Ray's cluster token from here: it would otherwise write one to ~/.ray/auth_token
    env = {**os.environ, "RAY_TMPDIR": ray_files, "RAY_AUTH_TOKEN": secrets.token_hex(32)}
    try:
        done = subprocess.run([sys.executable, "run_on_ray.py", "corpus.jsonl", "ray.jsonl"], cwd=tmp_path,
                              env=env, capture_output=True, text=True, timeout=300)
    finally:
        shutil.rmtree(ray_files, ignore_errors=True)
    assert done.returncode == 0, done.stderr[-2000:]

    assert cli("predict", "-e", "rules", "--docs", documents, "-o", tmp_path / "p.jsonl").exit_code == 0
    expected = (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()
    by_ray = (tmp_path / "ray.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(by_ray) == sorted(expected) and len(expected) > 20  # Ray may hand batches back in another order
