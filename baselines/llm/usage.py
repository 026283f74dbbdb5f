"""What answering a document cost: tokens as the server reported them, and seconds spent on HTTP.

A count the server did not report is None (unknown), never 0, and a sum with
an unknown part is unknown. A request answered with an error status (a 5xx, a
429, a refused format) is taken to cost no tokens; any other request whose
response states no ``usage`` (a time-out, a cut or oversized body) costs an
unknown number.
"""

from __future__ import annotations

from dataclasses import dataclass

from bench.data.usage import Usage


def usage_from_response(body) -> Usage:
    """The ``usage`` of a decoded chat-completions response: unknown when absent."""
    usage = body.get("usage") if isinstance(body, dict) else None
    if not isinstance(usage, dict):
        return Usage()
    details = usage.get("prompt_tokens_details")
    return Usage.from_dict({"prompt_tokens": usage.get("prompt_tokens"), "completion_tokens": usage.get("completion_tokens"),
                            "total_tokens": usage.get("total_tokens"),
                            "cached_tokens": details.get("cached_tokens") if isinstance(details, dict) else None})


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
