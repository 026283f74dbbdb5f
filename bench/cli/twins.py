"""``bench twins build``: a counterfactual twin of a gold set; :func:`register` adds the ``twins`` group."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from bench.cli.common import GoldOption

twins_app = typer.Typer(help="Counterfactual twins of a gold set: other people, counts and dates, the gold to match.",
                        no_args_is_help=True, add_completion=False, rich_markup_mode=None)


@twins_app.command("build")
def build(
    gold: Optional[Path] = GoldOption,
    seed: int = typer.Option(..., "--seed", min=0, help="Seed of the new names, the count factor and the date offset."),
    output: Path = typer.Option(..., "--output", "-o", help="Directory to create (atomically: all of it or nothing)."),
    force: bool = typer.Option(False, "--force", help="Replace a twin set already there (never another directory)."),
) -> None:
    """Write the twin of a gold set: every person renamed, every count scaled, every date moved, the gold to match.

    The same seed gives the same files byte for byte. The twin is a gold set
    like any other (evaluate on it with --gold DIR); its .bench-twins file and
    its VERSION name the source set's hash and the seed.

    Example: bench twins build --gold wikinews --seed 3 -o wikinews-twin-3 && bench eval -e rules --gold wikinews-twin-3
    """
    from bench.data.twins.build import write_twin

    twin = write_twin(gold, seed, output, force)
    info = twin.info
    typer.echo(f"wrote {output}: {len(twin.substitution.shifts)} documents, seed {seed}, dates moved {info.weeks} weeks, "
               f"counts x{info.count_factor:.3f}, {len(twin.substitution.cast.surnames)} surnames renamed", err=True)


def register(app: typer.Typer) -> None:
    app.add_typer(twins_app, name="twins")
