"""Agency mentions: names from the gazetteer, then generic patterns for bodies it does not list.

- Gazetteer names match as written (case-sensitive, so "Fed" the agency is not
  "fed" the verb). An ambiguous acronym ("BIS", "ICE") counts only after another
  name of the same body appeared earlier in the document.
- Generic names: "Department|Ministry|Bureau|Office of X" and "X Department|
  Ministry|Bureau|Commission|Agency|Authority|Directorate", X being one to four
  capitalized words; a leading "The" or sentence word is dropped, a trailing title
  ("… Secretary") cut, media and trade words ("News Agency") rejected. A
  gazetteer name wins over a generic one it overlaps.
- Names inside an official's title ("Commerce Secretary", "Secretary of the
  Department of X") are the title, not an agency mention.
Country metonymy ("the US"), "the government" and "<Name> administration" never
match: no pattern has those heads.
"""

from __future__ import annotations

import re
from functools import cache

from baselines.rules.gazetteer import load_gazetteer
from baselines.rules.spans import Found, Spans
from bench.normalize.patterns import literal_first

_SUFFIX_HEADS = ("Department", "Ministry", "Bureau", "Commission", "Agency", "Authority", "Directorate")
_PREFIX_HEADS = ("Department", "Ministry", "Bureau", "Office")
_CAPITALIZED = r"[A-Z][\w-]*(?:(?:\s+(?:and|&|for|of|on)\s+|\s+)(?:the\s+)?[A-Z][\w-]*){0,4}"
_WORD = re.compile(r"\S+")
_LEFT_NAME = re.compile(r"(?:[A-Z][\w.-]*(?:\s+(?:and|&|for|of|on)\s+|\s+)){1,4}$")
_LEADING_WORDS = frozenset(
    "The A An But And Or So Yet As When While If In On At By For From With After Before Since Under Meanwhile However "
    "Also Both Last Next This That Its Their".split()
)
_TITLE_WORDS = frozenset(
    "Secretary Minister Director Chief Head Spokesman Spokeswoman Spokesperson Official Officials Inspector "
    "Commissioner Chair Chairman Chairwoman Administrator Deputy".split()
)
_NOT_GOVERNMENT = frozenset(
    "News Press Media Travel Talent Advertising Marketing Model Modeling Casting Employment Recruitment Insurance "
    "Creative Design Ad Ads Booking Literary Sports".split()
)


@cache
def _gazetteer_pattern() -> re.Pattern[str]:
    gazetteer = load_gazetteer()
    names = sorted({*gazetteer.agencies, *gazetteer.ambiguous}, key=len, reverse=True)
    return re.compile(literal_first(re.escape(name) + r"(?![\w])" for name in names))


@cache
def _generic_pattern() -> re.Pattern[str]:
    prefix = (f"{head}\\s+of\\s+(?:the\\s+)?{_CAPITALIZED}" for head in _PREFIX_HEADS)
    suffix = (f"{head}(?![\\w-])" for head in _SUFFIX_HEADS)
    return re.compile(literal_first([*prefix, *suffix]))


def _gazetteer_names(text: str) -> list[Found]:
    gazetteer, found, seen = load_gazetteer(), [], set()
    for match in _gazetteer_pattern().finditer(text):
        name = match.group()
        canonical = gazetteer.agencies.get(name)
        if canonical is None:
            canonical = gazetteer.ambiguous[name]
            if canonical not in seen:
                continue
        seen.add(canonical)
        found.append(Found("agency", match.start(), match.end(), canonical))
    return found


def _before_possessive(word: re.Match[str]) -> bool:
    return word.string[word.end():word.end() + 2] in ("’s", "'s")


def _trim(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """Drop leading sentence words, everything from a trailing title word on, and a name
    joined by "and" that a possessive shows to open another name ("… of Finance and Japan's")."""
    while words and words[0].group() in _LEADING_WORDS:
        words = words[1:]
    for index, word in enumerate(words):
        if word.group() in _TITLE_WORDS and index > 1:
            return words[:index]
    if len(words) > 2 and words[-2].group() in ("and", "&") and _before_possessive(words[-1]):
        return words[:-2]
    return words


def _generic_span(text: str, match: re.Match[str]) -> tuple[int, int] | None:
    """Offsets of a generic name around a head word, or None when it is not one."""
    start, end = match.span()
    if match.group() in _SUFFIX_HEADS:
        left = _LEFT_NAME.search(text, max(0, start - 64), start)
        if not left:
            return None
        start = left.start()
    words = _trim(list(_WORD.finditer(text, start, end)))
    names = [word.group() for word in words]
    if len(names) < 2 or _NOT_GOVERNMENT.intersection(names) or names[-1] in ("of", "and", "&", "for", "on", "the"):
        return None
    return words[0].start(), words[-1].end()


def _generic_names(text: str) -> list[Found]:
    gazetteer, found = load_gazetteer(), []
    for match in _generic_pattern().finditer(text):
        span = _generic_span(text, match)
        if span:
            name = " ".join(text[span[0]:span[1]].split())
            found.append(Found("agency", *span, gazetteer.canonical_agency(name) or name))
    return found


def find_agencies(text: str, skip: Spans, titles: Spans) -> list[Found]:
    """Agency mentions outside boilerplate (``skip``) and outside officials' titles (``titles``)."""
    known = [f for f in _gazetteer_names(text) if not skip.covers(f.start) and not titles.overlaps(f.start, f.end)]
    taken = Spans.of((f.start, f.end) for f in known)
    generic = [
        f for f in _generic_names(text)
        if not skip.covers(f.start) and not titles.overlaps(f.start, f.end) and not taken.overlaps(f.start, f.end)
    ]
    return known + generic
