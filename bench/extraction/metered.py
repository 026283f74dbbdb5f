"""The protocol of an extractor that says what it spends: tokens per document and the price of a token.

A model extractor that implements :class:`Metered` fills the run's ledger
(``ledger`` in the results file, see :mod:`bench.data.ledger`): its tokens,
cache hits and what the run cost. ``usage_for`` is asked right after each
document's ``extract`` returns or raises, in the process and thread that ran it,
so it may read what that call recorded::

    from bench import DocumentUsage, Metered, Prices, Usage

    class MyModel:
        ...
        def usage_for(self, doc_id):
            tokens = self.tokens_by_doc.get(doc_id)   # recorded by extract
            return None if tokens is None else DocumentUsage.asked(Usage(*tokens))

        def prices(self):
            return Prices(input=0.15, output=0.60, currency="USD", source="my provider's page, 2025-05-01")

None from ``usage_for`` means unknown (the run's tokens and cost are then
unknown, never 0); None from ``prices`` means no price is known.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from bench.data.usage import DocumentUsage, Prices


@runtime_checkable
class Metered(Protocol):
    """Reports each document's tokens (:class:`~bench.data.usage.DocumentUsage`) and the prices of its tokens."""

    def usage_for(self, doc_id: str) -> DocumentUsage | None: ...

    def prices(self) -> Prices | None: ...


_METERED: dict[type, bool] = {}  # per extractor class: the protocol check is paid once, not per document


def is_metered(extractor: Any) -> bool:
    """Whether ``extractor`` implements :class:`Metered` (checked once per class)."""
    kind = type(extractor)
    found = _METERED.get(kind)
    if found is None:
        found = _METERED[kind] = isinstance(extractor, Metered)
    return found


def usage_of(extractor: Any, doc_id: str) -> DocumentUsage | None:
    """The document's usage as a metered extractor reports it; None when it is not metered, says nothing or fails."""
    if not is_metered(extractor):
        return None
    try:
        usage = extractor.usage_for(doc_id)
    except Exception:  # noqa: BLE001 - a plug-in's bug in its bookkeeping makes the usage unknown, not the run fail
        return None
    return usage if isinstance(usage, DocumentUsage) else None


def prices_of(extractor: Any) -> Prices | None:
    """The prices a metered extractor states; None when it states none (or fails to)."""
    if not is_metered(extractor):
        return None
    try:
        found = extractor.prices()
    except Exception:  # noqa: BLE001 - as in usage_of: no price known
        return None
    return found if isinstance(found, Prices) else None
