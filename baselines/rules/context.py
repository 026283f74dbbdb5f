"""The words around a candidate, as the rules look at them."""

from __future__ import annotations

import re

_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z][\w’'-]*)")
_SENTENCE_END = frozenset(".!?\n“\"")
LOWER_FUNCTION_WORDS = frozenset(
    "the a an its his her their our this that all some in on at by for with from of to and or as since until".split()
)
"""Words that may precede a name-like word without being part of a name."""


def word_after(text: str, end: int) -> str:
    """The word right after ``end`` (across spaces only), or ""."""
    match = _WORD_AFTER.match(text, end)
    return match.group(1) if match else ""


def word_before(text: str, start: int) -> tuple[str, int]:
    """The word right before ``start`` (across spaces only, without opening quotes or brackets)
    and where it starts, or ("", start) when there is none or punctuation parts them."""
    window = text[max(0, start - 30):start]
    stripped = window.rstrip(" \t")
    if len(stripped) == len(window) or not stripped or stripped[-1].isspace():
        return "", start
    token = stripped.rsplit(None, 1)[-1]
    if not token[-1].isalnum():  # "Paris, 2019", "ago. 2019": punctuation parts them
        return "", start
    word = token.lstrip("“\"‘'([")
    return word, start - len(window) + len(stripped) - len(word)


def opens_sentence(text: str, position: int) -> bool:
    """Whether ``position`` begins the text, a line, a sentence or a quotation."""
    before = text[max(0, position - 3):position].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_END


def inside_a_name(text: str, start: int) -> bool:
    """Whether a capitalized word that is no sentence opener or function word comes right before
    ``start``: the candidate then belongs to a name ("Theresa May", "Black Friday", "Windows 2000",
    "Fortune 500")."""
    word, word_start = word_before(text, start)
    return word[:1].isupper() and word.lower() not in LOWER_FUNCTION_WORDS and not opens_sentence(text, word_start)
