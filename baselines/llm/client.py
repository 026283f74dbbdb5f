"""One chat-completions request over plain HTTP (``urllib.request``), its errors sorted by what to do next."""

from __future__ import annotations

import http.client
import json
import socket
import time
import urllib.error
import urllib.request
from urllib.parse import urljoin, urlsplit

from baselines.llm.transport import open_by_deadline
from baselines.llm.usage import NO_TOKENS, UNKNOWN, UsageMeter, usage_from_response
from bench.errors import BenchError, ExtractorUnavailable


class LLMConfigError(BenchError):
    """No usable endpoint or model is configured."""


class LLMDocumentError(BenchError):
    """The model gave no usable answer for one document; the run counts it and goes on."""


class LLMUnreachable(ExtractorUnavailable):
    """Nothing listens at the endpoint (refused, unknown host, no route): no document can be answered."""


class LLMRedirected(ExtractorUnavailable):
    """The endpoint answers with a redirect: none is followed, so no document can be answered."""


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
_ERROR_DETAIL_BYTES = 4096
REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})


def post_chat(url: str, payload: dict, api_key: str | None, timeout: float,
              max_bytes: int = MAX_RESPONSE_BYTES, meter: UsageMeter | None = None) -> str:
    """POST ``payload``; return the first choice's message content.

    ``timeout`` bounds the whole request: connecting, sending and reading every
    byte of the answer, however slowly it trickles in. No redirect is followed.
    The request's tokens and seconds are added to ``meter``.

    Raises:
        Transient: for a failure that may go away on retry.
        Rejected: when the server refuses the request's shape.
        LLMRedirected: when the endpoint answers with a redirect.
        LLMDocumentError: for anything else (401, 404, an answer without content, a body over ``max_bytes``).
    """
    started, tokens = time.monotonic(), UNKNOWN
    try:
        status, headers, body = _exchange(url, payload, api_key, timeout, max_bytes)
        if status >= 300:
            tokens = NO_TOKENS
            raise _status_error(status, headers, body, url)
        data = _decoded(body)
        tokens = usage_from_response(data)
        return _content(data, body)
    finally:
        if meter is not None:
            meter.add(tokens, time.monotonic() - started)


def _exchange(url: str, payload: dict, api_key: str | None, timeout: float,
              max_bytes: int) -> tuple[int, http.client.HTTPMessage, bytes]:
    """The status, headers and body of one POST (of an error status, the body's first 4 KiB)."""
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if api_key:
        headers["Authorization"] = f"Bearer {api_key}"
    request = urllib.request.Request(url, json.dumps(payload).encode("utf-8"), headers, method="POST")
    try:
        return _response(request, time.monotonic() + timeout, url, max_bytes)
    except TimeoutError:
        raise Transient(f"no answer within {round(timeout, 2):g} s") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise Transient(f"no answer within {round(timeout, 2):g} s") from None
        raise Transient(f"cannot reach {url}: {error.reason}") from None
    except (OSError, http.client.HTTPException) as error:
        raise Transient(f"connection to {url} failed: {error}") from None


def _response(request: urllib.request.Request, deadline: float, url: str,
              max_bytes: int) -> tuple[int, http.client.HTTPMessage, bytes]:
    try:
        with open_by_deadline(request, deadline) as response:
            return response.status, response.headers, _read_capped(response, max_bytes, url)
    except urllib.error.HTTPError as error:
        try:
            return error.code, error.headers, error.read(_ERROR_DETAIL_BYTES)
        finally:
            error.close()


def _read_capped(response, limit: int, url: str) -> bytes:
    """The body, read a chunk at a time and refused past ``limit`` bytes (the deadline bounds every read)."""
    chunks, size = [], 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > limit:
            raise LLMDocumentError(f"the response is over {limit} bytes (raise with --param max_response_bytes=N)", url)
        chunks.append(chunk)
    return b"".join(chunks)


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


def _status_error(status: int, headers: http.client.HTTPMessage, body: bytes, url: str) -> Exception:
    if status in REDIRECT_STATUS and headers.get("Location"):
        return _redirected(url, urljoin(url, headers["Location"]))
    detail = _short(body)
    message = f"HTTP {status}{': ' + detail if detail else ''}"
    if status in RETRY_STATUS or status >= 500:
        return Transient(message)
    if status in REJECT_STATUS:
        return Rejected(message)
    return LLMDocumentError(message, url)


def _redirected(url: str, target: str) -> LLMRedirected:
    """Every redirect is refused: to another origin the key would go along; within one, base_url names the wrong place."""
    if _origin(target) != _origin(url):
        reason = "another origin: the request and its credentials would leave the endpoint's"
    else:
        reason = "no request is sent again elsewhere; set --param base_url to where it points"
    return LLMRedirected(f"the LLM endpoint redirected to {target}; not followed ({reason})")


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    try:
        port = parts.port or {"http": 80, "https": 443}.get(parts.scheme.lower())
    except ValueError:  # a port out of range or not a number: no origin of ours
        port = None
    return parts.scheme.lower(), (parts.hostname or "").lower(), port


def _decoded(body: bytes):
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        raise Transient(f"not a chat-completions response: {_short(body)}") from None


def _content(data, body: bytes) -> str:
    try:
        content = data["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError):
        raise Transient(f"not a chat-completions response: {_short(body)}") from None
    if not isinstance(content, str):
        raise Transient("the answer has no text content")
    return content


def _short(raw: bytes, limit: int = 120) -> str:
    text = " ".join(raw.decode("utf-8", "replace").split())
    return text if len(text) <= limit else text[:limit] + "…"
