"""The fast check of records: one per schema of ``gold/schema/``, each held to its schema.

Most schemas are compiled to Python by fastjsonschema (``bench.data.compiled.NAME``,
written by :mod:`bench.data.compile_schemas`), so their check is generated from
the schema itself; each is imported the first time a record of its schema is
checked. Facts and predictions come by the million, and there the compiled code
costs three times this module's hand-written check (``docs/validation.md`` has
the figures), so those two are written out here and property tests hold them
to ``fact.schema.json`` and ``prediction.schema.json``. jsonschema explains
every refused record (:mod:`bench.data.schema`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from importlib import import_module
from typing import Any

from bench.facts import COUNT_TYPES, FACT_TYPES, QUALIFIERS

_ISO_DATE = re.compile(r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-W(0[1-9]|[1-4][0-9]|5[0-3]))?")
_HAS_TEXT = re.compile(r"\S")
_PREDICTION_KEYS = frozenset({"id", "doc_id", "type", "text", "start", "end", "value", "extractor"})
_FACT_KEYS = frozenset({"id", "doc_id", "type", "text", "start", "end", "value"})
_REVIEWED_FACT_KEYS = _FACT_KEYS | {"reviewed"}
ALIAS_TABLES = ("agencies", "officials", "titles", "units")  # aliases.schema.json's required tables
MAX_COUNT = 10**15  # values.schema.json's bound on a count; tests/test_shapes.py holds both to the schema


def _name(value: Any) -> bool:
    return type(value) is str and _HAS_TEXT.search(value) is not None


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


def _mention_ok(record: Any, schema: str) -> bool:
    """The hand-written check of schema ``fact`` or ``prediction``."""
    if type(record) is not dict:
        return False
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


@cache
def _compiled(schema: str) -> Callable[[Any], bool]:
    from fastjsonschema import JsonSchemaValueException

    validate = import_module(f"bench.data.compiled.{schema}").validate

    def ok(record: Any) -> bool:
        try:
            validate(record)
        except JsonSchemaValueException:
            return False
        return True

    return ok


def record_ok(record: Any, schema: str) -> bool:
    """True when ``record`` satisfies ``gold/schema/SCHEMA.schema.json`` (``fact``, ``prediction``, ``results``...)."""
    return _mention_ok(record, schema) if schema in ("fact", "prediction") else _compiled(schema)(record)


def aliases_ok(raw: Any) -> bool:
    """True when ``raw`` satisfies ``aliases.schema.json``: the four tables, each canonical name -> aliases."""
    return _compiled("aliases")(raw)
