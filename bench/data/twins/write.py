"""Writing a twin set: atomically, replacing only a twin set (``.bench-twins``); see :mod:`bench.data.replace_dir`."""

from __future__ import annotations

from pathlib import Path

from bench.data.replace_dir import check_replaceable, replace_directory
from bench.data.twins.marker import MARKER


def check_target(directory: Path, force: bool) -> None:
    """Refuse a target that holds anything, unless ``force`` and it is a twin set (it holds the marker)."""
    check_replaceable(directory, force, MARKER, "bench twins build")


def write_files(directory: Path, files: dict[str, bytes], force: bool = False) -> None:
    """Write ``files`` (path inside the set -> bytes) as the directory ``directory``, all at once or not at all."""
    check_target(directory, force)
    replace_directory(directory, files, MARKER, "twin set")
