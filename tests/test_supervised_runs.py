"""Time limits and signals that hold whatever the extractor does, and outputs it cannot move, as real processes.

Each test writes a small extractor into its folder, loads it as ``file.py:Class``
and runs ``python -m bench`` with this checkout first on ``PYTHONPATH``. Every
process a test starts carries a marker in its environment, which its children
inherit: that is how a test finds what is left behind, and its teardown kills it.
"""

from __future__ import annotations

import json
import os
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

DOCS = [{"id": "first", "text": "Filed in 1990."}, {"id": "victim", "text": "Filed in 1991."},
        {"id": "last", "text": "Filed in 1992."}]

MISBEHAVING = textwrap.dedent(
    '''
    import os, re, signal, sys, threading, time

    ELSEWHERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "elsewhere")

    def _late_print():
        time.sleep(0.05)
        print("a thread prints after extract returned")
        sys.stdout.flush()

    class Misbehaving:
        """On the documents $VICTIM names (all if empty), does what $HOW says; finds years everywhere."""

        name, version = "misbehaving", "1"

        def extract(self, doc):
            if os.environ["VICTIM"] in ("", doc.id):
                open(f"started-{os.getpid()}-{doc.id}", "w").close()
                getattr(self, os.environ["HOW"].replace("-", "_"))()
            return [{"doc_id": doc.id, "type": "date", "value": m.group(), "text": m.group(), "start": m.start(),
                     "end": m.end()} for m in re.finditer(r"\\d{4}", doc.text)]

        def c_call(self):
            sum(range(10**11))  # one call into C, minutes long: no Python instruction runs until it returns

        def swallow(self):
            while True:
                try:
                    time.sleep(60)
                except BaseException:
                    pass

        def no_alarm(self):
            signal.signal(signal.SIGALRM, signal.SIG_IGN)
            time.sleep(60)

        def stop(self):
            os.kill(os.getpid(), signal.SIGSTOP)

        def fork(self):
            os.fork()  # both processes return from extract

        def thread(self):
            threading.Thread(target=time.sleep, args=(60,)).start()  # not a daemon

        def late_print(self):
            threading.Thread(target=_late_print).start()
            time.sleep(0.1)  # the worker is still there when the thread prints

        def chdir_umask(self):
            os.chdir(ELSEWHERE)
            os.umask(0o777)
    '''
)


BAD_NAME = textwrap.dedent(
    '''
    class BadName:
        version = "1"

        @property
        def name(self):
            raise RuntimeError("no name today")

        def extract(self, doc):
            return []
    '''
)








def _env(mark: str, how: str, victim: str = "") -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT), "BENCH_TEST_MARK": mark, "HOW": how, "VICTIM": victim}


def _setup(tmp_path: Path) -> None:
    (tmp_path / "misbehaving.py").write_text(MISBEHAVING)
    (tmp_path / "docs.jsonl").write_text("".join(json.dumps(doc) + "\n" for doc in DOCS))
    (tmp_path / "elsewhere").mkdir()


def _bench(tmp_path: Path, env: dict, *args: str, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bench", *args], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=timeout, check=False, **kwargs)


def _started(tmp_path: Path) -> list[Path]:
    return sorted(tmp_path.glob("started-*"))


@pytest.mark.parametrize(("how", "workers"), [(how, workers) for how in ("c-call", "swallow", "no-alarm", "stop")
                                              for workers in ("1", "2")])  # each hung with 1 and 2 workers (issue 28 H1)
def test_a_document_past_the_time_limit_fails_whatever_the_extractor_does(tmp_path, marker, how, workers):
    _setup(tmp_path)
    done = _bench(tmp_path, _env(marker, how, "victim"), "predict", "-e", "misbehaving.py:Misbehaving",
                  "--docs", "docs.jsonl", "-o", "out.jsonl", "--timeout", "1", "-j", workers)
    finished = time.time()
    assert done.returncode == 3, done.stderr
    assert done.stderr.splitlines()[0] == "failed: victim: timed out after 1 s"
    began = (tmp_path / next(p.name for p in _started(tmp_path) if p.name.endswith("-victim"))).stat().st_mtime
    assert finished - began < 4  # killed 1.5 s after the document began, by design; the rest is start-up
    predicted = [json.loads(line)["doc_id"] for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert predicted == ["first", "last"]  # the other documents ran, on the worker that replaced the killed one
    assert left_behind(marker) == []


@pytest.mark.parametrize(("options", "signum", "status"), [
    ([], signal.SIGTERM, -signal.SIGKILL),  # in process: the watchdog process ends it (see bench.extraction.watchdog)
    (["--timeout", "30"], signal.SIGHUP, 128 + signal.SIGHUP),
    (["-j", "2"], signal.SIGTERM, 128 + signal.SIGTERM),
    (["-j", "2", "--timeout", "30"], signal.SIGINT, 128 + signal.SIGINT),
])
def test_a_signal_ends_a_run_held_in_a_c_call_within_2_s_leaving_nothing(tmp_path, marker, options, signum, status):
    _setup(tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "bench", "predict", "-e", "misbehaving.py:Misbehaving",
                             "--docs", "docs.jsonl", "-o", "out.jsonl", *options], cwd=tmp_path,
                            env=_env(marker, "c-call", "victim"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while not _started(tmp_path) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.2)  # well inside the call
        sent = time.monotonic()
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=10)
        took = time.monotonic() - sent
    finally:
        proc.kill()
    assert (proc.returncode, err.splitlines()[-1]) == (status, "interrupted: nothing was written"), err
    assert took < 2.5  # 2 s promised; a little for a loaded machine
    assert left_behind(marker) == []
    written = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(("started-", "__pycache__")))
    assert written == ["docs.jsonl", "elsewhere", "misbehaving.py"]  # no output, no temporary file


@pytest.mark.parametrize("options", [[], ["--timeout", "30"], ["-j", "2"]])
def test_a_fork_inside_extract_gives_one_json_document(tmp_path, marker, options):
    _setup(tmp_path)
    done = _bench(tmp_path, _env(marker, "fork"), "eval", "-e", "misbehaving.py:Misbehaving", "--no-ci", "-f", "json",
                  *options)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["extractor"] == "misbehaving"  # one document: a second would be "extra data"
    assert left_behind(marker) == []


@pytest.mark.parametrize("options", [["--timeout", "30"], ["-j", "2"]])
def test_a_thread_left_running_keeps_neither_the_run_nor_its_output(tmp_path, marker, options):
    _setup(tmp_path)
    done = _bench(tmp_path, _env(marker, "thread"), "eval", "-e", "misbehaving.py:Misbehaving", "--no-ci", "-f", "json",
                  *options, timeout=30)  # the threads sleep 60 s
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["extractor"] == "misbehaving"
    assert left_behind(marker) == []


@pytest.mark.parametrize("options", [["--timeout", "30"], ["-j", "2"]])
def test_a_thread_printing_after_extract_returned_goes_to_stderr(tmp_path, marker, options):
    _setup(tmp_path)
    done = _bench(tmp_path, _env(marker, "late-print"), "eval", "-e", "misbehaving.py:Misbehaving", "--no-ci",
                  "-f", "json", *options)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["extractor"] == "misbehaving"
    assert "a thread prints after extract returned" in done.stderr


@pytest.mark.parametrize("options", [[], ["--timeout", "30"], ["-j", "2"]])
def test_chdir_and_umask_in_extract_change_neither_where_nor_how_output_is_written(tmp_path, marker, options):
    _setup(tmp_path)

    def umask_022():
        os.umask(0o022)

    done = _bench(tmp_path, _env(marker, "chdir-umask"), "eval", "-e", "misbehaving.py:Misbehaving", "--no-ci",
                  "-o", "results.json", *options, preexec_fn=umask_022)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "results.json").stat().st_mode & 0o777 == 0o644
    assert not (tmp_path / "elsewhere" / "results.json").exists()


def test_an_extractor_whose_name_raises_is_one_line_exit_2(tmp_path, marker):
    (tmp_path / "bad_name.py").write_text(BAD_NAME)
    done = _bench(tmp_path, _env(marker, ""), "eval", "-e", "bad_name.py:BadName", "--no-ci")
    assert (done.returncode, done.stderr) == (2, "error: BadName.name raised RuntimeError: no name today\n")
