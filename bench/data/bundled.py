"""The gold sets shipped with factbench, by name: where each is, what its texts are, under which licence.

The one place where a gold set's name becomes its directory (``--gold NAME|DIR``, ``bench gold show``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from bench.data.resources import gold_dir
from bench.errors import BenchError
from bench.facts import FACT_TYPES


@dataclass(frozen=True, slots=True)
class BundledSet:
    """A gold set shipped in ``gold/``: its name, its folder there ("" is ``gold/`` itself), licence and source."""

    name: str
    folder: str
    licence: str
    source: str

    @property
    def directory(self) -> Path:
        return gold_dir() / self.folder


BUNDLED = (
    BundledSet("articles", "",
               licence="the publishers' property, for research evaluation only (not an open licence)",
               source="news articles (Rappler, Reuters, Newsng, two unnamed), see seeds/manifest.jsonl"),
    BundledSet("wikinews", "wikinews",
               licence="CC BY 2.5 (texts), CC BY 4.0 (GUM annotations)",
               source="Wikinews via GUM (amir-zeldes/gum)"),
)
BUNDLED_NAMES = tuple(bundled.name for bundled in BUNDLED)


def _is_bare(value: str) -> bool:
    """A name with no path separator, as ``wikinews`` is and ``./wikinews`` is not."""
    return all(sep not in value for sep in (os.sep, os.altsep) if sep)


def gold_directory(value: str, field: str | None = None) -> Path:
    """The directory a gold set is read from: a bundled set's name picks that set, anything else is a path.

    A bundled name wins over a directory of the same name in the current
    directory; that one is given as a path (``./wikinews``). A bare name that is
    neither a bundled set nor a directory is refused, listing the bundled names.

    Args:
        value: a bundled name (``articles``, ``wikinews``) or a directory.
        field: the option that gave ``value`` (``--gold``), named in the error.

    >>> gold_directory("wikinews") == gold_dir() / "wikinews"
    True
    >>> str(gold_directory("./wikinews"))
    'wikinews'
    """
    for bundled in BUNDLED:
        if value == bundled.name:
            return bundled.directory
    path = Path(value)
    if _is_bare(value) and not path.is_dir():
        raise BenchError(f"no gold set {value!r}; bundled sets: {', '.join(BUNDLED_NAMES)} (or give a directory)",
                         field=field)
    return path


def summary(bundled: BundledSet) -> dict:
    """One bundled set at a glance: name, version, documents, mentions and distinct facts per type, licence, source."""
    from bench.data.gold import gold_statistics, load_gold  # resolving a name needs no gold loaded

    gold = load_gold(bundled.directory)
    total = gold_statistics(gold)[-1]
    return {
        "name": bundled.name,
        "version": gold.version,
        "documents": len(gold.documents),
        "facts": {t: {"mentions": total[t][0], "distinct": total[t][1]} for t in FACT_TYPES},
        "licence": bundled.licence,
        "source": bundled.source,
        "directory": str(bundled.directory),
    }
