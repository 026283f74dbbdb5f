"""The small language the suite's frames are written in, and the seeded filling of their slots.

A frame is a string: ``[a|b]`` picks one alternative, ``{name}`` is a slot
and ``{^name}`` the same slot with a capital first letter (a sentence start).
The frame's own words are then written in the seed's wording
(:mod:`bench.data.suite.phrasebook`). A slot is a mention the capability
passes in (``{D}``, ``{N}``, ``{A}``...), or plain text drawn from the suite's
pools (``{co}`` a company, ``{city}``, ``{p}`` a person who holds no office,
``{staff}`` a staff noun...). A slot named twice gets one value; ``{co}`` and
``{co2}`` get two different companies. The first letter of a frame is always
a capital. A :class:`Fill` without pools (as below) writes the frames' words
as they stand.

>>> import random
>>> from bench.data.suite.drafts import Relative
>>> fill = Fill(random.Random(1), None, {"k": "7"})
>>> pieces = compose("{when}, it cut {k} jobs.", fill, when=Relative("yesterday", "yesterday"))
>>> pieces[0].text, pieces[1:]
('Yesterday', (', it cut 7 jobs.',))
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Callable
from dataclasses import replace

from bench.data.suite import lexicons as lx
from bench.data.suite.drafts import MENTIONS, CountMention, Piece, Relative, cased
from bench.data.suite.phrasebook import rewrite
from bench.data.suite.pools import Pools

_CHOICE = re.compile(r"\[([^\[\]]*)\]")
_SLOT = re.compile(r"\{(\^?)(\w+)\}")


def _numbers(rng: random.Random, name: str) -> str | None:
    draws: dict[str, Callable[[], object]] = {
        "k": lambda: rng.randrange(3, 40), "pct": lambda: rng.randrange(2, 60), "m": lambda: rng.randrange(2, 900),
        "age": lambda: rng.randrange(38, 79), "h": lambda: rng.randrange(1, 12),
        "d": lambda: rng.choice((30, 45, 60, 90)), "mm": lambda: f"{rng.randrange(0, 60, 5):02d}",
        "v": lambda: rng.randrange(9, 16), "t": lambda: rng.randrange(1, 4),
        "n": lambda: rng.randrange(12, 40), "year": lambda: rng.randrange(2003, 2018),
        "s": lambda: rng.choice((2, 3, 7, 12, 18, 35, 1.5, 2.5, 4.2, 60)),
    }
    draw = draws.get(name)
    return None if draw is None else str(draw())


class Fill:
    """The plain-text slots of one case, drawn from ``pools`` as the frame asks for them, then kept."""

    def __init__(self, rng: random.Random, pools: Pools, values: dict[str, str] | None = None):
        self.rng, self.pools = rng, pools
        self.values: dict[str, str] = dict(values or {})

    def _pool(self, base: str) -> tuple[str, ...]:
        p = self.pools
        return {
            "co": p.companies, "city": p.places, "p": p.people, "product": p.products, "outlet": p.outlets,
            "wire": p.wires, "bank": p.banks, "uni": p.universities, "lookalike": p.lookalikes,
            "staff": p.staff_nouns, "users": p.user_nouns, "firms": p.company_nouns, "marker": p.other_story_markers,
            "heading": p.teaser_headings, "state": lx.US_STATES, "country": lx.COUNTRIES, "goods": lx.GOODS,
            "trade": lx.TRADES, "weekday": lx.WEEKDAYS[:5], "month": lx.MONTHS,
            "body": tuple(b.full for b in p.bodies), "surname": tuple(last for _, last in p.officials),
        }[base]

    def __getitem__(self, name: str) -> str:
        if name not in self.values:
            self.values[name] = self._draw(name)
        return self.values[name]

    def _draw(self, name: str) -> str:
        if name == "CITY":
            return self["city"].upper()
        if name == "trade_title":
            return cased(self["trade"], "title")
        if name == "paper":  # an outlet's name without its article: "Photo: X/Lindqvist Courier"
            return self["outlet"].removeprefix("the ")
        base = name.rstrip("0123456789")
        number = _numbers(self.rng, base)
        if number is not None:
            return number
        taken = {value for key, value in self.values.items() if key.rstrip("0123456789") == base}
        pool = [value for value in self._pool(base) if value not in taken]
        return self.rng.choice(pool)


def capitalized(piece: Piece) -> Piece:
    """A piece with a capital first letter: names and dates already have one."""
    if isinstance(piece, str):
        return piece[:1].upper() + piece[1:]
    if isinstance(piece, CountMention):
        return replace(piece, case="capital")
    if isinstance(piece, Relative):
        return replace(piece, text=piece.text[:1].upper() + piece.text[1:])
    return piece


@functools.cache
def _parts(template: str) -> tuple[tuple[str, str, bool], ...]:
    """(text before, slot name, capital) triples; the last has no slot."""
    parts, position = [], 0
    for match in _SLOT.finditer(template):
        parts.append((template[position:match.start()], match.group(2), bool(match.group(1))))
        position = match.end()
    return (*parts, (template[position:], "", False))


def compose(template: str, fill: Fill, capital: bool = True, **mentions) -> tuple[Piece, ...]:
    """The pieces of ``template``: alternatives picked, slots filled with ``fill`` or the ``mentions`` given.

    A mention may be a tuple of pieces ("the ", an agency): it goes in whole.
    ``capital`` False keeps the first letter as written (a phrase for the middle of a sentence).
    """
    text = _CHOICE.sub(lambda match: fill.rng.choice(match.group(1).split("|")), template)
    if fill.pools is not None:
        text = rewrite(text, fill.pools.phrases)
    pieces: list[Piece] = []
    for before, name, upper in _parts(text):
        if before:
            pieces.append(before)
        if not name:
            continue
        value = mentions[name] if name in mentions else fill[name]
        slot = list(value) if isinstance(value, tuple) else [value]
        if upper or (capital and not pieces):
            slot[0] = capitalized(slot[0])
        pieces.extend(slot)
    if capital and pieces and isinstance(pieces[0], str):
        pieces[0] = capitalized(pieces[0])
    return _joined(pieces)


def _joined(pieces: list[Piece]) -> tuple[Piece, ...]:
    """Adjacent strings joined, empty ones dropped: the draft stays small."""
    out: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, str) and out and isinstance(out[-1], str):
            out[-1] += piece
        elif not isinstance(piece, str) or piece:
            out.append(piece)
    return tuple(out)


def is_mention(piece: Piece) -> bool:
    return isinstance(piece, MENTIONS)
