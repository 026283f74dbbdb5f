"""Reading a report page's embedded data for the tests: the JSON block, its tables as records, its links' filters."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from urllib.parse import parse_qsl


class _DataBlock(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.inside = False
        self.text = ""

    def handle_starttag(self, tag, attrs):
        self.inside = tag == "script" and dict(attrs).get("id") == "report-data"

    def handle_endtag(self, tag):
        self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.text += data


def embedded(html: str) -> dict:
    """The page's ``report-data`` JSON, as a browser's parser cuts it out of the page."""
    reader = _DataBlock()
    reader.feed(html)
    reader.close()
    return json.loads(reader.text)


def records(data: dict, name: str) -> list[dict[str, str]]:
    """A packed table of the data as one dict per row (column -> text)."""
    table = data["tables"][name]
    return [{column: table["strings"][i][index] for i, (column, index) in enumerate(zip(table["columns"], row))}
            for row in table["rows"]]


def filter_of(link: str) -> tuple[str, dict[str, str]]:
    """``#errors?run=0&type=date`` -> ("errors", {"run": "0", "type": "date"})."""
    section, _, query = link.removeprefix("#").partition("?")
    return section, dict(parse_qsl(query, keep_blank_values=True))


def listed(data: dict, link: str) -> list[dict[str, str]]:
    """What a link's filtered list holds, by the rules the page states: errors of a run (by its place in the
    page), kind, type (as the error's gold or predicted type), side (fn: a gold value, fp: a predicted one),
    document or capability; cases of a capability (and run): those named failing, then those with errors."""
    section, wanted = filter_of(link)
    run = data["runs"][int(wanted["run"])] if "run" in wanted else None
    errors = [e for e in records(data, "errors")
              if (run is None or e["run"] == run) and wanted.get("kind", e["kind"]) == e["kind"]
              and ("type" not in wanted or wanted["type"] in (e["type"], e["predicted_type"]))
              and wanted.get("doc", e["doc_id"]) == e["doc_id"]
              and ("cap" not in wanted or e.get("capability") == wanted["cap"])
              and ("side" not in wanted or e["gold_value" if wanted["side"] == "fn" else "predicted_value"] != "")]
    if section == "errors":
        return errors
    cases = [c for c in records(data, "cases") if c["capability"] == wanted["cap"] and run in (None, c["run"])]
    return list({row["doc_id"]: row for row in cases + errors}.values())
