"""The benchmarks' synthetic corpus: the five seed articles under new ids, numbers and months redrawn.

Redrawing every number, year and month name keeps the texts realistic while
no cache keyed on a whole expression can replay the five articles' answers.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
MONTH = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b")
NUMBER = re.compile(r"\d+")


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
