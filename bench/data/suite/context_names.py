"""Context capabilities for names: an official among executives and analysts, a body among metonyms.

Each case is a short article (:func:`bench.data.suite.story.article`); its
frame is the construct that decides the gold.
"""

from __future__ import annotations

import random

from bench.data.suite import choices as ch
from bench.data.suite.drafts import Draft
from bench.data.suite.officials import holder, slots
from bench.data.suite.pools import Pools
from bench.data.suite.story import article
from bench.data.suite.templates import Fill, compose

AMONG_EXECUTIVES = (
    "{co} chief executive {p} met {T} {O} in {city}. Analyst {p2} of {bank} said the meeting went well.",
    "{T} {O} and {co} chairman {p} toured the plant in {city}.",
    "Speaking after {co} President {p}, {T} {O} promised help for {city}.",
    "{p}, the chief financial officer of {co}, briefed {T} {O}.",
    "“Prices will keep rising,” said {p}, an economist at {bank}. {T} {O} disagreed.",
    "The panel included {co} founder {p}, {bank} analyst {p2} and {T} {O}.",
    "{T} {O} has clashed with {co} chief executive {p} over prices.",
    "{co} general counsel {p} wrote to {T} {O}.",
    "Investor {p} and {T} {O} both backed the deal for {co}.",
    "{co} President {p} said {T} {O} had been very helpful.",
    "After meeting {T} {O}, {co} director {p} said the talks would continue.",
    "{p}, who heads {co}, and {O}, {appos}, signed the pact.",
)
EXECUTIVES_ONLY = (
    "{co} chief executive {p} met {co2} chairman {p2} in {city}. Analyst {p3} of {bank} said the meeting went well.",
    "{co} President {p} and {co2} founder {p2} toured the plant in {city}.",
    "Economist {p} of {bank} and {co} director {p2} debated the deal.",
)


def officials_among_executives(rng: random.Random, pools: Pools) -> Draft:
    """An official among executives and analysts: only the official is labeled (a third of cases have none)."""
    fill = Fill(rng, pools)
    if rng.random() < 0.3:
        index = rng.randrange(len(EXECUTIVES_ONLY))
        core, frame = compose(EXECUTIVES_ONLY[index], fill), f"x{index}"
    else:
        index = rng.randrange(len(AMONG_EXECUTIVES))
        core, frame = compose(AMONG_EXECUTIVES[index], fill, **slots(holder(fill))), str(index)
    return Draft(article(fill, [core]), ch.published(rng), frame)


METONYMS = (
    "Washington pressed {co} to sell the unit.", "The administration said {co} had not broken the rules.",
    "The White House declined to comment on {co}.", "The government in {city} welcomed the offer from {co}.",
    "Officials said {co} could appeal.", "Brussels has asked {co} for more information.",
    "Beijing is unlikely to approve the deal, analysts said of {co}.",
    "Downing Street said it was watching {co} closely.",
    "The regulator has not said when it will rule on the purchase by {co}.",
    "The {surname} administration is split on the deal with {co}.",
    "Tokyo and Seoul are reviewing the purchase by {co}.", "City Hall in {city} granted {co} a permit.",
    "The state of {state} sued {co}.",
)
NAMED = ("{A} is still [reviewing|studying] [it|the case|the purchase].",
         "{A} has not yet [decided|said what it will do].",
         "A ruling by {A} is expected [soon|within weeks|before the deal closes].",
         "{co} has also [written to|filed papers with|briefed] {A}.")


def agency_vs_metonymy(rng: random.Random, pools: Pools) -> Draft:
    """Capitals, "the administration" and the White House are not agencies; a named body beside them is."""
    fill = Fill(rng, pools)
    index = rng.randrange(len(METONYMS))
    core = [compose(METONYMS[index], fill)]
    if rng.random() < 0.65:
        body = rng.choice([b for b in pools.bodies if not b.foreign])
        surface = rng.choice((body.full, body.short or body.full, body.acronym or body.full))
        core.append(compose(rng.choice(NAMED), fill, A=ch.agency_slot(body, surface)))
    return Draft(article(fill, core), ch.published(rng), str(index))
