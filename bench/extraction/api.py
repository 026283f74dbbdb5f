"""What an extractor's own code may use of bench's run, beyond the protocols: the public plug-in API for running.

An extractor that runs documents itself (a :class:`~bench.extraction.extractor.Batched`
one, with its own threads) runs each with :func:`extract_one`, which turns whatever
the extractor does into that document's :class:`DocumentRun`, and raises
:class:`DocumentTimeout` where its own clock says a document is out of time::

    from bench.extraction.api import DocumentRun, DocumentTimeout, extract_one
"""

from bench.extraction.guard import DocumentTimeout
from bench.extraction.in_process import extract_one
from bench.extraction.outcome import DocumentRun

__all__ = ["DocumentRun", "DocumentTimeout", "extract_one"]
