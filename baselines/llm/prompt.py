"""What the model is asked: the instructions, the answer's JSON schema, and the request modes.

Bump :data:`PROMPT_VERSION` whenever the messages change: it is part of the
cache key, so old answers are never reused for a new prompt.
"""

from __future__ import annotations

import json

from bench.data.documents import Document

PROMPT_VERSION = "1"

# Tried in this order until the server accepts one; see ``response_format``.
MODES = ("json_schema", "json_object", "prompt")

_COUNT = {
    "type": "object",
    "properties": {
        "count": {"type": "integer", "minimum": 0},
        "qualifier": {"enum": ["eq", "lt", "le", "gt", "ge", "approx"]},
        "unit": {"enum": ["employees", "users", "companies"]},
    },
    "required": ["count", "qualifier", "unit"],
}
_OFFICIAL = {
    "type": "object",
    "properties": {"name": {"type": "string"}, "title": {"type": "string"}},
    "required": ["name", "title"],
}

ANSWER_SCHEMA = {
    "type": "object",
    "properties": {
        "facts": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "type": {"enum": ["date", "headcount", "user_count", "agency", "official"]},
                    "text": {"type": "string"},
                    "value": {"anyOf": [{"type": "string"}, _COUNT, _OFFICIAL]},
                },
                "required": ["type", "text", "value"],
            },
        }
    },
    "required": ["facts"],
}

_EXAMPLE = {
    "facts": [
        {"type": "date", "text": "March 3", "value": "2023-03-03"},
        {"type": "headcount", "text": "about 300", "value": {"count": 300, "qualifier": "approx", "unit": "employees"}},
        {"type": "agency", "text": "Labor Department", "value": "U.S. Department of Labor"},
        {"type": "official", "text": "Jane Roe", "value": {"name": "Jane Roe", "title": "Secretary of Labor"}},
    ]
}

INSTRUCTIONS = f"""You extract facts from a news article. Answer with JSON only: {{"facts": [...]}}.
Each fact is {{"type", "text", "value"}}; "text" is copied exactly from the article, one fact per mention, in reading order.
Types:
- date: a calendar date, month, year or week the text names. value is ISO: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www, at the precision of the text.
  Resolve relative dates against the published date given: a weekday is the most recent such day on or before it, "last month" the month before,
  "this week" its ISO week; a day or month without a year takes the published year. A weekday followed by its date is one mention.
  Not dates: durations ("ten years", "45 days"), vague points ("long ago"), relative words inside direct quotations.
- headcount: how many people an organization employs. value {{"count", "qualifier", "unit": "employees"}}.
- user_count: how many users or customers (unit "users") or client companies (unit "companies") use a product.
  For counts, text is the qualifier and number with any "million"/"billion", without the counted noun.
  qualifier: "lt" (less/fewer than, under), "le" (up to, at most), "gt" (more than, over), "ge" (at least),
  "approx" (about, some, nearly, almost, roughly), "eq" (none). Money, percentages and durations are not counts.
- agency: a named government body (department, bureau, agency, commission, regulator); value its official name,
  US bodies as "U.S. " + official name. Not agencies: countries, "the government", "the administration", companies, media.
- official: a named person holding a government office, mentioned as such; text is the person's name only (also surname-only
  mentions), value {{"name": full name, "title": the office, e.g. "Secretary of Labor", "President"}}.
  Not officials: journalists, reporters, company executives, unnamed officials.
Skip navigation, teasers of other stories, bylines and photo credits.
Example answer: {json.dumps(_EXAMPLE)}"""


def messages(document: Document, mode: str) -> list[dict[str, str]]:
    """The chat messages for ``document``; in ``prompt`` mode the schema is spelled out in the prompt."""
    system = INSTRUCTIONS
    if mode == "prompt":
        system += "\nThe answer must validate against this JSON schema: " + json.dumps(ANSWER_SCHEMA)
    published = document.published.isoformat() if document.published else "unknown"
    user = f"Published date: {published}\n\nArticle:\n{document.text}"
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def response_format(mode: str) -> dict | None:
    """The ``response_format`` request field for ``mode`` (none in ``prompt`` mode)."""
    if mode == "json_schema":
        return {"type": "json_schema", "json_schema": {"name": "facts", "schema": ANSWER_SCHEMA}}
    if mode == "json_object":
        return {"type": "json_object"}
    return None
