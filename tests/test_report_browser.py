"""The HTML pages in headless Chromium: counts, no sideways scrolling on a phone, contrast, accessibility, the
filtered lists the numbers link to, CSV downloads, and a page that works without its script.

Chromium and chromedriver come from the system (Debian's chromium and
chromium-driver; .ci/run installs them), axe-core from tests/.axe (.ci/run
installs it with npm). Without them these tests skip, except under CI=true,
where they fail: CI must run them.
"""

from __future__ import annotations

import re

import pytest
from browser import axe_violations, downloads, start
from report_runs import run_results
from wcag import contrast

from bench.data.gold import load_gold
from bench.presentation.html_report import Run, write_report
from bench.presentation.review_page import review_page

pytestmark = pytest.mark.xdist_group("chromium")  # one worker drives Chromium at a time


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """Report pages on the bundled gold: five runs at fact level, three at the partial scheme, gold only."""
    gold = load_gold()
    folder = tmp_path_factory.mktemp("pages")
    fact = [Run(f"run{s}", run_results(gold, s, f"run{s}", failed_article=2 if s == 7 else None)) for s in (5, 6, 7, 9, 11)]
    partial = [Run(f"run{s}", run_results(gold, s, f"run{s}", "partial")) for s in (5, 7, 11)]
    made = {}
    for name, runs in (("fact", fact), ("partial", partial), ("gold", [])):
        write_report(folder / f"{name}.html", gold, runs)
        made[name] = (folder / f"{name}.html", runs)
    return made


@pytest.fixture(scope="module")
def profile(tmp_path_factory):
    return tmp_path_factory.mktemp("profile")


@pytest.fixture(scope="module")
def desktop(profile):
    driver = start(profile)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def phone(tmp_path_factory):
    driver = start(tmp_path_factory.mktemp("profile"), phone=True)
    yield driver
    driver.quit()


COUNTS_JS = """
const articles = {}, table = {};
for (const section of document.querySelectorAll('section.article')) {
  for (const row of section.querySelectorAll('tr[data-runs]')) {
    const counts = ['tp', 'fp', 'fn'].map(k => Number(row.querySelector('td.' + k).textContent));
    for (const run of row.dataset.runs.split(' ')) {
      (articles[run] = articles[run] || []).push(counts);
    }
  }
}
const rows = document.querySelectorAll('table.t-f1 tbody tr');
rows.forEach((row, i) => {
  table[row.dataset.run] = [i, ['tp', 'fp', 'fn'].map(k => Number(row.querySelector('td.counts .' + k).textContent))];
});
return [articles, table];
"""


@pytest.mark.parametrize("name", ["fact", "partial"])
def test_counts_on_the_articles_agree_with_the_scores(pages, desktop, name):
    path, runs = pages[name]
    desktop.get(path.as_uri())
    articles, table = desktop.execute_script(COUNTS_JS)
    assert set(table) == {run.label for run in runs}
    for run in runs:
        micro = run.results.row("micro")
        index, shown = table[run.label]
        assert shown == [micro.tp, micro.fp, micro.fn]
        summed = [sum(counts[i] for counts in articles[str(index)]) for i in range(3)]
        assert len(articles[str(index)]) == 5 and summed == shown, run.label
    assert desktop.execute_script("return performance.getEntriesByType('resource').length") == 0  # nothing fetched


OPEN_ALL = "document.querySelectorAll('details').forEach(d => d.open = true)"
OVERFLOW_JS = """
const limit = window.innerWidth, wide = [];
function scrolls(element) {  // inside a box that scrolls sideways on its own (the capability table): not the page
  for (let e = element.parentElement; e; e = e.parentElement) if (getComputedStyle(e).overflowX === 'auto') return true;
  return false;
}
for (const element of document.body.querySelectorAll('*')) {
  const box = element.getBoundingClientRect();
  if (box.width && box.right > limit + 0.5 && !scrolls(element)) wide.push(element.tagName + '.' + (element.className.baseVal ?? element.className));
}
return [document.documentElement.scrollWidth, limit, wide.slice(0, 5)];
"""


@pytest.mark.parametrize("name", ["fact", "partial", "gold"])
def test_no_sideways_scrolling_on_a_390px_phone(pages, phone, name):
    from selenium.webdriver.common.by import By

    phone.get(pages[name][0].as_uri())
    phone.execute_script(OPEN_ALL)
    metrics = ["f1", "precision", "recall"] if pages[name][1] else ["f1"]
    for metric in metrics:
        if pages[name][1]:
            phone.find_element(By.CSS_SELECTOR, f'label[for="m-{metric}"]').click()
            assert phone.find_element(By.CSS_SELECTOR, f"table.t-{metric}").is_displayed()
        scroll_width, width, wide = phone.execute_script(OVERFLOW_JS)
        assert width == 390 and scroll_width <= width and not wide, (metric, scroll_width, wide)


@pytest.mark.parametrize("name", ["articles", "wikinews"])
def test_the_review_page_wraps_its_labels_on_a_390px_phone(phone, tmp_path, name):
    from bench.data.bundled import BUNDLED

    path = tmp_path / "review.html"
    path.write_text(review_page(load_gold(next(b.directory for b in BUNDLED if b.name == name)), name), encoding="utf-8")
    phone.get(path.as_uri())
    scroll_width, width, wide = phone.execute_script(OVERFLOW_JS)
    assert width == 390 and scroll_width <= width and not wide, (scroll_width, wide)


CONTRAST_JS = """
function rgba(text) { const p = text.match(/[\\d.]+/g).map(Number); return p.length === 3 ? p.concat([1]) : p; }
function background(element) {
  const layers = [];
  for (let e = element; e; e = e.parentElement) {
    const colour = rgba(getComputedStyle(e).backgroundColor);
    if (colour[3] > 0) { layers.push(colour); if (colour[3] === 1) break; }
  }
  let out = [255, 255, 255];
  for (const [r, g, b, a] of layers.reverse()) out = [r * a + out[0] * (1 - a), g * a + out[1] * (1 - a), b * a + out[2] * (1 - a)];
  return out;
}
const found = [];
for (const element of document.body.querySelectorAll('*')) {
  const own = Array.from(element.childNodes).filter(n => n.nodeType === 3 && n.textContent.trim()).map(n => n.textContent.trim());
  const box = element.getBoundingClientRect();
  if (!own.length || !box.width || getComputedStyle(element).visibility === 'hidden') continue;
  const style = getComputedStyle(element);
  const ink = element instanceof SVGElement ? style.fill : style.color;
  found.push([own.join(' ').slice(0, 40), rgba(ink).slice(0, 3), background(element), !!element.closest('.legend')]);
}
return found;
"""


@pytest.mark.parametrize("name", ["fact", "partial"])
def test_all_text_including_the_legend_passes_wcag_aa(pages, desktop, name):
    desktop.get(pages[name][0].as_uri())
    desktop.execute_script(OPEN_ALL)
    texts = desktop.execute_script(CONTRAST_JS)
    legend = [t for t in texts if t[3]]
    assert len(legend) >= 12  # five type labels, seven kinds, the two notes
    poor = [(text, ink, paper, round(contrast(ink, paper), 2)) for text, ink, paper, _ in texts if contrast(ink, paper) < 4.5]
    assert not poor and len(texts) > 200


def test_all_text_of_the_review_page_passes_wcag_aa(desktop, tmp_path):
    """Labels on each fact type's tint, the legend, the contents: the review page's colours come from the same palette."""
    path = tmp_path / "review.html"
    path.write_text(review_page(load_gold(), "articles"), encoding="utf-8")
    desktop.get(path.as_uri())
    texts = desktop.execute_script(CONTRAST_JS)
    assert len([t for t in texts if t[3]]) == 5  # the legend: one word per fact type, on its tint
    poor = [(text, ink, paper, round(contrast(ink, paper), 2)) for text, ink, paper, _ in texts if contrast(ink, paper) < 4.5]
    assert not poor and len(texts) > 50


def test_no_serious_accessibility_violations(pages, desktop, tmp_path):
    """axe-core on the report (every list open; then a list the script draws) and on the review page: nothing
    serious or critical."""
    desktop.get(pages["fact"][0].as_uri())
    desktop.execute_script(OPEN_ALL)
    assert axe_violations(desktop) == []
    desktop.get(pages["fact"][0].as_uri() + "#errors?run=1&kind=missed")
    filtered(desktop, "errors")
    assert axe_violations(desktop) == []
    review = tmp_path / "review.html"
    review.write_text(review_page(load_gold(), "articles"), encoding="utf-8")
    desktop.get(review.as_uri())
    assert axe_violations(desktop) == []


FILTERED_JS = """
const box = document.getElementById(arguments[0] + '-filtered');
return [box.hidden, Array.from(box.querySelectorAll(':scope > ol > li')).map(li => [li.dataset.run, li.dataset.kind,
        li.dataset.doc]), location.hash];
"""


def filtered(driver, section: str) -> tuple[list, str]:
    """The filtered list the address asks for, once the script has drawn it, and the address."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 5).until(lambda d: not d.execute_script(FILTERED_JS, section)[0])
    return tuple(driver.execute_script(FILTERED_JS, section)[1:])


def test_each_number_links_to_a_filtered_list_of_its_errors(pages, desktop):
    """A per-type F1, a count of false negatives, an error count: each shows the errors behind it, named in the
    address, which can be shared."""
    from selenium.webdriver.common.by import By

    path, runs = pages["fact"]
    desktop.get(path.as_uri())
    labels = desktop.execute_script("return JSON.parse(document.getElementById('report-data').textContent).runs")
    cells = desktop.find_elements(By.CSS_SELECTOR, "table.t-f1 td[data-label^='date'] a")
    assert len(cells) == len(runs)
    for index, link in enumerate(cells):
        results = next(run.results for run in runs if run.label == labels[index])
        link.click()
        items, address = filtered(desktop, "errors")
        assert address == f"#errors?run={index}&type=date"
        expected = [e for e in results.errors if "date" in (e["type"], e["predicted_type"])]
        shown = min(len(expected), 20)  # drawn a page (the data's "max") at a time
        assert len(items) == shown > 0 and {run for run, _, _ in items} == {labels[index]}
        assert [(kind, doc) for _, kind, doc in items] == [(e["kind"], e["doc_id"]) for e in expected][:shown]
        desktop.find_element(By.CSS_SELECTOR, "#errors-filtered a.clear").click()
    desktop.execute_script(OPEN_ALL)
    desktop.find_element(By.CSS_SELECTOR, "details.run-errors h3.kind-head a").click()  # the count of a kind
    items, address = filtered(desktop, "errors")
    assert address == "#errors?run=0&kind=missed" and items and {kind for _, kind, _ in items} == {"missed"}
    desktop.get(path.as_uri() + "#errors?run=1&side=fn")  # a shared address opens on its list
    items, _ = filtered(desktop, "errors")
    results = next(run.results for run in runs if run.label == labels[1])
    assert len(items) == min(20, sum(e["gold_value"] is not None for e in results.errors)) > 0


def test_the_filter_form_rewrites_the_address(pages, desktop):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    desktop.get(pages["fact"][0].as_uri() + "#errors")
    Select(desktop.find_element(By.CSS_SELECTOR, "#error-filters select[name=kind]")).select_by_value("spurious")
    items, address = filtered(desktop, "errors")
    assert address == "#errors?kind=spurious" and items and {kind for _, kind, _ in items} == {"spurious"}


def test_the_csv_downloads_are_the_files_bench_report_writes(pages, desktop, profile, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    path, runs = pages["fact"]
    written = write_report(tmp_path / "again.html", load_gold(), runs, csv_dir=tmp_path / "csv")
    assert [p.name for p in written] == ["comparison.csv", "errors.csv"]
    assert (tmp_path / "again.html").read_bytes() == path.read_bytes()
    desktop.get(path.as_uri())
    for file in written:
        saved = downloads(profile) / file.name
        desktop.find_element(By.CSS_SELECTOR, f'button.download[data-table="{file.stem}"]').click()
        size = file.stat().st_size
        WebDriverWait(desktop, 10).until(lambda _, saved=saved, size=size: saved.is_file() and saved.stat().st_size == size)
        assert saved.read_bytes() == file.read_bytes()
        saved.unlink()


def test_the_page_works_without_its_script(pages, desktop, tmp_path):
    from selenium.webdriver.common.by import By

    html = pages["fact"][0].read_text(encoding="utf-8")
    without = tmp_path / "no-script.html"
    without.write_text(re.sub(r"<script>.*?</script>", "", html, flags=re.DOTALL), encoding="utf-8")
    desktop.get(without.as_uri())
    assert not desktop.find_elements(By.CSS_SELECTOR, "script:not([type]), button.sort")
    assert desktop.find_element(By.CSS_SELECTOR, "table.t-f1").is_displayed()
    desktop.find_element(By.CSS_SELECTOR, 'label[for="m-recall"]').click()
    assert desktop.find_element(By.CSS_SELECTOR, "table.t-recall").is_displayed()
    assert not desktop.find_element(By.CSS_SELECTOR, "table.t-f1").is_displayed()
    assert desktop.find_element(By.CSS_SELECTOR, 'div.chart[data-metric="recall"]').is_displayed()
    desktop.execute_script(OPEN_ALL)
    assert desktop.find_elements(By.CSS_SELECTOR, "li.err")[0].is_displayed()  # the first examples
    needing = ("#error-filters", "#errors-filtered", "button.download")  # what needs the script stays out of sight
    assert not [s for s in needing for e in desktop.find_elements(By.CSS_SELECTOR, s) if e.is_displayed()]


def test_the_script_sorts_a_column(pages, desktop):
    from selenium.webdriver.common.by import By

    path, runs = pages["fact"]
    desktop.get(path.as_uri())
    desktop.find_element(By.CSS_SELECTOR, 'table.t-f1 th[data-col="2"] button.sort').click()  # date, highest first
    order = desktop.execute_script("return Array.from(document.querySelectorAll('table.t-f1 tbody tr')).map(r => r.dataset.run)")
    date_f1 = {run.label: run.results.row("date").f1 for run in runs}
    assert [date_f1[label] for label in order] == sorted(date_f1.values(), reverse=True)
