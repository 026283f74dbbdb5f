"""T1 of issue 28: running out of memory is one line and exit 2, never a MemoryError traceback.

By hand, 10 M predictions of one document scored under a 2 GiB address-space cap
(``bench score``) ended in a MemoryError traceback; here the same at a smaller
scale: 400,000 predictions under 200 MiB, in a child process whose limit is
set before it starts (the machine is left as it was).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import write_small_gold

ROOT = Path(__file__).resolve().parents[1]
CAP = 200 * 2**20  # bytes of address space: bench scores a small file within it, not 400,000 predictions
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS counts address space on Linux")


def _capped() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))


def _score(tmp_path: Path, predictions: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OPENBLAS_NUM_THREADS": "1"}  # its buffers grow with the cores
    return subprocess.run([sys.executable, "-m", "bench", "score", str(predictions), "--gold", str(tmp_path / "gold"),
                           "--no-ci", "-o", "results.json"], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120, preexec_fn=_capped)


def test_scoring_more_than_memory_holds_is_one_line_exit_2(tmp_path):
    write_small_gold(tmp_path / "gold")
    line = json.dumps({"doc_id": "rail", "type": "date", "value": "2023"}) + "\n"
    few, many = tmp_path / "few.jsonl", tmp_path / "many.jsonl"
    few.write_text(line)
    many.write_text(line * 400_000)
    assert _score(tmp_path, few).returncode == 0  # the cap leaves bench room to work
    (tmp_path / "results.json").unlink()
    done = _score(tmp_path, many)
    assert (done.returncode, done.stdout, done.stderr) == (
        2, "", "error: out of memory: bench score needs more memory for this input than this process may use\n")
    assert not (tmp_path / "results.json").exists()
