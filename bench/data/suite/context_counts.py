"""Context capabilities for counts: which of several numbers counts whom (GUIDELINES §8)."""

from __future__ import annotations

import random

from bench.data.suite import choices as ch
from bench.data.suite import lexicons as lx
from bench.data.suite.counts import headcount, user_count
from bench.data.suite.drafts import Draft, date


def _fill(rng: random.Random) -> dict:
    return {"c": rng.choice(lx.COMPANIES), "city": rng.choice(lx.CITIES), "product": rng.choice(lx.PRODUCTS),
            "k": rng.randrange(3, 40), "m": rng.randrange(2, 900), "p": rng.randrange(3, 60)}


def multi_number_sentence(rng: random.Random, cast: ch.Cast) -> Draft:
    """Several numbers in one sentence, one of them a headcount."""
    fill, count = _fill(rng), headcount(rng, style="digits", low=120)
    year = rng.choice(ch.PAST_YEARS)
    frame = rng.randrange(4)
    if frame == 0:
        pieces = (f"{fill['c']}, which has {fill['k']} offices in {fill['k'] % 9 + 2} countries and reported "
                  f"${fill['m']} million in sales in ", date(str(year), str(year)), ", employs ", count, " people.")
    elif frame == 1:
        pieces = ("Of the ", count, f" workers at {fill['c']}, {fill['p']}% are based in {fill['city']} and "
                  f"{fill['k']} sit on its {fill['k'] + 3}-member works council.")
    elif frame == 2:
        pieces = (f"{fill['c']} will spend ${fill['m']} million on {fill['k']} new stores, adding ", count,
                  f" jobs and {fill['p']} delivery vans.")
    else:
        pieces = (f"In {fill['k'] + 2} years {fill['c']} grew from {fill['k']} shops to {fill['m'] + 40}, and its staff "
                  "rose to ", count, f", about {fill['p']}% of them part-time.")
    return Draft(pieces, ch.published(rng))


def contractors_executives(rng: random.Random, cast: ch.Cast) -> Draft:
    """Contractors, contract workers and executives are not the organization's headcount."""
    fill, count = _fill(rng), headcount(rng, style="digits", low=200)
    others = fill["k"] * 10
    frame = rng.randrange(5)
    if frame == 0:
        pieces = (f"{fill['c']} employs ", count, f" people and relies on {others} contractors in {fill['city']}.")
    elif frame == 1:
        pieces = (f"{fill['c']} has ", count, f" staff, led by {fill['k']} executives.")
    elif frame == 2:
        pieces = (f"{fill['c']} said {others} contract workers and ", count, " employees would be affected.")
    elif frame == 3:
        pieces = (f"The {fill['k']} senior managers of {fill['c']} will share a bonus pool; its ", count,
                  " workers will not.")
    else:
        pieces = (f"{fill['c']} hired {others} contract workers and {fill['k']} executives for the {fill['city']} site.",)
    return Draft(pieces, ch.published(rng))


_NON_COUNT_USERS = (
    "Android {v} users", "Windows {v} users", "the top {k} customers of {c}", "Tier {t} customers", "Level {t} users",
    "5G users", "the {k} largest corporate clients of {c}",
)


def users_non_count(rng: random.Random, cast: ch.Cast) -> Draft:
    """A number that names a version, rank or tier before "users" counts nobody."""
    fill = _fill(rng)
    phrase = rng.choice(_NON_COUNT_USERS).format(v=rng.randrange(9, 16), t=rng.randrange(1, 4), **fill)
    if rng.random() < 0.5:
        return Draft((f"{ch.capitalized(fill['product'])} fixed a bug that hit {phrase}.",), ch.published(rng))
    return Draft((f"{ch.capitalized(fill['product'])}, which has ", user_count(rng, code="eq"),
                  f" users, fixed a bug that hit {phrase}."), ch.published(rng))


def people_employed_or_users(rng: random.Random, cast: ch.Cast) -> Draft:
    """"people" counts employees or users by the verb: "employs N people" against "N people use"."""
    fill = _fill(rng)
    users, staff = user_count(rng, code=rng.choice(("eq", "gt", "approx"))), headcount(rng, style="digits", low=150)
    frame = rng.randrange(3)
    if frame == 0:
        pieces = (f"{fill['c']}, whose app is used by ", users, " people, employs ", staff, " people.")
    elif frame == 1:
        staff = headcount(rng, code="eq", style="digits", low=150)
        pieces = ("", staff, f" people work at {fill['c']}, and ", users, f" people use {fill['product']}.")
    else:
        pieces = (f"{fill['c']} laid off ", staff, f" people, though {fill['product']} still has ", users,
                  " users.")
    return Draft(pieces, ch.published(rng))


def count_noun_before(rng: random.Random, cast: ch.Cast) -> Draft:
    """What is counted is named before the number: "a workforce of N", "its user base grew to N"."""
    fill = _fill(rng)
    frame = rng.randrange(5)
    if frame == 0:
        pieces = (f"{fill['c']} has a workforce of ", headcount(rng), f" in {fill['city']}.")
    elif frame == 1:
        pieces = (f"Headcount at {fill['c']} rose to ", headcount(rng, code="eq"), " after the merger.")
    elif frame == 2:
        pieces = (f"The user base of {fill['product']} grew to ", user_count(rng, code=rng.choice(("eq", "gt", "approx"))), ".")
    elif frame == 3:
        pieces = (f"{fill['c']} has a customer base of ", user_count(rng, code=rng.choice(("eq", "gt", "approx"))), f" across {fill['k']} markets.")
    else:
        pieces = (f"{fill['c']}, with a staff of ", headcount(rng), f", opened a lab in {fill['city']}.")
    return Draft(pieces, ch.published(rng))
