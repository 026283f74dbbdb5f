"""The capabilities of the suite: what each tests, its CheckList kind, and how its cases are written.

A capability is *context* when what decides the gold lies outside the
mention itself: the quotation, paragraph or page it stands in, or the other
numbers and names beside it. ``fact_types`` are the types a case of the
capability is judged on; facts of other types in it are side facts.

A case's *frame* is the construct it was written from: the template, or,
where a capability varies a counted noun (``headcount.staff_nouns``,
``user_count.forms``) or the marker of another story
(``context.other_story_paragraph``), that noun or marker. Cases of one frame
are one cluster for the intervals of the capability's rates; a variant keeps
its source's frame.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bench.data.suite import (
    agencies,
    context_counts,
    context_names,
    context_page,
    counts,
    dates,
    officials,
    variants,
)
from bench.data.suite.real_examples import REAL_EXAMPLES


@dataclass(frozen=True, slots=True)
class Capability:
    """One capability: ``make`` writes a case, or ``transform`` derives one from a case of ``sources``."""

    id: str
    fact_types: tuple[str, ...]
    kind: str  # MFT (with negatives among its cases), negative, INV or DIR
    context: bool
    description: str
    make: Callable | None = None
    sources: tuple[str, ...] = ()
    transform: Callable | None = None
    usable: Callable = lambda draft, pools: variants.has_mention(draft)

    def to_dict(self) -> dict:
        return {"id": self.id, "fact_types": list(self.fact_types), "kind": self.kind, "context": self.context,
                "description": self.description, "sources": list(self.sources),
                "real_example": REAL_EXAMPLES[self.id].to_dict()}


def _plain(id_, types, kind, description, make):
    return Capability(id_, tuple(types.split()), kind, False, description, make)


def _context(id_, types, description, make):
    return Capability(id_, tuple(types.split()), "MFT", True, description, make)


PLAIN = (
    _plain("date.absolute", "date", "MFT", "Absolute dates: July 15, 2031; 15 July 2031; Sept. 3; ISO; weekday + date",
           dates.absolute_dates),
    _plain("date.month_year", "date", "MFT", "Months with or without a year, and years in context", dates.month_year),
    _plain("date.relative", "date", "MFT", "Weekdays and relative dates resolved against varied published dates",
           dates.relative_dates),
    _plain("date.yearless_tense", "date", "MFT", "A day or month without a year: the clause's tense picks the year",
           dates.yearless_tense),
    _plain("date.negatives", "date", "negative", "Durations, ages, times, decades and named years are no dates",
           dates.no_dates),
    _plain("headcount.numbers", "headcount", "MFT", "Headcounts in digits, plain digits and number words",
           counts.headcount_numbers),
    _plain("headcount.qualifiers", "headcount", "MFT", "Every qualifier: less than, up to, over, at least, about...",
           counts.headcount_qualifiers),
    _plain("headcount.staff_nouns", "headcount", "MFT", "Staff nouns: employees, staff, positions, people employed",
           counts.staff_nouns),
    _plain("headcount.negatives", "headcount", "negative", "Money, percentages, phone and version numbers, names",
           counts.headcount_negatives),
    _plain("user_count.forms", "user_count", "MFT", "1.2 million users, 30m customers, over 1.1 billion people use",
           counts.user_forms),
    _plain("user_count.negatives", "user_count", "negative", "Downloads, revenue, units sold, views and readers",
           counts.user_negatives),
    _plain("agency.full_names", "agency", "MFT", "U.S. bodies by their full names", agencies.agency_full_names),
    _plain("agency.short_forms", "agency", "MFT", "Short forms: Labor Department, Dept. of Energy, Bundeskartellamt",
           agencies.agency_short_forms),
    _plain("agency.acronyms", "agency", "MFT", "Acronyms with and without their expansion", agencies.agency_acronyms),
    _plain("agency.foreign", "agency", "MFT", "Foreign regulators, with their country's possessive",
           agencies.agency_foreign),
    _plain("agency.negatives", "agency", "negative", "Companies, the administration, courts, parties, look-alikes",
           agencies.agency_negatives),
    _plain("official.title_name", "official", "MFT", "Title + name: Labor Secretary, Sen., Ohio Gov. ...",
           officials.official_title_name),
    _plain("official.apposition", "official", "MFT", "Name + apposition title: X, the governor of Ohio, said",
           officials.official_apposition),
    _plain("official.surname", "official", "MFT", "A surname referring back to a titled name",
           officials.official_surname),
    _plain("official.former", "official", "MFT", "Former and then- titles keep the office", officials.official_former),
    _plain("official.negatives", "official", "negative", "Journalists, executives, analysts, candidates",
           officials.official_negatives),
)

CONTEXT = (
    _context("context.quoted_relative_dates", "date", "Relative dates inside quotations (unlabeled) beside "
             "dated text", context_page.quoted_relative_dates),
    _context("context.background_same_story", "date headcount agency", "Years, counts and bodies in a background "
             "paragraph of the story (labeled)", context_page.background_same_story),
    _context("context.other_story_paragraph", "date headcount agency", "A closing paragraph about another story "
             "(unlabeled)", context_page.other_story_paragraph),
    _context("context.teaser_navigation", "headcount date agency", "Teaser and navigation lines around the story "
             "(unlabeled)", context_page.teaser_navigation),
    _context("context.bylines_credits", "official agency", "Bylines and photo credits beside an official",
             context_page.bylines_credits),
    _context("context.headline_dateline", "headcount date", "A Title Case headline and a dated dateline before the "
             "lede", context_page.headline_dateline),
    _context("context.officials_among_executives", "official", "An official among company executives and analysts",
             context_names.officials_among_executives),
    _context("context.agency_vs_metonymy", "agency", "Washington, the administration, the White House beside a "
             "named body", context_names.agency_vs_metonymy),
    _context("context.multi_number_sentence", "headcount date", "Several numbers in one sentence, one a headcount",
             context_counts.multi_number_sentence),
    _context("context.contractors_executives", "headcount", "Contractors and executives counted beside employees",
             context_counts.contractors_executives),
    _context("context.users_non_count", "user_count", "Android 14 users, top 10 customers: numbers that count nobody",
             context_counts.users_non_count),
    _context("context.people_employed_or_users", "headcount user_count", "'people' counted as staff or as users, "
             "by the verb", context_counts.people_employed_or_users),
    _context("context.count_noun_before", "headcount user_count", "The counted noun before the number: a "
             "workforce of N, a user base of N", context_counts.count_noun_before),
)

_MFT_SOURCES = tuple(c.id for c in PLAIN if c.kind == "MFT")
_ALL_TYPES = ("date", "headcount", "user_count", "agency", "official")

DERIVED = (
    Capability("inv.other_names", _ALL_TYPES, "INV", False, "Other names of companies, places, people and products: "
               "the facts stay", sources=_MFT_SOURCES, transform=variants.other_names,
               usable=lambda draft, pools: variants.has_mention(draft) and bool(variants.names_in(draft, pools))),
    Capability("inv.boilerplate_line", _ALL_TYPES, "INV", False, "A page line added (some carry a date, count or "
               "body): the facts stay", sources=_MFT_SOURCES, transform=variants.boilerplate_line),
    Capability("inv.title_case", _ALL_TYPES, "INV", False, "The case in Title Case: the facts stay",
               sources=_MFT_SOURCES, transform=variants.headline_case),
    Capability("dir.published_date", ("date",), "DIR", False, "A later published date: relative and yearless dates "
               "move with it", sources=("date.relative", "date.yearless_tense"), transform=variants.later_published,
               usable=lambda draft, pools: variants.moves_with_published(draft)),
    Capability("dir.number", ("headcount", "user_count"), "DIR", False, "Another number: the count follows",
               sources=("headcount.numbers", "headcount.qualifiers", "headcount.staff_nouns", "user_count.forms"),
               transform=variants.another_number, usable=lambda draft, pools: variants.has_count(draft)),
)

CAPABILITIES = PLAIN + CONTEXT + DERIVED
