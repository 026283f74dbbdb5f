"""Checks of gold, prediction and document files against the schemas and the texts.

Every problem is one :class:`Problem`, printed ``FILE:LINE: field: what is wrong``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, overload

from bench.data.jsonl import iter_jsonl
from bench.data.schema import schema_problems
from bench.data.shapes import record_ok
from bench.errors import BenchError, InputError
from bench.facts import Count, Fact, GoldMention, Official
from bench.normalize.aliases import AliasTable, date_precision


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        line = f":{self.line}" if self.line is not None else ""
        return f"{self.file}{line}: {self.field}: {self.message}"

    @classmethod
    def from_error(cls, error: BenchError) -> Problem:
        return cls(error.file or "?", error.line, error.field or "file", error.message)


def span_problems(raw: dict, texts: Mapping[str, str]) -> list[tuple[str, str]]:
    """Doc id and offsets of a schema-valid record checked against the texts."""
    text = texts.get(raw["doc_id"])
    if text is None:
        return [("doc_id", f"unknown document {raw['doc_id']!r}")]
    if "start" not in raw:
        return []
    start, end = int(raw["start"]), int(raw["end"])  # schema-checked integers, 3.0 included
    unit = _other_offset_unit(text, start, end, raw.get("text"))
    hint = f"; the offsets fit {unit}, but bench counts Unicode code points (Python string indexes)" if unit else ""
    if not 0 <= start < end <= len(text):
        return [("end" if start < end else "start",
                 f"offsets {start}:{end} are outside the text (length {len(text)}) or empty{hint}")]
    if "text" in raw and text[start:end] != raw["text"]:
        return [("text", f"{raw['text'][:40]!r} does not match the text at {start}:{end} ({text[start:end][:40]!r}){hint}")]
    return []


def _other_offset_unit(text: str, start: int, end: int, mention: str | None) -> str | None:
    """The other offset unit (UTF-16 code units, UTF-8 bytes) under which start:end spells the mention, if any."""
    if not mention or text[start:end] == mention or text.isascii():
        return None
    for unit, codec, width in (("UTF-16 code units", "utf-16-le", 2), ("UTF-8 bytes", "utf-8", 1)):
        piece = text.encode(codec)[start * width:end * width]
        if piece.decode(codec, errors="replace") == mention:
            return unit
    return None


def value_problems(fact: Fact, aliases: AliasTable | None) -> list[tuple[str, str]]:
    """Normalization rules on a value; with ``aliases`` (gold), names must be canonical."""
    value = fact.value
    if fact.type == "date" and date_precision(value) is None:
        return [("value", f"{value!r} is not a calendar date")]
    if aliases is None:
        return []
    match value:
        case Count(unit=unit) if aliases.unit(unit) != unit:
            return [("value.unit", f"{unit!r} is not a canonical unit of the gold's aliases.json")]
        case str() if fact.type == "agency":  # an AgencyName
            if aliases.agency(value) != value:
                return [("value", f"{value!r} is not a canonical agency of the gold's aliases.json")]
            if fact.text is not None and aliases.agency(fact.text) != value:
                return [("text", f"{fact.text!r} is not listed as an alias of {value!r}")]
        case Official(name=name, title=title):
            problems = []
            if aliases.official(name) != name:
                problems.append(("value.name", f"{name!r} is not a canonical official of the gold's aliases.json"))
            elif fact.text is not None and aliases.official(fact.text) != name:
                problems.append(("text", f"{fact.text!r} is not listed as an alias of {name!r}"))
            if aliases.title(title) != title:
                problems.append(("value.title", f"{title!r} is not a canonical title of the gold's aliases.json"))
            return problems
    return []


def _repeats(fact: GoldMention, seen_ids: set[str], seen_mentions: set[tuple]) -> list[tuple[str, str]]:
    """A gold mention's id or place seen before in its file (both then count as seen)."""
    mention = (fact.doc_id, fact.type, fact.start, fact.end)
    found = []
    if fact.id in seen_ids:
        found = [("id", f"duplicate id {fact.id!r}")]
    elif mention in seen_mentions:
        found = [("start", f"duplicate mention of {fact.type} at {fact.start}:{fact.end}")]
    seen_ids.add(fact.id)
    seen_mentions.add(mention)
    return found


@overload
def check_fact_records(path: str | Path, schema: Literal["fact"], texts: Mapping[str, str],
                       aliases: AliasTable | None = None,
                       unreviewed: list[tuple[str, int]] | None = None) -> Iterator[Problem | GoldMention]: ...


@overload
def check_fact_records(path: str | Path, schema: Literal["prediction"], texts: Mapping[str, str],
                       aliases: AliasTable | None = None,
                       unreviewed: list[tuple[str, int]] | None = None) -> Iterator[Problem | Fact]: ...


def check_fact_records(
    path: str | Path, schema: str, texts: Mapping[str, str], aliases: AliasTable | None = None,
    unreviewed: list[tuple[str, int]] | None = None,
) -> Iterator[Problem | Fact]:
    """Yield each record of a facts file as a :class:`GoldMention` (gold) or a :class:`Fact`, or the problems it has.

    ``schema`` is ``fact`` for gold (ids, offsets and canonical names required,
    no duplicates) or ``prediction`` (whose file may be a stream, a FIFO say).
    The id and line number of each gold fact marked ``"reviewed": false`` are appended to ``unreviewed``.
    """
    name = str(path)
    seen_ids: set[str] = set()
    seen_mentions: set[tuple] = set()
    build = GoldMention.from_dict if schema == "fact" else Fact.from_dict
    try:
        for line_no, raw in iter_jsonl(path, stream=schema == "prediction"):  # a gold set's facts.jsonl is a regular file
            found = [] if record_ok(raw, schema) else schema_problems(raw, schema)
            if not found:
                found = span_problems(raw, texts)
            if not found:
                fact = build(raw)
                found = value_problems(fact, aliases)
                if not found and isinstance(fact, GoldMention):
                    found = _repeats(fact, seen_ids, seen_mentions)
                if not found:
                    if raw.get("reviewed") is False and unreviewed is not None:
                        unreviewed.append((raw["id"], line_no))  # the fact schema requires the id
                    yield fact
                    continue
            yield from (Problem(name, line_no, field, message) for field, message in found)
    except BenchError as error:
        yield Problem.from_error(error)


def problems_only(items: Iterable[Problem | Fact]) -> list[Problem]:
    return [item for item in items if isinstance(item, Problem)]


def read_predictions(path: str | Path, texts: Mapping[str, str]) -> list[Fact]:
    """Load a predictions file checked against ``texts``; the first problem is raised."""
    facts = []
    for item in check_fact_records(path, "prediction", texts):
        if isinstance(item, Problem):
            raise InputError(item.message, item.file, item.line, item.field)
        facts.append(item)
    return facts
