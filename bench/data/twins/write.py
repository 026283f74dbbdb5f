"""Writing a twin set: built beside its target and renamed into place, replacing only a twin set when asked."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from bench.data.jsonl import current_umask
from bench.data.twins.marker import MARKER
from bench.errors import InputError


def check_target(directory: Path, force: bool) -> None:
    """Refuse a target that holds anything, unless ``force`` and it is a twin set (it holds the marker)."""
    if not directory.exists() and not directory.is_symlink():
        return
    if not directory.is_dir():
        raise InputError("exists and is not a directory; choose another path", str(directory), field="--output")
    if not any(directory.iterdir()):
        return
    if not (directory / MARKER).is_file():
        raise InputError(f"exists and is not a twin set (no {MARKER}); choose another directory", str(directory),
                         field="--output")
    if not force:
        raise InputError("holds a twin set already; pass --force to replace it", str(directory), field="--output")


def write_files(directory: Path, files: dict[str, bytes], force: bool = False) -> None:
    """Write ``files`` (path inside the set -> bytes) as the directory ``directory``, all at once or not at all."""
    check_target(directory, force)
    directory.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{directory.name}.building-", dir=directory.parent))
    old = directory.parent / f".{directory.name}.replaced-{os.getpid()}"
    try:
        for name, data in files.items():
            target = building / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        os.chmod(building, 0o777 & ~current_umask())  # mkdtemp made it private
        if directory.exists():
            directory.rename(old)
        building.rename(directory)
    except OSError as exc:
        shutil.rmtree(building, ignore_errors=True)
        if old.exists() and not directory.exists():
            old.rename(directory)
        raise InputError(f"cannot write the twin set: {exc.strerror}", str(directory), field="--output") from None
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)

