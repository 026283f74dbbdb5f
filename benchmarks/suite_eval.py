"""``bench eval --extractor regex --suite capabilities``, end to end, against ``bench --help`` as the floor.

Alternates, round by round, two fresh processes:

- floor: ``python -m bench --help`` (interpreter and CLI start-up);
- subject: ``python -m bench eval --extractor regex --suite capabilities``
  (start-up, loading and checking the 3,800 suite documents and their gold,
  running regex, scoring with exact intervals, per-capability failure rates,
  printing both tables).

Prints each one's median wall-clock and CPU seconds (the CPU time of the
child, which a loaded shared machine inflates less than wall-clock), and the
median of the per-round ratios subject / floor with their range.
Target: a few seconds.

    python3 benchmarks/suite_eval.py [--rounds 5] [--extractor regex]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(args: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one child process."""
    before = os.times()
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bench", *args], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--extractor", default="regex")
    options = parser.parse_args()
    floors, subjects = [], []
    for _ in range(options.rounds):
        floors.append(timed(["--help"]))
        subjects.append(timed(["eval", "--extractor", options.extractor, "--suite", "capabilities"]))
    ratios = [s[0] / f[0] for f, s in zip(floors, subjects)]
    for name, runs in (("floor (bench --help)", floors), (f"bench eval -e {options.extractor} --suite capabilities", subjects)):
        print(f"{name}: median {statistics.median(r[0] for r in runs):.2f} s wall, "
              f"{statistics.median(r[1] for r in runs):.2f} s CPU")
    print(f"wall ratio subject/floor: median {statistics.median(ratios):.1f}x (range {min(ratios):.1f}x to {max(ratios):.1f}x)")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
