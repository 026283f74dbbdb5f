"""What answering a document cost: tokens as the server reported them, and seconds spent on HTTP.

A count the server did not report is None (unknown), never 0, and a sum with
an unknown part is unknown. A request answered with an error status (a 5xx, a
429, a refused format) is taken to cost no tokens; any other request whose
response states no ``usage`` (a time-out, a cut or oversized body) costs an
unknown number.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


def _count(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _sum(one: int | None, two: int | None) -> int | None:
    return None if one is None or two is None else one + two


@dataclass(frozen=True, slots=True)
class Usage:
    """Tokens of one or more chat-completions responses; None where the server did not say.

    ``cached_tokens`` are the prompt tokens the server took from its own prompt
    cache (``usage.prompt_tokens_details.cached_tokens``), often billed lower.
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
    def from_dict(cls, data) -> Usage:
        """What :meth:`to_dict` wrote; anything else (an older cache entry's nothing) is unknown."""
        data = data if isinstance(data, dict) else {}
        return cls(*(_count(data.get(f.name)) for f in fields(Usage)))

    @classmethod
    def from_response(cls, body) -> Usage:
        """The ``usage`` of a decoded chat-completions response: unknown when absent."""
        usage = body.get("usage") if isinstance(body, dict) else None
        if not isinstance(usage, dict):
            return cls()
        details = usage.get("prompt_tokens_details")
        cached = details.get("cached_tokens") if isinstance(details, dict) else None
        return cls(_count(usage.get("prompt_tokens")), _count(usage.get("completion_tokens")),
                   _count(usage.get("total_tokens")), _count(cached))


NO_TOKENS = Usage(0, 0, 0, 0)
UNKNOWN = Usage()


@dataclass(frozen=True, slots=True)
class DocumentUsage:
    """One document in one run: what its requests spent and took, and what its answer cost when it was asked.

    ``cold`` is what a run without the cache would have paid: this run's spend
    when the document was asked now, the spend recorded with the answer on a
    cache hit (unknown for answers cached before usage was kept).
    """

    spent: Usage
    cold: Usage
    seconds: float = 0.0
    requests: int = 0
    from_cache: bool = False

    @classmethod
    def cache_hit(cls, cold: Usage) -> DocumentUsage:
        return cls(NO_TOKENS, cold, from_cache=True)


@dataclass
class UsageMeter:
    """Adds up one document's requests as they end (see :func:`baselines.llm.client.post_chat`)."""

    tokens: Usage = NO_TOKENS
    seconds: float = 0.0
    requests: int = 0

    def add(self, tokens: Usage, seconds: float) -> None:
        """One request ended, having cost ``tokens`` and taken ``seconds``."""
        self.tokens += tokens
        self.seconds += seconds
        self.requests += 1

    def document_usage(self) -> DocumentUsage:
        return DocumentUsage(self.tokens, self.tokens, self.seconds, self.requests)
