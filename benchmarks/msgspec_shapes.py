"""Fact and prediction records as msgspec Structs with constraints: the msgspec candidate of ``validator_speed.py``.

A second copy of ``fact.schema.json`` and ``prediction.schema.json`` written
by hand in msgspec's types. It differs from the schemas where msgspec cannot
follow them: a JSON ``3.0`` is refused where the schema takes it as the
integer 3, a pattern's ``$`` matches before a final newline, and the value's
shape by fact type and the start/end pairing are checked after the decode.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

import msgspec
from msgspec import UNSET, Meta, Raw, Struct, UnsetType

ISO_DATE = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-W(0[1-9]|[1-4][0-9]|5[0-3]))?$"
FactType = Literal["date", "headcount", "user_count", "agency", "official"]
NonEmpty = Annotated[str, Meta(min_length=1)]
Name = Annotated[str, Meta(min_length=1, pattern=r"\S")]
Offset = Annotated[int, Meta(ge=0)]


class Count(Struct, forbid_unknown_fields=True):
    count: Annotated[int, Meta(ge=0, le=10**15)]
    qualifier: Literal["eq", "lt", "le", "gt", "ge", "approx"]
    unit: NonEmpty


class Official(Struct, forbid_unknown_fields=True):
    name: Name
    title: Name


class Prediction(Struct, forbid_unknown_fields=True):
    doc_id: NonEmpty
    type: FactType
    value: Raw
    id: Union[str, UnsetType] = UNSET
    text: Union[str, UnsetType] = UNSET
    start: Union[Offset, UnsetType] = UNSET
    end: Union[Offset, UnsetType] = UNSET
    extractor: Union[str, UnsetType] = UNSET


class Fact(Struct, forbid_unknown_fields=True):
    id: NonEmpty
    doc_id: NonEmpty
    type: FactType
    text: NonEmpty
    start: Offset
    end: Annotated[int, Meta(ge=1)]
    value: Raw
    reviewed: Union[bool, UnsetType] = UNSET


_VALUES = {"date": msgspec.json.Decoder(Annotated[str, Meta(pattern=ISO_DATE)]), "agency": msgspec.json.Decoder(Name),
           "headcount": msgspec.json.Decoder(Count), "user_count": msgspec.json.Decoder(Count),
           "official": msgspec.json.Decoder(Official)}
_RECORDS = {"prediction": msgspec.json.Decoder(Prediction), "fact": msgspec.json.Decoder(Fact)}


def line_ok(line: bytes, schema: str) -> bool:
    """Decode one JSON line as a ``schema`` record (``fact`` or ``prediction``): True when it fits."""
    try:
        record = _RECORDS[schema].decode(line)
        _VALUES[record.type].decode(record.value)
    except msgspec.ValidationError:
        return False
    return (record.start is UNSET) == (record.end is UNSET)
