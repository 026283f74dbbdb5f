"""Per-seed wording: each seed writes the frames with its own choice of interchangeable words.

Every group lists words or phrases that read alike in every frame they stand
in ("plant", "factory", "facility"); each seed picks one of each group and
writes all its cases with it. Two seeds then share few sentence skeletons even
where they share a frame, so an extractor that learned one suite's sentences
meets new ones in another: what it must know is the capability, not the
wording. Only the frames' own words change, never a slot's value or a mention.
"""

from __future__ import annotations

import functools
import random
import re

GROUPS = (
    ("said", "stated"), ("company", "firm", "group"), ("plant", "factory", "facility"),
    ("announced", "disclosed"), ("approved", "cleared"), ("criticized", "attacked", "faulted"),
    ("visited", "toured"), ("hire", "recruit"), ("inquiry", "investigation"),
    ("deal", "agreement", "transaction"), ("rose", "climbed"), ("fell", "dropped", "declined"),
    ("plans to", "intends to"), ("told reporters", "told journalists"), ("declined to comment", "would not comment"),
    ("talks", "negotiations"), ("layoffs", "job cuts"), ("rival", "competitor"), ("merger", "tie-up"),
    ("results", "earnings"), ("headquarters", "head office"), ("chief executive", "CEO", "boss"),
    ("spokesperson", "spokeswoman", "spokesman"), ("warehouse", "distribution center"),
    ("expects", "anticipates"), ("urged", "pressed"), ("praised", "commended"), ("backed", "supported"),
    ("opposed", "fought"), ("suppliers", "vendors"), ("site", "location"),
    ("cooperate with", "work with"), ("opened", "launched"), ("filing", "submission"),
    ("stepped down", "resigned"), ("warned", "cautioned"), ("lawyers", "attorneys"), ("met", "met with"),
    ("closed", "ended"), ("ordered", "told"), ("warning letter", "formal warning"), ("more time", "an extension"),
    ("under review by", "being examined by"), ("received", "got"), ("reviewing", "examining"),
    ("decided", "ruled"), ("the matter", "the case"), ("complaint", "grievance"), ("plan", "proposal"),
    ("new rules", "new regulations"), ("fined", "penalized"), ("sued", "took legal action against"),
)


def drawn(rng: random.Random) -> tuple[tuple[str, str], ...]:
    """This seed's choice in every group, as (base word, word written) pairs; the base word itself is a choice."""
    return tuple((group[0], rng.choice(group)) for group in GROUPS)


def _article(article: str, word: str) -> str:
    """"a" or "an" before ``word``, with the article's capital kept."""
    chosen = "an" if word[:1].lower() in "aeiou" else "a"
    return chosen.capitalize() if article[:1].isupper() else chosen


def rewrite(text: str, choices: tuple[tuple[str, str], ...]) -> str:
    """``text`` with each base word replaced by this seed's choice, keeping a capital first letter and "a"/"an".

    >>> choices = (("plant", "factory"), ("talks", "negotiations"), ("deal", "agreement"))
    >>> rewrite("Talks at the plant ended with a deal, the company said.", choices)
    'Negotiations at the factory ended with an agreement, the company said.'
    """
    written = {base: word for base, word in choices if word != base}
    if not written:
        return text

    def replaced(match: re.Match[str]) -> str:
        article, found = match.group(1), match.group(2)
        word = written[found.lower()]
        word = word[:1].upper() + word[1:] if found[:1].isupper() else word
        return (f"{_article(article, word)} " if article else "") + word

    return _pattern(tuple(sorted(written))).sub(replaced, text)


@functools.cache
def _pattern(bases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(base) for base in sorted(bases, key=len, reverse=True))
    return re.compile(rf"(?:\b([Aa]n?) )?(?<![\w{{])((?i:{alternatives}))(?![\w}}])")
