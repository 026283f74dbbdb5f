"""The ``leaderboard``, ``check`` and ``report`` commands; :func:`register` adds them to the ``bench`` app.

Thin commands: the work is in :mod:`bench.presentation.leaderboard`, :mod:`bench.presentation.gate` (the
re-run in :mod:`bench.pipeline.gate`) and :mod:`bench.presentation.html_report`. User mistakes raise
:class:`~bench.errors.BenchError` (the app prints one line, exit 2); a failed gate exits 1.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from bench.cli.common import (
    GoldOption,
    TimeoutOption,
    WorkersOption,
    check_gold_or_suite,
    load_set,
    parse_params,
    plural,
    read_all,
)
from bench.errors import BenchError

_SUITE_HELP = "A capability suite instead of the articles: 'capabilities' (shipped) or a suite directory."
_RESULTS_HELP = "Results files (*.json, written by bench eval -o or bench score -o), or folders of them."


def leaderboard(
    paths: list[Path] = typer.Argument(..., metavar="RESULTS...", help=_RESULTS_HELP),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Markdown file to write (atomically); stdout when absent."),
    gold: Optional[Path] = GoldOption,
    suite: Optional[str] = typer.Option(None, "--suite", help=_SUITE_HELP),
) -> None:
    """Rank results files by micro-F1 into rank groups, with intervals, as Markdown.

    Takes files and folders (a folder stands for its *.json files). All files
    must be scored on the same set, level and mode; an odd file is named with
    its set and the option that loads it, and nothing is written. An extractor
    not significantly below the one above it (paired randomization test,
    p >= 0.05) shares its rank group; the best value per column is bold.
    Undefined metrics show as "–".

    Example: bench leaderboard results/ -o LEADERBOARD.md
    Example: bench leaderboard results/regex.json results/rules.json
    Example: bench leaderboard suite-results/ --suite capabilities
    """
    from bench.cli.progress import counted, working
    from bench.data.jsonl import write_text_atomic
    from bench.presentation.leaderboard import Entry, entry_names, leaderboard_markdown, results_files
    from bench.scoring.verify import verify_all

    files = results_files(paths)
    entries = [Entry(name, results) for name, results in zip(entry_names(files), read_all(files))]
    loaded, loaded_suite = load_set(gold, suite)
    with working(f"rescoring {plural(len(entries), 'results file')} from their predictions"):
        verify_all([entry.results for entry in entries], [entry.file for entry in entries], loaded, loaded_suite)

    def watch(pairs):
        return counted(pairs, "rank groups: paired tests", len(entries) - 1, "comparisons")

    board = leaderboard_markdown(entries, loaded, loaded_suite, watch)
    if output is None:
        typer.echo(board, nl=False)
        return
    write_text_atomic(output, board)
    typer.echo(f"wrote {output}", err=True)


def check(
    baseline: Path = typer.Option(..., "--baseline", "-b", help="Baseline scores JSON (created by --update)."),
    tolerance: Optional[float] = typer.Option(None, "--tolerance", "-t", min=0.0, max=1.0, help="Allowed drop per metric, 0 to 1 (default: the file's)."),
    update: bool = typer.Option(False, "--update", help="Re-score (or read, with --from-results) and record the new values deliberately (no gate)."),
    extractor: list[str] = typer.Option([], "--extractor", "-e", help="Only this tracked run (its label) or extractor (repeatable); with --update, also one to start tracking."),
    param: list[str] = typer.Option([], "--param", help="With --update: key=value, an option of the run to record (repeatable); it is tracked apart."),
    results: Optional[Path] = typer.Option(None, "--results", metavar="DIR", file_okay=False,
                                           help="Also write each run's results file into DIR (made if missing), "
                                           "named after its label, for bench report; written before the verdict."),
    workers: int = WorkersOption,
    timeout: Optional[float] = TimeoutOption,
    gold: Optional[Path] = GoldOption,
    suite: Optional[str] = typer.Option(None, "--suite", help=_SUITE_HELP),
    max_cost_per_doc: Optional[float] = typer.Option(
        None, "--max-cost-per-doc", min=0.0, metavar="COST",
        help="Fail a run whose cost per document (without the extractor's answer cache, in its prices' currency) is "
             "over COST, or unknown."),
    max_p95: Optional[float] = typer.Option(None, "--max-p95", min=0.0, metavar="SECONDS",
                                            help="Fail a run whose 95th-percentile latency per document is over SECONDS."),
    from_results: list[Path] = typer.Option(
        [], "--from-results", metavar="RESULTS",
        help="Gate runs scored elsewhere (an LLM or GPU job's bench eval -o) instead of re-running them: a results "
             "file, or a folder of them (repeatable); with --update, record them. Each is rescored from its "
             "predictions on the gold loaded and refused (exit 2) unless it scores what it says; its extractor and "
             "options name the tracked run. Its cost and latency are its ledger's, as measured where it ran."),
) -> None:
    """The CI gate: re-score the tracked extractors and exit 1 when a score fell below its recorded value.

    Compares precision, recall and F1 per fact type, micro and macro; one line
    per regression names extractor, type and metric. The gate also fails when
    an extractor failed on any document (a document past --timeout fails), and
    --update refuses to record such a run (exit 3). A baseline on another
    gold is refused: re-record it on purpose with --update (which also
    creates the file, tracking the extractors named with --extractor).
    A run whose cost per document rose above (1 + tolerance) times the one
    recorded fails too, as does one over --max-cost-per-doc or --max-p95.
    With --from-results, the runs are read from results files, checked
    against their predictions, and gated (or recorded) the same way.

    Example: bench check --baseline bench-scores.json --tolerance 0.01
    Example: bench check --baseline bench-scores.json -e llm --max-cost-per-doc 0.002 --max-p95 5
    Example: bench check --baseline bench-scores.json --timeout 30 --results bench-out
    Example: bench check --baseline bench-scores.json --from-results gpu-job/llm.json
    """
    from bench.extraction.runner import RunOptions
    from bench.pipeline.gate import rescore
    from bench.presentation.budget import budget_lines
    from bench.presentation.gate import check as find_regressions
    from bench.presentation.gate import read_baseline, tolerance_ok
    from bench.presentation.gate import update as record

    if tolerance is not None and not tolerance_ok(tolerance):
        raise BenchError(f"expected a number from 0 to 1, got {tolerance!r}", field="--tolerance")
    check_gold_or_suite(gold, suite)
    previous = read_baseline(baseline) if baseline.exists() or not update else None
    if from_results:
        rerun_only = {"--extractor": bool(extractor), "--param": bool(param), "--results": results is not None,
                      "--timeout": timeout is not None, "--workers": workers != 1}
        current = _scored_elsewhere(from_results, previous, update, gold, suite, rerun_only)
    else:
        current = rescore(previous, extractor, gold, adding=update, params=parse_params(param), suite=suite,
                          run_options=RunOptions(workers, timeout))
    if results is not None:
        _write_runs(results, current)
    failed = {name: len(run.failures) for name, run in current.items() if run.failures}
    for name, run in current.items():
        for document in run.failures:
            typer.echo(f"failed: {name}: {document.doc_id}: {document.failure}", err=True)
    if update:
        for name, count in failed.items():
            typer.echo(f"not recorded: {name} failed on {plural(count, 'document')}", err=True)
        if failed:
            raise typer.Exit(3)
        written = record(baseline, current, tolerance)
        typer.echo(f"recorded {', '.join(current)} in {baseline} (gold {written.gold_version}, tolerance {written.tolerance:g})", err=True)
        return
    if previous is None:
        raise TypeError("without --update the baseline is read above")
    regressions = find_regressions(current, previous, tolerance, str(baseline))
    for regression in regressions:
        typer.echo(str(regression))
    if regressions:
        typer.echo(f"check failed: {plural(len(regressions), 'score')} below {baseline}", err=True)
    over = budget_lines(current, {key: run.ledger for key, run in previous.extractors.items()},
                        previous.tolerance if tolerance is None else tolerance, max_cost_per_doc, max_p95)
    for line in over:
        typer.echo(line)
    if over:
        typer.echo(f"check failed: {plural(len(over), 'cost or latency limit')} broken", err=True)
    for name, count in failed.items():  # a score from a run that failed is no evidence: the gate fails
        typer.echo(f"check failed: {name} failed on {plural(count, 'document')}", err=True)
    if regressions or over or failed:
        raise typer.Exit(1)
    typer.echo(f"ok: {', '.join(current)}: no score below {baseline}", err=True)


def _scored_elsewhere(paths: list[Path], previous, adding: bool, gold: Optional[Path], suite: Optional[str],
                      rerun_only: dict[str, bool]) -> dict:
    """The runs the results files ``paths`` hold, proved by their predictions, by tracked run key."""
    from bench.cli.progress import working
    from bench.data.gold import require_reviewed
    from bench.pipeline.gate import from_results
    from bench.presentation.leaderboard import results_files

    given = next((option for option, used in rerun_only.items() if used), None)
    if given is not None:
        raise BenchError("runs nothing with --from-results: the files hold runs scored already", field=given)
    files = results_files(paths)
    loaded, loaded_suite = load_set(gold, suite)
    loaded = loaded if loaded_suite else require_reviewed(loaded)  # as a re-run's gold: a gate on pre-labels means nothing
    read = read_all(files)
    with working(f"rescoring {plural(len(files), 'results file')} from their predictions"):
        return from_results(previous, read, [str(path) for path in files], loaded, loaded_suite, adding=adding)


def run_file_names(labels: list[str]) -> list[str]:
    """A file name per run label, safe in any shell and file system, none twice.

    >>> run_file_names(["learned [C=0.05]", "rules", "learned [C=0.05]!"])
    ['learned_C_0.05.json', 'rules.json', 'learned_C_0.05-2.json']
    """
    import re

    names: list[str] = []
    for label in labels:
        stem = re.sub(r"[^A-Za-z0-9._-]+", "_", label).strip("_.") or "run"
        name, number = f"{stem}.json", 1
        while name in names:
            number += 1
            name = f"{stem}-{number}.json"
        names.append(name)
    return names


def _write_runs(directory: Path, current: dict) -> None:
    from bench.data.results import write_results

    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BenchError(f"cannot make the folder: {exc.strerror}", str(directory), field="--results") from None
    for name, results in zip(run_file_names([results.label for results in current.values()]), current.values()):
        write_results(results, directory / name)
    typer.echo(f"wrote {plural(len(current), 'results file')} to {directory}", err=True)


def report(
    html: Path = typer.Option(..., "--html", help="HTML file to write (atomically)."),
    results: Optional[list[Path]] = typer.Argument(None, metavar="[RESULTS]...",
                                                   help=_RESULTS_HELP + " None: the gold mentions only."),
    gold: Optional[Path] = GoldOption,
    suite: Optional[str] = typer.Option(None, "--suite", help=_SUITE_HELP),
    max_examples: int = typer.Option(20, "--max-examples", min=1, metavar="N",
                                     help="Errors of each kind and run, and cases of each capability, written into "
                                          "the page; the others stay in its data, one click away."),
    csv: Optional[Path] = typer.Option(None, "--csv", metavar="DIR",
                                       help="Also write the page's tables (comparison, capabilities, cases, errors) "
                                            "as CSV files into DIR: the same bytes as the page's downloads."),
) -> None:
    """One self-contained HTML page comparing runs: scores, chart, capabilities, errors and articles.

    A row per run with F1 (or P, R) per fact type and its interval, the best
    marked and differences from the best tested; each number links to its
    errors or cases. Errors by kind and a suite's cases by capability, the
    first --max-examples of each on the page and the rest in its data;
    articles a run erred on in full, with counts equal to the scores'. No
    network; the small script (sorting, filtered lists, CSV) is optional.
    Runs must share set, level and mode.

    Example: bench report --html report.html results/regex.json results/rules.json
    Example: bench report --html suite.html suite-results/ --suite capabilities --csv suite-tables/
    """
    from bench.cli.progress import working
    from bench.data.scored_on import refuse_other_sets
    from bench.errors import MismatchError
    from bench.presentation.html_report import load_runs, write_report
    from bench.presentation.leaderboard import results_files
    from bench.scoring.verify import verify_all

    files = results_files(results or [])
    loaded, loaded_suite = load_set(gold, suite)
    try:
        with working(f"reading {plural(len(files), 'results file')}"):
            runs = load_runs(files, loaded)
    except MismatchError as error:  # name each set and the option that loads it, where the report does not
        if error.field == "gold_hash":
            refuse_other_sets(read_all(files), [str(f) for f in files], loaded, loaded_suite)
        raise
    with working(f"rescoring {plural(len(runs), 'results file')} from their predictions"):
        verify_all([run.results for run in runs], [str(f) for f in files], loaded, loaded_suite)
    with working("writing the page"):
        tables = write_report(html, loaded, runs, suite=loaded_suite, max_examples=max_examples, csv_dir=csv)
    typer.echo(f"wrote {html}" + (f" and {plural(len(tables), 'CSV file')} to {csv}" if tables else ""), err=True)


def register(app: typer.Typer) -> None:
    """Add ``leaderboard``, ``check`` and ``report`` to ``app``."""
    app.command("leaderboard")(leaderboard)
    app.command("check")(check)
    app.command("report")(report)
