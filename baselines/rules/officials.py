"""Officials: a government title followed by a person's name, then surname-only mentions.

Steps:
1. A title head ("President", "Secretary", "Senator", "Minister", "Director", ...)
   is found; the capitalized words just before it are its modifiers ("US Commerce",
   "FBI", "then-"), the words after it may complete it ("of Commerce", "of the
   United States").
2. The title is accepted and normalized by the head's kind: a president takes no
   modifier but a country ("Acme President" is a company role); a secretary needs
   a cabinet subject ("Commerce Secretary", "secretary of commerce" -> "Secretary
   of Commerce"); a director, chair or commissioner needs a government body
   ("FBI Director"); senators, governors, mayors take any modifier. "then-" and
   "former" keep the office ("then-President" -> "President"). Journalists,
   reporters and company roles have no government head and never match.
3. The name (two to four capitalized words, or one) follows; its span is the name only.
4. A surname met later in the document, of a name already seen with a title, is
   a mention of that official; not when another first name precedes it ("Ray X"
   is someone else) or in "<Name> administration".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from baselines.anchors import anchored_finditer, keyword_offsets
from baselines.rules.gazetteer import Gazetteer, load_gazetteer
from baselines.rules.spans import Found, Spans
from bench.facts import Official
from bench.normalize.dates import MONTHS, WEEKDAYS
from bench.normalize.patterns import literal_first

PRESIDENT, SECRETARY, MINISTER, AGENCY_ROLE, PLAIN = "president", "secretary", "minister", "agency role", "plain"
HEADS = {
    "President": (PRESIDENT, "President"), "president": (PRESIDENT, "President"),
    "Vice President": (PRESIDENT, "Vice President"), "vice president": (PRESIDENT, "Vice President"),
    "Secretary": (SECRETARY, "Secretary"), "secretary": (SECRETARY, ""),
    "Prime Minister": (PLAIN, "Prime Minister"), "prime minister": (PLAIN, "Prime Minister"),
    "Minister": (MINISTER, "Minister"), "minister": (MINISTER, ""),
    "Attorney General": (PLAIN, "Attorney General"), "attorney general": (PLAIN, "Attorney General"),
    "Senator": (PLAIN, "Senator"), "Sen.": (PLAIN, "Senator"), "senator": (PLAIN, "Senator"),
    "Representative": (PLAIN, "Representative"), "Rep.": (PLAIN, "Representative"),
    "Congressman": (PLAIN, "Representative"), "Congresswoman": (PLAIN, "Representative"),
    "Governor": (PLAIN, "Governor"), "Gov.": (PLAIN, "Governor"), "governor": (PLAIN, "Governor"),
    "Mayor": (PLAIN, "Mayor"), "mayor": (PLAIN, "Mayor"), "Chancellor": (PLAIN, "Chancellor"),
    "Ambassador": (PLAIN, "Ambassador"), "ambassador": (PLAIN, "Ambassador"), "Speaker": (PLAIN, "Speaker"),
    "Director": (AGENCY_ROLE, "Director"), "director": (AGENCY_ROLE, "Director"),
    "Administrator": (AGENCY_ROLE, "Administrator"), "Commissioner": (AGENCY_ROLE, "Commissioner"),
    "Chair": (AGENCY_ROLE, "Chair"), "Chairman": (AGENCY_ROLE, "Chair"), "Chairwoman": (AGENCY_ROLE, "Chair"),
    "chair": (AGENCY_ROLE, "Chair"), "chairman": (AGENCY_ROLE, "Chair"),
}
MINISTRIES = {"Foreign": "Foreign Affairs", "Home": "Home Affairs", "Defense": "Defence"}
_FORMER = frozenset(("former", "then", "ex", "acting"))
_ORGANIZATION_WORDS = frozenset("its company firm group bank club university college board corporate startup their brand".split())
_FIRST_WORDS = frozenset(  # capitalized words before a surname that are not someone else's first name
    "The But And Then When While As So Yet Still Also Meanwhile However After Before Since If Although Though "
    "Because Secretary President Senator Governor Minister Mayor".split()
)
_NOT_NAMES = frozenset(
    {w.capitalize() for w in (*MONTHS, *WEEKDAYS)}
    | set("The A An In On At For And But Or Of To By From With Said Says Told Administration Department".split())
)
_TOKEN = r"(?:[A-Z][a-z]+(?:[-’'][A-Z][a-z]+)*|[A-Z][a-z]*[A-Z][a-z]+|[A-Z]\.)"
_NAME = re.compile(rf"[ \t]+({_TOKEN}(?:[ \t]+{_TOKEN}){{0,3}})")
_NAME_TOKEN = re.compile(r"\S+")
_OF = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?(?:Department[ \t]+of[ \t]+(?:the[ \t]+)?)?")
_PHRASE_WORD = re.compile(r"[ \t]*([A-Za-z][\w.’'&-]*)")
_ADMINISTRATION = re.compile(r"(?:[’']s)?[ \t]+[Aa]dministration\b|-")
_FIRST_NAME_BEFORE = re.compile(r"(?<![\w’'.])([A-Z][a-z]+)[ \t]+$")


@dataclass(frozen=True, slots=True)
class Context:
    """What surrounds a title head: its modifiers and the phrases an "of" after it may name."""

    head: str
    end: int
    subject: str
    country: bool
    before: str
    then: bool
    phrases: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class Titled:
    """A name met with a title: the title's start, the name's offsets, the name and the normalized title."""

    title_start: int
    start: int
    end: int
    name: str
    title: str


@cache
def _head_pattern() -> re.Pattern[str]:
    heads = sorted(HEADS, key=len, reverse=True)
    return re.compile(literal_first(re.escape(head) + (r"(?![\w-])" if head[-1] != "." else "") for head in heads))


# Each head holds one of these, whatever its case: the head pattern, whose first letters
# include common lower-case ones, is tried only where str.find sees one of them.
_HEAD_WORDS = keyword_offsets(HEADS, (
    "resident", "ecretary", "inister", "ttorney", "enator", "Sen.", "epresentative", "Rep.", "ongress", "overnor",
    "Gov.", "ayor", "hancellor", "mbassador", "peaker", "irector", "dministrator", "ommissioner", "hair",
))


def _modifiers(text: str, start: int, gazetteer: Gazetteer) -> tuple[list[str], str, bool]:
    """Capitalized words just before a head (text order), the word before them, and whether "then-"/"former" applies.
    """
    words = text[max(0, start - 60):start].split()
    then = bool(words) and words[-1].lower().startswith(("then-", "ex-"))
    if then:
        words[-1] = words[-1].partition("-")[2]
        words = words if words[-1] else words[:-1]
    modifiers: list[str] = []
    while words and (words[-1][:1].isupper() or words[-1] in ("and", "&")) and (
        not words[-1].endswith((".", ",", ";", ":", "”", '"')) or words[-1] in gazetteer.countries
    ):
        modifiers.insert(0, words.pop())
    while modifiers and modifiers[0].lower() in _FORMER:
        modifiers, then = modifiers[1:], True
    before = words[-1].lower() if words else ""
    return modifiers, before, then or before in _FORMER


def _subject(modifiers: list[str], gazetteer: Gazetteer) -> tuple[str, bool]:
    """The modifiers after any leading country, and whether a country was named.

    An "and" joins a subject only inside a known one ("Health and Human
    Services"); otherwise what precedes it belongs to something else.
    """
    words = [w.removesuffix("’s").removesuffix("'s") for w in modifiers]
    joined = [i for i, w in enumerate(words) if w in ("and", "&")]
    if joined and " ".join(words[joined[0] - 1:]) not in gazetteer.secretaries:
        words = words[joined[-1] + 1:]
    country = False
    while words:
        pair = " ".join(words[:2])
        if pair in gazetteer.countries and len(words) > 1:
            words, country = words[2:], True
        elif words[0] in gazetteer.countries:
            words, country = words[1:], True
        else:
            break
    return " ".join(words), country


def _of_phrases(text: str, end: int) -> tuple[tuple[str, int], ...]:
    """After "of (the)", the phrases of one to four words with their end offsets, longest first."""
    match = _OF.match(text, end)
    if not match:
        return ()
    phrases, position, words = [], match.end(), []
    while len(words) < 4:
        word = _PHRASE_WORD.match(text, position)
        if not word or (words and word.group(1)[0].islower() and word.group(1) != "and"):
            break
        words.append(word.group(1))
        position = word.end()
        phrases.append((" ".join(words), position))
    return tuple(reversed(phrases))


def _president(base: str, c: Context, g: Gazetteer) -> tuple[str, int] | None:
    if c.subject or c.before in _ORGANIZATION_WORDS or (c.head[0].islower() and not (c.country or c.then)):
        return None
    stop = next((stop for phrase, stop in c.phrases if phrase in g.countries), c.end)
    return base, stop


@cache
def _secretaries_by_lower_subject() -> dict[str, str]:
    return {subject.lower(): title for subject, title in load_gazetteer().secretaries.items()}


def _secretary(base: str, c: Context, g: Gazetteer) -> tuple[str, int] | None:
    if c.subject:
        title = g.secretaries.get(c.subject)
        return (title, c.end) if title else None
    lowered = _secretaries_by_lower_subject()
    if c.before in lowered:  # "the energy secretary", "press secretary"
        return lowered[c.before], c.end
    for phrase, stop in c.phrases:
        if phrase.lower() in lowered:
            return lowered[phrase.lower()], stop
    return (base, c.end) if base else None


def _minister(base: str, c: Context, g: Gazetteer) -> tuple[str, int] | None:
    if c.subject:
        return f"Minister of {MINISTRIES.get(c.subject, c.subject)}", c.end
    for phrase, stop in c.phrases:
        words = phrase.split()
        if phrase[0].isupper() and (len(words) == 1 or words[1:] == ["Affairs"]):
            return f"Minister of {phrase}", stop
    return (base, c.end) if base else None


def _agency_role(base: str, c: Context, g: Gazetteer) -> tuple[str, int] | None:
    candidates = [(c.subject, c.end)] if c.subject else list(c.phrases)
    for phrase, stop in candidates:
        agency = g.canonical_agency(phrase) or g.ambiguous.get(phrase)
        if agency:
            return f"{base} of the {agency.removeprefix('U.S. ')}", stop
    return None


def _plain(base: str, c: Context, g: Gazetteer) -> tuple[str, int] | None:
    return None if c.before in _ORGANIZATION_WORDS else (base, c.end)


RULES = {PRESIDENT: _president, SECRETARY: _secretary, MINISTER: _minister, AGENCY_ROLE: _agency_role, PLAIN: _plain}


def _name_at(text: str, position: int) -> tuple[int, int, str] | None:
    """The person's name starting after ``position``: capitalized words up to a word no name has."""
    match = _NAME.match(text, position)
    if not match:
        return None
    tokens = []
    for token in _NAME_TOKEN.finditer(match.group(1)):
        if token.group() in _NOT_NAMES:
            break
        tokens.append(token)
    while tokens and tokens[-1].group().endswith("."):
        tokens.pop()
    if not tokens:
        return None
    offset = match.start(1)
    return offset + tokens[0].start(), offset + tokens[-1].end(), " ".join(t.group() for t in tokens)


def _titled(text: str, skip: Spans, g: Gazetteer) -> list[Titled]:
    found = []
    for match in anchored_finditer(_head_pattern(), text, _HEAD_WORDS):
        if skip.covers(match.start()):
            continue
        kind, base = HEADS[match.group()]
        modifiers, before, then = _modifiers(text, match.start(), g)
        subject, country = _subject(modifiers, g)
        context = Context(match.group(), match.end(), subject, country, before, then, _of_phrases(text, match.end()))
        accepted = RULES[kind](base, context, g)
        name = _name_at(text, accepted[1]) if accepted else None
        if name:
            title_start = text.rfind(modifiers[0], 0, match.start()) if modifiers else match.start()
            found.append(Titled(title_start, name[0], name[1], name[2], accepted[0]))
    return found


def _resolve(titled: list[Titled]) -> tuple[list[Found], dict[str, tuple[str, str, int]]]:
    """Officials met with a title, one-word names completed; and surname -> (name, title, first end)."""
    known: dict[str, tuple[str, str, int]] = {}
    found = []
    for mention in titled:
        tokens = mention.name.split()
        if len(tokens) > 1:
            known.setdefault(tokens[-1], (mention.name, mention.title, mention.end))
        name = known[tokens[0]][0] if len(tokens) == 1 and tokens[0] in known else mention.name
        found.append(Found("official", mention.start, mention.end, Official(name, mention.title)))
    return found, known


def _surname_span(text: str, start: int, end: int, name: str) -> tuple[int, int] | None:
    """Offsets of a mention by surname (or by the full name again), or None when it is someone else's."""
    if text[start - 1:start].isalnum() or text[end:end + 1].isalnum() or _ADMINISTRATION.match(text, end):
        return None
    first_names = name[: -len(text[start:end])]
    if first_names and text[max(0, start - len(first_names)):start] == first_names:
        return start - len(first_names), end
    before = _FIRST_NAME_BEFORE.search(text, max(0, start - 30), start)
    if before and before.group(1) not in _FIRST_WORDS:
        return None
    return start, end


def _surname_mentions(text: str, known: dict[str, tuple[str, str, int]], taken: Spans, skip: Spans) -> list[Found]:
    found = []
    for surname, (name, title, after) in known.items():
        position = text.find(surname, after)
        while position != -1:
            span = _surname_span(text, position, position + len(surname), name)
            if span and not taken.overlaps(*span) and not skip.covers(span[0]):
                found.append(Found("official", *span, Official(name, title)))
            position = text.find(surname, position + len(surname))
    return found


def find_officials(text: str, skip: Spans) -> tuple[list[Found], Spans]:
    """Official mentions outside ``skip``, and the spans of their titles (which hold no agency mention)."""
    gazetteer = load_gazetteer()
    titled = _titled(text, skip, gazetteer)
    found, known = _resolve(titled)
    taken = Spans.of((f.start, f.end) for f in found)
    found += _surname_mentions(text, known, taken, skip)
    return found, Spans.of((t.title_start, t.start) for t in titled)
