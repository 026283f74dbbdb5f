"""One text's twin: the edits of every substitution, held together, applied, and its gold carried over."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from bench.data.twins.counts import number_part, written
from bench.data.twins.dates import DateShift
from bench.data.twins.edits import SPAN_KINDS, Edit, Span, apply, combine
from bench.data.twins.people import PersonName
from bench.data.twins.substitution import Substitution
from bench.data.twins.timeline import Dates
from bench.errors import InputError
from bench.facts import Count, GoldMention
from bench.normalize.numbers import non_count_reason, number_spans, parse_number, qualifier_start


@dataclass(frozen=True, slots=True)
class Scene:
    """What rewriting one document needs from the set: its people, the numbers its counts state, its date shift,
    and the words it writes in lower case (a surname among them stays where it opens a sentence)."""

    people: frozenset[PersonName]
    numbers: frozenset[int]
    shift: DateShift
    common: frozenset[str] = frozenset()


def _gold_count_edits(gold: Sequence[GoldMention], substitution: Substitution) -> list[Edit]:
    edits = []
    for fact in gold:
        if isinstance(fact.value, Count):
            start, end, qualified = number_part(fact.text)
            new = written(substitution.counts.numbers[fact.value.count], fact.text[start:end], qualified)
            edits.append(Edit(fact.start + start, fact.start + end, new, "count"))
    return edits


def _gold_name_edits(gold: Sequence[GoldMention], scene: Scene, substitution: Substitution) -> list[Edit]:
    """The names of the gold's officials, renamed whatever else they spell ("Santorum" where "santorum" is a word)."""
    edits = []
    for fact in gold:
        if fact.type == "official":
            edits += [replace(edit, start=edit.start + fact.start, end=edit.end + fact.start)
                      for edit in substitution.cast.edits(fact.text, scene.people)]
    return edits


def _same_quantity_edits(text: str, scene: Scene, substitution: Substitution, dates: Dates) -> list[Edit]:
    """Other numbers of the text equal to one of its counts: they state the same quantity, so they move with it."""
    in_dates = [(m.start, m.end) for m in dates.mentions]
    edits = []
    for start, end in number_spans(text) if scene.numbers else ():
        parsed = parse_number(text[start:end])
        if parsed is None or parsed[0] not in scene.numbers or any(s < end and start < e for s, e in in_dates):
            continue
        if non_count_reason(text[max(0, start - 8):start], text[end:end + 24]) is None:
            new = written(substitution.counts.numbers[parsed[0]], text[start:end], qualifier_start(text, start) is not None)
            edits.append(Edit(start, end, new, "count"))
    return edits


def _unwritten(before: GoldMention, after: GoldMention, dates: Dates) -> bool:
    """A mention whose value changes while its words could not: the twin would contradict its own gold."""
    relative = before.type == "date" and not any(m.parts for m in dates.mentions if m.fact_id == before.id)
    return before.value != after.value and before.text == after.text and not relative


def rewrite_text(text: str, gold: Sequence[GoldMention], dates: Dates, scene: Scene, substitution: Substitution,
                 where: str = "") -> tuple[str, list[GoldMention]]:
    """``text`` as the twin writes it, and its gold mentions with new offsets, texts and values.

    Layers in order, each edit kept when it fits: the gold's dates, counts and
    officials, then names, then unlabelled dates, then other numbers stating a count.
    """
    spans = [Span(f.start, f.end, SPAN_KINDS.get(f.type, "")) for f in gold]
    layers = (
        [*dates.edits(scene.shift, True, where), *_gold_count_edits(gold, substitution),
         *_gold_name_edits(gold, scene, substitution)],
        substitution.cast.edits(text, scene.people, scene.common),
        dates.edits(scene.shift, False, where),
        _same_quantity_edits(text, scene, substitution, dates),
    )
    new_text, moved = apply(text, combine(layers, spans))
    facts = []
    for fact in gold:
        start, end = moved(fact.start), moved(fact.end)
        twin = replace(fact, value=substitution.value(fact.doc_id, fact.type, fact.value), text=new_text[start:end],
                       start=start, end=end)
        if _unwritten(fact, twin, dates):
            raise InputError(f"fact {fact.id}: its value changes in the twin but its text {fact.text!r} could not be "
                             "rewritten", where or None, field="text")
        facts.append(twin)
    return new_text, facts
