"""Processes a test starts, found by a marker in their environment, so that none outlives the test."""

from __future__ import annotations

import os
import signal
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


def carrying(mark: str) -> list[int]:
    """The live processes whose environment holds the marker."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if f"BENCH_TEST_MARK={mark}".encode() in environ.split(b"\0") and state != "Z":
            found.append(int(entry.name))
    return found


def left_behind(mark: str) -> list[int]:
    """What still runs a short while after bench ended (a killed process takes a moment to go)."""
    deadline = time.monotonic() + 2
    while (alive := carrying(mark)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive


@pytest.fixture()
def marker() -> Iterator[str]:
    """A marker for the processes of one test; whatever still carries it at the end is killed."""
    mark = uuid.uuid4().hex
    yield mark
    for pid in carrying(mark):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
