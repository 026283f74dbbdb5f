"""Reading a GUM document (CoNLL-U): its running text, rebuilt, and its entity mentions placed in that text.

The rebuild rule: the first sentence (the headline) is the first line, a
paragraph of its own even where GUM runs the dateline on in the same block;
paragraphs (``# newpar``) are separated by one blank line; within a paragraph
tokens and sentences are joined by one space unless the token before says
``SpaceAfter=No``. A multi-word token's surface form stands for its parts.
GUM's ``Entity`` brackets are placed on the characters of the tokens they span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ENTITIES_FILE = "gum_entities.jsonl"  # a gold set's GUM entity mentions, placed in its texts (one JSON object a line)
_ENTITY_OPEN = re.compile(r"\((\d+)-([a-z]+)-?([^()|]*)")
_ENTITY_CLOSE = re.compile(r"(\d+)\)")


@dataclass(frozen=True, slots=True)
class GumEntity:
    """One GUM entity mention: its type (``time``, ``person``, ``organization``…), its place and its Wikipedia identity."""

    etype: str
    start: int
    end: int
    text: str
    identity: str = ""


@dataclass(frozen=True, slots=True)
class GumDocument:
    """A GUM document rebuilt: name, metadata (``meta::`` comments) and text, with its entity mentions."""

    name: str
    meta: dict[str, str]
    text: str
    entities: tuple[GumEntity, ...] = field(default_factory=tuple)


@dataclass(slots=True)
class _Builder:
    paragraphs: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)
    space_pending: bool = False
    offset: int = 0

    def new_paragraph(self) -> None:
        if self.current:
            self.paragraphs.append("".join(self.current))
            self.offset += 2  # the blank line
        self.current, self.space_pending = [], False

    def add(self, form: str, space_after: bool) -> tuple[int, int]:
        if self.space_pending:
            self.current.append(" ")
            self.offset += 1
        start = self.offset
        self.current.append(form)
        self.offset += len(form)
        self.space_pending = space_after
        return start, self.offset

    def text(self) -> str:
        self.new_paragraph()
        return "\n\n".join(self.paragraphs) + "\n"


def _misc(column: str) -> dict[str, str]:
    out = {}
    for item in column.split("|"):
        key, _, value = item.partition("=")
        out[key] = value
    return out


def _identity(rest: str) -> str:
    """The last field of GUM's ``GRP-etype-infstat-salience-centering-minspan-link-identity``."""
    parts = rest.split("-", 5)
    return parts[5] if len(parts) == 6 else ""


def read_gum(conllu: str) -> GumDocument:
    """Rebuild one GUM CoNLL-U document (as one string) into text and placed entity mentions."""
    builder, meta, name, sentences = _Builder(), {}, "", 0
    open_entities: dict[str, list[tuple[str, int, str]]] = {}
    placed: list[tuple[str, int, int, str]] = []
    skip_until = 0
    for line in conllu.splitlines():
        if line.startswith("# newdoc id = "):
            name = line.removeprefix("# newdoc id = ").strip()
        elif line.startswith("# meta::"):
            key, _, value = line.removeprefix("# meta::").partition(" = ")
            meta[key] = value
        elif line.startswith("# newpar") and not line.startswith("# newpar_block"):
            builder.new_paragraph()
        elif line.startswith("# text = "):
            sentences += 1
            if sentences == 2 and not builder.paragraphs:
                builder.new_paragraph()  # the headline stands alone on the first line
        elif line and not line.startswith("#"):
            cols = line.split("\t")
            token_id, misc = cols[0], _misc(cols[9])
            if "-" in token_id:
                first, last = (int(n) for n in token_id.split("-"))
                skip_until = last
                builder.add(cols[1], misc.get("SpaceAfter") != "No")
                span = (builder.offset - len(cols[1]), builder.offset)
                continue
            if "." in token_id:
                continue
            if int(token_id) <= skip_until:
                start, end = span  # a part of the multi-word token just written
                if int(token_id) == skip_until:
                    skip_until = 0
            else:
                start, end = builder.add(cols[1], misc.get("SpaceAfter") != "No")
            _place_entities(misc.get("Entity", ""), start, end, open_entities, placed)
    text = builder.text()
    entities = tuple(GumEntity(etype, s, e, text[s:e], identity) for etype, s, e, identity in sorted(placed, key=lambda p: (p[1], -p[2])))
    return GumDocument(name, meta, text, entities)


def _place_entities(column: str, start: int, end: int,
                    open_entities: dict[str, list[tuple[str, int, str]]], placed: list[tuple[str, int, int, str]]) -> None:
    """Open and close GUM's bracketed entity marks on one token, in the order they are written."""
    position = 0
    while position < len(column):
        opened = _ENTITY_OPEN.match(column, position)
        if opened:
            group, etype, rest = opened.groups()
            open_entities.setdefault(group, []).append((etype, start, _identity(rest)))
            position = opened.end()
            if position < len(column) and column[position] == ")":
                etype, begin, identity = open_entities[group].pop()
                placed.append((etype, begin, end, identity))
                position += 1
            continue
        closed = _ENTITY_CLOSE.match(column, position)
        if closed:
            group = closed.group(1)
            etype, begin, identity = open_entities[group].pop()
            placed.append((etype, begin, end, identity))
            position = closed.end()
            continue
        position += 1
