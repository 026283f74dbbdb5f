"""Speed of fact-level scoring against a floor, on a synthetic corpus.

Generates ``--facts`` gold and as many predicted facts over ``--documents``
documents as JSONL in a temporary folder, then measures, each in a fresh
child process so that peak memory is its own:

- floor: read both files with the standard ``json`` module (``json.loads``
  per line) and build the gold and predicted key sets from the raw fields
  (doc id, type, value as a hashable), with no canonicalization;
- floor with the garbage collector off: the same, without the cyclic GC
  passes that building two million tuples triggers (a tighter floor);
- score: :func:`bench.scoring.streaming.score_jsonl` in strict mode (and lenient with
  ``--lenient``), streaming both files, canonicalizing every value through
  the alias table and building the per-type and per-document table.

Prints the median wall time of ``--runs`` runs, facts per second (gold plus
predicted facts read) and peak memory, taken as ``ru_maxrss`` from
``resource.getrusage(RUSAGE_SELF)`` in the child (the whole process,
interpreter included). Target: score within 3x of the floor, under 1 GiB.

    python3 benchmarks/score_speed.py [--runs 3] [--facts 1000000] [--documents 10000]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TYPES = ("date", "headcount", "user_count", "agency", "official")
UNITS = {"headcount": ["employees", "staff", "workers", "Employees"], "user_count": ["users", "customers", "companies"]}
AGENCIES = [f"{prefix}Office of {field} Standards" for prefix in ("", "U.S. ", "the ")
            for field in ("Water", "Rail", "Forest", "Harbor", "Census", "Mining", "Postal", "Radio")]
PEOPLE = [f"{first} {last}" for first in ("Ada", "Bo", "Cy", "Dee") for last in ("Quill", "Marsh", "Vance", "Orr")]
TITLES = ["Director", "Minister of Ports", "Governor", "Secretary of Roads"]


def random_value(rng: random.Random, fact_type: str):
    if fact_type == "date":
        year, month, day = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
        return rng.choice([f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-{day:02d}",
                           f"{year}-{month:02d}-{day:02d}", f"{year}-W{rng.randint(1, 52):02d}"])
    if fact_type in UNITS:
        count = rng.choice([rng.randint(1, 1000), rng.randint(1, 500) * 1000, rng.randint(1, 900) * 1_000_000])
        return {"count": count, "qualifier": rng.choice(["eq", "eq", "gt", "lt", "approx"]), "unit": rng.choice(UNITS[fact_type])}
    if fact_type == "agency":
        return rng.choice(AGENCIES)
    return {"name": rng.choice(PEOPLE), "title": rng.choice(TITLES)}


def prediction_of(rng: random.Random, gold: dict) -> dict:
    """Mostly the gold fact (sometimes restated), else a near miss or a fresh false positive."""
    roll = rng.random()
    if roll < 0.7:
        return dict(gold)
    if roll < 0.85:
        return {**gold, "value": random_value(rng, gold["type"])}
    fact_type = rng.choice(TYPES)
    return {"doc_id": gold["doc_id"], "type": fact_type, "value": random_value(rng, fact_type)}


def generate(folder: Path, facts: int, documents: int, seed: int = 0) -> tuple[Path, Path]:
    rng = random.Random(seed)
    gold_path, pred_path = folder / "gold.jsonl", folder / "predictions.jsonl"
    per_doc = facts // documents
    with open(gold_path, "w", encoding="utf-8") as gold_out, open(pred_path, "w", encoding="utf-8") as pred_out:
        for doc in range(documents):
            doc_id = f"doc-{doc:06d}"
            for i in range(per_doc):
                fact_type = rng.choice(TYPES)
                start = i * 40
                gold = {"id": f"{doc_id}-{i}", "doc_id": doc_id, "type": fact_type, "text": "x" * 10,
                        "start": start, "end": start + 10, "value": random_value(rng, fact_type)}
                gold_out.write(json.dumps(gold) + "\n")
                pred_out.write(json.dumps(prediction_of(rng, {k: gold[k] for k in ("doc_id", "type", "value")})) + "\n")
    return gold_path, pred_path


FLOOR = """
import json, sys
def hashable(value):
    return tuple(sorted(value.items())) if isinstance(value, dict) else value
def keys(path):
    out = set()
    with open(path, "rb") as handle:
        for raw in handle:
            record = json.loads(raw)
            out.add((record["doc_id"], record["type"], hashable(record["value"])))
    return out
gold, predicted = keys(sys.argv[1]), keys(sys.argv[2])
"""

SCORE = """
import sys
from bench.scoring.streaming import score_jsonl
from bench.data.gold import read_aliases
from bench.data.resources import gold_dir
aliases = read_aliases(gold_dir() / "aliases.json")
score = score_jsonl(sys.argv[1], sys.argv[2], aliases, mode=sys.argv[3])
"""

TIMED = """
import resource, sys, time
started = time.perf_counter()
exec(compile(sys.argv.pop(1), "<measured>", "exec"))
elapsed = time.perf_counter() - started
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
"""


def measure(code: str, *args: str) -> tuple[float, int]:
    """Wall time of ``code`` (imports included) and the child's peak RSS in bytes."""
    done = subprocess.run([sys.executable, "-c", TIMED, code, *args], cwd=ROOT, check=True, capture_output=True, text=True)
    seconds, peak = done.stdout.split()
    return float(seconds), int(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--facts", type=int, default=1_000_000)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--lenient", action="store_true", help="also time lenient mode")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        gold_path, pred_path = generate(Path(tmp), args.facts, args.documents)
        rows = [("floor (json.loads + raw key sets)", FLOOR, ()),
                ("floor, gc disabled", "import gc; gc.disable()\n" + FLOOR, ()),
                ("score_jsonl strict", SCORE, ("strict",))]
        if args.lenient:
            rows.append(("score_jsonl lenient", SCORE, ("lenient",)))
        read = 2 * args.facts
        print(f"{args.facts:,} gold + {args.facts:,} predicted facts, {args.documents:,} documents, median of {args.runs} runs")
        print("peak memory: ru_maxrss of a fresh child process per measurement (interpreter included)")
        floors = []
        for label, code, extra in rows:
            runs = [measure(code, str(gold_path), str(pred_path), *extra) for _ in range(args.runs)]
            seconds = statistics.median(t for t, _ in runs)
            peak = max(p for _, p in runs)
            floors = floors if len(floors) == 2 else floors + [seconds]
            ratios = "  ".join(f"{seconds / floor:5.2f}x" for floor in floors)
            print(f"{label:34s} {seconds:7.2f} s  {read / seconds:11,.0f} facts/s  peak {peak / 2**20:6.0f} MiB  {ratios}")
        print("ratios: against the floor, then against the floor with gc disabled; target <= 3x and < 1024 MiB")


if __name__ == "__main__":
    main()
