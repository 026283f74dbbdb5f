"""The leaderboard: results files on the same gold, ranked by micro-F1 into rank groups, as Markdown.

Ranking: micro-F1, highest first; an undefined micro-F1 ranks last; ties are
broken by extractor name, then by file name. Undefined metrics are shown "–".
Files on different sets, match levels or modes are refused, naming the odd
file, the set of each and the option that loads it (:mod:`bench.data.scored_on`).

Rank groups: walking down the ranking, each extractor is compared with the
one just above it by the paired approximate-randomization test of ``bench
compare`` (micro-F1, two-sided, 9,999 permutations, seed 0). When the
difference is not significant (p >= 0.05) it shares that extractor's group;
otherwise it opens the next group. Groups chain: A and C can share a group
with B between them although A is significantly above C. The test needs the
facts behind each score, so groups are drawn at fact level only.

Every metric carries its 95% interval; the one strictly best value of each column is bold (none on a tie);
a type with fewer than 10 gold facts is marked in its column head.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.data.gold import Gold
from bench.data.results import MetricRow, Results, read_results
from bench.data.scored_on import refuse_other_sets
from bench.errors import InputError
from bench.facts import FACT_TYPES
from bench.presentation.ledger_tables import ledger_columns, ledger_notes
from bench.presentation.tables import (
    LOW_MARK,
    LOW_NOTE,
    fmt_p,
    format_table,
    strictly_best,
    support_cell,
    with_interval,
)
from bench.presentation.terminal import safe

UNDEFINED = "–"
ALPHA = 0.05


@dataclass(frozen=True, slots=True)
class Entry:
    """One results file on the board."""

    file: str
    results: Results

    def row(self, label: str) -> MetricRow | None:
        return next((row for row in self.results.rows if row.label == label), None)

    def f1_of(self, label: str) -> float | None:
        row = self.row(label)
        return None if row is None else row.f1


def _folder_files(folder: Path) -> list[Path]:
    """Every ``*.json`` results file in ``folder`` (not recursive), in file-name order."""
    paths = sorted(folder.glob("*.json"))
    if not paths:
        raise InputError("no results files (*.json) here", str(folder))
    return paths


def results_files(paths: Sequence[str | Path]) -> list[Path]:
    """The results files ``paths`` name: a file as given, a folder as its ``*.json`` files, each file once."""
    found: list[Path] = []
    for path in map(Path, paths):
        found += _folder_files(path) if path.is_dir() else [path]
    return list(dict.fromkeys(found))


def read_results_dir(directory: str | Path) -> list[Entry]:
    """Every ``*.json`` results file in ``directory`` (not recursive), in file-name order."""
    folder = Path(directory)
    if not folder.is_dir():
        raise InputError("not a directory of results files", str(folder))
    return [Entry(path.name, read_results(path)) for path in _folder_files(folder)]


def entry_names(paths: Sequence[Path]) -> list[str]:
    """What the board calls each file: its name, or the path given where two files share a name."""
    names = [path.name for path in paths]
    return [name if names.count(name) == 1 else str(path) for name, path in zip(names, paths)]


def _same_setting(entries: Sequence[Entry], gold: Gold | None, suite=None) -> None:
    """Refuse a board that mixes sets, match levels or modes, or is on another set than ``gold``, naming the odd file."""
    from bench.scoring.compare import same_setting

    results, names = [e.results for e in entries], [e.file for e in entries]
    refuse_other_sets(results, names, gold, suite)
    same_setting(results, names)


def rank(entries: Sequence[Entry]) -> list[Entry]:
    """Entries by micro-F1 (highest first, undefined last), then extractor name, then file name."""

    def key(entry: Entry) -> tuple:
        f1 = entry.f1_of("micro")
        return (f1 is None, -(f1 or 0.0), entry.results.label, entry.file)

    return sorted(entries, key=key)


def groups_of(p_values: Sequence[float | None], alpha: float = ALPHA) -> list[int]:
    """Rank groups from the p-value of each ranked entry against the one above it (the first has none).

    An undefined p-value (an undefined F1) opens a group, as a significant one does.

    >>> groups_of([None, 0.4, 0.01, 0.06, None])
    [1, 1, 2, 2, 3]
    """
    groups: list[int] = []
    for position, p_value in enumerate(p_values):
        same = position > 0 and p_value is not None and p_value >= alpha
        groups.append(groups[-1] if same else (groups[-1] + 1 if groups else 1))
    return groups


def adjacent_p_values(ranked: Sequence[Entry], gold: Gold,
                      watch: Callable[[Iterable], Iterable] = iter) -> list[float | None]:
    """Micro-F1 p-value of each ranked entry against the one above it (None for the first).

    ``watch`` wraps the pairs as they are compared (the command line draws progress with it).
    """
    from bench.scoring.compare import compare_results

    p_values: list[float | None] = [None]
    for upper, lower in watch(zip(ranked, ranked[1:])):
        comparison = compare_results(upper.results, lower.results, [upper.file, lower.file], gold)
        p_values.append(comparison.micro.p_value)
    return p_values


def _best_marked(cells: list[str], values: list[float | None]) -> list[str]:
    """Bold the value (not its interval) of the one cell strictly best in its column; none on a tie."""
    best = strictly_best(values)
    if best is None:
        return cells
    value, _, interval = cells[best].partition(" ")
    return [*cells[:best], f"**{value}**" + (f" {interval}" if interval else ""), *cells[best + 1:]]


def _columns(ranked: Sequence[Entry]) -> list[tuple[str, list[str]]]:
    """(header, cells) for micro P, R, F1 and F1 per type, best marked; low-support types marked in the head."""
    wanted = [("micro", metric, f"micro {short}") for metric, short in (("precision", "P"), ("recall", "R"), ("f1", "F1"))]
    first = ranked[0]
    for fact_type in FACT_TYPES:
        row = first.row(fact_type)
        support = f" (n={support_cell(row.support)})" if row is not None else ""
        wanted.append((fact_type, "f1", f"{fact_type}{support}"))
    columns = []
    for label, metric, header in wanted:
        rows = [entry.row(label) for entry in ranked]
        cells = [UNDEFINED if row is None else with_interval(row, metric) for row in rows]
        columns.append((header, _best_marked(cells, [None if row is None else getattr(row, metric) for row in rows])))
    return columns


def _recited_column(ranked: Sequence[Entry]) -> list[tuple[str, list[str]]]:
    """The recited answers of each entry, as a column when any entry was scored on a twin set (none otherwise)."""
    recited = [entry.results.recited for entry in ranked]
    if not any(recited):
        return []
    return [("recited", [UNDEFINED if counts is None else str(counts.total) for counts in recited])]


def _set_title(results: Results) -> str:
    """"Gold VERSION", or "Suite NAME VERSION" for results on a capability suite."""
    if results.suite:
        return f"Suite {results.suite.get('name', '?')} {results.gold_version}"
    return f"Gold {results.gold_version}"


def leaderboard_markdown(entries: Sequence[Entry], gold: Gold | None = None, suite=None,
                         watch: Callable[[Iterable], Iterable] = iter) -> str:
    """The ranked board as Markdown: rank group, micro P, R, F1, then F1 per fact type, with intervals.

    Rank groups need ``gold`` (the gold the files were scored on; a capability
    ``suite``'s gold, with the suite) and fact-level results; without them the
    rank column is the position. ``watch`` wraps the comparisons behind the groups.
    """
    if not entries:
        raise InputError("no results to rank")
    _same_setting(entries, gold, suite)
    first = entries[0].results
    ranked = rank(entries)
    scored = gold if suite is None else suite.source_gold  # a suite's scores count its source cases only
    grouped = gold is not None and first.level == "fact"
    p_values = adjacent_p_values(ranked, scored, watch) if grouped and scored is not None else [None] * len(ranked)
    ranks = groups_of(p_values) if grouped else list(range(1, len(ranked) + 1))
    columns = _columns(ranked) + _recited_column(ranked) + ledger_columns([entry.results for entry in ranked])
    headers = ["rank", "extractor", "version", *(h for h, _ in columns), "p vs above (unadjusted)", "file"]
    body = [[ranks[i], entry.results.label, entry.results.extractor_version or UNDEFINED,
             *(cells[i] for _, cells in columns), fmt_p(p_values[i]),
             f"`{entry.file}`"] for i, entry in enumerate(ranked)]
    lines = [
        f"{_set_title(first)} (`{first.gold_hash[:19]}…`), level `{first.level}`, mode `{first.mode}`. "
        f"Ranked by micro-F1; per-type columns are F1 with n gold facts; \"{UNDEFINED}\" is undefined (0/0); "
        "**bold** is the one strictly best value in its column (none on a tie).",
        "",
        format_table(headers, body, markdown=True),
        "",
        ("Rank groups: an extractor whose micro-F1 is not significantly below the one above it (paired "
         f"approximate randomization, p >= {ALPHA}) shares its group. Each p is of one comparison, with the run "
         "just above, and is not adjusted for the others." if grouped else
         "Rank is the position: rank groups need fact-level results and their gold."),
    ]
    if first.ci_method:
        lines.append(f"95% intervals: {first.ci_method}.")
    if any(LOW_MARK in header for header, _ in columns):
        lines.append(LOW_NOTE)
    if any(entry.results.recited for entry in ranked):
        lines.append("recited: answers on a twin set whose value is its source's and no longer the twin's "
                     f"(remembered, not read); {UNDEFINED}: not scored on a twin.")
    lines += ledger_notes([entry.results for entry in ranked], [f"`{entry.file}`" for entry in ranked])
    failed = [f"`{e.file}` ({len(e.results.failures)})" for e in ranked if e.results.failures]
    if failed:
        lines += ["", "The extractor failed on some documents (count in brackets): " + ", ".join(failed) + "."]
    return safe("\n".join(lines)) + "\n"
