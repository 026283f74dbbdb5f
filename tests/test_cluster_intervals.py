"""Intervals over documents: design effects worked by hand, Beta and t quantiles from scipy, and the rows they fill.

Closed forms used below: with every document at the same share there is no
spread, the design effect is 1 and the interval is Clopper–Pearson of the
summed counts; with k = n the low bound solves p**n = tail, with k = 0 the
high bound solves (1 - p)**n = tail.
"""

from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.data.documents import Document
from bench.data.gold import Gold
from bench.data.results import Results
from bench.facts import Fact
from bench.normalize.aliases import AliasTable
from bench.presentation.tables import results_table
from bench.scoring.cluster_intervals import (
    DocumentCounts,
    design_effect,
    document_intervals,
    ratio_interval,
    score_document_intervals,
    small_sample_allowance,
)
from bench.scoring.fact_level import PRF
from bench.scoring.intervals import Interval, fact_intervals
from bench.scoring.scorer import score_run

EXACT = 1e-9
T_4 = 2.7764451051977934  # Student's t, 4 degrees of freedom, 0.975 quantile (scipy.stats.t.ppf; tables give 2.776)
Z = 1.959963984540054  # the normal 0.975 quantile


def close(low: float, high: float) -> Interval:
    return Interval(pytest.approx(low, abs=EXACT), pytest.approx(high, abs=EXACT))


def test_documents_all_right_or_all_wrong_count_as_one_trial_each():
    """Five documents of 4 facts, 4, 0, 4, 0, 4 found: r = 12 / 20 = 0.6; residuals 1.6 (three times) and -2.4
    (twice): 3 * 2.56 + 2 * 5.76 = 19.2, times 5 / 4 is 24, over the binomial 0.6 * 0.4 * 20 = 4.8 gives 5;
    then times (t_4 / z)**2."""
    assert design_effect([4, 0, 4, 0, 4], [4] * 5) == pytest.approx(5 * (T_4 / Z) ** 2, rel=1e-12)


def test_the_interval_is_clopper_pearson_at_the_effective_counts():
    from scipy.stats import beta

    deff = 5 * (T_4 / Z) ** 2
    successes, trials = 12 / deff, 20 / deff
    expected = (beta.ppf(0.025, successes, trials - successes + 1), beta.ppf(0.975, successes + 1, trials - successes))
    assert ratio_interval([(4, 4), (0, 4), (4, 4), (0, 4), (4, 4)]) == close(*expected)


def test_no_spread_between_documents_gives_the_per_fact_interval():
    """2 of 4 in each of five documents: deff 1, so Clopper–Pearson of 10 of 20 (scipy)."""
    from scipy.stats import binomtest

    reference = binomtest(10, 20).proportion_ci(method="exact")
    assert design_effect([2] * 5, [4] * 5) == 1.0
    assert ratio_interval([(2, 4)] * 5) == close(reference.low, reference.high)


def test_every_document_perfect_is_no_spread_not_certainty():
    """Five documents, every fact found: not [1, 1] but the per-fact low bound 0.025 ** (1 / 10)."""
    assert ratio_interval([(2, 2)] * 5) == close(0.025 ** 0.1, 1.0)
    assert ratio_interval([(0, 2)] * 5) == close(0.0, 1 - 0.025 ** 0.1)


def test_fewer_than_five_documents_holding_the_ratio_give_none():
    """Documents without the ratio's denominator do not count: four of them hold it, so no interval."""
    assert ratio_interval([(1, 1)] * 4) is None
    assert ratio_interval([(1, 1)] * 4 + [(0, 0)] * 10) is None
    assert ratio_interval([(1, 1)] * 5) is not None


@pytest.mark.parametrize("documents", [5, 6, 20, 43, 3_800])
@pytest.mark.parametrize("confidence", [0.95, 0.99, 0.995])
def test_small_sample_allowance_is_t_over_z_squared(documents, confidence):
    from scipy.stats import norm, t

    tail = (1 + confidence) / 2
    expected = (t.ppf(tail, documents - 1) / norm.ppf(tail)) ** 2
    assert small_sample_allowance(documents, confidence) == pytest.approx(expected, rel=1e-9)


cells = st.lists(st.builds(PRF, st.integers(0, 12), st.integers(0, 6), st.integers(0, 6)), min_size=5, max_size=30)


@settings(max_examples=200, deadline=None)
@given(cells)
def test_a_document_interval_is_never_narrower_than_the_per_fact_one(documents):
    over_documents = document_intervals(DocumentCounts(tuple(documents)))
    per_fact = fact_intervals(sum(documents, PRF()))
    for metric in ("precision", "recall", "f1"):
        wide, narrow = getattr(over_documents, metric), getattr(per_fact, metric)
        if wide is None:  # too few documents hold it (or it is undefined)
            continue
        assert wide.low <= narrow.low + EXACT and narrow.high - EXACT <= wide.high


def test_macro_averages_per_type_bounds_at_bonferroni_confidence_or_states_none():
    """Date found in all of five documents, agency missed in all of five: no spread, so each type's recall is
    Clopper–Pearson at 97.5% (two types): [0.0125 ** (1/5), 1] and [0, 1 - 0.0125 ** (1/5)], averaged."""
    per_document = {f"d{i}": {"date": PRF(tp=1), "agency": PRF(fn=1)} for i in range(5)}
    low = 0.0125 ** 0.2
    assert score_document_intervals(per_document)["macro"].recall == close(low / 2, (1 + 1 - low) / 2)
    per_document["d0"]["official"] = PRF(fn=1)  # a type one document holds: no interval, so no macro either
    rows = score_document_intervals(per_document)
    assert rows["official"].recall is None and rows["macro"].recall is None
    assert rows["micro"].recall is not None


# --- through score_run, the results file and the table ------------------------------------------

DOCS = tuple(Document(f"d{i}", f"It opened on 2024-07-1{i}.") for i in range(5))
FACTS = tuple(Fact(f"d{i}", "date", f"2024-07-1{i}", f"2024-07-1{i}", 13, 23) for i in range(5))
FIVE = Gold("1.0.0", "sha256:" + "0" * 64, DOCS, FACTS, AliasTable())


def test_a_run_on_five_documents_carries_document_intervals():
    results = score_run(FIVE, list(FACTS), "perfect", "1")
    assert results.row("date").doc_ci["recall"] == (pytest.approx(0.025 ** 0.2, abs=EXACT), 1.0)
    assert results.row("official").doc_ci == {"precision": None, "recall": None, "f1": None}
    assert "design effect" in results.doc_ci_method


def test_one_document_or_no_intervals_means_no_document_intervals():
    one = Gold("1.0.0", "sha256:" + "0" * 64, DOCS[:1], FACTS[:1], AliasTable())
    for results in (score_run(one, list(FACTS[:1]), "perfect", "1"), score_run(FIVE, [], "none", "1", ci=False)):
        assert results.doc_ci_method == "" and all(row.doc_ci == {} for row in results.rows)
        assert "docs" not in results_table(results)


def test_document_intervals_round_trip_and_older_files_read_as_having_none():
    results = score_run(FIVE, list(FACTS[:3]), "three", "1")
    raw = json.loads(results.to_json())
    assert Results.from_dict(raw).rows == results.rows
    for row in raw["rows"]:
        del row["doc_ci"]
    del raw["doc_ci_method"]
    older = Results.from_dict(raw)
    assert older.doc_ci_method == "" and older.row("date") == dataclasses.replace(results.row("date"), doc_ci={})


def test_the_table_puts_each_rows_document_intervals_on_the_line_below():
    """Three of five dates found, one a document: r = 0.6, residuals 0.4 (three times) and -0.6 (twice), so
    deff = (3 * 0.16 + 2 * 0.36) * 5 / 4 / (0.6 * 0.4 * 5) = 1.25 times (t_4 / z)**2. J's documents are R's, so
    F1 maps the same interval. Precision: three documents predict, too few. No line for types nobody holds."""
    from scipy.stats import beta

    deff = 1.25 * (T_4 / Z) ** 2
    k, n = 3 / deff, 5 / deff
    low, high = beta.ppf(0.025, k, n - k + 1), beta.ppf(0.975, k + 1, n - k)
    table = results_table(score_run(FIVE, list(FACTS[:3]), "three", "1")).splitlines()
    below = {table[i - 1].split()[0]: line.split() for i, line in enumerate(table) if line.startswith("  ")}
    recall, f1 = f"[{low:.2f}, {high:.2f}]", f"[{2 * low / (1 + low):.2f}, {2 * high / (1 + high):.2f}]"
    assert below == {label: ["5", "docs", *recall.split(), *f1.split()] for label in ("date", "micro", "macro")}
    assert any(line.startswith("Beside each score, its interval per fact") for line in table)
