"""``bench suite build``: write a fresh capability suite from a seed; :func:`register` adds the ``suite`` group."""

from __future__ import annotations

from pathlib import Path

import typer

suite_app = typer.Typer(help="Capability suites: generated cases, one capability at a time.", no_args_is_help=True,
                        add_completion=False, rich_markup_mode=None)


@suite_app.command("build")
def build(
    seed: int = typer.Option(..., "--seed", help="Seed of the generator: keep it private for a suite no model has seen."),
    output: Path = typer.Option(..., "--output", "-o", help="Directory to create (atomically: all of it or nothing).",
                                file_okay=False),
    force: bool = typer.Option(False, "--force", help="Replace an existing suite directory (one holding the "
                               "'.bench-suite' marker this command writes); any other directory is refused."),
) -> None:
    """Generate a capability suite from --seed into a new directory.

    The same seed gives the same files byte for byte (with the same Faker
    version); another seed gives other names, places, products, page lines,
    counted nouns and government bodies for the same capabilities and frames.
    Evaluate on it with --suite DIR.

    Example: bench suite build --seed 8127 -o my-suite && bench eval -e rules --suite my-suite
    """
    from bench.data.suite.writer import write_suite

    files = write_suite(output, seed, force)
    cases = files["cases.jsonl"].count(b"\n")
    typer.echo(f"wrote {output}: {cases} cases", err=True)


def register(app: typer.Typer) -> None:
    app.add_typer(suite_app, name="suite")
