"""Text from files, made safe to print on a terminal.

A results, gold or predictions file may carry any string: an escape sequence
in an extractor's name would recolour, retitle or clear the reader's
terminal, and a bidi override would show a line other than the one printed.
Every terminal view passes the strings it takes from files through
:func:`safe`, which spells such characters out instead.
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls, and the bidi embeddings, overrides and isolates
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _spelled(match: re.Match) -> str:
    char = match.group()
    return f"<U+{ord(char):04X}>" if char in _BIDI else f"\\x{ord(char):02x}"


def safe(text: object, keep: str = "\n\t") -> str:
    """``text`` with control characters and bidi overrides spelled out visibly; those in ``keep`` stay.

    A table cell keeps none (``keep=""``): it is one line.

    >>> safe("\\x1b[31mred\\x1b[0m \\u202eevil\\ttab\\n")
    '\\\\x1b[31mred\\\\x1b[0m <U+202E>evil\\ttab\\n'
    >>> safe("a\\tb\\nc", keep="")
    'a\\\\x09b\\\\x0ac'
    """
    text = str(text)
    if text.isprintable() and text.isascii():  # the common case, at C speed
        return text
    return _UNSAFE.sub(lambda match: match.group() if match.group() in keep else _spelled(match), text)
