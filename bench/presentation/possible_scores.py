"""What a baseline file may record: scores and a ledger that some run could have had.

``bench check --update`` writes each tracked run's precision, recall and F1 per
row, at full float precision, and its ledger's summary. A file whose numbers no
run could give (edited by hand, or made elsewhere) is refused, naming the first
impossible field, rather than gating against it. Within a row, as the scorers
define them (:mod:`bench.scoring.fact_level`, :class:`~bench.scoring.mention_counts.MentionCounts`):

- F1 is undefined exactly when P and R both are; P undefined (no predictions)
  leaves R at 0 or undefined, and R undefined (no gold) leaves P at 0 or
  undefined; with one of them undefined, F1 is 0;
- with both defined, F1 is their harmonic mean (0 when both are 0).

Across rows, when every fact type has its row: micro P and R are weighted
means of the types' (so they lie between the smallest and the largest
defined one, undefined when none is), and macro P, R and F1 are the plain
means of the types' defined values. Latencies are 0 or more and ordered
p50 <= p95 <= max; no more documents are timed than were run.
Numbers may differ from what they follow from by :data:`SLACK` (float rounding).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import chain

from bench.data.ledger import Ledger
from bench.facts import FACT_TYPES

SLACK = 1e-6
Scores = Mapping[str, Mapping[str, "float | None"]]


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= SLACK


def _shown(value: float | None) -> str:
    return "undefined" if value is None else f"{value:g}"


def _row_problems(label: str, precision: float | None, recall: float | None, f1: float | None) -> Iterator[tuple[str, str]]:
    """(field, message) where one row's P, R and F1 contradict each other."""
    said = f"precision {_shown(precision)} and recall {_shown(recall)}"
    if precision is None and recall is None:
        if f1 is not None:
            yield f"{label}.f1", f"{_shown(f1)} with {said}: F1 is undefined only when both are"
        return
    if precision is None or recall is None:
        defined, name = (recall, "recall") if precision is None else (precision, "precision")
        if defined is not None and not _close(defined, 0.0):
            yield f"{label}.{name}", f"{_shown(defined)} with {said}: without predictions or gold no fact is found"
        elif f1 is None or not _close(f1, 0.0):
            yield f"{label}.f1", f"{_shown(f1)} with {said}: F1 is then 0"
        return
    expected = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    if f1 is None or not _close(f1, expected):
        yield f"{label}.f1", f"{_shown(f1)} does not follow from {said} (their harmonic mean is {expected:.6g})"


def _mean(values: list[float | None]) -> float | None:
    defined = [value for value in values if value is not None]
    return sum(defined) / len(defined) if defined else None


def _across_rows(scores: Scores) -> Iterator[tuple[str, str]]:
    """(field, message) where micro or macro contradicts the fact types' rows (all of them recorded)."""
    for metric in ("precision", "recall", "f1"):
        values = [scores[fact_type][metric] for fact_type in FACT_TYPES]
        defined = [value for value in values if value is not None]
        micro = scores["micro"][metric]
        if metric != "f1" and not _weighted_mean(micro, defined):  # micro F1 follows from micro P and R (its row)
            span = f"from {min(defined):g} to {max(defined):g}" if defined else "all undefined"
            yield f"micro.{metric}", f"{_shown(micro)} is no weighted mean of the fact types' {metric} ({span})"
        if "macro" in scores and not _same(scores["macro"][metric], _mean(values)):
            yield (f"macro.{metric}",
                   f"{_shown(scores['macro'][metric])} is not the mean of the fact types' {metric} ({_shown(_mean(values))})")


def _weighted_mean(value: float | None, defined: list[float]) -> bool:
    """Whether ``value`` can be a weighted mean of the ``defined`` values (undefined exactly when there are none)."""
    if value is None or not defined:
        return value is None and not defined
    return min(defined) - SLACK <= value <= max(defined) + SLACK


def _same(value: float | None, expected: float | None) -> bool:
    if value is None or expected is None:
        return value is expected
    return _close(value, expected)


def score_problems(scores: Scores) -> Iterator[tuple[str, str]]:
    """(field under ``scores``, message) for each contradiction; the metrics are numbers in [0, 1] or None already.

    >>> next(score_problems({"micro": {"precision": 0.5, "recall": 1.0, "f1": 0.9}}))
    ('micro.f1', '0.9 does not follow from precision 0.5 and recall 1 (their harmonic mean is 0.666667)')
    """
    for label, metrics in scores.items():
        if label != "macro":
            yield from _row_problems(label, metrics["precision"], metrics["recall"], metrics["f1"])
    if all(fact_type in scores for fact_type in FACT_TYPES):
        yield from _across_rows(scores)


def ledger_problems(ledger: Ledger) -> Iterator[tuple[str, str]]:
    """(field under the ledger, message) for each figure no run could have had.

    >>> from bench.data.ledger import Machine
    >>> next(ledger_problems(Ledger(4, 1.0, 4, 0.5, 0.2, 0.9, None, None, Machine("cpu", 2, "3.11"))))
    ('latency.p95', '0.2 is below p50 0.5')
    """
    if ledger.documents < 0 or ledger.seconds < 0:
        yield "documents" if ledger.documents < 0 else "seconds", "expected 0 or more"
    if not 0 <= ledger.timed <= ledger.documents:
        yield "latency.timed", f"{ledger.timed} documents timed of {ledger.documents} run"
    latencies = {"p50": ledger.p50, "p95": ledger.p95, "max": ledger.max}
    for name, value in latencies.items():
        if value is not None and not (isinstance(value, (int, float)) and value >= 0):  # NaN fails too
            yield f"latency.{name}", f"expected 0 or more, got {value!r}"
            return
    for low, high in (("p50", "p95"), ("p95", "max")):
        below, above = latencies[low], latencies[high]
        if below is not None and above is not None and above < below:
            yield f"latency.{high}", f"{above:g} is below {low} {below:g}"


def first_impossible(scores: Scores, ledger: Ledger | None) -> tuple[str, str] | None:
    """(field under the tracked run: ``scores.LABEL.METRIC`` or ``ledger....``, message) of the first impossible
    number of a tracked run, or None."""
    found = chain((("scores." + field, message) for field, message in score_problems(scores)),
                  (("ledger." + field, message) for field, message in (ledger_problems(ledger) if ledger else ())))
    return next(found, None)
