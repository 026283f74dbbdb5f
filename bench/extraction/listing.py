"""What ``bench list`` says of the extractors: each registered one's version, package and description, and the
options one declares. Reading them imports each extractor's module; nothing is instantiated."""

from __future__ import annotations

from dataclasses import dataclass

from bench.extraction.options import OptionSpec, declared
from bench.extraction.registry import registered, resolve


@dataclass(frozen=True, slots=True)
class Listed:
    """One registered extractor as listed: a broken plug-in is listed too, its description saying why."""

    name: str
    version: str
    package: str
    description: str


def listed_extractors() -> list[Listed]:
    """Every registered extractor (built-in or plug-in), in name order."""
    listed = []
    for name, entry in registered().items():
        try:
            target = resolve(name)  # class attributes are read; nothing is instantiated
            version = str(getattr(target, "version", "?"))
            description = getattr(target, "description", "") or (target.__doc__ or "").strip().split("\n")[0]
        except Exception as error:  # noqa: BLE001 - a broken plug-in is listed, not fatal
            version, description = "?", f"(cannot load: {str(error).splitlines()[0][:80]})"
        listed.append(Listed(name, version, entry.distribution, description))
    return listed


def declared_options(spec: str) -> list[OptionSpec]:
    """The options the extractor ``spec`` names declares (for ``--param``)."""
    return declared(resolve(spec))
