"""The page's data to take away: the scored outcomes as tables of text, embedded as JSON and written as CSV.

The tables: ``comparison`` (a row per run and score row: counts, metrics,
intervals, and on the micro row the Holm-adjusted p against the best run),
``capabilities`` (a row per run and capability, on a suite), ``cases`` (the
failing cases the results name, on a suite) and ``errors`` (a row per error,
its values as the page shows them and its context cut at word boundaries).
Every cell is text, so the page's script writes the same CSV bytes as
``bench report --csv`` (:func:`csv_text`). In the JSON a table is its
columns, each column's distinct strings, and rows of indices into them:
errors repeat runs, kinds, documents and values. Strings are made visible as on the page
(:func:`bench.presentation.templating.visible`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bench.presentation.html_report.comparison import COLUMNS, VersusBest
from bench.presentation.html_report.errors import word_cut
from bench.presentation.html_report.outcomes import show_json
from bench.presentation.html_report.runs import Run
from bench.presentation.templating import visible

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run such a cell as a formula
NUMBER = re.compile(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")  # report.js tests the same pattern


@dataclass(frozen=True, slots=True)
class Table:
    """A table of text: its name (the CSV file's stem), columns and rows."""

    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def packed(self) -> dict:
        """The table for the page's JSON: columns, each column's distinct strings, rows of indices into them.

        >>> Table("t", ("a", "b"), (("x", "y"), ("x", "x"))).packed()
        {'columns': ['a', 'b'], 'strings': [['x'], ['y', 'x']], 'rows': [[0, 0], [0, 1]]}
        """
        indices: list[dict[str, int]] = [{} for _ in self.columns]
        rows = [[index.setdefault(cell, len(index)) for index, cell in zip(indices, row)] for row in self.rows]
        return {"columns": list(self.columns), "strings": [list(index) for index in indices], "rows": rows}

    def csv(self) -> str:
        return csv_text(self.columns, self.rows)


def _field(cell: str) -> str:
    """One CSV field: quoted when it holds a quote, comma or line break; a formula-like text gets an apostrophe.

    >>> _field('say "hi", then go'), _field("=SUM(A1)"), _field("-3"), _field("plain")
    ('"say ""hi"", then go"', "'=SUM(A1)", '-3', 'plain')
    """
    if cell.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(cell):
        cell = "'" + cell
    if any(c in cell for c in '",\r\n'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def csv_text(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """RFC 4180 CSV: a header, then the rows, each line ended by CRLF (``report.js`` writes the same bytes).

    >>> csv_text(["a", "b"], [["1", "x,y"]])
    'a,b\\r\\n1,"x,y"\\r\\n'
    """
    return "".join(",".join(_field(cell) for cell in line) + "\r\n" for line in [columns, *rows])


def number(value: float | None) -> str:
    """A number as the CSV holds it: whole numbers without a point, others in full, "" for none.

    >>> number(12.0), number(0.8125), number(None), number(2.5)
    ('12', '0.8125', '', '2.5')
    """
    if value is None:
        return ""
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)


def _interval(interval: Sequence[float] | None) -> tuple[str, str]:
    return (number(interval[0]), number(interval[1])) if interval else ("", "")


COMPARISON = ("run", "version", "training", "row", "support", "tp", "fp", "fn",
              *(f"{m}{part}" for m in ("precision", "recall", "f1") for part in ("", " low", " high")),
              "micro-F1 vs best: Holm-adjusted p")


def comparison_table(runs: Sequence[Run], tests: Mapping[str, VersusBest]) -> Table:
    """A row per run and score row (micro, each type, macro) in the results, in the page's order."""
    rows = []
    for run in runs:
        spec = run.results.run
        for label in COLUMNS:
            row = run.row(label)
            if row is None:
                continue
            metrics = [cell for m in ("precision", "recall", "f1")
                       for cell in (number(getattr(row, m)), *_interval(row.ci.get(m)))]
            test = tests.get(run.label)
            p = number(test.p_value) if label == "micro" and test is not None else ""
            rows.append((run.label, run.results.extractor_version, spec.training if spec else "", label,
                         number(row.support), number(row.tp), number(row.fp), number(row.fn), *metrics, p))
    return Table("comparison", COMPARISON, tuple(rows))


CAPABILITIES = ("run", "capability", "kind", "context", "cases", "frames", "failures", "failure rate",
                "failure rate low", "failure rate high", "side errors", "source passed", "flipped", "flip rate",
                "flip rate low", "flip rate high")


def capability_table(runs: Sequence[Run]) -> Table:
    """A row per run and capability, with what each row of the results carries ("" where it carries nothing)."""
    rows = []
    for run in runs:
        for row in run.results.capabilities:
            rows.append((run.label, str(row["id"]), str(row["kind"]), "yes" if row["context"] else "no",
                         number(row["cases"]), number(row.get("frames")), number(row["failures"]), number(row["rate"]),
                         *_interval(row["ci"]), number(row.get("side_errors")), number(row.get("flip_base")),
                         number(row.get("flipped")), number(row.get("flip_rate")), *_interval(row.get("flip_ci"))))
    return Table("capabilities", CAPABILITIES, tuple(rows))


CASES = ("run", "capability", "doc_id", "expected", "predicted")


def case_table(runs: Sequence[Run]) -> Table:
    """The failing cases each run's results name, per capability: expected and predicted facts of the judged types."""
    rows = [(run.label, str(row["id"]), str(case["doc_id"]), "; ".join(case["expected"]), "; ".join(case["predicted"]))
            for run in runs for row in run.results.capabilities for case in row["examples"]]
    return Table("cases", CASES, tuple(rows))


def error_columns(suite: bool) -> tuple[str, ...]:
    where = "capability" if suite else "article"
    return ("run", "kind", "type", "doc_id", where, "gold_value", "gold_text", "predicted_type", "predicted_value",
            "predicted_text", "context")


def error_table(runs: Sequence[Run], where: Mapping[str, str], suite: bool) -> Table:
    """Every error of every run; ``where`` names each document's capability (suite) or article title."""
    rows = []
    for run in runs:
        for error in run.results.errors:
            fact_type, doc = str(error["type"]), str(error["doc_id"])
            predicted_type = str(error.get("predicted_type") or fact_type)
            gold, predicted = error.get("gold_value"), error.get("predicted_value")
            rows.append((run.label, str(error["kind"]), fact_type, doc, where.get(doc, ""),
                         "" if gold is None else show_json(fact_type, gold), error.get("gold_text") or "",
                         str(error.get("predicted_type") or ""),
                         "" if predicted is None else show_json(predicted_type, predicted),
                         error.get("predicted_text") or "", word_cut(error.get("context") or "")))
    return Table("errors", error_columns(suite), tuple(rows))


def shown(table: Table) -> Table:
    """The table with every cell made visible as the page shows text (control and bidi characters as symbols)."""
    return Table(table.name, table.columns, tuple(tuple(visible(cell) for cell in row) for row in table.rows))
