"""Regex baseline: one regular expression per fact type, no context rules. The honest floor.

Method: each pattern is compiled once and run over the whole text; a match
becomes a fact with its text and offsets. Values are normalized only as far as
the match itself allows: dates and counts go through the shared normalizers
(bench.normalize.dates, bench.normalize.numbers) on the matched text, "X Department" is read as
"Department of X", a title as written is mapped to its office.
Dependencies: the standard library only.
Known limits, by design: no boilerplate skipping (teasers and credits are read
as story), no quotation or duration context, no gazetteer (agencies only by their
"Department of X" / "X Agency" shape, never by acronym), no surname resolution,
a title must be followed by a full name, money before a count is not seen.
"""

from __future__ import annotations

import re

from baselines.anchors import anchored_finditer, keyword_offsets
from bench.data.documents import Document
from bench.facts import Count, Fact, Official
from bench.normalize.dates import date_candidates, normalize_date
from bench.normalize.numbers import UNITS, classify_unit, parse_count, qualifier_start
from bench.normalize.patterns import literal_first

_NOUNS = literal_first(sorted((re.escape(unit) for unit in UNITS), key=len, reverse=True))  # a space always precedes
# Read right to left for speed: the number is the anchor, the qualifier before it
# is matched by bench.normalize.numbers.qualifier_start (one regex, "less than|over|...").
# The lookbehind skips digits inside a number: any count they could start, its first digit starts too.
COUNT = re.compile(f"(\\d(?<!\\d\\d)[\\d,.]*(?:\\s+(?:thousand|million|billion))?)[”\"]?\\s+(?:[\\w-]+\\s+)?({_NOUNS})\\b")

_CABINET = {subject: f"Secretary of {subject}" for subject in (
    "Commerce", "State", "Defense", "Homeland Security", "Energy", "Labor", "Agriculture", "Education", "Transportation")}
_CABINET.update({"Treasury": "Secretary of the Treasury", "Interior": "Secretary of the Interior"})
_TITLES = {
    **{f"{subject} Secretary": title for subject, title in _CABINET.items()},
    **{f"Secretary of {subject}": title for subject, title in _CABINET.items()},
    "Vice President": "Vice President", "President": "President", "Senator": "Senator", "Sen.": "Senator",
    "Governor": "Governor", "Attorney General": "Attorney General", "Prime Minister": "Prime Minister",
    "Representative": "Representative", "Rep.": "Representative", "Mayor": "Mayor",
}
_NAME = r"[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+){1,2}"
OFFICIAL = re.compile(
    f"({literal_first(re.escape(t) for t in sorted(_TITLES, key=len, reverse=True))})\\s+({_NAME})"
)

_BODY = r"[A-Z][a-z]+(?:\s+(?:and\s+|&\s+)?[A-Z][a-z]+){0,3}"
AGENCY_OF = re.compile(f"(?:Department|Ministry|Bureau)\\s+of\\s+(?:the\\s+)?{_BODY}")
AGENCY_NAMED = re.compile(r"[A-Z][a-z]+(?:\s+(?:and\s+|&\s+)?[A-Z][a-z]+){0,3}\s+(?:Department|Ministry|Bureau|"
                          r"Commission|Agency|Authority)\b")
_AGENCY_WORDS = ("Department", "Ministry", "Bureau", "Commission", "Agency", "Authority")
_AGENCY_WORD = re.compile(f"(?:{'|'.join(_AGENCY_WORDS)})\\b")
_AGENCY_HEADS = keyword_offsets(_AGENCY_WORDS, _AGENCY_WORDS)
_NOT_IN_A_NAME = re.compile(r"[^A-Za-z&\s]")
_CAPITAL = re.compile(r"[A-Z]")


def _named_agencies(text: str, heads: list[re.Match]) -> list[re.Match]:
    """What ``AGENCY_NAMED.finditer(text)`` finds, trying only where a match can start (``heads``: the agency words).

    A match is capitalized words, spaces and "and"/"&" up to an agency word, so
    it starts at a capital in the run of such characters before an agency word;
    AGENCY_NAMED itself would be tried at every capital letter of the text.
    """
    matches, tried, reverse = [], 0, text[::-1]
    for word in heads:
        if word.start() < tried:
            continue
        stop = _NOT_IN_A_NAME.search(reverse, len(text) - word.start())  # the run's edge, found backwards
        run_start = len(text) - stop.start() if stop else 0
        for capital in _CAPITAL.finditer(text, max(run_start, tried), word.start() + 1):
            match = AGENCY_NAMED.match(text, capital.start()) if capital.start() >= tried else None
            if match:
                matches.append(match)
                tried = match.end()
        tried = max(tried, word.start() + 1)
    return matches


def _date_facts(document: Document) -> list[Fact]:
    facts = []
    text = document.text
    for start, end in date_candidates(text):
        value = normalize_date(text[start:end], document.published)
        if value is not None:
            facts.append(Fact(document.id, "date", value, text[start:end], start, end))
    return facts


def _count_facts(document: Document) -> list[Fact]:
    facts, text = [], document.text
    for match in COUNT.finditer(text):
        start = qualifier_start(text, match.start())
        start = match.start() if start is None else start
        parsed, kind = parse_count(text[start:match.end(1)]), classify_unit(match.group(2))
        if parsed and kind:
            count = Count(parsed[0], parsed[1], kind[1])
            facts.append(Fact(document.id, kind[0], count, text[start:match.end(1)], start, match.end(1)))
    return facts


def _official_facts(document: Document) -> list[Fact]:
    return [
        Fact(document.id, "official", Official(match.group(2), _TITLES[match.group(1)]), match.group(2), *match.span(2))
        for match in OFFICIAL.finditer(document.text)
    ]


def _agency_value(name: str) -> str:
    words = name.split()
    if words[0] == "The":
        words = words[1:]
    if len(words) == 2 and words[1] == "Department":
        return f"Department of {words[0]}"
    return " ".join(words)


def _agency_heads(text: str) -> list[re.Match]:
    """The agency words of the text, where both agency patterns are tried."""
    return list(anchored_finditer(_AGENCY_WORD, text, _AGENCY_HEADS))


def _agencies_of(text: str, heads: list[re.Match]) -> list[re.Match]:
    """What ``AGENCY_OF.finditer(text)`` finds: its matches start at a head word."""
    matches, end = [], 0
    for head in heads:
        match = AGENCY_OF.match(text, head.start()) if head.start() >= end else None
        if match:
            matches.append(match)
            end = match.end()
    return matches


def _agency_facts(document: Document) -> list[Fact]:
    facts, heads = [], _agency_heads(document.text)
    for match in (*_agencies_of(document.text, heads), *_named_agencies(document.text, heads)):
        start = match.start() + (4 if match.group().startswith("The ") else 0)
        facts.append(Fact(document.id, "agency", _agency_value(match.group()), document.text[start:match.end()], start, match.end()))
    return facts


class RegexExtractor:
    """One regular expression per fact type, no context: the floor every other extractor should beat."""

    name = "regex"
    version = "1.0.0"

    def extract(self, document: Document) -> list[Fact]:
        return [*_date_facts(document), *_count_facts(document), *_official_facts(document), *_agency_facts(document)]
