"""Loading a gold set of thousands of small documents, against a floor measured in the same process.

Writes a synthetic gold set of ``--docs`` short articles (a few sentences
each, with four labelled mentions: a date, a count, an agency, an official)
into a temporary folder, then alternates, round by round:

- floor: what any loader must do: ``json.loads`` of each manifest and facts
  line, each article's bytes read, hashed with sha256 and decoded;
- subject: :func:`bench.data.gold.load_gold` (shape checks, offsets against the
  texts, canonical names against the alias table, duplicates, the content hash).

Prints the median time of each and the median of the per-round ratios
subject / floor with their range. Target: within 5x of the floor.

    python3 benchmarks/gold_load.py [--docs 3000] [--rounds 7]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.data.gold import load_gold  # noqa: E402

MONTHS = ("January", "March", "May", "July", "September", "November")
UNITS = ("employees", "users")
ALIASES = {"agencies": {"Office of Harbor Standards": ["OHS"]}, "officials": {"Bo Vance": ["Vance"]},
           "titles": {"Director": []}, "units": {"employees": ["workers"], "users": ["customers"]}}


def article(n: int) -> tuple[str, list[tuple[str, str, object]]]:
    """A short text and its labels (surface, type, value); numbers and dates vary with ``n``."""
    month, day, year, count = MONTHS[n % 6], 1 + n % 28, 2000 + n % 25, 10 + n % 900
    unit = UNITS[n % 2]
    date = f"{month} {day}, {year}"
    text = (f"Item {n}. On {date} the Office of Harbor Standards said {count} {unit} were affected. "
            f"Director Bo Vance said the review would continue. " * 1)
    value_date = f"{year}-{MONTHS.index(month) * 2 + 1:02d}-{day:02d}"
    fact_type = "headcount" if unit == "employees" else "user_count"
    return text, [(date, "date", value_date), (f"{count} {unit}", fact_type, {"count": count, "qualifier": "eq", "unit": unit}),
                  ("Office of Harbor Standards", "agency", "Office of Harbor Standards"),
                  ("Bo Vance", "official", {"name": "Bo Vance", "title": "Director"})]


def write_set(directory: Path, docs: int) -> None:
    (directory / "documents").mkdir(parents=True)
    manifest, facts = [], []
    for n in range(docs):
        text, labels = article(n)
        data = text.encode("utf-8")
        name = f"{n:05d}.txt"
        (directory / "documents" / name).write_bytes(data)
        manifest.append(json.dumps({"id": f"d{n}", "file": name, "sha256": hashlib.sha256(data).hexdigest(), "published": None}))
        for k, (surface, fact_type, value) in enumerate(labels):
            start = text.index(surface)
            facts.append(json.dumps({"id": f"{n}-{k}", "doc_id": f"d{n}", "type": fact_type, "text": surface,
                                     "start": start, "end": start + len(surface), "value": value}))
    (directory / "documents" / "manifest.jsonl").write_text("\n".join(manifest) + "\n")
    (directory / "facts.jsonl").write_text("\n".join(facts) + "\n")
    (directory / "aliases.json").write_text(json.dumps(ALIASES))
    (directory / "VERSION").write_text("0.0.1\n")


def floor(directory: Path) -> int:
    """Parse every line and read, hash and decode every article: the least a loader does."""
    folder = directory / "documents"
    records = [json.loads(line) for line in (folder / "manifest.jsonl").read_bytes().splitlines() if line.strip()]
    for record in records:
        data = (folder / record["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == record["sha256"]
        data.decode("utf-8")
    facts = [json.loads(line) for line in (directory / "facts.jsonl").read_bytes().splitlines() if line.strip()]
    return len(records) + len(facts)


def timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "set"
        write_set(directory, args.docs)
        gold = load_gold(directory)  # warm-up (schemas, imports), and a check that the set is valid
        assert len(gold.documents) == args.docs and len(gold.facts) == 4 * args.docs
        floors, subjects = [], []
        for _ in range(args.rounds):
            floors.append(timed(floor, directory))
            subjects.append(timed(load_gold, directory))
    ratios = sorted(s / f for s, f in zip(subjects, floors))
    print(f"gold set of {args.docs:,} documents and {4 * args.docs:,} facts, {args.rounds} rounds (floor and load_gold alternate)")
    print(f"  floor (parse, read, sha256, decode): median {statistics.median(floors) * 1000:8.1f} ms")
    print(f"  load_gold:                           median {statistics.median(subjects) * 1000:8.1f} ms "
          f"({args.docs / statistics.median(subjects):,.0f} documents/s)")
    ratio = statistics.median(ratios)
    print(f"  ratio load_gold / floor: median {ratio:.2f}x (range {ratios[0]:.2f}x to {ratios[-1]:.2f}x); "
          f"target within 5x: {'PASS' if ratio <= 5 else 'MISS'}")


if __name__ == "__main__":
    main()
