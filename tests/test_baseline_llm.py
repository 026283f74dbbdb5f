"""The LLM adapter against a local chat-completions server (127.0.0.1, no network)."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from baselines.llm import LLMConfigError, LLMDocumentError, LLMExtractor
from baselines.llm.answer import ground, parse_answer
from bench.data.documents import Document
from bench.extraction.options import OptionError
from bench.extraction.registry import load_extractor
from bench.facts import Count, Fact, Official

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
    """A chat-completions server whose answers come from ``behave(payload, index) -> (status, body[, delay])``."""

    def __init__(self, behave):
        self.behave = behave
        self.payloads: list[dict] = []
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

            def do_POST(self):
                assert self.path == "/v1/chat/completions"
                payload = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with server.lock:
                    index = len(server.payloads)
                    server.payloads.append(payload)
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                status, body, *delay = server.behave(payload, index)
                time.sleep(delay[0] if delay else 0)
                with server.lock:
                    server.in_flight -= 1
                data = json.dumps(body).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
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
