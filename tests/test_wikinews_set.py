"""The bundled wikinews set: its double annotation before adjudication and its GUM cross-check hold what its README reports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.data.gold import load_gold
from bench.scoring.agreement import agreement
from bench.scoring.crosscheck import crosscheck, load_crosscheck

SET = Path(__file__).resolve().parent.parent / "gold" / "wikinews"
README = (SET / "README.md").read_text(encoding="utf-8")

# The figures gold/wikinews/README.md reports; a change to the labels that lowers one fails here.
AGREEMENT = {"date": (0.987, 0.991), "agency": (0.980, 0.980), "official": (1.000, 1.000), "all": (0.988, 0.990)}
SHARES = {"time": (305, 348), "organization": (43, 76), "person": (124, 167)}


@pytest.fixture(scope="module")
def passes(tmp_path_factory):
    """Passes A and B as two gold sets over the shipped texts."""
    sets = []
    for name in ("a", "b"):
        directory = tmp_path_factory.mktemp(name)
        shutil.copytree(SET / "documents", directory / "documents")
        for part in ("facts.jsonl", "aliases.json"):
            shutil.copy(SET / "passes" / name / part, directory / part)
        shutil.copy(SET / "VERSION", directory / "VERSION")
        sets.append(load_gold(directory))
    return sets


def test_pre_adjudication_agreement_is_what_the_readme_reports(passes):
    result = agreement(*passes, "A", "B")
    for label, (exact, overlap) in AGREEMENT.items():
        got = (result.total("exact"), result.total("overlap")) if label == "all" else \
            (result.exact[label], result.overlap[label])
        assert (round(got[0].f1, 3), round(got[1].f1, 3)) == (exact, overlap), label
        assert f"| {label} |" in README and f"{exact:.3f} | {overlap:.3f}" in README, label
    assert result.total("overlap").f1 >= 0.90  # the goal


def test_gum_crosscheck_holds_the_reported_shares_and_leaves_nothing_unexplained():
    mentions, config = load_crosscheck(SET)
    result = crosscheck(mentions, load_gold(SET).facts, config)
    for etype, (covered, total) in SHARES.items():
        coverage = result[etype]
        assert coverage.unexplained == ()
        assert coverage.total == total, etype
        assert len(coverage.covered) >= covered, etype
        assert f"{covered}/{total}" in README, etype
    assert all(rule.strip() for cov in result.values() for _, rule in cov.excluded)


def test_every_exclusion_names_a_guideline_section():
    _, config = load_crosscheck(SET)
    assert config["excluded"] and all(item["rule"].startswith("§") for item in config["excluded"])
