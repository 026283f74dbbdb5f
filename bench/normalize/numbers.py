"""Counts: numbers in digits or words, their qualifiers, and what they count.

Shared by every extractor. :func:`parse_count` reads a count's span ("over 7
million", "fewer than 80", "a dozen") into a number and a qualifier;
:func:`classify_unit` types the counted noun; :func:`non_count_reason` says
when the words around a number make it money, a percentage or a duration;
:func:`qualifier_start` finds a qualifier written just before a number;
:func:`number_spans` finds numbers in digits or words.
"""

from __future__ import annotations

import functools
import re
from fractions import Fraction

from bench.normalize.patterns import finditer_union, literal_first

SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
# Vague quantities: "a few" is 3, "a dozen" 12; a plural scale alone is read as twice
# the scale ("dozens" = 24, "thousands" = 2,000) and multiplies what precedes it
# ("hundreds of thousands" = 200,000).
VAGUE = {"few": 3, "dozen": 12}
VAGUE_PLURALS = {"tens": 10, "dozens": 12, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000, "billions": 10**9}

QUALIFIER_PHRASES = {
    "less than": "lt", "fewer than": "lt", "under": "lt", "just under": "lt", "below": "lt",
    "up to": "le", "at most": "le", "no more than": "le", "as many as": "le",
    "more than": "gt", "over": "gt", "above": "gt", "just over": "gt", "well over": "gt", "upwards of": "gt",
    "at least": "ge", "no fewer than": "ge", "no less than": "ge", "a minimum of": "ge",
    "about": "approx", "around": "approx", "some": "approx", "roughly": "approx", "approximately": "approx",
    "nearly": "approx", "almost": "approx", "an estimated": "approx", "close to": "approx", "approx.": "approx",
}
_QUALIFIER_ALTERNATION = "|".join(re.escape(q) for q in sorted(QUALIFIER_PHRASES, key=len, reverse=True))
_QUALIFIER_AT_START = re.compile(rf"(?:{_QUALIFIER_ALTERNATION})(?!\w)", re.IGNORECASE)
_QUALIFIER_AT_END = re.compile(rf"(?<!\w)(?:{_QUALIFIER_ALTERNATION})\s*[“\"‘]?\s*$", re.IGNORECASE)

_EMPLOYEES, _USERS, _COMPANIES = ("headcount", "employees"), ("user_count", "users"), ("user_count", "companies")
UNITS = {
    **dict.fromkeys(("employees", "employee", "staff", "staffers", "staff members", "workers", "worker", "positions",
                     "jobs", "personnel"), _EMPLOYEES),
    **dict.fromkeys(("users", "user", "people", "persons", "individuals", "customers", "customer", "consumers",
                     "subscribers", "clients", "account holders"), _USERS),
    **dict.fromkeys(("companies", "company", "businesses", "business", "organizations", "organisations", "firms",
                     "enterprises", "corporate clients", "client firms", "client companies", "corporations"), _COMPANIES),
}
"""Counted noun -> (fact type, canonical unit)."""

_CURRENCY_BEFORE = re.compile(r"(?:[$€£¥₹]|\b(?:USD|EUR|GBP|CHF|JPY|CNY|INR|RUB))\s*$")
_CURRENCY_AFTER = re.compile(r"\s*(?:dollars?|euros?|pounds?|yen|yuan|renminbi|rupees?|roubles?|rubles?|francs?|"
                             r"won|pesos?|USD|EUR|GBP|bucks)\b", re.IGNORECASE)
_PERCENT_AFTER = re.compile(r"\s*(?:%|percent\b|per cent\b|percentage points?\b|pc\b)", re.IGNORECASE)
_DURATION_AFTER = re.compile(r"[\s-]*(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|"
                             r"quarters?|nights?)\b", re.IGNORECASE)


# What may come before a number word, [\s“"‘(/-], but the space, which gets a pattern of its own.
_SEPARATOR_BUT_SPACE = "[\t\n\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000“\"‘(/-]"


@functools.cache
def _number_patterns() -> tuple[re.Pattern[str], ...]:
    """Numbers in digits; in words after a space; after another separator; at the very start.

    Compiled on first use: only extractors that look for numbers in words pay for it.
    """
    scale_words = "|".join(SCALES)
    words = "|".join(sorted([*SMALL_NUMBERS, *SCALES], key=len, reverse=True))
    run = f"(?:[\\s-]+(?:and\\s+)?(?:{words})(?![a-z]))*"
    digits = f"\\d(?<![\\w,.]\\d)(?:\\d{{0,2}}(?:,\\d{{3}})+|\\d*)(?:\\.\\d+)?(?!\\w|,\\d)(?:\\s+(?:{scale_words})(?![a-z]))*"
    of_plural = "(?:\\s+of\\s+(?:thousands|millions|billions))?(?![a-z])"
    # Every number word ends in (?![a-z]), so at most one alternative can match at a position.
    alternatives = [
        *(f"{name}(?![a-z])" for name in (*SMALL_NUMBERS, *(n.capitalize() for n in SMALL_NUMBERS))),
        *(f"{article} (?:few|dozen|{scale_words})(?![a-z])" for article in ("a", "A", "an", "An")),
        *(f"{name}{of_plural}" for name in (*VAGUE_PLURALS, *(n.capitalize() for n in VAGUE_PLURALS))),
    ]
    # Only the plurals end in "s"; every other word may be followed by a run of further words,
    # written once, not once per word.
    then_run = f"(?:(?<=s)|{run})"
    # Anchored on the separator before a word, not on its first letter (one of the commonest of
    # English), which a class of first letters then checks in one test. The space, most of the
    # separators, is a pattern of its own: re scans for a literal ten times faster than for a class.
    first_letters = "".join(sorted({name[0] for name in (*SMALL_NUMBERS, *VAGUE_PLURALS, "a")}))
    after = f"(?=[{first_letters}{first_letters.upper()}])({literal_first(alternatives, boundary=False)}{then_run})"
    return (re.compile(digits), re.compile(" " + after), re.compile(_SEPARATOR_BUT_SPACE + after),
            re.compile(literal_first(alternatives) + then_run))


def number_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the numbers in ``text``, in order: "18,500", "1.5 million", "fifty", "a dozen", "dozens".

    >>> text = "Fifty staff, 1.5 million users and a dozen firms"
    >>> [text[start:end] for start, end in number_spans(text)]
    ['Fifty', '1.5 million', 'a dozen']
    """
    digits, after_space, after_other, at_start = _number_patterns()
    spans = [match.span() for match in digits.finditer(text)]
    spans += [match.span(1) for match in finditer_union((after_space, after_other), text)]
    first = at_start.match(text)
    if first:
        spans.append(first.span())
    return sorted(spans)


_DIGIT_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def _digits(token: str) -> int | Fraction | None:
    """A token in digits as a number: an int, or a Fraction when it has a decimal point (exact, unlike float)."""
    if _DIGIT_TOKEN.fullmatch(token):
        plain = token.replace(",", "")
        return Fraction(plain) if "." in plain else int(plain)
    return None


def _can_add(current: int | Fraction | None, value: int) -> bool:
    """Whether a number word may add to the number read so far ("twenty" + "five", "hundred" + "ten")."""
    if current is None or current % 100 == 0:
        return True
    return value < 10 and current % 10 == 0 and current % 100 >= 20


def parse_number(text: str) -> tuple[int, bool] | None:
    """The number written in ``text`` and whether it is vague, or None.

    >>> parse_number("1.5 million"), parse_number("twenty-five thousand"), parse_number("dozens")
    ((1500000, False), (25000, False), (24, True))
    >>> parse_number("2.5"), parse_number("the")
    (None, None)
    """
    total: int | Fraction = 0
    current: int | Fraction | None = None
    vague = False
    for token in text.lower().replace("-", " ").split():
        value = _digits(token)
        if value is not None and current is None:
            current = value
        elif token in SMALL_NUMBERS and _can_add(current, SMALL_NUMBERS[token]):
            current = (current or 0) + SMALL_NUMBERS[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in SCALES:
            total, current = total + (current or 1) * SCALES[token], 0
        elif token in VAGUE or token in VAGUE_PLURALS:
            scale = VAGUE.get(token) or VAGUE_PLURALS[token]
            current = current * scale if current else scale * (2 if token in VAGUE_PLURALS else 1)
            vague = True
        elif not (token in ("a", "an") and current is None or token in ("and", "of")):
            return None
    number = total + (current or 0)
    if number.denominator != 1 or (current is None and total == 0):
        return None
    return int(number), vague


def parse_count(text: str) -> tuple[int, str] | None:
    """A count's span read as (count, qualifier); None when it holds no count or holds money or a percentage.

    >>> parse_count("over 7 million"), parse_count("“fewer than 30”"), parse_count("nearly two dozen")
    ((7000000, 'gt'), (30, 'lt'), (24, 'approx'))
    >>> parse_count("$2 billion"), parse_count("12%")
    (None, None)
    """
    text = text.strip(" \t\n“”\"‘’'")
    qualifier = "eq"
    match = _QUALIFIER_AT_START.match(text)
    if match:
        qualifier = QUALIFIER_PHRASES[" ".join(match.group().lower().split())]
        text = text[match.end():].strip(" “”\"‘’'")
    number = parse_number(text)
    if number is None:
        return None
    count, vague = number
    return count, "approx" if vague and qualifier == "eq" else qualifier


@functools.lru_cache(maxsize=4096)  # called on the few words after every number
def classify_unit(noun: str) -> tuple[str, str] | None:
    """The fact type and canonical unit of a counted noun ("staff" -> headcount, employees), or None.

    A phrase is looked up whole, then by its last word.

    >>> classify_unit("Workers"), classify_unit("client firms"), classify_unit("dollars")
    (('headcount', 'employees'), ('user_count', 'companies'), None)
    """
    noun = " ".join(noun.lower().split())
    return UNITS.get(noun) or UNITS.get(noun.rpartition(" ")[2])


def non_count_reason(before: str, after: str) -> str | None:
    """Why a number between ``before`` and ``after`` is no count: "money", "percent", "duration", or None.

    >>> non_count_reason("spent $", " billion on"), non_count_reason("by ", "% in"), non_count_reason("for ", " years")
    ('money', 'percent', 'duration')
    """
    if _CURRENCY_BEFORE.search(before) or _CURRENCY_AFTER.match(after):
        return "money"
    if _PERCENT_AFTER.match(after):
        return "percent"
    if _DURATION_AFTER.match(after):
        return "duration"
    return None


def qualifier_start(text: str, position: int) -> int | None:
    """Where a qualifier written just before ``position`` begins ("less than “50" -> at "less"), or None.

    It must start within the 24 characters before ``position``: room for the longest qualifier, a quote
    and a few spaces.
    """
    window_start = max(0, position - 24)
    match = _QUALIFIER_AT_END.search(text, window_start, position)
    return match.start() if match else None
