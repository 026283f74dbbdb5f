"""The marker a twin set carries (``.bench-twins``): which set it was made from, with which seed and offsets.

It names the source by version and content hash, so a results file scored on
the twin can be traced to its source (the twin's VERSION carries the seed and
the start of that hash too, and every results file records VERSION).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.data.jsonl import read_json
from bench.data.schema import check_record

MARKER = ".bench-twins"
FORMAT = 1


@dataclass(frozen=True, slots=True)
class TwinInfo:
    """A twin's making: its source (version, hash), seed, week offset, count factor, and the Faker that named it."""

    source_version: str
    source_hash: str
    seed: int
    weeks: int
    count_factor: float
    faker: str
    generator: str
    format: int = FORMAT

    def version(self) -> str:
        """The twin's VERSION: the source's, with the seed and the start of the source hash as build metadata.

        >>> TwinInfo("1.0.0", "sha256:74b8a53dda97aa", 7, 60, 1.5, "40.0", "1.0.0").version()
        '1.0.0+twin.7.74b8a53dda97'
        """
        return f"{self.source_version}+twin.{self.seed}.{self.source_hash.removeprefix('sha256:')[:12]}"

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, ensure_ascii=False) + "\n"


def read_marker(directory: Path) -> TwinInfo | None:
    """The marker of a twin set, or None for a directory that holds none."""
    path = directory / MARKER
    if not path.is_file():
        return None
    raw = read_json(path)
    check_record(raw, "twins_marker", str(path), None)
    return TwinInfo(**raw)
