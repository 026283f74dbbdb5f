"""Writing a suite directory: atomically, replacing only a suite (``.bench-suite``); see :mod:`bench.data.replace_dir`."""

from __future__ import annotations

from pathlib import Path

from bench.data.replace_dir import check_replaceable, replace_directory
from bench.data.suite.build import CASES_PER_CAPABILITY, MARKER, build_suite


def write_suite(directory: Path, seed: int, force: bool = False,
                per_capability: int = CASES_PER_CAPABILITY) -> dict[str, bytes]:
    """Build the suite from ``seed`` into ``directory`` atomically: all of it appears at once, or nothing.

    An existing non-empty ``directory`` is replaced only with ``force``, and only when it is a suite.
    """
    directory = Path(directory)
    check_replaceable(directory, force, MARKER, "bench suite build")
    files = build_suite(seed, per_capability)
    replace_directory(directory, files, MARKER, "suite")
    return files
