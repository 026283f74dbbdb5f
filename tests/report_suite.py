"""A capability suite for the report tests, built in memory: thousands of short cases, each fact at a known offset.

It stands apart from the suite generator (``bench suite build``), so the
report's tests do not move with it. Each case is one sentence holding the
facts its capability judges (none for a negative case) amid filler sentences
made unique by names and numbers drawn by index; an INV case repeats its
source with another town, a DIR case with a count one higher. Runs are the
gold perturbed by position: a fact missed, a value off by one, a spurious date
at the start of some documents, so each run's errors number in the
thousands, as real runs' do.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from bench.data.documents import Document
from bench.data.gold import Gold
from bench.data.suite.load import CaseRecord, Suite
from bench.facts import Count, Fact, Official
from bench.normalize.aliases import AliasTable

FIRST = ("Ana", "Ben", "Chloe", "Dev", "Eli", "Femi", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lea", "Mo", "Nia", "Oskar",
         "Pia", "Quinn", "Rui", "Sol", "Tomas")
LAST = ("Abara", "Brandt", "Castell", "Dahl", "Eze", "Ferro", "Gill", "Haddad", "Ibsen", "Jovic", "Kato", "Lund",
        "Moreau", "Nakai", "Olsen", "Pryce", "Quist", "Roux", "Sato", "Tran")
TOWNS = ("Larkport", "Fenwick", "Oldmoor", "Brisa", "Calder", "Dunmere", "Eastvale", "Farrow", "Glenholm", "Harwick")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
FILLER = (
    "Shares of {company} fell {n} cents in early trading as analysts at {bank} cut their forecasts for the year.",
    "The {company} board met in {town} to discuss the plan, which {person} described as overdue and expensive.",
    "Local unions in {town} asked {company} to publish its accounts before any further talks with {bank}.",
    "{person} said the warehouse near {town} would stay open while the review of {company} went on.",
    "A spokesperson for {bank} declined to comment on the loan to {company}, citing client confidentiality.",
)
TYPES = ("date", "headcount", "user_count", "agency", "official")
KINDS = [*(("MFT", t, False) for t in TYPES for _ in range(5)), *(("MFT", t, True) for t in TYPES[:4]),
         *(("negative", t, False) for t in TYPES[:4])]  # 33 capabilities of source cases
VARIANTS = (("INV", "town"), ("INV", "town"), ("INV", "town"), ("DIR", "count"), ("DIR", "count"))


def _name(i: int) -> str:
    return f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"


def _sentence(fact_type: str, i: int, town: str, extra: int) -> tuple[str, str, object]:
    """A sentence holding one fact of ``fact_type``, the fact's text and its value."""
    if fact_type == "date":
        day, month, year = 1 + i % 28, i % 12, 2025 + i % 9
        text = f"{day} {MONTHS[month]} {year}"
        return f"The {town} depot closed on {text}, the company said.", text, f"{year}-{month + 1:02d}-{day:02d}"
    if fact_type == "headcount":
        n = 20 + i % 400 + extra
        return f"About the plant in {town}: {n} staff will leave by spring.", f"{n} staff", Count(n, "eq", "staff")
    if fact_type == "user_count":
        n = 1000 + 37 * i + extra
        return f"The {town} app now has {n:,} users, its makers said.", f"{n:,} users", Count(n, "eq", "users")
    if fact_type == "agency":
        name = f"{town} Office of {LAST[i % len(LAST)]} Affairs"
        return f"The {name} opened an inquiry into the sale.", name, name
    name = _name(i)
    return f"Mayor {name} of {town} signed the order on Friday.", name, Official(name, "Mayor")


def _document(doc_id: str, i: int, fact_type: str | None, town: str, extra: int = 0) -> tuple[Document, list[Fact]]:
    fillers = [FILLER[(i + k) % len(FILLER)].format(company=f"{LAST[(i + k) % 20]} {LAST[(i * 7 + k) % 20]} Ltd",
                                                    bank=f"{LAST[(i * 3 + k) % 20]} Bank", town=town,
                                                    person=_name(i * 13 + k), n=1 + (i + k) % 90) for k in range(3)]
    facts = []
    if fact_type is None:
        text = " ".join(fillers)
    else:
        sentence, mention, value = _sentence(fact_type, i, town, extra)
        head = " ".join(fillers[:2]) + " "
        start = len(head) + sentence.index(mention)
        text = head + sentence + " " + fillers[2]
        facts.append(Fact(doc_id, fact_type, value, mention, start, start + len(mention), f"{doc_id}-1"))
    return Document(doc_id, text, dt.date(2025, 1, 1 + i % 28)), facts


def synthetic_suite(per_capability: int = 100) -> Suite:
    """33 capabilities of source cases and 5 of variants, ``per_capability`` cases each."""
    documents, facts, cases, capabilities = [], [], [], []
    index = 0
    sources: list[tuple[str, int, str]] = []
    for number, (kind, fact_type, context) in enumerate(KINDS):
        cap = f"{'context' if context else fact_type}.{kind.lower()}{number:02d}"
        capabilities.append({"id": cap, "kind": kind, "context": context, "fact_types": [fact_type]})
        for k in range(per_capability):
            doc_id = f"{cap}-{k:03d}"
            document, found = _document(doc_id, index, None if kind == "negative" else fact_type, TOWNS[index % 10])
            documents.append(document)
            facts += found
            cases.append(CaseRecord(doc_id, cap, kind, (fact_type,), f"{cap}/{k % 12}"))
            if kind == "MFT" and fact_type in ("headcount", "user_count") and not context:
                sources.append((doc_id, index, fact_type))
            index += 1
    for number, (kind, change) in enumerate(VARIANTS):
        cap = f"{kind.lower()}.{change}{number}"
        capabilities.append({"id": cap, "kind": kind, "context": False, "fact_types": ["headcount", "user_count"]})
        for k in range(per_capability):
            source, i, fact_type = sources[(number * per_capability + k) % len(sources)]
            doc_id = f"{cap}-{k:03d}"
            town = TOWNS[(i + 1) % 10] if change == "town" else TOWNS[i % 10]
            document, found = _document(doc_id, i, fact_type, town, extra=1 if change == "count" else 0)
            documents.append(document)
            facts += found
            cases.append(CaseRecord(doc_id, cap, kind, ("headcount", "user_count"), f"{cap}/{k % 12}", source))
    gold = Gold("1.0.0", "sha256:" + "5" * 64, tuple(documents), tuple(facts), AliasTable())
    source_ids = {case.doc_id for case in cases if case.derived_from is None}
    source_gold = dataclasses.replace(gold, documents=tuple(d for d in documents if d.id in source_ids),
                                      facts=tuple(f for f in facts if f.doc_id in source_ids))
    return Suite("synthetic", 0, gold, tuple(cases), tuple(capabilities), source_gold)


def perturbed_run(gold: Gold, step: int) -> list[Fact]:
    """The gold with every ``step``-th fact missed, the next given another value, and a spurious date at the start
    of every ``step + 2``-th document."""
    predictions = []
    for i, fact in enumerate(gold.facts):
        if i % step == 0:
            continue
        if i % step == 1:
            value = fact.value
            fact = dataclasses.replace(fact, value=(dataclasses.replace(value, count=value.count + 1) if isinstance(value, Count)
                                                    else dataclasses.replace(value, title="Governor") if isinstance(value, Official)
                                                    else "1999-01-01" if fact.type == "date" else value + " Board"))
        predictions.append(dataclasses.replace(fact, id=None))
    for j, document in enumerate(gold.documents):
        if j % (step + 2) == 0:
            predictions.append(Fact(document.id, "date", f"19{step:02d}-03-04", document.text[:5], 0, 5))
    return predictions
