"""Official capabilities: office holders named with a title, an apposition, a surname or a former office; look-alikes.

``{T}`` is the title as written before the name, ``{O}`` the official's full
name (the span), ``{S}`` the surname alone later on, ``{appos}`` an apposition
("the governor of Ohio"), ``{title}`` the canonical office for "a former
...". Each suite's officials are drawn by Faker, one person per surname.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.data.suite import choices as ch
from bench.data.suite import lexicons as lx
from bench.data.suite.drafts import Draft, Fixed, official
from bench.data.suite.pools import Pools
from bench.data.suite.story import padded
from bench.data.suite.templates import Fill, compose


@dataclass(frozen=True, slots=True)
class Holder:
    """One office holder as a case writes them: title form, mentions, apposition, office."""

    form: str
    full: Fixed
    surname: Fixed
    apposition: str
    office: str


def holder(fill: Fill) -> Holder:
    """An official of the suite with a drawn office, written forms filled from ``fill``."""
    rng = fill.rng
    first, last = rng.choice(fill.pools.officials)
    office = rng.choice(lx.TITLES)
    name = f"{first} {last}"
    form = compose(rng.choice(office.forms), fill)[0]
    apposition = compose(rng.choice(office.appositions), fill, capital=False)[0]
    return Holder(str(form), official(name, name, office.canonical), official(name, last, office.canonical),
                  str(apposition), office.canonical)


def slots(person: Holder) -> dict:
    return {"T": person.form, "O": person.full, "S": person.surname, "appos": person.apposition, "title": person.office}


def _case(rng: random.Random, pools: Pools, frames: tuple[str, ...]) -> Draft:
    fill = Fill(rng, pools)
    index = rng.randrange(len(frames))
    return Draft(padded(fill, compose(frames[index], fill, **slots(holder(fill)))), ch.published(rng), str(index))


TITLE_NAME = (
    "{T} {O} said {co} must repay its customers.", "{T} {O} visited the plant of {co} in {city}.",
    "{T} {O} criticized {co} in a speech in {city}.", "{T} {O} met the chief executive of {co}.",
    "{co} [won|received] praise from {T} {O}.", "In a letter to {co}, {T} {O} asked for details of the layoffs.",
    "{T} {O} will [travel|fly] to {city} to meet executives of {co}.", "The plan was backed by {T} {O}.",
    "Speaking in {city}, {T} {O} called the deal a mistake.", "{co} has hired a former aide to {T} {O}.",
    "{T} {O} and {p} of {co} signed the agreement.", "A spokesperson for {T} {O} said the talks with {co} were over.",
)
APPOSITION = (
    "{O}, {appos}, said {co} had broken its promises.", "{co} met {O}, {appos}, in {city}.",
    "{O}, {appos}, [urged|asked] {co} to reconsider.", "The deal was announced by {O}, {appos}.",
    "“We expect better from {co},” said {O}, {appos}.", "In an interview, {O}, {appos}, praised {co}.",
    "{O}, who is {appos}, wrote to {co} about the matter.", "Critics of {co} include {O}, {appos}.",
    "{O}, {appos}, is expected to visit {city}.", "According to {O}, {appos}, {co} will pay a fine.",
    "{co} will have to answer to {O}, {appos}, on the matter.", "Among the guests at the opening was {O}, {appos}.",
)
SURNAME = (
    "{T} {O} met the board of {co} in {city}. {S} said the talks went well.",
    "{T} {O} met executives of {co}. {S} later told reporters that {co} had agreed.",
    "{T} {O} toured the {city} plant of {co}. “We saw what we needed to see,” {S} said.",
    "{T} {O} wants {co} to pay. {S} has asked for a hearing.", "{co} wrote to {T} {O}. {S} has not replied.",
    "{T} {O} spoke in {city}. In the speech, {S} warned {co}.",
    "The plan of {T} {O} faces opposition. The office of {S} said {co} would be consulted.",
    "{O}, {appos}, met {co}. {S} called the meeting useful.",
    "{T} {O} praised {co}. Asked about {co2}, {S} declined to comment.",
    "{T} {O} will meet {co}. Aides to {S} said the talks could last all day.",
    "{T} {O} backed {co}. {S}, who has long favored the plan, said so in {city}.",
    "{co} met {T} {O} about the matter. Later, {S} said nothing had been decided.",
)
FORMER = (
    "Former {T} {O} joined the board of {co}.", "The deal with {co} was signed by then-{T} {O}.",
    "{O}, a former {title}, now advises {co}.", "{co} hired former {T} {O} as an adviser.",
    "Then-{T} {O} opposed the merger of {co} and {co2}.", "{O}, who once served as {title}, will chair {co}.",
    "A book by former {T} {O} criticizes {co}.", "The {city} plant of {co} was opened by then-{T} {O}.",
    "Former {T} {O} said {co} should be broken up.", "{co} named {O}, a former {title}, to its board.",
    "Then-{T} {O} approved the plan by {co}.", "{co} once lobbied then-{T} {O}.",
)


def official_title_name(rng: random.Random, pools: Pools) -> Draft:
    return _case(rng, pools, TITLE_NAME)


def official_apposition(rng: random.Random, pools: Pools) -> Draft:
    return _case(rng, pools, APPOSITION)


def official_surname(rng: random.Random, pools: Pools) -> Draft:
    return _case(rng, pools, SURNAME)


def official_former(rng: random.Random, pools: Pools) -> Draft:
    return _case(rng, pools, FORMER)


NOT_OFFICIALS = (
    "Reporter {p} of {outlet} first wrote about the deal with {co}.",
    "{co} chief executive {p} said sales were strong.",
    "{co} President {p} opened the new office in {city}.", "Analyst {p} at {bank} said {co} was cheap.",
    "Columnist {p} argued that {co} had moved too fast.", "{co} chairman {p} will retire.",
    "The general counsel of {co}, {p}, declined to comment.", "Economist {p} of {bank} expects {co} to grow.",
    "Professor {p} of {uni} studied the prices charged by {co}.", "Senate candidate {p} criticized {co}.",
    "Union leader {p} called on {co} to raise wages.", "{co} director {p} sold shares.",
    "Party chairman {p} defended {co}.", "{p}, a lobbyist for {co}, met lawmakers.",
)


def official_negatives(rng: random.Random, pools: Pools) -> Draft:
    fill = Fill(rng, pools)
    index = rng.randrange(len(NOT_OFFICIALS))
    return Draft(padded(fill, compose(NOT_OFFICIALS[index], fill)), ch.published(rng), str(index))
