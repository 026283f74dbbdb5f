"""Recitation on twins: what a memorizer answers is counted, and readers score on twins as on the original."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.data.documents import Document
from bench.data.gold import Gold, load_gold
from bench.data.twins.build import write_twin
from bench.errors import MismatchError
from bench.facts import Count, Fact, Official
from bench.normalize.aliases import AliasTable
from bench.pipeline.run import evaluate
from bench.scoring.recitation import recited, twin_and_source
from bench.scoring.scorer import score_run

SECRETARY = "Secretary of Commerce"


def _gold(names: dict, facts: list[Fact]) -> Gold:
    aliases = AliasTable.from_json({"officials": names, "titles": {SECRETARY: ["Commerce Secretary"]},
                                    "agencies": {"U.S. Department of Commerce": ["Commerce Department"]},
                                    "units": {"employees": ["staff"]}})
    return Gold("1", "h", (Document("a", ""), Document("b", "")), tuple(facts), aliases)


SOURCE = _gold({"Gina Raimondo": ["Raimondo"]}, [
    Fact("a", "official", Official("Gina Raimondo", SECRETARY)), Fact("a", "headcount", Count(50, "lt", "employees")),
    Fact("a", "date", "2024-06"), Fact("a", "agency", "U.S. Department of Commerce"), Fact("b", "date", "2021")])
TWIN = _gold({"Ana Lowe": ["Lowe"]}, [
    Fact("a", "official", Official("Ana Lowe", SECRETARY)), Fact("a", "headcount", Count(68, "lt", "employees")),
    Fact("a", "date", "2025-08"), Fact("a", "agency", "U.S. Department of Commerce"), Fact("b", "date", "2022")])


def test_a_recited_answer_is_a_source_value_the_twin_lacks_counted_once_per_document():
    answers = [
        Fact("a", "official", Official("Raimondo", "Commerce Secretary")),  # the source's, through its aliases
        Fact("a", "official", Official("Gina Raimondo", SECRETARY)),  # the same fact again
        Fact("a", "official", Official("Lowe", SECRETARY)),  # the twin's: read, not recited
        Fact("a", "headcount", Count(50, "lt", "staff")), Fact("a", "headcount", Count(50, "eq", "employees")),
        Fact("a", "agency", "Commerce Department"),  # agencies never change
        Fact("a", "date", "2024-06"), Fact("a", "date", "2021"),  # 2021 is document b's, not a's
        Fact("b", "date", "2021"),
    ]
    found = recited(answers, TWIN, SOURCE)
    assert found.to_dict() == {"date": 2, "headcount": 1, "user_count": 0, "agency": 0, "official": 1, "total": 4}
    assert found.facts == (("a", "date", "2024-06"), ("a", "headcount", Count(50, "lt", "employees")),
                           ("a", "official", Official("Gina Raimondo", SECRETARY)), ("b", "date", "2021"))


class Memorizer:
    """Answers each document with the original gold of its id: all it knows is the five articles' labels."""

    name, version = "memorizer", "1"

    def __init__(self, original: Gold):
        self.original = original

    def extract(self, document: Document) -> list[Fact]:
        return self.original.facts_of(document.id)


def _micro(results):
    return next(row for row in results.rows if row.label == "micro")


@pytest.fixture(scope="module")
def twin_dirs(tmp_path_factory) -> list[Path]:
    made = []
    for seed in range(5):
        target = tmp_path_factory.mktemp(f"twin-{seed}") / "twin"
        write_twin(None, seed, target)
        made.append(target)
    return made


def test_a_memorizer_is_perfect_on_the_original_and_every_answer_it_gets_wrong_on_a_twin_is_recited(twin_dirs):
    original = load_gold()
    memorizer = Memorizer(original)
    perfect = score_run(original, [f for d in original.documents for f in memorizer.extract(d)], "memorizer", "1")
    assert _micro(perfect).f1 == 1.0
    for directory in twin_dirs:
        twin, source = twin_and_source(directory)
        answers = [fact for doc in twin.documents for fact in memorizer.extract(doc)]
        results = score_run(twin, answers, "memorizer", "1")
        assert _micro(results).f1 < 0.2  # only the agencies, which a twin keeps, are right
        found = recited(answers, twin, source)
        wrong = {row.label: row.fp for row in results.rows if row.label not in ("micro", "macro")}
        assert found.to_dict() == {**wrong, "total": _micro(results).fp} and found.total > 30


@pytest.mark.parametrize("extractor", ["regex", "rules"])
def test_readers_score_on_twins_within_their_interval_on_the_original(extractor, twin_dirs):
    low, high = _micro(evaluate(extractor)).ci["f1"]
    scores = [_micro(evaluate(extractor, directory)).f1 for directory in twin_dirs]
    assert all(low <= score <= high for score in scores), (low, high, scores)


def test_a_twin_is_paired_only_with_its_own_source(twin_dirs, tmp_path):
    from twins_sets import write_set

    other = write_set(tmp_path / "other")
    with pytest.raises(MismatchError, match="the twin was made from gold 1.0.0"):
        twin_and_source(twin_dirs[0], other)
    with pytest.raises(MismatchError, match="not a twin set"):
        twin_and_source(other)
