"""What running an extractor on one document gave: its facts or why it failed, its time and tokens; and the same as
predictions-file lines."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from bench.data.usage import DocumentUsage
from bench.facts import Fact


@dataclass(frozen=True, slots=True)
class DocumentRun:
    """What an extractor gave for one document: its facts, or why it failed.

    Beside them, what it cost, which equality ignores (two runs that gave the same are equal):
    ``seconds``, the wall time of ``extract`` (None when it did not run, or ran in a worker that was
    killed), and ``usage``, the tokens a :class:`~bench.extraction.metered.Metered` extractor reports.
    """

    doc_id: str
    facts: tuple[Fact, ...] = field(default_factory=tuple)
    failure: str | None = None
    seconds: float | None = field(default=None, compare=False)
    usage: DocumentUsage | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class EncodedRun:
    """A document's run with its facts already as predictions-file lines: cheap to send between processes."""

    doc_id: str
    lines: str = ""
    count: int = 0
    failure: str | None = None
    seconds: float | None = field(default=None, compare=False)
    usage: DocumentUsage | None = field(default=None, compare=False)

    def __reduce__(self) -> tuple:
        """Pickled as a constructor call: a third of the cost of a frozen dataclass's default, paid per document."""
        return EncodedRun, (self.doc_id, self.lines, self.count, self.failure, self.seconds, self.usage)


_ENCODER = json.JSONEncoder(ensure_ascii=False)  # built once: json.dumps with an option builds one per call


def encode_run(run: DocumentRun) -> EncodedRun:
    """The run's facts as predictions-file lines, one JSON object each."""
    lines = "".join([_ENCODER.encode(fact.to_dict()) + "\n" for fact in run.facts])
    return EncodedRun(run.doc_id, lines, len(run.facts), run.failure, run.seconds, run.usage)

