"""Context capabilities for the page around a fact: quotations, background, teasers, bylines, look-alike names."""

from __future__ import annotations

import random

from bench.data.suite import choices as ch
from bench.data.suite import lexicons as lx
from bench.data.suite.counts import headcount
from bench.data.suite.dates import MONTHS, absolute_form, relative_mention
from bench.data.suite.drafts import WEEKDAY_NAMES, Draft, Relative, agency, date
from bench.data.suite.names import titled

_QUOTED_RELATIVE = ("next week", "last month", "yesterday", "today", "tomorrow", "this week")


def _fill(rng: random.Random) -> dict:
    return {"c": rng.choice(lx.COMPANIES), "d": rng.choice(lx.COMPANIES[::-1]), "city": rng.choice(lx.CITIES),
            "p": ch.other_person(rng), "k": rng.randrange(3, 40), "m": rng.randrange(2, 90)}


def quoted_relative_dates(rng: random.Random, cast: ch.Cast) -> Draft:
    """Relative dates inside a quotation are the speaker's, not the article's: unlabeled; absolute ones are labeled."""
    fill, published = _fill(rng), ch.published(rng)
    quoted = rng.choice(_QUOTED_RELATIVE)
    frame = rng.randrange(3)
    if frame == 0:
        weekday = rng.choice(WEEKDAY_NAMES[:5])
        pieces = (f"“We will file the appeal {quoted},” {fill['p']}, a spokesperson for {fill['c']}, said on ",
                  Relative(weekday, weekday), ".")
    elif frame == 1:
        day = ch.day_in_year(rng, published.year)
        pieces = (f"“The plant in {fill['city']} closes on ", absolute_form(rng, day, published),
                  f", and the talks end {quoted},” {fill['p']} of {fill['c']} said.")
    else:
        pieces = (f"“Our offer expires {quoted},” {fill['p']} told staff of {fill['c']} in a memo.",)
    return Draft(pieces, published)


def background_same_story(rng: random.Random, cast: ch.Cast) -> Draft:
    """A background paragraph of the story itself, about an earlier event: its facts are labeled."""
    fill, body = _fill(rng), ch.body(rng, foreign=False)
    year = rng.choice(ch.PAST_YEARS)
    pieces = (f"{fill['c']} said it would contest the ruling in {fill['city']}.\n\n"
              "The case recalls ", date(str(year), str(year)), f", when {fill['d']} cut ", headcount(rng, style="digits"),
              " jobs after a similar order from the ", agency(body.full, body.canonical), ".")
    return Draft(pieces, ch.published(rng))


_OTHER_STORY = ("In other news, ", "In a separate story, ")


def other_story_paragraph(rng: random.Random, cast: ch.Cast) -> Draft:
    """A closing paragraph that summarizes another story is not this story: unlabeled."""
    fill, body, published = _fill(rng), ch.body(rng, foreign=False), ch.published(rng)
    year = rng.choice(ch.PAST_YEARS)
    story = (f"{fill['c']} said on ", relative_mention("WEEKDAY", rng), f" that it would open a depot in {fill['city']}.")
    other = (f"\n\n{rng.choice(_OTHER_STORY)}{fill['d']} cut {fill['k'] * 30} jobs in {year} after the "
             f"{body.full} fined it ${fill['m']} million.")
    return Draft((*story, other), published)


def _teaser(rng: random.Random, fill: dict) -> str:
    body = ch.body(rng, foreign=False)
    headlines = (f"{fill['d']} to cut {fill['k'] * 40} jobs as demand slows",
                 f"{body.short or body.full} fines {fill['c']} over data leak",
                 f"Markets close higher on {rng.choice(WEEKDAY_NAMES[:5])}",
                 f"What {fill['k'] * 100} workers told us about {MONTHS[fill['k'] % 12]} {rng.choice(ch.PAST_YEARS)}")
    return rng.choice(lx.TEASER_HEADINGS) + "\n" + "\n".join(rng.sample(headlines, 3))


def teaser_navigation(rng: random.Random, cast: ch.Cast) -> Draft:
    """Teaser and navigation lines around the story belong to other stories: unlabeled."""
    fill, published = _fill(rng), ch.published(rng)
    story = (f"{fill['c']}, which makes heating pumps in {fill['city']}, said it now employs ", headcount(rng),
             " people after a year of steady growth and that it expects further hiring over the coming months.")
    if rng.random() < 0.5:
        return Draft((*story, "\n\n" + _teaser(rng, fill)), published)
    return Draft((_teaser(rng, fill) + "\n\n", *story), published)


def bylines_credits(rng: random.Random, cast: ch.Cast) -> Draft:
    """Bylines and credits name journalists, not officials: unlabeled."""
    fill, body = _fill(rng), ch.body(rng)
    form, mention, _ = titled(rng, cast)
    asked = f" asked {body.owner} " if body.owner else " asked the "
    story = (f"{form} ", mention, asked, agency(body.full, body.canonical), f" to review {fill['c']}.")
    credit = rng.choice((f"\n\n(Reporting by {fill['p']} in {fill['city']}; Editing by {ch.other_person(rng)})",
                         f"\n\nPhoto: {fill['p']}/{rng.choice(lx.OUTLETS).removeprefix('the ')}"))
    return Draft((*story, credit), ch.published(rng))


def officials_among_executives(rng: random.Random, cast: ch.Cast) -> Draft:
    """An official among executives and analysts: only the official is labeled."""
    fill = _fill(rng)
    form, mention, _ = titled(rng, cast)
    boss = rng.choice((f"{fill['c']} chief executive {fill['p']}", f"{fill['c']} President {fill['p']}",
                       f"{fill['c']} chairman {fill['p']}"))
    pieces = (f"{boss} met {form} ", mention, f" in {fill['city']}. Analyst {ch.other_person(rng)} of "
              f"{rng.choice(lx.BANKS)} said the meeting went well.")
    return Draft(pieces, ch.published(rng))


_METONYMS = ("Washington pressed {c} to sell the unit.", "The administration said {c} had not broken the rules.",
             "The White House declined to comment on {c}.", "The government in {city} welcomed the offer from {c}.",
             "Officials said {c} could appeal.")


def agency_vs_metonymy(rng: random.Random, cast: ch.Cast) -> Draft:
    """Countries, capitals, "the administration" and the White House are not agencies; a named body is."""
    fill = _fill(rng)
    _, surname = cast.official(rng)
    lead = rng.choice(_METONYMS).format(**fill) + f" The {surname} administration is split on the deal."
    if rng.random() < 0.35:
        return Draft((lead,), ch.published(rng))
    body = ch.body(rng, foreign=False)
    return Draft((lead + " The ", agency(body.short or body.full, body.canonical), " is still reviewing it."),
                 ch.published(rng))


def headline_dateline(rng: random.Random, cast: ch.Cast) -> Draft:
    """A Title Case headline and a dateline before the lede: both are read (GUIDELINES §0, §8)."""
    fill, published = _fill(rng), ch.published(rng)
    dateline = date(f"{MONTHS[published.month - 1]} {published.day}", published.isoformat())
    pieces = (f"{fill['c']} To Cut ", headcount(rng, code="eq", style="digits", low=100), " Jobs\n\n"
              f"{fill['city'].upper()}, ", dateline, f" (Metro Wire) - {fill['c']} will close its plant in "
              f"{fill['city']}, the company said.")
    return Draft(pieces, published)
