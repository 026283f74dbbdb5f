"""How ``bench`` behaves around every command: one-line errors, whole help lines, ``--version``.

- A :class:`~bench.errors.BenchError` from any command is one line on stderr, exit 2; so is running out of
  memory (a ``MemoryError``: an input too large for the memory the process may use).
- A usage error (an unknown command or option, a missing or malformed value)
  is one line too, ``error: MESSAGE (see COMMAND --help)``, exit 2, instead of
  click's three-line box. It is raised as a click ``UsageError`` all the same,
  so ``standalone_mode=False`` callers still get the exception.
- Command lists show each command's whole first paragraph (click cuts it
  with "..." to fit one line), wrapped.
- ``bench --version`` prints the installed distribution's version.
"""

from __future__ import annotations

import typer
from typer.core import TyperGroup

from bench.errors import BenchError, Interrupted

try:  # typer carries its own copy of click since 0.2x, and raises its exceptions
    from typer._click import exceptions as click_exceptions
except ImportError:
    from click import exceptions as click_exceptions  # type: ignore[no-redef]

UsageError = click_exceptions.UsageError
_HELP_ON_NO_ARGS = getattr(click_exceptions, "NoArgsIsHelpError", ())  # shows help: not a one-line error
_INVOKED = "bench.command_path"  # key in the shared context meta: the command bench is running


class OneLineUsageError(click_exceptions.UsageError):
    """A usage error told in one line (its ``show`` is what typer calls in standalone mode)."""

    def show(self, file=None) -> None:
        typer.echo(f"error: {self.message}", err=True)


def one_line(error, command_path: str = "bench"):
    """``error`` (a click usage error) as one line naming the help of its command (``command_path`` when the error
    does not know it); one that is a line already, or shows the help, as it is.

    >>> one_line(UsageError("No such option: --colour")).message
    'no such option: --colour (see bench --help)'
    """
    if isinstance(error, (OneLineUsageError, _HELP_ON_NO_ARGS)):
        return error
    text = " ".join(error.format_message().split()).rstrip(".")
    if len(text) > 1 and text[1].islower():
        text = text[0].lower() + text[1:]
    where = error.ctx.command_path if error.ctx is not None else command_path
    return OneLineUsageError(f"{text} (see {where} --help)", error.ctx)


def _first_paragraph(text: str | None) -> str:
    return " ".join((text or "").split("\n\n")[0].split())


def _whole_short_help(command) -> None:
    """Give ``command`` and every command under it its whole first help paragraph as the line command lists show."""
    for sub in getattr(command, "commands", {}).values():
        if not sub.short_help:
            sub.short_help = _first_paragraph(sub.help)
        _whole_short_help(sub)


class BenchGroup(TyperGroup):
    """The ``bench`` group: one-line errors for every command, whole help lines in command lists."""

    def make_context(self, info_name, args, parent=None, **extra):
        _whole_short_help(self)
        try:
            return super().make_context(info_name, args, parent, **extra)
        except UsageError as error:
            raise one_line(error) from None

    def resolve_command(self, ctx, args):
        name, command, rest = super().resolve_command(ctx, args)
        ctx.meta[_INVOKED] = f"{ctx.command_path} {name}"  # for errors that do not say which command they are of
        return name, command, rest

    def invoke(self, ctx):
        from bench.cli import memory, signals

        try:
            with signals.handled(), memory.one_line(lambda: ctx.meta.get(_INVOKED, ctx.command_path)):
                return super().invoke(ctx)
        except BenchError as error:
            from bench.presentation.terminal import safe

            typer.echo(f"error: {safe(str(error))}", err=True)
            raise typer.Exit(2) from None
        except UsageError as error:
            raise one_line(error, ctx.meta.get(_INVOKED, ctx.command_path)) from None
        except Interrupted as interrupt:
            signals.exit_now(interrupt.signum)  # never waits on a thread an extractor left stuck
        except KeyboardInterrupt:
            typer.echo(signals.MESSAGE, err=True)
            raise typer.Exit(130) from None


def installed_version() -> str:
    """factbench's version as installed (its distribution's metadata), else the package's own."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("factbench")
    except PackageNotFoundError:  # run from a checkout that was never installed
        from bench import __version__

        return __version__


def show_version(value: bool) -> None:
    """The ``--version`` option's callback: print and stop before any command runs."""
    if value:
        typer.echo(f"factbench {installed_version()}")
        raise typer.Exit()
