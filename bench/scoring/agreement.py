"""Agreement between two annotators' gold sets over the same documents (double annotation, as in TempEval).

Set A is the reference, so B's mentions play the part of predictions; every
F1 below is the same with A and B swapped (2·agreed / (|A| + |B|)).

- exact: mentions of the same type with the same offsets;
- overlap: mentions of the same type whose spans share a character, paired
  one-to-one by the alignment of :mod:`bench.scoring.mention_level` (the type
  scheme's, in its outcomes: :func:`~bench.scoring.mention_level.mention_outcomes`);
- values: of the overlap pairs, the share whose normalized values agree;
- facts: the distinct (document, type, value) facts of each set, compared as
  ``bench eval`` compares predictions to the gold.
Names are canonicalized through A's alias table for both sides, as when B is scored against A.

Every disagreement is listed from the same outcomes, by the error kind the
scorer gave it: a pair of different types, a pair whose spans or values
differ, and a mention only one side has.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.data.documents import MANIFEST, manifest_lines
from bench.data.gold import Gold, documents_dir
from bench.errors import MismatchError
from bench.facts import FACT_TYPES, GoldMention
from bench.scoring.fact_level import PRF, key_set, score_keys
from bench.scoring.mention_counts import ValueAccuracy
from bench.scoring.mention_level import mention_outcomes
from bench.scoring.outcomes import Alignment, Pair

CONTEXT = 40  # characters shown on each side of a disagreement


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Where A and B differ: ``kind`` is type, span, value, span and value, only in A or only in B."""

    doc_id: str
    kind: str
    a: GoldMention | None
    b: GoldMention | None
    context: tuple[str, str, str]  # text before, the stretch both mentions cover, text after

    def to_dict(self) -> dict[str, Any]:
        before, span, after = self.context
        return {"doc_id": self.doc_id, "kind": self.kind, "a": self.a and self.a.to_dict(),
                "b": self.b and self.b.to_dict(), "context": {"before": before, "span": span, "after": after}}


@dataclass(frozen=True, slots=True)
class Agreement:
    """Per fact type: exact and overlap span agreement, value agreement, fact agreement; then the disagreements."""

    a: str
    b: str
    exact: dict[str, PRF]
    overlap: dict[str, PRF]
    values: dict[str, ValueAccuracy]
    facts: dict[str, PRF]
    disagreements: tuple[Disagreement, ...]

    def total(self, measure: str):
        """The sum over the fact types of ``exact``, ``overlap``, ``values`` or ``facts`` (micro)."""
        table = getattr(self, measure)
        return sum(table.values(), ValueAccuracy() if measure == "values" else PRF())

    def to_dict(self) -> dict[str, Any]:
        def block(measure: str) -> dict:
            return {**{t: v.to_dict() for t, v in getattr(self, measure).items()}, "all": self.total(measure).to_dict()}

        return {"a": self.a, "b": self.b, **{m: block(m) for m in ("exact", "overlap", "values", "facts")},
                "disagreements": [d.to_dict() for d in self.disagreements]}


def _manifest_line(name: str, doc_id: str) -> tuple[str, int | None]:
    """The manifest file of the gold set in directory ``name`` and the line of ``doc_id`` in it."""
    folder = documents_dir(Path(name))
    lines = {record.id: line for line, record in manifest_lines(folder)} if (folder / MANIFEST).is_file() else {}
    return str(folder / MANIFEST), lines.get(doc_id)


def check_same_documents(a: Gold, b: Gold, name_a: str, name_b: str) -> None:
    """Refuse two sets unless they hold the same documents with the same texts."""
    texts_a = {doc.id: doc.text for doc in a.documents}
    texts_b = {doc.id: doc.text for doc in b.documents}
    for doc_id in [*texts_a, *(doc_id for doc_id in texts_b if doc_id not in texts_a)]:
        if doc_id not in texts_b:
            raise MismatchError(f"document {doc_id!r} of {name_a} is not in {name_b}", _manifest_line(name_b, "")[0], field="id")
        if doc_id not in texts_a:
            raise MismatchError(f"document {doc_id!r} is not in {name_a}", *_manifest_line(name_b, doc_id), "id")
        if texts_a[doc_id] != texts_b[doc_id]:
            raise MismatchError(f"the text of {doc_id!r} differs from {name_a}'s: agreement needs the same texts",
                                *_manifest_line(name_b, doc_id), "sha256")


def _context(text: str, a: GoldMention | None, b: GoldMention | None) -> tuple[str, str, str]:
    start = min(f.span[0] for f in (a, b) if f is not None)
    end = max(f.span[1] for f in (a, b) if f is not None)
    before = text[max(0, start - CONTEXT):start]
    return ("…" if start > CONTEXT else "") + before, text[start:end], text[end:end + CONTEXT] + ("…" if end + CONTEXT < len(text) else "")


def _pair_kind(pair: Pair[GoldMention, GoldMention]) -> str | None:
    """The disagreement of a pair, from its error kind: type, span, value, span and value (None: they agree)."""
    if pair.kind == "wrong_value":
        same_span = pair.gold.span == pair.predicted.span
        return "value" if same_span else "span and value"
    if pair.kind == "wrong_type":
        return "type"
    return "span" if pair.kind == "wrong_boundary" else None


def _disagreements(a: Gold, alignment: Alignment[GoldMention, GoldMention]) -> tuple[Disagreement, ...]:
    texts, order = {doc.id: doc.text for doc in a.documents}, {doc.id: n for n, doc in enumerate(a.documents)}
    found = []
    for pair in alignment.pairs:
        kind = _pair_kind(pair)
        if kind:
            g, p = pair.gold, pair.predicted
            found.append(Disagreement(g.doc_id, kind, g, p, _context(texts[g.doc_id], g, p)))
    found += [Disagreement(f.doc_id, "only in A", f, None, _context(texts[f.doc_id], f, None)) for f in alignment.missed]
    found += [Disagreement(f.doc_id, "only in B", None, f, _context(texts[f.doc_id], None, f)) for f in alignment.spurious]
    return tuple(sorted(found, key=lambda d: (order[d.doc_id], min(f.span[0] for f in (d.a, d.b) if f), d.kind)))


def _values(pairs: tuple[Pair[GoldMention, GoldMention], ...]) -> dict[str, ValueAccuracy]:
    """Per type, the same-type pairs and those whose canonical values agree."""
    matched: Counter[str] = Counter()
    same: Counter[str] = Counter()
    for pair in pairs:
        if pair.gold.type == pair.predicted.type:
            matched[pair.gold.type] += 1
            same[pair.gold.type] += pair.kind != "wrong_value"
    return {t: ValueAccuracy(matched[t], same[t]) for t in FACT_TYPES}


def _prf(agreed: Counter, a: Counter, b: Counter) -> dict[str, PRF]:
    return {t: PRF(agreed[t], b[t] - agreed[t], a[t] - agreed[t]) for t in FACT_TYPES}


def agreement(a: Gold, b: Gold, name_a: str = "A", name_b: str = "B") -> Agreement:
    """Agreement of gold set ``b`` with gold set ``a`` (the reference) over the same documents.

    >>> from bench.data.documents import Document
    >>> from bench.normalize.aliases import AliasTable
    >>> doc = (Document("d", "On May 2 and May 3."),)
    >>> from bench.facts import DateValue as D
    >>> one = GoldMention("d", "date", D("2024-05-02"), "May 2", 3, 8, "1")
    >>> a = Gold("1", "h", doc, (one, GoldMention("d", "date", D("2024-05-03"), "May 3", 13, 18, "2")), AliasTable())
    >>> b = Gold("1", "h", doc, (one, GoldMention("d", "date", D("2024-05-04"), "May", 13, 16, "2")), AliasTable())
    >>> result = agreement(a, b)
    >>> result.exact["date"].f1, result.overlap["date"].f1, result.values["date"].accuracy, result.facts["date"].f1
    (0.5, 1.0, 0.5, 0.5)
    >>> [(d.kind, d.context) for d in result.disagreements]
    [('span and value', ('On May 2 and ', 'May 3', '.'))]
    """
    check_same_documents(a, b, name_a, name_b)
    count_a, count_b = Counter(f.type for f in a.facts), Counter(f.type for f in b.facts)
    spans_b = {(f.doc_id, f.type, f.start, f.end) for f in b.facts}
    exact = Counter(f.type for f in a.facts if (f.doc_id, f.type, f.start, f.end) in spans_b)
    alignment = mention_outcomes(a.facts, b.facts, a.aliases).schemes["type"]  # strict values: the same canonical value
    overlap = Counter(pair.gold.type for pair in alignment.pairs if pair.gold.type == pair.predicted.type)
    facts = score_keys(key_set(a.facts, a.aliases), key_set(b.facts, a.aliases)).per_type
    return Agreement(name_a, name_b, _prf(exact, count_a, count_b), _prf(overlap, count_a, count_b),
                     _values(alignment.pairs), facts, _disagreements(a, alignment))
