"""Context capabilities for the page around a fact: quotations, background, other stories, teasers, credits, headlines.

Each case is a short article (:func:`bench.data.suite.story.article`); its
frame is the construct that decides the gold, here one template per frame.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

from bench.data.suite import choices as ch
from bench.data.suite.agencies import bodies_of
from bench.data.suite.drafts import Draft, Fixed, date
from bench.data.suite.officials import holder, slots
from bench.data.suite.pools import Pools
from bench.data.suite.story import article, teaser_block
from bench.data.suite.templates import Fill, compose

QUOTED_PAST = ("last month", "yesterday", "today", "this week", "last year", "on Monday", "on Friday",
               "earlier this year", "this morning", "last week")
QUOTED_FUTURE = ("next week", "tomorrow", "today", "this week", "next month", "on Monday", "on Friday",
                 "later this year", "this month")
QUOTATIONS = (
    ("“We will file the appeal {q},” {p}, a spokesperson for {co}, said {R}.", QUOTED_FUTURE),
    ("“The plant in {city} closes on {ABS}, and the talks end {q},” {p} of {co} said.", QUOTED_FUTURE),
    ("“Our offer expires {q},” {p} told staff of {co} in a memo.", QUOTED_FUTURE),
    ("{co} said {R} that “what happened {q} was a turning point.”", QUOTED_PAST),
    ("“We met the lenders {q} and we will meet them again {q2},” said {p}.", QUOTED_PAST),
    ("{co} confirmed the closure {R}. “We told our staff {q},” {p} said.", QUOTED_PAST),
    ("“By {ABS}, every store will have the new system,” {p} said {R}.", QUOTED_PAST),
    ("In a statement {R}, {co} said: “We expect to finish the review {q}.”", QUOTED_FUTURE),
    ("“We signed the lease {q},” said {p}, adding that the move to {city} was planned for {ABS}.", QUOTED_PAST),
    ("{p} told reporters {R}: “The board decided {q}.”", QUOTED_PAST),
    ("“Nothing will change {q},” {p} insisted, though {co} had warned {R} of cuts.", QUOTED_FUTURE),
    ("“I spoke to the buyers {q},” {p} wrote in an email seen by {outlet}.", QUOTED_PAST),
)


def quoted_relative_dates(rng: random.Random, pools: Pools) -> Draft:
    """Relative dates inside a quotation are the speaker's, not the article's: unlabeled; others are labeled."""
    fill, published = Fill(rng, pools), ch.published(rng)
    index = rng.randrange(len(QUOTATIONS))
    template, said = QUOTATIONS[index]
    quoted, later = rng.choice(said), rng.choice([kind for kind in QUOTED_FUTURE if kind not in said[:1]])
    day = ch.near(rng, published, "future")
    core = compose(template, fill, q=quoted, q2=later, R=ch.relative(rng), ABS=ch.absolute(rng, day))
    return Draft(article(fill, [core]), published, str(index))


BACKGROUND = (
    "The case recalls {Y}, when {co2} cut {N} jobs after a similar order from {A}.",
    "It is not the first clash between {co} and {A}. In {Y}, the agency forced it to lay off {N} {staff}.",
    "{co} has been here before. In {Y}, an inquiry by {A} led it to close a plant that employed {N} people.",
    "Back in {Y}, {A} fined {co2}, then a rival with {N} {staff}, for similar practices.",
    "The dispute dates back to {Y}, when {A} first questioned how {co} treated its {N} {staff}.",
    "{co} was founded in {Y} and had {N} {staff} when {A} began its review.",
    "A similar order by {A} in {Y} cost {co2} {N} jobs.",
    "{A} has examined {co} before: a {Y} report by the agency found that {N} {staff} had been underpaid.",
    "When {A} last ruled on the sector, in {Y}, {co2} had to let go of {N} {staff}.",
    "History offers a guide. {co2} shed {N} jobs in {Y} after {A} blocked its merger with {co3}.",
    "The company has faced {A} before. It paid a fine in {Y}, when it employed {N} {staff}.",
)


def background_same_story(rng: random.Random, pools: Pools) -> Draft:
    """A background paragraph of the story itself, about an earlier event: its facts are labeled."""
    fill, published = Fill(rng, pools), ch.published(rng)
    index = rng.randrange(len(BACKGROUND))
    body = rng.choice(bodies_of(pools, foreign=False))
    year = rng.choice(ch.PAST_YEARS)
    year_mention = date(str(year), str(year)) if rng.random() < 0.7 else _month_of(rng, year)
    paragraph = compose(BACKGROUND[index], fill, Y=year_mention, N=ch.headcount(rng, style="digits"),
                        A=ch.agency_slot(body, body.full))
    core = compose("{co} said it would contest the ruling in {city}.", fill)
    return Draft(article(fill, [core], background=[paragraph]), published, str(index))


def _month_of(rng: random.Random, year: int) -> Fixed:
    month = rng.randrange(1, 13)
    return date(f"{ch.lx.MONTHS[month - 1]} {year}", f"{year}-{month:02d}")


OTHER_STORIES = (
    "{marker} {co2} cut {k}0 jobs in {year} after the {body} fined it ${m} million.",
    "{marker} the {body} said it would review the merger of {co2} and {co3}, which together employ {k},000 people.",
    "{marker} {co2} said it would hire {k}0 workers in {city2} by {month} {year}.",
    "{marker} shares of {co2} fell after the {body} opened an inquiry on {weekday}.",
    "{marker} {co2} closed its {city2} plant, where {k}0 staff worked until {year}.",
    "{marker} a report by the {body} found that {co2} had overcharged customers in {year}.",
    "{marker} {co2} agreed to pay ${m} million to settle claims brought by the {body} in {month} {year}.",
    "{marker} {co2} named a new chief executive on {weekday} and said it employs {k}0 people.",
    "{marker} the {body} approved a plan by {co2} to build a plant in {city2} with {k}0 jobs.",
    "{marker} {co2} said its {k}0 {staff} would get a raise from {month} {year}.",
    "{marker} {co2} completed its move to {city2} on {weekday}.",
)


def other_story_paragraph(rng: random.Random, pools: Pools) -> Draft:
    """A closing paragraph that summarizes another story is not this story: unlabeled (its frame is its marker)."""
    fill, published = Fill(rng, pools), ch.published(rng)
    index = rng.randrange(len(OTHER_STORIES))
    story = compose("{co} said {R} that it would open a depot in {city}.", fill, R=ch.relative(rng))
    other = compose(OTHER_STORIES[index], fill)
    # The frame is the marker: what an extractor must read to leave the paragraph out.
    return Draft(article(fill, [story], bottom=[other], furniture=False), published, fill["marker"])


TEASERS = (
    "{co2} to cut {k}0 jobs as demand slows", "{body} fines {co3} over data leak", "Markets close higher on {weekday}",
    "What {k2}0 workers told us about {month} {year}", "{co3} hires {k3}0 engineers in {city2}",
    "Inside the {body2} inquiry into {co2}", "{co4} plans {k4}0 new jobs by {year2}",
    "Why {co3} moved {k5}0 staff to {city2}", "{co4} shares slide after {month2} warning",
    "{k6},000 jobs at risk as {co3} closes {city3} plant", "How {co2} grew to {k7},000 employees",
    "Opinion: The {body2} should leave {co4} alone",
)
TEASER_STORIES = (
    ("{co}, which makes {goods} in {city}, said it now employs {N} people.", True),
    ("{co} will add {N} {staff} at its {city} site.", True), ("The {city} plant of {co} has {N} {staff}.", True),
    ("{co} said it had cut {N} jobs in {city}.", True), ("{co} employs {N} {staff} across its stores.", True),
    ("{co} plans to hire {N} {staff} in {city}.", True),
    ("{co} told its {N} {staff} that the office would move.", False),
    ("{^N} people work at the {city} offices of {co}.", True), ("{co} has grown to {N} {staff}.", True),
    ("{co} will keep all {N} {staff} in {city}, it said.", False),
    ("{co} said {N} {staff} would move to {city}.", True),
    ("{co} has added {N} {staff} since opening in {city}.", True),
)


def teaser_navigation(rng: random.Random, pools: Pools) -> Draft:
    """Teaser and navigation lines around the story belong to other stories: unlabeled."""
    fill, published = Fill(rng, pools), ch.published(rng)
    index = rng.randrange(len(TEASER_STORIES))
    template, qualified = TEASER_STORIES[index]
    core = compose(template, fill, N=ch.headcount(rng, code=None if qualified else "eq", style="digits"))
    block = teaser_block(fill, TEASERS)
    navigation = compose(rng.choice(pools.navigation_lines), fill)
    if rng.random() < 0.5:
        return Draft(article(fill, [core], top=[navigation], bottom=[block], furniture=False), published, str(index))
    return Draft(article(fill, [core], top=[block], furniture=False), published, str(index))


CREDITED = (
    "{T} {O} asked {A} to review {co}.", "{T} {O} said {A} would look into the accounts of {co}.",
    "{A} briefed {T} {O} on its inquiry into {co}.", "{T} {O} praised {A} for its work on the {co} case.",
    "{co} wrote to {T} {O} and {A} to ask for more time.", "A letter from {T} {O} urged {A} to act against {co}.",
    "{T} {O} met the head of {A} in {city}.", "{A} and {T} {O} disagree over the future of {co}.",
    "{T} {O} told {A} that {co} had broken the rules.", "Under pressure from {T} {O}, {A} reopened its file on {co}.",
    "{T} {O} [welcomed|criticized] the decision of {A} on {co}.",
)


def bylines_credits(rng: random.Random, pools: Pools) -> Draft:
    """Bylines and credits name journalists, not officials: unlabeled."""
    fill, published = Fill(rng, pools), ch.published(rng)
    index = rng.randrange(len(CREDITED))
    body = rng.choice(pools.bodies)
    core = compose(CREDITED[index], fill, A=ch.agency_slot(body, body.full), **slots(holder(fill)))
    credit = compose(rng.choice(pools.credit_lines), fill)
    byline = compose("By {p3}", fill)
    top = [byline] if rng.random() < 0.4 else []
    return Draft(article(fill, [core], top=top, bottom=[credit], furniture=False), published, str(index))


HEADLINES = (
    "{co} To Cut {N} Jobs", "{co} Plans To Hire {N} Workers In {city}", "{co} Will Add {N} Jobs After Record Year",
    "{co} Lays Off {N} Staff As Sales Slump", "{city} Plant Of {co} To Shed {N} Jobs", "{co} Confirms {N} Job Cuts",
    "{co}, With {N} Employees, Eyes {city}", "{^N} Workers To Lose Jobs At {co}", "{co} Moves {N} Staff To {city}",
    "{co} Creates {N} Jobs In {city}", "{co} Furloughs {N} Employees",
)
DATED_DATELINES = ("{CITY}, {D} ({wire}) - ", "{CITY}, {D} - ", "{CITY}, {D} — ")


def headline_dateline(rng: random.Random, pools: Pools) -> Draft:
    """A Title Case headline and a dateline before the lede: both are read (GUIDELINES §0, §8)."""
    fill, published = Fill(rng, pools), ch.published(rng)
    index = rng.randrange(len(HEADLINES))
    count = ch.headcount(rng, code=rng.choice(("eq", "eq", "approx", "gt")), style="digits", low=100)
    headline = compose(HEADLINES[index], fill, N=replace(count, case="title"))
    written = published - dt.timedelta(days=rng.choice((0, 0, 1)))
    dateline = compose(rng.choice(DATED_DATELINES), fill, D=ch.yearless(rng, written, "past"))
    lede = compose("{co} will close its plant in {city}, the company said.", fill)
    return Draft(article(fill, [lede], headline=headline, dateline=dateline, lede_is_core=True), published,
                 str(index))
