"""The report's article views at mention level, note by note: mutants of ``html_report/outcomes.py`` that survived.

One hand-made article, scored under the strict and the partial scheme (see
``bench.scoring.mention_level``: strict wants span and type, partial the span
for full credit and an overlap for half). Offsets, kinds, details and counts
are worked out by hand in the comments below.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bench.data.documents import Document
from bench.data.gold import Gold
from bench.facts import Count, Fact, Official
from bench.normalize.aliases import AliasTable
from bench.presentation.html_report import Run
from bench.presentation.html_report.outcomes import (
    ArticleView,
    FactRow,
    Note,
    Tally,
    article_views,
    show_json,
    show_value,
)
from bench.scoring.scorer import score_run

TEXT = "On May 3, 2019 the Office of Tests said twelve staff left Larkport on Friday."
#       0123456789012345678901234567890123456789012345678901234567890123456789012345678
#       "May 3, 2019" 3-14, "Office of Tests" 19-34 ("Tests" 29-34), "twelve" 40-46, "Larkport" 58-66, "Friday" 70-76
GOLD = Gold("1.0.0", "sha256:" + "d" * 64, (Document("d", TEXT, dt.date(2019, 5, 6)),), (
    Fact("d", "date", "2019-05-03", "May 3, 2019", 3, 14),
    Fact("d", "agency", "Office of Tests", "Office of Tests", 19, 34),
    Fact("d", "headcount", Count(12, "eq", "employees"), "twelve", 40, 46),
    Fact("d", "date", "2019-05-10", "Friday", 70, 76),  # nothing predicted here: missed
), AliasTable())
PREDICTED = (
    Fact("d", "date", "2019-05-04", "May 3, 2019", 3, 14),  # same span and type, another value
    Fact("d", "agency", "Office of Tests", "Tests", 29, 34),  # inside the gold agency, same type
    Fact("d", "user_count", Count(12, "eq", "users"), None, 40, 46),  # the headcount's span as another type, no text
    Fact("d", "official", Official("Larkport", "Mayor"), "Larkport", 58, 66),  # no gold there: spurious
)
MISSED = Note(0, "missed", "date", "", 70, 76)
SPURIOUS = Note(0, "spurious", "official", "official: Larkport (Mayor)", 58, 66, False)
VALUE_DIFFERS = Note(0, "value_differs", "date", "2019-05-04", 3, 14)  # the predicted value, shown


def view(level: str):
    """Run 0 predicts PREDICTED, run 1 nothing: each run's notes, spans and counts are its own."""
    runs = [Run(name, score_run(GOLD, predicted, name, "1", level=level, ci=False))
            for name, predicted in (("toy", PREDICTED), ("none", ()))]
    return article_views(GOLD, runs)["d"]


OFFICE = "The Office of Tests said so."  # "Office of Tests" at 4-19
NOTHING_FOUND = {Note(1, "missed", f.type, "", f.start, f.end) for f in GOLD.facts}  # run 1


def test_strict_notes_a_value_that_differs_a_boundary_a_type_and_what_is_missed_or_spurious():
    """Strict: the date is correct (TP 1) with another value; the agency (another span) and the headcount (another
    type) are incorrect, a FN and a FP each; the official is a FP, Friday a FN: TP 1, FP 3, FN 3."""
    found = view("strict")
    assert set(found.notes) == {MISSED, SPURIOUS, VALUE_DIFFERS, *NOTHING_FOUND,
                                Note(0, "wrong_boundary", "agency", "“Tests”", 19, 34),  # quoted as written
                                Note(0, "wrong_type", "headcount", "user_count: eq 12 users", 40, 46)}  # no text: value
    assert len(found.notes) == 5 + 4
    assert sorted(found.predicted_spans) == [(29, 34, 0), (40, 46, 0), (58, 66, 0)]  # every prediction not correct
    assert found.tallies == {0: Tally(1.0, 3.0, 3.0), 1: Tally(0.0, 0.0, 4.0)} and found.has_errors()


def test_partial_notes_half_credit_and_takes_a_same_span_of_another_type_as_correct():
    """Partial: the date and the headcount (same spans; the type does not count) are correct, the agency half:
    TP 1 + 1 + 0.5, FP 0.5 + 1 (the official), FN 0.5 + 1 (Friday)."""
    found = view("partial")
    assert set(found.notes) == {MISSED, SPURIOUS, VALUE_DIFFERS, Note(0, "partial", "agency", "“Tests”", 19, 34),
                                *NOTHING_FOUND}
    assert len(found.notes) == 4 + 4
    assert sorted(found.predicted_spans) == [(29, 34, 0), (58, 66, 0)]
    assert found.tallies == {0: Tally(2.5, 1.5, 1.5), 1: Tally(0.0, 0.0, 4.0)}


@pytest.mark.parametrize("level", ["strict", "partial"])
def test_at_mention_level_an_article_without_mentions_counts_zero(level):
    gold = Gold("1.0.0", "sha256:" + "d" * 64, (*GOLD.documents, Document("e", "Nothing happened.")), GOLD.facts,
                AliasTable())
    found = article_views(gold, [Run("toy", score_run(gold, PREDICTED, "toy", "1", level=level, ci=False))])["e"]
    assert (found.notes, found.predicted_spans, found.tallies) == ([], [], {0: Tally(0.0, 0.0, 0.0)})


def test_of_two_predictions_on_one_span_the_one_with_the_gold_value_by_its_alias_is_paired():
    """Both on "Office of Tests" (19-34): through the aliases "the Tests Office" is the gold's body, so it is paired
    (correct, nothing to note) and "Office of Trade" is spurious; without them the tie would go by position, where
    "'Office of Trade'" sorts before "'the Tests Office'"."""
    gold = Gold("1.0.0", "sha256:" + "d" * 64, GOLD.documents, GOLD.facts[1:2],
                AliasTable.from_json({"agencies": {"Office of Tests": ["the Tests Office"]}}))
    guesses = [Fact("d", "agency", "Office of Trade", "Office of Tests", 19, 34),
               Fact("d", "agency", "the Tests Office", "Office of Tests", 19, 34)]
    found = article_views(gold, [Run("toy", score_run(gold, guesses, "toy", "1", level="strict", ci=False))])["d"]
    assert found.notes == [Note(0, "spurious", "agency", "agency: Office of Trade", 19, 34, False)]


@pytest.mark.parametrize("level", ["strict", "partial"])
@pytest.mark.parametrize(("table", "name"), [({"Office of Tests": ["OT"]}, "OT"), ({}, "OFFICE OF TESTS")],
                         ids=["an alias", "a name the table lacks, folded"])
def test_a_name_that_canonicalizes_to_the_gold_value_is_no_value_that_differs(level, table, name):
    """The agency predicted exactly, under a name whose canonical value is the gold's: correct, nothing to note."""
    aliases = AliasTable.from_json({"agencies": table})
    gold = Gold("1.0.0", "sha256:" + "d" * 64, GOLD.documents, GOLD.facts[1:2], aliases)
    results = score_run(gold, [Fact("d", "agency", name, "Office of Tests", 19, 34)], "toy", "1", level=level, ci=False)
    found = article_views(gold, [Run("toy", results)])["d"]
    assert (found.notes, found.predicted_spans, found.tallies) == ([], [], {0: Tally(1.0, 0.0, 0.0)})
    assert not found.has_errors()


# --- fact level: one row per distinct fact, notes anchored at its first mention ---------------------------------

LONG = ("On May 3, 2019 the Office of Tests said twelve staff left Larkport on Friday, the Port Board said. "
        "By May 3 it was done.")
# "May 3, 2019" 3-14, "Office of Tests" 19-34, "twelve" 40-46, "Larkport" 58-66, "Friday" 70-76, "Port Board" 82-92,
# "May 3" again 102-107
FACTS = Gold("1.0.0", "sha256:" + "e" * 64, (Document("d", LONG), Document("e", "Nothing happened.")), (
    Fact("d", "date", "2019-05-03", "May 3, 2019", 3, 14),
    Fact("d", "agency", "Office of Tests", "Office of Tests", 19, 34),
    Fact("d", "headcount", Count(12, "eq", "employees"), "twelve", 40, 46),
    Fact("d", "date", "2019-06-07", "Friday", 70, 76),
    Fact("d", "date", "2019-05-03", "May 3", 102, 107),  # the first date again: one fact, two mentions
), AliasTable())  # no alias table: names compare folded ("office of tests")
GUESSES = (
    Fact("d", "date", "2019-05-04", "May 3, 2019", 3, 14),  # nearest the first date (same month): wrong value
    Fact("d", "agency", "office of tests", "Office of Tests", 19, 34),  # folds to the gold's: found
    Fact("d", "user_count", Count(12, "eq", "users"), None, 40, 46),  # the headcount's count, as users: wrong type
    Fact("d", "official", Official("Larkport", "Mayor"), "Larkport", 58, 66),  # spurious
    Fact("d", "agency", "Port Board", "Port Board", 82, 92),  # spurious
    Fact("d", "date", "2020-01-01"),  # spurious, no offsets and no text; Friday (June 2019) stays missed
)


def fact_views(mode: str = "strict", second: tuple[Fact, ...] = GUESSES[1:2]):
    """Run 0 guesses GUESSES, run 1 (failed on document e) only the agency."""
    runs = [Run("one", score_run(FACTS, GUESSES, "one", "1", mode=mode, ci=False)),
            Run("two", score_run(FACTS, second, "two", "1", mode=mode, failures={"e": "RuntimeError: boom"}, ci=False))]
    return article_views(FACTS, runs)


def test_fact_level_notes_rows_spans_and_counts_of_an_article():
    found = fact_views()["d"]
    wrong_value = Note(0, "wrong_value", "date", "2019-05-04", 3, 14)  # at the first mention, not the one at 102
    wrong_type = Note(0, "wrong_type", "headcount", "user_count: eq 12 users", 40, 46)
    missed = Note(0, "missed", "date", "", 70, 76)
    larkport = Note(0, "spurious", "official", "official: Larkport (Mayor)", 58, 66, False)
    board = Note(0, "spurious", "agency", "agency: Port Board", 82, 92, False)
    unplaced = Note(0, "spurious", "date", "date: 2020-01-01", None, None, False)
    run_two = {Note(1, "missed", t, "", start, end) for t, start, end in
               (("date", 3, 14), ("headcount", 40, 46), ("date", 70, 76))}
    assert set(found.notes) == {wrong_value, wrong_type, missed, larkport, board, unplaced, *run_two}
    assert len(found.notes) == 6 + 3
    assert found.facts == [  # gold in text order, then what only a run predicted, by where it stands, unplaced last
        FactRow("date", "2019-05-03", "May 3, 2019", True, (wrong_value, Note(1, "missed", "date", "", 3, 14))),
        FactRow("agency", "Office of Tests", "Office of Tests", True, ()),
        FactRow("headcount", "eq 12 employees", "twelve", True,
                (wrong_type, Note(1, "missed", "headcount", "", 40, 46))),
        FactRow("date", "2019-06-07", "Friday", True, (missed, Note(1, "missed", "date", "", 70, 76))),
        FactRow("official", "Larkport (Mayor)", "Larkport", False, (larkport,)),
        FactRow("agency", "Port Board", "Port Board", False, (board,)),
        FactRow("date", "2020-01-01", "", False, (unplaced,)),
    ]
    assert sorted(found.predicted_spans) == [(3, 14, 0), (40, 46, 0), (58, 66, 0), (82, 92, 0)]  # wrong, with offsets
    # distinct facts: run 0 finds the agency (TP 1), five keys credit nothing (FP 5), three gold facts are not found
    assert found.tallies == {0: Tally(1, 5, 3), 1: Tally(1, 0, 3)} and found.failures == {}


def test_an_article_without_facts_counts_zero_and_shows_a_failure():
    found = fact_views()["e"]
    assert (found.notes, found.facts, found.predicted_spans) == ([], [], [])
    assert found.tallies == {0: Tally(0, 0, 0), 1: Tally(0, 0, 0)}
    assert found.failures == {1: "RuntimeError: boom"} and found.has_errors()


def test_a_lenient_run_is_read_in_its_own_mode():
    """"2019-05", a coarser date, matches the first date in lenient mode only."""
    coarse = (Fact("d", "date", "2019-05", "May 3, 2019", 3, 14),)
    strict, lenient = (fact_views(mode, coarse)["d"] for mode in ("strict", "lenient"))
    assert (strict.tallies[1], lenient.tallies[1]) == (Tally(0, 1, 4), Tally(1, 0, 3))
    assert Note(1, "wrong_value", "date", "2019-05", 3, 14) in strict.notes
    assert [n for n in lenient.notes if n.run == 1 and n.fact_type == "date" and n.start == 3] == []


def test_only_the_articles_asked_for_are_viewed():
    assert list(fact_views_of(["e"])) == ["e"]
    assert list(fact_views_of(None)) == ["d", "e"]


def fact_views_of(documents):
    return article_views(FACTS, [Run("one", score_run(FACTS, GUESSES, "one", "1", ci=False))], documents)


def test_without_runs_each_article_lists_its_gold_facts():
    found = article_views(FACTS, [])["d"]
    assert [(row.fact_type, row.value, row.text, row.in_gold, row.notes) for row in found.facts] == [
        ("date", "2019-05-03", "May 3, 2019", True, ()), ("agency", "Office of Tests", "Office of Tests", True, ()),
        ("headcount", "eq 12 employees", "twelve", True, ()), ("date", "2019-06-07", "Friday", True, ())]
    assert (found.notes, found.tallies, found.has_errors()) == ([], {}, False)


@pytest.mark.parametrize(("tally", "errors"), [(Tally(1, 1, 0), True), (Tally(1, 0, 1), True), (Tally(1, 0, 0), False)])
def test_an_article_has_errors_when_a_run_has_a_false_positive_or_a_false_negative(tally, errors):
    assert ArticleView("d", tallies={0: tally}).has_errors() is errors


def test_values_for_people():
    assert (show_value(None), show_json("date", None)) == ("–", "–")
    assert show_json("headcount", {"count": 3, "qualifier": "eq", "unit": "users"}) == "eq 3 users"
    # a value that does not fit its type: its JSON, keys sorted, non-ASCII as written
    assert show_json("headcount", {"unit": "Bürger", "count": "drei"}) == '{"count": "drei", "unit": "Bürger"}'


def test_spurious_facts_stand_where_they_start_and_one_without_text_shows_none():
    """Of two spurious facts at 0 and 1 the one at 0 comes first though its type sorts after the other's; a
    prediction may come without its text."""
    gold = Gold("1.0.0", "sha256:" + "f" * 64, (Document("d", "Ada Board met."),),
                (Fact("d", "date", "2019-05-03", "met", 10, 13),), AliasTable())
    guesses = [Fact("d", "official", Official("Ada", "Mayor"), "Ada", 0, 3),
               Fact("d", "agency", "Ada Board", None, 1, 9)]
    found = article_views(gold, [Run("toy", score_run(gold, guesses, "toy", "1", ci=False))])["d"]
    assert [(row.fact_type, row.text, row.in_gold) for row in found.facts] == [
        ("date", "met", True), ("official", "Ada", False), ("agency", "", False)]


def test_a_missed_body_is_noted_on_its_row_and_at_its_mention():
    """No alias table: the body's canonical value is its folded name, "office of tests"; the note still finds the
    gold mention, whose value is written "Office of Tests"."""
    gold = Gold("1.0.0", "sha256:" + "f" * 64, (Document("d", OFFICE),),
                (Fact("d", "agency", "Office of Tests", "Office of Tests", 4, 19),), AliasTable())
    found = article_views(gold, [Run("toy", score_run(gold, [], "toy", "1", ci=False))])["d"]
    missed = Note(0, "missed", "agency", "", 4, 19)
    assert found.facts == [FactRow("agency", "Office of Tests", "Office of Tests", True, (missed,))]
    assert found.notes == [missed]
