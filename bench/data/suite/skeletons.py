"""Skeletons: a text with its names, numbers and dates masked, to count how many distinct sentences a suite holds.

Two cases that differ only in their names, numbers and dates have one
skeleton; a suite of few skeletons can be passed by learning its templates.
Masking is deliberately coarse (every run of capitalized words is a name, a
sentence's first word included, unless it is a common function word), so the
count errs low.

>>> skeleton("Acme Foods cut 1,200 jobs in Leeds on Monday, March 3.")
'<NAME> cut <NUM> jobs in <NAME> on <DATE>.'
>>> skeleton("The Department of Labor said about twenty-five staff left in 2019.")
'The <NAME> said about <NUM> staff left in <DATE>.'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]|20)\d\d"
_RELATIVE = (r"(?:today|yesterday|tomorrow|this morning|(?:last|this|next) (?:week|month|year)|"
             r"(?:earlier|later) this (?:year|month))")
_NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                r"hundred|thousand|million|billion)")
_FUNCTION_WORDS = frozenset(
    "The A An In On At It Its This That These Those But And Or As After Before When While If Of To From With Under "
    "Over About Some More Less Than Up He She They We Our His Her Their There What Why How Who Since Besides Across "
    "Back Asked Speaking According Each Every All Nothing No Not By For Then Former Also Much Over Both".split())


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    dates = "|".join((
        r"\d{4}-\d\d-\d\d",
        rf"{_WEEKDAY}(?:,? {_MONTH} {_DAY}(?:,? {_YEAR})?)?",
        rf"{_MONTH}(?: {_DAY})?(?:,? {_YEAR})?",
        rf"{_DAY}(?: of)? {_MONTH}(?:,? {_YEAR})?",
        rf"(?<![\w$.,]){_YEAR}(?![\w%])",
        rf"(?i:\b{_RELATIVE}\b)",
    ))
    numbers = (rf"\$?\d+(?:[,.]\d+)*(?:\s?(?:million|billion|thousand|m|bn|k)\b)?%?|"
               rf"(?i:\b{_NUMBER_WORD}(?:[ -](?:and )?{_NUMBER_WORD})*\b)")
    word = r"(?:U\.S\.|U\.K\.|(?:Sen|Gov|Rep|Dept|Co|Inc|Ltd|Corp|Mr|Mrs|Ms|Dr|St|Jr|No)\.|[A-ZÀ-Þ][\w'’&-]*)"
    names = rf"(?<!\w){word}(?:(?: (?:of|and|the|for|de|van|von|da|del|la) | ){word})*"
    return re.compile(dates), re.compile(numbers), re.compile(names)


def _name(match: re.Match[str]) -> str:
    first, _, rest = match.group().partition(" ")
    if first in _FUNCTION_WORDS:
        return first + (" <NAME>" if rest else "")
    return "<NAME>"


_DATE, _NUM = "\ue000", "\ue001"  # placeholders no later pattern matches


def skeleton(text: str) -> str:
    """``text`` with dates, then numbers, then runs of capitalized words masked, and spaces collapsed."""
    dates, numbers, names = _patterns()
    masked = names.sub(_name, numbers.sub(_NUM, dates.sub(_DATE, text)))
    masked = masked.replace(_DATE, "<DATE>").replace(_NUM, "<NUM>")
    return re.sub(r"[ \t]+", " ", masked).strip()


_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"]?\s+|\n+")


def sentences(text: str) -> list[str]:
    """The skeletons of the sentences and lines of ``text``."""
    return [part.strip() for part in _SENTENCE_END.split(skeleton(text)) if part.strip()]


def skeleton_counts(texts: Iterable[str]) -> tuple[int, int]:
    """(distinct sentence skeletons, distinct document skeletons) of ``texts``."""
    texts = list(texts)
    return len({s for text in texts for s in sentences(text)}), len({skeleton(text) for text in texts})
