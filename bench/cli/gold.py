"""``bench gold``: make a gold set of your own articles, review it, and measure agreement between two annotators."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from bench.cli.common import FormatOption, ParamOption, TimeoutOption, WorkersOption, check_format, parse_params, plural

gold_app = typer.Typer(
    help="Gold sets: list (the bundled ones), init (your own articles, with pre-labels), show (review page), "
         "agree (two annotators), crosscheck (GUM as a third annotator).",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@gold_app.command()
def init(
    directory: Path = typer.Argument(..., help="The new gold set's directory (must not exist, or be empty)."),
    docs: Path = typer.Option(..., "--docs", help="Documents JSONL: {id, text, published?} per line, as bench predict reads."),
    prelabel: Optional[str] = typer.Option(None, "--prelabel", help="An extractor whose facts become pre-labels, each marked \"reviewed\": false."),
    param: list[str] = ParamOption,
    workers: int = WorkersOption,
    timeout: Optional[float] = TimeoutOption,
) -> None:
    """Create a gold set from your articles: documents/, facts.jsonl, aliases.json (the bundled table), VERSION.

    Without --prelabel, facts.jsonl is empty. With it, every fact is a
    suggestion to review: bench validate lists them, eval and score refuse
    the set until each "reviewed": false is gone. A document the extractor
    fails on gets no pre-labels (listed; exit 3).

    Example: bench gold init my-gold --docs articles.jsonl --prelabel rules
    """
    from bench.data.documents import iter_documents
    from bench.data.gold import ALIASES_FILE, load_gold
    from bench.data.gold_set import check_new_directory, write_gold_set
    from bench.data.jsonl import read_json
    from bench.data.resources import gold_dir

    check_new_directory(directory)
    documents = list(iter_documents(docs))
    aliases_raw = read_json(gold_dir() / ALIASES_FILE)
    records: tuple[dict, ...] = ()
    failures: dict[str, str] = {}
    if prelabel:
        from bench.extraction.registry import load_extractor
        from bench.extraction.runner import RunOptions
        from bench.pipeline.prelabel import prelabel as make_prelabels

        params = parse_params(param)
        labels = make_prelabels(load_extractor(prelabel, params), prelabel, documents, load_gold(), aliases_raw,
                                params, RunOptions(workers, timeout))
        records, aliases_raw, failures = labels.records, labels.aliases_raw, labels.failures
        for name in labels.added:
            typer.echo(f"added to {directory / ALIASES_FILE}: {name} (check it)", err=True)
        if labels.unplaced:
            typer.echo(f"left out {labels.unplaced} facts without offsets (they cannot be placed in the text)", err=True)
    write_gold_set(directory, documents, records, aliases_raw)
    for doc_id, failure in failures.items():
        typer.echo(f"failed: {doc_id}: {failure}", err=True)
    review = f", {plural(len(records), 'pre-label')} to review" if prelabel else ""
    typer.echo(f"wrote {directory}: {plural(len(documents), 'document')}{review}", err=True)
    if failures:
        raise typer.Exit(3)


@gold_app.command("list")
def list_(fmt: str = FormatOption) -> None:
    """The bundled gold sets: documents, mentions/distinct facts per type, licence and source.

    Give a set's name to --gold or to bench gold show.

    Example: bench gold list --format markdown
    """
    from bench.data.bundled import BUNDLED, summary
    from bench.facts import FACT_TYPES
    from bench.presentation.tables import format_table

    check_format(fmt)
    sets = [summary(bundled) for bundled in BUNDLED]
    if fmt == "json":
        typer.echo(json.dumps(sets, indent=2, ensure_ascii=False))
        return
    headers = ["set", "version", "documents", *FACT_TYPES, "licence", "source"]
    rows = [[s["name"], s["version"], s["documents"],
             *(f"{s['facts'][t]['mentions']}/{s['facts'][t]['distinct']}" for t in FACT_TYPES), s["licence"], s["source"]]
            for s in sets]
    typer.echo(format_table(headers, rows, markdown=fmt == "markdown"))
    typer.echo("\nEach type: mentions/distinct facts.")


@gold_app.command()
def show(
    gold_set: str = typer.Argument(..., metavar="NAME|DIR",
                                   help="A bundled gold set's name (bench gold list) or a gold set directory; a bundled "
                                   "name wins over a directory of the same name: write ./NAME for the directory."),
    output: Path = typer.Option(..., "--output", "-o", help="HTML file to write (atomically)."),
) -> None:
    """A self-contained review page: every article with each mention highlighted, its fact id, type and value inline.

    Unreviewed pre-labels are marked. No network, no script.

    Example: bench gold show my-gold -o review.html
    Example: bench gold show wikinews -o wikinews.html
    """
    from bench.data.bundled import gold_directory
    from bench.data.gold import load_gold
    from bench.data.jsonl import write_text_atomic
    from bench.presentation.review_page import review_page

    write_text_atomic(output, review_page(load_gold(gold_directory(gold_set)), gold_set))
    typer.echo(f"wrote {output}", err=True)


@gold_app.command()
def crosscheck(
    gold_set: str = typer.Argument("wikinews", metavar="NAME|DIR",
                                   help="A gold set holding gum_entities.jsonl and crosscheck.json (default: wikinews)."),
    per_document: bool = typer.Option(False, "--per-document", help="Also print covered/total per document."),
    fmt: str = FormatOption,
) -> None:
    """GUM as a third annotator: the share of GUM's date, government-body and official mentions that the gold covers.

    Every GUM mention the gold leaves out must be excluded by a rule listed in
    the set's crosscheck.json; those that are not are listed, and the exit
    code is 1.

    Example: bench gold crosscheck wikinews --per-document
    """
    from bench.data.bundled import gold_directory
    from bench.data.gold import load_gold
    from bench.presentation.crosscheck_table import crosscheck_text
    from bench.scoring.crosscheck import coverage_by_document, coverage_rows, load_crosscheck
    from bench.scoring.crosscheck import crosscheck as cross

    check_format(fmt)
    directory = gold_directory(gold_set)
    mentions, config = load_crosscheck(directory)
    result = cross(mentions, load_gold(directory).facts, config)
    if fmt == "json":
        typer.echo(json.dumps({"overall": coverage_rows(result), "documents": coverage_by_document(result)}, indent=2))
    else:
        typer.echo(crosscheck_text(result, markdown=fmt == "markdown", per_document=per_document))
    if any(cov.unexplained for cov in result.values()):
        raise typer.Exit(1)


@gold_app.command()
def agree(
    a: Path = typer.Argument(..., help="Gold set of annotator A (the reference for precision and recall).", file_okay=False),
    b: Path = typer.Argument(..., help="Gold set of annotator B, over the same documents.", file_okay=False),
    fmt: str = FormatOption,
) -> None:
    """Agreement between two gold sets over the same documents: span F1 (exact, overlap), values, facts; then every disagreement.

    F1 takes A as reference, and is the same either way round. Sets whose
    document texts differ are refused.

    Example: bench gold agree alice-gold bob-gold
    """
    from bench.data.gold import load_gold
    from bench.presentation.agreement_table import agreement_text
    from bench.scoring.agreement import agreement

    check_format(fmt)
    result = agreement(load_gold(a), load_gold(b), str(a), str(b))
    if fmt == "json":
        typer.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        typer.echo(agreement_text(result, markdown=fmt == "markdown"))


def register(app: typer.Typer) -> None:
    app.add_typer(gold_app, name="gold")
