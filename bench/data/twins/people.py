"""Finding the people of a gold set, so that a twin can rename every one of them.

A person is found as a name, a given name and a surname. Where from:

- **The alias table's officials**, every listed form of each, in each document
  where any of its surnames is written ("Biden" in "the Biden administration").
- **GUM's entity layer**, for a set with ``gum_entities.jsonl`` (the Wikinews
  set): each ``person`` mention. Its Wikipedia identity gives the name
  ("George_H._W._Bush": George ... Bush); without one, the mention's last run of
  capitalized words does ("Biologist Nick Bos": Nick Bos), when the mention is
  nothing but that run (and titles) or its given name is a known first name.
- **Patterns**, for other sets: a role or title word before a name ("journalist
  Kim Zetter", "Senator Ines Moura"), a credit line ("Reporting by Chandni Shah
  and Kanjyik Ghosh"), a photo credit ("REUTERS/Dado Ruvic"), and a known first
  name (Faker's en_US pool, less words that are also months or common nouns)
  before a capitalized word ("Sherry Jacob-Phillips").

Once found, a person's surname is renamed wherever it stands in that document,
alone or possessive, and the given name wherever it stands before the
surname; a gold official mention always. Two guards: a surname alone before
another capitalized word names something else ("the Nobel Peace Prize",
"Johnson Space Center") and stays; a surname the document also writes in
lower case as a word ("To", "Or", "Law") stays where it opens a sentence. A
GUM mention without identity, or a pattern's match, counts only when neither
its given name nor its surname is a word the set writes in lower case ("Jet
Pilot"); an identity without a given name is taken for a group ("Muslims").

What can be missed: a person written in none of these ways (a surname alone;
"Elon Musk says", "Elon" not being in the pool; a name in a Title Case
headline whose first name is not known), a person known by one name only,
names in scripts other than Latin, a given name written alone ("Gina said"),
a middle name written in full ("Mary Ann Smith" keeps "Ann"), a surname
written before the given name ("Hu Jintao" renames "Jintao"), a surname kept
by a guard (in a Title Case headline before a capitalized word). What can be
hit by mistake: the same word used otherwise in the same document ("in Paris,"
the city, where a Valeska Paris is named), a capitalized pair after a role
word that names no person.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import unquote

from bench.data.twins.pools import finding_first_names

UPPER, LOWER = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
SURNAME = rf"(?:[{LOWER}]{{1,3}}['’]|[{UPPER}]['’])?[{UPPER}][{LOWER}]+(?:[-'’][{UPPER}][{LOWER}]+)*"
GIVEN = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?"
_NAME = rf"{GIVEN}(?:\s+[{UPPER}]\.)*\s+{SURNAME}"
PARTICLES = frozenset(("van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "bin", "ibn", "al"))
TITLE_WORDS = frozenset((
    "president", "vice", "prime", "minister", "secretary", "senator", "sen.", "governor", "gov.", "mayor",
    "representative", "rep.", "congressman", "congresswoman", "chancellor", "ambassador", "judge", "justice",
    "general", "gen.", "colonel", "col.", "captain", "capt.", "lieutenant", "lt.", "sergeant", "sgt.", "admiral",
    "commander", "officer", "chief", "director", "administrator", "commissioner", "chairman", "chairwoman", "chair",
    "professor", "prof.", "doctor", "dr.", "dr", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "miss", "sir", "dame",
    "lord", "lady", "king", "queen", "prince", "princess", "pope", "father", "rev.", "reverend", "saint", "st.",
    "deputy", "former", "then-president", "attorney", "spokesman", "spokeswoman", "spokesperson",
))
_ROLES = ("journalist", "reporter", "correspondent", "editor", "columnist", "writer", "author", "photographer",
          "analyst", "economist", "founder", "co-founder", "executive", "ceo", *(w for w in TITLE_WORDS if w != "former"))
_ROLE_NAME = re.compile(rf"(?<![\w-])(?i:{'|'.join(re.escape(r) for r in sorted(_ROLES, key=len, reverse=True))})"
                        rf"\s+({_NAME})(?![\w-])")
_CREDIT = re.compile(rf"(?:Reporting|Editing|Writing|Additional reporting|Compiled|Written|Photos?|Photograph) by\s+"
                     rf"({_NAME}(?:(?:,\s*|,?\s+and\s+){_NAME})*)")
_PHOTO = re.compile(rf"\b[A-Z]{{2,}}/({_NAME})(?![\w-])")
_PAIR = re.compile(rf"(?<![\w-])({GIVEN})((?:\s+[{UPPER}]\.)*)\s+({SURNAME})(?![\w-])")
_NOT_SURNAMES = frozenset((
    "The", "And", "Of", "For", "In", "On", "At", "To", "By", "With", "From", "Says", "Said", "Is", "Was", "Will", "Has",
    "Have", "A", "An", "Or", "But", "Not", "It", "Its", "This", "That",
    *(m.capitalize() for m in ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                               "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
                               "friday", "saturday", "sunday")),
))
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*\.?")
_NAME_START = re.compile(rf"(?:[{LOWER}]{{1,2}}['’]|al-|el-)?[{UPPER}]")
_INITIAL = re.compile(rf"[{UPPER}]\.")
_STOP = frozenset(("I", "The", "A", "An", "This", "That", "These", "Those", "My", "Our", "Your", "His", "Her", "Their",
                   "Its", "He", "She", "We", "You", "They", "It", "Me", "Us", "Him", "Them", "Some", "Many", "All", "Other",
                   "Others", "Both", "Each", "Every", "Any", "No", "Mr", "Mrs", "Ms"))
_SUFFIXES = frozenset(("Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"))


@dataclass(frozen=True, slots=True, order=True)
class PersonName:
    """A person's name as a twin renames it: a given name ("" when none is known) and a surname."""

    given: str
    surname: str


def _is_name(token: str) -> bool:
    acronym = token.isupper() and len(token.rstrip(".")) > 1 and token not in _SUFFIXES
    return bool(_NAME_START.match(token)) and not acronym and token not in _STOP


def _last_run(tokens: list[str]) -> tuple[list[str], bool]:
    """The last run of name-like tokens, and whether it ends the tokens and every token before it is a title word."""
    runs: list[tuple[int, int]] = []
    start = None
    for index, token in enumerate([*tokens, ""]):
        inside = token and (_is_name(token) or (token in PARTICLES and start is not None))
        if inside and start is None:
            start = index
        elif not inside and start is not None:
            runs.append((start, index))
            start = None
    if not runs:
        return [], False
    first, last = runs[-1]
    return tokens[first:last], last == len(tokens) and all(t.lower() in TITLE_WORDS for t in tokens[:first])


@functools.lru_cache(maxsize=4096)  # GUM names a person by the same words many times
def parse_name(text: str, titles: frozenset[str] = frozenset(), bare_only: bool = False) -> PersonName | None:
    """The given name and surname in ``text``: the last run of capitalized words, titles and initials left out.

    With ``bare_only``, a run after other words counts only when its given name is a known first name.

    >>> parse_name("US Commerce Secretary Gina M. Raimondo"), parse_name("President Obama")
    (PersonName(given='Gina', surname='Raimondo'), PersonName(given='', surname='Obama'))
    >>> parse_name("Prof. Patrizia d'Ettorre"), parse_name("The team")
    (PersonName(given='Patrizia', surname="d'Ettorre"), None)
    """
    tokens = [re.sub(r"['’]s$", "", token) for token in _TOKEN.findall(text)]
    while tokens and tokens[-1] in _SUFFIXES:
        tokens.pop()
    run, bare = _last_run(tokens)
    run = [t for t in run if t.lower() not in TITLE_WORDS and t.lower() not in titles]
    words = [t for t in run if not _INITIAL.fullmatch(t) and t not in PARTICLES]
    if not words:
        return None
    given = words[-2] if len(words) > 1 else ""
    if bare_only and not bare and given not in finding_first_names():
        return None
    return PersonName(given, words[-1])


@functools.lru_cache(maxsize=4096)
def name_of_identity(identity: str) -> PersonName | None:
    """The name in a Wikipedia identity: "George_H._W._Bush" -> George Bush, "Michael_Skinner_%28magician%29" -> Michael Skinner."""
    text = re.sub(r"\s*\(.*?\)", "", unquote(identity).replace("_", " "))
    return parse_name(text)


def _plausible(name: PersonName | None, common: frozenset[str]) -> bool:
    """A given name and a surname, neither of them a word the set also writes in lower case ("Jet Pilot")."""
    return name is not None and bool(name.given) and not {name.given.lower(), name.surname.lower()} & common


def gum_people(mentions: Iterable[Mapping], titles: frozenset[str], common: frozenset[str]) -> dict[str, set[PersonName]]:
    """People per document from GUM ``person`` mentions: by identity ("Muslims" is a group, not a name), else by a
    name of two words neither of which the set writes in lower case."""
    found: dict[str, set[PersonName]] = {}
    for mention in mentions:
        if mention.get("type") != "person":
            continue
        identity = mention.get("identity", "")
        name = name_of_identity(identity) if identity else parse_name(mention["text"], titles, bare_only=True)
        if name is not None and name.given and (identity or _plausible(name, common)):
            found.setdefault(mention["doc_id"], set()).add(name)
    return found


def pattern_people(text: str, titles: frozenset[str], common: frozenset[str]) -> set[PersonName]:
    """People named in ``text`` after a role word, in a credit, or with a known first name."""
    names = [match.group(1) for pattern in (_ROLE_NAME, _PHOTO) for match in pattern.finditer(text)]
    for match in _CREDIT.finditer(text):
        names += re.findall(_NAME, match.group(1))
    known = finding_first_names()
    names += [m.group() for m in _PAIR.finditer(text) if m.group(1) in known and m.group(3) not in _NOT_SURNAMES]
    return {name for name in (parse_name(n, titles) for n in names) if name is not None and _plausible(name, common)}


def official_people(officials: Mapping[str, list[str]], titles: frozenset[str]) -> dict[str, set[PersonName]]:
    """Each official of an alias table with the names of its forms ("Joe Biden", "Joseph R. Biden Jr.", "Biden")."""
    found = {}
    for canonical, aliases in officials.items():
        names = {parse_name(form, titles) for form in (canonical, *aliases)}
        found[canonical] = {name for name in names if name is not None}
    return found


def name_words(people: Iterable[PersonName]) -> frozenset[str]:
    """Every given name and surname of ``people``."""
    return frozenset(word for person in people for word in (person.given, person.surname) if word)


def words_pattern(words: Iterable[str]) -> str:
    """An alternation of ``words``, longest first, each matched as a whole word ("Raimondo", "Raimondo’s", not "Raimondos")."""
    alternatives = "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))
    return rf"(?<![\w-])(?:{alternatives})(?!\w|-[{UPPER}])"
