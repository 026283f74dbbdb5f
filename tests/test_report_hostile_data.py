"""Hostile strings through the report's data: the lists its script draws show them as text and run nothing.

The pages of ``test_hostile_pages`` poison every field; here the script draws
the errors and the cases from the page's JSON (where a value never passes
through the template), and the CSV made from it keeps every payload as data.
"""

from __future__ import annotations

import dataclasses

import pytest
from browser import start
from report_data import embedded, records
from test_hostile_pages import PAYLOAD, SCRIPT, hostile_gold, hostile_run

from bench.presentation.html_report import make_report

pytestmark = pytest.mark.xdist_group("chromium")  # one worker drives Chromium at a time

DRAWN_JS = """
const box = document.getElementById(arguments[0] + '-filtered');
return [box.hidden, box.querySelectorAll(':scope > ol > li').length, box.textContent, typeof window.__pwned,
        document.querySelectorAll('#' + arguments[0] + '-filtered img, #' + arguments[0] + '-filtered script').length];
"""


def _named_failing(run):
    """The run with its hostile capability naming a failing case, so that its rate links to the case list."""
    case = {"doc_id": run.results.errors[0]["doc_id"], "expected": [PAYLOAD], "predicted": [SCRIPT]}
    rows = tuple({**row, "examples": [case]} for row in run.results.capabilities)
    return dataclasses.replace(run, results=dataclasses.replace(run.results, capabilities=rows))


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    gold = hostile_gold()
    report = make_report(gold, [_named_failing(hostile_run(gold, "first")), hostile_run(gold, "second")])
    path = tmp_path_factory.mktemp("hostile") / "page.html"
    path.write_text(report.html, encoding="utf-8")
    return path, report


def test_the_data_keeps_every_payload_as_text(page):
    _, report = page
    data = embedded(report.html)
    errors = records(data, "errors")
    assert any(SCRIPT in e["context"] for e in errors) and any(SCRIPT in e["kind"] for e in errors)
    assert all("\u202e" not in cell for table in report.tables for row in table.rows for cell in row)  # made visible
    errors_csv = next(t for t in report.tables if t.name == "errors").csv()
    shown = PAYLOAD.replace("\u202e", "[U+202E]").replace("\x1b", "␛").replace("\x00", "␀")
    assert shown.replace('"', '""') in errors_csv  # in a quoted field, its quotes doubled


@pytest.mark.parametrize("address, section", [("#errors?run=0", "errors"), ("#errors?run=1&doc=", "errors"),
                                              ("#cases?cap=", "cases")])
def test_the_lists_the_script_draws_run_nothing(page, tmp_path, address, section):
    path, report = page
    data = embedded(report.html)
    if address.endswith("="):  # a hostile document or capability, percent-encoded as a link would carry it
        from urllib.parse import quote

        value = records(data, "errors")[0]["doc_id"] if section == "errors" else records(data, "capabilities")[0]["capability"]
        address += quote(value, safe="")
    driver = start(tmp_path / "profile")
    try:
        driver.get(path.as_uri() + address)
        hidden, items, text, pwned, elements = driver.execute_script(DRAWN_JS, section)
    finally:
        driver.quit()
    assert not hidden and items > 0 and pwned == "undefined" and elements == 0
    assert SCRIPT in text  # shown, not run
