"""Writing a suite directory atomically, and replacing only what bench wrote.

The files are written to a staging directory beside the target and renamed
into place: all of the suite appears at once, or nothing. With ``force`` an
existing directory is replaced only when it holds the suite marker
(``.bench-suite``), so a mistyped ``-o`` cannot delete someone's work.
Directories left beside the target by an interrupted run
(``.NAME.building-PID``, ``.NAME.replaced-PID``, each holding the marker) are
removed on the next run once their process is gone.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from bench.data.suite.build import CASES_PER_CAPABILITY, MARKER, build_suite
from bench.errors import InputError


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_leftovers(directory: Path) -> list[Path]:
    """Remove the staging and replaced copies an interrupted run left beside ``directory``; returns them."""
    removed = []
    for stage in ("building", "replaced"):
        for path in directory.parent.glob(f".{directory.name}.{stage}-*"):
            pid = path.name.rsplit("-", 1)[1]
            if pid.isdigit() and int(pid) != os.getpid() and not _running(int(pid)) and (path / MARKER).is_file():
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
    return removed


def _check_target(directory: Path, force: bool) -> None:
    if not directory.exists():
        return
    if not directory.is_dir():
        raise InputError("exists and is not a directory", str(directory))
    if not any(directory.iterdir()):
        return
    if not force:
        raise InputError("exists and is not empty; choose another directory or pass --force", str(directory))
    if not (directory / MARKER).is_file():
        raise InputError(f"is not a suite written by 'bench suite build' (no {MARKER}); refusing to replace it",
                         str(directory))


def write_suite(directory: Path, seed: int, force: bool = False,
                per_capability: int = CASES_PER_CAPABILITY) -> dict[str, bytes]:
    """Build the suite from ``seed`` into ``directory`` atomically: all of it appears at once, or nothing.

    An existing non-empty ``directory`` is replaced only with ``force``, and only when it is a suite.
    """
    directory = Path(directory)
    clean_leftovers(directory)
    _check_target(directory, force)
    files = build_suite(seed, per_capability)
    staging = directory.parent / f".{directory.name}.building-{os.getpid()}"
    old = directory.parent / f".{directory.name}.replaced-{os.getpid()}"
    try:
        for path, data in files.items():  # the marker first: a staging copy left behind is known as ours
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        if directory.exists():
            directory.rename(old)
        staging.rename(directory)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if old.exists() and not directory.exists():
            old.rename(directory)
        raise InputError(f"cannot write the suite: {exc.strerror}", str(directory)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)
    return files
