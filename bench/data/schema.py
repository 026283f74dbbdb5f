"""JSON Schema checks at the file boundary, with one-line errors.

The schemas live in ``gold/schema/`` (draft 2020-12). Inside the program,
values travel as dataclasses; these checks guard what comes in. A record
passes on the fast check of :mod:`bench.data.shapes`; jsonschema, imported only
then, says what is wrong with one it refuses.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from bench.data.jsonl import read_json
from bench.data.resources import schema_dir
from bench.data.shapes import record_ok
from bench.errors import InputError

SCHEMA_BASE = "https://factbench.example/schema/"  # the $id prefix of every schema in gold/schema/


@cache
def _registry():
    from referencing import Registry, Resource

    resources = []
    for path in sorted(schema_dir().glob("*.schema.json")):
        contents = read_json(path)
        resources.append((contents["$id"], Resource.from_contents(contents)))
    return Registry().with_resources(resources)


_END = re.compile(r"(?<!\\)\$")  # an unescaped "$": in ECMA 262, as JSON Schema reads patterns, the very end


def _ecma_pattern(validator, pattern: str, instance, schema):
    """The ``pattern`` keyword with ECMA 262's "$", which a final newline does not satisfy (Python's "$" does)."""
    from jsonschema.exceptions import ValidationError

    if validator.is_type(instance, "string") and not re.search(_END.sub(r"\\Z", pattern), instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def _validator_class():
    from jsonschema import Draft202012Validator, validators

    return validators.extend(Draft202012Validator, {"pattern": _ecma_pattern})


@cache
def validator(name: str):
    """The jsonschema validator of ``gold/schema/NAME.schema.json``."""
    schema = _registry().contents(f"{SCHEMA_BASE}{name}.schema.json")
    return _validator_class()(schema, registry=_registry())


def _short(value: Any, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=True, default=str)
    return text if len(text) <= limit else text[: limit - 3] + "..."


_INTO_VALUE = {"properties": 2, "patternProperties": 2, "additionalProperties": 1, "items": 1}  # schema-path steps
_IN_PLACE = {"allOf": 2, "anyOf": 2, "oneOf": 2, "not": 1, "then": 1, "else": 1}


def _worded(error, root: dict) -> tuple[int, str] | None:
    """The ``errorMessage`` nearest the failing keyword, as ajv-errors reads it, and the depth of the value it words.

    A string covers its schema and everything below; an object, its schema's own keywords by name. The walk down the
    error's schema path follows a bare local ``$ref`` (the path goes on inside its target) and stops at any other.
    """
    path, node, depth, found = list(error.absolute_schema_path), root, 0, None
    while isinstance(node, dict):
        words = node.get("errorMessage")
        if isinstance(words, str) or (len(path) == 1 and isinstance(words, dict) and path[0] in words):
            found = (depth, words if isinstance(words, str) else words[path[0]])
        ref = node.get("$ref")
        if ref is not None:
            if node.keys() - {"$ref", "errorMessage"} or not ref.startswith("#/"):
                break
            node = root
            for token in ref[2:].split("/"):  # a JSON pointer into this same schema
                node = node[token.replace("~1", "/").replace("~0", "~")]
            continue
        step = (_INTO_VALUE.get(path[0]) or _IN_PLACE.get(path[0])) if len(path) > 1 else None
        if step is None:
            break
        for token in path[:step]:
            node = node[token]
        depth += path[0] in _INTO_VALUE
        path = path[step:]
    return found


def _describe(error, root: dict) -> tuple[str, str]:
    """Turn a jsonschema error into (field path, short message)."""
    worded = _worded(error, root)
    if worded is not None:
        depth, message = worded
        field = ".".join(str(part) for part in list(error.absolute_path)[:depth])
        return field or "record", message.replace("{value}", repr(error.instance))
    field = ".".join(str(part) for part in error.absolute_path)
    kind, expected = error.validator, error.validator_value
    if "propertyNames" in error.schema_path:  # the error is about a key, which the path does not hold
        return field or "record", f"the key {_short(error.instance)} is not allowed here"
    if kind == "required":
        missing = [name for name in expected if isinstance(error.instance, dict) and name not in error.instance]
        return ".".join(filter(None, [field, missing[0] if missing else ""])), "is required"
    if kind == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return field or "record", f"unknown field {_short(extra[0] if extra else '?', 40)}"
    if kind == "dependentRequired":
        given = next(name for name in expected if name in error.instance)
        missing = [name for name in expected[given] if name not in error.instance]
        return ".".join(filter(None, [field, missing[0]])), f"is required when {given} is given"
    messages = {
        "type": lambda: f"expected {expected if isinstance(expected, str) else ' or '.join(expected)}, got {_short(error.instance)}",
        "enum": lambda: f"{_short(error.instance)} is not one of {', '.join(map(str, expected))}",
        "const": lambda: f"must be {_short(expected)}",
        "pattern": lambda: f"{_short(error.instance)} is not in the expected form" + _form(error.schema),
        "minimum": lambda: f"{_short(error.instance)} is below {expected}",
        "minLength": lambda: "must not be empty",
    }
    make = messages.get(kind)
    return field or "record", make() if make else error.message[:120]


def _form(schema: dict) -> str:
    """The form a pattern stands for, from its description ("ISO 8601 ...: YYYY, YYYY-MM, ..."), when it has one."""
    description = schema.get("description", "")
    return f" (expected {description.rstrip('.')})" if description else ""


def _rank(error) -> tuple[int, int]:
    # The deepest error says most about a bad value; "required" is the plainest.
    return (-len(error.absolute_path), 0 if error.validator == "required" else 1)


def schema_problems(record: Any, name: str) -> list[tuple[str, str]]:
    """Every (field, message) by which ``record`` breaks schema ``name``, most telling first."""
    checker = validator(name)
    flat: list[Any] = []
    for error in checker.iter_errors(record):
        flat.extend(error.context or [error]) if error.validator in ("anyOf", "oneOf") else flat.append(error)
    return [_describe(error, checker.schema) for error in sorted(flat, key=_rank)]


def check_record(record: Any, name: str, path: str, line: int | None) -> None:
    """Raise :class:`InputError` naming file, line and field when ``record`` breaks schema ``name``."""
    problems = [] if record_ok(record, name) else schema_problems(record, name)
    if problems:
        field, message = problems[0]
        raise InputError(message, path, line, field)
