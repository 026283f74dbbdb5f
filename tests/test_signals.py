"""SIGTERM during a long call into C ends ``bench eval`` within 2 s in every mode, with the exit status documented.

A process cannot run Python while a C call holds the interpreter: at ``-j 1``
without ``--timeout`` (the extractor in bench's own process) the watchdog
process kills bench, and ``--help`` and docs/scale.md say so (exit status 137
in a shell, nothing written). With a worker process (``--timeout``, ``-j 2``)
bench itself exits 128 + 15. Every process a test starts carries a marker in
its environment, which its children inherit: that is how the test finds what
is left behind, and its teardown kills it.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from marked_processes import left_behind, marker  # noqa: F401  (marker: a fixture)

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="finds processes through /proc"),
              pytest.mark.xdist_group("wall-clock")]  # tests timing wall-clock limits run one at a time

C_CALL = textwrap.dedent(
    '''
    import os

    def extract(doc):
        open(f"started-{os.getpid()}", "w").close()
        sum(range(10**11))  # one call into C, minutes long: no Python instruction runs until it returns
        return []
    '''
)
KILLED = 128 + signal.SIGKILL  # 137: what a shell reports for a process killed by SIGKILL








@pytest.mark.parametrize(("options", "status"), [
    ([], -signal.SIGKILL),  # in bench's process: killed by the watchdog, 137 in a shell, as --help says
    (["--timeout", "30"], 128 + signal.SIGTERM),
    (["-j", "2"], 128 + signal.SIGTERM),
    (["-j", "2", "--timeout", "30"], 128 + signal.SIGTERM),
], ids=["j1", "j1-timeout", "j2", "j2-timeout"])
def test_sigterm_in_a_c_call_ends_eval_within_2_s_writing_nothing(tmp_path, marker, options, status):
    (tmp_path / "ccall.py").write_text(C_CALL)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BENCH_TEST_MARK": marker}
    proc = subprocess.Popen([sys.executable, "-m", "bench", "eval", "-e", "ccall.py:extract", "--no-ci",
                             "-o", "results.json", *options], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while not list(tmp_path.glob("started-*")) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.2)  # well inside the call
        sent = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=10)
        took = time.monotonic() - sent
    finally:
        proc.kill()
    assert (proc.returncode, out, err.splitlines()[-1]) == (status, "", "interrupted: nothing was written"), err
    assert took < 2.5  # 2 s promised; a little for a loaded machine
    assert left_behind(marker) == []
    written = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(("started-", "__pycache__")))
    assert written == ["ccall.py"]  # no results file, no temporary file


def test_help_says_what_a_signal_does_without_a_worker():
    done = subprocess.run([sys.executable, "-m", "bench", "eval", "--help"], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"}, timeout=60, check=True)
    said = " ".join(done.stdout.split())
    assert re.search(rf"a signal during a long call into C kills bench \(exit status {KILLED}\), writing nothing", said)
