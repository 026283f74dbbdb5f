"""Pages from templates: Jinja2 with autoescape on, templates shipped in ``bench/presentation/templates``.

Values reach a page only through ``{{ }}``, so every one is HTML-escaped;
data for a page's script goes through Jinja's ``tojson`` into a
``<script type="application/json">`` block, its ``<`` escaped.
Before escaping, control characters and bidirectional overrides from a file
are made visible (``␛``, ``[U+202E]``): they can neither reorder the page's
text nor hide in it. Jinja2 is imported on the first render only, so
commands that write no page never load it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from bench.presentation.palette import css_variables, kind_class, type_class

TEMPLATES = Path(__file__).with_name("templates")
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _symbol(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control picture: ␀, ␛...
    return "\u2421" if code == 0x7F else f"[U+{code:04X}]"


def visible(value: Any) -> Any:
    """A string with its control, bidi-override and lone-surrogate characters shown as symbols; other values as they are.

    >>> visible("\\x1b[31mred\\x00"), visible("ab\\u202ecd"), visible("tab\\tand\\nline"), visible(3)
    ('␛[31mred␀', 'ab[U+202E]cd', 'tab\\tand\\nline', 3)
    """
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return _HIDDEN.sub(_symbol, value)
    return value


@cache
def _environment():
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, auto_reload=False, finalize=visible)
    environment.filters.update(type_class=type_class, kind_class=kind_class)
    # tojson escapes <, >, & and ' (no "</script>" can end a data block); compact, with text as UTF-8 characters
    environment.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "separators": (",", ":")}
    environment.globals["palette"] = css_variables()
    return environment


def render(template: str, **context: Any) -> str:
    """The page (or fragment) that ``template`` makes of ``context``."""
    return _environment().get_template(template).render(**context)
