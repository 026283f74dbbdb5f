"""Throughput of the extractors, the scorer and the command line, each next to a floor measured in the same run.

Builds a synthetic corpus of ``--docs`` documents from the five seed articles
(each a seed text under a new id, its numbers, years and month names redrawn
so that no cache can hide the cost of real text), then measures:

1. extractors (regex, rules): documents/s, MB/s (UTF-8 bytes of text) and
   peak RSS, in a fresh child process per extractor that alternates, run by
   run, the floor (one ``re.finditer(r'\\d+', text)`` pass over the same
   texts, consumed fully), ``extractor.extract(document)`` and bench's own
   path ``bench.extraction.runner.extract_one`` (extract plus the output checks); ratio =
   median extract time / median floor time of that process. Targets: regex
   within 8x, rules within 25x.
2. workers: wall time of the console script ``bench predict --workers 1``
   against ``--workers 2`` on ``--worker-docs`` documents (process start-up
   included); target at least 1.7x. The two predictions files must be
   byte-identical.
3. streaming: peak RSS of ``bench predict`` at each of ``--rss-docs``
   documents, each a fresh process (``os.wait4`` rusage); it should stay flat.
4. scoring: ``--facts`` gold against as many predicted facts, generated and
   measured by ``benchmarks/score_speed.py`` (the floor: json.loads per line
   and raw key sets). Targets: within 3x of the floor, under 1 GiB.
5. ``bench --help`` wall time; target under 0.5 s.

Times are medians of ``--runs`` runs. Prints the machine and a table of
figures with their targets, PASS or MISS.

    python3 benchmarks/throughput.py            # the full run (about 5 minutes on 2 cores)
    python3 benchmarks/throughput.py --quick    # a smoke run of a few seconds
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

import score_speed  # noqa: E402 - benchmarks/score_speed.py, the scorer's own script

EXTRACTOR_TARGETS = {"regex": 8.0, "rules": 25.0}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
MONTH = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b")
NUMBER = re.compile(r"\d+")


# --- the corpus ---------------------------------------------------------------------------


def _redraw_number(rng: random.Random, digits: str) -> str:
    """A number of the same width: a year stays a plausible year, a month a month, a day a day."""
    if len(digits) == 4 and digits[:2] in ("19", "20"):
        return str(rng.randint(1995, 2030))
    if len(digits) <= 2 and 0 < int(digits) <= 31:
        return f"{rng.randint(1, 12 if int(digits) <= 12 else 28):0{len(digits)}d}"
    first = "0" if digits[0] == "0" else str(rng.randint(1, 9))
    return first + "".join(str(rng.randint(0, 9)) for _ in digits[1:])


def perturb(text: str, rng: random.Random) -> str:
    """The text with every number and month name redrawn."""
    text = NUMBER.sub(lambda m: _redraw_number(rng, m.group()), text)
    return MONTH.sub(lambda m: rng.choice(MONTHS), text)


def write_corpus(path: Path, count: int, redraw: bool = True, seed: int = 0) -> None:
    """Write ``count`` documents as JSONL, cycling through the seeds."""
    from bench.data.documents import load_seeds

    seeds, rng = load_seeds(), random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            source = seeds[i % len(seeds)]
            text = perturb(source.text, rng) if redraw else source.text
            record = {"id": f"syn-{i:07d}", "text": text, "published": source.published.isoformat()}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def text_bytes(path: Path) -> int:
    """UTF-8 bytes of the texts of a documents file (what MB/s counts)."""
    with open(path, encoding="utf-8") as lines:
        return sum(len(json.loads(line)["text"].encode("utf-8")) for line in lines)


def head(source: Path, target: Path, count: int) -> Path:
    """The first ``count`` lines of a JSONL file."""
    with open(source, "rb") as lines, open(target, "wb") as out:
        for _, line in zip(range(count), lines):
            out.write(line)
    return target


# --- child processes ------------------------------------------------------------------------


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


EXTRACTOR_CHILD = r"""
import json, re, resource, sys, time
from bench.data.documents import Document
from bench.extraction.registry import load_extractor
from bench.extraction.runner import extract_one

path, spec, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(path, encoding="utf-8") as lines:
    docs = [Document.from_dict(json.loads(line)) for line in lines]
texts = [doc.text for doc in docs]
try:
    extractor = load_extractor(spec)
except Exception as error:
    print(json.dumps({"error": f"{type(error).__name__}: {error}"}))
    sys.exit()

def floor():
    for text in texts:
        for _ in re.finditer(r'\d+', text):
            pass

def extract():
    for doc in docs:
        list(extractor.extract(doc))

def bench_path():
    for doc in docs:
        extract_one(extractor, doc)

for doc in docs[:10]:  # warm-up: one-time set-up (lazy patterns, tables) is not throughput
    list(extractor.extract(doc))
times = {"floor": [], "extract": [], "bench": []}
for _ in range(runs):
    for name, work in (("floor", floor), ("extract", extract), ("bench", bench_path)):
        started = time.perf_counter()
        work()
        times[name].append(time.perf_counter() - started)
failures = sum(1 for doc in docs if extract_one(extractor, doc).failure)
try:  # VmHWM starts at the exec; ru_maxrss would include the parent's pages from before it
    peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM")) * 1024
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"times": times, "peak": peak, "failures": failures}))
"""


def measure_extractor(corpus: Path, spec: str, runs: int) -> dict:
    done = subprocess.run([sys.executable, "-c", EXTRACTOR_CHILD, str(corpus), spec, str(runs)],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"}
    return json.loads(done.stdout)


# --- figures ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Verdict:
    """One line of the closing table: what was measured, the figure, the target and whether it is met."""

    what: str
    figure: str
    target: str
    met: bool | None  # None: no target, or not measured

    def __str__(self) -> str:
        result = "" if self.met is None and not self.target else "PASS" if self.met else "MISS"
        return f"{self.what:44s} {self.figure:>22s}  {self.target:>14s}  {result}"


def mib(size: int) -> str:
    return f"{size / 2**20:,.0f} MiB"


def rate_line(label: str, seconds: float, docs: int, size: int, peak: int | None, ratio: float) -> str:
    memory = mib(peak) if peak else "-"
    return (f"  {label:34s} {docs / seconds:10,.0f} docs/s {size / seconds / 1e6:8.2f} MB/s "
            f"{memory:>9s} {ratio:8.2f}x")


def extractor_section(corpus: Path, docs: int, size: int, specs: list[str], runs: int) -> tuple[list[Verdict], list[str]]:
    """Verdicts, and the specs that could be loaded (the later sections run those only)."""
    print(f"\n1. extractors on {docs:,} documents ({size / 1e6:.2f} MB of text), median of {runs} runs, "
          "fresh process each (peak RSS: interpreter and corpus included); ratio to the floor of the same process")
    verdicts, loaded = [], []
    for spec in specs:
        found = measure_extractor(corpus, spec, runs)
        target = EXTRACTOR_TARGETS.get(spec)
        target_text = f"<= {target:g}x floor" if target else ""
        if "error" in found:
            print(f"  {spec}: not measured: {found['error']}")
            verdicts.append(Verdict(f"{spec} extractor vs floor", "not importable", target_text, False if target else None))
            continue
        loaded.append(spec)
        floor, extract, bench = (statistics.median(found["times"][k]) for k in ("floor", "extract", "bench"))
        print(rate_line(f"floor for {spec}: finditer(r'\\d+')", floor, docs, size, None, 1.0))
        print(rate_line(f"{spec}: extract()", extract, docs, size, found["peak"], extract / floor))
        print(rate_line(f"{spec}: bench.extraction.runner.extract_one", bench, docs, size, None, bench / floor)
              + (f"   ({found['failures']} failed documents)" if found["failures"] else ""))
        ratio = extract / floor
        verdicts.append(Verdict(f"{spec} extractor vs floor", f"{ratio:.2f}x, {docs / extract:,.0f} docs/s",
                                target_text, ratio <= target if target else None))
    return verdicts, loaded


def predict(corpus: Path, spec: str, output: Path, workers: int) -> Process:
    done = run_process([console_script(), "predict", "-e", spec, "--docs", str(corpus), "-o", str(output),
                        "--workers", str(workers)])
    if done.code not in (0, 3):
        raise SystemExit(f"bench predict -e {spec} --workers {workers} failed ({done.code}): {done.stderr.strip()}")
    return done


def workers_section(corpus: Path, docs: int, specs: list[str], runs: int, folder: Path) -> list[Verdict]:
    print(f"\n2. bench predict --workers 1 vs 2 on {docs:,} documents (wall time of the console script, "
          f"start-up included), median of {runs} runs")
    verdicts = []
    for spec in specs:
        times = {1: [], 2: []}
        for _ in range(runs):
            for workers in (1, 2):
                times[workers].append(predict(corpus, spec, folder / f"w{workers}.jsonl", workers).seconds)
        one, two = statistics.median(times[1]), statistics.median(times[2])
        same = (folder / "w1.jsonl").read_bytes() == (folder / "w2.jsonl").read_bytes()
        print(f"  {spec:8s} 1 worker {one:6.2f} s ({docs / one:8,.0f} docs/s)   2 workers {two:6.2f} s "
              f"({docs / two:8,.0f} docs/s)   speed-up {one / two:4.2f}x   outputs identical: {same}")
        verdicts.append(Verdict(f"{spec}: 2 workers vs 1 (bench predict)", f"{one / two:.2f}x", ">= 1.7x", one / two >= 1.7))
        verdicts.append(Verdict(f"{spec}: 2-worker output = 1-worker output", "identical" if same else "DIFFERENT",
                                "identical", same))
    return verdicts


def streaming_section(corpus: Path, sizes: list[int], specs: list[str], folder: Path) -> list[Verdict]:
    if not specs:
        return [Verdict("bench predict peak RSS", "no extractor loaded", "< 256 B/doc", False)]
    spec = specs[0]
    print(f"\n3. peak RSS of bench predict -e {spec} (one worker, fresh process each, os.wait4 rusage)")
    peaks = []
    for count in sizes:
        part = head(corpus, folder / f"head-{count}.jsonl", count)
        done = predict(part, spec, folder / "streamed.jsonl", 1)
        peaks.append(done.peak)
        print(f"  {count:>9,} documents  {part.stat().st_size / 1e6:8.1f} MB in  {done.seconds:7.1f} s  peak {mib(done.peak):>8s}")
        part.unlink()
    # Flat means no document or prediction is held: the slope stays far below one document's text
    # (about 2,250 bytes here); what remains is the set of ids kept to refuse duplicates.
    slope = (peaks[-1] - peaks[0]) / max(sizes[-1] - sizes[0], 1)
    print(f"  growth: {slope:,.0f} bytes of peak RSS per extra document")
    figure = " / ".join(mib(p).removesuffix(" MiB") for p in peaks) + f" MiB, {slope:,.0f} B/doc"
    return [Verdict(f"predict peak RSS, {'/'.join(f'{n:,}' for n in sizes)} docs", figure,
                    "< 256 B/doc", slope < 256)]


def scoring_section(facts: int, documents: int, runs: int, folder: Path) -> list[Verdict]:
    gold, predicted = score_speed.generate(folder, facts, documents)
    size = gold.stat().st_size + predicted.stat().st_size
    print(f"\n4. fact-level scoring, {facts:,} gold vs {facts:,} predicted facts over {documents:,} documents "
          f"({size / 1e6:.0f} MB of JSONL), median of {runs} runs, fresh process each (benchmarks/score_speed.py)")
    rows = {}
    for label, code, extra in (("floor: json.loads + key sets", score_speed.FLOOR, ()),
                               ("bench.scoring.streaming.score_jsonl strict", score_speed.SCORE, ("strict",))):
        found = [score_speed.measure(code, str(gold), str(predicted), *extra) for _ in range(runs)]
        rows[label] = statistics.median(t for t, _ in found), max(p for _, p in found)
    floor = rows["floor: json.loads + key sets"][0]
    for label, (seconds, peak) in rows.items():
        print(f"  {label:34s} {seconds:7.2f} s {2 * facts / seconds:11,.0f} facts/s {documents / seconds:9,.0f} docs/s "
              f"{size / seconds / 1e6:7.2f} MB/s  peak {mib(peak):>9s} {seconds / floor:6.2f}x")
    gold.unlink()
    predicted.unlink()
    seconds, peak = rows["bench.scoring.streaming.score_jsonl strict"]
    return [Verdict(f"scoring {facts:,} vs {facts:,} facts vs floor", f"{seconds / floor:.2f}x, {seconds:.1f} s",
                    "<= 3x floor", seconds / floor <= 3),
            Verdict("scoring peak RSS", mib(peak), "< 1024 MiB", peak < 2**30)]


def wall_time(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, capture_output=True, check=True)
    return time.perf_counter() - started


def help_section(runs: int) -> list[Verdict]:
    times = [wall_time([console_script(), "--help"]) for _ in range(runs)]
    seconds = statistics.median(times)
    print(f"\n5. bench --help: median {seconds:.3f} s of {runs} runs (min {min(times):.3f}, max {max(times):.3f})")
    return [Verdict("bench --help wall time", f"{seconds:.3f} s", "< 0.5 s", seconds < 0.5)]


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


def options(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2_000, help="documents for the extractor throughput (default 2,000)")
    parser.add_argument("--worker-docs", type=int, default=20_000, help="documents for workers 1 vs 2 (default 20,000)")
    parser.add_argument("--rss-docs", default="1000,10000,100000", help="corpus sizes for the streaming peak RSS")
    parser.add_argument("--facts", type=int, default=1_000_000, help="gold and predicted facts to score (default 1,000,000)")
    parser.add_argument("--fact-documents", type=int, default=10_000, help="documents the facts are spread over")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; medians are reported (default 3)")
    parser.add_argument("--extractors", default="regex,rules", help="extractor specs, comma-separated")
    parser.add_argument("--no-redraw", action="store_true", help="exact copies of the seeds (numbers and months kept)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: small sizes, one run each")
    args = parser.parse_args(argv)
    if args.quick:
        args.docs, args.worker_docs, args.rss_docs = 100, 500, "100,1000"
        args.facts, args.fact_documents, args.runs = 20_000, 200, 1
    args.rss_sizes = sorted(int(n) for n in args.rss_docs.split(","))
    args.specs = [spec.strip() for spec in args.extractors.split(",") if spec.strip()]
    return args


def main(argv: list[str] | None = None) -> int:
    args = options(argv)
    print(f"machine: {machine()}")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="factbench-throughput-") as tmp:
        folder = Path(tmp)
        largest = max(args.docs, args.worker_docs, *args.rss_sizes)
        corpus = folder / "corpus.jsonl"
        write_corpus(corpus, largest, redraw=not args.no_redraw)
        small = head(corpus, folder / "docs.jsonl", args.docs)
        verdicts, loaded = extractor_section(small, args.docs, text_bytes(small), args.specs, args.runs)
        workers_corpus = head(corpus, folder / "workers.jsonl", args.worker_docs)
        verdicts += workers_section(workers_corpus, args.worker_docs, loaded, args.runs, folder)
        verdicts += streaming_section(corpus, args.rss_sizes, loaded[:1], folder)
        corpus.unlink()
        verdicts += scoring_section(args.facts, args.fact_documents, args.runs, folder)
    verdicts += help_section(max(5, args.runs))
    print(f"\nsummary ({time.perf_counter() - started:.0f} s in all)")
    print(f"{'measure':44s} {'figure':>22s}  {'target':>14s}  result")
    for verdict in verdicts:
        print(verdict)
    return 0 if all(v.met is not False for v in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
