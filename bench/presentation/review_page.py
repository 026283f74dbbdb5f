"""The review page of a gold set (``bench gold show``): every article with each mention labelled in place.

Each mention is highlighted in its type's colour and followed by a label that
reads without hovering: fact id, type and normalized value, and "unreviewed"
for a pre-label nobody has checked. One self-contained HTML file: no network,
no script. Overlapping mentions are cut at every boundary, so each stretch of
text carries all the mentions over it. The markup is in
``templates/review.html.j2``; this module only gathers the values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from bench.data.gold import Gold
from bench.facts import FACT_TYPES, Count, GoldMention, Official, Value


def value_text(value: Value) -> str:
    """A normalized value for people.

    >>> from bench.facts import DateValue
    >>> value_text(Count(50, "lt", "employees")), value_text(Official("A. Bee", "Minister")), value_text(DateValue("2024-07"))
    ('lt 50 employees', 'A. Bee (Minister)', '2024-07')
    """
    if isinstance(value, Count):
        return f"{value.qualifier} {value.count:,} {value.unit}"
    if isinstance(value, Official):
        return f"{value.name} ({value.title})"
    return value


@dataclass(frozen=True, slots=True)
class Label:
    """What follows a mention: its fact id, type and value, and whether nobody has reviewed it."""

    fact_id: str
    fact_type: str
    value: str
    unreviewed: bool


@dataclass(frozen=True, slots=True)
class Stretch:
    """Text between two mention boundaries: the types of the mentions over it (outermost first), the labels after it."""

    text: str
    covering: tuple[str, ...] = ()
    labels: tuple[Label, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    doc_id: str
    published: str
    mentions: int
    unreviewed: int
    stretches: tuple[Stretch, ...]


def stretches(text: str, facts: Sequence[GoldMention], unreviewed: set[str]) -> list[Stretch]:
    """``text`` cut at every mention boundary; a mention's label follows the stretch where it ends.

    >>> from bench.facts import DateValue
    >>> mentions = [GoldMention("d", "date", DateValue("2024-05-02"), "May 2", 3, 8, "f1")]
    >>> before, mention, after = stretches("On May 2.", mentions, set())
    >>> before.text, mention.text, mention.covering, after.text
    ('On ', 'May 2', ('date',), '.')
    >>> mention.labels
    (Label(fact_id='f1', fact_type='date', value='2024-05-02', unreviewed=False),)
    """
    placed = sorted(((f, *f.span) for f in facts), key=lambda p: (p[1], -p[2], p[0].type))  # (fact, start, end)
    cuts = sorted({0, len(text), *(p[1] for p in placed), *(p[2] for p in placed)})
    found = []
    for start, end in pairwise(cuts):
        covering = [(f, e) for f, s, e in placed if s <= start and end <= e]
        labels = tuple(Label(f.id, f.type, value_text(f.value), f.id in unreviewed) for f, e in covering if e == end)
        found.append(Stretch(text[start:end], tuple(f.type for f, _ in covering), labels))
    return found


def _article(gold: Gold, doc_id: str, text: str, published: str, unreviewed: set[str]) -> Article:
    facts = gold.facts_of(doc_id)
    waiting = sum(f.id in unreviewed for f in facts)
    return Article(doc_id, published, len(facts), waiting, tuple(stretches(text, facts, unreviewed)))


def review_page(gold: Gold, name: str) -> str:
    """The whole page for ``gold`` (read from directory ``name``); unreviewed pre-labels are flagged."""
    from bench.presentation.templating import render

    unreviewed = {fact_id for fact_id, _ in gold.unreviewed}
    articles = [_article(gold, doc.id, doc.text, doc.published.isoformat() if doc.published else "unknown", unreviewed)
                for doc in gold.documents]
    return render("review.html.j2", name=name, version=gold.version, articles=articles, mentions=len(gold.facts),
                  unreviewed=len(unreviewed), fact_types=FACT_TYPES)
