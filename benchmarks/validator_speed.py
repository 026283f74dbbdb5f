"""Checking records against their JSON Schema: four validators against a floor measured in the same process.

1. ``--predictions`` prediction lines (values made as in score_speed.py; most
   with mention text, offsets and the extractor's name), checked a chunk of
   1,000 lines at a time, floor and subjects taking turns
   (:func:`method.alternate_chunks`):

   - floor: ``json.loads`` of each line;
   - hand-written: ``json.loads`` and :func:`bench.data.shapes.record_ok`,
     the check bench keeps for facts and predictions;
   - fastjsonschema: ``json.loads`` and the validator compiled from
     ``prediction.schema.json`` (``bench.data.compiled.prediction``);
   - msgspec: each line decoded into typed Structs with constraints
     (msgspec_shapes.py); the decode replaces ``json.loads``, so it is counted;
   - jsonschema: ``json.loads`` and ``Draft202012Validator.is_valid``, on the
     first ``--jsonschema-lines`` lines only (with a floor of its own), as it
     takes minutes over a million.

2. The bundled gold's facts (``gold/capabilities/facts.jsonl``, 4,087 facts)
   the same way against ``fact.schema.json``, many rounds; and the shipped
   suite's cases (``cases.jsonl``), which only jsonschema checked before.

3. Start-up: what each adds to a command that checks one prediction, in
   fresh interpreters alternated round by round: imports, building the
   validator, one check; against a floor that imports bench's data layer and
   fact types and parses the line. fastjsonschema both ways: compiled when
   the process starts, and the module bench ships precompiled. Then a small
   results file (50 predictions), precompiled against jsonschema.

Prints medians of per-round ratios to the floor, with their range, and the
time per record.

    python3 benchmarks/validator_speed.py [--predictions 1000000] [--rounds 5]

It needs msgspec (``pip install msgspec``), which bench itself does not use.
The figures and the choice they led to are in docs/validation.md.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from method import Ratio, alternate, alternate_chunks, load, machine  # noqa: E402 - the benchmarks' own modules
from score_speed import TYPES, random_value  # noqa: E402

FACTS = ROOT / "gold" / "capabilities" / "facts.jsonl"
CASES = ROOT / "gold" / "capabilities" / "cases.jsonl"
LINE = json.dumps({"doc_id": "d1", "type": "date", "text": "July 16", "start": 3, "end": 10, "value": "2024-07-16",
                   "extractor": "regex"})


def prediction_lines(count: int, seed: int = 0) -> list[bytes]:
    """``count`` valid prediction lines: four in five with text, offsets and extractor, as a baseline writes them."""
    rng, lines = random.Random(seed), []
    for i in range(count):
        fact_type = rng.choice(TYPES)
        record = {"doc_id": f"doc-{i // 100:06d}", "type": fact_type, "value": random_value(rng, fact_type)}
        if rng.random() < 0.8:
            start = rng.randint(0, 5000)
            record |= {"text": "x" * 12, "start": start, "end": start + 12, "extractor": "regex"}
        lines.append(json.dumps(record).encode("utf-8"))
    return lines


def checkers(schema: str) -> dict[str, Callable[[list[bytes]], object]]:
    """The floor and each subject, as functions of a chunk of lines; each asserts that every line passes."""
    import msgspec_shapes

    from bench.data.shapes import record_ok

    loads, handwritten, msgspec_ok = json.loads, record_ok, msgspec_shapes.line_ok
    return {
        "floor (json.loads)": lambda lines: [loads(line) for line in lines],
        "hand-written": lambda lines: _all(handwritten(loads(line), schema) for line in lines),
        **compiled_checker(schema),
        "msgspec (decode included)": lambda lines: _all(msgspec_ok(line, schema) for line in lines),
    }


def compiled_checker(schema: str) -> dict[str, Callable[[list[bytes]], object]]:
    from importlib import import_module

    loads, validate = json.loads, import_module(f"bench.data.compiled.{schema}").validate
    return {"fastjsonschema": lambda lines: [validate(loads(line)) for line in lines]}  # raises on a refused line


def jsonschema_checkers(schema: str) -> dict[str, Callable[[list[bytes]], object]]:
    from bench.data.schema import validator

    loads, is_valid = json.loads, validator(schema).is_valid
    return {"floor (json.loads)": lambda lines: [loads(line) for line in lines],
            "jsonschema": lambda lines: _all(is_valid(loads(line)) for line in lines)}


def _all(passed) -> None:
    if not all(passed):
        raise AssertionError("a valid record was refused")


def report(title: str, times: dict[str, list[float]], records: int) -> None:
    floor = times["floor (json.loads)"]
    print(f"\n{title}")
    for name, seconds in times.items():
        per_record = statistics.median(seconds) / records * 1e6
        ratio = "" if seconds is floor else str(Ratio.of(seconds, floor))
        print(f"  {name:28s} {statistics.median(seconds):8.3f} s  {per_record:6.2f} us/record  {ratio}")


STARTUP = {
    "floor": "",
    "hand-written": "from bench.data.shapes import record_ok; assert record_ok(record, 'prediction')",
    "fastjsonschema, compiled at start": (
        "import fastjsonschema\n"
        "from bench.data.compile_schemas import _BASE, _schema\n"
        "validate = fastjsonschema.compile(_schema(_BASE + 'prediction.schema.json'), handlers={'https': _schema},"
        " use_default=False, use_formats=False)\nvalidate(record)"),
    "fastjsonschema, precompiled": "from bench.data.compiled.prediction import validate; validate(record)",
    "msgspec": "from msgspec_shapes import line_ok; assert line_ok(line.encode(), 'prediction')",
    "jsonschema": "from bench.data.schema import validator; assert validator('prediction').is_valid(record)",
    "results file, fastjsonschema precompiled": "from bench.data.compiled.results import validate; validate(results)",
    "results file, jsonschema": "from bench.data.schema import validator; assert validator('results').is_valid(results)",
}
RESULTS = {"format": 2, "extractor": "regex", "extractor_version": "1.0.0", "gold_version": "1.0.0",
           "gold_hash": "sha256:" + "a" * 64, "level": "fact", "mode": "strict", "predictions": [json.loads(LINE)] * 50,
           "rows": [{"label": "micro", "tp": 1, "fp": 0, "fn": 1, "support": 2, "precision": 1.0, "recall": 0.5,
                     "f1": 0.667}]}


def startup(rounds: int) -> None:
    """Fresh interpreters, each importing bench's data layer and checking one line with one validator."""
    prelude = (f"import json, bench.data.jsonl, bench.facts\nline = {LINE!r}\nrecord = json.loads(line)\n"
               f"results = json.loads({json.dumps(RESULTS)!r})\n")
    path = f"{ROOT}:{ROOT / 'benchmarks'}"

    def run(code: str) -> Callable[[], object]:
        return lambda: subprocess.run([sys.executable, "-c", prelude + code], check=True, env={"PYTHONPATH": path})

    work = {name: run(code) for name, code in STARTUP.items()}
    alternate(work, 1)  # writes the bytecode caches, as a user's first run does
    times = alternate(work, rounds)
    floor = times["floor"]
    print(f"\n3. start-up: fresh interpreters, {rounds} alternating rounds; floor: import bench's data layer and fact "
          f"types, parse one line (median {statistics.median(floor) * 1e3:.0f} ms); added: median of per-round differences [min-max]")
    for name, seconds in list(times.items())[1:]:
        added = sorted((s - f) * 1e3 for s, f in zip(seconds, floor))
        print(f"  {name:42s} +{statistics.median(added):6.1f} ms  [{added[0]:.1f} to {added[-1]:.1f}]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--predictions", type=int, default=1_000_000)
    parser.add_argument("--jsonschema-lines", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--gold-rounds", type=int, default=31)
    parser.add_argument("--startup-rounds", type=int, default=21)
    args = parser.parse_args()
    print(f"{machine()}\n{load()}")
    started = time.perf_counter()
    lines = prediction_lines(args.predictions)
    subset = lines[:args.jsonschema_lines]
    report(f"1. {len(lines):,} predictions, {args.rounds} rounds, chunks of 1,000 alternated",
           alternate_chunks(checkers("prediction"), lines, args.rounds, size=1000), len(lines))
    report(f"   the first {len(subset):,} of them, {args.rounds} rounds",
           alternate_chunks(jsonschema_checkers("prediction"), subset, args.rounds, size=1000), len(subset))
    facts = FACTS.read_bytes().splitlines()
    both = {**checkers("fact"), "jsonschema": jsonschema_checkers("fact")["jsonschema"]}
    report(f"2. the bundled gold's {len(facts):,} facts ({FACTS.relative_to(ROOT)}), {args.gold_rounds} rounds",
           alternate_chunks(both, facts, args.gold_rounds, size=500), len(facts))
    cases = CASES.read_bytes().splitlines()
    report(f"   the shipped suite's {len(cases):,} cases ({CASES.relative_to(ROOT)}), {args.gold_rounds} rounds",
           alternate_chunks({**jsonschema_checkers("suite_case"), **compiled_checker("suite_case")}, cases,
                            args.gold_rounds, size=500), len(cases))
    startup(args.startup_rounds)
    print(f"\n{load()}; {time.perf_counter() - started:.0f} s in all")


if __name__ == "__main__":
    main()
