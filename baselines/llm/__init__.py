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

Dependencies: none beyond the standard library (``urllib.request``).
Configuration: ``BENCH_LLM_BASE_URL``, ``BENCH_LLM_MODEL``, ``BENCH_LLM_API_KEY``
(or ``OPENAI_BASE_URL`` / ``OPENAI_API_KEY``), or ``--param key=value``.

Known limits: scores depend on the model and are not reproducible across
models or server versions (the cache makes a rerun reproducible); the
timeout bounds each socket operation, not a whole slow stream; a long
article is sent whole, with no chunking, so it must fit the model's context;
values are the model's (names are compared folded, not looked up).
"""

from baselines.llm.client import LLMConfigError, LLMDocumentError
from baselines.llm.extractor import LLMExtractor

__all__ = ["LLMConfigError", "LLMDocumentError", "LLMExtractor"]
