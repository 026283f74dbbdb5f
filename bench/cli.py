"""The ``bench`` command line: thin commands over the library.

Exit codes: 0 success, 1 a gate or check failed, 2 bad input or usage,
3 the run finished but the extractor failed on some documents (listed),
130 interrupted (no partial output is left). User mistakes print one line,
no traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer
from typer.core import TyperGroup

from bench.errors import BenchError


class _Group(TyperGroup):
    """Catches :class:`BenchError` once for every command: one line on stderr, exit 2."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BenchError as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            typer.echo("interrupted: nothing was written", err=True)
            raise typer.Exit(130) from None


app = typer.Typer(
    cls=_Group,
    help="factbench: score fact extractors on hand-labeled news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

GoldOption = typer.Option(None, "--gold", help="Gold directory (default: the bundled gold set).", file_okay=False)
FormatOption = typer.Option("table", "--format", "-f", help="table | json | markdown")


def _load_gold(gold_dir: Optional[Path]):
    from bench.gold import load_gold

    return load_gold(gold_dir)


def _params(pairs: list[str]) -> dict[str, Any]:
    """``--param key=value`` pairs; values are JSON when they parse as JSON, else strings."""
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise BenchError(f"expected key=value, got {pair!r}", field="--param")
        try:
            params[key] = json.loads(value)
        except json.JSONDecodeError:
            params[key] = value
    return params


def _check_format(fmt: str, allowed: tuple[str, ...] = ("table", "json", "markdown")) -> None:
    if fmt not in allowed:
        raise BenchError(f"{fmt!r} is not one of {', '.join(allowed)}", field="--format")


@app.command()
def validate(
    gold: Optional[Path] = GoldOption,
    predictions: list[Path] = typer.Option([], "--predictions", "-p", help="A predictions JSONL file to check (repeatable)."),
    documents: list[Path] = typer.Option([], "--documents", "-d", help="A documents JSONL file to check (repeatable)."),
) -> None:
    """Check the gold, and any predictions or documents files, against the schemas and the texts.

    Prints one line per problem (FILE:LINE: field: what is wrong); exit 2 if any.
    Predictions are checked against the gold's articles, or against --documents when given.
    Reads files only; never runs code from them.

    Example: bench validate --predictions preds.jsonl
    """
    from bench.documents import iter_documents
    from bench.gold import gold_problems
    from bench.validate import Problem, check_fact_records, problems_only

    problems, loaded = gold_problems(gold)
    texts = {doc.id: doc.text for doc in loaded.documents} if loaded else {}
    if documents:
        texts = {}
        for path in documents:
            try:
                texts.update({doc.id: doc.text for doc in iter_documents(path)})
            except BenchError as error:
                problems.append(Problem.from_error(error))
    for path in predictions:
        problems.extend(problems_only(check_fact_records(path, "prediction", texts)))
    for problem in problems:
        typer.echo(str(problem))
    if problems:
        raise typer.Exit(2)
    checked = ["gold " + loaded.version if loaded else "gold"] + [str(p) for p in (*documents, *predictions)]
    typer.echo(f"ok: {', '.join(checked)}", err=True)


@app.command()
def stats(gold: Optional[Path] = GoldOption, fmt: str = FormatOption) -> None:
    """Gold statistics: mentions and distinct facts per type per document.

    Example: bench stats --format markdown
    """
    from bench.gold import gold_statistics
    from bench.render import statistics_table

    _check_format(fmt)
    loaded = _load_gold(gold)
    rows = gold_statistics(loaded)
    if fmt == "json":
        typer.echo(json.dumps({"version": loaded.version, "hash": loaded.hash, "documents": rows}, indent=2))
    else:
        typer.echo(statistics_table(rows, markdown=fmt == "markdown"))


@app.command()
def export(
    hf: Path = typer.Option(..., "--hf", help="Folder to write the Hugging Face dataset into.", file_okay=False),
    gold: Optional[Path] = GoldOption,
) -> None:
    """Export the gold for the Hugging Face Hub: data file plus a dataset card.

    Example: bench export --hf out/factbench-gold
    """
    from bench.hf import export_hf

    for path in export_hf(_load_gold(gold), hf):
        typer.echo(str(path))


@app.command("list")
def list_(gold: Optional[Path] = GoldOption) -> None:
    """Extractors (built-in and plug-ins) with versions, and fact types with their gold counts.

    Listing imports each extractor's module to read its version and description.

    Example: bench list
    """
    from bench.render import extractor_rows, fact_type_rows

    typer.echo(extractor_rows())
    typer.echo("")
    typer.echo(fact_type_rows(_load_gold(gold)))


@app.command()
def readme(
    path: Path = typer.Argument(Path("README.md"), help="The Markdown file whose generated blocks to refresh."),
    check: bool = typer.Option(False, "--check", help="Only compare: exit 1 when a block is out of date."),
) -> None:
    """Regenerate the tables between <!-- bench:NAME --> markers (gold statistics, baseline scores).

    Example: bench readme --check README.md
    """
    from bench.jsonl import write_text_atomic
    from bench.readme import update_blocks

    try:
        current = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BenchError(f"cannot read: {exc.strerror}", str(path)) from None
    fresh = update_blocks(current, str(path))
    if check:
        if fresh != current:
            typer.echo(f"{path}: generated tables are out of date; run: bench readme {path}", err=True)
            raise typer.Exit(1)
        typer.echo(f"{path}: generated tables are current", err=True)
    elif fresh != current:
        write_text_atomic(path, fresh)
        typer.echo(f"updated {path}", err=True)


ExtractorOption = typer.Option(..., "--extractor", "-e", help="A built-in or plug-in name, package.module:attr, or path/to/file.py:attr (loading a module or file runs its code).")
WorkersOption = typer.Option(1, "--workers", "-j", min=1, help="Worker processes (output identical to one worker).")
TimeoutOption = typer.Option(None, "--timeout", min=0.001, help="Seconds allowed per document; a document over it is a failure.")
ParamOption = typer.Option([], "--param", help="key=value passed to the extractor (repeatable; values parsed as JSON when they can be).")


def _progress(items, total: int | None, label: str):
    """A progress bar on stderr when it is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(label, total=total)
        for item in items:
            yield item
            progress.advance(task)


def _report_failures(failures: list) -> None:
    for run in failures:
        typer.echo(f"failed: {run.doc_id}: {run.failure}", err=True)


@app.command()
def predict(
    extractor: str = ExtractorOption,
    output: Path = typer.Option(..., "--output", "-o", help="Predictions JSONL to write (atomically)."),
    docs: Optional[Path] = typer.Option(None, "--docs", help="Documents JSONL: {id, text, published?} per line."),
    dataset: Optional[str] = typer.Option(None, "--dataset", help="A Hugging Face dataset: Hub name, saved folder or data file."),
    split: str = typer.Option("test", "--split"),
    text_column: str = typer.Option("text", "--text-column"),
    id_column: str = typer.Option("id", "--id-column"),
    date_column: Optional[str] = typer.Option(None, "--date-column", help="Column with the published date (ISO)."),
    param: list[str] = ParamOption,
    workers: int = WorkersOption,
    timeout: Optional[float] = TimeoutOption,
    gold: Optional[Path] = GoldOption,
) -> None:
    """Run an extractor over documents and write its predictions (default: the bundled seeds).

    A document on which the extractor fails is reported on stderr and the run
    goes on; the exit code is then 3.

    Example: bench predict --extractor regex -o preds.jsonl --docs news.jsonl
    """
    from bench.jsonl import atomic_writer
    from bench.registry import load_extractor
    from bench.run import RunOptions, encode_run, run_for_gold
    from bench.sources import DatasetSpec, iter_source

    spec = DatasetSpec(dataset, split, text_column, id_column, date_column) if dataset else None
    documents = iter_source(docs, spec)
    loaded_gold = _load_gold(gold)
    params = _params(param)
    model = load_extractor(extractor, params)
    total = len(loaded_gold.documents) if docs is None and spec is None else None
    runs = run_for_gold(model, documents, loaded_gold.documents, loaded_gold.facts, RunOptions(workers, timeout),
                        extractor, params, encode=encode_run)
    failures, count = [], 0
    with atomic_writer(output) as out:
        for run in _progress(runs, total, model.name):
            if run.failure:
                failures.append(run)
            out.write(run.lines)
            count += run.count
    _report_failures(failures)
    typer.echo(f"wrote {count} predictions to {output}", err=True)
    if failures:
        raise typer.Exit(3)


LevelOption = typer.Option("fact", "--level", "-l", help="fact | strict | exact | partial | type (the last four score mention spans).")
ModeOption = typer.Option("strict", "--mode", "-m", help="strict | lenient value matching (lenient: coarser dates, any qualifier, any title).")
OutputOption = typer.Option(None, "--output", "-o", help="Write the results file (JSON, atomically) here.")
ErrorsOption = typer.Option(False, "--errors", help="List every error: missed, spurious, wrong value, wrong boundary, wrong type.")
CiOption = typer.Option(True, "--ci/--no-ci", help="Bootstrap 95% confidence intervals.")
SeedOption = typer.Option(0, "--seed", help="Seed of the bootstrap.")
ResamplesOption = typer.Option(9_999, "--resamples", min=1, help="Bootstrap resamples.")


def _show_results(results, fmt: str, output: Optional[Path], errors: bool) -> None:
    from bench.render import errors_listing, results_table
    from bench.results import write_results

    if output is not None:
        write_results(results, output)
    if fmt == "json":
        typer.echo(results.to_json(), nl=False)
    else:
        typer.echo(results_table(results, markdown=fmt == "markdown"))
        if errors:
            typer.echo("")
            typer.echo(errors_listing(results))
    if output is not None:
        typer.echo(f"wrote {output}", err=True)
    if results.failures:
        raise typer.Exit(3)


def _check_scoring(fmt: str, level: str, mode: str) -> None:
    from bench.results import LEVELS

    _check_format(fmt)
    if level not in LEVELS:
        raise BenchError(f"{level!r} is not one of {', '.join(LEVELS)}", field="--level")
    if mode not in ("strict", "lenient"):
        raise BenchError(f"{mode!r} is not one of strict, lenient", field="--mode")


@app.command("eval")
def eval_(
    extractor: str = ExtractorOption,
    gold: Optional[Path] = GoldOption,
    level: str = LevelOption,
    mode: str = ModeOption,
    fmt: str = FormatOption,
    output: Optional[Path] = OutputOption,
    errors: bool = ErrorsOption,
    ci: bool = CiOption,
    seed: int = SeedOption,
    resamples: int = ResamplesOption,
    param: list[str] = ParamOption,
    workers: int = WorkersOption,
    timeout: Optional[float] = TimeoutOption,
) -> None:
    """Run an extractor on the gold articles and print its per-type scores.

    Trainable extractors (e.g. learned) are scored leave-one-document-out.
    A document the extractor fails on is listed, its gold counted as missed,
    and the exit code is 3.

    Example: bench eval --extractor rules --errors
    """
    from bench.evaluate import evaluate
    from bench.run import RunOptions

    _check_scoring(fmt, level, mode)
    results = evaluate(extractor, gold, level, mode, _params(param), seed, resamples, ci, RunOptions(workers, timeout))
    _show_results(results, fmt, output, errors)


@app.command()
def score(
    predictions: Path = typer.Argument(..., help="Predictions JSONL: {doc_id, type, value, text?, start?, end?} per line."),
    name: Optional[str] = typer.Option(None, "--name", help="Extractor name for the results (default: the file name)."),
    version: str = typer.Option("unknown", "--version", help="Extractor version for the results."),
    gold: Optional[Path] = GoldOption,
    level: str = LevelOption,
    mode: str = ModeOption,
    fmt: str = FormatOption,
    output: Optional[Path] = OutputOption,
    errors: bool = ErrorsOption,
    ci: bool = CiOption,
    seed: int = SeedOption,
    resamples: int = ResamplesOption,
) -> None:
    """Score a predictions file against the gold. It never runs code.

    The file is checked first (schema, document ids, offsets against the
    texts); the first problem is reported as FILE:LINE: field: message.

    Example: bench score preds.jsonl --errors
    """
    from bench.evaluate import score_run
    from bench.validate import read_predictions

    _check_scoring(fmt, level, mode)
    loaded = _load_gold(gold)
    facts = read_predictions(predictions, {doc.id: doc.text for doc in loaded.documents})
    results = score_run(loaded, facts, name or predictions.stem, version, level, mode, None, ci, seed, resamples)
    _show_results(results, fmt, output, errors)


@app.command()
def show(
    results: Path = typer.Argument(..., help="A results file written with -o."),
    fmt: str = FormatOption,
    errors: bool = ErrorsOption,
) -> None:
    """Print a results file again: the same table as when it was written.

    Example: bench show results/rules.json --errors
    """
    from bench.results import read_results

    _check_format(fmt)
    _show_results(read_results(results), fmt, None, errors)


@app.command()
def compare(
    a: Path = typer.Argument(..., help="Results file of run A (bench eval -o / bench score -o)."),
    b: Path = typer.Argument(..., help="Results file of run B, on the same gold."),
    gold: Optional[Path] = GoldOption,
    fmt: str = FormatOption,
    seed: int = SeedOption,
    resamples: int = ResamplesOption,
) -> None:
    """Is run A better than run B? F1 difference and p-value per type, micro and macro (fact level).

    Paired approximate randomization over the scored facts of both runs;
    refuses results on different gold versions or scored in different modes.

    Example: bench compare rules.json regex.json
    """
    from bench.compare import compare_results
    from bench.render import comparison_table
    from bench.results import read_results

    _check_format(fmt)
    run_a, run_b = read_results(a), read_results(b)
    comparison = compare_results(run_a, run_b, [str(a), str(b)], _load_gold(gold), resamples, seed)
    if fmt == "json":
        typer.echo(json.dumps({"a": str(a), "b": str(b), **comparison.to_dict()}, indent=2))
    else:
        typer.echo(comparison_table(comparison, run_a.extractor, run_b.extractor, markdown=fmt == "markdown"))


def main() -> None:  # console-script entry point
    app()


from bench.cli_tools import register  # noqa: E402 - the commands are added after the app exists

register(app)

if __name__ == "__main__":
    sys.exit(main())
