"""What an extractor's own code may use of bench's run, beyond the protocols: the public plug-in API for running.

An extractor that runs documents itself (a :class:`~bench.extraction.extractor.Batched`
one, with its own threads) runs each with :func:`extract_one`, which turns whatever
the extractor does into that document's :class:`DocumentRun`, and raises
:class:`DocumentTimeout` where its own clock says a document is out of time::

    from bench.extraction.api import DocumentRun, DocumentTimeout, extract_one

A model extractor says what each document cost by implementing :class:`Metered`
with these types (see :mod:`bench.extraction.metered`)::

    from bench.extraction.api import DocumentUsage, Metered, Prices, Usage
"""

from bench.data.usage import DocumentUsage, Prices, Usage
from bench.extraction.guard import DocumentTimeout
from bench.extraction.in_process import extract_one
from bench.extraction.metered import Metered
from bench.extraction.outcome import DocumentRun

__all__ = ["DocumentRun", "DocumentTimeout", "DocumentUsage", "Metered", "Prices", "Usage", "extract_one"]
