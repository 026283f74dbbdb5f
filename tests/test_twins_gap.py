"""The difference twin - original: Student's t quantiles against scipy, intervals by hand, the summary of a run."""

from __future__ import annotations

import math

import pytest
from scipy import stats

from bench.data.results import MetricRow, Results
from bench.data.twin_results import Difference, Recited, TwinRun
from bench.scoring.twin_gap import mean_interval, t_quantile, twins_summary


@pytest.mark.parametrize("df", [1, 2, 3, 4, 9, 30, 200])
@pytest.mark.parametrize("probability", [0.9, 0.975, 0.995])
def test_t_quantiles_match_scipy(df, probability):
    assert t_quantile(probability, df) == pytest.approx(stats.t.ppf(probability, df), rel=1e-9)


def test_the_interval_is_the_mean_plus_minus_t_times_the_standard_error():
    # differences -0.10, -0.20, -0.30: mean -0.2, s = 0.1, standard error 0.1 / sqrt(3); t(0.975, 2) = 4.302653
    mean, (low, high) = mean_interval([-0.1, -0.2, -0.3])
    half = 4.302652729749464 * 0.1 / math.sqrt(3)
    assert (mean, low, high) == (pytest.approx(-0.2), pytest.approx(-0.2 - half), pytest.approx(-0.2 + half))


def test_an_interval_never_leaves_minus_one_to_one_and_needs_two_twins():
    # 0.9 and 0.7: mean 0.8, standard error 0.1, t(0.975, 1) = 12.706205: 0.8 + 1.27 is cut at 1
    assert mean_interval([0.9, 0.7]) == (pytest.approx(0.8), (pytest.approx(0.8 - 1.2706204736), 1.0))
    assert mean_interval([-0.9, -0.1]) == (pytest.approx(-0.5), (-1.0, 1.0))
    assert mean_interval([0.25]) == (0.25, None)
    assert mean_interval([]) == (None, None)


def _results(f1: dict[str, float | None], recited: Recited | None = None, version: str = "1.0.0") -> Results:
    rows = tuple(MetricRow(label, 0, 0, 0, 1, value, value, value) for label, value in f1.items())
    return Results("x", "1", version, "sha256:" + "0" * 64, "fact", "strict", rows, recited=recited)


def test_a_summary_pairs_each_row_with_the_original_and_leaves_out_undefined_rows():
    original = _results({"date": 0.8, "agency": None, "micro": 0.6})
    first = _results({"date": 0.6, "agency": 0.5, "micro": 0.5},
                     Recited({"date": 2, "official": 1}, "1.0.0", "sha256:" + "1" * 64, 1), "1.0.0+twin.1.111111111111")
    second = _results({"date": 0.8, "agency": 1.0, "micro": None},
                      Recited({"date": 0}, "1.0.0", "sha256:" + "1" * 64, 2), "1.0.0+twin.2.111111111111")
    summary = twins_summary(original, [(1, first), (2, second)])
    assert summary.seeds == (1, 2)
    assert summary.runs[0] == TwinRun(1, "1.0.0+twin.1.111111111111", "sha256:" + "0" * 64,
                                      {"date": 0.6, "agency": 0.5, "micro": 0.5}, {"date": 2, "official": 1}, 0)
    assert summary.runs[0].recited_total == 3 and summary.runs[1].recited_total == 0
    # date: differences -0.2 and 0.0, mean -0.1, s = 0.141421, half-width 12.706205 * 0.141421 / sqrt(2) = 1.27
    assert summary.difference("date") == Difference("date", pytest.approx(-0.1), (-1.0, 1.0), 2)
    assert summary.difference("agency") == Difference("agency", None, None, 0)  # undefined on the original
    assert summary.difference("micro") == Difference("micro", pytest.approx(-0.1), None, 1)  # one twin defines it
