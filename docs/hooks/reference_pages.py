"""MkDocs hook: the command-line and plug-in API reference, generated from the code when the site is built.

``reference/cli.md`` is every command's ``--help`` as ``bench`` prints it (click's help of the typer app),
so the page cannot drift from the commands. ``reference/api.md`` is one mkdocstrings block per name that
``bench`` exports, in the order of its export table: the plug-in API and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterator

from mkdocs.structure.files import File, Files

WIDTH = 100  # columns of the help text, as a wide terminal shows it


def on_files(files: Files, config) -> Files:
    files.append(File.generated(config, "reference/cli.md", content=cli_page()))
    files.append(File.generated(config, "reference/api.md", content=api_page()))
    return files


def cli_page() -> str:
    import typer.main

    from bench.cli.main import app

    root = typer.main.get_command(app)
    parts = ["# Command-line reference\n",
             "Every command's `--help`, generated from the code when this site is built. What each exit code "
             "means: [Files, failures and exit codes](../files.md).\n"]
    for context in _contexts(root.context_class(root, info_name="bench", terminal_width=WIDTH, max_content_width=WIDTH)):
        heading = "#" * max(2, len(context.command_path.split()))  # bench and bench eval: ##, bench gold init: ###
        parts.append(f"{heading} `{context.command_path}`\n\n```text\n{context.command.get_help(context)}\n```\n")
    return "\n".join(parts)


def _contexts(context) -> Iterator:
    """``context``, then the context of every subcommand below its command, depth first, in listed order.

    Duck-typed: typer carries its own copy of click, whose groups are not ``click.Group``.
    """
    yield context
    group = context.command
    for name in group.list_commands(context) if hasattr(group, "list_commands") else ():
        yield from _contexts(type(context)(group.get_command(context, name), info_name=name, parent=context))


def api_page() -> str:
    import bench

    blocks = "\n\n".join(f"::: {module}.{name}" for name, module in bench._EXPORTS.items())
    return ("# Plug-in API\n\n"
            "What `bench` exports, from the docstrings; nothing else is promised. Import each name from `bench` "
            "itself (`from bench import Fact`): the headings show where it is defined.\n\n"
            f"::: bench\n    options:\n      members: false\n      show_root_heading: false\n\n{blocks}\n")
