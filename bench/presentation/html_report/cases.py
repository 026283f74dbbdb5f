"""A capability suite's cases on the page: each case that failed or had an error once, grouped by capability.

A capability's listed cases are those the results name as failing (each
capability row's ``examples``: expected and predicted facts of its judged
types, flips first) and then those a run erred on (the scorer's per-document
counts, on the source cases the errors cover), in the suite's order. The
first ``max_examples`` are written into the page: with the run's text and
errors in full where a run erred on it. The others are one click away in the
page's data. Passing cases are counted per run (cases less failures), never
printed; where the results name fewer failing cases than failed, the page
says so.
``templates/report/cases.html.j2`` lays the groups out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bench.presentation.html_report.articles import ArticleSection
from bench.presentation.html_report.links import filter_link
from bench.presentation.html_report.runs import Run


@dataclass(frozen=True, slots=True)
class CaseLine:
    """A line under a failing case: what was expected, or what one run predicted, of the judged types."""

    words: str
    facts: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """One run on one capability: its failures, passes, and how many failing cases its results name."""

    run: str
    failed: int
    passed: int
    named: int


@dataclass(frozen=True, slots=True)
class Listing:
    """Which cases of one capability the page lists, in order, and how each run did on its cases."""

    id: str
    kind: str
    context: bool
    cases: int
    outcomes: tuple[Outcome, ...]  # for each run scored on it
    docs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Case:
    """A listed case: the runs whose results name it failing, and either its text with every run's errors (where a
    run erred on it) or the facts expected and predicted that the results record."""

    doc_id: str
    failing: str
    lines: tuple[CaseLine, ...]
    article: ArticleSection | None


@dataclass(frozen=True, slots=True)
class CaseGroup:
    """One capability: its cases, each run's outcome, the cases shown and how many more are listed; ``unnamed``
    says which runs' results name fewer failing cases than failed ("" when all name them all)."""

    id: str
    kind: str
    context: bool
    cases: int
    outcomes: tuple[Outcome, ...]
    shown: tuple[Case, ...]
    more: int
    link: str
    unnamed: str = ""


def capability_of(suite) -> dict[str, str]:
    """Each case's capability by document, from the suite's cases (empty without a suite)."""
    return {case.doc_id: case.capability for case in suite.cases} if suite is not None else {}


def listings(runs: Sequence[Run], suite, erring: Mapping[str, set[int]]) -> list[Listing]:
    """Per capability in the results (first-seen order), the cases the page lists: named failing, then erred on."""
    capability = capability_of(suite)
    erred: dict[str, list[str]] = defaultdict(list)
    for doc in (case.doc_id for case in suite.cases) if suite is not None else ():
        if doc in erring:
            erred[capability[doc]].append(doc)
    rows: dict[str, dict] = {}
    outcomes: dict[str, list[Outcome]] = defaultdict(list)
    named: dict[str, list[str]] = defaultdict(list)
    for run in runs:
        for row in run.results.capabilities:
            cid, failures = row["id"], int(row["failures"])
            rows.setdefault(cid, row)
            outcomes[cid].append(Outcome(run.label, failures, int(row["cases"]) - failures, len(row["examples"])))
            named[cid] += [str(case["doc_id"]) for case in row["examples"]]
    return [Listing(str(cid), str(row["kind"]), bool(row["context"]), int(row["cases"]), tuple(outcomes[cid]),
                    tuple(dict.fromkeys(named[cid] + erred[cid]))) for cid, row in rows.items()]


def listed_pairs(runs: Sequence[Run], suite, erring: Mapping[str, set[int]]) -> set[tuple[int, str]]:
    """The (run index, capability) pairs with at least one listed case of that run: the cells that may link."""
    capability = capability_of(suite)
    pairs = {(i, str(row["id"])) for i, run in enumerate(runs) for row in run.results.capabilities if row["examples"]}
    pairs |= {(i, capability[doc]) for doc, indices in erring.items() if doc in capability for i in indices}
    return pairs


def _case(doc_id: str, runs: Sequence[Run], cap: str, article: ArticleSection | None) -> Case:
    """The runs naming the case failing; without its text, the facts expected and what each of them predicted."""
    lines: list[CaseLine] = []
    failing = []
    for run in runs:
        row = next((r for r in run.results.capabilities if r["id"] == cap), None)
        case = next((c for c in row["examples"] if c["doc_id"] == doc_id), None) if row else None
        if case is None:
            continue
        failing.append(run.label)
        if not lines:
            lines.append(CaseLine("expected", "; ".join(case["expected"]) or "(none)"))
        lines.append(CaseLine(f"{run.label} predicted", "; ".join(case["predicted"]) or "(none)"))
    return Case(doc_id, ", ".join(failing), () if article is not None else tuple(lines), article)


def case_groups(listed: Sequence[Listing], runs: Sequence[Run], max_examples: int,
                articles: Mapping[str, ArticleSection]) -> list[CaseGroup]:
    """Each capability's group: its first ``max_examples`` listed cases, with their texts where a run erred."""
    groups = []
    for listing in listed:
        shown = tuple(_case(doc, runs, listing.id, articles.get(doc)) for doc in listing.docs[:max_examples])
        unnamed = ", ".join(f"{o.named} of {o.failed} for {o.run}" for o in listing.outcomes if o.named < o.failed)
        groups.append(CaseGroup(listing.id, listing.kind, listing.context, listing.cases, listing.outcomes, shown,
                                len(listing.docs) - len(shown), filter_link("cases", cap=listing.id), unnamed))
    return groups
