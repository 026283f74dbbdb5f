"""Streaming fact keys out of large JSONL files, for scoring millions of facts.

Only what scoring needs is read: each record becomes its fact key (doc id,
type, canonical value); ids, types and values repeated across records are
canonicalized once and shared. Shapes are checked only as far as scoring
needs them; ``bench validate`` checks files against the schemas.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from bench.data.jsonl import open_binary, parse_json_line
from bench.errors import InputError
from bench.facts import COUNT_TYPES, FACT_TYPES, Value, value_from_json
from bench.normalize.aliases import AliasTable
from bench.scoring.fact_level import Score, score_keys
from bench.scoring.outcomes import Key


def iter_records(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Like :func:`bench.data.jsonl.iter_jsonl`, with the same one-line errors, but parsing the common case faster."""
    name = str(path)
    loads = json.loads
    with open_binary(path) as handle:
        for line_no, raw in enumerate(handle, 1):
            if line_no == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            try:
                record = loads(raw)
            except ValueError:  # decoding errors, blank lines and a BOM take the careful path
                if not raw.strip():
                    continue
                record = parse_json_line(raw, name, line_no)
            if type(record) is not dict:
                raise InputError(f"expected a JSON object, got {type(record).__name__}", name, line_no)
            yield line_no, record


class _KeyMaker:
    """``fact_key`` from a raw record, with each distinct id, type and value canonicalized once."""

    def __init__(self, aliases: AliasTable, path: str):
        self.aliases, self.path = aliases, path
        self.strings: dict[str, str] = {t: t for t in FACT_TYPES}
        self.values: dict[tuple, Value] = {}

    def value(self, fact_type: str, raw: Any) -> Value:
        memo: tuple
        if type(raw) is str:
            memo = (fact_type, raw)
        elif fact_type in COUNT_TYPES:
            count = raw["count"]
            if not (type(count) is int or (type(count) is float and count.is_integer())):
                raise ValueError("a count must be an integer")
            memo = (fact_type, count, raw["qualifier"], raw["unit"])
        else:
            memo = (fact_type, raw["name"], raw["title"])
        found = self.values.get(memo)
        if found is None:
            found = self.values[memo] = self.aliases.canonical_value(fact_type, value_from_json(fact_type, raw))
        return found

    def __call__(self, line_no: int, record: dict[str, Any]) -> Key:
        try:
            doc_id, fact_type = record["doc_id"], record["type"]
            strings = self.strings
            if fact_type not in FACT_TYPES or type(doc_id) is not str:
                raise ValueError
            return strings.setdefault(doc_id, doc_id), strings[fact_type], self.value(fact_type, record["value"])
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
            raise InputError("not a fact record (doc_id, type, value)", self.path, line_no) from None


def read_keys(path: str | Path, aliases: AliasTable | None = None) -> set[Key]:
    """Stream a JSONL file of facts or predictions into its set of fact keys, and nothing else.

    Records are shape-checked only as far as scoring needs; validate files with the schema first.
    """
    make = _KeyMaker(aliases or AliasTable(), str(path))
    return {make(line_no, record) for line_no, record in iter_records(path)}


def score_jsonl(
    gold_path: str | Path, predictions_path: str | Path, aliases: AliasTable | None = None,
    mode: str = "strict", documents: Iterable[str] = (),
) -> Score:
    """Fact-level score of a predictions JSONL file against a gold JSONL file, streamed."""
    return score_keys(read_keys(gold_path, aliases), read_keys(predictions_path, aliases), mode, documents)
