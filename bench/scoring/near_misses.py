"""Near misses at fact level: which wrong prediction stands for which gold fact nothing credits.

After the matches of the score's mode, the fact keys left in a document are
paired one-to-one by :func:`similarity` (greater than 0), closest first, same
type before other types, ties by key: a same-type pair is wrong_value, a
cross-type pair wrong_type; what stays alone is missed or spurious.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from bench.facts import Count, DateValue, Official, Value
from bench.normalize.aliases import date_precision, fold
from bench.scoring.fact_level import lenient_distance
from bench.scoring.outcomes import NONE, Key, Pair, greedy_pairs

_FILLER = {"of", "the", "and", "for", "u", "s", "us"}


def _tokens(value: str | Official) -> set[str]:
    name = value.name if isinstance(value, Official) else value
    return set(fold(name).split()) - _FILLER


def _as_date(value: Value) -> DateValue | None:
    """A value that reads as a date, as one; else None (similarity sees values, not their facts' types)."""
    return DateValue(value) if isinstance(value, str) and date_precision(value) is not None else None


def _date_similarity(gold: DateValue, predicted: DateValue) -> float:
    if lenient_distance("date", gold, predicted) is not None:
        return 0.9
    return 0.6 if gold[:7] == predicted[:7] and "W" not in gold + predicted else 0.3 if gold[:4] == predicted[:4] else 0.0


def similarity(gold: Value, predicted: Value) -> float:
    """How near a wrong value is to a gold value: 0 unrelated, up to 1.

    >>> similarity("2024-07-20", "2024-07-21"), similarity(Count(40, "lt", "users"), Count(40, "eq", "users"))
    (0.6, 0.9)
    >>> similarity("Alex Morgan", "Morgan"), similarity("2024-07-20", "Bureau of Maps")
    (0.7, 0.0)
    """
    if isinstance(gold, Count) or isinstance(predicted, Count):
        if not (isinstance(gold, Count) and isinstance(predicted, Count)):
            return 0.0
        if gold.count == predicted.count:
            return 0.9
        close = abs(gold.count - predicted.count) <= 0.1 * max(gold.count, predicted.count)
        return 0.5 if close and (gold.qualifier, gold.unit) == (predicted.qualifier, predicted.unit) else 0.0
    gold_date, predicted_date = _as_date(gold), _as_date(predicted)
    if gold_date is not None or predicted_date is not None:
        if gold_date is None or predicted_date is None:
            return 0.0
        return _date_similarity(gold_date, predicted_date)
    if isinstance(gold, Official) and isinstance(predicted, Official) and gold.name == predicted.name:
        return 0.9
    left, right = _tokens(gold), _tokens(predicted)
    if not left or not right:
        return 0.0
    shared = len(left & right) / len(left | right)
    return max(shared, 0.7) if shared and (left <= right or right <= left) else shared


def near_misses(gold: Iterable[Key], predicted: Iterable[Key]) -> list[Pair[Key, Key]]:
    """Pair the gold and predicted keys nothing credits, document by document, as wrong_value or wrong_type.

    >>> [(p.gold[2], p.predicted[2], p.kind) for p in near_misses(
    ...     [("d", "date", "2024-07-20")], [("d", "date", "2023-01-01"), ("d", "date", "2024-07-21")])]
    [('2024-07-20', '2024-07-21', 'wrong_value')]
    """
    by_document: dict[str, tuple[list[Key], list[Key]]] = defaultdict(lambda: ([], []))
    for side, keys in enumerate((gold, predicted)):
        for key in keys:
            by_document[key[0]][side].append(key)
    pairs = []
    for gold_keys, predicted_keys in by_document.values():
        candidates = [(g, p, score) for g in gold_keys for p in predicted_keys if (score := similarity(g[2], p[2])) > 0]
        taken = greedy_pairs(candidates, order=lambda c: (-c[2], repr(c[0]), repr(c[1])),
                             first=lambda c: c[0][1] == c[1][1])
        pairs += [Pair(g, p, NONE, "wrong_value" if g[1] == p[1] else "wrong_type") for g, p, _ in taken]
    return pairs
