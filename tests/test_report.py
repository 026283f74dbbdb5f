"""The HTML report: structure, escaping, overlapping mentions, and a look in headless Chromium."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bench.data.documents import Document
from bench.data.gold import Gold, load_gold
from bench.data.results import MetricRow, Results, write_results
from bench.errors import MismatchError
from bench.facts import Count, Fact
from bench.normalize.aliases import AliasTable
from bench.presentation.html_report import Run, build_report, load_runs, write_report

TEXT = "On May 3, 2019 the Office of Tests said <b>& twelve staff</b> left Larkport."
GOLD = Gold("9.9.9", "sha256:" + "c" * 64, (Document("d1", TEXT, dt.date(2019, 5, 6)),), (
    Fact("d1", "date", "2019-05-03", "May 3, 2019", 3, 14),
    Fact("d1", "agency", "Office of Tests", "Office of Tests", 19, 34),
    Fact("d1", "headcount", Count(12, "eq", "employees"), "twelve", 45, 51),
), AliasTable())
PREDICTED = (
    {"doc_id": "d1", "type": "date", "text": "2019", "start": 10, "end": 14, "value": "2019"},  # overlaps, other value
    {"doc_id": "d1", "type": "agency", "text": "Office of Tests", "start": 19, "end": 34, "value": "office of tests"},
    {"doc_id": "d1", "type": "official", "text": "Larkport", "start": 67, "end": 75,
     "value": {"name": "Larkport", "title": "Mayor"}},
    {"doc_id": "d1", "type": "date", "value": "2019-05-06"},  # no offsets, no gold mention has this value
)
ROWS = tuple(MetricRow(t, 1, 1, 1, 2, 0.5, *((0.25, 0.4) if t != "official" else (None, None)))
             for t in ("date", "headcount", "user_count", "agency", "official", "micro", "macro"))


def results_on(gold: Gold, predictions=PREDICTED, extractor: str = "toy") -> Results:
    return Results(extractor, "0.1", gold.version, gold.hash, "fact", "strict", ROWS, predictions=tuple(predictions))


class Page(HTMLParser):
    """The highlighted pieces (classes, title, text), the chart's bars, and every tag name seen."""

    def __init__(self, html: str):
        super().__init__()
        self.pieces, self.bars, self.tags, self._open = [], [], [], None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        classes = attrs.get("class", "").split()
        if tag == "span" and "m" in classes:
            self._open = [set(classes) - {"m"}, attrs.get("title", ""), ""]
        if tag == "rect" and "bar" in classes:
            self.bars.append(attrs)

    def handle_data(self, data):
        if self._open is not None:
            self._open[2] += data

    def handle_endtag(self, tag):
        if tag == "span" and self._open is not None:
            self.pieces.append(tuple(self._open))
            self._open = None


def test_outcomes_are_told_apart_and_overlaps_cut_at_every_boundary():
    page = Page(build_report(GOLD, [Run("toy", results_on(GOLD))]))
    in_text = [(sorted(kinds), text) for kinds, _, text in page.pieces]
    assert in_text[-1] == (["fp"], "date: 2019-05-06")  # the prediction without offsets, listed under the text
    assert in_text[4:-1] == [
        (["fn"], "May 3, "), (["fn", "fp"], "2019"), (["tp"], "Office of Tests"), (["fn"], "twelve"), (["fp"], "Larkport"),
    ]
    titles = {text: title for _, title, text in page.pieces}
    assert titles["2019"] == "FN date: gold 2019-05-03; paired with date 2019\nFP date: predicted 2019; paired with date 2019-05-03"
    assert titles["twelve"] == "FN headcount: gold eq 12 employees"
    assert titles["Larkport"] == "FP official: predicted Larkport (Mayor)"


def test_text_is_escaped_and_nothing_is_fetched():
    html = build_report(GOLD, [Run("toy <i>", results_on(GOLD))])
    tags = [tag for tag, _ in Page(html).tags]
    assert "b" not in tags and "i" not in tags and "script" not in tags
    assert "said &lt;b&gt;&amp; " in html and "toy &lt;i&gt;" in html
    assert not [attrs for _, attrs in Page(html).tags if "src" in attrs or "href" in attrs]


def test_chart_has_one_group_per_run_and_a_bar_per_defined_metric():
    runs = [Run("toy", results_on(GOLD)), Run("other", results_on(GOLD, extractor="other"))]
    page = Page(build_report(GOLD, runs))
    groups = [attrs for tag, attrs in page.tags if tag == "g" and attrs.get("class") == "group"]
    assert len(groups) == 2
    assert len(page.bars) == 2 * (7 * 3 - 2)  # official's recall and F1 are undefined
    assert {bar["class"] for bar in page.bars} == {"bar precision", "bar recall", "bar f1"}
    assert {bar["height"] for bar in page.bars if bar["class"] == "bar f1"} == {"48.0"}  # 0.4 of 120 px


def test_without_results_only_gold_is_shown():
    page = Page(build_report(GOLD))
    assert [(kinds, text) for kinds, _, text in page.pieces][1:] == [
        ({"gold"}, "May 3, 2019"), ({"gold"}, "Office of Tests"), ({"gold"}, "twelve")]
    assert not page.bars


def test_results_on_other_gold_are_refused(tmp_path):
    path = tmp_path / "toy.json"
    write_results(results_on(GOLD), path)
    other = Gold("9.9.9", "sha256:" + "d" * 64, GOLD.documents, GOLD.facts, AliasTable())
    with pytest.raises(MismatchError, match=rf"^{path}: gold_hash: scored on gold 9\.9\.9 \(sha256:cccccccccccc\), not the loaded"):
        load_runs([path], other)


def test_cli_report_on_the_bundled_gold(cli, tmp_path):
    gold = load_gold()
    perfect = results_on(gold, [{k: v for k, v in f.to_dict().items() if k != "id"} for f in gold.facts], "perfect")
    write_results(perfect, tmp_path / "perfect.json")
    out = tmp_path / "report.html"
    result = cli("report", "--html", out, tmp_path / "perfect.json")
    assert result.exit_code == 0, result.stderr
    kinds = {kind for kinds, _, _ in Page(out.read_text(encoding="utf-8")).pieces for kind in kinds}
    assert kinds == {"tp", "partial", "fn", "fp"}  # the legend's samples
    text_kinds = {kind for kinds, _, text in Page(out.read_text(encoding="utf-8")).pieces[4:] for kind in kinds}
    assert text_kinds == {"tp"}  # predictions equal to the gold: every mention a true positive
    only_gold = cli("report", "--html", out)
    assert only_gold.exit_code == 0 and only_gold.stderr == f"wrote {out}\n"
    titles = " ".join(title for _, title, _ in Page(out.read_text(encoding="utf-8")).pieces)
    assert all(f"GOLD {fact.type}:" in titles for fact in gold.facts)


def _browser_present() -> bool:
    return Path("/usr/bin/chromium").exists() and shutil.which("chromedriver") is not None


def _chromium(tmp_path: Path):
    """A headless Chromium; required under CI=true (.ci/run installs it), else skipped with the reason when missing."""
    if not _browser_present():
        reason = ("Chromium or chromedriver is missing: apt-get install chromium chromium-driver "
                  "(.ci/run does it; tests never install system packages)")
        if os.environ.get("CI") == "true":
            pytest.fail(reason + "; under CI=true the browser test is required")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)


def test_report_in_headless_chromium(tmp_path):
    page = tmp_path / "report.html"
    write_report(page, GOLD, [Run("toy", results_on(GOLD))])
    driver = _chromium(tmp_path)
    try:
        from selenium.webdriver.common.by import By

        driver.get(page.as_uri())
        marks = driver.find_elements(By.CSS_SELECTOR, ".text span.m")
        assert len(marks) == 5 and all(mark.is_displayed() for mark in marks)
        colour = {m.text: m.value_of_css_property("background-color") for m in marks}
        assert len({colour["Office of Tests"], colour["twelve"], colour["Larkport"]}) == 3  # tp, fn, fp differ
        assert marks[2].get_attribute("title") == "TP agency: gold Office of Tests; paired with agency office of tests\n" \
                                                  "TP agency: predicted office of tests; paired with agency Office of Tests"
        bars = driver.find_elements(By.CSS_SELECTOR, "svg.chart rect.bar")
        assert len(bars) == 19 and all(bar.is_displayed() and bar.size["height"] > 0 for bar in bars)
        assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
    finally:
        driver.quit()
