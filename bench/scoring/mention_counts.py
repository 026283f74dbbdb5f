"""The outcome counts of mention-level scoring, per scheme and type, and value accuracy.

Each count is kept on the gold side (recall) and the prediction side
(precision); :mod:`bench.scoring.mention_level` files every pair so that the
credit of a row is the same on both sides, hence P = TP/(TP+FP),
R = TP/(TP+FN) and F1 = 2TP/(2TP+FP+FN) with TP = correct + 0.5 partial.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class MentionCounts:
    """Outcomes of one scheme, counted on the gold side (recall) and the prediction side (precision)."""

    gold_correct: int = 0
    gold_incorrect: int = 0
    gold_partial: int = 0
    missed: int = 0
    pred_correct: int = 0
    pred_incorrect: int = 0
    pred_partial: int = 0
    spurious: int = 0

    @property
    def possible(self) -> int:
        return self.gold_correct + self.gold_incorrect + self.gold_partial + self.missed

    @property
    def actual(self) -> int:
        return self.pred_correct + self.pred_incorrect + self.pred_partial + self.spurious

    @property
    def precision(self) -> float | None:
        return (self.pred_correct + 0.5 * self.pred_partial) / self.actual if self.actual else None

    @property
    def recall(self) -> float | None:
        return (self.gold_correct + 0.5 * self.gold_partial) / self.possible if self.possible else None

    @property
    def f1(self) -> float | None:
        precision, recall = self.precision, self.recall
        if precision is None or recall is None:
            return None if precision is None and recall is None else 0.0
        return 2 * (precision * recall) / (precision + recall) if precision + recall > 0 else 0.0

    def __add__(self, other: MentionCounts) -> MentionCounts:
        return MentionCounts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def to_dict(self) -> dict[str, Any]:
        counts = {f.name: getattr(self, f.name) for f in fields(self)}
        return {**counts, "precision": self.precision, "recall": self.recall, "f1": self.f1}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> MentionCounts:
        return cls(**{f.name: raw[f.name] for f in fields(cls)})


@dataclass(frozen=True, slots=True)
class ValueAccuracy:
    """Span-and-type-matched mentions (``matched``) and those whose canonical value agrees (``correct``)."""

    matched: int = 0
    correct: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.matched if self.matched else None

    def __add__(self, other: ValueAccuracy) -> ValueAccuracy:
        return ValueAccuracy(self.matched + other.matched, self.correct + other.correct)

    def to_dict(self) -> dict[str, Any]:
        return {"matched": self.matched, "correct": self.correct, "accuracy": self.accuracy}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> ValueAccuracy:
        return cls(raw["matched"], raw["correct"])


@dataclass(frozen=True, slots=True)
class MentionScore:
    """Per scheme and type, the outcome counts; per type, value accuracy; predictions without offsets left out."""

    schemes: dict[str, dict[str, MentionCounts]]
    values: dict[str, ValueAccuracy]
    unscored: int = 0

    def overall(self, scheme: str) -> MentionCounts:
        return sum(self.schemes[scheme].values(), MentionCounts())

    @property
    def value_overall(self) -> ValueAccuracy:
        return sum(self.values.values(), ValueAccuracy())

    def to_dict(self) -> dict[str, Any]:
        """JSON form; ``overall`` and the ratios are derived and ignored by :meth:`from_dict`."""
        return {
            "schemes": {s: {t: c.to_dict() for t, c in per_type.items()} for s, per_type in self.schemes.items()},
            "overall": {s: self.overall(s).to_dict() for s in self.schemes},
            "values": {t: v.to_dict() for t, v in self.values.items()},
            "value_overall": self.value_overall.to_dict(),
            "unscored": self.unscored,
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> MentionScore:
        return cls(
            {s: {t: MentionCounts.from_dict(c) for t, c in per_type.items()} for s, per_type in raw["schemes"].items()},
            {t: ValueAccuracy.from_dict(v) for t, v in raw["values"].items()},
            raw["unscored"],
        )
