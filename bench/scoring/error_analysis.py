"""Error analysis: every error of a run, sorted into one kind, with its place in the article.

Kinds:
  - missed: a gold fact (or mention) nothing accounts for;
  - spurious: a prediction that matches nothing;
  - wrong_value: the mention or fact was found but its canonical value differs
    (a near miss: the right month but not the day, the right count with
    another qualifier, an alias not resolved);
  - wrong_boundary: same type and value, but the span overlaps the gold span
    without being equal (mention level only);
  - wrong_type: a prediction of another type in the gold's place.

The kinds are those of the scorer's outcomes (:mod:`bench.scoring.outcomes`);
this module only reads them and places each error in its article.

Level. When every prediction carries offsets the analysis is at mention level:
the errors of the type scheme's alignment (overlap; same type preferred),
where a pair is wrong_type if the types differ, else wrong_value if the values
differ, else wrong_boundary if the spans differ. Otherwise it is at fact
level, on the distinct facts that :mod:`bench.scoring.fact_level` counts:
after the matches of the score's mode, the near misses
(:mod:`bench.scoring.near_misses`) are wrong_value or wrong_type, the rest
missed or spurious; each is quoted at its first mention.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from bench.facts import Fact, GoldMention, Value, value_to_json
from bench.normalize.aliases import AliasTable
from bench.scoring.fact_level import check_mode, fact_outcomes
from bench.scoring.outcomes import KINDS, Alignment, F, FactOutcomes, Key


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """One error; ``type`` is the gold fact's type, or the prediction's when there is no gold side."""

    kind: str
    level: str
    doc_id: str
    type: str
    gold_value: Value | None = None
    predicted_value: Value | None = None
    predicted_type: str | None = None
    gold_text: str | None = None
    predicted_text: str | None = None
    start: int | None = None
    end: int | None = None
    context: str | None = None

    @property
    def gold_key(self) -> Key:
        """The gold side's (document, type, canonical value); a TypeError (a bug) when the error has none."""
        if self.gold_value is None:
            raise TypeError(f"a {self.kind} error has no gold value")
        return self.doc_id, self.type, self.gold_value

    @property
    def predicted_key(self) -> Key:
        """The prediction's (document, type, canonical value); a TypeError (a bug) when the error has none."""
        if self.predicted_type is None or self.predicted_value is None:
            raise TypeError(f"a {self.kind} error has no prediction")
        return self.doc_id, self.predicted_type, self.predicted_value

    def to_dict(self) -> dict[str, Any]:
        out = {name: getattr(self, name) for name in self.__slots__}
        out["gold_value"] = None if self.gold_value is None else value_to_json(self.gold_value)
        out["predicted_value"] = None if self.predicted_value is None else value_to_json(self.predicted_value)
        return out


def context_window(text: str, start: int, end: int, width: int = 60) -> str:
    """The mention in ``[[ ]]`` with up to ``width`` characters either side, on one line.

    >>> context_window("It opened on 3 May in Lyon.", 13, 18, width=5)
    '…d on [[3 May]] in L…'
    """
    before, after = text[max(0, start - width):start], text[end:end + width]
    line = ("…" if start > width else "") + before + "[[" + text[start:end] + "]]" + after
    return " ".join((line + ("…" if end + width < len(text) else "")).split())


def _record(kind: str, level: str, gold: GoldMention | None, predicted: Fact | None,
            gold_value: Value | None, predicted_value: Value | None, texts: Mapping[str, str]) -> ErrorRecord:
    anchor = gold if gold is not None else predicted
    if anchor is None:
        raise TypeError("an error record needs a gold fact or a prediction")
    text, start, end = texts.get(anchor.doc_id), anchor.start, anchor.end
    if start is None and text is not None and anchor.text and anchor.text in text:
        start = text.index(anchor.text)
        end = start + len(anchor.text)
    context = None if text is None or start is None or end is None else context_window(text, start, end)
    return ErrorRecord(
        kind, level, anchor.doc_id, anchor.type, gold_value, predicted_value,
        predicted.type if predicted is not None else None,
        gold.text if gold is not None else None, predicted.text if predicted is not None else None,
        start, end, context,
    )


def _sorted(records: list[ErrorRecord]) -> list[ErrorRecord]:
    return sorted(records, key=lambda e: (e.doc_id, e.start is None, e.start or 0, e.end or 0, KINDS.index(e.kind),
                                          e.type, repr(e.gold_value), repr(e.predicted_value)))


def mention_errors(alignment: Alignment[GoldMention, Fact], texts: Mapping[str, str],
                   aliases: AliasTable) -> list[ErrorRecord]:
    """The errors of a mention-level alignment (the type scheme's, for error analysis), sorted; values canonical."""
    def value(fact: Fact | None) -> Value | None:
        return None if fact is None else aliases.canonical_value(fact.type, fact.value)

    return _sorted([_record(kind, "mention", gold, predicted, value(gold), value(predicted), texts)
                    for kind, gold, predicted in alignment.errors()])


def first_mentions(facts: Iterable[F], aliases: AliasTable) -> dict[Key, F]:
    """Each distinct fact key with its earliest mention (the one quoted in the listing): gold mentions or predictions."""
    first: dict[Key, F] = {}
    for fact in sorted(facts, key=lambda f: (f.start is None, f.start or 0, f.end or 0, f.text or "", repr(f.value))):
        first.setdefault((fact.doc_id, fact.type, aliases.canonical_value(fact.type, fact.value)), fact)
    return first


def fact_errors(outcomes: FactOutcomes, gold: Mapping[Key, GoldMention], predicted: Mapping[Key, Fact],
                texts: Mapping[str, str]) -> list[ErrorRecord]:
    """The errors of fact-level outcomes, sorted, each quoted at its key's first mention (:func:`first_mentions`)."""
    return _sorted([_record(kind, "fact", None if g is None else gold[g], None if p is None else predicted[p],
                            None if g is None else g[2], None if p is None else p[2], texts)
                    for kind, g, p in outcomes.alignment.errors()])


def analyze(
    gold: Iterable[GoldMention], predicted: Iterable[Fact], texts: Mapping[str, str],
    aliases: AliasTable | None = None, mode: str = "strict", level: str = "auto",
) -> list[ErrorRecord]:
    """Every error of a run, sorted by document, position and kind.

    Args:
        texts: document id -> article text, for the context windows.
        mode: the fact-level mode whose matches are not errors ("strict" or "lenient").
        level: "mention", "fact", or "auto" (mention level when every prediction has offsets).

    >>> text = "Staff fell to 40 on 3 May."
    >>> from bench.facts import DateValue as D
    >>> gold = [GoldMention("d", "date", D("2024-05-03"), "3 May", 20, 25, "1")]
    >>> [e.kind for e in analyze(gold, [Fact("d", "date", D("2024-05-04"), "3 May", 20, 25)], {"d": text})]
    ['wrong_value']
    >>> [(e.kind, e.context) for e in analyze(gold, [], {"d": text})]
    [('missed', 'Staff fell to 40 on [[3 May]].')]
    """
    check_mode(mode)
    gold, predicted, aliases = list(gold), list(predicted), aliases or AliasTable()
    if level == "auto":
        level = "mention" if predicted and all(p.has_span for p in predicted) else "fact"
    if level == "mention":
        # imported here: a fact-level run (the default) never loads the mention modules (8 ms)
        from bench.scoring.mention_level import mention_outcomes

        return mention_errors(mention_outcomes(gold, predicted, aliases, mode).schemes["type"], texts, aliases)
    if level != "fact":
        raise ValueError(f"level must be auto, mention or fact, not {level!r}")
    gold_first, predicted_first = first_mentions(gold, aliases), first_mentions(predicted, aliases)
    return fact_errors(fact_outcomes(set(gold_first), set(predicted_first), mode), gold_first, predicted_first, texts)
