"""One chat-completions request over plain HTTP (``urllib.request``), its errors sorted by what to do next."""

from __future__ import annotations

import json
import socket
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from bench.errors import BenchError, ExtractorUnavailable


class LLMConfigError(BenchError):
    """No usable endpoint or model is configured."""


class LLMDocumentError(BenchError):
    """The model gave no usable answer for one document; the run counts it and goes on."""


class LLMUnreachable(ExtractorUnavailable):
    """Nothing listens at the endpoint (refused, unknown host, no route): no document can be answered."""


class Transient(Exception):
    """Worth retrying: a 5xx, a 429, a time-out, a dropped connection, a malformed answer."""


class Rejected(Exception):
    """The server refused the request as given (400 or 422): try a simpler response format."""


RETRY_STATUS = frozenset({408, 429, 500, 502, 503, 504})
REJECT_STATUS = frozenset({400, 422})


def chat_url(base_url: str) -> str:
    """``{base_url}/chat/completions``, tolerating a trailing slash."""
    return base_url.rstrip("/") + "/chat/completions"


MAX_RESPONSE_BYTES = 8 * 2**20  # far above any answer for one article; a runaway server cannot fill memory
_CHUNK = 2**16


def _read_capped(response, limit: int, url: str, deadline: float | None) -> bytes:
    """The body, read a chunk at a time: refused past ``limit`` bytes, given up at ``deadline``."""
    chunks, size = [], 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > limit:
            raise LLMDocumentError(f"the response is over {limit} bytes (raise with --param max_response_bytes=N)", url)
        if deadline is not None and time.monotonic() > deadline:
            raise Transient("the response did not finish in time")
        chunks.append(chunk)
    return b"".join(chunks)


def post_chat(url: str, payload: dict, api_key: str | None, timeout: float,
              max_bytes: int = MAX_RESPONSE_BYTES, deadline: float | None = None) -> str:
    """POST ``payload``; return the first choice's message content.

    ``timeout`` bounds each socket operation; ``deadline`` (a ``time.monotonic``
    value) the reading of the whole body, however slowly it trickles in.

    Raises:
        Transient: for a failure that may go away on retry.
        Rejected: when the server refuses the request's shape.
        LLMDocumentError: for anything else (401, 404, an answer without content, a body over ``max_bytes``).
    """
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if api_key:
        headers["Authorization"] = f"Bearer {api_key}"
    request = urllib.request.Request(url, json.dumps(payload).encode("utf-8"), headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = _read_capped(response, max_bytes, url, deadline)
    except urllib.error.HTTPError as error:
        raise _status_error(error, url) from None
    except TimeoutError:
        raise Transient(f"no answer within {timeout:g} s") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise Transient(f"no answer within {timeout:g} s") from None
        raise Transient(f"cannot reach {url}: {error.reason}") from None
    except OSError as error:
        raise Transient(f"connection to {url} failed: {error}") from None
    return _content(body)


PROBE_SECONDS = 10.0


def probe(base_url: str, timeout: float) -> None:
    """Open, then close, one TCP connection to where requests to ``base_url`` go (its proxy, if one applies).

    Raises:
        LLMUnreachable: when the connection is refused, the host unknown or the connect times out.
    """
    host, port = _first_hop(base_url)
    seconds = min(timeout, PROBE_SECONDS)
    try:
        socket.create_connection((host, port), timeout=seconds).close()
    except TimeoutError:
        raise LLMUnreachable(f"cannot reach the LLM endpoint {base_url}: no connection within {seconds:g} s") from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise LLMUnreachable(f"cannot reach the LLM endpoint {base_url}: {reason} "
                             "(is the server running? check --param base_url or $BENCH_LLM_BASE_URL)") from None


def _first_hop(url: str) -> tuple[str, int]:
    """The host and port urllib connects to for ``url``: the proxy's when the environment sets one for it."""
    parts = urlsplit(url)
    proxy = urllib.request.getproxies().get(parts.scheme)
    if proxy and not urllib.request.proxy_bypass(parts.hostname or ""):
        parts = urlsplit(proxy if "://" in proxy else "http://" + proxy)
    default = 443 if parts.scheme == "https" else 80
    return parts.hostname or "", parts.port or default


def _status_error(error: urllib.error.HTTPError, url: str) -> Exception:
    detail = _short(error.read(4096))
    message = f"HTTP {error.code}{': ' + detail if detail else ''}"
    if error.code in RETRY_STATUS or error.code >= 500:
        return Transient(message)
    if error.code in REJECT_STATUS:
        return Rejected(message)
    return LLMDocumentError(message, url)


def _content(body: bytes) -> str:
    try:
        content = json.loads(body)["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        raise Transient(f"not a chat-completions response: {_short(body)}") from None
    if not isinstance(content, str):
        raise Transient("the answer has no text content")
    return content


def _short(raw: bytes, limit: int = 120) -> str:
    text = " ".join(raw.decode("utf-8", "replace").split())
    return text if len(text) <= limit else text[:limit] + "…"
