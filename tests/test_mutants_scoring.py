"""Scoring, agreement and interval details that mutants showed no test held (docs/mutation.md), each by hand.

Two functions are tested directly because mutmut cannot reach them through
the code that uses them: ``credit`` fills the credit table when
``mention_level`` is imported, and ``_normal_quantile`` is only called by the
cached ``small_sample_allowance``, whose cache the parent process fills.
"""

from __future__ import annotations

import pytest

from bench.data.documents import Document
from bench.data.gold import Gold
from bench.errors import MismatchError
from bench.facts import Count, Fact, Official
from bench.normalize.aliases import AliasTable
from bench.scoring.agreement import agreement
from bench.scoring.cluster_intervals import _normal_quantile, ratio_interval, score_document_intervals
from bench.scoring.fact_level import PRF, fact_outcomes
from bench.scoring.mention_level import SCHEMES, credit, score_mentions
from bench.scoring.near_misses import near_misses, similarity
from bench.scoring.scorer import score_run, score_suite
from bench.scoring.significance import compare_runs

# --- mention credit, from the rules in mention_level's docstring --------------------------------------------------

# (same span, same type) -> credit: strict wants both; exact the span; partial the span for 1, an overlap for 0.5;
# type the type, whatever the overlap.
CREDITS = {
    "strict": {(True, True): 1.0, (True, False): 0.0, (False, True): 0.0, (False, False): 0.0},
    "exact": {(True, True): 1.0, (True, False): 1.0, (False, True): 0.0, (False, False): 0.0},
    "partial": {(True, True): 1.0, (True, False): 1.0, (False, True): 0.5, (False, False): 0.5},
    "type": {(True, True): 1.0, (True, False): 0.0, (False, True): 1.0, (False, False): 0.0},
}


def test_the_credit_of_every_pair_under_every_scheme():
    assert {s: {(span, kind): credit(s, span, kind) for span, kind in CREDITS[s]} for s in SCHEMES} == CREDITS


# --- the normal quantile of the small-sample allowance --------------------------------------------------------------


@pytest.mark.parametrize(("probability", "within"), [(0.6, 1e-12), (0.9, 1e-12), (0.975, 1e-12), (0.995, 1e-12),
                                                     (0.9995, 1e-12), (1 - 1e-7, 1e-9)])
def test_the_normal_quantile_agrees_with_scipy(probability, within):
    """Near 1, erfc loses digits to cancellation, hence the looser bound; Newton still converges there."""
    from scipy.stats import norm

    assert _normal_quantile(probability) == pytest.approx(norm.ppf(probability), rel=within)


def test_a_normal_quantile_out_of_reach_raises_its_one_line():
    with pytest.raises(ArithmeticError) as raised:
        _normal_quantile(0.0)
    assert str(raised.value) == "normal quantile did not converge for p=0.0"


def test_document_intervals_are_taken_at_the_confidence_asked_for():
    """Five documents, 2 of 4 dates found in each, nothing spurious: no spread, so at 90% precision is Clopper–Pearson
    of 10 of 10 (low bound 0.05 ** (1 / 10)), recall of 10 of 20 (scipy), and F1 = 2J / (1 + J) from J = TP / (TP + FP
    + FN) = 10 / 20, the recall interval here; the micro and the macro row (one type) are the date row."""
    from scipy.stats import binomtest

    ref = binomtest(10, 20).proportion_ci(confidence_level=0.9, method="exact")
    rows = score_document_intervals({f"d{i}": {"date": PRF(tp=2, fn=2)} for i in range(5)}, confidence=0.9)
    date = rows["date"]
    assert (date.precision.low, date.precision.high) == (pytest.approx(0.05 ** 0.1, abs=1e-9), 1.0)
    assert (date.recall.low, date.recall.high) == (pytest.approx(ref.low, abs=1e-9), pytest.approx(ref.high, abs=1e-9))
    assert (date.f1.low, date.f1.high) == (pytest.approx(2 * ref.low / (1 + ref.low), abs=1e-9),
                                           pytest.approx(2 * ref.high / (1 + ref.high), abs=1e-9))
    assert rows["micro"] == date == rows["macro"]


def test_the_design_effect_of_a_ratio_interval_is_taken_at_its_confidence():
    """Documents 4, 0, 4, 0, 4 of 4: the design effect is 5 (t_4 / z)**2 with t and z at 90% two-sided (see
    test_cluster_intervals for the 5); the interval is Clopper–Pearson at the effective counts 12 / deff of
    20 / deff."""
    from scipy.stats import beta, norm, t

    deff = 5 * (t.ppf(0.95, 4) / norm.ppf(0.95)) ** 2
    successes, trials = 12 / deff, 20 / deff
    low, high = beta.ppf(0.05, successes, trials - successes + 1), beta.ppf(0.95, successes + 1, trials - successes)
    found = ratio_interval([(4, 4), (0, 4), (4, 4), (0, 4), (4, 4)], confidence=0.9)
    assert (found.low, found.high) == (pytest.approx(low, abs=1e-9), pytest.approx(high, abs=1e-9))


# --- aliases reach mention scores and agreement -----------------------------------------------------------------------

OT = AliasTable.from_json({"agencies": {"Office of Tests": ["OT"]}})
OFFICE = "The Office of Tests said so."  # "Office of Tests" at 4-19


def test_mention_value_accuracy_reads_the_aliases():
    gold = [Fact("d", "agency", "Office of Tests", "Office of Tests", 4, 19)]
    score = score_mentions(gold, [Fact("d", "agency", "OT", "Office of Tests", 4, 19)], OT)
    assert (score.values["agency"].matched, score.values["agency"].correct) == (1, 1)


def test_agreement_reads_the_aliases_of_a():
    """B writes the body by its alias: one body, the same span, no disagreement."""
    a = Gold("1.0.0", "sha256:" + "a" * 64, (Document("d", OFFICE),),
             (Fact("d", "agency", "Office of Tests", "Office of Tests", 4, 19),), OT)
    b = Gold("1.0.0", "sha256:" + "a" * 64, (Document("d", OFFICE),),
             (Fact("d", "agency", "OT", "Office of Tests", 4, 19),), OT)
    result = agreement(a, b)
    assert result.disagreements == () and result.values["agency"].accuracy == 1.0


# --- agreement: the context of a disagreement, the names in its JSON, a document only B has ------------------------

NEAR = "x" * 40 + "May 3" + "y" * 40  # the mention at 40-45, exactly 40 characters on each side
FAR = "x" * 50 + "May 3" + "y" * 50  # 50 on each side: 40 shown, each cut marked "…"
BOTH = (Fact("near", "date", "2024-05-03", "May 3", 40, 45), Fact("far", "date", "2024-05-03", "May 3", 50, 55))


def _gold(texts: dict[str, str], facts: tuple[Fact, ...]) -> Gold:
    documents = tuple(Document(doc_id, text) for doc_id, text in texts.items())
    return Gold("1.0.0", "sha256:" + "a" * 64, documents, facts, AliasTable())


def test_a_disagreement_shows_40_characters_each_side_and_marks_only_a_cut():
    texts = {"near": NEAR, "far": FAR}
    a = _gold(texts, BOTH)
    found = agreement(a, _gold(texts, ()))
    assert [(d.doc_id, d.kind, d.context) for d in found.disagreements] == [
        ("near", "only in A", ("x" * 40, "May 3", "y" * 40)),
        ("far", "only in A", ("…" + "x" * 40, "May 3", "y" * 40 + "…")),
    ]


def test_a_pair_that_differs_in_span_and_value_shows_both_spans_and_sorts_by_where_it_starts():
    """A marks "the day the Harbor Board met" as 3 May, B "the Harbor Board met, 3 May 2024" as 4 May: one pair, span
    and value, shown over both spans. B also marks the Harbor Board, which A does not: inside the pair, so it starts
    after the pair and ends before either of its mentions; disagreements are sorted by where they start."""
    text = "Filed on the day the Harbor Board met, 3 May 2024, in the port."
    a_start, b_start, board = text.index("the day"), text.index("the Harbor"), text.index("Harbor Board")
    a_end, b_end = text.index(", 3 May"), text.index(", in the")
    a_date = Fact("d", "date", "2024-05-03", text[a_start:a_end], a_start, a_end)
    b_date = Fact("d", "date", "2024-05-04", text[b_start:b_end], b_start, b_end)
    b_board = Fact("d", "agency", "Harbor Board", "Harbor Board", board, board + 12)
    found = agreement(_gold({"d": text}, (a_date,)), _gold({"d": text}, (b_date, b_board)))
    assert [(d.kind, d.a, d.b, d.context) for d in found.disagreements] == [
        ("span and value", a_date, b_date, ("Filed on ", "the day the Harbor Board met, 3 May 2024", ", in the port.")),
        ("only in B", None, b_board, ("Filed on the day the ", "Harbor Board", " met, 3 May 2024, in the port.")),
    ]


def test_the_json_of_an_agreement_names_its_two_sets_a_and_b_unless_told():
    texts = {"near": NEAR}
    result = agreement(_gold(texts, ()), _gold(texts, ()), "first annotator", "second annotator")
    assert (result.to_dict()["a"], result.to_dict()["b"]) == ("first annotator", "second annotator")
    unnamed = agreement(_gold(texts, ()), _gold(texts, ()))
    assert (unnamed.to_dict()["a"], unnamed.to_dict()["b"]) == ("A", "B")


def test_a_document_only_b_has_is_refused_without_a_line_when_b_has_no_manifest(tmp_path):
    """Sets built in memory: B's folder holds no manifest, so the error names the file it would be, with no line."""
    a, b = _gold({"near": NEAR}, ()), _gold({"near": NEAR, "extra": FAR}, ())
    with pytest.raises(MismatchError) as raised:
        agreement(a, b, "A", str(tmp_path / "b"))
    assert str(raised.value) == f"{tmp_path / 'b' / 'documents' / 'manifest.jsonl'}: id: document 'extra' is not in A"


def test_a_document_only_a_has_is_refused_naming_b_s_manifest(tmp_path):
    a, b = _gold({"near": NEAR, "extra": FAR}, ()), _gold({"near": NEAR}, ())
    with pytest.raises(MismatchError) as raised:
        agreement(a, b, "A", str(tmp_path / "b"))
    manifest = tmp_path / "b" / "documents" / "manifest.jsonl"
    assert str(raised.value) == f"{manifest}: id: document 'extra' of A is not in {tmp_path / 'b'}"


# --- a mention-level score without intervals --------------------------------------------------------------------------


@pytest.mark.parametrize("level", ["strict", "partial"])
def test_a_mention_level_score_without_intervals_has_none_and_names_no_method(level):
    gold = _gold({"near": NEAR}, (Fact("near", "date", "2024-05-03", "May 3", 40, 45),))
    results = score_run(gold, [Fact("near", "date", "2024-05-03", "May 3", 40, 45)], "toy", "1", level=level, ci=False)
    assert [(row.label, row.ci) for row in results.rows] == [
        ("date", {}), ("headcount", {}), ("user_count", {}), ("agency", {}), ("official", {}), ("micro", {}),
        ("macro", {})]
    assert results.ci_method == ""


# --- the test over documents: its method in words ---------------------------------------------------------------------


def test_three_differing_documents_are_swapped_in_every_one_of_8_ways():
    """A finds the one date of each of three documents, B none: F1 differs by 1; of the 2**3 = 8 swaps only "none" and
    "all" are as extreme, so p = 2 / 8 over documents."""
    gold = {(f"d{i}", "date", f"2024-07-0{i}") for i in (1, 2, 3)}
    result = compare_runs(fact_outcomes(gold, gold), fact_outcomes(gold, set()), "sha256:x", "sha256:x")
    assert result.micro.p_value_documents == 0.25
    assert result.document_method == (
        "exact randomization over documents (every one of the 8 ways to swap whole documents between the runs; "
        "3 documents differ), two-sided; the smallest p possible is 0.25")


def test_the_test_over_documents_is_exact_while_its_2_to_the_k_swaps_fit_in_the_resamples():
    """Three differing documents have 8 swaps: exact with 8 resamples, approximate with 7 (p = (1 + k) / (R + 1))."""
    gold = {(f"d{i}", "date", f"2024-07-0{i}") for i in (1, 2, 3)}
    a, b = fact_outcomes(gold, gold), fact_outcomes(gold, set())
    exact, approximate = (compare_runs(a, b, "sha256:x", "sha256:x", resamples=r) for r in (8, 7))
    assert exact.document_method.startswith("exact randomization over documents (every one of the 8 ways")
    assert exact.micro.p_value_documents == 0.25
    assert approximate.document_method.startswith("approximate randomization over documents")


def test_runs_that_differ_in_no_document_have_one_way_and_a_smallest_p_of_1():
    gold = {("d1", "date", "2024-07-01")}
    result = compare_runs(fact_outcomes(gold, gold), fact_outcomes(gold, gold), "sha256:x", "sha256:x")
    assert result.document_method == (
        "exact randomization over documents (every one of the 1 ways to swap whole documents between the runs; "
        "0 documents differ), two-sided; the smallest p possible is 1")


# --- near misses: how near a wrong value is, by the rules in near_misses' docstring -----------------------------


@pytest.mark.parametrize(("gold", "predicted", "expected"), [
    ("2024-07-20", "2024-07", 0.9),  # a coarser date: a lenient match
    ("2024-07-20", "2024-07-21", 0.6),  # the same month
    ("2024-W29", "2024-W21", 0.3),  # weeks share "2024-W2" but are no month: the same year only
    ("2024-07-20", "2024-03-20", 0.3),  # the same year
    ("2024-07-20", "2023-07-20", 0.0),  # another year
    ("2024-07-20", "Bureau of Maps", 0.0),  # a date and a name
    (Count(40, "eq", "users"), Count(40, "lt", "users"), 0.9),  # the same count
    (Count(100, "eq", "users"), Count(90, "eq", "users"), 0.5),  # within 10% of the larger (exactly 10), same words
    (Count(100, "eq", "users"), Count(89, "eq", "users"), 0.0),  # 11 apart: not within 10%
    (Count(100, "eq", "users"), Count(95, "approx", "users"), 0.0),  # close, but another qualifier
    (Official("Alex Morgan", "Mayor"), Official("Alex Morgan", "Governor"), 0.9),  # the same person
    ("Alex Morgan", "Morgan", 0.7),  # one name's words inside the other's
    ("Bureau of Maps", "Bureau of Roads", pytest.approx(1 / 3)),  # {bureau} of {bureau, maps, roads}
    ("Bureau of Maps", "the U.S.", 0.0),  # only filler words on one side
])
def test_similarity_of_wrong_values(gold, predicted, expected):
    assert similarity(gold, predicted) == expected


def test_a_near_miss_ties_go_to_the_keys_that_sort_first_whatever_the_input_order():
    """"2024-07-21" is as near (same month, 0.6) to the gold 20th as to the 22nd: paired with the 20th; the gold 21st,
    as near to a predicted 20th as to a 22nd, takes the 20th."""
    twentieth, twenty_first, twenty_second = (("d", "date", f"2024-07-{day}") for day in (20, 21, 22))
    one = [(p.gold[2], p.predicted[2]) for p in near_misses([twenty_second, twentieth], [twenty_first])]
    other = [(p.gold[2], p.predicted[2]) for p in near_misses([twenty_first], [twenty_second, twentieth])]
    assert (one, other) == ([("2024-07-20", "2024-07-21")], [("2024-07-21", "2024-07-20")])


def test_a_near_miss_of_the_same_type_comes_before_a_nearer_one_of_another_type():
    """40 employees: 40 users is nearer (0.9) than 44 employees (within 10%: 0.5), but of another type."""
    gold = [("d", "headcount", Count(40, "eq", "employees"))]
    predicted = [("d", "user_count", Count(40, "eq", "users")), ("d", "headcount", Count(44, "eq", "employees"))]
    assert [(p.predicted[1], p.kind) for p in near_misses(gold, predicted)] == [("headcount", "wrong_value")]


# --- score_run: its one-line refusals and what a results file records by default -------------------------------------


def test_score_run_refuses_an_unknown_mode_and_records_its_packages_and_run():
    import platform

    from bench import __version__
    from bench.data.runspec import RunSpec

    gold = _gold({"near": NEAR}, ())
    with pytest.raises(ValueError, match="^mode must be one of "):
        score_run(gold, [], "toy", "1", mode="loose")
    results = score_run(gold, [], "toy", "1", ci=False)
    assert results.packages["python"] == platform.python_version()
    assert results.run == RunSpec("toy", "toy", package_version=__version__)


# --- document intervals of a score over two documents -----------------------------------------------------------------


def test_two_documents_get_document_intervals_that_are_all_undefined():
    """Two documents are enough to compute the intervals over documents, not to define them (five are needed)."""
    texts = {"near": NEAR, "far": FAR}
    gold = _gold(texts, BOTH)
    results = score_run(gold, [Fact("near", "date", "2024-05-03", "May 3", 40, 45)], "toy", "1")
    assert {row.label: row.doc_ci for row in results.rows}["micro"] == {"precision": None, "recall": None, "f1": None}
    assert results.doc_ci_method != ""


# --- a suite's score ------------------------------------------------------------------------------------------------


def test_a_suite_score_carries_its_run_its_suite_its_failures_and_every_prediction():
    """Per-type rows count the source cases; the file keeps every prediction (variants' too) as evidence; intervals
    are on unless asked off."""
    from report_suite import synthetic_suite

    from bench.data.runspec import RunSpec

    suite = synthetic_suite(per_capability=2)
    predictions = list(suite.gold.facts)  # every fact, the variants' too
    failed = suite.source_gold.documents[0].id
    run = RunSpec("toy.py:Toy", "toy", package_version="9")
    results = score_suite(suite, predictions, "toy", "7", failures={failed: "RuntimeError: boom"}, run=run)
    assert (results.extractor, results.extractor_version, results.run) == ("toy", "7", run)
    assert results.suite == {"name": "synthetic", "version": "1.0.0", "hash": "sha256:" + "5" * 64}
    assert results.predictions == tuple(fact.to_dict() for fact in predictions)
    assert [row.doc_id for row in results.documents] == [doc.id for doc in suite.source_gold.documents]
    assert {row.doc_id: row.failure for row in results.documents if row.failure} == {failed: "RuntimeError: boom"}
    assert results.ci_method != "" and all(row.ci for row in results.rows if row.support)
