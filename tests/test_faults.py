"""Fault cases as real processes: whatever an extractor does, a run never reports success it did not have.

Every test runs ``python -m bench`` with this checkout first on ``PYTHONPATH``, so the
code under test is the working tree's, whatever is installed. The extractors are
written for the test.
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

from bench.data.documents import load_seeds

pytestmark = pytest.mark.xdist_group("wall-clock")  # tests timing wall-clock limits run one at a time

ROOT = Path(__file__).resolve().parents[1]
SEED_IDS = [doc.id for doc in load_seeds()]
VICTIM = SEED_IDS[1]  # the one document the faulty extractor fails on

FAULTY = textwrap.dedent(
    '''
    import os, sys, time

    def faulty(doc):
        """Fails on the document named by $FAULT_DOC in the way $FAULT says; returns nothing otherwise."""
        if doc.id == os.environ.get("FAULT_DOC"):
            fault = os.environ["FAULT"]
            if fault == "sys.exit(0)":
                sys.exit(0)
            if fault == "sys.exit(1)":
                sys.exit(1)
            if fault == "os._exit(0)":
                os._exit(0)
            if fault == "GeneratorExit":
                raise GeneratorExit
            if fault == "KeyboardInterrupt":
                raise KeyboardInterrupt
            if fault == "SIGSEGV":
                os.kill(os.getpid(), 11)
            if fault == "SIGKILL":
                os.kill(os.getpid(), 9)
            if fault == "swallow":
                while True:
                    try:
                        time.sleep(30)
                    except Exception:
                        pass
            if fault == "unavailable":
                from bench import ExtractorUnavailable
                raise ExtractorUnavailable("the service is down")
            if fault == "print":
                print("noise on stdout")
                os.write(1, b"more noise\\n")
        return []
    '''
)
ESCAPES = ["sys.exit(0)", "sys.exit(1)", "os._exit(0)", "GeneratorExit", "KeyboardInterrupt"]


def checkout_env(extra: dict | None = None) -> dict:
    """The environment for ``python -m bench`` to import this checkout's code."""
    return {**os.environ, "PYTHONPATH": str(ROOT), **(extra or {})}


def bench(*args, cwd: Path, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    """``python -m bench ARGS`` from this checkout."""
    return subprocess.run([sys.executable, "-m", "bench", *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          env=checkout_env(env), timeout=kwargs.pop("timeout", 120), **kwargs)


@pytest.fixture()
def faulty(tmp_path: Path) -> str:
    (tmp_path / "faulty.py").write_text(FAULTY)
    return "faulty.py:faulty"


def fault_env(fault: str) -> dict:
    return {"FAULT": fault, "FAULT_DOC": VICTIM}


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("fault", ESCAPES)
def test_an_extractor_that_exits_fails_its_document_in_eval(tmp_path, faulty, fault, workers):
    done = bench("eval", "-e", faulty, "--no-ci", "-f", "json", "-j", workers, cwd=tmp_path, env=fault_env(fault))
    assert done.returncode == 3, done.stderr
    failed = {doc["doc_id"]: doc["failure"] for doc in json.loads(done.stdout)["documents"] if doc["failure"]}
    assert list(failed) == [VICTIM] and failed[VICTIM].startswith("the extractor ")
    missed = json.loads(done.stdout)["documents"][1]["counts"]
    assert missed and all(cell["tp"] == 0 and cell["fn"] > 0 for cell in missed.values())


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("fault", ESCAPES)
def test_an_extractor_that_exits_fails_its_document_in_predict(tmp_path, faulty, fault, workers):
    done = bench("predict", "-e", faulty, "-o", "out.jsonl", "-j", workers, cwd=tmp_path, env=fault_env(fault))
    assert done.returncode == 3, done.stderr
    assert done.stderr.splitlines()[0].startswith(f"failed: {VICTIM}: the extractor")
    assert (tmp_path / "out.jsonl").exists()


@pytest.fixture()
def baseline(tmp_path: Path, faulty: str) -> Path:
    """A baseline recorded while the extractor was well."""
    recorded = bench("check", "-b", "scores.json", "--update", "-e", faulty, cwd=tmp_path)
    assert recorded.returncode == 0, recorded.stderr
    return tmp_path / "scores.json"


@pytest.mark.parametrize("fault", ESCAPES)
def test_the_gate_fails_when_the_extractor_exits(tmp_path, faulty, baseline, fault):
    done = bench("check", "-b", baseline, cwd=tmp_path, env=fault_env(fault))
    assert done.returncode == 1, done.stderr
    assert f"failed: {faulty}: {VICTIM}: the extractor" in done.stderr
    assert done.stderr.splitlines()[-1] == f"check failed: {faulty} failed on 1 document"


def test_check_update_refuses_to_record_a_run_with_failed_documents(tmp_path, faulty, baseline):
    before = baseline.read_bytes()
    done = bench("check", "-b", baseline, "--update", "-e", faulty, cwd=tmp_path, env=fault_env("sys.exit(0)"))
    assert done.returncode == 3, done.stderr
    assert done.stderr.splitlines()[-1] == f"not recorded: {faulty} failed on 1 document"
    assert baseline.read_bytes() == before


@pytest.mark.parametrize("docs", [[], ["--docs", "docs.jsonl"]], ids=["gold", "documents file"])  # documents or lines sent
@pytest.mark.parametrize("fault", ["SIGSEGV", "SIGKILL", "os._exit(0)"])  # SIGKILL: what the OOM killer sends
def test_a_dead_worker_fails_only_its_document(tmp_path, faulty, fault, docs):
    (tmp_path / "docs.jsonl").write_text("".join(json.dumps(doc.to_dict()) + "\n" for doc in load_seeds()))
    done = bench("predict", "-e", faulty, "-o", "out.jsonl", "-j", "2", *docs, cwd=tmp_path, env=fault_env(fault))
    assert done.returncode == 3, done.stderr
    failures = [line for line in done.stderr.splitlines() if line.startswith("failed: ")]
    assert len(failures) == 1 and failures[0].startswith(f"failed: {VICTIM}: ")
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("workers", ["1", "2"])
def test_the_timeout_holds_against_an_extractor_that_catches_exception(tmp_path, faulty, workers):
    done = bench("predict", "-e", faulty, "-o", "out.jsonl", "--timeout", "0.3", "-j", workers,
                 cwd=tmp_path, env=fault_env("swallow"), timeout=60)
    assert done.returncode == 3, done.stderr
    assert done.stderr.splitlines()[0] == f"failed: {VICTIM}: timed out after 0.3 s"


def test_extractor_output_on_stdout_goes_to_stderr(tmp_path, faulty):
    for workers in ("1", "2"):
        done = bench("eval", "-e", faulty, "--no-ci", "-f", "json", "-j", workers, cwd=tmp_path, env=fault_env("print"))
        assert done.returncode == 0, done.stderr
        json.loads(done.stdout)  # nothing else on stdout
        assert "noise on stdout" in done.stderr and "more noise" in done.stderr


HANGING = textwrap.dedent(
    '''
    import os, signal, socket, threading, time

    def _signal_this_thread():
        time.sleep(0.3)  # the main thread is waiting in join() by then
        signal.pthread_kill(threading.get_ident(), int(os.environ["SIGNUM"]))
        time.sleep(600)

    def hang(doc):
        """Writes its pid to started-PID, then hangs the way $HANG says."""
        open(f"started-{os.getpid()}", "w").close()
        how = os.environ["HANG"]
        if how == "busy":
            while True:
                pass
        if how == "sleep":
            time.sleep(600)
        if how == "stalled-read":
            server = socket.create_server(("127.0.0.1", 0))
            client = socket.create_connection(server.getsockname())
            client.recv(1)  # nobody ever answers
        if how == "swallow":
            while True:
                try:
                    time.sleep(600)
                except BaseException:
                    pass
        if how == "signal-in-a-thread":  # the signal lands on a helper thread, as the kernel may choose
            helper = threading.Thread(target=_signal_this_thread, daemon=True)
            helper.start()
            helper.join()
        return []
    '''
)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in state  # a zombie has ended; only its exit status is left to collect


def _interrupt(tmp_path: Path, args: list[str], env: dict, signum: int) -> tuple[int, str, float]:
    """Start ``bench ARGS``, wait until the extractor is running, send ``signum``; returns (exit code, stderr, seconds)."""
    proc = subprocess.Popen([sys.executable, "-m", "bench", *args], cwd=tmp_path, env=checkout_env(env),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob("started-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)
    sent = time.monotonic()
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=30)
    return proc.returncode, err, time.monotonic() - sent


@pytest.mark.parametrize(("how", "workers", "signum"), [
    ("busy", "1", signal.SIGINT), ("busy", "2", signal.SIGTERM),
    ("sleep", "1", signal.SIGTERM), ("sleep", "2", signal.SIGHUP),
    ("stalled-read", "1", signal.SIGHUP), ("stalled-read", "2", signal.SIGINT),
    ("swallow", "1", signal.SIGTERM), ("swallow", "2", signal.SIGINT),
])
def test_a_signal_ends_a_hung_run_cleanly(tmp_path, how, workers, signum):
    (tmp_path / "hang.py").write_text(HANGING)
    code, err, seconds = _interrupt(tmp_path, ["predict", "-e", "hang.py:hang", "-o", "out.jsonl", "-j", workers],
                                    {"HANG": how}, signum)
    assert code == 128 + signum, err
    assert err.splitlines()[-1] == "interrupted: nothing was written"
    assert seconds < 5  # 1.5 s at most by design; the margin is for a loaded machine
    pids = [int(path.name.split("-")[1]) for path in tmp_path.glob("started-*")]
    assert pids and not any(map(_alive, pids))  # no worker left behind
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(("started-", "__pycache__"))) == ["hang.py"]


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_a_signal_caught_by_another_thread_ends_a_run_whose_main_thread_waits(tmp_path, signum):
    # Python runs handlers in the main thread only; blocked in join(), it would wait there for ever
    (tmp_path / "hang.py").write_text(HANGING)
    proc = subprocess.Popen([sys.executable, "-m", "bench", "predict", "-e", "hang.py:hang", "-o", "out.jsonl"],
                            cwd=tmp_path, env=checkout_env({"HANG": "signal-in-a-thread", "SIGNUM": str(int(signum))}),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 128 + signum, err
    assert err.splitlines()[-1] == "interrupted: nothing was written"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(("started-", "__pycache__"))) == ["hang.py"]


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_ends_an_llm_run_stalled_on_its_server(tmp_path, signum):
    import socket

    with socket.create_server(("127.0.0.1", 0)) as server:  # accepts connections (backlog), never answers
        url = f"http://127.0.0.1:{server.getsockname()[1]}/v1"
        proc = subprocess.Popen([sys.executable, "-m", "bench", "predict", "-e", "llm", "-o", "out.jsonl",
                                 "--param", f"base_url={url}", "--param", "model=m", "--param", "use_cache=false"],
                                cwd=tmp_path, env=checkout_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        server.settimeout(60)
        held, _ = server.accept()  # the request is out: bench is waiting on the answer
        sent = time.monotonic()
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=30)
        held.close()
    assert proc.returncode == 128 + signum, err
    assert time.monotonic() - sent < 5
    assert err.splitlines()[-1] == "interrupted: nothing was written"
    assert list(tmp_path.iterdir()) == []


def test_the_llm_timeout_holds_in_its_own_threads(tmp_path):
    import socket

    with socket.create_server(("127.0.0.1", 0)) as server:
        url = f"http://127.0.0.1:{server.getsockname()[1]}/v1"
        done = bench("predict", "-e", "llm", "-o", "out.jsonl", "--timeout", "0.5", "--param", f"base_url={url}",
                     "--param", "model=m", "--param", "use_cache=false", "--param", "workers=2", cwd=tmp_path, timeout=60)
    assert done.returncode == 3, done.stderr
    failures = [line for line in done.stderr.splitlines() if line.startswith("failed: ")]
    assert failures == [f"failed: {doc}: timed out after 0.5 s" for doc in SEED_IDS]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_extractor_that_cannot_work_stops_the_run_with_its_one_line(tmp_path, faulty, workers):
    done = bench("predict", "-e", faulty, "-o", "out.jsonl", "-j", workers, cwd=tmp_path, env=fault_env("unavailable"))
    assert (done.returncode, done.stderr) == (2, "error: the service is down\n")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "__pycache__") == ["faulty.py"]


def _closed_port() -> int:
    import socket

    with socket.socket() as sock:  # bound, never listening, then closed: a connection to it is refused
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("command", ["eval", "predict", "check"])
def test_an_unreachable_llm_endpoint_stops_the_run_at_once(tmp_path, command):
    url = f"http://127.0.0.1:{_closed_port()}/v1"
    extra = {"eval": ["--no-ci"], "predict": ["-o", "out.jsonl"], "check": ["--baseline", "gate.json", "--update"]}[command]
    started = time.monotonic()
    done = bench(command, "-e", "llm", "--param", f"base_url={url}", "--param", "model=m", "--param", "use_cache=false",
                 "--param", "backoff=2", *extra, cwd=tmp_path, timeout=60)
    assert done.returncode == 2, done.stderr
    assert done.stderr == f"error: cannot reach the LLM endpoint {url}: Connection refused " \
                          "(is the server running? check --param base_url or $BENCH_LLM_BASE_URL)\n"
    assert time.monotonic() - started < 4  # no retry was waited for (backoff 2 s), no document was tried
    assert done.stdout == "" and list(tmp_path.iterdir()) == []


def _edit_baseline(path: Path, text_edit=None, **changes) -> None:
    raw = json.loads(path.read_text())
    for key, value in changes.items():
        raw[key] = value
    text = json.dumps(raw, indent=2)
    path.write_text(text_edit(text) if text_edit else text)


@pytest.mark.parametrize(("edit", "expected"), [
    (dict(text_edit=lambda text: text.replace('"format": 1,', '"format": 1, "tolerance": 0.5,')),
     "invalid JSON: duplicate key 'tolerance'"),
    (dict(text_edit=lambda text: text.replace('"tolerance": 0.0', '"tolerance": 1e999')),
     "tolerance: expected a number from 0 to 1, got inf"),
    (dict(tolerance=2), "tolerance: expected a number from 0 to 1, got 2"),
    (dict(extractors={"faulty.py:faulty": {"version": "0", "params": {}, "scores": {}}}),
     "extractors.faulty.py:faulty.scores: expected the micro scores at least"),
    (dict(extractors={"faulty.py:faulty": {"version": "0", "params": {}, "scores": None}}),
     "extractors.faulty.py:faulty: expected an object with 'scores'"),
])
def test_a_malformed_baseline_is_refused(tmp_path, faulty, baseline, edit, expected):
    _edit_baseline(baseline, **edit)
    done = bench("check", "-b", baseline, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == f"error: {baseline}: {expected}\n"


def test_a_baseline_entry_for_another_extractor_is_refused(tmp_path, faulty, baseline):
    raw = json.loads(baseline.read_text())
    raw["extractors"][faulty]["extractor"] = "regex"
    baseline.write_text(json.dumps(raw))
    done = bench("check", "-b", baseline, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith(f"error: extractors: {faulty!r} now runs as 'regex'")


@pytest.mark.parametrize("tolerance", ["inf", "nan", "1.5"])
def test_a_tolerance_out_of_range_is_refused(tmp_path, faulty, baseline, tolerance):
    done = bench("check", "-b", baseline, "--tolerance", tolerance, cwd=tmp_path)
    assert done.returncode == 2 and len(done.stderr.splitlines()) >= 1 and "Traceback" not in done.stderr


def _limit_memory(limit: int = 2**30):
    def apply():
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return apply


@pytest.mark.parametrize("args", [["score", "/dev/zero"], ["predict", "-e", "regex", "--docs", "/dev/zero", "-o", "p.jsonl"],
                                  ["validate", "--predictions", "/dev/zero"]])
def test_endless_input_is_refused_within_bounded_memory(tmp_path, args):
    done = bench(*args, cwd=tmp_path, preexec_fn=_limit_memory())  # 1 GiB of address space, interpreter included
    assert done.returncode == 2, done.stderr
    said = done.stdout + done.stderr  # validate lists problems on stdout
    assert said.endswith(f"longer than {64 * 2**20} bytes without a line break; raise the limit with "
                         "BENCH_MAX_LINE_BYTES=N\n") and len(said.splitlines()) == 1


def test_the_line_cap_can_be_raised(tmp_path):
    line = json.dumps({"id": "d", "text": "x" * 500_000}) + "\n"  # the cap also holds whole JSON files (gold aliases)
    (tmp_path / "docs.jsonl").write_text(line)
    small = bench("predict", "-e", "regex", "--docs", "docs.jsonl", "-o", "p.jsonl", cwd=tmp_path,
                  env={"BENCH_MAX_LINE_BYTES": "400000"})
    assert small.returncode == 2 and "docs.jsonl:1: longer than 400000 bytes" in small.stderr
    raised = bench("predict", "-e", "regex", "--docs", "docs.jsonl", "-o", "p.jsonl", cwd=tmp_path,
                   env={"BENCH_MAX_LINE_BYTES": str(len(line))})
    assert raised.returncode == 0, raised.stderr


def test_a_fifo_says_it_waits_then_reads_as_a_stream(tmp_path):
    import select

    fifo = tmp_path / "preds.fifo"
    os.mkfifo(fifo)
    proc = subprocess.Popen([sys.executable, "-m", "bench", "score", str(fifo), "--no-ci"], cwd=tmp_path,
                            env=checkout_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ready, _, _ = select.select([proc.stderr], [], [], 60)
    assert ready and proc.stderr.readline() == f"{fifo}: a FIFO; waiting for something to write to it\n"
    with open(fifo, "w") as writer:
        writer.write(json.dumps({"doc_id": SEED_IDS[0], "type": "date", "value": "2024"}) + "\n")
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0 and "micro" in out


def test_a_count_beyond_the_schema_bound_is_refused(tmp_path):
    (tmp_path / "p.jsonl").write_text(
        '{"doc_id": "%s", "type": "headcount", "value": {"count": 1%s, "qualifier": "eq", "unit": "employees"}}\n'
        % (SEED_IDS[0], "0" * 309))
    for args in (["validate", "--predictions", "p.jsonl"], ["score", "p.jsonl", "--no-ci"]):
        done = bench(*args, cwd=tmp_path)
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
        assert "p.jsonl:1: value.count:" in done.stdout + done.stderr


@pytest.fixture()
def results_file(tmp_path: Path) -> Path:
    done = bench("eval", "-e", "regex", "--no-ci", "-o", "good.json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return tmp_path / "good.json"


@pytest.mark.parametrize(("where", "value"), [("rows.0.tp", 10**400), ("documents.0.counts.date.tp", "x"),
                                              ("rows.0.ci.f1", [0.5, 7])])
def test_a_malformed_results_file_is_one_line_for_every_reader(tmp_path, results_file, where, value):
    raw = json.loads(results_file.read_text())
    *path, last = where.split(".")
    target = raw
    for key in path:
        target = target[int(key)] if key.isdigit() else target.setdefault(key, {})
    target[last] = value
    (tmp_path / "board").mkdir()
    bad = tmp_path / "board" / "bad.json"
    bad.write_text(json.dumps(raw))
    for args in (["show", bad, "--documents"], ["report", "--html", "r.html", bad], ["compare", bad, results_file],
                 ["leaderboard", bad.parent]):
        done = bench(*args, cwd=tmp_path)
        assert done.returncode == 2, (args, done.stderr)
        assert done.stderr.startswith(f"error: {bad}: {where}") and len(done.stderr.splitlines()) == 1


def test_output_into_a_folder_or_under_a_file_is_one_line_before_any_extraction(tmp_path):
    (tmp_path / "hang.py").write_text(HANGING)
    (tmp_path / "folder").mkdir()
    (tmp_path / "plain").write_text("")
    for target, message in (("folder", "cannot write: it is a folder"), ("plain/p.jsonl", "cannot write: Not a directory")):
        done = bench("predict", "-e", "hang.py:hang", "-o", target, cwd=tmp_path, env={"HANG": "sleep"})
        assert (done.returncode, done.stderr) == (2, f"error: {target}: {message}\n")
    assert not list(tmp_path.glob("started-*"))  # refused before extracting anything


def test_a_full_disk_is_one_line(tmp_path):
    done = bench("eval", "-e", "regex", "--no-ci", "-o", "/dev/full", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (2, "error: /dev/full: cannot write: No space left on device\n")


def _file_size_limit(limit: int):
    def apply():
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_a_write_failing_midway_leaves_no_file_and_no_new_folder(tmp_path):
    done = bench("predict", "-e", "regex", "-o", "new/deeper/p.jsonl", cwd=tmp_path, preexec_fn=_file_size_limit(100))
    assert (done.returncode, done.stderr) == (2, "error: new/deeper/p.jsonl: cannot write: File too large\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    exported = bench("export", "--hf", "out/hf", cwd=tmp_path, preexec_fn=_file_size_limit(100))
    assert (exported.returncode, exported.stderr) == (2, "error: out/hf/data/test.parquet: cannot write: File too large\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_folder_another_writer_makes_meanwhile_is_used_and_kept(tmp_path, monkeypatch):
    """Two llm worker threads caching under one new fan-out folder: both writes land."""
    from bench.data.jsonl import write_text_atomic

    real_mkdir = Path.mkdir

    def raced(self, *args, **kwargs):
        if self.name == "ab":
            os.mkdir(self)  # the other writer gets there between our look and our mkdir
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", raced)
    write_text_atomic(tmp_path / "cache" / "ab" / "one.json", "1")
    monkeypatch.setattr(Path, "mkdir", real_mkdir)
    write_text_atomic(tmp_path / "cache" / "ab" / "two.json", "2")
    assert sorted(p.name for p in (tmp_path / "cache" / "ab").iterdir()) == ["one.json", "two.json"]


def test_output_files_follow_the_umask_and_keep_their_mode(tmp_path):
    def umask_022():
        os.umask(0o022)

    bench("eval", "-e", "regex", "--no-ci", "-o", "new.json", cwd=tmp_path, preexec_fn=umask_022)
    assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o644
    (tmp_path / "new.json").chmod(0o640)
    bench("eval", "-e", "regex", "--no-ci", "-o", "new.json", cwd=tmp_path, preexec_fn=umask_022)
    assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o640


def test_output_onto_a_symlink_replaces_the_file_it_names(tmp_path):
    (tmp_path / "real.json").write_text("old")
    (tmp_path / "link.json").symlink_to("real.json")
    done = bench("eval", "-e", "regex", "--no-ci", "-o", "link.json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "link.json").is_symlink() and json.loads((tmp_path / "real.json").read_text())["extractor"]


@pytest.mark.parametrize("name", ["./data/news.jsonl", "data/news.parquet", "corpora/2024/news", "~/no-such-corpus"])
def test_a_misspelled_local_dataset_is_refused_at_once(tmp_path, name):
    done = bench("predict", "-e", "regex", "--dataset", name, "-o", "p.jsonl", cwd=tmp_path,
                 env={"HF_HUB_OFFLINE": "0"})
    assert (done.returncode, done.stderr) == (2, f"error: {name}: --dataset: no such file or folder\n")


def test_a_results_file_given_to_score_says_to_use_show(tmp_path, results_file):
    done = bench("score", results_file, cwd=tmp_path)
    assert (done.returncode, done.stderr) == (
        2, f"error: {results_file}: a results file, not predictions: to print it, run bench show {results_file}\n")


def test_a_date_in_another_form_says_which_form_is_expected(tmp_path):
    (tmp_path / "p.jsonl").write_text(json.dumps({"doc_id": SEED_IDS[0], "type": "date", "value": "May 2024"}) + "\n")
    done = bench("validate", "--predictions", "p.jsonl", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ("p.jsonl:1: value: \"May 2024\" is not in the expected form (expected ISO 8601 at the "
                           "precision the text gives: YYYY, YYYY-MM, YYYY-MM-DD or a week YYYY-Www)\n")


def test_compare_ends_its_output_with_a_newline_and_names_its_test(tmp_path, results_file):
    done = bench("compare", results_file, results_file, "--resamples", "50", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.endswith(".\n") and not done.stdout.endswith("\n\n")
    help_text = bench("compare", "--help", cwd=tmp_path).stdout
    assert "randomization" in help_text and "bootstrap" not in help_text


def test_a_dataset_published_column_is_read_by_default(tmp_path):
    (tmp_path / "dated.py").write_text("def dated(doc):\n    return [{'doc_id': doc.id, 'type': 'date', "
                                       "'value': doc.published.isoformat()}] if doc.published else []\n")
    (tmp_path / "news.jsonl").write_text(json.dumps({"id": "a", "text": "Nothing.", "published": "2024-07-16"}) + "\n")
    done = bench("predict", "-e", "dated.py:dated", "--dataset", "news.jsonl", "-o", "p.jsonl", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "p.jsonl").read_text())["value"] == "2024-07-16"


def test_scores_that_would_mislead_come_with_a_warning(tmp_path):
    (tmp_path / "empty.jsonl").write_text("")
    empty = bench("score", "empty.jsonl", "--no-ci", cwd=tmp_path)
    assert empty.returncode == 0 and empty.stderr == "warning: empty.jsonl holds no predictions: all gold counts as missed\n"
    (tmp_path / "one.jsonl").write_text(json.dumps({"doc_id": SEED_IDS[0], "type": "date", "value": "2024"}) + "\n")
    partial = bench("score", "one.jsonl", "--no-ci", "--level", "strict", cwd=tmp_path)
    assert partial.returncode == 0 and partial.stderr == (
        f"warning: {len(SEED_IDS) - 1} of {len(SEED_IDS)} documents have no predictions: their gold counts as missed\n"
        "warning: 1 prediction without offsets: not scored at the mention levels\n")
    assert "not scored: 1 prediction(s) without offsets, neither TP nor FP" in partial.stdout
    shown = bench("score", "one.jsonl", "--no-ci", "--level", "strict", "-o", "r.json", cwd=tmp_path)
    assert "not scored: 1 prediction(s) without offsets" in bench("show", "r.json", cwd=tmp_path).stdout, shown.stderr
    assert "not scored" not in bench("score", "one.jsonl", "--no-ci", cwd=tmp_path).stdout  # the fact level needs none


def test_the_signal_relay_goes_with_the_handlers():
    import threading

    from bench.cli import signals

    threads, handlers = threading.active_count(), {signum: signal.getsignal(signum) for signum in signals.SIGNALS}
    with signals.handled():
        assert threading.active_count() == threads + 1
        assert signal.getsignal(signal.SIGTERM) is not handlers[signal.SIGTERM]
    assert threading.active_count() == threads
    assert {signum: signal.getsignal(signum) for signum in signals.SIGNALS} == handlers
    assert signal.set_wakeup_fd(-1) == -1  # no wakeup fd left behind
