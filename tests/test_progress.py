"""Progress is drawn on stderr when it is a terminal (count, rate, time), and never on a pipe."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

from bench.cli.progress import counted, stages

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm", "COLUMNS": "120"}


def _bench_on_a_terminal(*args: str, cwd: Path) -> tuple[int, str]:
    """Run ``bench ARGS`` with stderr on a pseudo-terminal; returns the exit code and all it drew there."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "bench", *args], cwd=cwd, env=ENV, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    drawn = bytearray()
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        drawn += chunk
    os.close(master)
    return proc.wait(timeout=120), drawn.decode("utf-8", "replace")


def _bench_on_a_pipe(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bench", *args], cwd=cwd, env=ENV, capture_output=True, text=True,
                          timeout=120)


def test_predict_counts_documents_on_a_terminal_only(tmp_path):
    code, drawn = _bench_on_a_terminal("predict", "-e", "regex", "-o", "a.jsonl", cwd=tmp_path)
    assert code == 0
    assert "regex" in drawn and "5/5 documents" in drawn and "documents/s" in drawn  # the bundled five articles
    lines = (tmp_path / "a.jsonl").read_text().count("\n")
    piped = _bench_on_a_pipe("predict", "-e", "regex", "-o", "b.jsonl", cwd=tmp_path)
    assert (piped.returncode, piped.stderr) == (0, f"wrote {lines} predictions to b.jsonl\n")


def test_an_unknown_total_is_a_count_not_a_bar(tmp_path):
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps({"id": f"d{i}", "text": f"Signed in {2000 + i}."}) + "\n" for i in range(3)))
    code, drawn = _bench_on_a_terminal("predict", "-e", "regex", "--docs", str(docs), "-o", "p.jsonl", cwd=tmp_path)
    assert code == 0 and "3 documents" in drawn and "━" not in drawn


def test_nothing_is_drawn_when_stderr_is_not_a_terminal(capsys):
    assert list(counted(iter("abc"), "letters", 3, "letters")) == ["a", "b", "c"]
    with stages(2) as step:
        step("one")
        step("two")
    assert capsys.readouterr() == ("", "")
