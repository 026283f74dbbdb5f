"""What the ``bench`` commands share: options, parsing of their values, printing of results."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from bench.data.bundled import BUNDLED_NAMES, gold_directory
from bench.errors import BenchError


def gold_option(value: str) -> Path:
    """The directory ``--gold VALUE`` names; a bare unknown name is refused (exit 2)."""
    return gold_directory(value, field="--gold")


def source_option(value: str) -> Path:
    """The directory ``--source VALUE`` names, as ``--gold`` reads it."""
    return gold_directory(value, field="--source")


GoldOption = typer.Option(None, "--gold", metavar="NAME|DIR", parser=gold_option,
                          help=f"Gold set: a bundled name ({', '.join(BUNDLED_NAMES)}) or a directory; default articles. "
                          "A bundled name wins over a directory of the same name: write ./NAME for the directory. "
                          "The bundled sets: bench gold list.")
SuiteOption = typer.Option(None, "--suite", help="A capability suite instead of the articles: 'capabilities' (shipped) "
                           "or a directory built by 'bench suite build'.")
FormatOption = typer.Option("table", "--format", "-f", help="table | json | markdown")
SourceOption = typer.Option(None, "--source", metavar="NAME|DIR", parser=source_option,
                            help="On a twin set: the gold set it was made from, to count the answers reciting it "
                            "(default: the bundled set whose hash the twin's .bench-twins records).")


def parse_params(pairs: list[str]) -> dict[str, str]:
    """``--param key=value`` pairs, values as text: the extractor's declared option types parse them."""
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise BenchError(f"expected key=value, got {pair!r}", field="--param")
        params[key.strip()] = value
    return params


def check_format(fmt: str, allowed: tuple[str, ...] = ("table", "json", "markdown")) -> None:
    if fmt not in allowed:
        raise BenchError(f"{fmt!r} is not one of {', '.join(allowed)}", field="--format")


ExtractorOption = typer.Option(..., "--extractor", "-e", help="A built-in or plug-in name, package.module:attr, or path/to/file.py:attr (loading a module or file runs its code).")
WorkersOption = typer.Option(1, "--workers", "-j", min=1, help="Worker processes (output identical to one worker); with "
                             "more than one, each runs apart from bench, as with --timeout.")
TimeoutOption = typer.Option(None, "--timeout", min=0.001, help="Seconds allowed per document; a document over it is a "
                             "failure. With it, documents run in a worker process (even with -j 1) that is killed past "
                             "the limit whatever the extractor does, and threads or output it leaves behind never reach "
                             "bench. Without it and with -j 1, the extractor runs in bench's own process, the fastest "
                             "way, where none of that holds, and a signal during a long call into C kills bench (exit "
                             "status 137), writing nothing.")
ParamOption = typer.Option([], "--param", help="key=value: an option of the extractor, parsed to its declared type (repeatable; see bench list --options NAME).")


LevelOption = typer.Option("fact", "--level", "-l", help="fact | strict | exact | partial | type (the last four score mention spans).")
ModeOption = typer.Option("strict", "--mode", "-m", help="strict | lenient value matching (lenient: a date of the same period at a coarser or finer precision, a week with its days, never with a month or year; any qualifier; any title).")
OutputOption = typer.Option(None, "--output", "-o", help="Write the results file (JSON, atomically) here.")
DocumentsOption = typer.Option(False, "--documents", help="Also print the per-document table.")
ErrorsOption = typer.Option(False, "--errors", help="List every error: missed, spurious, wrong value, wrong boundary, wrong type.")
CiOption = typer.Option(True, "--ci/--no-ci", help="Exact 95% confidence intervals (Clopper–Pearson based).")
SeedOption = typer.Option(0, "--seed", help="Seed of the randomization test.")
ResamplesOption = typer.Option(9_999, "--resamples", min=1, help="Permutations of the randomization test.")


def show_results(results, fmt: str, output: Optional[Path], errors: bool, documents: bool = False,
                 ledger: bool = False) -> None:
    """Print results as ``fmt`` (writing them to ``output`` first); with ``ledger``, what the run cost under the table.

    ``bench eval`` leaves the ledger (times, memory) out of its table, which so stays the same from run to run;
    ``bench show`` prints it, and ``--format json`` holds it either way.
    """
    from bench.data.results import write_results
    from bench.presentation.capability_tables import capability_table
    from bench.presentation.tables import documents_table, errors_listing, results_table

    if output is not None:
        write_results(results, output)
    if fmt == "json":
        typer.echo(results.to_json(), nl=False)
    else:
        typer.echo(results_table(results, markdown=fmt == "markdown"))
        if ledger and results.ledger is not None:
            from bench.presentation.ledger_tables import ledger_text

            typer.echo("")
            typer.echo(ledger_text(results.ledger))
        if results.capabilities:
            typer.echo("")
            typer.echo(capability_table(results, markdown=fmt == "markdown"))
        if results.twins:
            from bench.presentation.twin_tables import twins_table

            typer.echo("")
            typer.echo(twins_table(results, results.twins, markdown=fmt == "markdown"))
        if documents:
            typer.echo("")
            typer.echo(documents_table(results, markdown=fmt == "markdown"))
        if errors:
            typer.echo("")
            typer.echo(errors_listing(results))
    if output is not None:
        typer.echo(f"wrote {output}", err=True)
    if results.failures or (results.twins and any(run.failed for run in results.twins.runs)):
        raise typer.Exit(3)


def check_scoring(fmt: str, level: str, mode: str) -> None:
    from bench.data.results import LEVELS

    check_format(fmt)
    if level not in LEVELS:
        raise BenchError(f"{level!r} is not one of {', '.join(LEVELS)}", field="--level")
    if mode not in ("strict", "lenient"):
        raise BenchError(f"{mode!r} is not one of strict, lenient", field="--mode")


def check_gold_or_suite(gold: Optional[Path], suite: Optional[str]) -> None:
    if gold is not None and suite is not None:
        raise BenchError("give --gold or --suite, not both", field="--suite")


def load_set(gold: Optional[Path], suite: Optional[str]):
    """The gold a command scores against and the capability suite it belongs to (None off a suite).

    A suite takes about a second to load and check: a spinner says so on a terminal.
    """
    from bench.cli.progress import working

    check_gold_or_suite(gold, suite)
    if suite is None:
        from bench.data.gold import load_gold

        return load_gold(gold), None
    from bench.data.suite.load import load_suite

    with working(f"loading the suite {suite}"):
        loaded = load_suite(suite)
    return loaded.gold, loaded


def read_all(paths: list[Path]) -> list:
    """Read and check results files, counting them on a terminal (a suite's results are large)."""
    from bench.cli.progress import counted
    from bench.data.results import read_results

    return [read_results(path) for path in counted(paths, "reading results", len(paths), "files")]


def plural(count: int, noun: str) -> str:
    """``count`` and ``noun``, in the plural unless there is one.

    >>> plural(1, "document"), plural(3, "document")
    ('1 document', '3 documents')
    """
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
