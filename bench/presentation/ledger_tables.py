"""What a run cost, for people: the ledger under the score table, cost and latency cells, the note on machines.

"unknown" is a figure nobody could know (no price, a document's tokens not
reported), never 0; "not metered" is an extractor that reports no tokens;
"–" a results file without a ledger (scored from a predictions file, or
written before ledgers). Costs are per 1,000 documents and without the
extractor's answer cache (the cold cost), so a rerun answered from the cache
costs what the first run did.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from bench.data.ledger import Ledger
from bench.data.results import Results
from bench.data.usage import Usage

UNKNOWN = "unknown"
NOT_METERED = "not metered"
NOT_RECORDED = "–"
PER_THOUSAND = 1000
COLUMNS_NOTE = (f"cost / 1k docs: what 1,000 documents cost without the extractor's answer cache, at the prices "
                f"each file records; \"{UNKNOWN}\": a price or a document's token count is unknown; \"{NOT_METERED}\": "
                f"the extractor reports no tokens; \"{NOT_RECORDED}\": the file has no ledger. p95: the 95th percentile "
                "of the wall time of extract per document, in seconds.")


def significant(value: float) -> str:
    """A figure to three significant digits, never in exponent form (a regex's 0.000135 s, a model's 0.000620 USD).

    >>> significant(0.000620), significant(12.345), significant(0.0), significant(1234.5)
    ('0.000620', '12.3', '0', '1234')
    """
    if value == 0:
        return "0"
    decimals = max(0, 2 - math.floor(math.log10(abs(value))))
    return f"{value:.{decimals}f}"


def fmt_cost(value: float, currency: str = "") -> str:
    """A cost with its currency when known.

    >>> fmt_cost(0.00062, "USD"), fmt_cost(0.41)
    ('0.000620 USD', '0.410')
    """
    return f"{significant(value)} {currency}" if currency else significant(value)


def fmt_seconds(value: float | None) -> str:
    """Seconds to three significant digits, "–" when there is no figure.

    >>> fmt_seconds(0.0123456), fmt_seconds(None)
    ('0.0123', '–')
    """
    return NOT_RECORDED if value is None else significant(value)


def per_thousand(ledger: Ledger) -> float | None:
    """The cold cost of 1,000 documents; None when unknown."""
    cost = ledger.cost_per_document
    return None if cost is None else cost * PER_THOUSAND


def cost_cell(results: Results) -> str:
    """The cost of 1,000 documents as a table cell: a number, "unknown", "not metered" or "–"."""
    ledger = results.ledger
    if ledger is None:
        return NOT_RECORDED
    if not ledger.metered:
        return NOT_METERED
    cost = per_thousand(ledger)
    return UNKNOWN if cost is None else fmt_cost(cost, _currency(ledger))


def p95_cell(results: Results) -> str:
    return NOT_RECORDED if results.ledger is None else fmt_seconds(results.ledger.p95)


def machines_note(results: Sequence[Results], names: Sequence[str]) -> str | None:
    """A note when the files' timings come from different machines (None when one machine, or one file, timed them)."""
    machines = {name: r.ledger.machine for r, name in zip(results, names) if r.ledger is not None}
    if len(set(machines.values())) < 2:
        return None
    listed = "; ".join(f"{name}: {machine}" for name, machine in machines.items())
    return f"Timings come from different machines and do not compare across them ({listed})."


def _currency(ledger: Ledger) -> str:
    return ledger.prices.currency if ledger.prices is not None else ""


def _count(value: int | None) -> str:
    return UNKNOWN if value is None else f"{value:,}"


def _tokens(usage: Usage) -> str:
    return (f"prompt {_count(usage.prompt_tokens)} (cached {_count(usage.cached_tokens)}), "
            f"completion {_count(usage.completion_tokens)}, total {_count(usage.total_tokens)}")


def _money(value: float | None, currency: str) -> str:
    return UNKNOWN if value is None else fmt_cost(value, currency)


def _memory(kib: int | None) -> str:
    return UNKNOWN if kib is None else f"{kib / 1024:.1f} MiB"


def _metered_lines(ledger: Ledger) -> list[str]:
    if not ledger.metered:
        return ["tokens and cost: not metered (the extractor reports no tokens)"]
    currency = _currency(ledger)
    per_1k = per_thousand(ledger)
    prices = ledger.prices
    priced = (f"prices per million tokens: input {prices.input:g}, output {prices.output:g}, cached "
              f"{'as input' if prices.cached is None else f'{prices.cached:g}'}"
              f"{' ' + prices.currency if prices.currency else ''} ({prices.source or 'source not stated'})"
              if prices is not None else "prices: none known, so the cost is unknown")
    return [
        f"tokens spent: {_tokens(ledger.tokens or Usage())}; without the cache: {_tokens(ledger.cold_tokens or Usage())}",
        f"answer cache: {_count(ledger.cache_hits)} hits, {_count(ledger.cache_misses)} asked",
        f"cost: spent {_money(ledger.cost, currency)}, without the cache {_money(ledger.cold_cost, currency)} "
        f"({UNKNOWN if per_1k is None else fmt_cost(per_1k, currency)} per 1,000 documents)",
        priced,
    ]


def ledger_text(ledger: Ledger) -> str:
    """The ledger as ``bench show`` prints it under the score table."""
    rate = ledger.docs_per_second
    lines = [
        f"ledger: {ledger.documents:,} documents in {ledger.seconds:.2f} s"
        f"{f' ({rate:,.1f} documents/s)' if rate is not None else ''} on {ledger.machine}",
        f"latency per document (wall time of extract, {ledger.timed:,} timed): p50 {fmt_seconds(ledger.p50)} s, "
        f"p95 {fmt_seconds(ledger.p95)} s, max {fmt_seconds(ledger.max)} s",
        f"peak memory (max RSS): bench {_memory(ledger.peak_rss_kib)}, largest child process "
        f"{_memory(ledger.children_peak_rss_kib)}",
        *_metered_lines(ledger),
    ]
    return "\n".join(lines)


def ledger_comparison(a: Results, b: Results, name_a: str, name_b: str) -> list[str]:
    """Cost and p95 latency of two runs, for ``bench compare``; a note when their machines differ; nothing without ledgers."""
    if a.ledger is None and b.ledger is None:
        return []
    lines = [f"cost / 1k docs: A {cost_cell(a)}, B {cost_cell(b)}; p95 latency (s): A {p95_cell(a)}, B {p95_cell(b)}."]
    note = machines_note([a, b], [f"A ({name_a})", f"B ({name_b})"])
    return lines + ([note] if note else [])


def ledger_columns(results: Sequence[Results]) -> list[tuple[str, list[str]]]:
    """The cost and p95 columns of a board, when any of its files has a ledger (none otherwise)."""
    if all(r.ledger is None for r in results):
        return []
    return [("cost / 1k docs", [cost_cell(r) for r in results]), ("p95 s", [p95_cell(r) for r in results])]


def ledger_notes(results: Sequence[Results], names: Sequence[str]) -> list[str]:
    """What the cost and p95 columns mean, and whether their timings compare (none without ledgers)."""
    if all(r.ledger is None for r in results):
        return []
    note = machines_note(results, names)
    return [COLUMNS_NOTE, *([note] if note else [])]
