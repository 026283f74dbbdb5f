"""Counts in a twin: one seeded factor, each number written back in the style it was written in.

Every headcount and user count of the set is multiplied by one factor drawn
from [0.5, 0.9] or [1.1, 2.0] and rounded to the significant figures it had
(at least two): 50 x 1.37 is 68, 240,000 x 1.37 is 330,000. One number maps to
one number throughout the set, never to itself nor to another count of the
set. It is written in its mention's style: digits with or
without separators ("330,000", "1250"), a scale word or suffix ("1.6
million", "550m"), number words ("sixty-eight", capitalized where the
original was). A vague count ("dozens", "a few") is written in words, after
"about" unless it had a qualifier. Qualifiers and counted nouns stay.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from bench.data.suite.drafts import number_words
from bench.normalize.numbers import QUALIFIER_PHRASES, SCALES, VAGUE, VAGUE_PLURALS

_SUFFIXES = {"k": 1_000, "m": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000}
_DIGITS = re.compile(r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
                     r"(?:(?P<space>\s+)(?P<scale>(?i:thousand|million|billion|trillion))|(?P<suffix>(?i:k|m|bn|b)))?")
_QUALIFIER = "|".join(re.escape(q) for q in sorted(QUALIFIER_PHRASES, key=len, reverse=True))
_NUMBER_PART = re.compile(rf"^[\s“”\"‘’']*(?P<qualifier>(?i:{_QUALIFIER})(?!\w))?[\s“”\"‘’']*(?P<number>.*?)[\s“”\"‘’']*$",
                          re.DOTALL)
_VAGUE_WORDS = frozenset((*VAGUE, *VAGUE_PLURALS))


@dataclass(frozen=True, slots=True)
class CountMap:
    """The factor of one twin and what each count of the set becomes; :meth:`inverse` maps back."""

    factor: float
    numbers: dict[int, int]

    @classmethod
    def drawn(cls, seed: int, originals: Iterable[int]) -> CountMap:
        rng = random.Random(f"{seed}:counts")
        draw = rng.uniform(0.0, 1.3)  # [0.5, 0.9] and [1.1, 2.0], each by its length
        factor = 0.5 + draw if draw < 0.4 else 0.7 + draw
        known = sorted(set(originals))
        numbers: dict[int, int] = {}
        taken = set(known)
        for number in known:
            new = scaled(number, factor)
            while new in taken:  # never itself, another count of the set, nor a count already drawn
                new += _grain(new, _figures(number))
            numbers[number] = new
            taken.add(new)
        return cls(factor, numbers)

    def inverse(self) -> CountMap:
        return CountMap(1 / self.factor, {new: old for old, new in self.numbers.items()})


def _figures(number: int) -> int:
    """Significant figures to keep: as many as ``number`` shows, at least two."""
    return max(2, len(str(number).rstrip("0")))


def _grain(number: int, figures: int) -> int:
    return 10 ** max(0, len(str(number)) - figures)


def scaled(number: int, factor: float) -> int:
    """``number`` times ``factor``, rounded to the significant figures ``number`` shows (at least two).

    >>> scaled(50, 1.37), scaled(240_000, 1.37), scaled(400_000_000, 1.37), scaled(1, 0.6)
    (68, 330000, 550000000, 1)
    """
    value = max(1, round(number * factor))
    grain = _grain(value, _figures(number))
    return max(grain, round(value / grain) * grain)


def _words(number: int) -> str:
    """``number`` in words, any size: "two million seven hundred thousand"."""
    parts = []
    for scale in ("trillion", "billion", "million"):
        size = SCALES[scale]
        if number >= size:
            parts.append(f"{_words(number // size)} {scale}")
            number %= size
    if number or not parts:
        parts.append(number_words(number))
    return " ".join(parts)


def _mantissa(number: int, scale: int) -> str:
    return format((Decimal(number) / scale).normalize(), "f")


def number_text(number: int, like: str) -> str:
    """``number`` written in the style of the number ``like``.

    >>> [number_text(n, like) for n, like in ((68, "50"), (1_600_000, "1.2 million"), (550_000_000, "400m"), (12500, "9800"))]
    ['68', '1.6 million', '550m', '12500']
    >>> number_text(68, "Fifty"), number_text(330_000, "240,000"), number_text(31, "dozens")
    ('Sixty-eight', '330,000', 'thirty-one')
    """
    match = _DIGITS.fullmatch(like)
    if match is None:
        words = _words(number)
        return words[:1].upper() + words[1:] if like[:1].isupper() else words
    if match["scale"]:
        return f"{_mantissa(number, SCALES[match['scale'].lower()])}{match['space']}{match['scale']}"
    if match["suffix"]:
        return f"{_mantissa(number, _SUFFIXES[match['suffix'].lower()])}{match['suffix']}"
    plain = len(match["int"]) >= 4 and "," not in match["int"]
    return str(number) if plain else f"{number:,}"


def is_vague(text: str) -> bool:
    return any(word in _VAGUE_WORDS for word in text.lower().replace("-", " ").split())


def number_part(mention: str) -> tuple[int, int, bool]:
    """Where the number stands in a count mention, after its qualifier and quotes, and whether it has a qualifier.

    >>> number_part("less than “50”"), number_part("dozens")
    ((11, 13, True), (0, 6, False))
    """
    match = _NUMBER_PART.match(mention)
    assert match is not None  # the pattern matches any string
    return (*match.span("number"), match["qualifier"] is not None)


def written(number: int, like: str, qualified: bool) -> str:
    """``number`` in the style of ``like``; a vague count without a qualifier gets "about" ("dozens" -> "about thirty")."""
    text = number_text(number, like)
    return f"{'About' if like[:1].isupper() else 'about'} {text.lower() if like[:1].isupper() else text}" \
        if is_vague(like) and not qualified else text
