"""Errors meant for people: one line naming the file, line and field."""

from __future__ import annotations


class BenchError(Exception):
    """A user-facing problem; the CLI prints ``str(error)`` and exits 2."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None, field: str | None = None):
        self.message = message
        self.file = file
        self.line = line
        self.field = field
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = str(self.file) + (f":{self.line}" if self.line is not None else "") + ": "
        field = f"{self.field}: " if self.field else ""
        return f"{where}{field}{self.message}"


class InputError(BenchError):
    """A file or record that does not hold what it must."""


class IntegrityError(BenchError):
    """A shipped article or gold file that differs from what was recorded."""


class ExtractorNotFound(BenchError):
    """An extractor name, module path or file that cannot be loaded."""


class ExtractorFailed(BenchError):
    """An extractor that failed as a whole (its constructor or its training crashed), not a user mistake."""


class ExtractorUnavailable(BenchError):
    """An extractor that cannot work on any document (its service is unreachable): the run stops, exit 2.

    Raised from ``extract``, it is not one failed document: failing every document
    one time-out at a time would only make the user wait for the same answer.
    """


class MismatchError(BenchError):
    """Results that cannot be compared (different gold, different level)."""


class Interrupted(BaseException):
    """A signal (Ctrl-C, SIGTERM, SIGHUP) asked ``bench`` to stop; exit ``128 + signum``.

    Not a ``KeyboardInterrupt``, so that an extractor raising one of those is told apart.
    """

    def __init__(self, signum: int):
        self.signum = signum
        super().__init__(f"interrupted by signal {signum}")
