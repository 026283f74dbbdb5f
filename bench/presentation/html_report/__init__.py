"""The HTML report: one self-contained page comparing runs (no network; the small script is optional).

Modules: :mod:`runs` (loading, labels, article names), :mod:`outcomes` (what
each run got right and wrong per article), :mod:`comparison` and
:mod:`chart` (the score table and its SVG chart), :mod:`errors`,
:mod:`articles` and :mod:`page` (the values of the whole page). The markup is in
``bench/presentation/templates`` (``report.html.j2`` and ``report/``), the colours in :mod:`bench.presentation.palette`.
"""

from bench.presentation.html_report.page import build_report, write_report
from bench.presentation.html_report.runs import Run, load_runs

__all__ = ["Run", "build_report", "load_runs", "write_report"]
