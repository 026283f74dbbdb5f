"""Hostile strings in every field that reaches a page: the report and the review page show them as text, never run them.

Every string of the gold set and the results (article texts, fact texts and
values, extractor names and versions, options, error kinds and types, alias
names, document ids, titles...) carries a script tag, an attribute breakout,
an event handler, a ``javascript:`` URL, a bidi override and control
characters. The pages are read as trees (no foreign script, no ``on*``
attribute, no ``javascript:`` link, the payloads visible as text), then loaded
in headless Chromium, hovered and clicked, and ``window.__pwned`` must still
be undefined.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from html.parser import HTMLParser

import pytest
from browser import start

from bench.data.documents import Document, ManifestRecord
from bench.data.gold import Gold
from bench.data.results import DocumentRow, MetricRow
from bench.data.runspec import RunSpec
from bench.facts import Count, Fact, Official
from bench.normalize.aliases import AliasTable
from bench.presentation.html_report import Run, build_report
from bench.presentation.review_page import review_page
from bench.scoring.scorer import score_run

pytestmark = pytest.mark.xdist_group("chromium")  # one worker drives Chromium at a time

SCRIPT = "<script>window.__pwned=1</script>"
BREAKOUT = '"><img src=x onerror="window.__pwned=1">'
HANDLER = "' onmouseover='window.__pwned=1"
URL = "javascript:window.__pwned=1"
BIDI, COLOUR, NUL = "\u202e", "\x1b[31m", "\x00"
PAYLOAD = f"{SCRIPT}{BREAKOUT}{HANDLER} {BIDI}{COLOUR}{NUL}"


def hostile(name: str) -> str:
    """A field's value: a ``javascript:`` URL first (where a link could start), its name, then every payload."""
    return f"{URL};{name}{PAYLOAD}"


def _document(name: str, mentions: list[tuple[str, str]]) -> tuple[Document, list[tuple[str, int, int]]]:
    """A text of hostile filler around each mention; (mention, start, end) for each."""
    text, places = hostile(f"text of {name}"), []
    for mention, filler in mentions:
        places.append((mention, len(text), len(text) + len(mention)))
        text += mention + hostile(filler)
    return Document(hostile(name), text), places


def hostile_gold() -> Gold:
    """Two articles, a mention of every type (hostile texts and values), hostile aliases, manifest and ids."""
    agency, official, unit = hostile("agency alias"), hostile("official alias"), hostile("unit alias")
    first, places = _document("doc 1", [("May 3, 2019", "a"), (f"Office {PAYLOAD}", "b"), ("twelve staff", "c"),
                                        (f"Jo {PAYLOAD}", "d"), ("1,200 users", "e")])
    second, [june] = _document("doc 2", [("June 4", "f")])
    values = [hostile("date value"), "Office of Tests", Count(12, "eq", "staff"), Official("Jo Bloggs", "Mayor"),
              Count(1200, "eq", hostile("users unit"))]
    types = ["date", "agency", "headcount", "official", "user_count"]
    facts = [Fact(first.id, fact_type, value, text, start, end, hostile(f"fact {i}"))
             for i, (fact_type, value, (text, start, end)) in enumerate(zip(types, values, places))]
    facts.append(Fact(second.id, "date", "2024-06-04", *june, hostile("fact 5")))
    aliases = AliasTable.from_json({"agencies": {agency: ["Office of Tests"]}, "officials": {official: ["Jo Bloggs"]},
                                    "titles": {hostile("title alias"): ["Mayor"]}, "units": {unit: ["staff"]}})
    manifest = tuple(ManifestRecord(doc.id, hostile("file"), hashlib.sha256(doc.text.encode("utf-8")).hexdigest(), None,
                                    hostile(f"outlet {i}"), hostile(f"title {i}")) for i, doc in enumerate((first, second)))
    return Gold(hostile("version"), hostile("hash"), (first, second), tuple(facts), aliases, manifest,
                unreviewed=((facts[0].id, 1), (facts[5].id, 6)))


def _predictions(gold: Gold) -> list[Fact]:
    """Two found, one wrong value, one wrong type, one missed; spurious facts with and without offsets."""
    date, agency, headcount, official, _users, other_date = gold.facts
    return [
        dataclasses.replace(date, id=None),
        dataclasses.replace(agency, id=None, value=hostile("predicted agency")),
        dataclasses.replace(headcount, id=None, type="user_count", value=Count(12, "eq", hostile("predicted unit"))),
        dataclasses.replace(official, id=None, value=Official(hostile("predicted name"), hostile("predicted title"))),
        Fact(other_date.doc_id, "agency", hostile("spurious agency"), other_date.text, other_date.start, other_date.end),
        Fact(date.doc_id, "official", Official(hostile("unplaced name"), hostile("unplaced title"))),
    ]


def hostile_run(gold: Gold, name: str, level: str = "fact") -> Run:
    """A scored run whose every string field is hostile, plus an error of unknown kind and type and a failed article."""
    spec = RunSpec(hostile(f"{name} spec"), hostile(f"{name} extractor"), {hostile("option"): hostile("option value")},
                   {hostile("detail"): hostile("detail value")}, hostile("package version"), (hostile("option"),))
    results = score_run(gold, _predictions(gold), hostile(f"{name} extractor"), hostile(f"{name} version"), level,
                        failures={gold.documents[1].id: hostile("failure")}, run=spec)
    strange = {"kind": hostile("kind"), "type": hostile("type"), "doc_id": gold.documents[0].id, "level": hostile("level"),
               "predicted_type": hostile("predicted type"), "gold_value": {"count": hostile("count")},
               "predicted_value": hostile("predicted value"), "gold_text": hostile("gold text"),
               "predicted_text": hostile("predicted text"), "context": hostile("before") + f"[[{hostile('mention')}]]" + PAYLOAD}
    capability = {"id": hostile("capability"), "kind": hostile("capability kind"), "context": True, "cases": 2,
                  "failures": 1, "rate": 0.5, "ci": [0.1, 0.9], "examples": []}
    return Run(hostile(f"{name} label"), dataclasses.replace(
        results, errors=(strange, *results.errors), ci_method=hostile("ci method"), timestamp=hostile("timestamp"),
        packages={hostile("package"): hostile("package version")}, capabilities=(capability,),
        rows=(*results.rows, MetricRow(hostile("row"), 1, 0, 0, 1, 1.0, 1.0, 1.0)),
        documents=(*results.documents, DocumentRow(hostile("unknown document"), {}, hostile("failure")))),
        hostile(f"{name} file"))


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    gold = hostile_gold()
    return {"fact report": build_report(gold, [hostile_run(gold, "first"), hostile_run(gold, "second")]),
            "mention report": build_report(gold, [hostile_run(gold, "mentions", "partial")]),
            "gold report": build_report(gold),
            "review page": review_page(gold, hostile("set name"))}


class Tree(HTMLParser):
    """Scripts, attributes and text of a page, as a browser's parser splits them."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.data: list[str] = []  # <script type="application/json">: data, never run
        self.attributes: list[tuple[str, str, str]] = []
        self.text: list[str] = []
        self._in_script: list[str] | None = None
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        self._in_script = None
        if tag == "script":
            self._in_script = self.data if dict(attrs).get("type") == "application/json" else self.scripts
            self._in_script.append("")

    def handle_endtag(self, tag):
        self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None:
            self._in_script[-1] += data
        else:
            self.text.append(data)


OWN_SCRIPTS = {"fact report": 1, "mention report": 1, "gold report": 1, "review page": 0}


@pytest.mark.parametrize("name", list(OWN_SCRIPTS))
def test_no_payload_becomes_markup(pages, name):
    tree = Tree(pages[name])
    assert len(tree.scripts) == OWN_SCRIPTS[name] and not any("__pwned" in script for script in tree.scripts)
    for block in tree.data:  # the payloads are in the data as JSON strings, with no "<" to end the block early
        assert "<" not in block and "__pwned" in json.dumps(json.loads(block))
    assert not [a for a in tree.attributes if a[1].startswith("on") or "__pwned" in a[1]]
    links = [value for tag, attribute, value in tree.attributes if attribute in ("href", "src", "action", "formaction")]
    assert links and all(link.startswith("#") for link in links)  # in-page anchors only: no javascript:, no image
    assert not [tag for tag, _, _ in tree.attributes if tag in ("img", "iframe", "object", "embed")]


@pytest.mark.parametrize("name", list(OWN_SCRIPTS))
def test_payloads_read_as_text_with_control_characters_shown(pages, name):
    page, text = pages[name], "".join(Tree(pages[name]).text)
    assert SCRIPT in text and BREAKOUT in text and HANDLER in text and URL in text  # shown, not dropped
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\u202a-\u202e\u2066-\u2069]", page)
    assert " [U+202E]␛[31m␀" in text  # the override and the control characters, made visible


def test_every_hostile_field_reaches_the_pages(pages):
    """The test means something only if the fields it poisons are on the pages."""
    report, review = "".join(Tree(pages["fact report"]).text), "".join(Tree(pages["review page"]).text)
    for field in ("first label", "first version", "option value", "detail value", "ci method", "timestamp", "package",
                  "kind", "type", "predicted type", "gold text", "predicted text", "before", "mention", "level",
                  "capability", "capability kind", "failure", "first file", "title 0", "outlet 1", "doc 1", "text of doc 1",
                  "predicted agency", "predicted unit", "predicted name", "spurious agency", "unplaced title",
                  "date value", "agency alias", "version", "hash"):
        assert f"{field}{SCRIPT}" in report, field
    assert "predicted value" in report and '{"count": ' in report  # a malformed value is shown as its JSON
    for field in ("set name", "version", "doc 2", "text of doc 2", "fact 0", "fact 5", "date value", "users unit"):
        assert f"{field}{SCRIPT}" in review, field


def test_the_same_input_makes_the_same_bytes(pages):
    gold = hostile_gold()
    again = build_report(gold, [hostile_run(gold, "first"), hostile_run(gold, "second")])
    assert again == pages["fact report"] and review_page(gold, hostile("set name")) == pages["review page"]


TRIGGER_JS = """
document.querySelectorAll('details').forEach(d => d.open = true);
for (const element of document.body.querySelectorAll('*')) {
  for (const type of ['mouseover', 'mouseenter', 'mousemove', 'focus', 'focusin']) {
    element.dispatchEvent(new MouseEvent(type, {bubbles: true}));
  }
  if (element.tagName !== 'A') element.dispatchEvent(new MouseEvent('click', {bubbles: true}));
}
return document.body.querySelectorAll('*').length;
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    driver = start(tmp_path_factory.mktemp("profile"))
    yield driver
    driver.quit()


@pytest.mark.parametrize("name", ["fact report", "mention report", "review page"])
def test_nothing_runs_in_chromium_on_load_hover_or_click(pages, browser, tmp_path, name):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    path = tmp_path / "page.html"
    path.write_text(pages[name], encoding="utf-8")
    browser.get(path.as_uri())
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert browser.execute_script(TRIGGER_JS) > 50
    for selector in ("h2", "h3", "a[href^='#doc-']", ".chip", ".tag", "li.err", ".lab", "td", "svg text"):
        for element in browser.find_elements(By.CSS_SELECTOR, selector)[:2]:  # a real pointer over a few of each
            if element.is_displayed():
                ActionChains(browser, duration=0).move_to_element(element).click().perform()
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert browser.current_url.startswith(path.as_uri())  # the links stayed on the page
