"""A fast hand-written check of fact, prediction, document and manifest records, and of alias tables.

It accepts exactly what ``gold/schema/fact.schema.json``, ``prediction.schema.json``,
``document.schema.json``, ``manifest.schema.json`` and ``aliases.schema.json`` accept
(property tests hold them together), so large files, and every load of a gold set,
skip jsonschema; jsonschema still explains every record it refuses.
"""

from __future__ import annotations

import re
from typing import Any

from bench.facts import COUNT_TYPES, FACT_TYPES, QUALIFIERS

_ISO_DATE = re.compile(r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-W(0[1-9]|[1-4][0-9]|5[0-3]))?")
_ISO_DAY = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")
_HAS_TEXT = re.compile(r"\S")
_PREDICTION_KEYS = frozenset({"id", "doc_id", "type", "text", "start", "end", "value", "extractor"})
_FACT_KEYS = frozenset({"id", "doc_id", "type", "text", "start", "end", "value"})
_REVIEWED_FACT_KEYS = _FACT_KEYS | {"reviewed"}
_SHA256 = re.compile(r"[0-9a-f]{64}")
_PUBLISHED_BASES = ("dateline", "inferred", "generated", "source_metadata")
_FILE_NAME = re.compile(r"[^\x00-\x1f\x7f]+")  # no control character (NUL above all) in a file name
_MANIFEST_KEYS = frozenset({"id", "file", "sha256", "published", "outlet", "title", "published_basis", "published_note",
                            "source_url", "source_document", "license"})


def _name(value: Any) -> bool:
    return type(value) is str and _HAS_TEXT.search(value) is not None


MAX_COUNT = 10**15  # the schema's bound (values.schema.json)


def _int(value: Any, minimum: int) -> bool:
    """JSON Schema's integer: 3 and 3.0 alike, never a bool."""
    return (type(value) is int or (type(value) is float and value.is_integer())) and value >= minimum


def _value_ok(fact_type: str, value: Any) -> bool:
    if fact_type == "date":
        return type(value) is str and _ISO_DATE.fullmatch(value) is not None
    if fact_type == "agency":
        return _name(value)
    if type(value) is not dict:
        return False
    if fact_type in COUNT_TYPES:
        return (value.keys() == {"count", "qualifier", "unit"} and _int(value["count"], 0) and value["count"] <= MAX_COUNT
                and value["qualifier"] in QUALIFIERS and type(value["unit"]) is str and value["unit"] != "")
    return value.keys() == {"name", "title"} and _name(value["name"]) and _name(value["title"])


def _document_ok(record: dict[str, Any]) -> bool:
    published = record.get("published")
    return (type(record.get("id")) is str and record["id"] != "" and type(record.get("text")) is str
            and (published is None or (type(published) is str and _ISO_DAY.fullmatch(published) is not None)))


def _optional_ok(record: dict[str, Any], key: str, ok) -> bool:
    return key not in record or ok(record[key])


def _manifest_ok(record: dict[str, Any]) -> bool:
    published = record.get("published", "")
    file = record.get("file")
    return (record.keys() <= _MANIFEST_KEYS and _name_field(record.get("id"))
            and type(file) is str and _FILE_NAME.fullmatch(file) is not None
            and type(record.get("sha256")) is str and _SHA256.fullmatch(record["sha256"]) is not None
            and (published is None or (type(published) is str and _ISO_DAY.fullmatch(published) is not None))
            and all(_optional_ok(record, key, lambda v: v is None or type(v) is str) for key in ("outlet", "title"))
            and _optional_ok(record, "published_basis", lambda v: type(v) is str and v in _PUBLISHED_BASES)
            and _optional_ok(record, "source_url", lambda v: type(v) is str and v.startswith(("http://", "https://")))
            and all(_optional_ok(record, key, _name_field) for key in ("published_note", "source_document", "license")))


def _name_field(value: Any) -> bool:
    """A non-empty string (JSON Schema's minLength 1)."""
    return type(value) is str and value != ""


ALIAS_TABLES = ("agencies", "officials", "titles", "units")


def _alias_table_ok(table: Any) -> bool:
    return type(table) is dict and all(
        canonical != "" and type(aliases) is list and all(map(_name_field, aliases)) for canonical, aliases in table.items())


def aliases_ok(raw: Any) -> bool:
    """True when ``raw`` certainly satisfies ``aliases.schema.json``: the four tables, each canonical name -> aliases."""
    return (type(raw) is dict and raw.keys() - {"_comment"} == set(ALIAS_TABLES) and type(raw.get("_comment", "")) is str
            and all(_alias_table_ok(raw[kind]) for kind in ALIAS_TABLES))


def record_ok(record: dict[str, Any], schema: str) -> bool:
    """True when ``record`` certainly satisfies schema ``fact``, ``prediction``, ``document`` or ``manifest``."""
    if schema == "document":
        return _document_ok(record)
    if schema == "manifest":
        return _manifest_ok(record)
    keys = record.keys()
    if schema == "fact":
        if not (keys == _FACT_KEYS or (keys == _REVIEWED_FACT_KEYS and type(record["reviewed"]) is bool)):
            return False
        if type(record["id"]) is not str or not record["id"]:
            return False
        if type(record["text"]) is not str or not record["text"] or not _int(record["end"], 1):
            return False
    else:
        if not keys <= _PREDICTION_KEYS or ("start" in record) != ("end" in record):
            return False
        if any(k in record and type(record[k]) is not str for k in ("id", "text", "extractor")):
            return False
        if "end" in record and not _int(record["end"], 0):
            return False
    if "start" in record and not _int(record["start"], 0):
        return False
    doc_id, fact_type = record.get("doc_id"), record.get("type")
    return (type(doc_id) is str and doc_id != "" and fact_type in FACT_TYPES and type(fact_type) is str
            and "value" in record and _value_ok(fact_type, record["value"]))
