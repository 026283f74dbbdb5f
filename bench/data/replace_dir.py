"""Writing a directory bench makes (a suite, a twin set) atomically, and replacing only what bench made.

The files are written to a staging directory beside the target and renamed
into place: all of it appears at once, or nothing. With ``force`` an existing
directory is replaced only when it holds the kind's marker file, so a
mistyped ``-o`` cannot delete someone's work. A target that is a symbolic
link stands for the directory it names, which is replaced (the link stays),
as ``-o`` onto a link replaces the file it names. A write that fails or is
interrupted removes the folders it made on the way to the target. Directories
an interrupted run left beside the target (``.NAME.building-PID``,
``.NAME.replaced-PID``, each holding the marker) are removed on the next run
once their process is gone.
"""

from __future__ import annotations

import os
import shutil
from contextlib import suppress
from pathlib import Path

from bench.errors import InputError


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_leftovers(directory: Path, marker: str) -> list[Path]:
    """Remove the staging and replaced copies an interrupted run left beside ``directory``; returns them."""
    removed = []
    for stage in ("building", "replaced"):
        for path in directory.parent.glob(f".{directory.name}.{stage}-*"):
            pid = path.name.rsplit("-", 1)[1]
            if pid.isdigit() and int(pid) != os.getpid() and not _running(int(pid)) and (path / marker).is_file():
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
    return removed


def check_replaceable(directory: Path, force: bool, marker: str, made_by: str) -> None:
    """Refuse a target that exists, is not empty, and is not (with ``force``) a directory ``made_by`` wrote."""
    if not directory.exists():
        return
    if not directory.is_dir():
        raise InputError("exists and is not a directory", str(directory), field="--output")
    if not any(directory.iterdir()):
        return
    if not force:
        raise InputError("exists and is not empty; choose another directory or pass --force", str(directory),
                         field="--output")
    if not (directory / marker).is_file():
        raise InputError(f"was not written by '{made_by}' (no {marker}); refusing to replace it", str(directory),
                         field="--output")


def _missing_folders(folder: Path) -> list[Path]:
    """``folder`` and its parents that do not exist yet, deepest first."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    return missing


def replace_directory(directory: Path, files: dict[str, bytes], marker: str, what: str) -> None:
    """Write ``files`` (path inside -> bytes, the marker among them) as ``directory``, all at once or not at all."""
    real = Path(os.path.realpath(directory))
    clean_leftovers(real, marker)
    made = _missing_folders(real.parent)
    staging = real.parent / f".{real.name}.building-{os.getpid()}"
    old = real.parent / f".{real.name}.replaced-{os.getpid()}"
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        for path in sorted(files, key=lambda name: name != marker):  # the marker first: a staging copy is known as ours
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[path])
        if real.exists():
            real.rename(old)
        staging.rename(real)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if old.exists() and not real.exists():
            old.rename(real)
        for folder in made:
            with suppress(OSError):
                folder.rmdir()
        if isinstance(exc, OSError):
            raise InputError(f"cannot write the {what}: {exc.strerror}", str(directory), field="--output") from None
        raise
    shutil.rmtree(old, ignore_errors=True)
