"""Agency and official capabilities: the ways bodies and office holders are named, and look-alikes that are neither."""

from __future__ import annotations

import random

from bench.data.suite import choices as ch
from bench.data.suite import lexicons as lx
from bench.data.suite.drafts import Draft, agency, official

_AGENCY_FRAMES = (
    ("The ", " opened an inquiry into {c}."), ("{c} said it would cooperate with the ", "."),
    ("The ", " fined {c} ${m} million."), ("{c} is under review by the ", ", two people said."),
    ("A complaint against {c} was filed with the ", " in {city}."),
)


def _fill(rng: random.Random) -> dict:
    return {"c": rng.choice(lx.COMPANIES), "city": rng.choice(lx.CITIES), "m": rng.randrange(2, 90),
            "state": rng.choice(lx.STATES), "outlet": rng.choice(lx.OUTLETS), "bank": rng.choice(lx.BANKS)}


def _agency_sentence(rng: random.Random, surface: str, canonical: str, owner: str = "") -> Draft:
    head, tail = rng.choice(_AGENCY_FRAMES)
    fill = _fill(rng)
    head = head.format(**fill)
    if owner:  # "Britain's Competition and Markets Authority": the owner replaces "the"
        head = ch.capitalized(owner) + " " if head == "The " else head.removesuffix("the ") + owner + " "
    return Draft((head, agency(surface, canonical), tail.format(**fill)), ch.published(rng))


def agency_full_names(rng: random.Random, cast: ch.Cast) -> Draft:
    body = ch.body(rng, foreign=False)
    return _agency_sentence(rng, body.full, body.canonical)


def short_forms(body: lx.Body) -> tuple[str, ...]:
    """The short forms written for a body: "Labor Department", "Dept. of Labor", "Bundeskartellamt"."""
    forms = (body.short,) if body.short else ()
    if body.full.startswith("Department of "):
        forms += ("Dept. of " + body.full.removeprefix("Department of "),)
    return forms


def agency_short_forms(rng: random.Random, cast: ch.Cast) -> Draft:
    body = rng.choice([b for b in lx.BODIES if short_forms(b)])
    return _agency_sentence(rng, rng.choice(short_forms(body)), body.canonical, body.owner)


def agency_acronyms(rng: random.Random, cast: ch.Cast) -> Draft:
    body = rng.choice([b for b in lx.US_BODIES if b.acronym])
    fill = _fill(rng)
    if rng.random() < 0.5:
        pieces = ("The ", agency(body.full, body.canonical), " (", agency(body.acronym, body.canonical),
                  f") sued {fill['c']}. The ", agency(body.acronym, body.canonical), " wants a fine of "
                  f"${fill['m']} million.")
    else:
        pieces = ("The ", agency(body.acronym, body.canonical), f" asked {fill['c']} for its records from {fill['city']}.")
    return Draft(pieces, ch.published(rng))


def agency_foreign(rng: random.Random, cast: ch.Cast) -> Draft:
    body = ch.body(rng, foreign=True)
    if body.acronym and rng.random() < 0.4:
        fill = _fill(rng)
        pieces = (ch.capitalized(body.owner) + " ", agency(body.full, body.canonical), " (",
                  agency(body.acronym, body.canonical), f") cleared the takeover of {fill['c']}.")
        return Draft(pieces, ch.published(rng))
    return _agency_sentence(rng, body.full, body.canonical, body.owner)


_NOT_AGENCIES = (
    "{c} said the administration had not replied.", "The government said it would study the deal with {c}.",
    "A study by {uni} found that {c} had underpaid suppliers.", "The legal department of {c} reviewed the contract.",
    "Metro News Agency reported that {c} would move to {city}.", "The Freight Carriers Association criticized {c}.",
    "Officials at City Hall in {city} met executives of {c}.", "The Harlow Travel Agency booked flights for {c} staff.",
    "{c} hired Bellweather Talent Agency to find a new chief.", "The ruling party promised to help {c} expand.",
)


def agency_negatives(rng: random.Random, cast: ch.Cast) -> Draft:
    text = rng.choice(_NOT_AGENCIES).format(**_fill(rng), uni=rng.choice(lx.UNIVERSITIES))
    return Draft((ch.capitalized(text),), ch.published(rng))


def titled(rng: random.Random, cast: ch.Cast) -> tuple[str, object, str]:
    """(title as written, the official's mention, surname) for "Labor Secretary Ana Stroud"."""
    form, title = ch.title(rng)
    full, surname = cast.official(rng)
    if title in ("Governor", "Senator") and rng.random() < 0.5:
        form = f"{rng.choice(lx.STATES)} {form}"
    return form, official(full, full, title), surname


_OFFICIAL_FRAMES = (
    (" said {c} must repay its customers.", ""), (" visited the {c} plant in {city}.", ""),
    (" criticized {c} in a speech in {city}.", ""), (" met the chief executive of {c}.", ""),
)


def official_title_name(rng: random.Random, cast: ch.Cast) -> Draft:
    form, mention, _ = titled(rng, cast)
    tail = rng.choice(_OFFICIAL_FRAMES)[0].format(**_fill(rng))
    return Draft((f"{form} ", mention, tail), ch.published(rng))


def _apposition(title: str, fill: dict) -> str:
    return {"Senator": f"a senator from {fill['state']}", "Governor": f"the governor of {fill['state']}",
            "Mayor": f"the mayor of {fill['city']}"}.get(title, f"the {title}")


def official_apposition(rng: random.Random, cast: ch.Cast) -> Draft:
    _, title = ch.title(rng)
    full, _ = cast.official(rng)
    fill = _fill(rng)
    return Draft((official(full, full, title), f", {_apposition(title, fill)}, said {fill['c']} had broken its promises."),
                 ch.published(rng))


def official_surname(rng: random.Random, cast: ch.Cast) -> Draft:
    form, mention, surname = titled(rng, cast)
    fill = _fill(rng)
    later = official(mention.value.name, surname, mention.value.title)
    ending = rng.choice(((" said the talks with {c} went well.", ""), (" later told reporters in {city} that {c} had agreed.", "")))
    return Draft((f"{form} ", mention, f" met the board of {fill['c']} in {fill['city']}. ", later,
                  ending[0].format(**fill)), ch.published(rng))


def official_former(rng: random.Random, cast: ch.Cast) -> Draft:
    form, title = ch.title(rng)
    full, _ = cast.official(rng)
    fill = _fill(rng)
    style = rng.randrange(3)
    if style == 0:
        pieces = (f"Former {form} ", official(full, full, title), f" joined the board of {fill['c']}.")
    elif style == 1:
        pieces = (f"The deal with {fill['c']} was signed by then-{form} ", official(full, full, title), ".")
    else:
        pieces = (official(full, full, title), f", a former {title}, now advises {fill['c']}.")
    return Draft(pieces, ch.published(rng))


_NOT_OFFICIALS = (
    "Reporter {p} of {outlet} first wrote about the deal with {c}.", "{c} chief executive {p} said sales were strong.",
    "{c} President {p} opened the new office in {city}.", "Analyst {p} at {bank} said {c} was cheap.",
    "Columnist {p} argued that {c} had moved too fast.", "{c} chairman {p} will retire.",
    "The general counsel of {c}, {p}, declined to comment.", "Economist {p} of {bank} expects {c} to grow.",
)


def official_negatives(rng: random.Random, cast: ch.Cast) -> Draft:
    text = rng.choice(_NOT_OFFICIALS).format(**_fill(rng), p=ch.other_person(rng))
    return Draft((ch.capitalized(text),), ch.published(rng))
