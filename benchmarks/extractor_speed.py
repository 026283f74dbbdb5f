"""Extractor speed: each extractor against a ``re.finditer(r'\\d+')`` pass over the same texts.

A fresh child process per extractor alternates the floor,
``extractor.extract(document)``, bench's own run path
``bench.extraction.runner.run_extractor`` (what ``bench eval`` and ``bench
predict`` run in-process: per document the output check and the time limit,
and the stdout guard, whose system calls are made once per ``GUARD_BATCH`` documents),
``extract_one`` called on each document alone (the guard set up for each),
and extract plus ``as_facts`` alone. They take turns every 64 documents
(``method.alternate_chunks``), and a round is one pass over the corpus.
Figures: median of per-round ratios to the floor, with min and max; the
check's cost is the median of per-round (run path / extract - 1), and the
same for extract_one alone and for as_facts alone shows where it goes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from method import ROOT, Ratio, Verdict, mib

TARGETS = {"regex": 4.0, "rules": 10.0}
CHECK_TARGET = 0.10

CHILD = r"""
import json, re, resource, sys
sys.path.insert(0, sys.argv[4])
from method import alternate_chunks
from bench.data.documents import Document
from bench.extraction.registry import load_extractor
from bench.extraction.extractor import as_facts
from bench.extraction.runner import extract_one, run_extractor

path, spec, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(path, encoding="utf-8") as lines:
    docs = [Document.from_dict(json.loads(line)) for line in lines]
try:
    extractor = load_extractor(spec)
except Exception as error:
    print(json.dumps({"error": f"{type(error).__name__}: {error}"}))
    sys.exit()

def floor(chunk):
    for doc in chunk:
        for _ in re.finditer(r'\d+', doc.text):
            pass

def extract(chunk):
    for doc in chunk:
        list(extractor.extract(doc))

def run_path(chunk):
    for _ in run_extractor(extractor, chunk):
        pass

def one_by_one(chunk):
    for doc in chunk:
        extract_one(extractor, doc)

def checked(chunk):
    for doc in chunk:
        as_facts(list(extractor.extract(doc)), doc, extractor.name)

for doc in docs[:10]:  # warm-up: one-time set-up (lazy patterns, tables) is not throughput
    list(extractor.extract(doc))
work = {"floor": floor, "extract": extract, "run": run_path, "one": one_by_one, "checked": checked}
times = alternate_chunks(work, docs, rounds, size=64)
failures = sum(1 for doc in docs if extract_one(extractor, doc).failure)
try:  # VmHWM starts at the exec; ru_maxrss would include the parent's pages from before it
    peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM")) * 1024
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"times": times, "peak": peak, "failures": failures}))
"""


def measure(corpus: Path, spec: str, rounds: int) -> dict:
    here = str(Path(__file__).resolve().parent)
    done = subprocess.run([sys.executable, "-c", CHILD, str(corpus), spec, str(rounds), here],
                          check=False, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"}
    return json.loads(done.stdout)


def _check_cost(times: dict[str, list[float]], path: str) -> Ratio:
    ratio = Ratio.of(times[path], times["extract"])
    return Ratio(ratio.median - 1, ratio.low - 1, ratio.high - 1, ratio.rounds)


def section(corpus: Path, docs: int, size: int, specs: list[str], rounds: int) -> tuple[list[Verdict], list[str]]:
    """Verdicts, and the specs that could be loaded (the later sections run those only)."""
    print(f"\n1. extractors on {docs:,} documents ({size / 1e6:.2f} MB of text), {rounds} rounds in a fresh "
          "process each, floor, extract(), the run path, extract_one() and as_facts taking turns every 64 documents; "
          "median of per-round ratios [min-max]")
    verdicts, loaded = [], []
    for spec in specs:
        found = measure(corpus, spec, rounds)
        target = TARGETS.get(spec)
        target_text = f"<= {target:g}x floor" if target else ""
        if "error" in found:
            print(f"  {spec}: not measured: {found['error']}")
            verdicts.append(Verdict(f"{spec} extractor vs floor", "not importable", target_text, False if target else None))
            continue
        loaded.append(spec)
        times = found["times"]
        ratio, check = Ratio.of(times["extract"], times["floor"]), _check_cost(times, "run")
        one, alone = _check_cost(times, "one"), _check_cost(times, "checked")
        fastest = min(times["extract"])
        print(f"  {spec:8s} extract() {ratio} the floor, {docs / fastest:,.0f} docs/s and {size / fastest / 1e6:.2f} MB/s "
              f"in its fastest round, peak {mib(found['peak'])}; run path {check.median:+.1%} "
              f"[{check.low:+.1%} to {check.high:+.1%}], extract_one alone {one.median:+.1%} [{one.low:+.1%} to "
              f"{one.high:+.1%}], as_facts alone {alone.median:+.1%} "
              f"[{alone.low:+.1%} to {alone.high:+.1%}]" + (f"; {found['failures']} failed documents" if found["failures"] else ""))
        verdicts.append(Verdict(f"{spec} extractor vs floor", str(ratio), target_text,
                                ratio.median <= target if target else None))
        verdicts.append(Verdict(f"{spec}: bench's checks on the run path", f"{check.median:+.1%} [{check.low:+.1%}, {check.high:+.1%}]",
                                f"<= +{CHECK_TARGET:.0%}", check.median <= CHECK_TARGET))
        verdicts.append(Verdict("  extract_one alone, document by document", f"{one.median:+.1%} [{one.low:+.1%}, {one.high:+.1%}]",
                                "", None))
        verdicts.append(Verdict("  as_facts alone (the check itself)", f"{alone.median:+.1%} [{alone.low:+.1%}, {alone.high:+.1%}]",
                                "", None))
    return verdicts, loaded
