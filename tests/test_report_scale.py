"""A report of three runs on a capability suite of 3,800 cases, in headless Chromium: small, built and loaded fast,
each number leading to a non-empty list, its CSV files the page's data, readable on a phone, accessible.

The suite is the synthetic one of ``report_suite`` (33 capabilities of source cases, 5 of variants, 100 cases
each; runs with 1,000 to 2,200 errors, as real runs on the shipped suite have). The page is built once for the
module. Budgets leave room for a slower machine than the targets (1.5 MB, 3 s to build, 2 s to load); the
figures measured are printed.
"""

from __future__ import annotations

import time

import pytest
from browser import axe_violations, downloads, start
from report_data import embedded, listed
from report_suite import perturbed_run, synthetic_suite

from bench.presentation.html_report import Run, make_report

pytestmark = pytest.mark.xdist_group("chromium")  # one worker drives Chromium at a time

MAX_BYTES = 1_500_000
MAX_BUILD_SECONDS = 6.0
MAX_LOAD_SECONDS = 4.0


@pytest.fixture(scope="module")
def suite_page(tmp_path_factory):
    """The page, its tables and how long it took to build."""
    from bench.scoring.scorer import score_suite

    suite = synthetic_suite()
    runs = [Run(f"run{step}", score_suite(suite, perturbed_run(suite.gold, step), f"run{step}", "1")) for step in (4, 6, 9)]
    began = time.process_time()  # the build's own CPU time: under pytest-xdist another worker shares the cores
    report = make_report(suite.gold, runs, suite)
    built = time.process_time() - began
    path = tmp_path_factory.mktemp("suite") / "suite.html"
    path.write_text(report.html, encoding="utf-8")
    return path, report, built, runs


@pytest.fixture(scope="module")
def profile(tmp_path_factory):
    return tmp_path_factory.mktemp("profile")


@pytest.fixture(scope="module")
def desktop(profile):
    driver = start(profile)
    yield driver
    driver.quit()


def test_the_suite_report_is_small_and_builds_and_loads_fast(suite_page, desktop):
    path, report, built, runs = suite_page
    size = len(report.html.encode("utf-8"))
    began = time.perf_counter()
    desktop.get(path.as_uri())
    loaded = time.perf_counter() - began
    event, nodes = desktop.execute_script("return [performance.getEntriesByType('navigation')[0].loadEventEnd / 1000,"
                                          " document.getElementsByTagName('*').length]")
    errors = sum(len(run.results.errors) for run in runs)
    print(f"\nsuite report, 3 runs, {errors:,} errors: {size:,} B, built in {built:.2f} s of CPU, "
          f"loaded in {loaded:.2f} s (load event at {event:.2f} s), {nodes:,} elements")
    assert size <= MAX_BYTES and built < MAX_BUILD_SECONDS and loaded < MAX_LOAD_SECONDS


LINKS_JS = """
const found = [];  // every link to a list but those of the items in lists (an error's document)
for (const link of Array.from(document.querySelectorAll('main a[href*="?"]')).filter(a => !a.closest('li.err'))) {
  const href = link.getAttribute('href'), section = href.slice(1, href.indexOf('?'));
  history.replaceState(null, '', href);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  const box = document.getElementById(section + '-filtered');
  found.push([href, box.hidden, box.querySelectorAll(':scope > ol > li').length]);
}
return found;
"""


def test_every_link_from_a_number_lands_on_a_non_empty_list(suite_page, desktop):
    path, report, _, _ = suite_page
    desktop.get(path.as_uri())
    shown = desktop.execute_script(LINKS_JS)
    data = embedded(report.html)
    kinds = {href.split("?")[0] for href, _, _ in shown}
    assert kinds == {"#errors", "#cases"} and len(shown) > 100
    assert not [(href, hidden, count) for href, hidden, count in shown if hidden or count == 0]
    for href, _, count in shown:  # a page of at most the data's "max" items, out of all the link's list holds
        assert count == min(len(listed(data, href)), data["max"]), href


def test_the_csv_downloads_are_the_page_tables(suite_page, desktop, profile):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    path, report, _, _ = suite_page
    desktop.get(path.as_uri())
    assert [t.name for t in report.tables] == ["comparison", "capabilities", "cases", "errors"]
    for table in report.tables:
        saved = downloads(profile) / f"{table.name}.csv"
        expected = table.csv().encode("utf-8")
        desktop.find_element(By.CSS_SELECTOR, f'button.download[data-table="{table.name}"]').click()
        size = len(expected)
        WebDriverWait(desktop, 10).until(lambda _, saved=saved, size=size: saved.is_file() and saved.stat().st_size == size)
        assert saved.read_bytes() == expected
        saved.unlink()


OVERFLOW_JS = """
document.querySelectorAll('details').forEach(d => d.open = true);
const limit = window.innerWidth, wide = [];
function scrolls(element) {
  for (let e = element.parentElement; e; e = e.parentElement) if (getComputedStyle(e).overflowX === 'auto') return true;
  return false;
}
for (const element of document.body.querySelectorAll('*')) {
  const box = element.getBoundingClientRect();
  if (box.width && box.right > limit + 0.5 && !scrolls(element)) wide.push(element.tagName + '.' + element.className);
}
const first = document.querySelector('table.caps th.cap');
return [document.documentElement.scrollWidth, limit, wide.slice(0, 5), getComputedStyle(first).position];
"""


def test_on_a_phone_nothing_scrolls_sideways_but_the_capability_table(suite_page, tmp_path):
    path, _, _, _ = suite_page
    phone = start(tmp_path / "profile", phone=True)
    try:
        phone.get(path.as_uri())
        scroll_width, width, wide, sticky = phone.execute_script(OVERFLOW_JS)
    finally:
        phone.quit()
    assert width == 390 and scroll_width <= width and not wide and sticky == "sticky"  # its names stay in view


def test_no_serious_accessibility_violations(suite_page, desktop):
    """axe-core on the capability table, a capability's cases and a filtered list of cases."""
    path, _, _, _ = suite_page
    desktop.get(path.as_uri() + "#cases?cap=date.mft00&run=0")
    desktop.execute_script("document.querySelector('details.cap-cases').open = true")
    assert axe_violations(desktop) == []


def test_the_capability_table_sorts_by_a_run_rate_with_the_keyboard(suite_page, desktop):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    path, _, _, runs = suite_page
    desktop.get(path.as_uri())
    button = desktop.find_element(By.CSS_SELECTOR, 'table.caps th[data-col="2"] button.sort')  # the best run's rate
    button.send_keys(Keys.ENTER)  # a button: focusable, pressed with the keyboard
    order = desktop.execute_script("return Array.from(document.querySelectorAll('table.caps tbody tr')).map(r => r.dataset.cap)")
    labels = desktop.execute_script("return JSON.parse(document.getElementById('report-data').textContent).runs")
    rates = {row["id"]: row["rate"] for row in next(r for r in runs if r.label == labels[0]).results.capabilities}
    assert [rates[cap] for cap in order] == sorted(rates.values(), reverse=True)
    assert desktop.find_element(By.CSS_SELECTOR, 'table.caps th[data-col="2"]').get_attribute("aria-sort") == "descending"
