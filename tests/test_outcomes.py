"""The scorer's outcomes: the one greedy walk, the counts derived from them, and the kinds of the items, by hand."""

from __future__ import annotations

from bench.facts import Count, Fact, Official
from bench.scoring.fact_level import fact_outcomes
from bench.scoring.mention_level import mention_outcomes
from bench.scoring.near_misses import near_misses
from bench.scoring.outcomes import Alignment, FactOutcomes, Pair, greedy_pairs

# --- the one walk ----------------------------------------------------------------------------------

def test_the_walk_takes_candidates_in_order_one_to_one():
    """g1-p2 (order 1) goes first; g1-p1 then finds g1 taken, g2-p2 finds p2 taken."""
    candidates = [("g1", "p1", 2), ("g1", "p2", 1), ("g2", "p2", 3), ("g2", "p3", 4)]
    assert greedy_pairs(candidates, order=lambda c: c[2]) == [("g1", "p2", 1), ("g2", "p3", 4)]
    assert greedy_pairs(candidates) == [("g1", "p1", 2), ("g2", "p2", 3)]  # as given


def test_the_walk_takes_what_first_accepts_ahead_keeping_the_order_within_each_part():
    candidates = [("g1", "p1", "late"), ("g1", "p2", "early"), ("g2", "p1", "early")]
    assert greedy_pairs(candidates, first=lambda c: c[2] == "early") == [("g1", "p2", "early"), ("g2", "p1", "early")]
    assert greedy_pairs([], order=len, first=bool) == []


# --- counts derived from an alignment --------------------------------------------------------------

def test_an_alignment_counts_credit_and_errors():
    """One full, one partial, one incorrect pair, one missed, two spurious: TP 1.5, FP 1.5 + 2, FN 1.5 + 1."""
    alignment = Alignment((Pair("a", "x", 1.0), Pair("b", "y", 0.5, "wrong_boundary"), Pair("c", "z", 0.0, "wrong_type")),
                          ("d",), ("u", "v"))
    assert (alignment.credit, alignment.false_positives, alignment.false_negatives) == (1.5, 3.5, 2.5)
    assert alignment.errors() == [("missed", "d", None), ("spurious", None, "u"), ("spurious", None, "v"),
                                  ("wrong_boundary", "b", "y"), ("wrong_type", "c", "z")]
    assert [pair.outcome for pair in alignment.pairs] == ["correct", "partial", "incorrect"]
    assert Alignment().credit == 0.0 and isinstance(Alignment().credit, float)


# --- fact level ------------------------------------------------------------------------------------

D1 = "2025-03-14"


def test_fact_outcomes_count_per_document_and_type():
    """d: one date found, one missed, one stray agency; e: one official found. Cells sorted by (doc, type)."""
    gold = {("d", "date", D1), ("d", "date", "2025-04"), ("e", "official", Official("Pat Lee", "Mayor"))}
    predicted = {("d", "date", D1), ("d", "agency", "Office of Maps"), ("e", "official", Official("Pat Lee", "Mayor"))}
    outcomes = fact_outcomes(gold, predicted)
    assert outcomes.counts() == {("d", "agency"): (0, 1, 0), ("d", "date"): (1, 0, 1), ("e", "official"): (1, 0, 0)}
    assert outcomes.credited_gold == outcomes.credited_predicted == {("d", "date", D1), ("e", "official", Official("Pat Lee", "Mayor"))}


def test_fact_alignment_pairs_near_misses_same_type_first_and_caches_itself():
    """Left over in d: gold date 2025-03-14 and user count 40; predicted date 2025-03-15 (same month: 0.6),
    a headcount of 40 (a count of the same number: 0.9, but of another type) and an agency. The date pair is
    a wrong value; the count pair, across types, a wrong type; the agency stays spurious."""
    gold = {("d", "date", D1), ("d", "user_count", Count(40, "eq", "users"))}
    predicted = {("d", "date", "2025-03-15"), ("d", "headcount", Count(40, "eq", "employees")),
                 ("d", "agency", "Office of Maps")}
    outcomes = fact_outcomes(gold, predicted)
    alignment = outcomes.alignment
    assert alignment.pairs == (
        Pair(("d", "date", D1), ("d", "date", "2025-03-15"), 0.0, "wrong_value"),
        Pair(("d", "user_count", Count(40, "eq", "users")), ("d", "headcount", Count(40, "eq", "employees")), 0.0,
             "wrong_type"),
    )
    assert (alignment.missed, alignment.spurious) == ((), (("d", "agency", "Office of Maps"),))
    assert outcomes.alignment is alignment
    assert outcomes.counts() == {("d", "agency"): (0, 1, 0), ("d", "date"): (0, 1, 1), ("d", "headcount"): (0, 1, 0),
                                 ("d", "user_count"): (0, 0, 1)}


def test_lenient_pairs_are_credited_and_not_errors():
    outcomes = fact_outcomes({("d", "date", D1)}, {("d", "date", "2025-03")}, "lenient")
    assert outcomes.alignment == Alignment((Pair(("d", "date", D1), ("d", "date", "2025-03"), 1.0),), (), ())
    strict = fact_outcomes({("d", "date", D1)}, {("d", "date", "2025-03")}, "strict")
    assert strict.alignment.errors() == [("wrong_value", ("d", "date", D1), ("d", "date", "2025-03"))]


def test_near_misses_stay_within_a_document_and_need_some_likeness():
    """A date in e is no near miss of a date in d; an unrelated name (likeness 0) pairs with nothing."""
    assert near_misses([("d", "date", D1)], [("e", "date", D1)]) == []
    assert near_misses([("d", "agency", "Office of Maps")], [("d", "agency", "Bureau of Ports")]) == []


def test_fact_outcomes_keep_their_sets_as_given():
    gold, predicted = {("d", "date", D1)}, {("d", "date", D1)}
    outcomes = fact_outcomes(gold, predicted)
    assert outcomes.gold is gold and outcomes.predicted is predicted
    assert outcomes == FactOutcomes("strict", gold, predicted, {("d", "date", D1)})


# --- mention level ---------------------------------------------------------------------------------

def test_mention_kinds_judge_type_then_value_then_boundary_and_value_follows_the_mode():
    """At 0-5 a date predicted as an agency; at 10-20 a date whose month only is predicted, on a shorter span; at
    30-35 the right date on the right span. Lenient mode forgives the month; nothing forgives the boundary."""
    gold = [Fact("d", "date", "2025-01-02", start=0, end=5), Fact("d", "date", D1, start=10, end=20),
            Fact("d", "date", "2025-05-06", start=30, end=35)]
    predicted = [Fact("d", "agency", "Office of Maps", start=0, end=5), Fact("d", "date", "2025-03", start=10, end=15),
                 Fact("d", "date", "2025-05-06", start=30, end=35)]
    kinds = {mode: [pair.kind for pair in mention_outcomes(gold, predicted, mode=mode).schemes["type"].pairs]
             for mode in ("strict", "lenient")}
    assert kinds == {"strict": ["wrong_type", "wrong_value", None], "lenient": ["wrong_type", "wrong_boundary", None]}


def test_exact_and_partial_pair_alike_and_credit_apart():
    gold, predicted = [Fact("d", "date", D1, start=0, end=10)], [Fact("d", "date", D1, start=0, end=4)]
    schemes = mention_outcomes(gold, predicted).schemes
    assert [(s, schemes[s].pairs[0].credit) for s in schemes] == [("strict", 0.0), ("exact", 0.0), ("partial", 0.5),
                                                                ("type", 1.0)]
    assert {pair.kind for s in schemes for pair in schemes[s].pairs} == {"wrong_boundary"}


def test_predictions_without_offsets_are_counted_apart():
    outcomes = mention_outcomes([], [Fact("d", "date", D1), Fact("d", "date", D1, start=0, end=3)])
    assert outcomes.unscored == 1 and [f.start for f in outcomes.schemes["strict"].spurious] == [0]
