"""Matches of a pattern, tried only where a keyword every match contains shows one may start.

A pattern whose matches start with many different letters ("President",
"Commerce Secretary", "chairman") is tried by ``re`` at every occurrence of
any of those letters. When every match contains one of a few literal keywords,
``str.find`` locates those keywords in C, far faster, and the pattern is tried
only at the starts they imply.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping


def keyword_offsets(literals: Iterable[str], keywords: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """For each keyword, where it sits inside the literals that contain it: what :func:`anchored_finditer` needs.

    Raises:
        ValueError: when a literal contains none of the keywords (its matches would be missed).
    """
    literals, keywords = list(literals), list(keywords)
    uncovered = [literal for literal in literals if not any(keyword in literal for keyword in keywords)]
    if uncovered:
        raise ValueError(f"no keyword in {uncovered}")
    return {keyword: tuple(sorted({literal.index(keyword) for literal in literals if keyword in literal}))
            for keyword in keywords}


def anchored_finditer(pattern: re.Pattern[str], text: str, offsets: Mapping[str, tuple[int, ...]]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields, trying the pattern only where a keyword allows a match to start.

    ``offsets`` maps each keyword to where it can sit from a match's start
    (:func:`keyword_offsets`); every match must contain one of them there, and
    none may be empty. The pattern still sees the whole text, lookbehinds included.
    """
    starts = set()
    for keyword, shifts in offsets.items():
        position = text.find(keyword)
        while position != -1:
            starts.update(position - shift for shift in shifts)
            position = text.find(keyword, position + 1)
    end = 0
    for start in sorted(starts):
        if start >= end:  # finditer goes on after a match's end; negative starts fall here too
            match = pattern.match(text, start)
            if match:
                end = match.end()
                yield match
