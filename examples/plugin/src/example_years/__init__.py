"""An example factbench plug-in: every four-digit year from 1800 to 2099 is a date.

Method: one regular expression. Dependencies: none. Known limits: a year
inside a fuller date ("May 3, 1999") is predicted on its own, at year
precision; numbers such as "2,000" or "1999.5" are skipped, but a price
of 1850 is not.
"""

from __future__ import annotations

import re

__version__ = "0.1.0"

_YEAR = re.compile(r"(?<![\d.,])(?:18|19|20)\d{2}(?![\d.,]\d)")


class YearsExtractor:
    """Four-digit years (1800-2099) as dates at year precision."""

    name = "example-years"
    version = __version__
    description = "Four-digit years (1800-2099) as dates at year precision."

    def extract(self, document):
        """Prediction dicts with offsets: ``text == document.text[start:end]``."""
        return [
            {"doc_id": document.id, "type": "date", "text": m.group(), "start": m.start(), "end": m.end(), "value": m.group()}
            for m in _YEAR.finditer(document.text)
        ]
