"""The CLI as a real process (this checkout's code, whatever is installed or on PATH): exit codes, Ctrl-C, no traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.xdist_group("wall-clock")  # tests timing wall-clock limits run one at a time

ROOT = Path(__file__).resolve().parents[1]
BENCH = [sys.executable, "-m", "bench"]
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "PATH": os.defpath}  # no `bench` on PATH is needed

SLOW = '''
import time
def slow(doc):
    open("started", "w").close()
    time.sleep(60)
    return []
'''


def test_unknown_extractor_is_one_line_exit_2(tmp_path):
    done = subprocess.run([*BENCH, "predict", "-e", "rgex", "-o", tmp_path / "p.jsonl"], capture_output=True, text=True, env=ENV)
    assert done.returncode == 2
    assert done.stderr.startswith("error: Unknown extractor 'rgex'. Available: ")
    assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr


def test_ctrl_c_stops_cleanly_and_leaves_no_output(tmp_path):
    (tmp_path / "slow.py").write_text(SLOW)
    proc = subprocess.Popen([*BENCH, "predict", "-e", "slow.py:slow", "-o", "out.jsonl"], cwd=tmp_path, env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not (tmp_path / "started").exists() and time.monotonic() < deadline:  # bench is running the extractor
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert err.strip() == "interrupted: nothing was written"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "__pycache__") == ["slow.py", "started"]
