"""Runs for the report tests: the bundled gold's mentions, perturbed by rules that know nothing of the articles.

Each rule acts on a mention's position in the gold list, so every kind of
error appears (missed, wrong value, wrong type, shifted boundary, spurious,
a failed article) without naming any fact of the gold.
"""

from __future__ import annotations

import dataclasses

from bench.data.gold import Gold
from bench.data.results import Results
from bench.facts import Count, Fact, Official
from bench.scoring.scorer import score_run

OTHER_TYPE = {"date": "agency", "headcount": "user_count", "user_count": "headcount", "agency": "date", "official": "agency"}


def _other_value(fact: Fact):
    """A near value: another day of the month, a count 5% off, a longer name."""
    if isinstance(fact.value, Count):
        return Count(fact.value.count + max(1, fact.value.count // 20), fact.value.qualifier, fact.value.unit)
    if isinstance(fact.value, Official):
        return Official(fact.value.name + " Junior", fact.value.title)
    if fact.type == "date":
        return fact.value[:8] + f"{int(fact.value[8:]) % 28 + 1:02d}" if len(fact.value) == 10 else str(int(fact.value[:4]) - 1)
    return fact.value + " Office"


def _retyped(fact: Fact) -> Fact:
    new_type = OTHER_TYPE[fact.type]
    value = {"agency": fact.text or "Bureau of Nothing", "date": "1902-02-02"}.get(new_type)
    if value is None:
        value = Count(3, "eq", "employees" if new_type == "headcount" else "users")
    return dataclasses.replace(fact, type=new_type, value=value)


def perturbed(gold: Gold, step: int) -> list[Fact]:
    """The gold mentions with every ``step``-th missed, the next given another value, the next another
    type, the next a shifted boundary, plus one spurious prediction (with offsets) per article and
    one without offsets in the first article."""
    predictions = []
    for i, fact in enumerate(gold.facts):
        slot = i % step
        if slot == 0:
            continue
        if slot == 1:
            fact = dataclasses.replace(fact, value=_other_value(fact))
        elif slot == 2:
            fact = _retyped(fact)
        elif slot == 3 and fact.has_span and fact.end - fact.start > 3:
            text = next(d.text for d in gold.documents if d.id == fact.doc_id)
            fact = dataclasses.replace(fact, start=fact.start + 1, text=text[fact.start + 1:fact.end])
        predictions.append(dataclasses.replace(fact, id=None))
    for document in gold.documents:
        predictions.append(Fact(document.id, "date", f"19{step:02d}-03-04", document.text[:4], 0, 4))
    predictions.append(Fact(gold.documents[0].id, "agency", "Office of Unplaced Things"))
    return predictions


def run_results(gold: Gold, step: int, name: str, level: str = "fact", mode: str = "strict",
                failed_article: int | None = None) -> Results:
    """Score a perturbed run; ``failed_article`` names the index of an article the extractor failed on."""
    predictions = perturbed(gold, step)
    failures = {}
    if failed_article is not None:
        doc_id = gold.documents[failed_article].id
        predictions = [p for p in predictions if p.doc_id != doc_id]
        failures = {doc_id: "RuntimeError: boom"}
    return score_run(gold, predictions, name, "1.0", level, mode, failures)
