"""The leaderboard: results files on the same gold, ranked by micro-F1, as Markdown.

Ranking: micro-F1, highest first; an undefined micro-F1 ranks last; ties are
broken by extractor name, then by file name. Undefined metrics are shown "–".
Files on different gold, match levels or modes are refused, naming the odd file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.data.results import Results, read_results, same_gold
from bench.errors import InputError, MismatchError
from bench.facts import FACT_TYPES
from bench.presentation.tables import fmt_metric, format_table

UNDEFINED = "–"


@dataclass(frozen=True, slots=True)
class Entry:
    """One results file on the board."""

    file: str
    results: Results

    def f1_of(self, label: str) -> float | None:
        return next((row.f1 for row in self.results.rows if row.label == label), None)


def read_results_dir(directory: str | Path) -> list[Entry]:
    """Every ``*.json`` results file in ``directory`` (not recursive), in file-name order."""
    folder = Path(directory)
    if not folder.is_dir():
        raise InputError("not a directory of results files", str(folder))
    paths = sorted(folder.glob("*.json"))
    if not paths:
        raise InputError("no results files (*.json) here", str(folder))
    return [Entry(path.name, read_results(path)) for path in paths]


def _same_setting(entries: Sequence[Entry]) -> None:
    """Refuse a board that mixes gold, match levels or modes, naming the first odd file."""
    same_gold([e.results for e in entries], [e.file for e in entries])
    first = entries[0]
    for entry in entries[1:]:
        for name in ("level", "mode"):
            theirs, ours = getattr(entry.results, name), getattr(first.results, name)
            if theirs != ours:
                raise MismatchError(f"{name} {theirs!r} differs from {first.file}'s {ours!r}", entry.file, field=name)


def rank(entries: Sequence[Entry]) -> list[Entry]:
    """Entries by micro-F1 (highest first, undefined last), then extractor name, then file name."""

    def key(entry: Entry) -> tuple:
        f1 = entry.f1_of("micro")
        return (f1 is None, -(f1 or 0.0), entry.results.label, entry.file)

    return sorted(entries, key=key)


def leaderboard_markdown(entries: Sequence[Entry]) -> str:
    """The ranked board as Markdown: micro P, R, F1, then F1 per fact type."""
    if not entries:
        raise InputError("no results to rank")
    _same_setting(entries)
    first = entries[0].results
    headers = ["rank", "extractor", "version", "micro P", "micro R", "micro F1", *FACT_TYPES, "file"]
    body = []
    for position, entry in enumerate(rank(entries), 1):
        result = entry.results
        micro = next((row for row in result.rows if row.label == "micro"), None)
        body.append([
            position, result.label, result.extractor_version or UNDEFINED,
            *(fmt_metric(getattr(micro, m, None)) for m in ("precision", "recall", "f1")),
            *(fmt_metric(entry.f1_of(t)) for t in FACT_TYPES), f"`{entry.file}`",
        ])
    lines = [
        f"Gold {first.gold_version} (`{first.gold_hash[:19]}…`), level `{first.level}`, mode `{first.mode}`. "
        f"Ranked by micro-F1; per-type columns are F1; \"{UNDEFINED}\" is undefined (0/0).",
        "",
        format_table(headers, body, markdown=True),
    ]
    failed = [f"`{e.file}` ({len(e.results.failures)})" for e in rank(entries) if e.results.failures]
    if failed:
        lines += ["", "The extractor failed on some documents (count in brackets): " + ", ".join(failed) + "."]
    return "\n".join(lines) + "\n"
