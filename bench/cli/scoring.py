"""The scoring commands: ``eval``, ``score``, ``show`` and ``compare``; :func:`register` adds them to the app."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from bench.cli.common import (
    CiOption,
    DocumentsOption,
    ErrorsOption,
    ExtractorOption,
    FormatOption,
    GoldOption,
    LevelOption,
    ModeOption,
    OutputOption,
    ParamOption,
    ResamplesOption,
    SeedOption,
    SourceOption,
    SuiteOption,
    TimeoutOption,
    WorkersOption,
    check_format,
    check_gold_or_suite,
    check_scoring,
    load_set,
    parse_params,
    plural,
    read_all,
    show_results,
)
from bench.errors import BenchError


def eval_(
    extractor: str = ExtractorOption,
    gold: Optional[Path] = GoldOption,
    suite: Optional[str] = SuiteOption,
    level: str = LevelOption,
    mode: str = ModeOption,
    fmt: str = FormatOption,
    output: Optional[Path] = OutputOption,
    errors: bool = ErrorsOption,
    documents: bool = DocumentsOption,
    ci: bool = CiOption,
    param: list[str] = ParamOption,
    workers: int = WorkersOption,
    timeout: Optional[float] = TimeoutOption,
    twins: int = typer.Option(0, "--twins", min=0, metavar="K",
                              help="Also run on K twins of the gold set (seeds 1 to K, built in a temporary "
                                   "directory): F1 on each, twin - original with its interval, recited answers."),
    source: Optional[Path] = SourceOption,
) -> None:
    """Run an extractor on the gold articles and print its per-type scores.

    Trainable extractors (e.g. learned) are scored leave-one-document-out;
    on a capability suite (--suite) they are trained on the bundled articles,
    and the failure rate of each capability is printed too.
    A document the extractor fails on is listed, its gold counted as missed,
    and the exit code is 3. On a twin set (bench twins build), the answers
    that recite its source are counted; --twins K runs on the set and on K
    of its twins, and -o writes the original's results with a twins summary.

    Example: bench eval --extractor rules --errors
    Example: bench eval --extractor regex --suite capabilities
    Example: bench eval --extractor rules --gold wikinews --twins 5
    """
    from bench.cli.progress import counted
    from bench.extraction.runner import RunOptions
    from bench.pipeline.run import evaluate, evaluate_suite

    check_scoring(fmt, level, mode)
    check_gold_or_suite(gold, suite)
    if suite is not None and (twins or source is not None):
        raise BenchError("--twins and --source need a gold set, not --suite", field="--twins" if twins else "--source")
    options = RunOptions(workers, timeout)

    def watch(runs, total: int):
        return counted(runs, extractor, total, "documents")

    if suite is not None:
        results = evaluate_suite(extractor, suite, level, mode, parse_params(param), ci, options, watch)
    elif twins:
        from bench.pipeline.twins import evaluate_twins

        results = evaluate_twins(extractor, gold, twins, level, mode, parse_params(param), ci, options, watch, source)
    else:
        results = evaluate(extractor, gold, level, mode, parse_params(param), ci, options, watch, source)
    show_results(results, fmt, output, errors, documents)


def score(
    predictions: Path = typer.Argument(..., help="Predictions JSONL: {doc_id, type, value, text?, start?, end?} per line."),
    name: Optional[str] = typer.Option(None, "--name", help="Extractor name for the results (default: the file name)."),
    version: str = typer.Option("unknown", "--version", help="Extractor version for the results."),
    gold: Optional[Path] = GoldOption,
    suite: Optional[str] = SuiteOption,
    level: str = LevelOption,
    mode: str = ModeOption,
    fmt: str = FormatOption,
    output: Optional[Path] = OutputOption,
    errors: bool = ErrorsOption,
    documents: bool = DocumentsOption,
    ci: bool = CiOption,
    source: Optional[Path] = SourceOption,
) -> None:
    """Score a predictions file against the gold. It never runs code.

    The file is checked first (schema, document ids, offsets against the
    texts); the first problem is reported as FILE:LINE: field: message.
    On a twin set, the answers that recite its source are counted.

    Example: bench score preds.jsonl --errors
    """
    from bench.data.gold import require_reviewed
    from bench.data.validate import read_predictions
    from bench.scoring.recitation import with_recited
    from bench.scoring.scorer import score_run, score_suite

    check_scoring(fmt, level, mode)
    if suite is not None and source is not None:
        raise BenchError("--source needs a gold set, not --suite", field="--source")
    loaded, loaded_suite = load_set(gold, suite)
    loaded = loaded if loaded_suite else require_reviewed(loaded)
    refuse_results_file(predictions)
    facts = read_predictions(predictions, {doc.id: doc.text for doc in loaded.documents})
    warn_coverage(predictions, facts, [doc.id for doc in loaded.documents], level)
    scored = (name or predictions.stem, version, level, mode, None, ci)
    if loaded_suite:
        results = score_suite(loaded_suite, facts, *scored)
    else:
        results = with_recited(score_run(loaded, facts, *scored), facts, loaded, gold, source)
    show_results(results, fmt, output, errors, documents)


def refuse_results_file(path: Path) -> None:
    """A results file (pretty-printed JSON with a format and rows) is not predictions: say what to run instead."""
    from bench.data.jsonl import open_binary
    from bench.errors import InputError

    if not path.is_file():
        return
    with open_binary(path) as handle:
        head = handle.read(4096)
    if head.lstrip().startswith(b"{\n") and b'"format"' in head and b'"gold_hash"' in head:
        raise InputError(f"a results file, not predictions: to print it, run bench show {path}", str(path))


def warn_coverage(path: Path, facts: list, doc_ids: list[str], level: str) -> None:
    """Say on stderr when the score would mislead: no predictions at all, or none for some documents."""
    if not facts:
        typer.echo(f"warning: {path} holds no predictions: all gold counts as missed", err=True)
        return
    covered = {fact.doc_id for fact in facts}
    missing = [doc_id for doc_id in doc_ids if doc_id not in covered]
    if missing:
        have = "has" if len(missing) == 1 else "have"
        typer.echo(f"warning: {len(missing)} of {plural(len(doc_ids), 'document')} {have} no predictions: "
                   "their gold counts as missed", err=True)
    unplaced = sum(not fact.has_span for fact in facts) if level != "fact" else 0
    if unplaced:
        typer.echo(f"warning: {plural(unplaced, 'prediction')} without offsets: not scored at the mention levels", err=True)


def show(
    results: Path = typer.Argument(..., help="A results file written with -o."),
    fmt: str = FormatOption,
    errors: bool = ErrorsOption,
    documents: bool = DocumentsOption,
) -> None:
    """Print a results file again: the same table as when it was written, then what the run cost.

    Under the table, the run's ledger when the file has one (bench eval wrote
    it): documents per second, p50, p95 and max latency per document, peak
    memory, the machine, and for a model extractor its tokens and cost.

    Example: bench show results/rules.json --errors
    """
    from bench.data.results import read_results

    check_format(fmt)
    show_results(read_results(results), fmt, None, errors, documents, ledger=True)


def compare(
    a: Path = typer.Argument(..., help="Results file of run A (bench eval -o / bench score -o)."),
    b: Path = typer.Argument(..., help="Results file of run B, on the same set, level and mode."),
    gold: Optional[Path] = GoldOption,
    suite: Optional[str] = SuiteOption,
    fmt: str = FormatOption,
    seed: int = SeedOption,
    resamples: int = ResamplesOption,
) -> None:
    """Is run A better than run B? F1 difference and p-values per type, micro and macro, at the files' level and mode.

    Paired randomization over whole documents (the p to read: facts of one
    article fail together) and, beside it, over the scored facts or mentions
    (at the partial level over documents only: a partial match is half a
    unit). Refuses results on different sets (naming each and the option that
    loads it), at different levels or in different modes.

    Example: bench compare rules.json regex.json
    Example: bench compare rules-strict.json regex-strict.json   (both scored with --level strict)
    """
    from bench.cli.progress import working
    from bench.presentation.ledger_tables import ledger_comparison
    from bench.presentation.tables import comparison_table
    from bench.presentation.terminal import safe
    from bench.presentation.twin_tables import recited_line
    from bench.scoring.compare import compare_results
    from bench.scoring.verify import verify_all

    check_format(fmt)
    run_a, run_b = read_all([a, b])
    loaded, loaded_suite = load_set(gold, suite)
    with working("rescoring both files from their predictions"):
        verify_all([run_a, run_b], [str(a), str(b)], loaded, loaded_suite)
    with working(f"randomization tests, {resamples:,} resamples"):
        comparison = compare_results(run_a, run_b, [str(a), str(b)], loaded, resamples, seed, loaded_suite)
    recited = recited_line(run_a, run_b)  # "" unless a run was scored on a twin
    if fmt == "json":
        on_twins = {"recited": {"a": run_a.recited and run_a.recited.to_dict(),
                                "b": run_b.recited and run_b.recited.to_dict()}} if recited else {}
        typer.echo(json.dumps({"a": str(a), "b": str(b), "level": run_a.level, "mode": run_a.mode,
                               **comparison.to_dict(), **on_twins}, indent=2))
    else:
        typer.echo(safe(_comparison_heading(run_a, run_b)))
        if recited:
            typer.echo(safe(recited))
        typer.echo("")
        typer.echo(comparison_table(comparison, run_a.label, run_b.label, markdown=fmt == "markdown"))
        for line in ledger_comparison(run_a, run_b, str(a), str(b)):  # cost, latency, a note on machines
            typer.echo(safe(line))


def _comparison_heading(a, b) -> str:
    """What is compared: both runs, the set, the level and the mode, as the score table's first line says them."""
    scored_on = f"suite {a.suite.get('name', '?')} {a.gold_version}" if a.suite else f"gold {a.gold_version}"
    level = "fact level" if a.level == "fact" else f"mention level, {a.level} scheme"
    return (f"A: {a.label} {a.extractor_version} · B: {b.label} {b.extractor_version} · {scored_on} "
            f"({a.gold_hash[:19]}) · {level}, {a.mode} values")


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_)
    app.command()(score)
    app.command()(show)
    app.command()(compare)
