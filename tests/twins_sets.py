"""A small gold set written for the twins tests, file by file and labelled by hand, in every style a twin rewrites."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

TEXTS = {
    "clinic": (("RIVERTON, 12 March 2025 - Health Minister Ines Moura said on Tuesday that the clinic will cut fifty "
               "staff by May. Moura's ministry said more than 1.2 million patients use its app, and 400m people will "
               "by 2027. Reporter Tom Baxter wrote on 2025-03-11 that Moura met the board last month."), "2025-03-12"),
    "bridge": (("Governor Ada Quill said on Monday, July 15 that the bridge, opened in June 1998, will close on Jul. 20 "
               "and reopen in August. About 120 workers will take part, the Roads Agency said. Quill's office has 40 "
               "staff.\n\nRead more: Quill hires 120 workers for the bridge"), "2024-07-16"),
}
_MOURA = {"name": "Ines Moura", "title": "Minister of Health"}
_QUILL = {"name": "Ada Quill", "title": "Governor"}
LABELS = [  # (doc, surface, occurrence, type, value); 12 March 2025 was a Wednesday, 16 July 2024 a Tuesday
    ("clinic", "12 March 2025", 0, "date", "2025-03-12"),
    ("clinic", "Ines Moura", 0, "official", _MOURA),
    ("clinic", "Tuesday", 0, "date", "2025-03-11"),
    ("clinic", "fifty", 0, "headcount", {"count": 50, "qualifier": "eq", "unit": "employees"}),
    ("clinic", "May", 0, "date", "2025-05"),
    ("clinic", "Moura", 1, "official", _MOURA),
    ("clinic", "more than 1.2 million", 0, "user_count", {"count": 1_200_000, "qualifier": "gt", "unit": "users"}),
    ("clinic", "400m", 0, "user_count", {"count": 400_000_000, "qualifier": "eq", "unit": "users"}),
    ("clinic", "2027", 0, "date", "2027"),
    ("clinic", "2025-03-11", 0, "date", "2025-03-11"),
    ("clinic", "Moura", 2, "official", _MOURA),
    ("clinic", "last month", 0, "date", "2025-02"),
    ("bridge", "Ada Quill", 0, "official", _QUILL),
    ("bridge", "Monday, July 15", 0, "date", "2024-07-15"),
    ("bridge", "June 1998", 0, "date", "1998-06"),
    ("bridge", "Jul. 20", 0, "date", "2024-07-20"),
    ("bridge", "August", 0, "date", "2024-08"),
    ("bridge", "About 120", 0, "headcount", {"count": 120, "qualifier": "approx", "unit": "employees"}),
    ("bridge", "Roads Agency", 0, "agency", "Roads Agency"),
    ("bridge", "Quill", 1, "official", _QUILL),
    ("bridge", "40", 0, "headcount", {"count": 40, "qualifier": "eq", "unit": "employees"}),
]
ALIASES = {
    "officials": {"Ines Moura": ["Moura"], "Ada Quill": ["Quill"]},
    "titles": {"Minister of Health": ["Health Minister"], "Governor": []},
    "agencies": {"Roads Agency": []},
    "units": {"employees": ["staff", "workers"], "users": ["people", "patients"]},
}


def _offset(text: str, surface: str, occurrence: int) -> int:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return start


def fact_records() -> list[dict]:
    records = []
    for number, (doc, surface, occurrence, fact_type, value) in enumerate(LABELS, 1):
        start = _offset(TEXTS[doc][0], surface, occurrence)
        records.append({"id": f"t{number:02d}", "doc_id": doc, "type": fact_type, "text": surface, "start": start,
                        "end": start + len(surface), "value": value})
    return records


def write_set(directory: Path, texts: dict | None = None, facts: list[dict] | None = None,
              aliases: dict | None = None, extra: dict[str, str] | None = None) -> Path:
    """Write a gold set: the small one by default, or other texts, facts, aliases and extra files."""
    texts = TEXTS if texts is None else texts
    (directory / "documents").mkdir(parents=True)
    manifest = []
    for doc_id, (text, published) in texts.items():
        data = text.encode("utf-8")
        (directory / "documents" / f"{doc_id}.txt").write_bytes(data)
        manifest.append({"id": doc_id, "file": f"{doc_id}.txt", "sha256": hashlib.sha256(data).hexdigest(),
                         "published": published})
    (directory / "documents" / "manifest.jsonl").write_text("".join(json.dumps(r) + "\n" for r in manifest),
                                                            encoding="utf-8")
    records = fact_records() if facts is None else facts
    (directory / "facts.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (directory / "aliases.json").write_text(json.dumps(ALIASES if aliases is None else aliases), encoding="utf-8")
    (directory / "VERSION").write_text("0.1.0\n", encoding="utf-8")
    for name, content in (extra or {}).items():
        (directory / name).write_text(content, encoding="utf-8")
    return directory
