"""Rules baseline: candidates from anchored patterns, then small context rules, per fact type.

Method: boilerplate (navigation, teasers, credits; see boilerplate.py for the
heuristic) is found first and skipped; then dates, counts, officials and
agencies are each found by a pattern anchored on what must be there and kept or
dropped by rules written as small predicates (each module's card lists them).
Values go through the shared normalizers (bench.normalize.dates, bench.normalize.numbers) and a
general gazetteer of government bodies, countries and cabinet titles
(gazetteer.json: world knowledge, nothing drawn from the gold articles).
Dependencies: the standard library only.
Known limits: English news style only; no coreference beyond the surnames of
officials met with a title; numeric dates ("3/14/2031") and ranges ("March
14-16") are not read; a name opening a sentence ("Black Friday sales ...") is
taken for a date; titles outside the head list ("EU antitrust chief") are missed;
a short article whose headlines look like a teaser list can be skipped.
Speed: every pattern starts with a literal or a character class, so CPython's
``re`` skips most positions in C (see bench.normalize.patterns).
"""

from __future__ import annotations

from baselines.rules.agencies import find_agencies
from baselines.rules.boilerplate import boilerplate_spans
from baselines.rules.counts import find_counts
from baselines.rules.dates import find_dates
from baselines.rules.officials import find_officials
from baselines.rules.spans import quotations
from bench.data.documents import Document
from bench.facts import Fact

__all__ = ["RulesExtractor"]


class RulesExtractor:
    """Pattern candidates filtered by context rules; the baseline a learned model should beat."""

    name = "rules"
    version = "1.0.0"

    def extract(self, document: Document) -> list[Fact]:
        text = document.text
        skip = boilerplate_spans(text)
        officials, titles = find_officials(text, skip)
        found = [
            *find_dates(text, document.published, skip, quotations(text)),
            *find_counts(text, skip),
            *officials,
            *find_agencies(text, skip, titles),
        ]
        return [Fact(document.id, f.type, f.value, text[f.start:f.end], f.start, f.end) for f in found]
