"""LLM baseline: any OpenAI-compatible chat-completions endpoint.

Method: one request per document asking for JSON facts ``{type, text, value}``
under the annotation conventions stated in the prompt (the published date is
given, so relative dates can be resolved). The answer is parsed and
validated here, each mention grounded to character offsets (exact, then
case/space/quote-insensitive, nearest after the previous fact), and what
cannot be validated or grounded is dropped and counted (``stats``).
Requests try ``response_format`` json_schema, then json_object, then the
schema in the prompt only, and remember what the server accepted. 5xx, 429,
time-outs and malformed answers are retried with exponential backoff; a
document that still has no answer raises :class:`LLMDocumentError`, which the
runner counts as that document's failure. Answers are cached on disk by
endpoint, model, prompt version, text hash and published date.

Bounds: ``timeout`` bounds each request whole (connecting, sending and every
read of the answer), so a server trickling bytes cannot hold a document; a
body over ``max_response_bytes`` (8 MiB) or an answer listing more than
``max_facts`` (1,000) facts fails its document. No redirect is followed: to
another origin the API key would go along, within one the POST would turn
into a GET; any redirect stops the run (exit 2) with one line naming where it
pointed. The cache follows no symbolic link inside its folder and reads only
regular files up to ``$BENCH_MAX_LINE_BYTES``; an entry it cannot use is asked
again (see ``baselines.llm.cache``). A ``cache_dir`` that is not a folder stops
the run before any request.

Usage: per document, ``usage_by_doc`` holds the tokens spent (the server's
``usage``, cached prompt tokens included; None where it says nothing, never 0),
the HTTP seconds and requests, and, on a cache hit, which spends nothing, the
tokens the answer cost when it was asked (see ``baselines.llm.usage``). The
extractor is :class:`bench.Metered`, so bench's ledger prices them with
``--param price_in=… price_out=… [price_cached=…]`` or a prices file
(``--param prices=FILE`` or ``$BENCH_LLM_PRICES``; see ``baselines.llm.prices``).

Dependencies: none beyond the standard library (``urllib.request``).
Configuration: ``BENCH_LLM_BASE_URL``, ``BENCH_LLM_MODEL``, ``BENCH_LLM_API_KEY``
(or ``OPENAI_BASE_URL`` / ``OPENAI_API_KEY``), or ``--param key=value``.

Known limits: scores depend on the model and are not reproducible across
models or server versions (the cache makes a rerun reproducible); a long
article is sent whole, with no chunking, so it must fit the model's context;
values are the model's (names are compared folded, not looked up); through an
HTTPS proxy, the proxy's answer to CONNECT is bounded per read, not by the
request's deadline.
"""

from baselines.llm.client import LLMConfigError, LLMDocumentError, LLMRedirected
from baselines.llm.extractor import LLMExtractor
from baselines.llm.usage import DocumentUsage, Usage

__all__ = ["DocumentUsage", "LLMConfigError", "LLMDocumentError", "LLMExtractor", "LLMRedirected", "Usage"]
