"""INV and DIR transformations: a case derived from another by a change whose effect on the gold is known.

INV changes leave the facts as they are (other names of companies, places,
people and products; a page line of the suite added; the text in Title Case);
DIR changes move them in a known way (a later published date moves every
relative and yearless date, another number changes the count). The derived
gold comes from rendering the changed draft, so it is exact, not copied. A
variant keeps its source's frame: the two stand or fall together.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import re
from dataclasses import replace

from bench.data.suite import choices as ch
from bench.data.suite.drafts import CountMention, Draft, Relative, Yearless, cased
from bench.data.suite.pools import Pools
from bench.data.suite.templates import Fill, compose, is_mention


@functools.lru_cache(maxsize=4)
def _names(pools: Pools) -> tuple[re.Pattern[str], dict[str, str]]:
    kinds = pools.names()
    return re.compile("|".join(re.escape(name) for name in sorted(kinds, key=len, reverse=True))), kinds


def names_in(draft: Draft, pools: Pools) -> list[str]:
    pattern, _ = _names(pools)
    return sorted({m.group() for piece in draft.pieces if isinstance(piece, str) for m in pattern.finditer(piece)})


def other_names(draft: Draft, rng: random.Random, pools: Pools) -> Draft:
    """Every company, place, person, product, outlet and bank renamed to another of its kind (INV)."""
    pattern, kinds = _names(pools)
    found = names_in(draft, pools)
    pools_by_kind = {kind: [name for name, k in kinds.items() if k == kind] for kind in set(kinds.values())}
    mapping: dict[str, str] = {}
    for name in found:
        mapping[name] = rng.choice([other for other in pools_by_kind[kinds[name]]
                                    if other not in found and other not in mapping.values()])
    return draft.with_pieces(pattern.sub(lambda m: mapping[m.group()], piece) if isinstance(piece, str) else piece
                             for piece in draft.pieces)


def boilerplate_line(draft: Draft, rng: random.Random, pools: Pools) -> Draft:
    """A page line of the suite (newsletter, sharing, credit...) added before or after the story (INV)."""
    line = compose(rng.choice(pools.boilerplate_lines + pools.credit_lines), Fill(rng, pools))
    if rng.random() < 0.5:
        return draft.with_pieces((*line, "\n\n", *draft.pieces))
    return draft.with_pieces((*draft.pieces, "\n\n", *line))


def title_case(text: str) -> str:
    """Every word capitalized, as headlines are written.

    >>> title_case("less than ten staff, the firm's chief said")
    "Less Than Ten Staff, The Firm's Chief Said"
    """
    return _LOWER_WORD.sub(lambda match: match.group().upper(), text)


_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z]")


def _title_cased(piece):
    if isinstance(piece, str):
        return title_case(piece)
    if isinstance(piece, CountMention):
        return replace(piece, case="title")
    if isinstance(piece, Relative):
        return replace(piece, text=cased(piece.text, "title"))
    if isinstance(piece, Yearless):
        return piece  # month names already have their capital; the number has none
    return replace(piece, text=title_case(piece.text))


def headline_case(draft: Draft, rng: random.Random, pools: Pools) -> Draft:
    """The whole case in Title Case (INV: casing changes no fact)."""
    return draft.with_pieces(map(_title_cased, draft.pieces))


def later_published(draft: Draft, rng: random.Random, pools: Pools) -> Draft:
    """The same text published 20 to 400 days later (DIR: every relative and yearless date moves with it)."""
    return replace(draft, published=draft.published + dt.timedelta(days=rng.randrange(20, 400)))


def _other_number(mention: CountMention, rng: random.Random) -> CountMention:
    while True:
        if mention.style in ("scaled", "suffix"):
            number = ch.scaled_count(rng)
        elif mention.style == "words":
            number = ch.spelled_number(rng)
        else:
            number = ch.count(rng, 1000 if mention.style == "plain" else 12, 90_000)
        if number != mention.number:
            return replace(mention, number=number)


def another_number(draft: Draft, rng: random.Random, pools: Pools) -> Draft:
    """Each count written with another number (DIR: the count follows the number)."""
    return draft.with_pieces(_other_number(p, rng) if isinstance(p, CountMention) else p for p in draft.pieces)


def moves_with_published(draft: Draft) -> bool:
    return any(isinstance(piece, (Relative, Yearless)) for piece in draft.pieces)


def has_count(draft: Draft) -> bool:
    return any(isinstance(piece, CountMention) for piece in draft.pieces)


def has_mention(draft: Draft) -> bool:
    return any(is_mention(piece) for piece in draft.pieces)
