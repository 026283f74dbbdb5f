"""The LLM extractor: configuration, the request loop with retries and format fallback, the batch pool."""

from __future__ import annotations

import os
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from baselines.llm.answer import MAX_FACTS, answer_facts, parse_answer
from baselines.llm.cache import AnswerCache, cache_key, default_cache_dir
from baselines.llm.client import (
    MAX_RESPONSE_BYTES,
    LLMConfigError,
    LLMDocumentError,
    LLMUnreachable,
    Rejected,
    Transient,
    chat_url,
    post_chat,
    probe,
)
from baselines.llm.prices import token_prices
from baselines.llm.prompt import MODES, PROMPT_VERSION, messages, response_format
from baselines.llm.usage import DocumentUsage, Usage, UsageMeter
from bench.data.documents import Document
from bench.extraction import api
from bench.extraction.api import DocumentRun, DocumentTimeout, extract_one
from bench.extraction.options import option
from bench.facts import Fact

ENV_BASE_URL = ("BENCH_LLM_BASE_URL", "OPENAI_BASE_URL")
ENV_MODEL = ("BENCH_LLM_MODEL",)
ENV_API_KEY = ("BENCH_LLM_API_KEY", "OPENAI_API_KEY")


def _from_env(names: tuple[str, ...]) -> str | None:
    return next((os.environ[name] for name in names if os.environ.get(name)), None)


class LLMExtractor:
    """Facts from any OpenAI-compatible chat-completions endpoint (Ollama, vLLM, llama.cpp, hosted APIs).

    Args:
        base_url: e.g. ``http://localhost:11434/v1``; default ``$BENCH_LLM_BASE_URL`` or ``$OPENAI_BASE_URL``.
        model: the model name; default ``$BENCH_LLM_MODEL``.
        api_key: sent as a bearer token; default ``$BENCH_LLM_API_KEY`` or ``$OPENAI_API_KEY`` (none is fine locally).
        timeout: seconds allowed per request, reading the whole answer included.
        max_retries: further attempts after a 5xx, 429, time-out or malformed answer.
        backoff: seconds before the first retry, doubled for each next one.
        workers: documents in flight at once in :meth:`extract_batch`.
        cache_dir: where answers are kept (default: see ``baselines.llm.cache.default_cache_dir``).
        use_cache: False to always ask the endpoint.
        temperature: sampling temperature sent with every request; None leaves it to the server.
        max_response_bytes: a longer response body fails the document (read no further).
        max_facts: an answer listing more facts fails the document (it is not asked again).
        price_in, price_out, price_cached: per million prompt, completion and cached prompt tokens, for the ledger.
        prices: a prices file of model names and prices (default ``$BENCH_LLM_PRICES``; see ``baselines.llm.prices``).
    """

    name = "llm"
    version = PROMPT_VERSION
    description = "LLM over an OpenAI-compatible chat-completions endpoint, answers grounded to offsets and cached"

    @dataclass(frozen=True)
    class Options:
        base_url: str | None = option(None, "endpoint, e.g. http://localhost:11434/v1 (default $BENCH_LLM_BASE_URL or $OPENAI_BASE_URL)", names_run=False)
        model: str | None = option(None, "model name (default $BENCH_LLM_MODEL)")
        api_key: str | None = option(None, "bearer token (default $BENCH_LLM_API_KEY or $OPENAI_API_KEY); never recorded", secret=True)
        timeout: float = option(60.0, "seconds allowed per request, reading the whole answer included", names_run=False)
        max_retries: int = option(2, "further attempts after a 5xx, 429, time-out or malformed answer", names_run=False)
        backoff: float = option(1.0, "seconds before the first retry, doubled for each next one", names_run=False)
        workers: int = option(4, "documents in flight at once", names_run=False)
        cache_dir: Path | None = option(None, "where answers are kept (default: the user cache folder)", names_run=False)
        use_cache: bool = option(True, "false to always ask the endpoint", names_run=False)
        temperature: float | None = option(0.0, "sampling temperature; empty leaves it to the server")
        max_response_bytes: int = option(MAX_RESPONSE_BYTES, "a longer response fails its document", names_run=False)
        max_facts: int = option(MAX_FACTS, "an answer listing more facts fails its document", names_run=False)
        price_in: float | None = option(None, "price per million prompt tokens, for the run's cost", names_run=False)
        price_out: float | None = option(None, "price per million completion tokens", names_run=False)
        price_cached: float | None = option(None, "price per million cached prompt tokens (default: price_in)", names_run=False)
        prices: Path | None = option(None, "prices file: model name -> per-million prices (default $BENCH_LLM_PRICES)", names_run=False)

    def __init__(self, base_url: str | None = None, model: str | None = None, api_key: str | None = None,
                 timeout: float = 60.0, max_retries: int = 2, backoff: float = 1.0, workers: int = 4,
                 cache_dir: str | Path | None = None, use_cache: bool = True, temperature: float | None = 0.0,
                 max_response_bytes: int = MAX_RESPONSE_BYTES, max_facts: int = MAX_FACTS,
                 price_in: float | None = None, price_out: float | None = None, price_cached: float | None = None,
                 prices: str | Path | None = None):
        self.base_url = base_url or _from_env(ENV_BASE_URL)
        self.model = model or _from_env(ENV_MODEL)
        self.api_key = api_key or _from_env(ENV_API_KEY)
        _check_config(self.base_url, self.model, timeout, max_retries, workers)
        self.timeout, self.max_retries, self.backoff = float(timeout), int(max_retries), float(backoff)
        self.workers, self.temperature = int(workers), temperature
        self.max_response_bytes, self.max_facts = int(max_response_bytes), int(max_facts)
        if self.max_response_bytes < 1 or self.max_facts < 1:
            raise LLMConfigError(f"need max_response_bytes >= 1, max_facts >= 1 (got {max_response_bytes!r}, {max_facts!r})")
        self._deadline = threading.local()  # per document, in the thread that runs it
        self.cache = AnswerCache(cache_dir or default_cache_dir()) if use_cache else None
        self.response_mode = MODES[0]  # the format the server last accepted
        self._url = chat_url(self.base_url)
        self._lock = threading.Lock()
        self._stats: Counter = Counter()
        self._usage: dict[str, DocumentUsage] = {}
        self._probe_lock = threading.Lock()
        self._probed = False
        self._unreachable: LLMUnreachable | None = None
        self._prices = token_prices(self.model, price_in, price_out, price_cached, prices)

    def run_details(self) -> dict[str, str]:
        """What the run spec records beyond the options: the model, the endpoint's host and the prompt version."""
        from urllib.parse import urlsplit

        parts = urlsplit(self.base_url)
        host = parts.hostname or "?"
        return {"model": self.model, "endpoint_host": f"{host}:{parts.port}" if parts.port else host,
                "prompt_version": PROMPT_VERSION}

    @property
    def stats(self) -> dict[str, int]:
        """Counters: requests, retries, cache_hits, failed_documents, invalid and ungrounded items dropped."""
        with self._lock:
            return dict(self._stats)

    @property
    def usage_by_doc(self) -> dict[str, DocumentUsage]:
        """Per document id: tokens spent, tokens its answer cost when asked, HTTP seconds and requests."""
        with self._lock:
            return dict(self._usage)

    def usage_for(self, doc_id: str) -> api.DocumentUsage | None:
        """The document's tokens for bench's ledger (:class:`bench.Metered`); None when it was not asked this run."""
        with self._lock:
            usage = self._usage.get(doc_id)
        if usage is None:
            return None
        return api.DocumentUsage(api.Usage(**usage.spent.to_dict()), api.Usage(**usage.cold.to_dict()), usage.from_cache)

    def prices(self) -> api.Prices | None:
        """The prices of the model's tokens (:class:`bench.Metered`); None when none is known."""
        return self._prices

    def _count(self, name: str, amount: int = 1) -> None:
        with self._lock:
            self._stats[name] += amount

    def extract(self, document: Document) -> list[Fact]:
        """Facts of one document.

        Raises:
            LLMDocumentError: when no usable answer came (after the retries).
        """
        key = cache_key(self.base_url, self.model, PROMPT_VERSION, document)
        cached = self._cached_items(key)
        if cached is not None:
            items, cold = cached
            self._record(document.id, DocumentUsage.cache_hit(cold))
        else:
            meter = UsageMeter()
            try:
                content, items = self._ask(document, meter)
            except LLMDocumentError:
                self._count("failed_documents")
                raise
            finally:
                self._record(document.id, meter.document_usage())
            if self.cache is not None:
                self.cache.put(key, content, meter.tokens)
        result = answer_facts(items, document)
        self._count("invalid", result.invalid)
        self._count("ungrounded", result.ungrounded)
        return list(result.facts)

    def extract_batch(self, documents: Iterable[Document], timeout: float | None = None) -> Iterator[DocumentRun]:
        """A :class:`bench.extraction.api.DocumentRun` per document, in order, ``workers`` requests at a time.

        A document's failure is its run's ``failure``; the batch goes on. ``timeout``
        bounds the seconds spent on each document, retries and waits included.
        """
        from concurrent.futures import ThreadPoolExecutor

        pool = ThreadPoolExecutor(self.workers)
        try:
            pending: deque = deque()
            for document in documents:
                pending.append(pool.submit(self._run_within, document, timeout))
                if len(pending) >= 2 * self.workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            pool.shutdown(wait=False, cancel_futures=True)  # on an interrupt, a stalled request is not waited for

    def _run_within(self, document: Document, timeout: float | None) -> DocumentRun:
        self._deadline.value = time.monotonic() + timeout if timeout else None
        self._deadline.limit = timeout
        try:
            return extract_one(self, document)
        finally:
            self._deadline.value = None

    def _left(self) -> float | None:
        """Seconds left for this thread's document, None without a limit; past it, the document fails."""
        deadline = getattr(self._deadline, "value", None)
        if deadline is None:
            return None
        left = deadline - time.monotonic()
        if left <= 0:
            raise DocumentTimeout(f"timed out after {self._deadline.limit:g} s")
        return left

    def _record(self, doc_id: str, usage: DocumentUsage) -> None:
        with self._lock:
            self._usage[doc_id] = usage

    def _cached_items(self, key: str) -> tuple[list, Usage] | None:
        """The cached answer's items and what it cost when asked; None when it must be asked (again)."""
        entry = self.cache.get(key) if self.cache is not None else None
        if entry is None:
            return None
        try:
            items = parse_answer(entry.content, self.max_facts)
        except Transient as error:
            self.cache.unusable(key, str(error))
            return None
        self._count("cache_hits")
        return items, entry.usage

    def _ask(self, document: Document, meter: UsageMeter) -> tuple[str, list]:
        """The answer's text and items; retries transient failures with exponential backoff."""
        failure: Exception | None = None
        for attempt in range(self.max_retries + 1):
            if attempt:
                self._count("retries")
                left = self._left()
                time.sleep(min(self.backoff * 2 ** (attempt - 1), left if left is not None else float("inf")))
            try:
                content = self._complete(document, meter)
                return content, parse_answer(content, self.max_facts)
            except Transient as error:
                failure = error
        raise LLMDocumentError(f"{failure} (gave up after {self.max_retries + 1} attempts)", self._url)

    def _reach(self) -> None:
        """Before the first request, one probe of the endpoint: unreachable, the run stops (exit 2) at once.

        Lazy, so that a rerun answered wholly from the cache needs no server.
        """
        with self._probe_lock:
            if not self._probed:
                self._probed = True
                try:
                    probe(self.base_url, self.timeout)
                except LLMUnreachable as error:
                    self._unreachable = error
        if self._unreachable is not None:
            raise self._unreachable

    def _complete(self, document: Document, meter: UsageMeter) -> str:
        """One answer, stepping down the response formats the server refuses; each request is added to ``meter``."""
        self._reach()
        refused: Exception | None = None
        for mode in MODES[MODES.index(self.response_mode):]:
            payload = {"model": self.model, "messages": messages(document, mode)}
            if self.temperature is not None:
                payload["temperature"] = float(self.temperature)
            if response_format(mode) is not None:
                payload["response_format"] = response_format(mode)
            self._count("requests")
            left = self._left()
            try:
                content = post_chat(self._url, payload, self.api_key, min(self.timeout, left or self.timeout),
                                    self.max_response_bytes, meter)
            except Rejected as error:
                refused = error
                continue
            self.response_mode = mode
            return content
        raise LLMDocumentError(f"the server refused every request format, last with {refused}", self._url)


def _check_config(base_url: str | None, model: str | None, timeout, max_retries, workers) -> None:
    if not base_url:
        raise LLMConfigError("no LLM endpoint configured: set BENCH_LLM_BASE_URL (e.g. http://localhost:11434/v1) "
                             "or pass --param base_url=URL")
    if not model:
        raise LLMConfigError("no LLM model configured: set BENCH_LLM_MODEL or pass --param model=NAME")
    if not base_url.startswith(("http://", "https://")):
        raise LLMConfigError(f"base_url must start with http:// or https://, got {base_url!r}")
    try:
        usable = float(timeout) > 0 and int(max_retries) >= 0 and int(workers) >= 1
    except (TypeError, ValueError):
        usable = False
    if not usable:
        raise LLMConfigError(f"need timeout > 0, max_retries >= 0, workers >= 1 (got {timeout!r}, {max_retries!r}, {workers!r})")
