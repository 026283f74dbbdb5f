"""How the benchmarks measure: floor and subject alternated in rounds, the median of per-round ratios.

A ratio of medians over a few runs drifts with whatever else the machine does
between the floor's runs and the subject's. Here each round times the floor
and then each subject, back to back, and the figure is the median of the
rounds' ratios, with their min and max, so a noisy round shows as a wide
range instead of moving the figure. Work that runs on many small items (an
extractor on documents) takes turns every few items instead
(:func:`alternate_chunks`), which steadies the ratios further.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Ratio:
    """Per-round ratios of a subject's time to its floor's: median, min and max."""

    median: float
    low: float
    high: float
    rounds: int

    @classmethod
    def of(cls, subject: list[float], floor: list[float]) -> "Ratio":
        ratios = [s / f for s, f in zip(subject, floor)]
        return cls(statistics.median(ratios), min(ratios), max(ratios), len(ratios))

    def __str__(self) -> str:
        return f"{self.median:.2f}x [{self.low:.2f}-{self.high:.2f}]"


def alternate(work: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """Time each piece of ``work`` once per round, in order, for ``rounds`` rounds; seconds per round."""
    times: dict[str, list[float]] = {name: [] for name in work}
    for _ in range(rounds):
        for name, job in work.items():
            started = time.perf_counter()
            job()
            times[name].append(time.perf_counter() - started)
    return times


def alternate_chunks(work: dict[str, Callable[[list], object]], items: list, rounds: int,
                     size: int = 64) -> dict[str, list[float]]:
    """:func:`alternate` with the work done on ``items`` a chunk at a time: seconds per round.

    Each round runs every piece of work on the first ``size`` items, then every
    piece on the next ``size``, and so on: floor and subjects take turns every
    few milliseconds, so what else the machine does hits them alike, and a
    round's ratio is far steadier than with each piece running whole in turn.
    """
    times: dict[str, list[float]] = {name: [] for name in work}
    chunks = [items[start:start + size] for start in range(0, len(items), size)]
    for _ in range(rounds):
        spent = dict.fromkeys(work, 0.0)
        for chunk in chunks:
            for name, job in work.items():
                started = time.perf_counter()
                job(chunk)
                spent[name] += time.perf_counter() - started
        for name, seconds in spent.items():
            times[name].append(seconds)
    return times


@dataclass(frozen=True, slots=True)
class Verdict:
    """One line of the closing table: what was measured, the figure, the target and whether it is met."""

    what: str
    figure: str
    target: str
    met: bool | None  # None: no target, or not measured

    def __str__(self) -> str:
        result = "" if self.met is None and not self.target else "PASS" if self.met else "MISS"
        return f"{self.what:46s} {self.figure:>30s}  {self.target:>16s}  {result}"


@dataclass(frozen=True, slots=True)
class Process:
    """What a finished command took: wall seconds, peak RSS in bytes, exit code, stderr."""

    seconds: float
    peak: int
    code: int
    stderr: str


# A child forked from this process would count this process's pages in its peak RSS (ru_maxrss
# spans the exec), so a bare interpreter forks the command and reports the command's own rusage.
LAUNCHER = r"""
import os, sys
pid = os.fork()
if pid == 0:
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(usage.ru_maxrss * 1024, os.waitstatus_to_exitcode(status))
"""


def run_process(command: list[str]) -> Process:
    """Run a command to its end: wall time (a launcher's ~10 ms included), peak RSS, exit code, stderr."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-S", "-c", LAUNCHER, *command], cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    peak, code = map(int, done.stdout.split())
    return Process(seconds, peak, code, done.stderr)


def console_script() -> str:
    """The installed ``bench`` script next to this interpreter (no version-manager shim in between)."""
    beside = Path(sys.executable).with_name("bench")
    found = str(beside) if beside.exists() else shutil.which("bench")
    if found is None:
        raise SystemExit("the bench console script is not installed (pip install -e .)")
    return found


def mib(size: int) -> str:
    return f"{size / 2**20:,.0f} MiB"


def machine() -> str:
    model = "unknown cpu"
    try:
        model = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        model = platform.processor() or model
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{model}, {os.cpu_count()} cores ({usable} usable), {memory:.0f} GiB RAM; "
            f"Python {platform.python_version()} on {platform.platform()}")


def load() -> str:
    """The load averages over 1, 5 and 15 minutes: how busy the machine was while measuring."""
    try:
        return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "load average unknown"
