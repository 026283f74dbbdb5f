"""INV and DIR transformations: a case derived from another by a change whose effect on the gold is known.

INV changes leave the facts as they are (other company and city names, a
boilerplate line added, the text in Title Case); DIR changes move them in a
known way (a later published date moves every relative date, another number
changes the count). The derived gold comes from rendering the changed draft,
so it is exact, not copied.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import replace

from bench.data.suite import choices as ch
from bench.data.suite import lexicons as lx
from bench.data.suite.drafts import CountMention, Draft, Fixed, Relative

_NAMES = re.compile("|".join(re.escape(name) for name in sorted((*lx.COMPANIES, *lx.CITIES), key=len, reverse=True)))


def names_in(draft: Draft) -> list[str]:
    return sorted({match.group() for piece in draft.pieces if isinstance(piece, str) for match in _NAMES.finditer(piece)})


def other_names(draft: Draft, rng: random.Random) -> Draft:
    """Every company and city renamed to another of its kind (INV: the facts do not depend on them)."""
    found = names_in(draft)
    mapping = {}
    for name in found:
        pool = lx.COMPANIES if name in lx.COMPANIES else lx.CITIES
        mapping[name] = rng.choice([other for other in pool if other not in found and other not in mapping.values()])
    return draft.with_pieces(_NAMES.sub(lambda m: mapping[m.group()], piece) if isinstance(piece, str) else piece
                             for piece in draft.pieces)


def boilerplate_line(draft: Draft, rng: random.Random) -> Draft:
    """A page line (newsletter, sharing, app promotion) added before or after the story (INV)."""
    line = rng.choice(lx.BOILERPLATE_LINES)
    pieces = (line + "\n\n", *draft.pieces) if rng.random() < 0.5 else (*draft.pieces, "\n\n" + line)
    return draft.with_pieces(pieces)


_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z]")


def title_case(text: str) -> str:
    """Every word capitalized, as headlines are written.

    >>> title_case("less than ten staff, the firm's chief said")
    "Less Than Ten Staff, The Firm's Chief Said"
    """
    return _LOWER_WORD.sub(lambda match: match.group().upper(), text)


def _title_cased(piece):
    if isinstance(piece, str):
        return title_case(piece)
    if isinstance(piece, CountMention):
        return replace(piece, qualifier=title_case(piece.qualifier))
    return replace(piece, text=title_case(piece.text))


def headline_case(draft: Draft, rng: random.Random) -> Draft:
    """The whole case in Title Case (INV: casing changes no fact)."""
    return draft.with_pieces(map(_title_cased, draft.pieces))


def later_published(draft: Draft, rng: random.Random) -> Draft:
    """The same text published 20 to 400 days later (DIR: every relative date moves with it)."""
    return replace(draft, published=draft.published + dt.timedelta(days=rng.randrange(20, 400)))


def _other_number(mention: CountMention, rng: random.Random) -> CountMention:
    while True:
        if mention.style in ("scaled", "suffix"):
            number = ch.scaled_count(rng)
        else:
            number = ch.count(rng, 12, 90_000)
            if mention.style == "words" and number >= 1000:
                number -= number % 1000
            if mention.style == "plain" and number < 1000:
                number += 1000
        if number != mention.number:
            return replace(mention, number=number)


def another_number(draft: Draft, rng: random.Random) -> Draft:
    """Each count written with another number (DIR: the count follows the number)."""
    return draft.with_pieces(_other_number(p, rng) if isinstance(p, CountMention) else p for p in draft.pieces)


def has_relative(draft: Draft) -> bool:
    return any(isinstance(piece, Relative) for piece in draft.pieces)


def has_count(draft: Draft) -> bool:
    return any(isinstance(piece, CountMention) for piece in draft.pieces)


def has_mention(draft: Draft) -> bool:
    return any(isinstance(piece, (Fixed, Relative, CountMention)) for piece in draft.pieces)
