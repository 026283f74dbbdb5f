"""``recited`` and ``twins`` in results files: additive (older files load, plain runs write neither), schema-checked."""

from __future__ import annotations

import json

import pytest

from bench.data.results import MetricRow, Results, read_results, write_results
from bench.data.twin_results import Difference, Recited, TwinRun, TwinsSummary
from bench.errors import InputError

HASH = "sha256:" + "a" * 64
RECITED = Recited({"date": 3, "headcount": 0, "user_count": 1, "agency": 0, "official": 2}, "1.0.0", HASH, 4)
TWINS = TwinsSummary("t over twins", (TwinRun(1, "1.0.0+twin.1.aaaaaaaaaaaa", HASH, {"date": 0.5, "micro": None},
                                              {"date": 1, "headcount": 0, "user_count": 0, "agency": 0, "official": 0}),),
                     (Difference("date", -0.25, None, 1), Difference("micro", None, None, 0)))


def _results(**extra) -> Results:
    return Results("x", "1", "1.0.0", HASH, "fact", "strict", (MetricRow("micro", 1, 0, 0, 1, 1.0, 1.0, 1.0),), **extra)


def test_a_plain_run_writes_neither_field_and_an_older_file_reads_as_having_none(tmp_path):
    plain = _results().to_dict()
    assert "recited" not in plain and "twins" not in plain
    read = Results.from_dict(plain)
    assert (read.recited, read.twins) == (None, None)


def test_recited_and_twins_survive_a_round_trip_through_a_checked_file(tmp_path):
    path = tmp_path / "r.json"
    results = _results(recited=RECITED, twins=TWINS)
    write_results(results, path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["recited"] == {"source_version": "1.0.0", "source_hash": HASH, "seed": 4,
                              "counts": {"date": 3, "headcount": 0, "user_count": 1, "agency": 0, "official": 2},
                              "total": 6}
    assert raw["twins"]["differences"][0] == {"label": "date", "mean": -0.25, "ci": None, "twins": 1}
    assert read_results(path) == results


def test_the_schema_refuses_a_malformed_recited(tmp_path):
    path = tmp_path / "r.json"
    raw = _results(recited=RECITED).to_dict()
    raw["recited"]["counts"]["dates"] = 1
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(InputError, match="recited"):
        read_results(path)
