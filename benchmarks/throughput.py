"""Throughput of the extractors, the scorers and the command line, each next to a floor measured in the same run.

Builds a synthetic corpus of ``--docs`` documents from the five seed articles
(benchmarks/corpus.py), then measures, always alternating floor and subject
round by round and reporting the median of per-round ratios with min and max
(benchmarks/method.py):

1. extractors (regex, rules) against one ``re.finditer(r'\\d+')`` pass over
   the same texts, taking turns every 64 documents, and what bench's run path
   adds on top: the output check, the time limit and the stdout guard
   (benchmarks/extractor_speed.py). Targets: regex <= 4x, rules <= 10x,
   run path <= +10%.
2. workers: wall time of ``bench predict --workers 1`` against ``--workers 2``
   on ``--worker-docs`` documents, alternated; target at least 1.7x, the two
   predictions files byte-identical.
3. streaming: peak RSS of ``bench predict`` at each of ``--rss-docs``
   documents, each a fresh process (``os.wait4`` rusage); it should stay flat.
4. fact-level scoring of ``--facts`` gold against as many predicted facts
   (benchmarks/score_speed.py) against two floors, json.loads per line and raw
   key sets with the garbage collector on and off. Targets: within 3x of the
   floor, under 1 GiB.
5. start-up of whole processes against ``python3 -c pass``
   (benchmarks/startup_speed.py). Targets: ``bench --help`` <= 8x, ``bench eval
   --extractor regex`` <= 15x, ``bench score`` of 50 lines <= 12x.
6. mention-level scoring against nervaluate on ``--mentions`` mentions at 10
   and 100 per document (benchmarks/mention_speed.py). Target: <= 1.0x.

Prints the machine, its load before and after, and a table of figures with
their targets, PASS or MISS; exit 1 when a judged target is missed.

``--quick`` is a smoke run, under a minute: every measure runs, at sizes too
small to judge speed or size (300 documents take less than the start-up of two
workers, so 2 workers can never be 1.7x as fast as 1). It judges what small
sizes can tell: the outputs are identical, every extractor and reference
loads. Speed and size figures are printed with their targets, judged in a full run only.

    python3 benchmarks/throughput.py            # the full run (about 10 minutes on 2 cores)
    python3 benchmarks/throughput.py --quick    # a smoke run, under a minute
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

import extractor_speed  # noqa: E402 - the benchmarks' own modules, beside this script
import mention_speed  # noqa: E402
import score_speed  # noqa: E402
import startup_speed  # noqa: E402
from corpus import head, text_bytes, write_corpus  # noqa: E402
from method import Process, Ratio, Verdict, console_script, load, machine, mib, run_process  # noqa: E402


def predict(corpus: Path, spec: str, output: Path, workers: int) -> Process:
    done = run_process([console_script(), "predict", "-e", spec, "--docs", str(corpus), "-o", str(output),
                        "--workers", str(workers)])
    if done.code not in (0, 3):
        raise SystemExit(f"bench predict -e {spec} --workers {workers} failed ({done.code}): {done.stderr.strip()}")
    return done


def workers_section(corpus: Path, docs: int, specs: list[str], rounds: int, folder: Path) -> list[Verdict]:
    print(f"\n2. bench predict --workers 1 vs 2 on {docs:,} documents (wall time of the console script, "
          f"start-up included), {rounds} alternating rounds")
    verdicts = []
    for spec in specs:
        times: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(rounds):
            for workers in (1, 2):
                times[workers].append(predict(corpus, spec, folder / f"w{workers}.jsonl", workers).seconds)
        speedup = Ratio.of(times[1], times[2])
        same = (folder / "w1.jsonl").read_bytes() == (folder / "w2.jsonl").read_bytes()
        print(f"  {spec:8s} 1 worker {min(times[1]):6.2f} s, 2 workers {min(times[2]):6.2f} s (fastest rounds); "
              f"speed-up {speedup}; outputs identical: {same}")
        verdicts.append(Verdict(f"{spec}: 2 workers vs 1 (bench predict)", str(speedup), ">= 1.7x", speedup.median >= 1.7))
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


def scoring_section(facts: int, documents: int, rounds: int, folder: Path) -> list[Verdict]:
    gold, predicted = score_speed.generate(folder, facts, documents)
    size = gold.stat().st_size + predicted.stat().st_size
    print(f"\n4. fact-level scoring, {facts:,} gold vs {facts:,} predicted facts over {documents:,} documents "
          f"({size / 1e6:.0f} MB of JSONL), {rounds} alternating rounds, a fresh process each (benchmarks/score_speed.py)")
    codes = {"floor": (score_speed.FLOOR, ()), "floor, gc off": ("import gc; gc.disable()\n" + score_speed.FLOOR, ()),
             "score_jsonl strict": (score_speed.SCORE, ("strict",))}
    times: dict[str, list[float]] = {name: [] for name in codes}
    peaks: dict[str, int] = dict.fromkeys(codes, 0)
    for _ in range(rounds):
        for name, (code, extra) in codes.items():
            seconds, peak = score_speed.measure(code, str(gold), str(predicted), *extra)
            times[name].append(seconds)
            peaks[name] = max(peaks[name], peak)
    for name in codes:
        seconds = statistics.median(times[name])
        print(f"  {name:20s} {seconds:7.2f} s {2 * facts / seconds:11,.0f} facts/s  peak {mib(peaks[name]):>9s}  "
              f"vs floor {Ratio.of(times[name], times['floor'])}, vs gc-off floor {Ratio.of(times[name], times['floor, gc off'])}")
    gold.unlink()
    predicted.unlink()
    ratio, gc_off = Ratio.of(times["score_jsonl strict"], times["floor"]), Ratio.of(times["score_jsonl strict"], times["floor, gc off"])
    return [Verdict(f"scoring {facts:,} vs {facts:,} facts vs floor", str(ratio), "<= 3x floor", ratio.median <= 3),
            Verdict("  the same vs the gc-off floor", str(gc_off), "", None),
            Verdict("scoring peak RSS", mib(peaks["score_jsonl strict"]), "< 1024 MiB", peaks["score_jsonl strict"] < 2**30)]


def options(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2_000, help="documents for the extractor throughput (default 2,000)")
    parser.add_argument("--worker-docs", type=int, default=20_000, help="documents for workers 1 vs 2 (default 20,000)")
    parser.add_argument("--rss-docs", default="1000,10000,100000", help="corpus sizes for the streaming peak RSS")
    parser.add_argument("--facts", type=int, default=1_000_000, help="gold and predicted facts to score (default 1,000,000)")
    parser.add_argument("--fact-documents", type=int, default=10_000, help="documents the facts are spread over")
    parser.add_argument("--mentions", type=int, default=100_000, help="gold mentions for the nervaluate comparison")
    parser.add_argument("--rounds", type=int, default=9, help="alternating rounds per in-process measurement (default 9)")
    parser.add_argument("--process-rounds", type=int, default=3,
                        help="alternating rounds of the long whole-process measurements: workers, scoring (default 3)")
    parser.add_argument("--extractors", default="regex,rules", help="extractor specs, comma-separated")
    parser.add_argument("--no-redraw", action="store_true", help="exact copies of the seeds (numbers and months kept)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: small sizes, few rounds, under a minute")
    parser.add_argument("--sections", default="1,2,3,4,5,6", help="which of the six measures to run (default all)")
    args = parser.parse_args(argv)
    if args.quick:
        args.docs, args.worker_docs, args.rss_docs, args.mentions = 100, 300, "100,1000", 10_000
        args.facts, args.fact_documents, args.rounds, args.process_rounds = 20_000, 200, 3, 1
    args.rss_sizes = sorted(int(n) for n in args.rss_docs.split(","))
    args.specs = [spec.strip() for spec in args.extractors.split(",") if spec.strip()]
    args.sections = {int(n) for n in args.sections.split(",")}
    return args


def judged_in_quick_run(verdict: Verdict) -> bool:
    """A correctness check ("identical"), or a measure that could not be taken: what a smoke run can judge."""
    measured = re.match(r"[\d+-]", verdict.figure) is not None
    return verdict.target == "identical" or not measured


def summary_lines(verdicts: list[Verdict], quick: bool) -> list[str]:
    """The closing table; in a quick run, a target it cannot judge is printed beside its figure, unjudged."""
    lines = []
    for verdict in verdicts:
        if quick and verdict.target and not judged_in_quick_run(verdict):
            lines.append(f"{replace(verdict, target='', met=None)}  (target {verdict.target}: judged in a full run)")
        else:
            lines.append(str(verdict))
    return lines


def exit_status(verdicts: list[Verdict], quick: bool) -> int:
    """1 when a judged target is missed, else 0."""
    judged = [v for v in verdicts if judged_in_quick_run(v)] if quick else verdicts
    return 0 if all(v.met is not False for v in judged) else 1


def main(argv: list[str] | None = None) -> int:
    args = options(argv)
    print(f"machine: {machine()}\nbefore: {load()}")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="factbench-throughput-") as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus.jsonl"
        needed = [args.docs] + [args.worker_docs] * (2 in args.sections) + args.rss_sizes * (3 in args.sections)
        write_corpus(corpus, max(needed), redraw=not args.no_redraw)
        small = head(corpus, folder / "docs.jsonl", args.docs)
        verdicts, loaded = [], args.specs
        if 1 in args.sections:
            verdicts, loaded = extractor_speed.section(small, args.docs, text_bytes(small), args.specs, max(args.rounds, 3))
        if 2 in args.sections:
            workers_corpus = head(corpus, folder / "workers.jsonl", args.worker_docs)
            verdicts += workers_section(workers_corpus, args.worker_docs, loaded, args.process_rounds, folder)
        if 3 in args.sections:
            verdicts += streaming_section(corpus, args.rss_sizes, loaded[:1], folder)
        corpus.unlink()
        if 4 in args.sections:
            verdicts += scoring_section(args.facts, args.fact_documents, args.process_rounds, folder)
        if 5 in args.sections:
            verdicts += startup_speed.section(args.rounds, folder)
    if 6 in args.sections:
        verdicts += mention_speed.section(args.mentions, args.rounds)
    print(f"\nsummary ({time.perf_counter() - started:.0f} s in all; after: {load()})")
    print(f"{'measure':46s} {'figure (median [min-max])':>30s}  {'target':>16s}  result")
    print("\n".join(summary_lines(verdicts, args.quick)))
    return exit_status(verdicts, args.quick)


if __name__ == "__main__":
    sys.exit(main())
