"""Agency capabilities: the ways government bodies are named, and look-alikes that are no body.

``{A}`` stands for "the " (or a foreign body's owner: "Britain's ") and the
body's mention; the article or possessive is outside the span (GUIDELINES §4).
Each suite names only the bodies its seed drew (:mod:`bench.data.suite.pools`).
"""

from __future__ import annotations

import random

from bench.data.suite import choices as ch
from bench.data.suite.agency_pool import Body, short_forms
from bench.data.suite.drafts import Draft, agency
from bench.data.suite.pools import Pools
from bench.data.suite.story import padded
from bench.data.suite.templates import Fill, compose

AGENCY = (
    "{A} [opened|has opened|said it opened] an inquiry into [{co}|the pricing of {co}|a merger by {co}].",
    "{co} said it would [cooperate with|answer questions from|help] {A}.",
    "{A} fined {co} ${m} million [for breaking|over|for ignoring] its rules.",
    "{co} is under review by {A}, [two people said|people familiar with the matter said|a filing shows].",
    "A complaint against {co} was [filed with|sent to|lodged with] {A} [in {city}|in writing|by a rival].",
    "{co} received a warning letter from {A} [about its {goods}|over late payments|after an audit].",
    "{A} approved the plan by {co} to [expand in {city}|buy {co2}|sell its {goods} unit].",
    "[Lawyers|Advisers] for {co} met officials of {A} [in {city}|twice|behind closed doors].",
    "{co} must report its sales of {goods} to {A} under new rules.",
    "{A} said it had closed its investigation of {co} [without action|after a settlement|for now].",
    "In a filing with {A}, {co} [disclosed|reported|revealed] a [loss|drop in sales|legal dispute].",
    "{A} ordered {co} to [recall|stop selling|relabel] its {goods}.",
    "{co} has asked {A} for more time [to respond|to file its accounts|before the hearing].",
    "A spokesperson for {A} declined to comment on {co}[ on the record| when reached by phone|].",
)


def _case(rng: random.Random, pools: Pools, body: Body, surface: str, frames=AGENCY) -> Draft:
    fill = Fill(rng, pools)
    index = rng.randrange(len(frames))
    return Draft(padded(fill, compose(frames[index], fill, A=ch.agency_slot(body, surface))), ch.published(rng),
                 str(index))


def bodies_of(pools: Pools, foreign: bool | None = None, having=lambda body: True) -> list[Body]:
    return [b for b in pools.bodies if (foreign is None or b.foreign == foreign) and having(b)]


def agency_full_names(rng: random.Random, pools: Pools) -> Draft:
    body = rng.choice(bodies_of(pools, foreign=False))
    return _case(rng, pools, body, body.full)


def agency_short_forms(rng: random.Random, pools: Pools) -> Draft:
    body = rng.choice(bodies_of(pools, having=short_forms))
    return _case(rng, pools, body, rng.choice(short_forms(body)))


EXPANDED = (
    "{A} ({ACR}) sued {co}. The {ACR2} [wants|is seeking|has asked for] a [fine|penalty] of ${m} million.",
    "{A}, [known as the|also called the|or] {ACR}, has opened a [case|proceeding] against {co}.",
    "{co} said {A} ({ACR}) had asked for [documents|its emails|sales records]. A spokesperson for the {ACR2} "
    "declined to comment.",
    "[Under|According to] rules [set|written] by {A} ({ACR}), {co} must [publish|disclose] its prices.",
)


def agency_acronyms(rng: random.Random, pools: Pools) -> Draft:
    body = rng.choice(bodies_of(pools, having=lambda b: b.acronym))
    short = body.acronym or body.full
    if rng.random() >= 0.35:
        return _case(rng, pools, body, short)
    fill = Fill(rng, pools)
    index = rng.randrange(len(EXPANDED))
    acronym = agency(short, body.canonical)
    pieces = compose(EXPANDED[index], fill, A=ch.agency_slot(body, body.full), ACR=acronym, ACR2=acronym)
    return Draft(padded(fill, pieces), ch.published(rng), f"x{index}")


def agency_foreign(rng: random.Random, pools: Pools) -> Draft:
    body = rng.choice(bodies_of(pools, foreign=True))
    if body.acronym and rng.random() < 0.3:
        fill = Fill(rng, pools)
        index = rng.randrange(len(EXPANDED))
        acronym = agency(body.acronym, body.canonical)
        pieces = compose(EXPANDED[index], fill, A=ch.agency_slot(body, body.full), ACR=acronym, ACR2=acronym)
        return Draft(padded(fill, pieces), ch.published(rng), f"x{index}")
    return _case(rng, pools, body, body.full)


NOT_AGENCIES = (
    "{co} said the administration had not replied.", "The government said it would study the deal with {co}.",
    "A study by {uni} found that {co} had underpaid suppliers.", "The legal department of {co} reviewed the contract.",
    "{lookalike} reported that {co} would move to {city}.", "An industry association criticized {co} over its prices.",
    "Officials at City Hall in {city} met executives of {co}.", "{lookalike} worked with {co} on a new campaign.",
    "The ruling party promised to help {co} expand.",
    "Lawmakers in Congress questioned the deal between {co} and {co2}.",
    "A court in {city} sided with {co}.", "The United Nations praised {co} for its work in {city}.",
    "The {city} Chamber of Commerce welcomed the plan by {co}.", "Regulators are still studying the deal, {co} said.",
    "The {surname} administration is split on the deal with {co}.", "{co} hired a former tax inspector as an adviser.",
)


def agency_negatives(rng: random.Random, pools: Pools) -> Draft:
    fill = Fill(rng, pools)
    index = rng.randrange(len(NOT_AGENCIES))
    return Draft(padded(fill, compose(NOT_AGENCIES[index], fill)), ch.published(rng), str(index))
