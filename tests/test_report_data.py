"""The report's data: the JSON it embeds, the CSV files of bench report --csv, and the lists its numbers link to."""

from __future__ import annotations

import csv
import io

import pytest
from page_tree import parse
from report_data import embedded, listed, records
from report_runs import run_results

from bench.data.gold import load_gold
from bench.data.results import read_results, write_results
from bench.presentation.html_report.data import Table, csv_text


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """Two runs on the bundled gold, through the CLI: the page and its CSV files."""
    from typer.testing import CliRunner

    from bench.cli.main import app

    folder = tmp_path_factory.mktemp("report")
    gold = load_gold()
    for step in (5, 7):
        write_results(run_results(gold, step, f"run{step}"), folder / f"run{step}.json")
    done = CliRunner().invoke(app, ["report", "--html", str(folder / "report.html"), str(folder / "run5.json"),
                                    str(folder / "run7.json"), "--csv", str(folder / "csv")], catch_exceptions=False)
    assert done.exit_code == 0 and done.stderr.endswith(f"and 2 CSV files to {folder / 'csv'}\n")
    results = {r.label: r for r in (read_results(folder / f"run{step}.json") for step in (5, 7))}
    return folder, (folder / "report.html").read_text(encoding="utf-8"), results


def _read_csv(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _number(text: str) -> float | None:
    return None if text == "" else float(text)


def test_the_comparison_csv_equals_the_results(written):
    folder, _, results = written
    rows = _read_csv(folder / "csv" / "comparison.csv")
    assert {row["run"] for row in rows} == set(results)
    for row in rows:
        metric = results[row["run"]].row(row["row"])
        assert (_number(row["tp"]), _number(row["fp"]), _number(row["fn"]), int(row["support"])) == (
            metric.tp, metric.fp, metric.fn, metric.support)
        for name in ("precision", "recall", "f1"):
            assert _number(row[name]) == getattr(metric, name)
            interval = metric.ci.get(name)
            assert (_number(row[f"{name} low"]), _number(row[f"{name} high"])) == (tuple(interval) if interval else (None, None))
    assert len(rows) == 2 * 7  # micro, five types, macro per run


def _shown(fact_type: str, value) -> str:
    """A value as people read it, written out by hand: a count with its qualifier and unit, an official with the title."""
    if value is None:
        return ""
    if isinstance(value, dict) and "count" in value:
        return f"{value['qualifier']} {value['count']:,} {value['unit']}"
    if isinstance(value, dict):
        return f"{value['name']} ({value['title']})"
    return value


def test_the_error_csv_equals_the_results(written):
    folder, _, results = written
    rows = _read_csv(folder / "csv" / "errors.csv")
    expected = [(label, e["kind"], e["type"], e["doc_id"], _shown(e["type"], e["gold_value"]), e["gold_text"] or "",
                 e["predicted_type"] or "", _shown(e["predicted_type"] or e["type"], e["predicted_value"]),
                 e["predicted_text"] or "") for label in sorted(results, key=lambda name: -results[name].row("micro").f1)
                for e in results[label].errors]
    assert [(r["run"], r["kind"], r["type"], r["doc_id"], r["gold_value"], r["gold_text"], r["predicted_type"],
             r["predicted_value"], r["predicted_text"]) for r in rows] == expected
    flat = [e for label in sorted(results, key=lambda name: -results[name].row("micro").f1) for e in results[label].errors]
    for row, error in zip(rows, flat):  # the context as the page shows it: cut at word boundaries, never lengthened
        assert row["context"].replace("[[", "").replace("]]", "").strip("… ") in (error["context"] or "").replace(
            "[[", "").replace("]]", "")


def test_the_csv_files_are_the_page_data_written_by_its_rule(written):
    folder, html, _ = written
    data = embedded(html)
    assert sorted(data["tables"]) == ["comparison", "errors"]
    for name in data["tables"]:
        rows = records(data, name)
        columns = data["tables"][name]["columns"]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")  # the reference: Python's csv module, minimal quoting
        writer.writerows([columns, *([row[c] for c in columns] for row in rows)])
        assert (folder / "csv" / f"{name}.csv").read_bytes() == out.getvalue().encode("utf-8")


def test_csv_quotes_breaks_and_defuses_formulas():
    table = Table("t", ("a", "b"), (('say "hi", then', "line\nbreak"), ("=SUM(A1)", "-0.5"), ("@x", "+1e-05")))
    assert table.csv() == csv_text(table.columns, table.rows) == (
        'a,b\r\n"say ""hi"", then","line\nbreak"\r\n\'=SUM(A1),-0.5\r\n\'@x,+1e-05\r\n')


def test_every_number_that_links_lands_on_its_errors(written):
    _, html, results = written
    page, data = parse(html), embedded(html)
    links = [a.attrs["href"] for a in page.walk() if a.tag == "a" and "?" in a.attrs.get("href", "")]
    assert len(links) > 30
    for link in links:
        assert listed(data, link), link
    table = page.find("table", cls="t-f1")
    for index, row in enumerate(r for r in table.find_all("tr") if "data-run" in r.attrs):
        errors = results[row.attrs["data-run"]].errors
        for cell in row.find_all("td", cls="n"):
            column = cell.attrs.get("data-label", "").split(" (")[0]
            anchors = [a for a in cell.find_all("a") if a.attrs["href"].startswith("#errors?run=")]
            if column in ("date", "headcount", "user_count", "agency", "official") and anchors:
                by_hand = [e for e in errors if column in (e["type"], e["predicted_type"])]
                assert len(listed(data, anchors[0].attrs["href"])) == len(by_hand) > 0
        fn = row.find("a", cls="fn")
        assert len(listed(data, fn.attrs["href"])) == sum(e["gold_value"] is not None for e in errors)
        assert fn.attrs["href"] == f"#errors?run={index}&side=fn"
