"""Recitation: answers on a twin set that are values of its source set the twin no longer holds.

A twin (``bench twins build``) renames every person, scales every count and
moves every date of its source set. An extractor that reads the twin answers
with the twin's values; one that recites what it remembers of the source
answers with the source's, and each such answer is counted here.

Unit, as at fact level: per document, the distinct (type, canonical value)
pairs of the predictions. A predicted fact is **recited** when its value,
canonicalized through the source's alias table, is one the source's gold
holds for that document and type, and, canonicalized through the twin's
table, is none the twin's gold holds there. Values compare strictly (an
official by name and title, a count by number, qualifier and unit, a date at
its precision). Agencies never change in a twin, so none is ever recited.

>>> from bench.data.gold import Gold
>>> from bench.facts import Fact
>>> from bench.normalize.aliases import AliasTable
>>> source = Gold("1", "h1", (), (Fact("a", "date", "2024-06"), Fact("a", "date", "2024-07-20")), AliasTable())
>>> twin = Gold("1+twin", "h2", (), (Fact("a", "date", "2025-08"), Fact("a", "date", "2025-09-13")), AliasTable())
>>> answers = [Fact("a", "date", "2024-06"), Fact("a", "date", "2024-06"), Fact("a", "date", "2025-09-13")]
>>> recited(answers, twin, source).to_dict()
{'date': 1, 'headcount': 0, 'user_count': 0, 'agency': 0, 'official': 0, 'total': 1}
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from bench.data.gold import Gold, load_gold
from bench.data.results import Results
from bench.data.twin_results import Recited
from bench.data.twins.marker import MARKER, TwinInfo, read_marker
from bench.errors import MismatchError
from bench.facts import FACT_TYPES, Fact, Value
from bench.normalize.aliases import fact_key


@dataclass(frozen=True, slots=True)
class Recitation:
    """Recited facts per type, and each of them as (document, type, the source's canonical value)."""

    per_type: dict[str, int]
    facts: tuple[tuple[str, str, Value], ...]

    @property
    def total(self) -> int:
        return sum(self.per_type.values())

    def to_dict(self) -> dict[str, int]:
        """The ``recited`` structure of a results file: a count per fact type, and their total."""
        return {**{t: self.per_type.get(t, 0) for t in FACT_TYPES}, "total": self.total}


def recited(predictions: Iterable[Fact], twin: Gold, source: Gold) -> Recitation:
    """The predictions made on ``twin`` that recite ``source``: values the source holds and the twin does not.

    Documents are paired by id (a twin keeps its source's ids).
    """
    source_keys = {fact_key(fact, source.aliases) for fact in source.facts}
    twin_keys = {fact_key(fact, twin.aliases) for fact in twin.facts}
    found = {key for key, fact in ((fact_key(f, source.aliases), f) for f in predictions)
             if key in source_keys and fact_key(fact, twin.aliases) not in twin_keys}
    ordered = tuple(sorted(found, key=lambda key: (key[0], FACT_TYPES.index(key[1]), repr(key[2]))))
    return Recitation(dict(Counter(key[1] for key in ordered)), ordered)


def _bundled_source(info: TwinInfo, twin_dir: Path) -> Gold:
    """The bundled gold set whose content hash the marker records."""
    from bench.data.bundled import BUNDLED

    for bundled in BUNDLED:
        gold = load_gold(bundled.directory)
        if gold.hash == info.source_hash:
            return gold
    raise MismatchError(f"the twin was made from gold {info.source_version} ({info.source_hash[:19]}), none of the "
                        "bundled sets: give that set's directory with --source", str(twin_dir), field="--source")


def source_of(twin_dir: Path, source_dir: Path | None = None) -> tuple[TwinInfo, Gold] | None:
    """The marker of the twin set in ``twin_dir`` and its source gold, or None when ``twin_dir`` is no twin set.

    The source is ``source_dir``, refused unless the twin was made from it;
    without one, the bundled set whose hash the marker records.
    """
    info = read_marker(twin_dir)
    if info is None:
        return None
    if source_dir is None:
        return info, _bundled_source(info, twin_dir)
    source = load_gold(source_dir)
    if source.hash != info.source_hash:
        raise MismatchError(f"the twin was made from gold {info.source_version} ({info.source_hash[:19]}), not from "
                            f"gold {source.version} ({source.hash[:19]})", str(twin_dir), field="--source")
    return info, source


def twin_and_source(twin_dir: Path, source_dir: Path | None = None) -> tuple[Gold, Gold]:
    """Load a twin set and its source (see :func:`source_of`); a directory holding no twin set is refused."""
    found = source_of(twin_dir, source_dir)
    if found is None:
        raise MismatchError(f"not a twin set: it holds no {MARKER} marker (make one with bench twins build)",
                            str(twin_dir))
    return load_gold(twin_dir), found[1]


def with_recited(results: Results, predictions: Iterable[Fact], gold: Gold, gold_dir: Path | None,
                 source_dir: Path | None = None) -> Results:
    """``results`` with the predictions' recited answers when ``gold`` (read from ``gold_dir``) is a twin set.

    Off a twin set the results are returned as they are; a ``source_dir`` given there is refused.
    """
    found = source_of(gold_dir, source_dir) if gold_dir is not None else None
    if found is None:
        if source_dir is not None:
            raise MismatchError(f"only a twin set has a source, and this gold set holds no {MARKER} marker",
                                str(gold_dir) if gold_dir else None, field="--source")
        return results
    info, source = found
    found_types = recited(predictions, gold, source).per_type
    counts = {t: found_types.get(t, 0) for t in FACT_TYPES}
    return replace(results, recited=Recited(counts, info.source_version, info.source_hash, info.seed))
