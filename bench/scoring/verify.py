"""Results files are evidence, not claims: their scores are recomputed from their predictions before they count.

A results file says what its run scored, and it carries the predictions
behind it. ``leaderboard``, ``report``, ``compare`` and ``check --from-results``
believe the file only when its predictions fit the gold they loaded (known
documents, offsets inside the texts, calendar dates) and score, there, exactly
what the file says: every row, per-document count, error, value accuracy,
interval and capability rate. Floats may differ by :data:`TOLERANCE`
(rounding), integers and text not at all. What ran, when, with which packages
and at what cost (the ledger) is not derived from the predictions and is not
checked; nor are the twin figures (``recited``, ``twins``), which need other sets.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from bench.data.gold import Gold
from bench.data.results import Results
from bench.data.scored_on import loaded, refuse_other_sets
from bench.data.validate import span_problems, value_problems
from bench.errors import MismatchError
from bench.facts import Fact

TOLERANCE = 1e-9
DERIVED = ("gold_version", "suite", "rows", "documents", "errors", "value_accuracy", "capabilities", "ci_method",
           "doc_ci_method")
_KEYS = {"rows": "label", "documents": "doc_id", "capabilities": "id"}
_FIRST = ("micro", "macro", "f1", "precision", "recall", "rate", "flip_rate")  # the headline differences first
_ABSENT = object()


def verify_all(results: Sequence[Results], names: Sequence[str], gold: Gold, suite=None) -> None:
    """:func:`verify_results` for each file; files on different sets are refused first, naming each set."""
    if not results:
        return
    refuse_other_sets(results, names, gold, suite)
    for one, name in zip(results, names):
        verify_results(one, name, gold, suite)


def verify_results(results: Results, name: str, gold: Gold, suite=None) -> None:
    """Refuse ``results`` (file ``name``) unless its predictions fit ``gold`` and score there what it says.

    ``gold`` is the set the command loaded; with a capability ``suite``, the suite's gold.

    Raises:
        MismatchError: naming the file and the first field that differs, both values, and the set.
    """
    refuse_other_sets([results], [name], gold, suite)
    facts = _fitting(results, name, gold, suite)
    rescored = _rescored(results, facts, gold, suite)
    found = next(_differences(_derived(results), _derived(rescored), ""), None)
    if found is not None:
        where, said, scored = found
        verb = "score" if all(_is_number(v) or v is None for v in (said, scored)) else "give"
        raise MismatchError(f"the file says {_shown(said, scored)}, its predictions {verb} {_shown(scored, said)} "
                            f"on {loaded(gold, suite).what}", name, field=where)


def _fitting(results: Results, name: str, gold: Gold, suite) -> list[Fact]:
    """The file's predictions as facts, each checked against the texts as a predictions file is."""
    texts = {doc.id: doc.text for doc in gold.documents}
    facts = []
    for index, raw in enumerate(results.predictions):
        found = span_problems(raw, texts)
        if not found:
            facts.append(Fact.from_dict(raw))
            found = value_problems(facts[-1], None)
        if found:
            field, message = found[0]
            raise MismatchError(f"{message}: its predictions do not fit {loaded(gold, suite).what}", name,
                                field=f"predictions[{index}].{field}")
    return facts


def _rescored(results: Results, facts: list[Fact], gold: Gold, suite) -> Results:
    from bench.scoring.scorer import score_run, score_suite

    failures = {doc.doc_id: doc.failure for doc in results.documents if doc.failure is not None}
    how = (results.extractor, results.extractor_version, results.level, results.mode, failures, bool(results.ci_method),
           results.run)
    return score_suite(suite, facts, *how) if suite is not None else score_run(gold, facts, *how)


def _derived(results: Results) -> dict[str, Any]:
    """The fields the predictions determine, as JSON values; rows, documents and capabilities keyed by name."""
    raw = results.to_dict()
    derived = {name: raw.get(name) for name in DERIVED}
    for name, key in _KEYS.items():
        derived[name] = {item[key]: item for item in derived[name] or ()}
    return derived


def _ordered(said: dict, scored: dict) -> list:
    """Keys of both, the headline ones first, then as rescored, then those only the file has."""
    keys = list(dict.fromkeys([*scored, *said]))
    return sorted(keys, key=lambda key: _FIRST.index(key) if key in _FIRST else len(_FIRST))


def _differences(said: Any, scored: Any, where: str) -> Iterator[tuple[str, Any, Any]]:
    """(field, what the file says, what its predictions score) wherever the two differ, depth first."""
    if said == scored:  # the common case, compared at C speed (the schema keeps booleans from posing as numbers)
        return
    if isinstance(said, dict) and isinstance(scored, dict):
        for key in _ordered(said, scored):
            inner = f"{where}[{key}]" if where in _KEYS else (f"{where}.{key}" if where else key)
            yield from _differences(said.get(key, _ABSENT), scored.get(key, _ABSENT), inner)
    elif isinstance(said, list) and isinstance(scored, list):
        for index in range(max(len(said), len(scored))):
            yield from _differences(said[index] if index < len(said) else _ABSENT,
                                    scored[index] if index < len(scored) else _ABSENT, f"{where}[{index}]")
    elif not _same(said, scored):
        yield where, said, scored


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _same(said: Any, scored: Any) -> bool:
    if _is_number(said) and _is_number(scored):
        if isinstance(said, int) and isinstance(scored, int):
            return said == scored
        return abs(said - scored) <= TOLERANCE
    return type(said) is type(scored) and said == scored


def _shown(value: Any, other: Any) -> str:
    """A value as the message shows it: a float to three decimals, more where three would hide the difference."""
    if value is _ABSENT:
        return "nothing"
    if isinstance(value, float):
        text = f"{value:.3f}"
        return repr(value) if _is_number(other) and text == f"{other:.3f}" else text
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."
