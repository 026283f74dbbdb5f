"""The HTML report: one self-contained page comparing runs (no network; the small script is optional).

Modules: :mod:`runs` (loading, labels, article names), :mod:`outcomes` (what
each run got right and wrong per article), :mod:`comparison` and
:mod:`chart` (the score table and its SVG chart), :mod:`cost` (what each run
cost, and cost against F1), :mod:`capabilities` and
:mod:`cases` (a capability suite's rates and its cases), :mod:`errors`,
:mod:`articles`, :mod:`links` (from a number to the list behind it),
:mod:`data` (the tables the page embeds and offers as CSV),
:mod:`provenance` and :mod:`page` (the values of the whole page). The
markup is in ``bench/presentation/templates`` (``report.html.j2``,
``report/`` and the script ``report.js``), the colours in
:mod:`bench.presentation.palette`.
"""

from bench.presentation.html_report.page import (
    MAX_EXAMPLES,
    build_report,
    make_report,
    write_report,
)
from bench.presentation.html_report.runs import Run, load_runs

__all__ = ["MAX_EXAMPLES", "Run", "build_report", "load_runs", "make_report", "write_report"]
