"""The fact types and the values a fact carries.

A :class:`Fact` is one prediction: a document id, a type, a normalized value
and, when known, the mention text and its character offsets. A
:class:`GoldMention` is one hand-labeled mention, a Fact whose text, offsets
and id are always there. Facts are frozen, so sets of them do the matching.

A value is one of four variants, one per kind of fact (:data:`Value`): a
:class:`Count` and an :class:`Official` are classes of their own; a date and an
agency are strings, told apart by type checkers as :data:`DateValue` and
:data:`AgencyName` (each a ``typing.NewType`` of ``str``) and at run time by the
fact's type. They stay plain ``str`` objects: a ``str`` subclass would make every
value an object the garbage collector tracks, and sets of fact keys took three
times as long to build.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NewType, Union

FACT_TYPES = ("date", "headcount", "user_count", "agency", "official")
COUNT_TYPES = ("headcount", "user_count")
QUALIFIERS = ("eq", "lt", "le", "gt", "ge", "approx")


DateValue = NewType("DateValue", str)
"""The value of a date fact: an ISO date at its precision, ``2024-07-20``, ``2024-W29``, ``2024-07`` or ``2024``."""

AgencyName = NewType("AgencyName", str)
"""The value of an agency fact: the agency's name (canonical in the gold)."""


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


Value = Union[DateValue, AgencyName, Count, Official]
"""The value of a fact, one variant per kind: a date a :data:`DateValue`, an agency an :data:`AgencyName`, a
headcount or user count a :class:`Count`, an official an :class:`Official`."""


def value_from_json(fact_type: str, raw: Any) -> Value:
    """Build the value of a fact of ``fact_type`` from its JSON form (already schema-checked).

    >>> value_from_json("date", "2024-07"), value_from_json("headcount", {"count": 3, "qualifier": "eq", "unit": "users"})
    ('2024-07', Count(count=3, qualifier='eq', unit='users'))
    """
    if fact_type in COUNT_TYPES:
        return Count(int(raw["count"]), raw["qualifier"], raw["unit"])  # 3.0 is an integer to JSON Schema
    if fact_type == "official":
        return Official(raw["name"], raw["title"])
    return raw  # a date's or an agency's string is its DateValue or AgencyName


def _offset(raw: Any) -> int | None:
    return None if raw is None else int(raw)


def value_to_json(value: Value) -> Any:
    return value if isinstance(value, str) else value.to_dict()


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact an extractor found (a prediction), or the base of a :class:`GoldMention`.

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
        """``(start, end)`` of a prediction with ``has_span``; a gold mention always has one.

        Raises:
            TypeError: the prediction has no offsets, a bug in the caller, who should have asked ``has_span``.
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


@dataclass(frozen=True, slots=True)
class GoldMention(Fact):
    """One hand-labeled mention of a fact: its text, offsets and id are always there.

    A gold mention never equals a :class:`Fact` (dataclasses compare classes):
    scoring compares fact keys and spans, never a gold mention with a prediction.

    >>> GoldMention("d", "date", DateValue("2024-05-02"), "May 2", 3, 8, "f1").span
    (3, 8)
    """

    text: str
    start: int
    end: int
    id: str

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)``: where the mention stands in its document."""
        return self.start, self.end

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> GoldMention:
        """A gold record (``fact.schema.json``: id, text and offsets required, already checked)."""
        return GoldMention(raw["doc_id"], raw["type"], value_from_json(raw["type"], raw["value"]), raw["text"],
                           int(raw["start"]), int(raw["end"]), raw["id"])
