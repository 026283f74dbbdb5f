"""GUM as a third annotator: how much of GUM's entity layer that our types cover does the gold cover?

Three populations of GUM mentions (``gum_entities.jsonl``), each held against
the gold mentions of one type by character overlap:

- ``time`` mentions naming a calendar date, a month, a year, a weekday or a
  relative day (their text holds a month or weekday name, a year 1000–2099,
  or "yesterday", "today", "tomorrow"), against gold ``date``;
- ``organization`` mentions by name (the text holds a capitalized word of the
  identity, or an acronym) linked to a government body (a Wikipedia identity
  the set's ``crosscheck.json`` lists under ``government_bodies``), against
  gold ``agency``;
- ``person`` mentions by name (the text holds a capitalized word of the
  identity) of people who held a government office (identities listed under
  ``officials``), against gold ``official``.

Pronouns and common nouns ("we", "the department") are left out of the
populations: GUIDELINES.md labels names, not references.

A GUM mention the gold leaves out must be listed under ``excluded`` with the
rule of GUIDELINES.md that excludes it; one that is not is ``unexplained``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bench.data.gum import ENTITIES_FILE
from bench.data.jsonl import iter_jsonl, read_json
from bench.errors import InputError
from bench.facts import GoldMention

CROSSCHECK_FILE = "crosscheck.json"
_CALENDAR = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"yesterday|today|tomorrow|1\d{3}|20\d{2})\b", re.IGNORECASE)
POPULATIONS = {"time": "date", "organization": "agency", "person": "official"}


@dataclass(frozen=True, slots=True)
class GumMention:
    doc_id: str
    etype: str
    start: int
    end: int
    text: str
    identity: str = ""

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.doc_id, self.start, self.end)


@dataclass(frozen=True, slots=True)
class Coverage:
    """One population's outcome: the mentions the gold overlaps, those it leaves out, and what no rule explains."""

    etype: str
    covered: tuple[GumMention, ...]
    excluded: tuple[tuple[GumMention, str], ...]
    unexplained: tuple[GumMention, ...] = field(default_factory=tuple)

    @property
    def total(self) -> int:
        return len(self.covered) + len(self.excluded) + len(self.unexplained)

    @property
    def share(self) -> float:
        return len(self.covered) / self.total if self.total else float("nan")


def read_entities(path: Path) -> list[GumMention]:
    return [GumMention(raw["doc_id"], raw["type"], raw["start"], raw["end"], raw["text"], raw.get("identity", ""))
            for _, raw in iter_jsonl(path)]


def _name_words(identity: str) -> set[str]:
    plain = re.sub(r"_%28.*?%29", "", identity).replace("%2D", "-")
    return {word for word in re.split(r"[_\s-]+", plain) if len(word) > 1 and word[0].isupper()}


def _names_it(mention: GumMention, acronyms: bool) -> bool:
    """Whether the mention's text holds a name word of its identity (or, for bodies, an acronym)."""
    words = set(re.findall(r"[\w.'-]+", mention.text))
    if acronyms and any(len(word) > 1 and word.isupper() for word in words):
        return True
    return bool(_name_words(mention.identity) & {word.removesuffix("'s") for word in words})


def in_population(mention: GumMention, bodies: Iterable[str], officials: Iterable[str]) -> bool:
    """Whether a GUM mention is one our types should cover (see the module docstring)."""
    if mention.etype == "time":
        return _CALENDAR.search(mention.text) is not None
    if mention.etype == "organization":
        return mention.identity in bodies and _names_it(mention, acronyms=True)
    if mention.etype == "person":
        return mention.identity in officials and _names_it(mention, acronyms=False)
    return False


def crosscheck(mentions: Iterable[GumMention], facts: Iterable[GoldMention], config: dict) -> dict[str, Coverage]:
    """Coverage of each population by the gold facts of its type; ``config`` is the set's ``crosscheck.json``."""
    bodies, officials = set(config["government_bodies"]), set(config["officials"])
    rules = {(item["doc_id"], item["start"], item["end"]): item["rule"] for item in config["excluded"]}
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for fact in facts:
        spans.setdefault((fact.doc_id, fact.type), []).append(fact.span)
    found: dict[str, tuple[list, list, list]] = {etype: ([], [], []) for etype in POPULATIONS}
    for mention in mentions:
        if not in_population(mention, bodies, officials):
            continue
        covered, excluded, unexplained = found[mention.etype]
        gold = spans.get((mention.doc_id, POPULATIONS[mention.etype]), [])
        if any(start < mention.end and mention.start < end for start, end in gold):
            covered.append(mention)
        elif mention.key in rules:
            excluded.append((mention, rules[mention.key]))
        else:
            unexplained.append(mention)
    return {etype: Coverage(etype, tuple(c), tuple(e), tuple(u)) for etype, (c, e, u) in found.items()}


def load_crosscheck(directory: Path) -> tuple[list[GumMention], dict]:
    """A gold set's GUM mentions and its cross-check configuration."""
    for name in (ENTITIES_FILE, CROSSCHECK_FILE):
        if not (directory / name).is_file():
            raise InputError(f"no {name}: this gold set has no GUM cross-check (bench gold crosscheck wikinews has one)",
                             str(directory / name))
    return read_entities(directory / ENTITIES_FILE), read_json(directory / CROSSCHECK_FILE)


def coverage_rows(result: dict[str, Coverage]) -> list[dict]:
    """One row per population: GUM type, gold type, mentions, covered, excluded by a rule, unexplained, share."""
    return [{"gum_type": etype, "gold_type": POPULATIONS[etype], "mentions": cov.total, "covered": len(cov.covered),
             "excluded": len(cov.excluded), "unexplained": len(cov.unexplained), "share": round(cov.share, 3)}
            for etype, cov in result.items()]


def coverage_by_document(result: dict[str, Coverage]) -> list[dict]:
    """Per document: for each population, covered/total (documents with no population mention are left out)."""
    counts: dict[str, dict[str, list[int]]] = {}
    for etype, cov in result.items():
        for mention, is_covered in [(m, True) for m in cov.covered] + [(m, False) for m, _ in cov.excluded] + \
                [(m, False) for m in cov.unexplained]:
            cell = counts.setdefault(mention.doc_id, {}).setdefault(etype, [0, 0])
            cell[0] += is_covered
            cell[1] += 1
    return [{"doc_id": doc_id, **{etype: tuple(cells.get(etype, (0, 0))) for etype in POPULATIONS}}
            for doc_id, cells in sorted(counts.items())]
