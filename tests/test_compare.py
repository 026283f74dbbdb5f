"""bench compare at the files' level and mode: mention schemes scored as scored, mixed levels refused.

On the small gold set of the tests (tests/conftest.py), whose five date mentions
are "4 June 2023", "Friday", "August" and "2024" (rail) and "1 May 2023" (ferry),
and eleven mentions in all, run A predicts "4 June 2023" and "Friday" exactly and
"Aug" (the first three letters of "August", value 2023-08); run B predicts
"4 June 2023" only. Counted by hand:

- strict (same span and type): A's "Aug" is incorrect, a miss and a false
  positive: date TP 2, FP 1, FN 3, F1 = 4 / 8 = 0.500; B: TP 1, FN 4,
  F1 = 2 / 6 = 0.333. Micro: A 4 / (4 + 1 + 9) = 0.286, B 2 / (2 + 10) = 0.167.
- type (overlap, same type): "Aug" is correct: A date TP 3, FN 2, F1 = 6 / 8 = 0.750.
- partial: "Aug" earns half: TP 2.5, FP 0.5, FN 2.5, F1 = 5 / 8 = 0.625.
- fact level: A finds 2023-06-04, 2023-06-02 and 2023-08 of the five distinct
  dates: F1 = 6 / 8 = 0.750, not strict's 0.500.
Only the rail document differs between the runs: over documents, the exact
test has two swaps, both as extreme, p = 1.
"""

from __future__ import annotations

import json

import pytest
from conftest import SMALL_TEXTS

from bench.data.gold import load_gold
from bench.data.results import read_results
from bench.errors import MismatchError
from bench.facts import Fact, Official
from bench.normalize.aliases import AliasTable
from bench.scoring.compare import compare_results, mention_units
from bench.scoring.mention_level import mention_outcomes


def _date(doc: str, surface: str, value: str, length: int | None = None) -> dict:
    start = SMALL_TEXTS[doc][0].index(surface)
    end = start + (length or len(surface))
    return {"doc_id": doc, "type": "date", "value": value, "text": SMALL_TEXTS[doc][0][start:end], "start": start, "end": end}


RUN_A = [_date("rail", "4 June 2023", "2023-06-04"), _date("rail", "Friday", "2023-06-02"),
         _date("rail", "August", "2023-08", length=3)]
RUN_B = [_date("rail", "4 June 2023", "2023-06-04")]


@pytest.fixture()
def scored(cli, small_gold, write_jsonl, tmp_path):
    """Score both runs at ``level`` on the small gold; returns (gold directory, path of A, path of B)."""
    gold = small_gold()
    predictions = {"a": write_jsonl("a.jsonl", RUN_A), "b": write_jsonl("b.jsonl", RUN_B)}

    def score(level: str, mode: str = "strict") -> tuple:
        paths = []
        for name, path in predictions.items():
            out = tmp_path / f"{name}-{level}-{mode}.json"
            done = cli("score", path, "--gold", gold, "--level", level, "--mode", mode, "--no-ci", "-o", out)
            assert done.exit_code == 0, done.stderr
            paths.append(out)
        return gold, *paths

    return score


def _rows(stdout: str) -> dict[str, list[str]]:
    return {line.split()[0]: line.split()[1:] for line in stdout.splitlines()
            if line.split() and line.split()[0] in ("date", "micro", "macro", "agency")}


@pytest.mark.parametrize(("level", "date_a", "micro_a"), [
    ("strict", "0.500", "0.286"), ("type", "0.750", "0.429"), ("fact", "0.750", "0.429"),
])
def test_compare_scores_at_the_files_level(cli, scored, level, date_a, micro_a):
    gold, a, b = scored(level)
    done = cli("compare", a, b, "--gold", gold, "--resamples", "99")
    assert done.exit_code == 0, done.stderr
    rows = _rows(done.stdout)
    assert rows["date"][:2] == [date_a, "0.333"] and rows["micro"][:2] == [micro_a, "0.167"]
    assert rows["date"][3] == "1.000"  # one document differs: two swaps, both as extreme
    scheme = "fact level" if level == "fact" else f"mention level, {level} scheme"
    assert done.stdout.splitlines()[0].endswith(f"· {scheme}, strict values")


def test_compare_at_the_partial_level_tests_over_documents_only(cli, scored):
    gold, a, b = scored("partial")
    done = cli("compare", a, b, "--gold", gold, "--resamples", "99", "--format", "json")
    assert done.exit_code == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["level"], data["mode"]) == ("partial", "strict")
    assert data["per_type"]["date"]["f1_a"] == pytest.approx(0.625)
    assert data["per_type"]["date"]["p_value"] is None and data["per_type"]["date"]["p_value_documents"] == 1.0


def _units(gold, predicted, scheme: str, aliases=None) -> dict[str, tuple[int, int, int]]:
    """(TP, FP, FN) per type of the units compare swaps."""
    alignment = mention_outcomes(gold, predicted, aliases or AliasTable()).schemes[scheme]
    totals: dict[str, list[int]] = {}
    for (_, fact_type), counts in mention_units(alignment, scheme, "strict").counts().items():
        totals[fact_type] = [a + b for a, b in zip(totals.get(fact_type, [0, 0, 0]), counts)]
    return {fact_type: tuple(counts) for fact_type, counts in totals.items()}


def test_the_f1_of_the_units_is_the_results_files(scored):
    """At every mention scheme, the units compare swaps give the scorer's F1 per type."""
    for level in ("strict", "exact", "partial", "type"):
        gold_dir, a, _ = scored(level)
        gold, results = load_gold(gold_dir), read_results(a)
        units = _units(gold.facts, [Fact.from_dict(p) for p in results.predictions], level, gold.aliases)
        for row in results.rows[:5]:
            tp, fp, fn = units.get(row.label, (0, 0, 0))
            expected = None if 2 * tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn)
            assert expected == pytest.approx(row.f1), (level, row.label)


def test_mention_units_file_a_cross_type_prediction_as_the_scheme_does():
    gold = [Fact("d", "agency", "Office of Rail Standards", "Rail Standards", 10, 24)]
    predicted = [Fact("d", "official", Official("Ada Quill", "Director"), "Rail Standards", 10, 24)]
    assert _units(gold, predicted, "strict") == {"agency": (0, 0, 1), "official": (0, 1, 0)}  # agency recall, official precision
    assert _units(gold, predicted, "exact") == {"agency": (1, 0, 0)}  # exact ignores the type
    assert _units(gold, [Fact("d", "agency", "Office of Rail Standards", "Rail", 10, 14)], "partial") == {"agency": (1, 1, 1)}


def test_files_of_different_levels_are_refused_as_the_leaderboard_refuses_them(cli, scored):
    gold, fact_a, _ = scored("fact")
    _, _, strict_b = scored("strict")
    done = cli("compare", fact_a, strict_b, "--gold", gold)
    assert done.exit_code == 2
    assert done.stderr == (f"error: {strict_b}: level: level 'strict' differs from {fact_a}'s 'fact': runs are "
                           "compared only when scored alike; score both with --level fact (or both with --level strict)\n")
    board = cli("leaderboard", fact_a, strict_b, "--gold", gold)
    assert board.exit_code == 2 and board.stderr.startswith(f"error: {strict_b.name}: level: level 'strict' differs")


def test_files_of_different_modes_are_refused(scored):
    gold_dir, strict_a, _ = scored("fact")
    _, _, lenient_b = scored("fact", "lenient")
    with pytest.raises(MismatchError, match=r"b-fact-lenient\.json: mode: mode 'lenient' differs from a\.json's 'strict'"):
        compare_results(read_results(strict_a), read_results(lenient_b), ["a.json", str(lenient_b.name)],
                        load_gold(gold_dir))
