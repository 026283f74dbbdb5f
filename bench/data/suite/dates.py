"""Date capabilities: absolute forms, months and years, relative dates, the tense of yearless dates, and no dates.

A frame that writes a day or month without its year says the tense of its
clause; the gold follows the tense rule (:func:`bench.data.suite.drafts.year_of`).
A frame whose clause does not say on which side of the published date the
event lies ("the contract runs until ...", "the hearing was moved to ...")
writes its dates with a year.
"""

from __future__ import annotations

import random

from bench.data.suite import choices as ch
from bench.data.suite.drafts import Draft, date
from bench.data.suite.pools import Pools
from bench.data.suite.story import padded
from bench.data.suite.templates import Fill, compose

ABSOLUTE = (
    ("{co} said its new plant in {city} [will open|is scheduled to open] on {D}.", "future"),
    ("The hearing in the case against {co} was moved to {D}, according to a court filing.", None),
    ("{co} filed its annual report on {D}, [a week later than planned|ahead of the deadline].", "past"),
    ("Shares of {co} fell [sharply|nearly {pct}%] on {D} after the results.", "past"),
    ("The contract between {co} and {co2} runs until {D}.", None),
    ("{co} will hold its annual meeting in {city} on {D}.", "future"),
    ("The recall of {goods} made by {co} began on {D}.", "past"),
    ("[Under the agreement,|According to the filing,] {co} must repay the loan by {D}.", "future"),
    ("{co} was first listed on the stock exchange on {D}.", "past"),
    ("Construction of the {city} depot [started|began] on {D} and is expected to take {k} months.", "past"),
    ("The offer for {co2} expires on {D}, {co} said.", None),
    ("{co} announced on {D} that it had agreed to buy {co2}.", "past"),
    ("A spokesperson for {co} said deliveries of {goods} would resume on {D}.", "future"),
    ("The strike at the {city} plant of {co} ended on {D}.", "past"),
)
SECOND = (" A [second|further] review is due on {D}.", " The deal is expected to close by {D}.",
          " A court will rule on the matter on {D}.")


def _day_mention(rng: random.Random, published, tense: str | None):
    """A day for a clause of ``tense``: with its year half the time, else without (the tense rule dates it)."""
    if tense is None:
        year = rng.choice((published.year, published.year + 1, rng.choice(ch.PAST_YEARS)))
        return ch.absolute(rng, ch.day_in_year(rng, year))
    if tense == "past" and rng.random() < 0.2:
        return ch.absolute(rng, ch.day_in_year(rng, rng.choice(ch.PAST_YEARS)))
    day = ch.near(rng, published, tense)
    if rng.random() < 0.5:
        return ch.absolute(rng, day)
    return ch.weekday_yearless(day, tense) if rng.random() < 0.2 else ch.yearless(rng, day, tense)


def absolute_dates(rng: random.Random, pools: Pools) -> Draft:
    published, fill = ch.published(rng), Fill(rng, pools)
    index = rng.randrange(len(ABSOLUTE))
    template, tense = ABSOLUTE[index]
    pieces = compose(template, fill, D=_day_mention(rng, published, tense))
    if rng.random() < 0.35:
        pieces += compose(rng.choice(SECOND), fill, D=_day_mention(rng, published, "future"))
    return Draft(padded(fill, pieces), published, str(index))


MONTH_YEAR = (
    ("{co} opened its office in {city} in {D}.", "past", "my y m"),
    ("Sales at {co} [rose|fell] in {D}, the company said.", "past", "my m"),
    ("{co}, founded in {city} in {D}, makes {goods}.", "past", "y my"),
    ("A {D} law still limits how {co} can sell its bonds.", None, "y"),
    ("{co} aims to cut its emissions in half by {D}.", "future", "fy"),
    ("The {D} report on {co} was never published.", None, "y my"),
    ("{co} expects to start production in {city} in {D}.", "future", "m fy"),
    ("The merger of {co} and {co2} was completed in {D}.", "past", "my y m"),
    ("{co} plans to list its shares in {D}.", "future", "m fy"),
    ("Prices at {co} have not changed since {D}.", None, "y my"),
    ("{co} last raised its dividend in {D}.", "past", "my y m"),
    ("The {city} store of {co} will close in [early |late |]{D}.", "future", "m"),
    ("{co} posted its first annual profit in {D}.", "past", "y"),
    ("A court in {city} will hear the case against {co} in {D}.", "future", "m fy"),
)


def _month_mention(rng: random.Random, published, tense: str | None, forms: str):
    form = rng.choice(forms.split())
    if form == "m" and tense is not None:  # a month without a year: the tense rule dates it
        return ch.yearless(rng, ch.near(rng, published, tense), tense, month_only=True)
    if form == "fy":
        year = rng.choice(ch.FUTURE_YEARS)
        return date(str(year), str(year))
    year = rng.choice(ch.PAST_YEARS)
    if form == "y":
        return date(str(year), str(year))
    month = rng.randrange(1, 13)
    return date(f"{ch.lx.MONTHS[month - 1]} {year}", f"{year}-{month:02d}")


def month_year(rng: random.Random, pools: Pools) -> Draft:
    published, fill = ch.published(rng), Fill(rng, pools)
    index = rng.randrange(len(MONTH_YEAR))
    template, tense, forms = MONTH_YEAR[index]
    return Draft(padded(fill, compose(template, fill, D=_month_mention(rng, published, tense, forms))),
                 published, str(index))


RELATIVE = (
    ("{co} said {R} that it would appeal.", ch.PAST_KINDS),
    ("{co} announced the merger {R}.", ch.PAST_KINDS),
    ("{co} cut its prices {R}, citing weaker demand.", ch.PAST_KINDS),
    ("The board of {co} will vote on the plan {R}.", ch.FUTURE_KINDS),
    ("Talks between {co} and its lenders resumed {R}.", ch.PAST_KINDS),
    ("The new fees at {co} take effect {R}.", ch.FUTURE_KINDS),
    ("{co} recalled its {goods} {R}.", ch.PAST_KINDS),
    ("{co} reported a quarterly loss {R}.", ch.PAST_KINDS),
    ("{co} will publish its results {R}.", ch.FUTURE_KINDS),
    ("Executives of {co} met investors in {city} {R}.", ch.PAST_KINDS),
    ("{co} [named|appointed] {p} as its new chief executive {R}.", ch.PAST_KINDS),
    ("The {city} plant of {co} is due to reopen {R}.", ch.FUTURE_KINDS),
    ("{^R}, {co} said it had [settled|resolved] its dispute with {co2}.", ch.PAST_KINDS),
    ("Shares of {co} [rose|fell] {pct}% {R}.", ch.PAST_KINDS),
)


def relative_dates(rng: random.Random, pools: Pools) -> Draft:
    published, fill = ch.published(rng), Fill(rng, pools)
    index = rng.randrange(len(RELATIVE))
    template, kinds = RELATIVE[index]
    return Draft(padded(fill, compose(template, fill, R=ch.relative(rng, kinds))), published, str(index))


YEARLESS = (
    ("{co} filed its annual report on {D}.", "past", False),
    ("The {city} factory of {co} shut down on {D} after a fire.", "past", False),
    ("{co} completed the sale of its {goods} business on {D}.", "past", False),
    ("Shareholders of {co} approved the deal on {D}.", "past", False),
    ("{co} opened its first store in {city} in [early |late |]{D}.", "past", True),
    ("Exports of {goods} by {co} fell sharply in {D}.", "past", True),
    ("{co} signed the lease for its {city} offices on {D}.", "past", False),
    ("{co} will open its new headquarters in {city} on {D}.", "future", False),
    ("The trial of {co} is set to begin on {D}.", "future", False),
    ("{co} plans to launch {product} in {D}.", "future", True),
    ("The new tariffs on {goods} will take effect on {D}.", "future", False),
    ("{co} is expected to report its results on {D}.", "future", False),
    ("Voting on the pay deal at {co} will close on {D}.", "future", False),
    ("{co} said it would stop selling {goods} in {city} in {D}.", "future", True),
)


def yearless_tense(rng: random.Random, pools: Pools) -> Draft:
    """A day or month without its year, in a past or future clause, within a year of the published date."""
    published, fill = ch.published(rng), Fill(rng, pools)
    index = rng.randrange(len(YEARLESS))
    template, tense, month_only = YEARLESS[index]
    mention = ch.yearless(rng, ch.near(rng, published, tense), tense, month_only)
    return Draft(padded(fill, compose(template, fill, D=mention)), published, str(index))


NO_DATES = (
    "{co} has made {goods} in {city} for {n} years.", "The {age}-year-old founder of {co} stepped down.",
    "{co} said its chairman, aged {age}, would stay on.", "The vote at {co} closed at {h}:{mm} a.m.",
    "Trading in shares of {co} was halted at {h} p.m.", "{co} gave its suppliers {d} days to respond.",
    "The strike at {co} lasted [six|eight|nine] months.", "Staff at {co} were told to leave the building by noon.",
    "A {d}-day notice period applies to tenants of {co}.", "{co} grew quickly in the 1990s.",
    "{co} was founded nearly three decades ago in {city}.", "Sales of {goods} usually peak in the summer, {co} said.",
    "Earlier in the day, {co} had denied the report.", "{co} offers a {k}-month warranty on its {goods}.",
    "The {year} Expo in {city} drew crowds to the stand of {co}.", "{co} has been in {city} for [two|three] decades.",
)


def no_dates(rng: random.Random, pools: Pools) -> Draft:
    fill = Fill(rng, pools)
    index = rng.randrange(len(NO_DATES))
    return Draft(padded(fill, compose(NO_DATES[index], fill)), ch.published(rng), str(index))
