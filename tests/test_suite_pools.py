"""What each seed writes with: Faker names that differ between seeds, parts of large pools, real bodies."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bench.data.suite import fillers, furniture, lexicons
from bench.data.suite.agency_pool import BODIES, FOREIGN_BODIES, US_BODIES
from bench.data.suite.pools import draw_pools

NAMES = ("people", "companies", "places", "products", "outlets", "banks")


@pytest.fixture(scope="module")
def two():
    return draw_pools(0), draw_pools(4242)


def test_two_seeds_share_under_a_tenth_of_their_names(two):
    first, second = two
    for kind in NAMES:
        ours, theirs = set(getattr(first, kind)), set(getattr(second, kind))
        assert len(ours & theirs) < 0.1 * len(ours), kind
    officials = {f"{a} {b}" for a, b in first.officials}
    assert len(officials & {f"{a} {b}" for a, b in second.officials}) < 0.1 * len(officials)


def test_a_surname_names_one_official_and_nobody_else(two):
    pools = two[0]
    surnames = [last for _, last in pools.officials]
    assert len(set(surnames)) == len(surnames) == 80
    others = {word for kind in NAMES for name in getattr(pools, kind) for word in name.replace("-", " ").split()}
    assert others.isdisjoint(surnames)


def test_every_pool_a_seed_draws_from_holds_ten_or_more():
    pools = (furniture.OTHER_STORY_MARKERS, furniture.TEASER_HEADINGS, furniture.BOILERPLATE_LINES,
             furniture.CREDIT_LINES, furniture.NAVIGATION_LINES, lexicons.STAFF_NOUNS, lexicons.USER_NOUNS,
             lexicons.COMPANY_NOUNS, *fillers.POOLS.values())
    assert min(len(pool) for pool in pools) >= 10


def test_seeds_draw_other_parts_of_the_pools(two):
    first, second = two
    for kind in ("other_story_markers", "teaser_headings", "boilerplate_lines", "staff_nouns", "user_nouns", "bodies"):
        assert getattr(first, kind) != getattr(second, kind), kind
        assert set(getattr(first, kind)) < set(getattr(first, kind)) | set(getattr(second, kind)), kind
    assert first.phrases != second.phrases


def test_the_agency_pool_holds_sixty_real_bodies_named_canonically():
    assert len(BODIES) >= 60 and len(US_BODIES) >= 30 and len(FOREIGN_BODIES) >= 20
    assert len({body.canonical for body in BODIES}) == len(BODIES)
    assert all(body.canonical == "U.S. " + body.full and not body.owner for body in US_BODIES)
    countries = ("UK ", "German ", "French ", "Italian ", "Japan ", "Korea ", "India", "Australian ", "Irish ",
                 "Singapore", "Canadian ", "Brazilian ", "China ", "Dutch ", "Swiss ", "Spanish ")
    for body in FOREIGN_BODIES:
        assert body.owner and any(country in body.canonical for country in countries), body.canonical
        assert body.full == body.canonical or body.canonical.endswith(body.full), body.canonical


def test_no_body_of_the_seed_articles_is_in_the_pool():
    assert not any("Commerce" in body.canonical or "Industry and Security" in body.canonical for body in BODIES)


def _run(code: str, hash_seed: str = "0") -> str:
    environment = {"PYTHONHASHSEED": hash_seed, "PATH": ""}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env=environment).stdout


def test_faker_is_imported_only_to_build_a_suite():
    code = ("import sys, bench.cli.main, bench.data.suite.load, bench.scoring.capabilities; "
            "bench.data.suite.load.load_suite('capabilities'); print('faker' in sys.modules)")
    assert _run(code) == "False\n"


def test_the_pools_do_not_depend_on_the_hash_seed():
    code = "from bench.data.suite.pools import draw_pools; print(hash(repr(draw_pools(3))) and repr(draw_pools(3)))"
    assert _run(code, "1") == _run(code, "2")
