"""Where the bundled seeds, gold and schemas live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def _data_root() -> Path:
    installed = _PACKAGE / "_data"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent  # a source checkout or an editable install


def seeds_dir() -> Path:
    return _data_root() / "seeds"


def gold_dir() -> Path:
    return _data_root() / "gold"


def schema_dir() -> Path:
    return gold_dir() / "schema"
