"""What a twin changes, as one mapping of values: forward from the original set, and back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bench.data.twins.cast import Cast
from bench.data.twins.counts import CountMap
from bench.data.twins.dates import DateShift
from bench.facts import Count, DateValue, Official, Value


@dataclass(frozen=True, slots=True)
class Substitution:
    """Names (the cast), counts and each document's date shift, and the week offset they come from."""

    cast: Cast
    counts: CountMap
    shifts: Mapping[str, DateShift]
    weeks: int

    def value(self, doc_id: str, fact_type: str, value: Value) -> Value:
        """A gold value of document ``doc_id`` as the twin has it; agencies and titles stay."""
        if fact_type == "date":
            return DateValue(self.shifts[doc_id].value(str(value)))
        if isinstance(value, Count):
            return Count(self.counts.numbers[value.count], value.qualifier, value.unit)
        if isinstance(value, Official):
            return Official(self.cast.rename(value.name), value.title)
        return value

    def inverse(self) -> Substitution:
        """The mapping from the twin back to the original."""
        shifts = {doc_id: shift.inverse() for doc_id, shift in self.shifts.items()}
        return Substitution(self.cast.inverse(), self.counts.inverse(), shifts, -self.weeks)
