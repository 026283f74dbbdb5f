"""Context capabilities for counts: which of several numbers counts whom (GUIDELINES §8).

Each case is a short article (:func:`bench.data.suite.story.article`); its
frame is the construct that decides the gold. ``{N}`` is a headcount, ``{U}``
a user count, ``{F}`` a count of client companies, ``{Y}`` a labeled year.
"""

from __future__ import annotations

import random

from bench.data.suite import choices as ch
from bench.data.suite.drafts import Draft, Relative, date
from bench.data.suite.pools import Pools
from bench.data.suite.story import article
from bench.data.suite.templates import Fill, compose


def _case(rng: random.Random, pools: Pools, frames: tuple[str, ...], **mentions) -> Draft:
    fill = Fill(rng, pools)
    index = rng.randrange(len(frames))
    return Draft(article(fill, [compose(frames[index], fill, **mentions)]), ch.published(rng), str(index))


MULTI_NUMBER = (
    "{co}, which has {k} offices in {t} countries and reported ${m} million in sales in {Y}, employs {N} people.",
    "Of the {N0} workers at {co}, {pct}% are based in {city} and {k} sit on its works council.",
    "{co} will spend ${m} million on {k} new stores, adding {N} jobs and {n} delivery vans.",
    "Over the years {co} grew from {k} shops to {m}, and its staff rose to {N}, about {pct}% of them part-time.",
    "{co} made {k},000 {goods} in {Y} with {N} {staff} and {t} production lines.",
    "With {N} {staff}, {k} plants and ${m} million in debt, {co} is the largest employer in {city}.",
    "Its {N0} {staff} produced {k} million {goods} {R}, {co} said.",
    "{co} paid its {N0} {staff} an average of ${k},000 each in {Y}.",
    "Since {Y}, {co} has tripled its staff to {N} and cut its prices by {pct}%.",
    "{co} ranks No. {k} in its sector, with {N} {staff} and ${m} million in annual sales.",
    "Its {k} stores, the first of which opened in {Y}, employ {N} people and stock {n},000 products.",
)


def multi_number_sentence(rng: random.Random, pools: Pools) -> Draft:
    """Several numbers in one sentence, one of them a headcount (and sometimes a year)."""
    year = rng.choice(ch.PAST_YEARS)
    return _case(rng, pools, MULTI_NUMBER, N=ch.headcount(rng, style="digits", low=120),
                 N0=ch.headcount(rng, code="eq", style="digits", low=120), Y=date(str(year), str(year)),
                 R=(Relative("last year", "last year"),))


CONTRACTORS = (
    "{co} employs {N} people and relies on {k}0 contractors in {city}.", "{co} has {N} staff, led by {k} executives.",
    "{co} said {k}0 contract workers and {N} employees would be affected.",
    "The {k} senior managers of {co} will share a bonus pool; its {N0} workers will not.",
    "{co} hired {k}0 contract workers and {t} executives for the site in {city}.",
    "Besides its {N0} {staff}, {co} uses {k}0 consultants.",
    "{co} will keep its {N0} {staff} but end contracts with {k}0 agency temps.",
    "{k}0 contractors work alongside the {N0} employees of {co} in {city}.",
    "{co} pays {k}0 freelancers in addition to its {N0} {staff}.",
    "The board of {co} has {t} members; the company employs {N} people.",
    "{co}, which employs {N} people, has {k} vice presidents and {k}0 outside consultants.",
    "{co} brought in {k}0 contractors to help its {N0} {staff} finish the project.",
    "{co} relies on {k}0 contractors and {t} executives to run its {city} site.",
)


def contractors_executives(rng: random.Random, pools: Pools) -> Draft:
    """Contractors, contract workers, consultants and executives are not the organization's headcount."""
    return _case(rng, pools, CONTRACTORS, N=ch.headcount(rng, style="digits", low=200),
                 N0=ch.headcount(rng, code="eq", style="digits", low=200))


NON_COUNTS = (
    "Android {v} users", "Windows {v} users", "the top {k} customers of {co}", "Tier {t} customers",
    "Level {t} users", "5G users", "the {k} largest corporate clients of {co}", "iOS {v} users",
    "users of version {v}.{t}", "customers in Zone {t}", "owners of the Model {k} speaker", "Plan {t} subscribers",
)
NON_COUNT_SENTENCES = ("{^product} fixed a bug that hit {X}.", "{co} sent a warning to {X}.",
                       "{co} offered refunds to {X}.", "{^product}, which has {U} users, fixed a bug that hit {X}.",
                       "{co} said {U} people use {product}, and it has written to {X}.")


def users_non_count(rng: random.Random, pools: Pools) -> Draft:
    """A number that names a version, rank, tier or plan before "users" counts nobody."""
    fill = Fill(rng, pools)
    index = rng.randrange(len(NON_COUNTS))
    phrase = compose(NON_COUNTS[index], fill, capital=False)[0]
    sentence = compose(rng.choice(NON_COUNT_SENTENCES), fill, X=phrase, U=ch.user_count(rng, code="eq"))
    return Draft(article(fill, [sentence]), ch.published(rng), str(index))


PEOPLE = (
    "{co}, whose app is used by {U} people, employs {N} people.",
    "{^N0} people work at {co}, and {U} people use {product}.",
    "{co} laid off {N} people, though {product} still has {U} users.",
    "{^product} is used by {U} people; building it takes {N0} people on the payroll of {co}.",
    "{co} employs {N} people to serve the {U} people who use {product}.",
    "There are {N} people employed by {co}, and {U} people have signed up for {product}.",
    "{co} has hired {N} people to support the {U} people who use {product}.",
    "{^U} people use {product}, {co} said; the firm employs {N} people.",
    "{co} is small, with {N} people working there, but {U} people use its app.",
    "{^product} serves {U} people with a staff of {N}.",
    "{co} counts {U} people among the users of {product} and {N} people on its payroll.",
)


def people_employed_or_users(rng: random.Random, pools: Pools) -> Draft:
    """"people" counts employees or users by the verb: "employs N people" against "N people use"."""
    return _case(rng, pools, PEOPLE, U=ch.user_count(rng, code=rng.choice(("eq", "gt", "approx"))),
                 N=ch.headcount(rng, style="digits", low=150), N0=ch.headcount(rng, code="eq", style="digits", low=150))


NOUN_FIRST = (
    "{co} has a workforce of {N} in {city}.", "Headcount at {co} rose to {N0} after the merger.",
    "The user base of {product} grew to {U}.", "{co} has a customer base of {U} across {k} markets.",
    "{co}, with a staff of {N}, opened a lab in {city}.", "The payroll of {co} now numbers {N0}.",
    "Its workforce, {N0} strong, will move to {city}.", "{co} says the subscriber count of {product} stands at {U}.",
    "{co} cut its headcount to {N0}.", "The client base of {product} stands at {F} {firms}.",
    "Membership of {product} reached {U}.", "The number of {users} of {product} stands at {U}.",
)


def count_noun_before(rng: random.Random, pools: Pools) -> Draft:
    """What is counted is named before the number: "a workforce of N", "its user base grew to N"."""
    code = rng.choice(("eq", "gt", "approx"))
    return _case(rng, pools, NOUN_FIRST, N=ch.headcount(rng), N0=ch.headcount(rng, code="eq"),
                 U=ch.user_count(rng, code=code), F=ch.user_count(rng, "companies", code="eq"))
