"""Count capabilities: headcounts and user counts in their forms, and numbers that count neither."""

from __future__ import annotations

import random
from dataclasses import replace

from bench.data.suite import choices as ch
from bench.data.suite import lexicons as lx
from bench.data.suite.drafts import CountMention, Draft


def headcount(rng: random.Random, code: str | None = None, style: str | None = None, low: int = 12,
              high: int = 90_000) -> CountMention:
    """A headcount of a drawn size, qualifier and writing style."""
    number = ch.count(rng, low, high)
    style = style or rng.choice(("digits", "digits", "words", "plain"))
    if style == "words" and number >= 1000 and number % 1000:
        number -= number % 1000
    if style == "plain" and number < 1000:
        style = "digits"
    phrase, code = ch.qualifier(rng, code)
    return CountMention("headcount", phrase, code, number, style, "employees")


def user_count(rng: random.Random, unit: str = "users", code: str | None = None, style: str | None = None) -> CountMention:
    """A user count: scaled ("1.2 million", "30m") for users, digits for client companies."""
    phrase, code = ch.qualifier(rng, code)
    if unit == "companies":
        number = ch.count(rng, 120, 90_000)
        return CountMention("user_count", phrase, code, number, style or "digits", unit)
    number = ch.scaled_count(rng)
    return CountMention("user_count", phrase, code, number, style or rng.choice(("scaled", "scaled", "suffix", "digits")), unit)


_HEADCOUNT_FRAMES = (
    ("{c} employs ", " {noun} worldwide."), ("{c} has ", " {noun} at its plant in {city}."),
    ("The {city} site of {c} has ", " {noun}."), ("{c} said it would add ", " {noun} in {city}."),
    ("{c} will cut ", " jobs, the company said."),
)


def _headcount_sentence(rng: random.Random, mention: CountMention, noun: str | None = None) -> Draft:
    head, tail = rng.choice(_HEADCOUNT_FRAMES)
    fill = {"c": rng.choice(lx.COMPANIES), "city": rng.choice(lx.CITIES), "noun": noun or rng.choice(lx.EMPLOYEE_NOUNS)}
    return Draft((ch.capitalized(head.format(**fill)), mention, tail.format(**fill)), ch.published(rng))


def headcount_numbers(rng: random.Random, cast: ch.Cast) -> Draft:
    return _headcount_sentence(rng, headcount(rng, code="eq"))


def headcount_qualifiers(rng: random.Random, cast: ch.Cast) -> Draft:
    code = rng.choice(tuple(lx.QUALIFIERS))
    return _headcount_sentence(rng, headcount(rng, code=code, style=rng.choice(("digits", "digits", "words"))))


_STAFF_FRAMES = (
    ("{c} employs ", " people in {city}."), ("There are ", " people employed by {c} in {city}."),
    ("{c} has ", " {noun} on its payroll."), ("{c} said ", " staff members would move to {city}."),
    ("The factory in {city} had ", " positions before {c} bought it."),
)


def staff_nouns(rng: random.Random, cast: ch.Cast) -> Draft:
    head, tail = rng.choice(_STAFF_FRAMES)
    fill = {"c": rng.choice(lx.COMPANIES), "city": rng.choice(lx.CITIES), "noun": rng.choice(lx.EMPLOYEE_NOUNS)}
    return Draft((head.format(**fill), headcount(rng), tail.format(**fill)), ch.published(rng))


_NOT_HEADCOUNTS = (
    "{c} paid ${m} million for the site in {city}.", "{c} cut {p}% of its workforce.",
    "{c} said its workforce grew by {p} percent.", "Call {c} on 555-01{n:02d} for details.",
    "{c} released version {v}.{n} of its payroll software for staff.", "{c} ranks No. {n} among employers in {city}.",
    "{c} owns {n} warehouses in {city}.", "Workers at Studio {n} Foods voted to join a union.",
    "{c} set aside ${m} million for employee bonuses.", "Route {n} Logistics moved its staff to {city}.",
)


def headcount_negatives(rng: random.Random, cast: ch.Cast) -> Draft:
    text = rng.choice(_NOT_HEADCOUNTS).format(c=rng.choice(lx.COMPANIES), city=rng.choice(lx.CITIES),
                                               m=rng.randrange(3, 900), p=rng.randrange(3, 40), n=rng.randrange(2, 40),
                                               v=rng.randrange(2, 9))
    return Draft((text,), ch.published(rng))


_USER_FRAMES = (
    ("{product} has ", " {noun}, {c} said."), ("{c} said ", " {noun} signed up for {product}."),
    ("{product} is used by ", " people."), ("", " people use {product} every month."),
    ("{c} now serves ", " {noun} in {city}."),
)
_COMPANY_FRAMES = (
    ("{c} said ", " {noun} use {product}."), ("{product} counts ", " {noun} among its clients."),
)


def user_forms(rng: random.Random, cast: ch.Cast) -> Draft:
    fill = {"c": rng.choice(lx.COMPANIES), "city": rng.choice(lx.CITIES), "product": rng.choice(lx.PRODUCTS)}
    if rng.random() < 0.3:
        head, tail = rng.choice(_COMPANY_FRAMES)
        mention = user_count(rng, "companies")
        fill["noun"] = rng.choice(lx.COMPANY_NOUNS)
    else:
        head, tail = rng.choice(_USER_FRAMES)
        mention = user_count(rng)
        fill["noun"] = rng.choice(lx.USER_NOUNS)
    if not head:  # the count opens the sentence
        mention = replace(mention, qualifier=ch.capitalized(mention.qualifier))
    pieces = (ch.capitalized(head.format(**fill)), mention, tail.format(**fill))
    if rng.random() < 0.4:
        pieces += (" It also counts ", user_count(rng, "companies", code="eq"), f" {rng.choice(lx.COMPANY_NOUNS)} as clients.")
    return Draft(pieces, ch.published(rng))


_NOT_USER_COUNTS = (
    "{product} was downloaded {s} million times.", "{product} passed {s} million downloads.",
    "{c} reported ${s} billion in revenue.", "{c} sold {s} million units of its speaker.",
    "Videos on {product} drew {s} million views.", "{c} earned {s} million euros from subscriptions.",
    "{product} handled {s} million payments in {city}.", "The website of {c} had {s} million visits.",
)


def user_negatives(rng: random.Random, cast: ch.Cast) -> Draft:
    text = rng.choice(_NOT_USER_COUNTS).format(c=rng.choice(lx.COMPANIES), city=rng.choice(lx.CITIES),
                                               product=ch.capitalized(rng.choice(lx.PRODUCTS)),
                                               s=rng.choice((2, 3, 7, 12, 18, 35, 1.5, 2.5)))
    return Draft((text,), ch.published(rng))
