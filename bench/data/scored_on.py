"""Which set a results file was scored on, named for people, with the option that loads it.

A results file records its gold set by version and content hash (a suite by
name too). The refusals of ``compare``, ``leaderboard`` and ``report`` name
both sides this way: a bundled set (``articles``, ``wikinews``: known by
hash), the shipped capability suite (by hash; seed 0) or a suite built from
another seed, a twin (its VERSION carries its seed and the start of its
source's hash), or a set of your own; each with ``--gold NAME``,
``--suite capabilities``, ``--suite DIR`` or ``--gold DIR``.

Naming a set may load the bundled sets (milliseconds) and the shipped suite
(about a second): it is done on the way to an error only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.data.gold import Gold
from bench.data.results import Results, odd_one_out
from bench.errors import BenchError, MismatchError

# A twin's VERSION, as bench.data.twins.marker.TwinInfo.version writes it: SOURCE+twin.SEED.HASH12
_TWIN_VERSION = re.compile(r"^(?P<source>.+)\+twin\.(?P<seed>\d+)\.(?P<hash>[0-9a-f]{12})$")
_SUITE_DIR = "DIR (the directory bench suite build wrote)"


@dataclass(frozen=True, slots=True)
class SetName:
    """A set as people know it (``what``) and the option that loads it (``flag``)."""

    what: str
    flag: str


def _short(content_hash: str) -> str:
    return content_hash[:19]


def _bundled() -> dict[str, tuple[str, str]]:
    """The bundled gold sets by content hash: (name, version); a set that fails to load is left out."""
    from bench.data.bundled import BUNDLED
    from bench.data.gold import load_gold

    found = {}
    for bundled in BUNDLED:
        try:
            gold = load_gold(bundled.directory)
        except BenchError:
            continue
        found[gold.hash] = (bundled.name, gold.version)
    return found


def _shipped_suite():
    """The shipped capability suite, or None when it cannot be loaded."""
    from bench.data.suite.load import SHIPPED, load_suite

    try:
        return load_suite(SHIPPED)
    except BenchError:
        return None


def _source_name(source_hash: str, source_version: str) -> str:
    """A twin's source: a bundled set's name when its hash starts so, else its version and hash."""
    prefix = source_hash.removeprefix("sha256:")[:12]
    for content_hash, (name, _) in _bundled().items():
        if content_hash.removeprefix("sha256:").startswith(prefix):
            return name
    return f"gold {source_version} (sha256:{prefix})"


def _suite_scored_on(suite: dict) -> SetName:
    shipped = _shipped_suite()
    title = f"suite {suite.get('name', '?')} {suite.get('version', '?')}"
    if shipped is not None and shipped.hash == suite.get("hash"):
        return SetName(f"the shipped {title}, seed {shipped.seed}", "--suite capabilities")
    if shipped is None:
        return SetName(f"{title} ({_short(suite.get('hash', ''))})", f"--suite capabilities or --suite {_SUITE_DIR}")
    return SetName(f"{title} ({_short(suite.get('hash', ''))}), not the one shipped with this factbench (seed "
                   f"{shipped.seed}): built from another seed, or an older version", f"--suite {_SUITE_DIR}")


def scored_on(results: Results) -> SetName:
    """The set ``results`` was scored on, as far as the file tells it.

    >>> scored_on(Results("x", "1", "1.0.0+twin.3.d447539b9268", "sha256:" + "0" * 64, "fact", "strict", ())).flag
    '--gold DIR (the directory bench twins build wrote)'
    """
    if results.suite:
        return _suite_scored_on(results.suite)
    twin = _TWIN_VERSION.match(results.gold_version)
    if twin:
        source = _source_name(twin["hash"], twin["source"])
        return SetName(f"a twin of {source} (seed {twin['seed']}, gold {results.gold_version})",
                       "--gold DIR (the directory bench twins build wrote)")
    bundled = _bundled().get(results.gold_hash)
    if bundled:
        return SetName(f"{bundled[0]} (gold {bundled[1]})", f"--gold {bundled[0]}")
    return SetName(f"gold set {results.gold_version} ({_short(results.gold_hash)})", "--gold DIR (the set's directory)")


def loaded(gold: Gold, suite=None) -> SetName:
    """The set the command loaded: ``gold``, or the capability ``suite`` (a :class:`~bench.data.suite.load.Suite`)
    whose gold it is."""
    from bench.data.twins.marker import read_marker

    directory = Path(gold.facts_file).parent if gold.facts_file else None
    if suite is not None:
        from bench.data.suite.load import SHIPPED, suite_dir

        title = f"suite {suite.name} {suite.version}, seed {suite.seed}"
        if directory is not None and directory.resolve() == suite_dir(SHIPPED).resolve():
            return SetName(f"the shipped {title}", "--suite capabilities")
        return SetName(f"{title} ({directory})", f"--suite {directory}")
    bundled = _bundled().get(gold.hash)
    if bundled:
        return SetName(f"{bundled[0]} (gold {bundled[1]})", f"--gold {bundled[0]}")
    twin = read_marker(directory) if directory is not None else None
    if twin is not None:
        source = _source_name(twin.source_hash, twin.source_version)
        return SetName(f"a twin of {source} (seed {twin.seed}, gold {gold.version}) at {directory}", f"--gold {directory}")
    return SetName(f"{directory} (gold {gold.version})", f"--gold {directory}")


def refuse_other_sets(results: Sequence[Results], names: Sequence[str], gold: Gold | None = None, suite=None) -> None:
    """Refuse results scored on different sets, or on another set than the one loaded, naming each set and its option.

    Args:
        results: the results files, read; ``names`` are their paths as given.
        gold: the gold the command loaded (a suite's gold with ``suite``); None checks the files among themselves only.
    """
    found = odd_one_out([r.gold_hash for r in results])
    if found:
        odd, usual = found
        raise MismatchError(f"scored on {scored_on(results[odd]).what}, {names[usual]} on "
                            f"{scored_on(results[usual]).what}: results on different sets are never compared; "
                            "score both on one set", names[odd], field="gold_hash")
    if gold is not None and results and results[0].gold_hash != gold.hash:
        theirs = scored_on(results[0])
        raise MismatchError(f"scored on {theirs.what}, not on {loaded(gold, suite).what}, which was loaded: "
                            f"load its set with {theirs.flag}", names[0], field="gold_hash")
