"""A capability suite on the report: rates, flips and means side by side, shaded and linked; cases grouped once each."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest
from page_tree import parse
from report_data import embedded, listed, records
from report_suite import perturbed_run, synthetic_suite
from test_report import GOLD, PREDICTED

from bench.presentation.html_report import Run, build_report
from bench.scoring.scorer import score_run, score_suite


def _row(cid: str, kind: str, context: bool, failures: int, cases: int, ci, examples=(), **extra) -> dict:
    return {"id": cid, "kind": kind, "context": context, "cases": cases, "failures": failures, "rate": failures / cases,
            "ci": list(ci), "examples": list(examples), **extra}


EXAMPLE = {"doc_id": "d1", "expected": ["date: 2019-05-03"], "predicted": ["date: 2019"]}
ROWS = (
    _row("date.absolute", "MFT", False, 2, 10, (0.05, 0.5), [EXAMPLE], frames=4, side_errors=1),
    _row("context.quoted", "MFT", True, 6, 10, (0.3, 0.85)),
    _row("agency.negatives", "negative", False, 0, 10, (0.0, 0.3)),
    _row("inv.names", "INV", False, 4, 10, (0.1, 0.7), flipped=3, flip_base=8, flip_rate=0.375, flip_ci=[0.1, 0.7]),
    _row("dir.number", "DIR", False, 2, 10, (0.02, 0.55), flipped=2),  # an older file: a bare count of flips
)


@pytest.fixture(scope="module")
def hand_made():
    results = score_run(GOLD, PREDICTED, "toy", "1", ci=False)
    runs = [Run("second", dataclasses.replace(results, capabilities=ROWS[:2])),  # ties with first: by label, after it
            Run("first", dataclasses.replace(results, capabilities=ROWS))]
    return build_report(GOLD, runs)


def _cells(page, cid: str) -> list:
    return page.find("table", cls="caps").find("tr", data_cap=cid).find_all("td")


def test_each_rate_prints_its_value_interval_count_step_and_bar(hand_made):
    page = parse(hand_made)
    header = [th.text() for th in page.find("table", cls="caps").find("thead").find_all("th")]
    assert header == ["capability", "cases", "firstfailure rate", "secondfailure rate", "firstflip rate", "secondflip rate"]
    cases, toy, _, toy_flip, _ = _cells(page, "date.absolute")
    assert cases.text() == "10" and toy.classes == {"n", "rate", "r2"}  # 0.2: the step from 0.15 to 0.30
    assert toy.find("span", cls="bar").attrs["style"] == "width:20.0%"
    assert toy.find("a").text() == "0.200" and toy.find("span", cls="ci").text() == "0.05–0.50"
    assert toy.find("small").text() == "2 of 10 failed" and toy.attrs["data-sort"] == "0.200000"
    assert toy.find("a").attrs["href"] == "#cases?cap=date.absolute&run=0"  # the results name its failing case
    assert not toy_flip.find_all("span") and toy_flip.text() == "–"  # an MFT has no flips
    _, context, _, _, _ = _cells(page, "context.quoted")
    assert context.classes == {"n", "rate", "r4"} and not context.find_all("a")  # no failing case named: no link
    _, none, missing, _, _ = _cells(page, "agency.negatives")
    assert none.classes == {"n", "rate", "r0"} and none.find("span", cls="bar").attrs["style"] == "width:0.0%"
    assert missing.text() == "–"  # the second run was not scored on it
    _, _, _, flip, _ = _cells(page, "inv.names")
    assert flip.classes == {"n", "rate", "r3"} and flip.find("small").text() == "3 of 8 flipped"
    assert flip.text().startswith("0.375 0.10–0.70")
    _, _, _, bare, _ = _cells(page, "dir.number")
    assert bare.classes == {"n", "rate"} and bare.text() == "–2 flipped" and bare.attrs["data-sort"] == "-1"


def test_context_and_other_means_per_run(hand_made):
    means = {row.find("th").text(): [td.text() for td in row.find_all("td")]
             for row in parse(hand_made).find("table", cls="means").find_all("tr")[1:]}
    # by hand: context 0.6; the others (MFT and negative, no variants): (0.2 + 0.0) / 2
    assert means == {"first": ["0.600", "0.100"], "second": ["0.600", "0.200"]}


def test_the_capability_table_as_data_keeps_what_each_row_carries(hand_made):
    rows = [r for r in records(embedded(hand_made), "capabilities") if r["run"] == "first"]
    assert [(r["capability"], r["failures"], r["failure rate"], r["failure rate low"], r["frames"], r["side errors"],
             r["flipped"], r["source passed"], r["flip rate"]) for r in rows] == [
        ("date.absolute", "2", "0.2", "0.05", "4", "1", "", "", ""),
        ("context.quoted", "6", "0.6", "0.3", "", "", "", "", ""),
        ("agency.negatives", "0", "0", "0", "", "", "", "", ""),
        ("inv.names", "4", "0.4", "0.1", "", "", "3", "8", "0.375"),
        ("dir.number", "2", "0.2", "0.02", "", "", "2", "", ""),
    ]


@pytest.fixture(scope="module")
def small_suite():
    suite = synthetic_suite(per_capability=6)
    runs = [Run(f"run{step}", score_suite(suite, perturbed_run(suite.gold, step), f"run{step}", "1", ci=False))
            for step in (2, 3)]
    return suite, runs, build_report(suite.gold, runs, suite, max_examples=4)


def test_cases_are_grouped_by_capability_each_listed_once(small_suite):
    suite, runs, html = small_suite
    page, data = parse(html), embedded(html)
    assert [a.attrs["href"] for a in page.find("nav", cls="toc").find_all("a")] == [
        "#comparison", "#capabilities", "#cases", "#errors", "#data", "#provenance"]
    assert not page.find_all("section", id="articles")  # the cases take the articles' place
    groups = page.find_all("details", cls="cap-cases")
    assert [g.attrs["data-cap"] for g in groups] == [c["id"] for c in suite.capabilities]
    capability = {case.doc_id: case.capability for case in suite.cases}
    shown = [item.attrs["data-doc"] for g in groups for item in g.find_all("li", cls="case")]
    assert len(shown) == len(set(shown))  # each case once
    for group in groups:
        items = group.find_all("li", cls="case")
        assert len(items) <= 4 and {capability[i.attrs["data-doc"]] for i in items} <= {group.attrs["data-cap"]}
        summary = group.find("summary").text()
        for run in runs:
            row = next(r for r in run.results.capabilities if r["id"] == group.attrs["data-cap"])
            assert f"{run.label}: {row['failures']} failed, {row['cases'] - row['failures']} passed" in summary
    erred = {e["doc_id"] for run in runs for e in run.results.errors}
    for item in (i for g in groups for i in g.find_all("li", cls="case")):
        in_full = item.find_all("section", cls="article")
        assert bool(in_full) == (item.attrs["data-doc"] in erred)  # the text where a run erred, else the facts
        assert in_full or item.find_all("div", cls="vals")
    assert Counter(capability[e["doc_id"]] for e in records(data, "errors")) == Counter(
        e["capability"] for e in records(data, "errors"))


def test_every_capability_link_lists_cases_of_its_run(small_suite):
    _, _, html = small_suite
    page, data = parse(html), embedded(html)
    links = [a.attrs["href"] for a in page.find("table", cls="caps").find_all("a")]
    assert links
    for link in links:
        found = listed(data, link)
        assert found and all(row["run"] == data["runs"][int(link.rsplit("=", 1)[1])] for row in found), link
    more = [p.find("a").attrs["href"] for p in page.find_all("p", cls="more-note") if "cases?" in p.find("a").attrs["href"]]
    assert more and all(len(listed(data, link)) > 4 for link in more)  # more than the page shows
