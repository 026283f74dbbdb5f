"""The CI gate: regressions beyond the tolerance, undefined values, gold changes, deliberate updates."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import write_small_gold

from bench.data.results import METRICS, MetricRow, Results
from bench.errors import InputError, MismatchError
from bench.presentation.gate import (
    Baseline,
    Regression,
    check,
    read_baseline,
    recorded,
    update,
)
from bench.presentation.tables import fmt_metric

ROOT = Path(__file__).resolve().parents[1]
HASH_A = "sha256:" + "a" * 64
HASH_B = "sha256:" + "b" * 64


DATE_F1 = 2 * 0.8 * 0.81 / (0.8 + 0.81)  # the harmonic mean of P 0.8 and R 0.81, as a recorded F1 must be


def made(name: str = "mine", date: tuple = (0.8, 0.81, DATE_F1), gold_hash: str = HASH_A, version: str = "1") -> Results:
    rows = (MetricRow("date", 4, 1, 2, 6, *date), MetricRow("official", 0, 0, 0, 0, None, None, None),
            MetricRow("micro", 4, 1, 2, 6, 0.8, 0.6, 2 * 0.8 * 0.6 / 1.4))
    return Results(name, version, "1.0.0", gold_hash, "fact", "strict", rows)


def test_drops_beyond_the_tolerance_are_named():
    baseline = recorded({"mine.py:X": made()}, tolerance=0.01)
    found = check({"mine.py:X": made(date=(0.795, 0.6, 0.4))}, baseline)
    assert found == [Regression("mine.py:X", "date", "recall", 0.81, 0.6, 0.01),
                     Regression("mine.py:X", "date", "f1", DATE_F1, 0.4, 0.01)]
    assert str(found[0]) == "regression: mine.py:X: date recall fell from 0.810 to 0.600 (tolerance 0.01)"
    assert check({"mine.py:X": made(date=(0.795, 0.6, 0.4))}, baseline, tolerance=0.5) == []


def test_a_drop_of_exactly_the_tolerance_passes():
    baseline = recorded({"x": made(date=(0.81, 0.81, 0.81))}, tolerance=0.01)
    assert check({"x": made(date=(0.8, 0.8, 0.8))}, baseline) == []
    assert len(check({"x": made(date=(0.7999, 0.8, 0.8))}, baseline)) == 1


def test_undefined_values():
    baseline = recorded({"x": made(date=(0.5, 0.5, None))})
    assert check({"x": made(date=(0.5, 0.5, 0.1))}, baseline) == []  # recorded undefined: nothing to fall from
    assert check({"x": made(date=(None, 0.5, None))}, baseline) == [Regression("x", "date", "precision", 0.5, None, 0.0)]
    assert str(Regression("x", "date", "precision", 0.5, None, 0.0)).endswith("fell from 0.500 to – (tolerance 0)")


def test_other_gold_is_refused_with_the_update_hint():
    baseline = recorded({"x": made()})
    with pytest.raises(MismatchError) as raised:
        check({"x": made(gold_hash=HASH_B)}, baseline, path="scores.json")
    assert str(raised.value) == (
        f"scores.json: gold_hash: x was scored on gold 1.0.0 ({HASH_B[:19]}) but the baseline records gold 1.0.0 "
        f"({HASH_A[:19]}); if the gold changed on purpose, re-record deliberately: "
        "bench check --baseline scores.json --update")
    with pytest.raises(MismatchError, match="'y' is not tracked"):
        check({"y": made()}, baseline)


def test_update_round_trips_keeps_others_and_leaves_only_its_lock(tmp_path):
    path = tmp_path / "scores.json"
    first = update(path, {"a": made("a"), "b": made("b")}, tolerance=0.02)
    assert read_baseline(path) == first
    second = update(path, {"b": made("b", version="2")})
    assert second == Baseline("1.0.0", HASH_A, "fact", "strict", 0.02, {"a": first.extractors["a"], "b": second.extractors["b"]})
    assert second.extractors["b"].version == "2" and read_baseline(path) == second
    assert sorted(p.name for p in tmp_path.iterdir()) == [".scores.json.lock", "scores.json"]
    with pytest.raises(MismatchError, match=r"re-record every tracked extractor together \(not re-scored: a\)"):
        update(path, {"b": made("b", gold_hash=HASH_B)})


def test_h6_eight_updates_at_once_lose_no_run(tmp_path):
    """Eight ``bench check --update`` processes, each adding its own run to one baseline file: all eight are kept."""
    gold = write_small_gold(tmp_path / "gold")
    plugin, scores = tmp_path / "quiet.py", tmp_path / "scores.json"
    plugin.write_text("".join(f"def quiet{n}(document):\n    return []\n\n" for n in range(8)), encoding="utf-8")
    specs = [f"{plugin}:quiet{n}" for n in range(8)]
    env = {key: value for key, value in os.environ.items() if key != "BENCH_MAX_LINE_BYTES"} | {"PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "bench", "check", "--baseline", str(scores), "--update", "--gold", str(gold), "-e"]
    runs = [subprocess.Popen([*command, spec], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for spec in specs]
    try:
        said = [run.communicate(timeout=120)[1] for run in runs]
    finally:
        for run in runs:
            if run.poll() is None:
                run.kill()
                run.wait()
    assert [run.returncode for run in runs] == [0] * 8, said
    assert all(line.startswith(f"recorded {spec} in {scores} ") for line, spec in zip(said, specs))
    assert sorted(json.loads(scores.read_text(encoding="utf-8"))["extractors"]) == sorted(specs)


def test_bad_baseline_names_the_field(tmp_path):
    path = tmp_path / "scores.json"
    good = recorded({"x": made()}).to_dict()
    good["extractors"]["x"]["scores"]["date"]["f1"] = 1.5
    path.write_text(json.dumps(good), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_baseline(path)
    assert str(raised.value) == (f"{path}: extractors.x.scores.date: expected precision, recall and f1, "
                                 "each a number in [0, 1] or null")


# --- end to end: a deliberately worse extractor fails the gate ----------------------------------------

MONTHS = "January February March April May June July August September October November December".split()
DATES = textwrap.dedent(
    '''
    import re

    MONTHS = {MONTHS!r}
    FULL = re.compile(r"\\b(" + "|".join(MONTHS) + r") (\\d{{1,2}}), (\\d{{4}})\\b")
    YEAR = re.compile(r"(?<![\\d,.])(?:19|20)\\d{{2}}(?![\\d,.]\\d)")

    def extract(doc):
        found = []
        for m in FULL.finditer(doc.text):
            value = f"{{m[3]}}-{{MONTHS.index(m[1]) + 1:02d}}-{{int(m[2]):02d}}"
            found.append({{"doc_id": doc.id, "type": "date", "start": m.start(), "end": m.end(), "value": value}})
        covered = [range(m.start(), m.end()) for m in FULL.finditer(doc.text)]
        for m in YEAR.finditer(doc.text):
            if not any(m.start() in r for r in covered):
                found.append({{"doc_id": doc.id, "type": "date", "start": m.start(), "end": m.end(), "value": m[0]}})
        return found{DROP}
    '''
)


def test_gate_fails_on_an_extractor_that_drops_dates(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)  # the file is rewritten below
    source, scores = tmp_path / "dates.py", tmp_path / "scores.json"
    source.write_text(DATES.format(MONTHS=MONTHS, DROP=""), encoding="utf-8")
    spec = f"{source}:extract"
    recording = cli("check", "--baseline", scores, "--update", "--extractor", spec)
    assert recording.exit_code == 0, recording.stderr
    assert cli("check", "--baseline", scores).exit_code == 0  # same extractor, same scores

    source.write_text(DATES.format(MONTHS=MONTHS, DROP="[:0]"), encoding="utf-8")  # finds no date at all
    result = cli("check", "--baseline", scores)
    assert result.exit_code == 1
    before = json.loads(scores.read_text(encoding="utf-8"))["extractors"][spec]["scores"]
    assert before["date"]["recall"] > 0
    expected = [f"regression: {spec}: {label} {metric} fell from {fmt_metric(before[label][metric])} "
                f"to {'–' if metric == 'precision' else '0.000'} (tolerance 0)"
                for label in ("date", "micro", "macro") for metric in METRICS]
    assert result.stdout.splitlines() == expected
    assert result.stderr == f"check failed: 9 scores below {scores}\n"


def test_cli_refuses_other_gold_and_untracked_names(cli, tmp_path):
    scores = tmp_path / "scores.json"
    baseline = recorded({"nothing-here": made()}).to_dict()
    scores.write_text(json.dumps(baseline), encoding="utf-8")
    untracked = cli("check", "--baseline", scores, "--extractor", "other")
    assert untracked.exit_code == 2
    assert untracked.stderr == ("error: --extractor: not tracked: other (tracked: nothing-here); "
                                "add deliberately with --update\n")
    missing = cli("check", "--baseline", tmp_path / "none.json")
    assert missing.exit_code == 2 and missing.stderr == f"error: {tmp_path / 'none.json'}: cannot read: No such file or directory\n"


def test_cli_refuses_a_baseline_on_other_gold(cli, tmp_path):
    source, scores = tmp_path / "none.py", tmp_path / "scores.json"
    source.write_text("def nothing(doc):\n    return []\n", encoding="utf-8")
    spec = f"{source}:nothing"
    assert cli("check", "--baseline", scores, "--update", "-e", spec).exit_code == 0
    stale = json.loads(scores.read_text(encoding="utf-8"))
    gold_hash, version, stale["gold_hash"] = stale["gold_hash"], stale["gold_version"], HASH_B
    scores.write_text(json.dumps(stale), encoding="utf-8")
    result = cli("check", "--baseline", scores)
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {scores}: gold_hash: {spec} was scored on gold {version} ({gold_hash[:19]}) but the baseline records gold "
        f"{version} ({HASH_B[:19]}); if the gold changed on purpose, re-record deliberately: "
        f"bench check --baseline {scores} --update\n")


# --- a baseline whose numbers no run could give is refused ---------------------------------------------

def _all_rows() -> dict:
    """Scores of a run with every row: date P 1/2 R 1 (F1 2/3), agency P 1 R 1/2 (F1 2/3), headcount gold but no
    predictions, user_count predictions but no gold, official neither; micro of TP 2, FP 2, FN 1."""
    return {
        "date": {"precision": 0.5, "recall": 1.0, "f1": 2 / 3},
        "agency": {"precision": 1.0, "recall": 0.5, "f1": 2 / 3},
        "headcount": {"precision": None, "recall": 0.0, "f1": 0.0},
        "user_count": {"precision": 0.0, "recall": None, "f1": 0.0},
        "official": {"precision": None, "recall": None, "f1": None},
        "micro": {"precision": 0.5, "recall": 2 / 3, "f1": 4 / 7},
        "macro": {"precision": 0.5, "recall": 0.5, "f1": (2 / 3 + 2 / 3) / 4},
    }


def _edited(label: str, metric: str, value):
    scores = _all_rows()
    scores[label][metric] = value
    return scores


@pytest.mark.parametrize(("scores", "field", "message"), [
    (_edited("date", "f1", 0.9), "date.f1", "0.9 does not follow from precision 0.5 and recall 1 (their harmonic mean is 0.666667)"),
    (_edited("headcount", "recall", 0.5), "headcount.recall",
     "0.5 with precision undefined and recall 0.5: without predictions or gold no fact is found"),
    (_edited("user_count", "f1", 0.2), "user_count.f1", "0.2 with precision 0 and recall undefined: F1 is then 0"),
    (_edited("official", "f1", 0.0), "official.f1",
     "0 with precision undefined and recall undefined: F1 is undefined only when both are"),
    ({**_all_rows(), "micro": {"precision": None, "recall": None, "f1": None}}, "micro.precision",
     "undefined is no weighted mean of the fact types' precision (from 0 to 1)"),
    ({**_all_rows(), "user_count": {"precision": None, "recall": None, "f1": None},
      "micro": {"precision": 0.25, "recall": 0.5, "f1": 1 / 3}}, "micro.precision",
     "0.25 is no weighted mean of the fact types' precision (from 0.5 to 1)"),
    (_edited("macro", "f1", 0.5), "macro.f1", "0.5 is not the mean of the fact types' f1 (0.333333)"),
])
def test_impossible_recorded_scores_are_refused(tmp_path, scores, field, message):
    path = tmp_path / "scores.json"
    raw = recorded({"x": made()}).to_dict()
    raw["extractors"]["x"]["scores"] = _all_rows()
    path.write_text(json.dumps(raw), encoding="utf-8")
    assert read_baseline(path).extractors["x"].scores == _all_rows()  # the run as it could be is read
    raw["extractors"]["x"]["scores"] = scores
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_baseline(path)
    assert str(raised.value) == (f"{path}: extractors.x.scores.{field}: {message}: no run gives these numbers; "
                                 "re-record it with --update")


def test_an_impossible_ledger_is_refused_by_check(cli, tmp_path):
    source, scores = tmp_path / "none.py", tmp_path / "scores.json"
    source.write_text("def nothing(doc):\n    return []\n", encoding="utf-8")
    spec = f"{source}:nothing"
    assert cli("check", "--baseline", scores, "--update", "-e", spec).exit_code == 0
    raw = json.loads(scores.read_text(encoding="utf-8"))
    raw["extractors"][spec]["ledger"]["latency"].update(p50=2.0, p95=1.0, max=3.0)
    scores.write_text(json.dumps(raw), encoding="utf-8")
    result = cli("check", "--baseline", scores)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", f"error: {scores}: extractors.{spec}.ledger.latency.p95: 1 is below p50 2: no run gives these numbers; "
               "re-record it with --update\n")
