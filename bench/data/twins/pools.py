"""Faker's name pools (en_US), imported on first use: new names for a twin's people, and first names to find them by."""

from __future__ import annotations

import functools
from typing import Any

LOCALE = "en_US"
AMBIGUOUS_FIRST_NAMES = frozenset((
    "April", "August", "June", "May", "Summer", "Autumn", "Faith", "Hope", "Joy", "Christian", "Angel", "Chance",
    "Grant", "Guy", "Frank", "Rose", "Will", "Art", "Dean", "Don", "Mark", "Bill", "Ray",
))
"""First names that are also common capitalized words: not used to find people by ("Grant Thornton", "Will Big Tech")."""


@functools.cache
def _provider() -> Any:
    from faker.providers.person.en_US import Provider

    return Provider


def first_names(gender: str = "") -> frozenset[str]:
    """Faker's first names: ``female``, ``male`` or (``""``) both."""
    provider = _provider()
    pool = {"female": provider.first_names_female, "male": provider.first_names_male}.get(gender, provider.first_names)
    return frozenset(pool)


def last_names() -> frozenset[str]:
    return frozenset(_provider().last_names)


@functools.cache
def finding_first_names() -> frozenset[str]:
    """First names that mark a capitalized pair as a person's name ("Kim Zetter"), the ambiguous ones left out."""
    return first_names() - AMBIGUOUS_FIRST_NAMES


def seeded_faker(seed: int) -> Any:
    """A Faker of :data:`LOCALE` whose draws depend on ``seed`` alone (and on Faker's version)."""
    from faker import Faker

    fake = Faker(LOCALE)
    fake.seed_instance(seed)
    return fake


def faker_version() -> str:
    from faker import VERSION

    return VERSION
