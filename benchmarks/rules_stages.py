"""Where the rules baseline's time goes: what each stage costs inside a whole extraction, in floors.

A stage timed alone misses what it costs among the others, so each is timed by
leaving it out: its results are recorded once, then the whole extractor runs
with every stage live, and again with one stage answered from its record, for
each stage in turn. What that saves is the stage's cost. Floor and variants take
turns every 64 documents (method.alternate_chunks); figures are medians of
per-round ratios to the floor, one ``re.finditer(r'\\d+')`` pass over the same
texts, as in benchmarks/extractor_speed.py. A lookup is not free, so a saving
slightly understates its stage.

    python3 benchmarks/rules_stages.py [--docs 640] [--rounds 7]
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent)]

from corpus import write_corpus  # noqa: E402 - the benchmarks' own modules, beside this script
from method import alternate_chunks, machine  # noqa: E402

# stage -> (module, function): each function takes the document's text first
STAGES = {
    "boilerplate": ("baselines.rules", "boilerplate_spans"),
    "officials": ("baselines.rules", "find_officials"),
    "  titled mentions (19 keyword scans)": ("baselines.rules.officials", "_titled"),
    "dates": ("baselines.rules", "find_dates"),
    "  date_candidates": ("baselines.rules.dates", "date_candidates"),
    "  quotations": ("baselines.rules", "quotations"),
    "counts": ("baselines.rules", "find_counts"),
    "  number_spans (digits, words)": ("baselines.rules.counts", "number_spans"),
    "agencies": ("baselines.rules", "find_agencies"),
    "  gazetteer names": ("baselines.rules.agencies", "_gazetteer_names"),
    "  generic names": ("baselines.rules.agencies", "_generic_names"),
}


def _record(extract: Callable, documents: list) -> dict[str, dict[str, object]]:
    """Every stage's result for every document's text, from one run with each stage wrapped."""
    records: dict[str, dict[str, object]] = {}
    originals = {stage: getattr(importlib.import_module(module), name) for stage, (module, name) in STAGES.items()}
    for stage, (module, name) in STAGES.items():
        record, original = records.setdefault(stage, {}), originals[stage]

        def recorded(text, *rest, record=record, original=original):
            record[text] = original(text, *rest)
            return record[text]
        setattr(importlib.import_module(module), name, recorded)
    try:
        for document in documents:
            extract(document)
    finally:
        for stage, (module, name) in STAGES.items():
            setattr(importlib.import_module(module), name, originals[stage])
    return records


def _without(stage: str, extract: Callable, record: dict[str, object]) -> Callable[[list], None]:
    """The whole extraction of a chunk of documents, ``stage`` answered from its record."""
    module, name = STAGES[stage]
    owner = importlib.import_module(module)

    def run(chunk: list) -> None:
        original = getattr(owner, name)
        setattr(owner, name, lambda text, *rest: record[text])
        try:
            for document in chunk:
                extract(document)
        finally:
            setattr(owner, name, original)
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=640)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()

    from bench.data.documents import Document
    from bench.extraction.registry import load_extractor

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.jsonl"
        write_corpus(path, args.docs)
        documents = [Document.from_dict(json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines()]
    if len({document.text for document in documents}) < len(documents):
        raise SystemExit("the corpus repeats a text: the records, keyed by text, would mix documents")
    extract = load_extractor("rules").extract
    records = _record(extract, documents)

    def floor(chunk: list) -> None:
        for document in chunk:
            for _ in re.finditer(r"\d+", document.text):
                pass

    def whole(chunk: list) -> None:
        for document in chunk:
            extract(document)

    work = {"floor": floor, "rules": whole, **{stage: _without(stage, extract, records[stage]) for stage in STAGES}}
    times = alternate_chunks(work, documents, args.rounds)
    ratio = {name: statistics.median(s / f for s, f in zip(times[name], times["floor"])) for name in work}
    print(f"machine: {machine()}\nrules on {args.docs:,} documents, {args.rounds} rounds: {ratio['rules']:.2f}x the floor")
    print(f"{'stage':40s} {'cost in floors':>15s} {'share':>7s}")
    for stage in STAGES:
        saved = ratio["rules"] - ratio[stage]
        print(f"{stage:40s} {saved:14.2f}x {saved / ratio['rules']:7.1%}")


if __name__ == "__main__":
    main()
