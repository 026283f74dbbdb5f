"""Date capabilities: absolute forms, months and years, relative dates, and what is no date."""

from __future__ import annotations

import datetime as dt
import random

from bench.data.suite import choices as ch
from bench.data.suite import lexicons as lx
from bench.data.suite.drafts import WEEKDAY_NAMES, Draft, Relative, date

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
AP_ABBREVIATIONS = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}


def absolute_form(rng: random.Random, day: dt.date, published: dt.date):
    """A day written in one of the absolute forms; a form without a year needs a day in the published year."""
    same_year = day.year == published.year
    forms = ["us", "uk", "iso"] + (["abbr", "weekday", "bare"] if same_year else [])
    form = rng.choice(forms)
    month = MONTHS[day.month - 1]
    if form == "abbr" and day.month not in AP_ABBREVIATIONS:
        form = "bare"
    text = {
        "us": f"{month} {day.day}, {day.year}",
        "uk": f"{day.day} {month} {day.year}",
        "iso": day.isoformat(),
        "abbr": f"{AP_ABBREVIATIONS.get(day.month, '')} {day.day}",
        "weekday": f"{WEEKDAY_NAMES[day.weekday()]}, {month} {day.day}",
        "bare": f"{month} {day.day}",
    }[form]
    return date(text, day.isoformat())


_ABSOLUTE = (
    ("{c} said its new plant in {city} will open on ", "."),
    ("The hearing in the case against {c} was moved to ", ", according to a court filing."),
    ("{c} filed its annual report on ", ", a week later than planned."),
    ("Shares of {c} fell sharply on ", " after the results."),
    ("The contract with {c} runs until ", "."),
)


def absolute_dates(rng: random.Random, cast: ch.Cast) -> Draft:
    published = ch.published(rng)
    year = rng.choice((published.year, published.year, published.year - 1, rng.choice(ch.PAST_YEARS)))
    head, tail = rng.choice(_ABSOLUTE)
    fill = {"c": rng.choice(lx.COMPANIES), "city": rng.choice(lx.CITIES)}
    pieces = [head.format(**fill), absolute_form(rng, ch.day_in_year(rng, year), published), tail]
    if rng.random() < 0.4:
        second = ch.day_in_year(rng, published.year)
        pieces += [" A second review is due on ", absolute_form(rng, second, published), "."]
    return Draft(tuple(pieces), published)


def month_year(rng: random.Random, cast: ch.Cast) -> Draft:
    published = ch.published(rng)
    company, city = rng.choice(lx.COMPANIES), rng.choice(lx.CITIES)
    past = rng.choice(ch.PAST_YEARS)
    month = rng.randrange(1, 13)
    month_name = MONTHS[month - 1]
    choice = rng.randrange(6)
    if choice == 0:
        pieces = [f"{company} opened its office in {city} in ", date(f"{month_name} {past}", f"{past}-{month:02d}"), "."]
    elif choice == 1:
        pieces = [f"Sales at {company} rose in ", date(month_name, f"{published.year}-{month:02d}"),
                  ", the company said."]
    elif choice == 2:
        pieces = [f"{company}, founded in {city} in ", date(str(past), str(past)), ", makes parts for trains."]
    elif choice == 3:
        pieces = ["A ", date(str(past), str(past)), f" law still limits how {company} can sell its bonds."]
    elif choice == 4:
        future = rng.choice(ch.FUTURE_YEARS)
        pieces = [f"{company} aims to cut its emissions in half by ", date(str(future), str(future)), "."]
    else:
        pieces = ["The ", date(f"{month_name} {past}", f"{past}-{month:02d}"),
                  f" report on {company} was never published, and it was withdrawn in ",
                  date(str(past + 1), str(past + 1)), "."]
    return Draft(tuple(pieces), published)


RELATIVE_FRAMES = (
    ("{c} said on ", "WEEKDAY", " that it would appeal."),
    ("{c} announced the merger ", "yesterday", "."),
    ("{c} cut its prices ", "last month", ", citing weaker demand."),
    ("The board of {c} will vote on the plan ", "next week", "."),
    ("{c} warned ", "earlier this year", " that costs were rising."),
    ("{c} opened a second warehouse ", "last year", "."),
    ("Talks between {c} and its lenders resumed ", "this week", "."),
    ("The new fees at {c} take effect ", "next month", "."),
    ("{c} recalled the heaters ", "last week", "."),
    ("{c} reported a loss ", "today", "."),
    ("{c} will publish its results ", "tomorrow", "."),
)


def relative_mention(kind: str, rng: random.Random, at_start: bool = False) -> Relative:
    if kind == "WEEKDAY":
        weekday = rng.choice(WEEKDAY_NAMES[:5])
        return Relative(weekday, weekday)
    return Relative(ch.capitalized(kind) if at_start else kind, kind)


def relative_dates(rng: random.Random, cast: ch.Cast) -> Draft:
    published = ch.published(rng)
    head, kind, tail = rng.choice(RELATIVE_FRAMES)
    company = rng.choice(lx.COMPANIES)
    return Draft((head.format(c=company), relative_mention(kind, rng), tail), published)


_NO_DATES = (
    "{c} has made boilers in {city} for {n} years.", "The {age}-year-old founder of {c} stepped down.",
    "{c} said its chairman, aged {age}, would stay on.", "The vote at {c} closed at {h}:{m:02d} a.m.",
    "Trading in {c} shares was halted at {h} p.m.", "{c} gave its suppliers {d} days to respond.",
    "{c} has been in {city} for three decades.", "The strike at {c} lasted six months.",
    "Staff at {c} were told to leave the building by noon.", "A {d}-day notice period applies to {c} tenants.",
)


def no_dates(rng: random.Random, cast: ch.Cast) -> Draft:
    text = rng.choice(_NO_DATES).format(c=rng.choice(lx.COMPANIES), city=rng.choice(lx.CITIES),
                                        n=rng.choice((12, 15, 30, "twenty", "forty")), age=rng.randrange(38, 79),
                                        h=rng.randrange(1, 12), m=rng.randrange(0, 60, 5), d=rng.choice((30, 45, 60, 90)))
    return Draft((text,), ch.published(rng))
