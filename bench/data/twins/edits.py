"""Edits of a text: which of them hold together, applying them, and where an old offset lands in the new text."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

KINDS = ("date", "count", "name")
SPAN_KINDS = {"date": "date", "headcount": "count", "user_count": "count", "official": "name"}
"""The kind of edit allowed inside a gold mention of each type; nothing is edited inside an agency."""


@dataclass(frozen=True, slots=True, order=True)
class Edit:
    """Replace ``text[start:end]`` by ``new``; ``kind`` says which substitution made it (date, count, name)."""

    start: int
    end: int
    new: str
    kind: str


@dataclass(frozen=True, slots=True)
class Span:
    """A gold mention's place and the kind of edit allowed inside it ("" for none)."""

    start: int
    end: int
    kind: str


def _fits(edit: Edit, spans: Sequence[Span]) -> bool:
    """Inside a gold mention that takes this kind of edit, or clear of every mention; never across a boundary."""
    for span in spans:
        if edit.end <= span.start or edit.start >= span.end:
            continue
        if not (span.start <= edit.start and edit.end <= span.end and span.kind == edit.kind):
            return False
    return True


def combine(layers: Iterable[Iterable[Edit]], spans: Sequence[Span]) -> list[Edit]:
    """The edits that hold together, earlier layers first: each fits the gold mentions and overlaps no edit kept before.

    >>> gold = [Span(0, 7, "date"), Span(10, 14, "")]
    >>> combine([[Edit(0, 4, "Sept", "date")], [Edit(2, 5, "x", "date"), Edit(11, 12, "y", "name")]], gold)
    [Edit(start=0, end=4, new='Sept', kind='date')]
    """
    kept: list[Edit] = []
    for layer in layers:
        for edit in layer:
            if not _fits(edit, spans):
                continue
            at = bisect.bisect_left(kept, edit)
            before, after = kept[at - 1] if at else None, kept[at] if at < len(kept) else None
            if (before and before.end > edit.start) or (after and after.start < edit.end):
                continue
            kept.insert(at, edit)
    return kept


def apply(text: str, edits: Sequence[Edit]) -> tuple[str, Callable[[int], int]]:
    """The edited text, and where each old offset outside the edits' insides lands in it.

    ``edits`` are sorted and do not overlap (as :func:`combine` returns them).

    >>> new, moved = apply("on July 20 and", [Edit(3, 7, "September", "date"), Edit(8, 10, "1", "date")])
    >>> new, moved(3), moved(10), new[moved(3):moved(10)]
    ('on September 1 and', 3, 14, 'September 1')
    """
    pieces, ends, shifts, position, shift = [], [], [], 0, 0
    for edit in edits:
        pieces += [text[position:edit.start], edit.new]
        position = edit.end
        shift += len(edit.new) - (edit.end - edit.start)
        ends.append(edit.end)
        shifts.append(shift)
    pieces.append(text[position:])
    starts = [edit.start for edit in edits]

    def moved(offset: int) -> int:
        inside = bisect.bisect_left(starts, offset)  # edits starting before offset
        if inside and offset < ends[inside - 1]:
            raise ValueError(f"offset {offset} falls inside an edit")
        done = bisect.bisect_right(ends, offset)
        return offset + (shifts[done - 1] if done else 0)

    return "".join(pieces), moved
