"""Start-up: whole ``bench`` processes against ``python3 -c pass``, alternated round by round.

Each round runs the bare interpreter, then ``bench --help``, ``bench eval
--extractor regex`` (five articles, with intervals) and ``bench score`` of a
50-line predictions file, each a fresh process; figures are the median of
per-round ratios to the bare interpreter, with min and max. Commands run with
Python's bytecode caches written and read, as on a user's machine, even where
``PYTHONDONTWRITEBYTECODE`` is set (each command would otherwise compile bench's
sources again, about 60 ms); the predictions file's run warms them.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from corpus import head
from method import ROOT, Ratio, Verdict, console_script

TARGETS = {"bench --help": 8.0, "bench eval --extractor regex": 15.0, "bench score (50 lines)": 12.0}


_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def _wall(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, env=_ENV)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.decode()[-300:]}")
    return time.perf_counter() - started


def predictions_file(folder: Path, lines: int = 50) -> Path:
    """The first ``lines`` predictions of the regex baseline on the bundled articles."""
    every = folder / "regex-predictions.jsonl"
    _wall([console_script(), "predict", "-e", "regex", "-o", str(every)])
    return head(every, folder / f"predictions-{lines}.jsonl", lines)


def section(rounds: int, folder: Path) -> list[Verdict]:
    bench, predictions = console_script(), predictions_file(folder)
    commands = {
        "python3 -c pass": ["python3", "-c", "pass"],
        "bench --help": [bench, "--help"],
        "bench eval --extractor regex": [bench, "eval", "--extractor", "regex"],
        "bench score (50 lines)": [bench, "score", str(predictions)],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            times[name].append(_wall(command))
    floor = times["python3 -c pass"]
    print(f"\n5. start-up: whole processes, {rounds} alternating rounds; median of per-round ratios to python3 -c pass "
          f"[min-max] (python3 -c pass: median {sorted(floor)[len(floor) // 2] * 1000:.0f} ms)")
    verdicts = []
    for name, target in TARGETS.items():
        ratio = Ratio.of(times[name], floor)
        seconds = sorted(times[name])[len(times[name]) // 2]
        print(f"  {name:30s} {seconds * 1000:6.0f} ms  {ratio}")
        verdicts.append(Verdict(name, f"{ratio}, {seconds:.2f} s", f"<= {target:g}x", ratio.median <= target))
    return verdicts
