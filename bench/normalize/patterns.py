"""Patterns CPython's ``re`` scans fast: what the normalizers and the baselines find candidates with.

``re`` looks for where a match may start in C. For a pattern that starts with
one literal character this is a plain character search; for one that starts
with a character class, each character of the text is tested against the
class, about ten times slower; for one that starts otherwise (``\\b``, an
optional group), the whole pattern is tried at every position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence


def literal_first(alternatives: Iterable[str], boundary: bool = True) -> str:
    r"""One regex alternation that ``re`` scans fast, with a word boundary in front unless ``boundary`` is false.

    Each alternative must start with a literal letter or digit, or with ``\d``,
    that no quantifier follows.
    Alternatives are grouped by that first character, so the compiled pattern
    begins with a set of literals and ``re`` skips every other position in C
    (a pattern starting with ``\b`` or an optional group is tried at every
    position, several times slower). Order within a group is kept. Without
    ``boundary``, for a pattern whose match is always preceded by a non-word
    character it has matched itself, the boundary check is left out.

    >>> re.findall(literal_first(["ten", r"\d\d*"]), "often 10 ten")
    ['10', 'ten']
    """
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        heads, rest = ("0123456789", alternative[2:]) if alternative.startswith(r"\d") else (alternative[0], alternative[1:])
        for head in heads:
            groups.setdefault(head, []).append(rest)
    check = r"(?<!\w.)" if boundary else ""
    branches = (f"{re.escape(head)}{check}(?:{'|'.join(rests)})" for head, rests in groups.items())
    return "(?:" + "|".join(branches) + ")"


def finditer_union(patterns: Sequence[re.Pattern[str]], text: str) -> Iterator[re.Match[str]]:
    """What ``finditer`` of the alternation of ``patterns`` yields, each pattern scanned on its own.

    For patterns no two of which can match at the same position (each starts
    with characters of its own) and none of which matches empty. Splitting the
    commonest character of a leading class off into a pattern of its own (a
    space from ``[\\s"(]``) lets ``re`` scan for it as a literal.

    >>> words = [re.compile(r" (\\w+)"), re.compile(r"[(\\n](\\w+)")]
    >>> [match.group(1) for match in finditer_union(words, "one (two\\nthree) four")]
    ['two', 'three', 'four']
    """
    found = [pattern.search(text) for pattern in patterns]
    while True:
        live = [match for match in found if match is not None]
        if not live:
            return
        first = min(live, key=re.Match.start)
        yield first
        end = first.end()
        found = [match if match is None or match.start() >= end else pattern.search(text, end)
                 for match, pattern in zip(found, patterns)]
