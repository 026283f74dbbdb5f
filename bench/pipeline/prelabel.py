"""Pre-labels: an extractor's facts turned into gold records marked ``"reviewed": false``.

A pre-label is a suggestion for the annotator, never a label: ``bench validate``
lists every one, and ``bench eval`` and ``bench score`` refuse the set until
each is checked. Names the alias table does not know are added to the new
set's ``aliases.json`` (each listed, so the annotator checks those too), so that
the set loads and the review page can show it.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bench.data.documents import Document
from bench.data.gold import Gold
from bench.extraction.runner import RunOptions, run_for_gold
from bench.facts import AgencyName, Count, Fact, GoldMention, Official, Value
from bench.normalize.aliases import AliasTable, fold


@dataclass(frozen=True, slots=True)
class Prelabels:
    """The records for facts.jsonl, the grown alias table, the names added to it, and what could not be used."""

    records: tuple[dict, ...]
    aliases_raw: dict
    added: tuple[str, ...] = ()
    unplaced: int = 0
    failures: dict[str, str] = field(default_factory=dict)


_SINGULAR = {"agencies": "agency", "officials": "official", "titles": "title", "units": "unit"}


class _GrowingAliases:
    """The new set's alias table: starts as the bundled one; unknown names are added as their own canonical form."""

    def __init__(self, raw: dict):
        self.raw = copy.deepcopy(raw)
        self.table = AliasTable.from_json(self.raw)
        self.added: list[str] = []

    def canonical(self, kind: str, name: str, surface: str | None = None) -> str:
        """The canonical name of ``name`` in table ``kind`` (the mention text's, when the table knows it);
        an unknown name is added, and ``surface`` (the mention text) becomes an alias of it."""
        lookup = getattr(self.table, _SINGULAR[kind])
        canonical = (lookup(surface) if surface else None) or lookup(name) or name
        entries, before = self.raw.setdefault(kind, {}), len(self.added)
        if lookup(canonical) is None:
            entries[canonical] = []
            self.added.append(f"{kind}: {canonical!r}")
        if surface and lookup(surface) is None and fold(surface) != fold(canonical):
            entries.setdefault(canonical, []).append(surface)
            self.added.append(f"{kind}: {surface!r} as an alias of {canonical!r}")
        if len(self.added) > before:
            self.table = AliasTable.from_json(self.raw)
        return canonical

    def value(self, fact: Fact, surface: str) -> Value:
        """``fact``'s value with every name in its canonical form."""
        value = fact.value
        match value:
            case Count(count, qualifier, unit):
                return Count(count, qualifier, self.canonical("units", unit))
            case Official(name, title):
                return Official(self.canonical("officials", name, surface), self.canonical("titles", title))
            case str() if fact.type == "agency":
                return AgencyName(self.canonical("agencies", value, surface))
        return value


def _records_of(document: Document, number: int, facts: Iterable[Fact], aliases: _GrowingAliases) -> list[dict]:
    """One gold record per distinct span and type, in text order, ids ``NNN-KK`` (document number, mention number)."""
    spans = sorted({(*fact.span, fact.type): fact for fact in reversed(list(facts))}.items())
    records = []
    for k, ((start, end, fact_type), fact) in enumerate(spans, 1):
        surface = document.text[start:end]
        value = aliases.value(fact, surface)
        labelled = GoldMention(document.id, fact_type, value, surface, start, end, f"{number:03d}-{k:02d}")
        records.append({**labelled.to_dict(), "reviewed": False})
    return records


def prelabel(extractor, spec: str, documents: Sequence[Document], trained_on: Gold, aliases_raw: dict,
             params: dict | None = None, options: RunOptions = RunOptions()) -> Prelabels:
    """Run ``extractor`` over ``documents`` and make its facts pre-labels.

    A trainable extractor is fitted on ``trained_on`` (the bundled gold). Facts
    without offsets cannot be placed in the text: they are counted, not kept.
    A document the extractor fails on gets no pre-labels; its failure is returned.
    """
    aliases = _GrowingAliases(aliases_raw)
    runs = run_for_gold(extractor, documents, trained_on.documents, trained_on.facts, options, spec, params)
    by_id = {document.id: (number, document) for number, document in enumerate(documents, 1)}
    records, unplaced, failures = [], 0, {}
    for run in runs:
        if run.failure:
            failures[run.doc_id] = run.failure
            continue
        number, document = by_id[run.doc_id]
        placed = [fact for fact in run.facts if fact.has_span and fact.start < fact.end]
        unplaced += len(run.facts) - len(placed)
        records.extend(_records_of(document, number, placed, aliases))
    return Prelabels(tuple(records), aliases.raw, tuple(aliases.added), unplaced, failures)
