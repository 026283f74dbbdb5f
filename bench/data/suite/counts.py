"""Count capabilities: headcounts and user counts in their forms, and numbers that count neither.

``{N}`` is the count mention. A headcount frame marked ``False`` reads wrongly
with a qualifier ("told its about 900 staff"), so only the plain numbers
capability uses it.
"""

from __future__ import annotations

import random
import re

from bench.data.suite import choices as ch
from bench.data.suite.drafts import Draft
from bench.data.suite.pools import Pools
from bench.data.suite.story import padded
from bench.data.suite.templates import Fill, compose

HEADCOUNT = (
    ("{co} employs {N} {staff} [worldwide|in {city}|across {k} countries].", True),
    ("{co} has {N} {staff} at its plant in {city}.", True),
    ("The {city} site of {co} has {N} {staff}.", True),
    ("{co} said it would add {N} {staff} in {city} over the next two years.", True),
    ("{co} will cut {N} jobs, the company said.", True),
    ("{co}, which employs {N} {staff}, [makes|sells] {goods}.", True),
    ("{co} plans to hire {N} {staff} for its new warehouse in {city}.", True),
    ("The merger would leave {co} with {N} {staff}.", True),
    ("{co} now employs {N} {staff}, up from a handful when it was founded.", True),
    ("{co} laid off {N} {staff} in {city}.", True),
    ("At {co}, {N} {staff} [build|assemble|pack] {goods}.", False),
    ("{co} told its {N} {staff} that the {city} office would close.", False),
    ("The union represents all {N} {staff} at the {city} plant of {co}.", False),
    ("{co} is one of the largest employers in {city}, with {N} {staff}.", True),
    ("{^N} {staff} work at the {city} plant of {co}.", True),
    ("{co} expects to employ {N} {staff} by the end of the decade.", True),
)


def _headcount_case(rng: random.Random, pools: Pools, frames, mention) -> Draft:
    fill = Fill(rng, pools)
    index = rng.randrange(len(frames))
    return Draft(padded(fill, compose(frames[index][0], fill, N=mention)), ch.published(rng), str(index))


def headcount_numbers(rng: random.Random, pools: Pools) -> Draft:
    return _headcount_case(rng, pools, HEADCOUNT, ch.headcount(rng, code="eq"))


def headcount_qualifiers(rng: random.Random, pools: Pools) -> Draft:
    code = rng.choice(tuple(ch.lx.QUALIFIERS))
    frames = tuple(frame for frame in HEADCOUNT if frame[1])
    return _headcount_case(rng, pools, frames, ch.headcount(rng, code=code, style=rng.choice(("digits", "words"))))


STAFF = (
    "{co} employs {N} people in {city}.", "There are {N} people employed by {co} in {city}.",
    "{co} has {N} {staff} on its payroll.", "{co} said {N} staff members would move to {city}.",
    "The factory in {city} had {N} positions before {co} bought it.", "{co} will eliminate {N} positions in {city}.",
    "{^N} people work at the {city} headquarters of {co}.", "{co} is cutting {N} jobs at its {city} plant.",
    "The {city} call center of {co} employs {N} people.", "{co} put {N} {staff} on furlough.",
    "{co} has {N} {staff} on its books in {city}.", "{co} keeps {N} members of staff in {city}.",
    "Across its [shops|offices|depots] in {city}, {co} employs {N} people.",
    "{co} will cut {N} roles in {city}.", "{co} is shedding {N} posts at its {city} office.",
)
_NOUN = re.compile(r"\{\^?N\} (people|staff members|members of staff|positions|jobs|roles|posts|\{staff\})")


def staff_nouns(rng: random.Random, pools: Pools) -> Draft:
    """A headcount named by one of the staff nouns; the frame is the noun, the construct this capability varies."""
    fill = Fill(rng, pools)
    template = rng.choice(STAFF)
    found = _NOUN.search(template)
    noun = "people" if found is None else found.group(1)
    noun = fill["staff"] if noun == "{staff}" else noun
    return Draft(padded(fill, compose(template, fill, N=ch.headcount(rng))), ch.published(rng), noun)


NOT_HEADCOUNTS = (
    "{co} paid ${m} million for the site in {city}.", "{co} cut {pct}% of its workforce.",
    "{co} said its workforce grew by {pct} percent.", "Call {co} on 555-01{k} for details.",
    "{co} released version {v}.{t} of its payroll software for staff.", "{co} ranks No. {k} among employers in {city}.",
    "{co} owns {k} warehouses in {city}.", "Workers at Route {k} Logistics voted to join a union.",
    "{co} set aside ${m} million for employee bonuses.", "{co} raised wages for its {staff} by {pct}%.",
    "Each of the {staff} at {co} will receive a ${k},000 bonus.", "{co} hired {k} executives from {co2}.",
    "{co} relies on {k}0 contractors in {city}.", "The {k}-member board of {co} gathered in {city}.",
    "{co} gave its {staff} {k} extra days of leave.",
)


def headcount_negatives(rng: random.Random, pools: Pools) -> Draft:
    fill = Fill(rng, pools)
    index = rng.randrange(len(NOT_HEADCOUNTS))
    return Draft(padded(fill, compose(NOT_HEADCOUNTS[index], fill)), ch.published(rng), str(index))


USERS = (
    ("{product} has {U} {users}, {co} said.", "users"), ("{co} said {U} {users} signed up for {product}.", "users"),
    ("{product} is used by {U} people.", "users"), ("{^U} people use {product} every month.", "users"),
    ("{co} now serves {U} {users} in {city}.", "users"),
    ("{product}, which has {U} {users}, will raise its prices.", "users"),
    ("{co} said {product} reached {U} {users} [in its first year|since its launch].", "users"),
    ("With {U} {users}, {product} is the most popular service of its kind in {city}.", "users"),
    ("{co} said {U} {users} pay for {product}.", "users"),
    ("{product} is now available to its {U} {users} in {city}.", "users"),
    ("{co} said {U} {firms} use {product}.", "companies"),
    ("{product} counts {U} {firms} among its clients.", "companies"),
    ("{^U} {firms} rely on {product} to run their payroll.", "companies"),
    ("{co} sells {product} to {U} {firms}.", "companies"),
)


def user_forms(rng: random.Random, pools: Pools) -> Draft:
    """A user count in one of its forms; the frame is the counted noun, what decides the unit."""
    fill = Fill(rng, pools)
    template, unit = USERS[rng.randrange(len(USERS))]
    pieces = compose(template, fill, U=ch.user_count(rng, unit))
    noun = "people" if "{U} people" in template else fill["users" if unit == "users" else "firms"]
    if unit == "users" and rng.random() < 0.3:
        pieces += compose(" It also counts {U} {firms} as clients.", fill, U=ch.user_count(rng, "companies", "eq"))
    return Draft(padded(fill, pieces), ch.published(rng), noun)


NOT_USER_COUNTS = (
    "{^product} was downloaded {s} million times.", "{^product} passed {s} million downloads.",
    "{co} reported ${s} billion in revenue.", "{co} sold {s} million units of its {goods}.",
    "Videos on {product} drew {s} million views.", "{co} earned {s} million euros from subscriptions.",
    "{^product} handled {s} million payments in {city}.", "The website of {co} had {s} million visits during the sale.",
    "The newsletter of {outlet} reaches {s} million readers.", "{co} shipped {s} million parcels through {product}.",
    "The launch of {product} in {city} drew {k},000 visitors.", "{co} processed {s} billion transactions on {product}.",
    "{^product} streamed {s} million hours of music.", "Viewers watched {s} million hours of video on {product}.",
)


def user_negatives(rng: random.Random, pools: Pools) -> Draft:
    fill = Fill(rng, pools)
    index = rng.randrange(len(NOT_USER_COUNTS))
    return Draft(padded(fill, compose(NOT_USER_COUNTS[index], fill)), ch.published(rng), str(index))
