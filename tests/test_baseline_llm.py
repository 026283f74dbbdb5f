"""The LLM adapter against a local chat-completions server (127.0.0.1, no network)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from baselines.llm import DocumentUsage, LLMConfigError, LLMDocumentError, LLMExtractor, LLMRedirected, Usage
from baselines.llm.answer import ground, parse_answer
from bench import ExtractorUnavailable
from bench.data.documents import Document
from bench.extraction.options import OptionError
from bench.extraction.registry import load_extractor
from bench.facts import Count, Fact, Official

pytestmark = pytest.mark.xdist_group("wall-clock")  # tests timing wall-clock limits run one at a time

TEXT = ("Posted on Friday, May 9, the Federal Aviation  Administration said it would cut about 1,200 jobs. "
        "Transportation Secretary Alma Quist said Quist would visit.")
DOC = Document("memo", TEXT, dt.date(2025, 5, 12))

GOOD_ANSWER = {"facts": [
    {"type": "date", "text": "Friday, May 9", "value": "2025-05-09"},
    {"type": "agency", "text": "federal aviation administration", "value": "U.S. Federal Aviation Administration"},
    {"type": "headcount", "text": "about 1,200", "value": {"count": "1,200", "qualifier": "approx", "unit": "employees"}},
    {"type": "official", "text": "Alma Quist", "value": {"name": "Alma Quist", "title": "Secretary of Transportation"}},
    {"type": "official", "text": "Quist", "value": {"name": "Alma Quist", "title": "Secretary of Transportation"}},
    {"type": "agency", "text": "Bureau of Nowhere", "value": "Bureau of Nowhere"},
    {"type": "date", "text": "May 9", "value": "2025-13-09"},
]}


def span(text: str, occurrence: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(occurrence + 1):
        at = TEXT.index(text, at + 1)
    return at, at + len(text)


def fact(fact_type, value, text, occurrence=0):
    start, end = span(text, occurrence)
    return Fact("memo", fact_type, value, text, start, end)


OFFICIAL = Official("Alma Quist", "Secretary of Transportation")
EXPECTED = [
    fact("date", "2025-05-09", "Friday, May 9"),
    fact("agency", "U.S. Federal Aviation Administration", "Federal Aviation  Administration"),
    fact("headcount", Count(1200, "approx", "employees"), "about 1,200"),
    fact("official", OFFICIAL, "Alma Quist"),
    fact("official", OFFICIAL, "Quist", occurrence=1),
]


def reply(content: str) -> tuple[int, dict]:
    return 200, {"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]}


class FakeServer:
    """A chat-completions server whose answers come from ``behave(payload, index)``.

    ``behave`` returns ``(status, body[, delay[, headers]])``, or a function that writes the raw
    response itself to the connection's file. Every request (a GET too) is listed in ``requests``.
    """

    def __init__(self, behave):
        self.behave = behave
        self.payloads: list[dict] = []
        self.requests: list[tuple[str, str, str | None]] = []  # method, path, Authorization header
        self.in_flight = self.max_in_flight = 0
        self.lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.01,), daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                server.requests.append(("GET", self.path, self.headers["Authorization"]))
                self._send(*good({}, 0))

            def do_POST(self):
                server.requests.append(("POST", self.path, self.headers["Authorization"]))
                assert self.path == "/v1/chat/completions"
                payload = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with server.lock:
                    index = len(server.payloads)
                    server.payloads.append(payload)
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                answer = server.behave(payload, index)
                if not callable(answer):
                    time.sleep(answer[2] if len(answer) > 2 else 0)
                with server.lock:
                    server.in_flight -= 1
                if callable(answer):
                    answer(self.wfile)
                else:
                    self._send(answer[0], answer[1], *answer[3:])

            def _send(self, status, body, headers=None):
                data = json.dumps(body).encode()
                try:
                    self.send_response(status)
                    for name, value in {"Content-Type": "application/json", **(headers or {})}.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass  # the client gave up (time-out test)

        return Handler


@pytest.fixture()
def serve():
    servers = []

    def start(behave) -> FakeServer:
        server = FakeServer(behave)
        server.thread.start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.httpd.shutdown()
        server.httpd.server_close()


@pytest.fixture()
def make(tmp_path):
    def build(server: FakeServer, **options) -> LLMExtractor:
        settings = {"model": "tiny", "cache_dir": tmp_path / "cache", "backoff": 0.01, "timeout": 5, **options}
        return LLMExtractor(base_url=server.base_url, **settings)

    return build


def good(payload, index):
    return reply(json.dumps(GOOD_ANSWER))


def test_good_answer_is_validated_grounded_and_counted(serve, make):
    server = serve(good)
    extractor = make(server)
    assert extractor.extract(DOC) == EXPECTED
    assert extractor.stats == {"requests": 1, "invalid": 1, "ungrounded": 1}
    payload = server.payloads[0]
    assert payload["model"] == "tiny" and payload["response_format"]["type"] == "json_schema"
    assert "Published date: 2025-05-12" in payload["messages"][1]["content"]


def test_rejected_json_schema_falls_back_to_json_object_and_remembers(serve, make):
    def behave(payload, index):
        if payload["response_format"]["type"] == "json_schema":
            return 400, {"error": {"message": "response_format json_schema is not supported"}}
        return good(payload, index)

    server = serve(behave)
    extractor = make(server, use_cache=False)
    assert extractor.extract(DOC) == EXPECTED
    assert extractor.extract(DOC) == EXPECTED
    assert [p["response_format"]["type"] for p in server.payloads] == ["json_schema", "json_object", "json_object"]
    assert extractor.response_mode == "json_object"


def test_schema_goes_into_the_prompt_when_no_response_format_is_accepted(serve, make):
    def behave(payload, index):
        return (400, {"error": "unknown field"}) if "response_format" in payload else good(payload, index)

    server = serve(behave)
    extractor = make(server)
    assert extractor.extract(DOC) == EXPECTED
    assert extractor.response_mode == "prompt"
    assert "JSON schema" in server.payloads[-1]["messages"][0]["content"]


def run_batch(extractor, documents):
    return {run.doc_id: run for run in extractor.extract_batch(documents)}


@pytest.mark.parametrize(
    ("answer", "expected_failure", "requests"),
    [
        (reply("Sure! The article mentions a few dates."), "malformed answer", 3),
        ((500, {"error": "boom"}), "HTTP 500", 3),
        ((401, {"error": "bad key"}), "HTTP 401", 1),
        ((*reply("{}"), 1.0), "no answer within 0.2 s", 3),
    ],
    ids=["malformed", "server-error", "unauthorized", "timeout"],
)
def test_a_failing_document_is_a_counted_failure_not_a_crash(serve, make, answer, expected_failure, requests):
    other = Document("other", TEXT, dt.date(2025, 5, 12))
    bad = Document("bad", "Nothing to see here.", dt.date(2025, 5, 12))

    def behave(payload, index):
        return answer if "Nothing to see" in payload["messages"][1]["content"] else good(payload, index)

    server = serve(behave)
    extractor = make(server, timeout=0.2, max_retries=2, workers=2)
    runs = run_batch(extractor, [DOC, bad, other])
    assert runs["memo"].failure is None and len(runs["memo"].facts) == 5
    assert runs["other"].failure is None and len(runs["other"].facts) == 5
    assert expected_failure in runs["bad"].failure and runs["bad"].facts == ()
    assert extractor.stats["failed_documents"] == 1
    assert sum("Nothing to see" in p["messages"][1]["content"] for p in server.payloads) == requests
    with pytest.raises(LLMDocumentError, match=expected_failure):
        make(server, timeout=0.2, max_retries=0).extract(bad)


def test_transient_errors_are_retried_with_growing_delays(serve, make):
    def behave(payload, index):
        return (503, {"error": "busy"}) if index < 2 else good(payload, index)

    server = serve(behave)
    extractor = make(server, backoff=0.1, max_retries=3)
    started = time.monotonic()
    assert extractor.extract(DOC) == EXPECTED
    assert time.monotonic() - started >= 0.1 + 0.2
    assert extractor.stats["retries"] == 2 and len(server.payloads) == 3


def test_a_rerun_is_answered_from_the_cache(serve, make):
    server = serve(good)
    assert make(server).extract(DOC) == EXPECTED
    again = make(server)
    assert again.extract(DOC) == EXPECTED
    assert len(server.payloads) == 1 and again.stats == {"cache_hits": 1, "invalid": 1, "ungrounded": 1}
    make(server, model="other-model").extract(DOC)
    make(server).extract(Document("memo", TEXT, dt.date(2025, 6, 1)))  # the prompt states the date
    assert len(server.payloads) == 3


def test_the_endpoint_is_probed_once_and_only_when_the_cache_cannot_answer(serve, make, monkeypatch):
    import baselines.llm.extractor as module

    probes = []
    monkeypatch.setattr(module, "probe", lambda url, timeout: probes.append(url))
    server = serve(good)
    documents = [Document(f"d{i}", f"{TEXT} ({i})", dt.date(2025, 5, 12)) for i in range(4)]
    assert all(run.failure is None for run in make(server, workers=2).extract_batch(documents))
    assert probes == [server.base_url] and len(server.payloads) == 4
    server.httpd.shutdown()
    server.httpd.server_close()  # gone: a rerun from the cache needs no server, so no probe
    assert all(run.failure is None for run in make(server).extract_batch(documents))
    assert probes == [server.base_url]


def test_an_unreachable_endpoint_fails_every_later_request_without_retrying(make, monkeypatch):
    import socket

    import baselines.llm.extractor as module
    from bench import ExtractorUnavailable

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{sock.getsockname()[1]}/v1"
    calls = []
    monkeypatch.setattr(module, "post_chat", lambda *args, **kwargs: calls.append(args))
    extractor = LLMExtractor(base_url=url, model="m", use_cache=False, backoff=5)
    for _ in range(2):
        with pytest.raises(ExtractorUnavailable, match=f"^cannot reach the LLM endpoint {url}: Connection refused"):
            extractor.extract(DOC)
    assert calls == []


@pytest.mark.parametrize(("proxy", "no_proxy", "hop"), [
    (None, None, ("llm.example", 8000)),
    ("http://proxy.corp:3128", None, ("proxy.corp", 3128)),
    ("proxy.corp:3128", None, ("proxy.corp", 3128)),
    ("http://proxy.corp:3128", "llm.example", ("llm.example", 8000)),
])
def test_the_probe_goes_where_urllib_would_connect(monkeypatch, proxy, no_proxy, hop):
    from baselines.llm.client import _first_hop

    for name in ("http_proxy", "HTTP_PROXY", "no_proxy", "NO_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    if proxy:
        monkeypatch.setenv("http_proxy", proxy)
    if no_proxy:
        monkeypatch.setenv("no_proxy", no_proxy)
    assert _first_hop("http://llm.example:8000/v1") == hop


def test_malformed_answers_are_not_cached(serve, make):
    server = serve(lambda payload, index: reply("not json") if index == 0 else good(payload, index))
    assert list(make(server, max_retries=0).extract_batch([DOC]))[0].failure
    assert make(server).extract(DOC) == EXPECTED
    assert len(server.payloads) == 2


def test_documents_run_concurrently_within_the_bound(serve, make):
    server = serve(lambda payload, index: (*good(payload, index), 0.15))
    documents = [Document(f"d{i}", TEXT, dt.date(2025, 5, 12)) for i in range(6)]
    runs = list(make(server, workers=2).extract_batch(documents))
    assert [run.doc_id for run in runs] == [doc.id for doc in documents]
    assert server.max_in_flight == 2


def test_missing_endpoint_or_model_is_one_clear_line(monkeypatch):
    for name in ("BENCH_LLM_BASE_URL", "OPENAI_BASE_URL", "BENCH_LLM_MODEL"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(LLMConfigError, match="^no LLM endpoint configured: set BENCH_LLM_BASE_URL"):
        load_extractor("baselines.llm:LLMExtractor")
    monkeypatch.setenv("BENCH_LLM_BASE_URL", "http://127.0.0.1:9/v1")
    with pytest.raises(LLMConfigError, match="^no LLM model configured: set BENCH_LLM_MODEL"):
        load_extractor("baselines.llm:LLMExtractor")
    monkeypatch.setenv("BENCH_LLM_MODEL", "m")
    assert load_extractor("baselines.llm:LLMExtractor").base_url == "http://127.0.0.1:9/v1"
    with pytest.raises(LLMConfigError, match=r"^need timeout > 0, .* \(got 0.0, 2, 4\)$"):
        load_extractor("baselines.llm:LLMExtractor", {"timeout": "0"})
    with pytest.raises(OptionError, match=r"^--param: timeout: expected number, got 'soon'; LLMExtractor options: base_url"):
        load_extractor("baselines.llm:LLMExtractor", {"timeout": "soon"})


def test_answers_in_code_fences_or_bare_lists_parse():
    assert parse_answer('```json\n{"facts": [{"type": "date"}]}\n```') == [{"type": "date"}]
    assert parse_answer('Here you go: {"facts": []} Hope this helps.') == []
    assert parse_answer("[]") == []


def test_grounding_ignores_case_spacing_and_quote_style():
    text = "The “Office of Tides” said it. Later the office of  tides’ staff left."
    quoted, later = text.index("“"), text.index("office of  tides’")
    assert ground(text, '"office of tides"', 0) == (quoted, quoted + 17)
    assert ground(text, "office of tides'", 0) == (later, later + 17)
    assert ground(text, "Office of Tides", 30) == (quoted + 1, quoted + 16)  # exact beats loose, even before
    assert ground(text, "Office of Winds", 0) is None


def test_bench_eval_with_llm_scores_and_lists_a_failed_document(serve, cli, tmp_path, monkeypatch):
    """End to end: `bench eval -e llm` against a local server; one document's 500 is a listed failure, exit 3."""
    import re

    def behave(payload, index):
        prompt = payload["messages"][-1]["content"]
        if index == 1:  # one worker, no retries: the second request is the second document
            return 500, {"error": "boom"}
        found = re.search(r"\b\d{4}-\d{2}-\d{2}\b", prompt.split("Text:")[-1] if "Text:" in prompt else prompt)
        items = [{"type": "date", "text": found.group(), "value": found.group()}] if found else []
        return reply(json.dumps(items))

    server = serve(behave)
    monkeypatch.setenv("BENCH_LLM_CACHE_DIR", str(tmp_path / "cache"))
    result = cli("eval", "-e", "llm", "--param", f"base_url={server.base_url}", "--param", "model=tiny",
                 "--param", "max_retries=0", "--param", "workers=1", "--no-ci", "--format", "json")
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    failed = [doc for doc in data["documents"] if doc["failure"]]
    assert [doc["doc_id"] for doc in failed] == ["001_1ffe1e35e2256c17"]
    date = next(row for row in data["rows"] if row["label"] == "date")
    assert date["tp"] >= 1 and date["fp"] == 0


def test_a_response_body_over_the_cap_fails_the_document_unread(serve, make):
    server = serve(lambda payload, index: reply(json.dumps({"facts": []}) + " " * 50_000))
    with pytest.raises(LLMDocumentError, match=r"the response is over 10000 bytes \(raise with --param max_response_bytes=N\)"):
        make(server, max_response_bytes=10_000, max_retries=0).extract(DOC)
    assert make(server, max_response_bytes=100_000, max_retries=0, use_cache=False).extract(DOC) == []


# --- hostile servers: redirects, trickles, endless bodies, runaway answers ---


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_to_another_origin_is_not_followed_and_the_key_stays_home(serve, make, status):
    elsewhere = serve(good)  # 127.0.0.1 on another port: another origin
    target = elsewhere.base_url + "/chat/completions"
    endpoint = serve(lambda payload, index: (status, {}, 0, {"Location": target}))
    with pytest.raises(LLMRedirected) as raised:
        list(make(endpoint, api_key="sk-secret").extract_batch([DOC]))
    assert isinstance(raised.value, ExtractorUnavailable)  # the run stops: no document could be answered
    assert str(raised.value) == (f"the LLM endpoint redirected to {target}; not followed "
                                 "(another origin: the request and its credentials would leave the endpoint's)")
    assert endpoint.requests == [("POST", "/v1/chat/completions", "Bearer sk-secret")]
    assert elsewhere.requests == []


def test_a_redirect_within_the_origin_is_refused_too(serve, make):
    endpoint = serve(lambda payload, index: (308, {}, 0, {"Location": "/v2/chat/completions"}))
    origin = endpoint.base_url.removesuffix("/v1")
    with pytest.raises(LLMRedirected, match=re.escape(
            f"redirected to {origin}/v2/chat/completions; not followed "
            "(no request is sent again elsewhere; set --param base_url to where it points)")):
        make(endpoint).extract(DOC)
    assert len(endpoint.requests) == 1


def test_bench_eval_stops_at_a_redirect_with_one_line_and_exit_2(serve, cli, tmp_path, monkeypatch):
    elsewhere = serve(good)
    target = elsewhere.base_url + "/chat/completions"
    endpoint = serve(lambda payload, index: (302, {}, 0, {"Location": target}))
    monkeypatch.setenv("BENCH_LLM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BENCH_LLM_API_KEY", "sk-secret")
    result = cli("eval", "-e", "llm", "--param", f"base_url={endpoint.base_url}", "--param", "model=tiny", "--no-ci")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"error: the LLM endpoint redirected to {target}; not followed "
                             "(another origin: the request and its credentials would leave the endpoint's)\n")
    assert elsewhere.requests == []


def trickling(where: str):
    """A whole answer whose next 16 bytes, from its status line or its body on, come one per 0.5 s."""
    body = json.dumps(good({}, 0)[1]).encode()
    head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode()
    data, start = head + body, 0 if where == "status line" else len(head)

    def write(wfile):
        try:
            wfile.write(data[:start])
            for at in range(start, start + 16):  # 8 s in all: a per-read time-out of 1 s never fires
                time.sleep(0.5)
                wfile.write(data[at:at + 1])
            wfile.write(data[start + 16:])
        except OSError:
            pass  # the client gave up, as it should

    return write


@pytest.mark.parametrize(("where", "limit"), [("status line", "timeout"), ("body", "timeout"), ("body", "--timeout")])
def test_a_server_trickling_its_answer_is_given_up_on_in_time(serve, make, where, limit):
    server = serve(lambda payload, index: trickling(where))
    started = time.monotonic()
    if limit == "timeout":
        with pytest.raises(LLMDocumentError, match=r"no answer within 1 s \(gave up after 1 attempts\)$"):
            make(server, timeout=1, max_retries=0).extract(DOC)
    else:  # bench's --timeout, handed to the batch
        [run] = make(server, timeout=30, max_retries=0).extract_batch([DOC], timeout=1)
        assert "no answer within" in run.failure
    assert time.monotonic() - started < 3


def endless(wfile):
    try:
        wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n")
        for _ in range(4096):  # 256 MiB at most, far past the cap
            wfile.write(b" " * 2**16)
    except OSError:
        pass  # the client stopped reading, as it should


def test_an_endless_body_is_cut_at_a_cap_that_a_real_option_raises(serve, make):
    server = serve(lambda payload, index: endless)
    with pytest.raises(LLMDocumentError, match=r"the response is over 8388608 bytes "
                                               r"\(raise with --param max_response_bytes=N\)$"):
        make(server, max_retries=0).extract(DOC)
    raised = load_extractor("baselines.llm:LLMExtractor", {"base_url": server.base_url, "model": "m",
                                                           "use_cache": "false", "max_response_bytes": "16777216"})
    assert raised.max_response_bytes == 16 * 2**20


def test_an_answer_of_too_many_facts_fails_its_document_once(serve, make):
    runaway = {"facts": [{"type": "agency", "text": "Federal Aviation", "value": "U.S. FAA"}] * 20_000}
    server = serve(lambda payload, index: reply(json.dumps(runaway)))
    with pytest.raises(LLMDocumentError, match=r"^the answer lists 20000 facts, over the cap of 1000 "
                                               r"\(raise with --param max_facts=N\)$"):
        make(server).extract(DOC)
    assert len(server.payloads) == 1  # not asked again, and not cached
    assert not list((Path(make(server).cache.directory)).glob("*/*.json"))
    plain = serve(good)
    with pytest.raises(LLMDocumentError, match="the answer lists 7 facts, over the cap of 6"):
        make(plain, max_facts=6).extract(DOC)


# --- usage: tokens and seconds per document ---

USAGE = {"prompt_tokens": 812, "completion_tokens": 96, "total_tokens": 908, "prompt_tokens_details": {"cached_tokens": 768}}
PAID = Usage(prompt_tokens=812, completion_tokens=96, total_tokens=908, cached_tokens=768)


def answered(content: str, usage: dict | None = None, delay: float = 0.0):
    status, body = reply(content)
    return status, body if usage is None else {**body, "usage": usage}, delay


def test_each_document_records_its_tokens_and_seconds_and_a_cache_hit_spends_none(serve, make):
    server = serve(lambda payload, index: answered(json.dumps(GOOD_ANSWER), USAGE, 0.2))
    extractor = make(server)
    assert extractor.extract(DOC) == EXPECTED
    usage = extractor.usage_by_doc["memo"]
    assert 0.2 <= usage.seconds < 5
    assert dataclasses.replace(usage, seconds=0.0) == DocumentUsage(spent=PAID, cold=PAID, seconds=0.0, requests=1,
                                                                    from_cache=False)
    rerun = make(server)
    assert rerun.extract(DOC) == EXPECTED
    assert rerun.usage_by_doc == {"memo": DocumentUsage(spent=Usage(0, 0, 0, 0), cold=PAID, seconds=0.0, requests=0,
                                                        from_cache=True)}


@pytest.mark.parametrize(("usage", "expected"), [
    (None, Usage(None, None, None, None)),
    ({"prompt_tokens": 812, "completion_tokens": 96, "total_tokens": 908}, Usage(812, 96, 908, None)),
], ids=["no-usage", "no-cached-tokens"])
def test_usage_the_server_does_not_state_is_unknown_not_zero(serve, make, usage, expected):
    server = serve(lambda payload, index: answered(json.dumps(GOOD_ANSWER), usage))
    extractor = make(server)
    extractor.extract(DOC)
    assert extractor.usage_by_doc["memo"].spent == expected
    rerun = make(server)
    rerun.extract(DOC)
    assert rerun.usage_by_doc["memo"].cold == expected


def test_a_document_s_usage_adds_up_its_requests_and_an_error_status_costs_none(serve, make):
    small = {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15, "prompt_tokens_details": {"cached_tokens": 0}}
    answers = [(503, {"error": "busy"}), answered("not json", small), answered(json.dumps(GOOD_ANSWER), USAGE)]
    server = serve(lambda payload, index: answers[index])
    extractor = make(server, max_retries=2)
    assert extractor.extract(DOC) == EXPECTED
    usage = extractor.usage_by_doc["memo"]
    both = Usage(prompt_tokens=822, completion_tokens=101, total_tokens=923, cached_tokens=768)
    assert (usage.spent, usage.cold, usage.requests) == (both, both, 3)


def test_a_request_that_got_no_answer_makes_the_spend_unknown_and_a_failed_document_has_its_usage(serve, make):
    server = serve(lambda payload, index: answered(json.dumps(GOOD_ANSWER), USAGE, 1.0))
    extractor = make(server, timeout=0.2, max_retries=1)
    with pytest.raises(LLMDocumentError, match="no answer within 0.2 s"):
        extractor.extract(DOC)
    usage = extractor.usage_by_doc["memo"]
    assert (usage.spent, usage.requests, usage.from_cache) == (Usage(None, None, None, None), 2, False)
    assert 0.4 <= usage.seconds < 1.5


# --- the answer cache: no link followed, nothing hostile read, unusable entries asked again ---


def only_entry(tmp_path) -> Path:
    [entry] = (tmp_path / "cache").glob("*/*.json")
    return entry


def test_a_symlink_planted_at_a_cache_entry_is_replaced_never_written_through(serve, make, tmp_path, capsys):
    server = serve(good)
    make(server).extract(DOC)
    entry = only_entry(tmp_path)
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    entry.unlink()
    entry.symlink_to(precious)
    capsys.readouterr()
    assert make(server).extract(DOC) == EXPECTED
    assert precious.read_text() == "keep me" and len(server.payloads) == 2
    assert not entry.is_symlink() and json.loads(entry.read_text())["content"] == json.dumps(GOOD_ANSWER)
    assert capsys.readouterr().err == (f"warning: {entry}: unusable LLM cache entry (a symbolic link, not followed); "
                                       "asked again, like any other unusable entry this run (reported once)\n")


def test_a_symlinked_fan_out_folder_is_neither_read_nor_written_through(serve, make, tmp_path, capsys):
    server = serve(good)
    make(server).extract(DOC)
    entry = only_entry(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    entry.parent.rename(elsewhere)  # the answer now lies elsewhere, reachable only through a link
    entry.parent.symlink_to(elsewhere)
    before = {path.name: path.read_bytes() for path in elsewhere.iterdir()}
    capsys.readouterr()
    assert make(server).extract(DOC) == EXPECTED
    assert len(server.payloads) == 2
    assert {path.name: path.read_bytes() for path in elsewhere.iterdir()} == before
    reason = "a symbolic link or a file in place of its folder, not followed"
    assert capsys.readouterr().err.splitlines() == [
        f"warning: {entry}: unusable LLM cache entry ({reason}); asked again, like any other unusable entry this run "
        "(reported once)",
        f"warning: {entry}: cannot keep the LLM answer in the cache ({reason}); the run goes on without it (reported once)",
    ]


def test_a_fifo_at_a_cache_entry_neither_blocks_nor_stays(serve, make, tmp_path):
    server = serve(good)
    make(server).extract(DOC)
    entry = only_entry(tmp_path)
    entry.unlink()
    os.mkfifo(entry)
    results = []
    worker = threading.Thread(target=lambda: results.append(make(server).extract(DOC)), daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():  # blocked opening the FIFO for reading: release it before failing
        os.close(os.open(entry, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("reading the cache blocked on a FIFO")
    assert results == [EXPECTED] and len(server.payloads) == 2 and entry.is_file()


def test_a_folder_in_place_of_an_entry_costs_no_document(serve, make, tmp_path, capsys):
    server = serve(good)
    make(server).extract(DOC)
    entry = only_entry(tmp_path)
    entry.unlink()
    entry.mkdir()
    capsys.readouterr()
    [run] = make(server).extract_batch([DOC])
    assert run.failure is None and len(run.facts) == 5 and len(server.payloads) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"warning: {entry}: unusable LLM cache entry (a folder); asked again, like any other unusable entry this run "
        "(reported once)",
        f"warning: {entry}: cannot keep the LLM answer in the cache (Is a directory); the run goes on without it "
        "(reported once)",
    ]


DEEP_PREVIEW = "'" + "[" * 80 + "'"


@pytest.mark.parametrize(("plant", "reason"), [
    (lambda key: "{not json", "not JSON, or nested too deep"),
    (lambda key: "[" * 100_000, "not JSON, or nested too deep"),
    (lambda key: json.dumps({"key": key, "content": "[" * 100_000}),
     f"malformed answer (expected JSON with a 'facts' list): {DEEP_PREVIEW}"),
    (lambda key: json.dumps(["a", "list"]), "not a cached answer"),
    (lambda key: json.dumps({"key": "another key", "content": "[]"}), "not a cached answer"),
], ids=["bad-json", "deep-entry", "deep-answer", "list", "other-key"])
def test_an_unusable_cache_entry_is_asked_again_and_said_once_a_run(serve, make, tmp_path, capsys, plant, reason):
    server = serve(good)
    other = Document("other", TEXT + " More.", dt.date(2025, 5, 12))
    make(server).extract(DOC)
    make(server).extract(other)
    entries = sorted((tmp_path / "cache").glob("*/*.json"))
    for entry in entries:
        entry.write_text(plant(entry.stem))
    capsys.readouterr()
    runs = list(make(server, workers=2).extract_batch([DOC, other]))
    assert [(run.failure, len(run.facts)) for run in runs] == [(None, 5), (None, 5)] and len(server.payloads) == 4
    [line] = capsys.readouterr().err.splitlines()
    assert re.fullmatch(rf"warning: .*\.json: unusable LLM cache entry \({re.escape(reason)}\); "
                        r"asked again, like any other unusable entry this run \(reported once\)", line)
    assert [json.loads(entry.read_text())["content"] for entry in entries] == [json.dumps(GOOD_ANSWER)] * 2


def test_a_cache_entry_over_the_line_cap_is_not_read(serve, make, tmp_path, monkeypatch, capsys):
    server = serve(good)
    make(server).extract(DOC)
    entry = only_entry(tmp_path)
    limit = entry.stat().st_size - 1
    monkeypatch.setenv("BENCH_MAX_LINE_BYTES", str(limit))
    capsys.readouterr()
    assert make(server).extract(DOC) == EXPECTED
    assert len(server.payloads) == 2
    assert f"(over {limit} bytes; raise the limit with BENCH_MAX_LINE_BYTES=N)" in capsys.readouterr().err


@pytest.mark.parametrize("below", ["", "sub"])
def test_a_cache_dir_that_is_a_file_stops_before_any_request(serve, make, tmp_path, below):
    server = serve(good)
    plain = tmp_path / "plain"
    plain.write_text("x")
    cache_dir = plain / below if below else plain
    with pytest.raises(LLMConfigError, match=f"^cache_dir {re.escape(str(cache_dir))}: {re.escape(str(plain))} is not "
                                             r"a folder \(choose another with --param cache_dir=DIR or \$BENCH_LLM_CACHE_DIR\)$"):
        make(server, cache_dir=cache_dir)
    assert server.requests == [] and plain.read_text() == "x"
