"""Progress of the slow steps, drawn with rich on stderr when it is a terminal; nothing on a pipe or a file.

Two shapes: :func:`counted` for a step over items (documents, files,
comparisons): the count, the rate and, when the total is known, a bar and the
time left; :func:`stages` for a command made of a few long steps with no
count inside them: which step runs, its number, the time so far. Both are
transient (they vanish when done), so the terminal keeps what a pipe would get.
rich is imported only when there is a terminal to draw on.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

Item = TypeVar("Item")


def on_terminal() -> bool:
    """Whether stderr is a terminal: the only place progress is drawn."""
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # replaced by an object without a descriptor, or closed
        return False


def _progress(*columns):
    from rich.console import Console
    from rich.progress import Progress

    # No redirection of stdout or stderr: the run's guard moves an extractor's prints to stderr itself.
    return Progress(*columns, console=Console(stderr=True), transient=True, redirect_stdout=False,
                    redirect_stderr=False)


def _count_columns(known_total: bool, unit: str) -> list:
    from rich.progress import BarColumn, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    def average_rate(task) -> float | None:
        """Items per second since the start: the runner hands documents over in batches, so rates between
        two updates say little."""
        elapsed = task.elapsed or 0.0
        return task.completed / elapsed if task.completed and elapsed > 0 else None

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            rate = average_rate(task)
            return Text("" if rate is None else f"{rate:,.1f} {unit}/s")

    class Left(ProgressColumn):
        """The time left at the average rate so far."""

        def render(self, task) -> Text:
            rate = average_rate(task)
            if rate is None or task.total is None:
                return Text("")
            seconds = int(max(task.total - task.completed, 0) / rate)
            return Text(f"{seconds // 60}:{seconds % 60:02d} left")

    count = "{task.completed:,.0f}/{task.total:,.0f} " + unit if known_total else "{task.completed:,.0f} " + unit
    middle = [BarColumn(), TextColumn(count), Rate(), Left()] if known_total else [TextColumn(count), Rate()]
    return [SpinnerColumn(), TextColumn("{task.description}"), *middle, TimeElapsedColumn()]


def counted(items: Iterable[Item], label: str, total: int | None = None, unit: str = "documents") -> Iterator[Item]:
    """Yield ``items``, counting each one done on the terminal: count, rate, and with ``total`` a bar and the time left."""
    if not on_terminal():
        yield from items
        return
    with _progress(*_count_columns(total is not None, unit)) as progress:
        task = progress.add_task(label, total=total)
        for item in items:
            yield item
            progress.advance(task)


@contextmanager
def stages(total: int) -> Iterator[Callable[[str], None]]:
    """A context giving ``step(label)``, called as each of ``total`` steps starts: drawn as the label, "(step n/total)"
    when there are several, and the time so far."""
    if not on_terminal():
        yield lambda label: None
        return
    from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

    with _progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn()) as progress:
        task = progress.add_task("", total=total)
        started = [0]

        def step(label: str) -> None:
            started[0] += 1
            numbered = f" (step {started[0]}/{total})" if total > 1 else ""
            progress.update(task, description=label + numbered, completed=started[0] - 1)

        yield step


@contextmanager
def working(label: str) -> Iterator[None]:
    """A spinner with ``label`` and the time so far, for one long step with nothing to count."""
    with stages(1) as step:
        step(label)
        yield
