"""JSON Schema checks at the file boundary, with one-line errors.

The schemas live in ``gold/schema/`` (draft 2020-12). Inside the program,
values travel as dataclasses; these checks guard what comes in.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from bench.data.jsonl import read_json
from bench.data.resources import schema_dir
from bench.errors import InputError

SCHEMA_NAMES = ("values", "fact", "prediction", "document", "manifest", "aliases", "results")
_BASE = "https://factbench.example/schema/"


@cache
def _registry():
    from referencing import Registry, Resource

    resources = []
    for path in sorted(schema_dir().glob("*.schema.json")):
        contents = read_json(path)
        resources.append((contents["$id"], Resource.from_contents(contents)))
    return Registry().with_resources(resources)


@cache
def validator(name: str):
    """The compiled validator of ``gold/schema/NAME.schema.json``."""
    from jsonschema import Draft202012Validator

    schema = _registry().contents(f"{_BASE}{name}.schema.json")
    return Draft202012Validator(schema, registry=_registry())


def _short(value: Any, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=True, default=str)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _describe(error) -> tuple[str, str]:
    """Turn a jsonschema error into (field path, short message)."""
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
    errors = list(validator(name).iter_errors(record))
    flat: list[Any] = []
    for error in errors:
        flat.extend(error.context or [error]) if error.validator in ("anyOf", "oneOf") else flat.append(error)
    return [_describe(error) for error in sorted(flat, key=_rank)]


def check_record(record: Any, name: str, path: str, line: int | None) -> None:
    """Raise :class:`InputError` naming file, line and field when ``record`` breaks schema ``name``."""
    problems = schema_problems(record, name)
    if problems:
        field, message = problems[0]
        raise InputError(message, path, line, field)
