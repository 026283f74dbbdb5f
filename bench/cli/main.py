"""The ``bench`` command line: thin commands over the library.

Exit codes: 0 success, 1 a gate or check failed, 2 bad input or usage,
3 the run finished but the extractor failed on some documents (listed),
128 + the signal when interrupted: 130 Ctrl-C, 143 SIGTERM, 129 SIGHUP
(no partial output or worker process is left). User mistakes print one line,
no traceback.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from bench.cli.common import (
    ExtractorOption,
    FormatOption,
    GoldOption,
    ParamOption,
    SuiteOption,
    TimeoutOption,
    WorkersOption,
    check_format,
    check_gold_or_suite,
    parse_params,
    plural,
)
from bench.cli.group import BenchGroup, show_version
from bench.errors import BenchError

app = typer.Typer(
    cls=BenchGroup,
    help="factbench: score fact extractors on hand-labeled news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", callback=show_version, is_eager=True,
                                 help="Print factbench's version and exit."),
) -> None:
    # Options of bench itself, before any command; the app's help says what bench is.
    pass


@app.command()
def validate(
    gold: Optional[Path] = GoldOption,
    suite: Optional[str] = SuiteOption,
    predictions: list[Path] = typer.Option([], "--predictions", "-p", help="A predictions JSONL file to check (repeatable)."),
    documents: list[Path] = typer.Option([], "--documents", "-d", help="A documents JSONL file to check (repeatable)."),
) -> None:
    """Check the gold, and any predictions or documents files, against the schemas and the texts.

    Prints one line per problem (FILE:LINE: field: what is wrong); exit 2 if any.
    Predictions are checked against the gold's articles, or against --documents when given.
    Reads files only; never runs code from them.

    With --suite, the capability suite is checked instead of the gold, as strictly,
    plus its cases (one per document, known capability and kind, negatives without facts).

    Example: bench validate --predictions preds.jsonl
    Example: bench validate --suite capabilities
    """
    from bench.data.documents import iter_documents
    from bench.data.gold import gold_problems
    from bench.data.suite.load import suite_problems
    from bench.data.validate import Problem, check_fact_records, problems_only
    from bench.presentation.terminal import safe

    check_gold_or_suite(gold, suite)
    if suite is not None:
        problems, loaded_suite = suite_problems(suite)
        loaded = loaded_suite and loaded_suite.gold
    else:
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
        typer.echo(safe(str(problem)))
    if problems:
        raise typer.Exit(2)
    what = "suite" if suite is not None else "gold"
    checked = [f"{what} {loaded.version}" if loaded else what] + [str(p) for p in (*documents, *predictions)]
    typer.echo(f"ok: {', '.join(checked)}", err=True)


@app.command()
def stats(gold: Optional[Path] = GoldOption, suite: Optional[str] = SuiteOption, fmt: str = FormatOption) -> None:
    """Gold statistics: mentions and distinct facts per type per document (per capability with --suite).

    Example: bench stats --format markdown
    Example: bench stats --suite capabilities
    """
    from bench.data.gold import gold_statistics, load_gold
    from bench.presentation.tables import statistics_table

    check_format(fmt)
    check_gold_or_suite(gold, suite)
    if suite is not None:
        _suite_stats(suite, fmt)
        return
    loaded = load_gold(gold)
    rows = gold_statistics(loaded)
    if fmt == "json":
        typer.echo(json.dumps({"version": loaded.version, "hash": loaded.hash, "documents": rows}, indent=2))
    else:
        typer.echo(statistics_table(rows, markdown=fmt == "markdown"))


def _suite_stats(suite: str, fmt: str) -> None:
    from bench.data.suite.load import load_suite, suite_statistics
    from bench.presentation.capability_tables import suite_statistics_table

    loaded = load_suite(suite)
    rows = suite_statistics(loaded)
    if fmt == "json":
        typer.echo(json.dumps({**loaded.identity(), "seed": loaded.seed, "capabilities": rows}, indent=2))
    else:
        typer.echo(suite_statistics_table(rows, markdown=fmt == "markdown"))


@app.command()
def export(
    hf: Path = typer.Option(..., "--hf", help="Folder to write the Hugging Face dataset into.", file_okay=False),
    gold: Optional[Path] = GoldOption,
) -> None:
    """Export the gold for the Hugging Face Hub: data file plus a dataset card (a set with unreviewed pre-labels is refused).

    Example: bench export --hf out/factbench-gold
    """
    from bench.data.gold import load_gold, require_reviewed
    from bench.data.hf import export_hf

    for path in export_hf(require_reviewed(load_gold(gold)), hf):
        typer.echo(str(path))


@app.command("list")
def list_(
    gold: Optional[Path] = GoldOption,
    options: Optional[str] = typer.Option(None, "--options", metavar="NAME", help="Only the options extractor NAME takes (for --param)."),
) -> None:
    """Extractors (built-in and plug-ins) with versions, and fact types with their gold counts.

    Listing imports each extractor's module to read its version and description.

    Example: bench list --options learned
    """
    from bench.data.gold import load_gold
    from bench.extraction.listing import declared_options, listed_extractors
    from bench.extraction.options import known_options
    from bench.presentation.tables import extractor_table, fact_type_rows, option_table

    if options is not None:
        specs = declared_options(options)
        typer.echo(option_table(specs) if specs else known_options(options, specs))
        return

    typer.echo(extractor_table(listed_extractors()))
    typer.echo("")
    typer.echo(fact_type_rows(load_gold(gold)))


@app.command()
def readme(
    paths: Optional[list[Path]] = typer.Argument(
        None, help="Markdown files whose generated blocks to refresh; default: README.md and every page under "
                   "docs/ (from the current directory) that holds one."),
    check: bool = typer.Option(False, "--check", help="Only compare: exit 1 when a block is out of date."),
) -> None:
    """Regenerate the tables between <!-- bench:NAME --> markers (gold statistics, baseline scores, the suite).

    Example: bench readme --check
    Example: bench readme README.md docs/capabilities.md
    """
    from bench.cli.progress import stages
    from bench.data.jsonl import write_text_atomic
    from bench.presentation.readme_tables import marked_pages, update_blocks

    pages = paths or marked_pages(Path("."))
    if not pages:
        raise BenchError("no README.md or docs/ page here holds a <!-- bench:NAME --> block", str(Path.cwd()))
    stale = []
    texts = {path: _read_page(path) for path in pages}
    with stages(sum(map(_blocks_in, texts.values()))) as step:
        fresh_texts = {path: update_blocks(current, str(path), _announced_blocks(step, path))
                       for path, current in texts.items()}
    for path, current in texts.items():
        fresh = fresh_texts[path]
        if fresh == current:
            typer.echo(f"{path}: generated tables are current", err=True)
        elif check:
            stale.append(str(path))
            typer.echo(f"{path}: generated tables are out of date", err=True)
        else:
            write_text_atomic(path, fresh)
            typer.echo(f"updated {path}", err=True)
    if stale:
        typer.echo(f"run: bench readme {' '.join(stale)}", err=True)
        raise typer.Exit(1)


def _read_page(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BenchError(f"cannot read: {exc.strerror}", str(path)) from None


def _blocks_in(text: str) -> int:
    """How many known generated blocks ``text`` holds: the steps of ``bench readme``."""
    from bench.pipeline.readme import BLOCKS

    return sum(text.count(f"<!-- bench:{name} -->") for name in BLOCKS)


def _announced_blocks(step, path: Path) -> dict:
    """The block makers of ``bench readme``, each saying on the terminal which block of which page it makes."""
    from bench.pipeline.readme import BLOCKS

    def announced(name: str, make):
        def run() -> str:
            step(f"{path}: {name}")
            return make()

        return run

    return {name: announced(name, make) for name, make in BLOCKS.items()}


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
    date_column: Optional[str] = typer.Option(None, "--date-column", help="Column with the published date (ISO; default: 'published' when the dataset has it)."),
    param: list[str] = ParamOption,
    workers: int = WorkersOption,
    timeout: Optional[float] = TimeoutOption,
    gold: Optional[Path] = GoldOption,
    suite: Optional[str] = SuiteOption,
) -> None:
    """Run an extractor over documents and write its predictions (default: the gold set's articles).

    With --suite, over the suite's documents (a trainable extractor is trained
    on the bundled articles). A document on which the extractor fails is
    reported on stderr and the run goes on; the exit code is then 3.

    Example: bench predict --extractor regex -o preds.jsonl --docs news.jsonl
    Example: bench predict --extractor rules -o preds.jsonl --suite capabilities
    """
    from bench.cli.progress import counted
    from bench.data.gold import load_gold
    from bench.data.jsonl import atomic_writer
    from bench.data.sources import DatasetSpec, iter_source
    from bench.extraction.registry import load_extractor
    from bench.extraction.runner import RunOptions, encode_run, run_for_gold

    check_gold_or_suite(gold, suite)
    if suite is not None and (docs is not None or dataset is not None):
        raise BenchError("give --suite, --docs or --dataset, not several", field="--suite")
    spec = DatasetSpec(dataset, split, text_column, id_column, date_column) if dataset else None
    loaded_gold = load_gold(gold)
    documents = iter_source(docs, spec) if docs or spec else iter(loaded_gold.documents)
    total = len(loaded_gold.documents) if docs is None and spec is None else None
    if suite is not None:
        from bench.data.suite.load import load_suite

        documents = load_suite(suite).gold.documents
        total = len(documents)
    params = parse_params(param)
    model = load_extractor(extractor, params)
    runs = run_for_gold(model, documents, loaded_gold.documents, loaded_gold.facts, RunOptions(workers, timeout),
                        extractor, params, encode=encode_run)
    failures, count = [], 0
    with atomic_writer(output) as out:
        for run in counted(runs, model.name, total, "documents"):
            if run.failure:
                failures.append(run)
            out.write(run.lines)
            count += run.count
    _report_failures(failures)
    typer.echo(f"wrote {plural(count, 'prediction')} to {output}", err=True)
    if failures:
        raise typer.Exit(3)


def main() -> None:  # console-script entry point
    app()


from bench.cli import gold, scoring, suite, tools, twins  # noqa: E402 - their commands are added once the app exists

scoring.register(app)
tools.register(app)
gold.register(app)
suite.register(app)
twins.register(app)

if __name__ == "__main__":
    main()
