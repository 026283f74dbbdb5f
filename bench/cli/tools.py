"""The ``leaderboard``, ``check`` and ``report`` commands; :func:`register` adds them to the ``bench`` app.

Thin commands: the work is in :mod:`bench.presentation.leaderboard`, :mod:`bench.presentation.gate` and
:mod:`bench.presentation.html_report`. User mistakes raise :class:`~bench.errors.BenchError`
(the app prints one line, exit 2); a failed gate exits 1.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from bench.cli.common import GoldOption, check_gold_or_suite

_SUITE_HELP = "A capability suite instead of the articles: 'capabilities' (shipped) or a suite directory."


def leaderboard(
    results_dir: Path = typer.Argument(..., help="Folder of results files (*.json) written by bench eval."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Markdown file to write (atomically); stdout when absent."),
    gold: Optional[Path] = GoldOption,
    suite: Optional[str] = typer.Option(None, "--suite", help=_SUITE_HELP),
) -> None:
    """Rank results files by micro-F1 into rank groups, with intervals, as Markdown.

    All files must be scored on the same gold (hash), level and mode; an odd
    file is named and nothing is written. An extractor not significantly below
    the one above it (paired randomization test, p >= 0.05) shares its rank
    group; the best value per column is bold. Undefined metrics show as "–".

    Example: bench leaderboard results/ -o LEADERBOARD.md
    Example: bench leaderboard suite-results/ --suite capabilities
    """
    from bench.data.gold import load_gold
    from bench.data.jsonl import write_text_atomic
    from bench.data.suite.load import load_suite
    from bench.presentation.leaderboard import leaderboard_markdown, read_results_dir

    check_gold_or_suite(gold, suite)
    loaded = load_suite(suite).gold if suite is not None else load_gold(gold)
    board = leaderboard_markdown(read_results_dir(results_dir), loaded)
    if output is None:
        typer.echo(board, nl=False)
        return
    write_text_atomic(output, board)
    typer.echo(f"wrote {output}", err=True)


def check(
    baseline: Path = typer.Option(..., "--baseline", "-b", help="Baseline scores JSON (created by --update)."),
    tolerance: Optional[float] = typer.Option(None, "--tolerance", "-t", min=0.0, max=1.0, help="Allowed drop per metric, 0 to 1 (default: the file's)."),
    update: bool = typer.Option(False, "--update", help="Re-score and record the new values deliberately (no gate)."),
    extractor: list[str] = typer.Option([], "--extractor", "-e", help="Only this tracked run (its label) or extractor (repeatable); with --update, also one to start tracking."),
    param: list[str] = typer.Option([], "--param", help="With --update: key=value, an option of the run to record (repeatable); it is tracked apart."),
    gold: Optional[Path] = GoldOption,
    suite: Optional[str] = typer.Option(None, "--suite", help=_SUITE_HELP),
) -> None:
    """The CI gate: re-score the tracked extractors and exit 1 when a score fell below its recorded value.

    Compares precision, recall and F1 per fact type, micro and macro; one line
    per regression names extractor, type and metric. The gate also fails when
    an extractor failed on any document, and --update refuses to record such a
    run (exit 3). A baseline on another
    gold is refused: re-record it on purpose with --update (which also
    creates the file, tracking the extractors named with --extractor).

    Example: bench check --baseline bench-scores.json --tolerance 0.01
    """
    from bench.presentation.gate import check as find_regressions
    from bench.errors import BenchError
    from bench.presentation.gate import read_baseline, rescore, tolerance_ok
    from bench.presentation.gate import update as record

    if tolerance is not None and not tolerance_ok(tolerance):
        raise BenchError(f"expected a number from 0 to 1, got {tolerance!r}", field="--tolerance")
    check_gold_or_suite(gold, suite)
    previous = read_baseline(baseline) if baseline.exists() or not update else None
    from bench.cli.common import parse_params

    current = rescore(previous, extractor, gold, adding=update, params=parse_params(param), suite=suite)
    failed = {name: len(results.failures) for name, results in current.items() if results.failures}
    for name, results in current.items():
        for document in results.failures:
            typer.echo(f"failed: {name}: {document.doc_id}: {document.failure}", err=True)
    if update:
        for name, count in failed.items():
            typer.echo(f"not recorded: {name} failed on {count} document(s)", err=True)
        if failed:
            raise typer.Exit(3)
        written = record(baseline, current, tolerance)
        typer.echo(f"recorded {', '.join(current)} in {baseline} (gold {written.gold_version}, tolerance {written.tolerance:g})", err=True)
        return
    regressions = find_regressions(current, previous, tolerance, str(baseline))
    for regression in regressions:
        typer.echo(str(regression))
    if regressions:
        typer.echo(f"check failed: {len(regressions)} score(s) below {baseline}", err=True)
    for name, count in failed.items():  # a score from a run that failed is no evidence: the gate fails
        typer.echo(f"check failed: {name} failed on {count} document(s)", err=True)
    if regressions or failed:
        raise typer.Exit(1)
    typer.echo(f"ok: {', '.join(current)}: no score below {baseline}", err=True)


def report(
    html: Path = typer.Option(..., "--html", help="HTML file to write (atomically)."),
    results: Optional[list[Path]] = typer.Argument(None, help="Results files from bench eval; none: the gold mentions only."),
    gold: Optional[Path] = GoldOption,
    suite: Optional[str] = typer.Option(None, "--suite", help=_SUITE_HELP),
) -> None:
    """One self-contained HTML page comparing runs: scores, chart, errors and every article.

    A row per run with F1 (or P, R) per fact type and its interval, the best
    marked and differences from the best tested; every error, filterable by
    kind; each article once, its mentions labelled, each run's errors beside
    them, with counts equal to the scores'. No network; the small script
    (column sorting) is optional. Runs must share gold, level and mode.

    Example: bench report --html report.html results/regex.json results/rules.json
    """
    from bench.data.gold import load_gold
    from bench.data.suite.load import load_suite
    from bench.presentation.html_report import load_runs, write_report

    check_gold_or_suite(gold, suite)
    loaded = load_suite(suite).gold if suite is not None else load_gold(gold)
    write_report(html, loaded, load_runs(results or [], loaded))
    typer.echo(f"wrote {html}", err=True)


def register(app: typer.Typer) -> None:
    """Add ``leaderboard``, ``check`` and ``report`` to ``app``."""
    app.command("leaderboard")(leaderboard)
    app.command("check")(check)
    app.command("report")(report)
