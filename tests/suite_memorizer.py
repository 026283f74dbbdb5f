"""An adversary for the capability suite: an extractor that memorized one suite's files.

Built from a suite directory (its texts, gold facts and aliases.json), never
from the generator's code, it learns what a model trained on the published
suite could:

- name lists: every agency written in the gold, with its value, and the
  titles of aliases.json;
- frames: for each sentence, its skeleton (names, numbers and dates masked)
  and which masked slot held which fact, kept when at least half the
  sentences of that skeleton had it;
- markers: the first words of paragraphs that name a known body yet hold no
  gold fact (teasers, other stories, page lines).

On a suite it extracts a fact wherever a sentence's skeleton is one it saw,
at the slot it saw it in, with values from the shared normalizers; and a
known body's name anywhere outside a marked paragraph.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from bench.data.documents import Document
from bench.data.suite.load import load_suite
from bench.facts import Count, Fact, Official
from bench.normalize.aliases import fold
from bench.normalize.dates import normalize_date
from bench.normalize.numbers import parse_number

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                r"hundred|thousand)")
_TOKEN = re.compile("|".join((
    rf"(?P<date>\d{{4}}-\d\d-\d\d|(?:{_WEEKDAY},? )?{_MONTH}(?: \d{{1,2}}(?:st|nd|rd|th)?)?(?:,? \d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?(?: of)? {_MONTH}(?:,? \d{{4}})?|{_WEEKDAY}|\b(?:19|20)\d\d\b"
    r"|\b(?:today|yesterday|tomorrow|(?:last|this|next) (?:week|month|year)|(?:earlier|later) this year)\b)",
    rf"(?P<num>\d+(?:[,.]\d+)*(?: ?(?:million|billion|m|bn|k)\b)?|\b{_NUMBER_WORD}(?:[ -]{_NUMBER_WORD})*\b)",
    r"(?P<name>[A-Z][\w'’.&-]*(?:(?: of| and| the| for)? [A-Z][\w'’.&-]*)*)",
)))
_SENTENCE = re.compile(r"[^\n]+?(?:[.!?][”\"]?(?= )|$)", re.MULTILINE)
_KIND = {"date": "date", "headcount": "num", "user_count": "num", "agency": "name", "official": "name"}


def _slots(sentence: str) -> tuple[str, list[tuple[str, int, int]]]:
    """The sentence's skeleton and its masked slots (kind, start, end), offsets within the sentence."""
    slots, parts, position = [], [], 0
    for match in _TOKEN.finditer(sentence):
        parts.append(sentence[position:match.start()] + f"<{match.lastgroup}>")
        slots.append((match.lastgroup, match.start(), match.end()))
        position = match.end()
    return "".join(parts) + sentence[position:], slots


def _slot_of(fact: Fact, start: int, slots) -> int | None:
    """The slot holding ``fact`` (of the kind its type is written with, if one overlaps), in sentence order."""
    a, b = fact.start - start, fact.end - start
    overlapping = [i for i, (_, x, y) in enumerate(slots) if x < b and a < y]
    preferred = [i for i in overlapping if slots[i][0] == _KIND[fact.type]]
    return (preferred or overlapping or [None])[0]


class Memorizer:
    """An extractor that memorized the suite in ``directory`` (see the module card)."""

    name, version = "memorizer", "1"

    def __init__(self, directory: Path) -> None:
        suite = load_suite(directory)
        titles = json.loads((Path(directory) / "aliases.json").read_text(encoding="utf-8"))["titles"]
        self.titles = {fold(alias): canonical for canonical, aliases in titles.items() for alias in (canonical, *aliases)}
        self.agencies = {f.text: f.value for f in suite.gold.facts if f.type == "agency"}
        self.markers: set[str] = set()
        sightings, entries = Counter(), defaultdict(Counter)
        self.shapes: dict[tuple, Counter] = defaultdict(Counter)
        facts_of = defaultdict(list)
        for fact in suite.gold.facts:
            facts_of[fact.doc_id].append(fact)
        for document in suite.gold.documents:
            self._learn(document, facts_of[document.id], sightings, entries)
        self.frames = {skeleton: [e for e, n in counts.items() if 2 * n >= sightings[skeleton]]
                       for skeleton, counts in entries.items()}
        names = sorted(self.agencies, key=len, reverse=True)
        self.names = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, names))})(?!\w)")

    def _learn(self, document: Document, facts: list[Fact], sightings: Counter, entries) -> None:
        text = document.text
        for start, sentence in _sentences(text):
            skeleton, slots = _slots(sentence)
            sightings[skeleton] += 1
            for fact in (f for f in facts if start <= f.start < start + len(sentence)):
                index = _slot_of(fact, start, slots)
                if index is not None:
                    entry = (index, fact.type, fact.start - start - slots[index][1], slots[index][2] - (fact.end - start))
                    entries[skeleton][entry] += 1
                    self.shapes[(skeleton, *entry[:2])][_shape(fact)] += 1
        for offset, paragraph in _paragraphs(text):
            held = any(offset <= f.start < offset + len(paragraph) for f in facts)
            if not held and any(name in paragraph for name in self.agencies):
                self.markers.add(" ".join(paragraph.split()[:3]))

    def extract(self, document: Document) -> list[Fact]:
        found: list[Fact] = []
        for _, sentence in _sentences(document.text):
            skeleton, slots = _slots(sentence)
            for index, fact_type, lead, trim in self.frames.get(skeleton, []):
                span = sentence[slots[index][1]:slots[index][2]]
                if fact_type == "date":
                    span = span[max(0, lead):len(span) - max(0, trim)]
                shape = self.shapes[(skeleton, index, fact_type)].most_common(1)[0][0]
                value = self._value(document, span, fact_type, shape, found)
                if value is not None:
                    found.append(Fact(document.id, fact_type, value))
        for _, paragraph in _paragraphs(document.text):
            if " ".join(paragraph.split()[:3]) not in self.markers:
                found += [Fact(document.id, "agency", self.agencies[m.group()]) for m in self.names.finditer(paragraph)]
        return found

    def _value(self, document: Document, span: str, fact_type: str, shape, found: list[Fact]):
        if fact_type == "date":
            return normalize_date(span, document.published)
        if fact_type in ("headcount", "user_count"):
            number = parse_number(span)
            return None if number is None else Count(number[0], shape[0], shape[1])
        if fact_type == "agency":
            name = re.sub(r"^(?:The |[\w ]+['’]s? )", "", span)
            return self.agencies.get(name, name)
        return self._official(span, shape, found)

    def _official(self, span: str, title: str, found: list[Fact]) -> Official:
        words = span.split()
        for cut in range(len(words) - 1, 0, -1):  # the longest title form the name list knows, maybe after a place
            for first in (0, 1):
                if first < cut and fold(" ".join(words[first:cut])) in self.titles:
                    return Official(" ".join(words[cut:]), self.titles[fold(" ".join(words[first:cut]))])
        earlier = [f.value for f in found if f.type == "official" and f.value.name.split()[-1] == span]
        return earlier[-1] if earlier else Official(span, title)


def _sentences(text: str):
    for match in _SENTENCE.finditer(text):
        yield match.start(), match.group()


def _paragraphs(text: str):
    for match in re.finditer(r"(?:[^\n]|\n(?!\n))+", text):
        yield match.start(), match.group()


def _shape(fact: Fact):
    """What a frame's slot says besides its text: a count's qualifier and unit; an official's title."""
    if isinstance(fact.value, Count):
        return fact.value.qualifier, fact.value.unit
    if isinstance(fact.value, Official):
        return fact.value.title
    return None
