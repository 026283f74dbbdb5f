"""Write ``bench/data/compiled/NAME.py``: each record schema of ``gold/schema/`` compiled to Python by fastjsonschema.

fastjsonschema implements drafts 4 to 7; our schemas are draft 2020-12. The
two differ, for what our schemas use, in two keywords, which :func:`as_draft7`
rewrites to their draft-7 equivalents before compiling: a ``$ref`` beside other
keywords (draft 7 ignores the siblings; 2020-12 applies both, as ``allOf``
does) and ``dependentRequired`` (draft 7's array form of ``dependencies``).
A 2020-12 keyword with no draft-7 equivalent stops the compilation rather than
being silently ignored. ``format`` is an annotation in 2020-12, as jsonschema
treats it here, so formats are not asserted.

Run ``python -m bench.data.compile_schemas`` after editing a schema;
``tests/test_shapes.py`` fails while a compiled module is out of date.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.data.jsonl import read_json
from bench.data.resources import schema_dir
from bench.data.schema import SCHEMA_BASE

COMPILED_DIR = Path(__file__).resolve().parent / "compiled"
_NO_DRAFT7_EQUIVALENT = frozenset({
    "unevaluatedProperties", "unevaluatedItems", "prefixItems", "dependentSchemas", "minContains", "maxContains",
    "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor", "contentSchema",
})
_NOT_ASSERTIONS = frozenset({"$schema", "$id", "$defs", "$comment", "title", "description", "errorMessage"})


def as_draft7(schema: Any) -> Any:
    """``schema`` (draft 2020-12) with the same meaning in the draft 7 that fastjsonschema implements."""
    if isinstance(schema, list):
        return [as_draft7(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    unsupported = _NO_DRAFT7_EQUIVALENT & schema.keys()
    if unsupported:
        raise ValueError(f"no draft-7 equivalent of {', '.join(sorted(unsupported))}: fastjsonschema cannot compile it")
    out = {("dependencies" if key == "dependentRequired" else key): as_draft7(value) for key, value in schema.items()}
    if "$ref" in out and out.keys() - _NOT_ASSERTIONS - {"$ref"}:
        out["allOf"] = [{"$ref": out.pop("$ref")}, *out.get("allOf", [])]
    return out


def _schema(uri: str) -> Any:
    if not uri.startswith(SCHEMA_BASE):
        raise ValueError(f"{uri}: only our own schemas are resolved")
    return as_draft7(read_json(schema_dir() / uri.removeprefix(SCHEMA_BASE)))


def record_schemas() -> list[str]:
    """The schemas a record is checked against: every one with a ``type`` (``values`` only holds definitions)."""
    return sorted(path.name.removesuffix(".schema.json") for path in schema_dir().glob("*.schema.json")
                  if "type" in read_json(path))


def module_source(name: str) -> str:
    """The Python source of ``bench.data.compiled.NAME``, whose ``validate(record)`` raises on a refused record."""
    import fastjsonschema

    uri = f"{SCHEMA_BASE}{name}.schema.json"
    code = fastjsonschema.compile_to_code(_schema(uri), handlers={"https": _schema}, use_default=False,
                                          use_formats=False)
    function = "validate_" + "".join(c if c.isalnum() else "_" for c in uri)
    if f"def {function}(" not in code:
        raise ValueError(f"fastjsonschema named the validator of {uri} otherwise than {function}")
    return (f"# Generated from gold/schema/{name}.schema.json by python -m bench.data.compile_schemas: do not edit.\n"
            "# ruff: noqa\n# mypy: ignore-errors\n" + code.rstrip("\n") + f"\n\n\nvalidate = {function}\n")


def main() -> None:
    for name in record_schemas():
        path = COMPILED_DIR / f"{name}.py"
        source = module_source(name)
        if not path.exists() or path.read_text(encoding="utf-8") != source:
            path.write_text(source, encoding="utf-8")
            print(f"wrote {path}")


if __name__ == "__main__":
    main()
