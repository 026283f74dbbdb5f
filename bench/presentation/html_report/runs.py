"""The results files a report shows: loaded, checked against the gold and each other, labelled, described."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.data.gold import Gold
from bench.data.results import MetricRow, Results, read_results, same_gold
from bench.errors import MismatchError


@dataclass(frozen=True, slots=True)
class Run:
    """One results file as the report shows it; ``file`` is its name ("" when built in memory)."""

    label: str
    results: Results
    file: str = ""

    def row(self, label: str) -> MetricRow | None:
        """The score row of ``label`` (a fact type, micro or macro), or None when the file has none."""
        return next((row for row in self.results.rows if row.label == label), None)

    def micro_f1(self) -> float | None:
        micro = self.row("micro")
        return micro.f1 if micro is not None else None


@dataclass(frozen=True, slots=True)
class ArticleName:
    """How an article is named to people: its title, outlet and date."""

    title: str
    outlet: str | None
    published: str | None


def refuse_mixed_settings(results: Sequence[Results], names: Sequence[str]) -> None:
    """One page compares runs at one level and mode: their counts mean the same thing."""
    first = results[0]
    for result, name in zip(results[1:], names[1:]):
        for attribute in ("level", "mode"):
            theirs, ours = getattr(result, attribute), getattr(first, attribute)
            if theirs != ours:
                raise MismatchError(f"{attribute} {theirs!r} differs from {names[0]}'s {ours!r}: "
                                    "a report compares runs scored alike", name, field=attribute)


def load_runs(paths: Sequence[str | Path], gold: Gold) -> list[Run]:
    """Read results files scored on ``gold`` alike, labelled by run spec (plus file name when two share one)."""
    results = [read_results(path) for path in paths]
    if not results:
        return []
    names = [str(p) for p in paths]
    same_gold(results, names)
    if results[0].gold_hash != gold.hash:
        raise MismatchError(f"scored on gold {results[0].gold_version} ({results[0].gold_hash[:19]}), not the loaded "
                            f"gold {gold.version} ({gold.hash[:19]}): pass its gold with --gold", names[0], field="gold_hash")
    refuse_mixed_settings(results, names)
    labels = [r.label for r in results]
    return [Run(r.label if labels.count(r.label) == 1 else f"{r.label} ({Path(p).name})", r, Path(p).name)
            for r, p in zip(results, paths)]


def ranked(runs: Sequence[Run]) -> list[Run]:
    """Runs by micro-F1, highest first (undefined last), then label: the comparison's row order."""
    return sorted(runs, key=lambda run: (run.micro_f1() is None, -(run.micro_f1() or 0.0), run.label))


def article_names(gold: Gold) -> dict[str, ArticleName]:
    """Title and outlet from the gold set's manifest, where an article's bytes are the manifest's."""
    manifest = {record.id: record for record in gold.manifest}
    names = {}
    for doc in gold.documents:
        record = manifest.get(doc.id)
        if record is not None and hashlib.sha256(doc.text.encode("utf-8")).hexdigest() != record.sha256:
            record = None
        outlet = record.outlet if record else None
        title = (record.title if record else None) or f"Untitled article{f' from {outlet}' if outlet else ''}"
        names[doc.id] = ArticleName(title, outlet, doc.published.isoformat() if doc.published else None)
    return names



def case_names(gold: Gold, capability: dict[str, str]) -> dict[str, ArticleName]:
    """A suite's documents named by their ids, their capability in the place of an outlet."""
    return {doc.id: ArticleName(doc.id, capability.get(doc.id), doc.published.isoformat() if doc.published else None)
            for doc in gold.documents}
