"""From the model's answer to checked, grounded facts.

The answer is parsed and validated here whatever the server claims about
schemas. Each mention is grounded to offsets in the document: an exact match
first, then one ignoring case, runs of whitespace and the kind of quote
marks; among several occurrences, the first at or after the end of the
previous grounded fact, else the last before it.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass, field

from baselines.llm.client import LLMDocumentError, Transient
from bench.data.documents import Document
from bench.errors import InputError
from bench.extraction.extractor import as_facts
from bench.facts import FACT_TYPES, Fact

_FENCE = re.compile(r"^```[a-zA-Z]*\s*(.*?)\s*```$", re.S)
_APOSTROPHES = "'’‘"
_QUOTES = '"“”'


MAX_FACTS = 1000  # far above any article's facts; grounding more would only cost time


class MalformedAnswer(Transient):
    """The answer is not JSON in the expected shape (worth asking again)."""


class TooManyFacts(LLMDocumentError):
    """The answer lists more facts than any article holds: a runaway model, not asked again."""


@dataclass(frozen=True, slots=True)
class AnswerFacts:
    """The facts kept from one answer, and how many items were dropped and why."""

    facts: tuple[Fact, ...] = field(default_factory=tuple)
    invalid: int = 0
    ungrounded: int = 0


def parse_answer(content: str, max_facts: int = MAX_FACTS) -> list:
    """The list of fact items in an answer: ``{"facts": [...]}`` or a bare list, code fences allowed.

    Raises:
        MalformedAnswer: when no such list is found (nesting too deep to parse included).
        TooManyFacts: when the list holds more than ``max_facts`` items.
    """
    text = content.strip()
    fenced = _FENCE.match(text)
    if fenced:
        text = fenced[1]
    data = _json(text)
    if data is None:
        data = _outermost_object(text)
    if isinstance(data, dict) and isinstance(data.get("facts"), list):
        data = data["facts"]
    if not isinstance(data, list):
        preview = " ".join(content.split())[:80]
        raise MalformedAnswer(f"malformed answer (expected JSON with a 'facts' list): {preview!r}")
    if len(data) > max_facts:
        raise TooManyFacts(f"the answer lists {len(data)} facts, over the cap of {max_facts} "
                           "(raise with --param max_facts=N)")
    return data


def _json(text: str):
    """``text`` decoded, or None when it is not JSON (or nested too deep to decode)."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def _outermost_object(text: str):
    start, end = text.find("{"), text.rfind("}")
    return _json(text[start:end + 1]) if 0 <= start < end else None


def find_spans(text: str, mention: str) -> list[tuple[int, int]]:
    """Every occurrence of ``mention`` in ``text``: exact ones, else loose ones (case, spaces, quotes)."""
    spans, at = [], text.find(mention)
    while at >= 0:
        spans.append((at, at + len(mention)))
        at = text.find(mention, at + 1)
    if spans:
        return spans
    return [match.span() for match in _loose_pattern(mention).finditer(text)]


def _loose_pattern(mention: str) -> re.Pattern:
    def char(c: str) -> str:
        if c in _APOSTROPHES:
            return f"[{_APOSTROPHES}]"
        if c in _QUOTES:
            return f"[{_QUOTES}]"
        return re.escape(c)

    tokens = ["".join(char(c) for c in token) for token in mention.split()]
    return re.compile(r"\s+".join(tokens), re.IGNORECASE)


def ground(text: str, mention: str, cursor: int) -> tuple[int, int] | None:
    """The span of ``mention`` nearest after ``cursor``, else the last before it; None when absent."""
    mention = mention.strip()
    if not mention:
        return None
    spans = find_spans(text, mention)
    if not spans:
        return None
    return next((span for span in spans if span[0] >= cursor), spans[-1])


def _coerce_count(value):
    """Accept a count written as "1,200" or 1200.0, which models often produce."""
    if not isinstance(value, dict):
        return value
    count = value.get("count")
    if isinstance(count, str) and count.replace(",", "").strip().isdigit():
        return {**value, "count": int(count.replace(",", ""))}
    if isinstance(count, float) and count.is_integer():
        return {**value, "count": int(count)}
    return value


def _checked(item, document: Document) -> Fact | None:
    """The item as a Fact without a span, or None when it breaks the prediction schema."""
    if not isinstance(item, dict) or item.get("type") not in FACT_TYPES or not isinstance(item.get("text"), str):
        return None
    raw = {"doc_id": document.id, "type": item["type"], "value": _coerce_count(item.get("value"))}
    try:
        return as_facts([raw], document, source="llm")[0]
    except InputError:
        return None


def answer_facts(items: list, document: Document) -> AnswerFacts:
    """Validate and ground every item; exact duplicates are kept once."""
    facts: list[Fact] = []
    seen: set[Fact] = set()
    invalid = ungrounded = cursor = 0
    for item in items:
        fact = _checked(item, document)
        if fact is None:
            invalid += 1
            continue
        span = ground(document.text, item["text"], cursor)
        if span is None:
            ungrounded += 1
            continue
        start, end = span
        cursor = end
        grounded = dataclasses.replace(fact, text=document.text[start:end], start=start, end=end)
        if grounded not in seen:
            seen.add(grounded)
            facts.append(grounded)
    return AnswerFacts(tuple(sorted(facts, key=lambda f: (f.start, f.end, f.type))), invalid, ungrounded)
