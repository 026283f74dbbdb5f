"""What a document cost a model extractor: tokens, whether its answer came from a cache, and the price of a token.

A count nobody reported is None (unknown), never 0, and a sum with an unknown
part is unknown; so is a cost with no price or with unknown tokens. A
:class:`DocumentUsage` holds two sets of tokens: ``spent`` (what this run paid
for; nothing on a hit of the extractor's own answer cache) and ``cold`` (what
a run without that cache would have paid: the tokens stored with the cached
answer when it was first asked). Prices are per million tokens.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

PER = 1_000_000  # prices are per million tokens


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _sum(one: int | None, two: int | None) -> int | None:
    return None if one is None or two is None else one + two


@dataclass(frozen=True, slots=True)
class Usage:
    """Tokens of one or more model calls; None where unknown.

    ``cached_tokens`` are the prompt tokens the model's server took from its own
    prompt cache (billed at a lower price by many providers), a part of ``prompt_tokens``.

    >>> Usage(10, 2, 12, 0) + Usage(5, 1, 6, None)
    Usage(prompt_tokens=15, completion_tokens=3, total_tokens=18, cached_tokens=None)
    """

    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    total_tokens: int | None = None
    cached_tokens: int | None = None

    def __add__(self, other: Usage) -> Usage:
        return Usage(*(_sum(getattr(self, f.name), getattr(other, f.name)) for f in fields(Usage)))

    def to_dict(self) -> dict[str, int | None]:
        return {f.name: getattr(self, f.name) for f in fields(Usage)}

    @classmethod
    def from_dict(cls, data: Any) -> Usage:
        """What :meth:`to_dict` wrote; a count that is not a non-negative integer is unknown."""
        data = data if isinstance(data, dict) else {}
        return cls(*(_count(data.get(f.name)) for f in fields(Usage)))


NO_TOKENS = Usage(0, 0, 0, 0)


@dataclass(frozen=True, slots=True)
class DocumentUsage:
    """One document in one run: the tokens spent, the tokens a run without the cache would have spent, a cache hit.

    >>> DocumentUsage.asked(Usage(10, 2, 12, 0)).cold == DocumentUsage.cache_hit(Usage(10, 2, 12, 0)).cold
    True
    """

    spent: Usage
    cold: Usage
    from_cache: bool = False

    @classmethod
    def asked(cls, spent: Usage) -> DocumentUsage:
        """A document the model was asked about in this run: what it spent is what it costs cold."""
        return cls(spent, spent)

    @classmethod
    def cache_hit(cls, cold: Usage) -> DocumentUsage:
        """A document answered from the cache: nothing spent; ``cold`` is what asking it cost (unknown if not kept)."""
        return cls(NO_TOKENS, cold, from_cache=True)

    def to_dict(self) -> dict[str, Any]:
        return {"spent": self.spent.to_dict(), "cold": self.cold.to_dict(), "from_cache": self.from_cache}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentUsage:
        return cls(Usage.from_dict(data.get("spent")), Usage.from_dict(data.get("cold")), bool(data.get("from_cache")))


@dataclass(frozen=True, slots=True)
class Prices:
    """What a million tokens cost: prompt (``input``), completion (``output``) and cached prompt tokens.

    ``cached`` None bills cached prompt tokens at the input price, and so does a
    server that reports no cached tokens (no discount is assumed that nobody
    reported: a cost is never understated). ``currency`` and ``source`` (where
    the prices come from, with their date) are stated beside every cost.

    >>> Prices(1.0, 2.0, 0.5).cost(Usage(812, 96, 908, 768))
    0.00062
    >>> Prices(1.0, 2.0).cost(Usage(812, None, None, None)) is None
    True
    """

    input: float
    output: float
    cached: float | None = None
    currency: str = ""
    source: str = ""

    def cost(self, usage: Usage) -> float | None:
        """What ``usage`` cost; None when its prompt or completion tokens are unknown."""
        prompt, completion = usage.prompt_tokens, usage.completion_tokens
        if prompt is None or completion is None:
            return None
        cached = min(usage.cached_tokens or 0, prompt) if self.cached is not None else 0
        paid = (prompt - cached) * self.input + cached * (self.cached or 0.0) + completion * self.output
        return round(paid / PER, 12)  # float dust off: 620 / 10**6 is 0.00062, not 0.0006200000000000001

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(Prices)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Prices:
        return cls(float(data["input"]), float(data["output"]),
                   None if data.get("cached") is None else float(data["cached"]),
                   str(data.get("currency", "")), str(data.get("source", "")))
