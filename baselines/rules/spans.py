"""What each rule step hands on: a found mention, and sets of character ranges."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from bench.facts import Value

_QUOTATION = re.compile(r"“[^”]*”|\"[^\"\n]*\"|‘[^’\n]*’")


@dataclass(slots=True)
class Found:
    """One mention a rule step accepted: its fact type, offsets and normalized value.

    Not frozen: a frozen dataclass is built three times slower, and these are built for every fact."""

    type: str
    start: int
    end: int
    value: Value


@dataclass(frozen=True, slots=True)
class Spans:
    """Sorted, non-overlapping character ranges ``[start, end)``, asked which position they cover."""

    starts: tuple[int, ...] = field(default_factory=tuple)
    ends: tuple[int, ...] = field(default_factory=tuple)

    @classmethod
    def of(cls, ranges: Iterable[tuple[int, int]]) -> Spans:
        starts: list[int] = []
        ends: list[int] = []
        for start, end in sorted(ranges):
            if ends and start <= ends[-1]:
                if end > ends[-1]:
                    ends[-1] = end
            else:
                starts.append(start)
                ends.append(end)
        return cls(tuple(starts), tuple(ends))

    def covers(self, position: int) -> bool:
        index = bisect_right(self.starts, position) - 1
        return index >= 0 and position < self.ends[index]

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_right(self.starts, end - 1) - 1
        return index >= 0 and self.ends[index] > start

    def __len__(self) -> int:
        return len(self.starts)


def quotations(text: str) -> Spans:
    """Direct quotations: “…”, "…" within a line, and ‘…’."""
    return Spans.of(match.span() for match in _QUOTATION.finditer(text))
