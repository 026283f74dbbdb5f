"""Refusals about mixed sets name the set of each side and the option that loads it."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pytest

from bench.data import scored_on
from bench.data.bundled import gold_directory
from bench.data.gold import load_gold
from bench.data.results import Results, write_results
from bench.errors import MismatchError
from bench.scoring.scorer import score_run

SUITE_HASH = "sha256:" + "5" * 64


@pytest.fixture(scope="module")
def sets():
    """The two bundled sets, loaded once."""
    return {name: load_gold(gold_directory(name)) for name in ("articles", "wikinews")}


def _results(gold, **changes) -> Results:
    return replace(score_run(gold, [], "nothing", "1", ci=False), **changes)


def _suite_results(gold) -> Results:
    return _results(gold, gold_hash=SUITE_HASH, suite={"name": "capabilities", "version": "1.0.0", "hash": SUITE_HASH})


@pytest.fixture()
def shipped_suite(monkeypatch):
    """The shipped suite as scored_on sees it (its hash and seed), without loading 3,800 cases."""
    monkeypatch.setattr(scored_on, "_shipped_suite", lambda: SimpleNamespace(hash=SUITE_HASH, seed=0))


def test_results_on_a_bundled_set_name_it_and_its_option(cli, sets, tmp_path):
    write_results(_results(sets["wikinews"]), tmp_path / "w.json")
    done = cli("compare", tmp_path / "w.json", tmp_path / "w.json")
    version, articles = sets["wikinews"].version, sets["articles"].version
    assert (done.exit_code, done.stderr) == (2, f"error: {tmp_path / 'w.json'}: gold_hash: scored on wikinews (gold "
                                                f"{version}), not on articles (gold {articles}), which was loaded: load "
                                                "its set with --gold wikinews\n")


def test_suite_results_name_the_suite_and_suite_capabilities(cli, sets, shipped_suite, tmp_path):
    write_results(_suite_results(sets["articles"]), tmp_path / "s.json")
    expected = (f"gold_hash: scored on the shipped suite capabilities 1.0.0, seed 0, not on articles (gold "
                f"{sets['articles'].version}), which was loaded: load its set with --suite capabilities\n")
    for named, command in ((tmp_path / "s.json", ("report", "--html", tmp_path / "r.html", tmp_path / "s.json")),
                           (tmp_path / "s.json", ("compare", tmp_path / "s.json", tmp_path / "s.json")),
                           ("s.json", ("leaderboard", tmp_path / "s.json"))):  # the board names files by name
        done = cli(*command)
        assert (done.exit_code, done.stderr) == (2, f"error: {named}: {expected}"), command[0]
    assert not (tmp_path / "r.html").exists()


def test_a_suite_built_from_another_seed_is_loaded_by_its_directory(sets, monkeypatch):
    monkeypatch.setattr(scored_on, "_shipped_suite", lambda: SimpleNamespace(hash="sha256:" + "6" * 64, seed=0))
    named = scored_on.scored_on(_suite_results(sets["articles"]))
    assert named == scored_on.SetName("suite capabilities 1.0.0 (sha256:555555555555), not the one shipped with this "
                                      "factbench (seed 0): built from another seed, or an older version",
                                      "--suite DIR (the directory bench suite build wrote)")


def test_a_twin_names_its_source_and_seed(sets):
    wikinews = sets["wikinews"]
    version = f"{wikinews.version}+twin.3.{wikinews.hash.removeprefix('sha256:')[:12]}"
    named = scored_on.scored_on(_results(wikinews, gold_version=version, gold_hash="sha256:" + "7" * 64))
    assert named == scored_on.SetName(f"a twin of wikinews (seed 3, gold {version})",
                                      "--gold DIR (the directory bench twins build wrote)")


def test_the_loaded_side_is_named_by_its_path_or_its_suite_and_seed(small_gold, sets):
    directory = small_gold()
    gold = load_gold(directory)
    assert scored_on.loaded(gold) == scored_on.SetName(f"{directory} (gold 0.1.0)", f"--gold {directory}")
    built = SimpleNamespace(name="capabilities", version="1.0.0", seed=8127)
    assert scored_on.loaded(gold, built) == scored_on.SetName(f"suite capabilities 1.0.0, seed 8127 ({directory})",
                                                              f"--suite {directory}")
    with pytest.raises(MismatchError, match=rf"scored on articles \(gold {sets['articles'].version}\), not on suite "
                                            r"capabilities 1\.0\.0, seed 8127 \(.*\), which was loaded: load its set "
                                            r"with --gold articles$"):
        scored_on.refuse_other_sets([_results(sets["articles"])], ["a.json"], gold, built)
