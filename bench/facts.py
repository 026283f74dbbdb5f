"""The fact types and the values a fact carries.

A :class:`Fact` is one mention (gold) or one prediction: a document id, a
type, a normalized value and, when known, the mention text and its
character offsets. Facts are frozen, so sets of them do the matching.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar, Union

FACT_TYPES = ("date", "headcount", "user_count", "agency", "official")
COUNT_TYPES = ("headcount", "user_count")
QUALIFIERS = ("eq", "lt", "le", "gt", "ge", "approx")


@dataclass(frozen=True, slots=True)
class Count:
    """How many of something: ``Count(50, "lt", "employees")`` is "less than 50 employees"."""

    count: int
    qualifier: str
    unit: str

    def to_dict(self) -> dict[str, Any]:
        return {"count": self.count, "qualifier": self.qualifier, "unit": self.unit}


@dataclass(frozen=True, slots=True)
class Official:
    """A government official: canonical name and title."""

    name: str
    title: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title}


Value = Union[str, Count, Official]
"""A date or an agency is a ``str``, a headcount or user count a :class:`Count`, an official an :class:`Official`."""

_V = TypeVar("_V", str, Count, Official)


def _as(kind: type[_V], value: Value) -> _V:
    if not isinstance(value, kind):
        raise TypeError(f"expected a {kind.__name__} value, got {value!r}")
    return value


def count_of(value: Value) -> Count:
    """The value of a headcount or user_count fact; a TypeError (a bug) when it is no :class:`Count`."""
    return _as(Count, value)


def official_of(value: Value) -> Official:
    """The value of an official fact; a TypeError (a bug) when it is no :class:`Official`."""
    return _as(Official, value)


def string_of(value: Value) -> str:
    """The value of a date or agency fact; a TypeError (a bug) when it is no ``str``."""
    return _as(str, value)


def value_from_json(fact_type: str, raw: Any) -> Value:
    """Build the value of a fact of ``fact_type`` from its JSON form (already schema-checked)."""
    if fact_type in COUNT_TYPES:
        return Count(int(raw["count"]), raw["qualifier"], raw["unit"])  # 3.0 is an integer to JSON Schema
    if fact_type == "official":
        return Official(raw["name"], raw["title"])
    return raw


def _offset(raw: Any) -> int | None:
    return None if raw is None else int(raw)


def value_to_json(value: Value) -> Any:
    return value if isinstance(value, str) else value.to_dict()


@dataclass(frozen=True, slots=True)
class Fact:
    """One mention of a fact in a document (gold), or one prediction.

    ``start``/``end`` are Python string indices into the document text;
    ``text == document.text[start:end]`` whenever they are given.
    """

    doc_id: str
    type: str
    value: Value
    text: str | None = None
    start: int | None = None
    end: int | None = None
    id: str | None = None

    @property
    def has_span(self) -> bool:
        return self.start is not None and self.end is not None

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)`` of a fact placed in the text: every gold mention, and predictions with ``has_span``.

        Raises:
            TypeError: the fact has no offsets, a bug in the caller (gold records without them fail validation).
        """
        if self.start is None or self.end is None:
            raise TypeError(f"{self.type} fact {self.id or self.text!r} in {self.doc_id} has no offsets")
        return self.start, self.end

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        out.update(doc_id=self.doc_id, type=self.type)
        if self.text is not None:
            out["text"] = self.text
        if self.has_span:
            out.update(start=self.start, end=self.end)
        out["value"] = value_to_json(self.value)
        return out

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Fact:
        return cls(
            doc_id=raw["doc_id"],
            type=raw["type"],
            value=value_from_json(raw["type"], raw["value"]),
            text=raw.get("text"),
            start=_offset(raw.get("start")),
            end=_offset(raw.get("end")),
            id=raw.get("id"),
        )
