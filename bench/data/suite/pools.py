"""What one seed writes with: names drawn by Faker, and a part of every word, furniture and agency pool.

Two suites of different seeds share almost no names (tested: under 10%), and
each draws its own markers, teaser headings, page lines, counted nouns and
government bodies from the larger pools, so an extractor that memorized one
suite's lists meets words it never saw in another. Faker is imported only
here, when a suite is built. One Faker per locale, each seeded from the suite
seed (``seed_instance``): the multi-locale proxy would pick locales with its
own generator. Italian city names are left out: Faker draws them in an order
that changes with Python's hash seed, and a suite must be the same on every run.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from bench.data.suite import fillers, phrasebook
from bench.data.suite import furniture as fu
from bench.data.suite import lexicons as lx
from bench.data.suite.agency_pool import FOREIGN_BODIES, US_BODIES, Body

PEOPLE_LOCALES = ("en_US", "en_US", "en_GB", "en_GB", "en_AU", "en_CA", "en_IE", "de_DE", "fr_FR", "es_ES", "it_IT",
                  "sv_SE", "da_DK", "nl_NL", "pt_PT", "fi_FI")
OFFICIAL_LOCALES = ("en_US", "en_US", "en_US", "en_US", "en_GB", "en_GB", "en_AU", "en_CA", "en_IE", "de_DE", "fr_FR",
                    "es_ES", "it_IT")
"""Officials hold mostly U.S. and British offices: their names lean English, with some from elsewhere."""
PLACE_LOCALES = ("en_US", "en_US", "en_GB", "en_AU", "en_CA", "de_DE", "fr_FR", "es_ES", "sv_SE", "da_DK", "nl_NL",
                 "pt_PT", "fi_FI", "pl_PL")
AVOIDED = frozenset(
    "Gina Raimondo Kim Zetter Joe Joseph Biden Donald Trump Kaspersky Eugene Chandni Shah Kanjyik Ghosh Sherry Dado "
    "Ruvic Musk Elon McAfee Symantec Moscow Bengaluru Barcelona".split())
"""Words of the seed articles' names: never part of a drawn name."""
_NOT_NAMES = frozenset(
    (*lx.MONTHS, *lx.WEEKDAYS, "Summer", "Spring", "Autumn", "Winter", "Will", "Major", "Sterling", "Washington",
     "Congress", "Senate", "Federal", "National", "Department", "Agency", "Office", "Bureau", "Commission",
     "Authority", "Administration", "Ministry", "Mayor", "Governor", "Senator", "Chancellor", "Minister", "Ville",
     "Justice", "Labor", "Energy", "State", "Treasury", "Monetary", "Trade", "Reserve", "Royal", "Union"))
_NAME = re.compile(r"[A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+)*")
BODY_SHARE = 0.4
"""The part of the agency pool each seed names: two seeds share about a sixth of the pool."""
PAPERS = ("Times", "Courier", "Ledger", "Post", "Herald", "Gazette", "Chronicle", "Tribune", "Observer", "Standard")
FINANCE = ("Securities", "Capital", "Partners", "Research", "Advisors")


@dataclass(frozen=True, slots=True)
class Pools:
    """The names and the drawn parts of the fixed pools one suite is written with."""

    officials: tuple[tuple[str, str], ...]  # (first name, surname); each surname names one person
    people: tuple[str, ...]  # journalists, executives, analysts: never officials
    companies: tuple[str, ...]
    places: tuple[str, ...]
    products: tuple[str, ...]  # "the Harvest app"
    outlets: tuple[str, ...]  # "the Lindqvist Courier"
    wires: tuple[str, ...]  # "Okafor Wire"
    banks: tuple[str, ...]
    universities: tuple[str, ...]
    lookalikes: tuple[str, ...]  # companies and groups whose names end like a body's: "Moreau Travel Agency"
    bodies: tuple[Body, ...]
    staff_nouns: tuple[str, ...]
    user_nouns: tuple[str, ...]
    company_nouns: tuple[str, ...]
    other_story_markers: tuple[str, ...]
    teaser_headings: tuple[str, ...]
    boilerplate_lines: tuple[str, ...]
    credit_lines: tuple[str, ...]
    navigation_lines: tuple[str, ...]
    phrases: tuple[tuple[str, str], ...]  # this seed's wording (bench.data.suite.phrasebook)
    copy: dict[str, tuple[str, ...]]  # this seed's part of each pool of fact-free sentences (bench.data.suite.fillers)

    def __hash__(self) -> int:  # the copy dict is not hashable; the seed's names identify a Pools well enough
        return hash((self.officials, self.companies))

    def names(self) -> dict[str, str]:
        """Every drawn name of a company, place, person, product or outlet, with its kind (for INV renaming)."""
        kinds = {"companies": self.companies, "places": self.places, "people": self.people,
                 "products": self.products, "outlets": self.outlets, "banks": self.banks}
        return {name: kind for kind, names in kinds.items() for name in names}


_INNER_CAPITAL = re.compile(r"(?<!M)(?<!Ma)[a-z][A-Z]")  # "RibeiroVille", but "McGrath"


def _usable(name: str) -> bool:
    words = set(re.split(r"[\s-]+", name))
    return bool(_NAME.fullmatch(name)) and not _INNER_CAPITAL.search(name) and not words & (AVOIDED | _NOT_NAMES)


def _unique(count: int, draw: Callable[[], str], taken: set[str]) -> tuple[str, ...]:
    """``count`` new usable names from ``draw``, none already in ``taken`` (which grows with them)."""
    found: list[str] = []
    for _ in range(count * 200):
        name = draw()
        if name not in taken and _usable(name):
            taken.add(name)
            found.append(name)
            if len(found) == count:
                return tuple(found)
    raise RuntimeError(f"Faker gave only {len(found)} of {count} usable names")


def _part(rng: random.Random, pool: tuple, share: float = 0.6) -> tuple:
    """A seeded part of ``pool`` (at least three entries), in the pool's order."""
    chosen = set(rng.sample(range(len(pool)), max(3, round(len(pool) * share))))
    return tuple(entry for index, entry in enumerate(pool) if index in chosen)


def draw_pools(seed: int) -> Pools:
    """The pools of the suite built from ``seed``: the same on every run and machine."""
    from faker import Faker

    fakers = {}
    for locale in dict.fromkeys((*PEOPLE_LOCALES, *PLACE_LOCALES)):
        fakers[locale] = Faker(locale)
        fakers[locale].seed_instance(f"{seed}:{locale}")
    rng = random.Random(f"{seed}:pools")

    def person() -> str:
        faker = fakers[rng.choice(PEOPLE_LOCALES)]
        return f"{faker.first_name()} {faker.last_name()}"

    def surname() -> str:
        return fakers[rng.choice(PEOPLE_LOCALES)].last_name()

    def noun() -> str:
        return fakers["en_US"].word(part_of_speech="noun").capitalize()

    taken: set[str] = set()
    places = _unique(90, lambda: fakers[rng.choice(PLACE_LOCALES)].city(), taken)
    companies = _unique(120, lambda: (f"{surname()} {rng.choice(lx.COMPANY_WORDS)}" if rng.random() < 0.6
                                      else fakers[rng.choice(("en_US", "en_GB"))].company()), taken)
    products = tuple(f"the {name} {rng.choice(lx.PRODUCT_KINDS)}"
                     for name in _unique(60, lambda: noun() if rng.random() < 0.5 else noun() + noun().lower(), taken))
    people = _unique(150, person, taken)
    outlets = tuple(f"the {name} {rng.choice(PAPERS)}" for name in _unique(10, surname, taken))
    wires = tuple(f"{name} Wire" for name in _unique(6, surname, taken))
    banks = tuple(f"{name} {rng.choice(FINANCE)}" for name in _unique(10, surname, taken))
    universities = tuple(f"{place} {rng.choice(('State University', 'Technical College'))}"
                         for place in rng.sample(places, 8))
    lookalikes = tuple(f"{name} {rng.choice(('Travel Agency', 'Talent Agency', 'News Agency'))}"
                       for name in _unique(8, surname, taken))
    used = {word for name in taken for word in re.split(r"[\s-]+", name)}
    officials = _officials(fakers, rng, used)
    return Pools(
        officials, people, companies, places, products, outlets, wires, banks, universities, lookalikes,
        _part(rng, US_BODIES, BODY_SHARE) + _part(rng, FOREIGN_BODIES, BODY_SHARE),
        _part(rng, lx.STAFF_NOUNS, 0.7), _part(rng, lx.USER_NOUNS, 0.7), _part(rng, lx.COMPANY_NOUNS, 0.7),
        _part(rng, fu.OTHER_STORY_MARKERS, 0.65), _part(rng, fu.TEASER_HEADINGS, 0.5),
        _part(rng, fu.BOILERPLATE_LINES), _part(rng, fu.CREDIT_LINES), _part(rng, fu.NAVIGATION_LINES),
        phrasebook.drawn(rng), {kind: _part(rng, pool) for kind, pool in fillers.POOLS.items()})


def _officials(fakers: dict, rng: random.Random, used: set[str]) -> tuple[tuple[str, str], ...]:
    """Officials whose surname is a single word found in no other name, so that a surname alone resolves."""
    found: list[tuple[str, str]] = []
    surnames: set[str] = set()
    for _ in range(20_000):
        faker = fakers[rng.choice(OFFICIAL_LOCALES)]
        first, last = faker.first_name(), faker.last_name()
        if " " in last or last in surnames or last in used or not _usable(f"{first} {last}"):
            continue
        surnames.add(last)
        found.append((first, last))
        if len(found) == 80:
            return tuple(found)
    raise RuntimeError("Faker gave too few officials with distinct surnames")
