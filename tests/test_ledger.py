"""What a run costs: time, tokens and money per run, in results files, on the board, in the report and in the gate.

The model is tests/test_baseline_llm.py's FakeServer on 127.0.0.1, answering
every request with the same usage (812 prompt tokens of which 768 cached, 96
completion, 908 in all), so every expected figure below is worked out by hand.
"""

from __future__ import annotations

import dataclasses
import json
import re
import textwrap

import pytest
from test_baseline_llm import USAGE, answered, serve  # noqa: F401 - serve is a fixture
from test_leaderboard import SMALL, made

from bench import DocumentUsage, Metered, Prices, Usage
from bench.data.documents import Document
from bench.data.ledger import Ledger, Machine, percentile
from bench.data.results import read_results, write_results
from bench.extraction.registry import load_extractor
from bench.extraction.runner import RunOptions, run_for_gold
from bench.pipeline.ledger import RunMeter
from bench.pipeline.run import evaluate
from bench.presentation.html_report import Run, build_report
from bench.presentation.html_report.cost import pareto_front
from bench.presentation.leaderboard import Entry, leaderboard_markdown

EMPTY = json.dumps({"facts": []})
# One document at 1.0 per million prompt tokens, 0.5 per million cached ones, 2.0 per million completion tokens:
# (812 - 768) * 1.0 + 768 * 0.5 + 96 * 2.0 = 44 + 384 + 192 = 620 per million, so 0.00062.
PRICES = ["--param", "price_in=1.0", "--param", "price_out=2.0", "--param", "price_cached=0.5"]
PER_DOCUMENT = 0.00062
HERE = Machine("Test CPU", 2, "3.11.7")
USAGE_ONE = {"prompt_tokens": 812, "completion_tokens": 96, "total_tokens": 908, "cached_tokens": 768}


@pytest.fixture()
def eval_llm(cli, small_gold, tmp_path, monkeypatch):
    """``bench eval -e llm`` on the two-document small gold against ``server``; returns (result, results file)."""
    gold = small_gold()
    monkeypatch.setenv("BENCH_LLM_CACHE_DIR", str(tmp_path / "cache"))
    made_files = iter(range(100))

    def run(server, *extra: str):
        output = tmp_path / f"run-{next(made_files)}.json"
        result = cli("eval", "-e", "llm", "--gold", gold, "--no-ci", "-o", output, "--param", f"base_url={server.base_url}",
                     "--param", "model=tiny", "--param", "max_retries=0", *extra)
        return result, output

    return run


def ledger_of(path) -> dict:
    return json.loads(path.read_text())["ledger"]


def test_a_metered_run_sums_its_tokens_and_prices_them(serve, eval_llm):
    server = serve(lambda payload, index: answered(EMPTY, USAGE))
    result, output = eval_llm(server, *PRICES)
    assert result.exit_code == 0, result.output
    found = ledger_of(output)
    assert found["metered"] is True and found["documents"] == 2
    both = {"prompt_tokens": 1624, "completion_tokens": 192, "total_tokens": 1816, "cached_tokens": 1536}
    assert found["tokens"] == both and found["cold_tokens"] == both
    assert found["cache"] == {"hits": 0, "misses": 2}
    assert found["cost"] == {"spent": 2 * PER_DOCUMENT, "cold": 2 * PER_DOCUMENT, "per_document": PER_DOCUMENT}
    assert found["prices"] == {"input": 1.0, "output": 2.0, "cached": 0.5, "currency": "",
                               "source": "--param price_in, price_out"}
    assert [line["usage"]["spent"] for line in found["per_document"]] == [USAGE_ONE, USAGE_ONE]


def test_a_rerun_from_the_cache_spends_nothing_and_costs_the_same_cold(serve, eval_llm):
    server = serve(lambda payload, index: answered(EMPTY, USAGE))
    first = ledger_of(eval_llm(server, *PRICES)[1])
    second = ledger_of(eval_llm(server, *PRICES)[1])
    assert len(server.payloads) == 2  # the second run asked nothing
    assert second["tokens"] == {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0, "cached_tokens": 0}
    assert second["cache"] == {"hits": 2, "misses": 0}
    assert second["cost"]["spent"] == 0
    assert second["cost"]["cold"] == first["cost"]["cold"] == 2 * PER_DOCUMENT
    assert second["cold_tokens"] == first["tokens"]


def test_without_a_price_the_cost_is_unknown_never_zero(serve, eval_llm, cli):
    server = serve(lambda payload, index: answered(EMPTY, USAGE))
    _, output = eval_llm(server)
    found = ledger_of(output)
    assert found["tokens"]["total_tokens"] == 1816
    assert found["prices"] is None and found["cost"] == {"spent": None, "cold": None, "per_document": None}
    shown = cli("show", output).stdout
    assert "cost: spent unknown, without the cache unknown (unknown per 1,000 documents)\n" in shown
    assert "prices: none known, so the cost is unknown\n" in shown


def test_a_server_that_omits_usage_leaves_tokens_and_cost_unknown_not_zero(serve, eval_llm):
    server = serve(lambda payload, index: answered(EMPTY))
    found = ledger_of(eval_llm(server, *PRICES)[1])
    unknown = {"prompt_tokens": None, "completion_tokens": None, "total_tokens": None, "cached_tokens": None}
    assert found["tokens"] == unknown and found["cold_tokens"] == unknown
    assert found["cost"] == {"spent": None, "cold": None, "per_document": None}


def test_prices_come_from_a_file_by_model_name_and_a_model_it_lacks_is_unknown(serve, eval_llm, tmp_path):
    prices = tmp_path / "prices.json"
    prices.write_text(json.dumps({"date": "2025-05-01", "source": "a page", "currency": "USD",
                                  "models": {"tiny": {"input": 1.0, "output": 2.0, "cached": 0.5}}}))
    server = serve(lambda payload, index: answered(EMPTY, USAGE))
    found = ledger_of(eval_llm(server, "--param", f"prices={prices}")[1])
    assert found["cost"]["per_document"] == PER_DOCUMENT
    assert found["prices"]["source"] == f"{prices} (a page, 2025-05-01)" and found["prices"]["currency"] == "USD"
    prices.write_text(json.dumps({"date": "2025-05-01", "source": "a page", "models": {"huge": {"input": 1, "output": 2}}}))
    assert ledger_of(eval_llm(server, "--param", f"prices={prices}")[1])["cost"]["cold"] is None
    prices.write_text(json.dumps({"date": "2025-05-01", "source": "a page", "models": {"tiny": {"input": -1, "output": 2}}}))
    refused, _ = eval_llm(server, "--param", f"prices={prices}")
    assert refused.exit_code == 2
    assert refused.stderr == f"error: {prices}: models.tiny.input: -1 is below 0\n"


@pytest.mark.parametrize(("prices", "line"), [
    (["--param", "price_in=1"], "give both price_in and price_out (per million tokens), or neither"),
    (["--param", "price_cached=1"], "price_cached needs price_in and price_out too"),
    (["--param", "price_in=-1", "--param", "price_out=1"], "prices cannot be negative (got price_in=-1.0, price_out=1.0)"),
    ([*PRICES, "--param", "prices=prices.json"], "give price_in and price_out, or a prices file, not both"),
], ids=["half", "cached-alone", "negative", "both-ways"])
def test_prices_given_wrong_stop_the_run_in_one_line(serve, eval_llm, prices, line):
    server = serve(lambda payload, index: answered(EMPTY, USAGE))
    refused, _ = eval_llm(server, *prices)
    assert (refused.exit_code, refused.stderr) == (2, f"error: {line}\n")
    assert server.payloads == []


# --- latency: one document at a time, measured where it ran ----------------------------------


@pytest.mark.xdist_group("wall-clock")  # tests timing wall-clock limits run one at a time
def test_p95_is_the_nearest_rank_of_the_documents_own_wall_times(serve, tmp_path):
    """20 documents answered concurrently, the k-th after 0.05 * k seconds: each is timed where it ran.

    Each document's time is at least its own delay, and the first one's stays far below the
    last one's delay (a batch's time charged to every document would not). The percentiles
    are the nearest ranks of those times: sorted, the 10th (p50), the 19th (p95: the smallest
    with 95% of the 20 at or below it) and the 20th (max).
    """
    delays = {f"doc{k:02d}": 0.05 * k for k in range(1, 21)}

    def behave(payload, index):
        doc = re.search(r"doc\d\d", payload["messages"][-1]["content"]).group()
        return answered(EMPTY, USAGE, delays[doc])

    server = serve(behave)
    llm = load_extractor("llm", {"base_url": server.base_url, "model": "tiny", "workers": "20",
                                 "cache_dir": str(tmp_path / "cache")})
    documents = [Document(doc, f"Document {doc}.") for doc in delays]
    meter = RunMeter()
    runs = list(meter.watching(lambda runs, total: runs)(run_for_gold(llm, documents, [], []), len(documents)))
    ledger = meter.ledger(llm)
    assert [run.doc_id for run in runs] == list(delays)
    assert (ledger.documents, ledger.timed) == (20, 20)
    times = {run.doc_id: run.seconds for run in runs}
    assert all(times[doc] >= delay for doc, delay in delays.items())
    assert times["doc01"] < delays["doc20"] / 2
    ranked = sorted(times.values())
    assert (ledger.p50, ledger.p95, ledger.max) == (ranked[9], ranked[18], ranked[19])
    assert ledger.docs_per_second == pytest.approx(20 / ledger.seconds)
    assert ledger.tokens.total_tokens == 20 * 908


def test_percentiles_by_hand():
    assert percentile([3.0], 0.95) == 3.0
    assert percentile([5.0, 1.0, 4.0, 2.0, 3.0], 0.5) == 3.0  # ceil(2.5) = 3rd of 1..5
    assert percentile([float(k) for k in range(1, 101)], 0.95) == 95.0


METERED_PLUGIN = textwrap.dedent(
    '''
    import time
    from bench import DocumentUsage, Prices, Usage

    class Counting:
        """Sleeps 0.05 s a document and says it spent one prompt token per character, 10 completion tokens."""
        name, version = "counting", "1"

        def __init__(self):
            self.spent = {}

        def extract(self, document):
            time.sleep(0.05)
            self.spent[document.id] = len(document.text)
            return []

        def usage_for(self, doc_id):
            n = self.spent.get(doc_id)
            return None if n is None else DocumentUsage.asked(Usage(n, 10, n + 10, 0))

        def prices(self):
            return Prices(input=1000.0, output=1000.0, currency="EUR", source="made up")
    ''')


@pytest.mark.parametrize("workers", [1, 2], ids=["in-process", "workers"])
def test_any_metered_plugin_fills_the_ledger_in_process_and_from_workers(small_gold, tmp_path, workers):
    from conftest import SMALL_TEXTS

    (tmp_path / "counting.py").write_text(METERED_PLUGIN)
    results = evaluate(f"{tmp_path / 'counting.py'}:Counting", small_gold(), with_ci=False,
                       options=RunOptions(workers=workers))
    ledger = results.ledger
    characters = sum(len(text) for text, _ in SMALL_TEXTS.values())
    assert ledger.tokens == Usage(characters, 20, characters + 20, 0)
    assert ledger.cost == round((characters + 20) * 1000.0 / 1_000_000, 12)  # 1,000 a million: a thousandth a token
    assert all(line.seconds >= 0.05 for line in ledger.per_document) and ledger.timed == 2
    assert ledger.children_peak_rss_kib > 0 if workers > 1 else ledger.children_peak_rss_kib >= 0


def test_the_plugin_api_exports_the_metering_protocol():
    class Free:
        def usage_for(self, doc_id):
            return DocumentUsage.cache_hit(Usage(1, 1, 2, 0))

        def prices(self):
            return None

    assert isinstance(Free(), Metered) and not isinstance(object(), Metered)
    assert Prices(1.0, 2.0).cost(Usage(10**6, 10**6, 2 * 10**6, None)) == 3.0


# --- shown: bench show, the leaderboard, compare, the report ------------------------------------


def ledger(cost_per_document: float | None, p95: float = 0.25, machine: Machine = HERE, metered: bool = True,
           currency: str = "USD") -> Ledger:
    """A two-document ledger whose cold cost is twice ``cost_per_document`` (None: no price known)."""
    prices = None if cost_per_document is None else Prices(1.0, 2.0, None, currency, "a page")
    cost = None if cost_per_document is None else 2 * cost_per_document
    tokens = Usage(1624, 192, 1816, 1536) if metered else None
    return Ledger(2, 0.5, 2, 0.2, p95, p95, 51200, 0, machine, metered, tokens, tokens, 0 if metered else None,
                  2 if metered else None, prices if metered else None, cost if metered else None,
                  cost if metered else None)


def test_bench_show_prints_the_ledger_under_the_table(cli, tmp_path):
    path = tmp_path / "run.json"
    write_results(dataclasses.replace(made("llm", 0.5), ledger=ledger(PER_DOCUMENT)), path)
    shown = cli("show", path).stdout
    assert shown.endswith(
        "\n\nledger: 2 documents in 0.50 s (4.0 documents/s) on Test CPU (2 cores), Python 3.11.7\n"
        "latency per document (wall time of extract, 2 timed): p50 0.200 s, p95 0.250 s, max 0.250 s\n"
        "peak memory (max RSS): bench 50.0 MiB, largest child process 0.0 MiB\n"
        "tokens spent: prompt 1,624 (cached 1,536), completion 192, total 1,816; "
        "without the cache: prompt 1,624 (cached 1,536), completion 192, total 1,816\n"
        "answer cache: 0 hits, 2 asked\n"
        "cost: spent 0.00124 USD, without the cache 0.00124 USD (0.620 USD per 1,000 documents)\n"
        "prices per million tokens: input 1, output 2, cached as input USD (a page)\n")
    assert read_results(path).ledger == ledger(PER_DOCUMENT)


def test_an_old_results_file_loads_without_a_ledger_and_the_board_has_no_cost_columns(tmp_path):
    path = tmp_path / "old.json"
    write_results(made("regex", 0.5), path)
    assert "ledger" not in json.loads(path.read_text())
    assert read_results(path).ledger is None
    assert "cost / 1k docs" not in leaderboard_markdown([Entry("old.json", read_results(path))])


def test_the_board_shows_cost_per_1000_documents_and_p95_and_says_when_machines_differ():
    elsewhere = Machine("Other CPU", 8, "3.12.1")
    entries = [Entry("a.json", dataclasses.replace(made("priced", 0.9), ledger=ledger(PER_DOCUMENT))),
               Entry("b.json", dataclasses.replace(made("unpriced", 0.8), ledger=ledger(None))),
               Entry("c.json", dataclasses.replace(made("regex", 0.7), ledger=ledger(None, 0.0001, elsewhere, False))),
               Entry("d.json", made("old", 0.6))]
    board = leaderboard_markdown(entries).splitlines()
    assert board[2].endswith("| cost / 1k docs | p95 s | p vs above (unadjusted) | file |")
    assert [line.split(" | ")[-4:-2] for line in board[4:8]] == [
        ["0.620 USD", "0.250"], ["unknown", "0.250"], ["not metered", "0.000100"], ["–", "–"]]
    assert ("Timings come from different machines and do not compare across them (`a.json`: Test CPU (2 cores), "
            "Python 3.11.7; `b.json`: Test CPU (2 cores), Python 3.11.7; `c.json`: Other CPU (8 cores), "
            "Python 3.12.1).") in board


def test_the_report_charts_cost_against_f1_with_the_pareto_front_marked():
    assert pareto_front([(1.0, 0.5), (2.0, 0.9), (2.0, 0.4), (0.5, 0.5)]) == [1, 3]
    cheap = made("a", 0.5, SMALL.hash)
    cheap = dataclasses.replace(cheap, ledger=ledger(0.001), rows=tuple(
        dataclasses.replace(row, ci={"f1": (0.3, 0.7)}) if row.label == "micro" else row for row in cheap.rows))
    runs = [Run("cheap", cheap),
            Run("dear", dataclasses.replace(made("b", 0.9, SMALL.hash), ledger=ledger(0.004))),
            Run("wasteful", dataclasses.replace(made("c", 0.4, SMALL.hash), ledger=ledger(0.004))),
            Run("unpriced", dataclasses.replace(made("d", 0.3, SMALL.hash), ledger=ledger(None)))]
    page = build_report(SMALL, runs)
    section = page[page.index('<section id="cost">'):page.index("</section>", page.index('<section id="cost">'))]
    assert section.count('class="pt front"') == 2 and section.count('class="pt"') == 1
    assert "Pareto front\n(no other run costs as little or less and scores as high or higher): cheap, dear." in section
    assert "Not drawn: unpriced (cost unknown)." in section
    # cheap at x = 52 + 484 * 1.0 / 4.4 = 162, its interval from y = 28 + 258 * (1 - 0.3) = 208.6 up to 28 + 258 * 0.3 = 105.4
    assert '<path class="whisker" d="M162.0 208.6V105.4M158.0 208.6h8M158.0 105.4h8"/>' in section
    assert '<td class="n">1.00 USD</td><td class="n">0.250</td>' in section  # cheap: 0.001 a document
    assert '<a href="#cost">Cost and latency</a>' in page


# --- the gate: budgets and the recorded cost ------------------------------------------------------


@pytest.fixture()
def gate(cli, serve, small_gold, tmp_path, monkeypatch):
    """The llm through bench check on the small gold, configured by environment as CI would; prices by file."""
    gold, prices = small_gold(), tmp_path / "prices.json"
    prices.write_text(json.dumps({"date": "2025-05-01", "source": "a page", "currency": "USD",
                                  "models": {"tiny": {"input": 1.0, "output": 2.0, "cached": 0.5}}}))
    monkeypatch.setenv("BENCH_LLM_MODEL", "tiny")
    monkeypatch.setenv("BENCH_LLM_PRICES", str(prices))
    caches = iter(range(100))

    def check(server, *args: str):
        monkeypatch.setenv("BENCH_LLM_BASE_URL", server.base_url)
        monkeypatch.setenv("BENCH_LLM_CACHE_DIR", str(tmp_path / f"cache-{next(caches)}"))  # every run asks again
        return cli("check", "--baseline", tmp_path / "scores.json", "--gold", gold, *args)

    return check


def key(server) -> str:
    return f"llm [model=tiny, endpoint_host=127.0.0.1:{server.httpd.server_address[1]}, prompt_version=1]"


def test_the_baseline_records_the_ledger_and_a_run_within_budget_passes(serve, gate, tmp_path):
    server = serve(lambda payload, index: answered(EMPTY, USAGE))
    assert gate(server, "--update", "-e", "llm").exit_code == 0
    recorded = json.loads((tmp_path / "scores.json").read_text())["extractors"][key(server)]["ledger"]
    assert recorded["cost"] == {"spent": 2 * PER_DOCUMENT, "cold": 2 * PER_DOCUMENT, "per_document": PER_DOCUMENT}
    assert "per_document" not in recorded and recorded["latency"]["timed"] == 2
    passed = gate(server, "--max-cost-per-doc", "0.00062", "--max-p95", "5")
    assert passed.exit_code == 0, passed.output


def test_the_gate_fails_a_run_over_its_cost_budget(serve, gate):
    server = serve(lambda payload, index: answered(EMPTY, USAGE))
    gate(server, "--update", "-e", "llm")
    result = gate(server, "--max-cost-per-doc", "0.0006")
    assert result.exit_code == 1
    assert result.stdout == f"over budget: {key(server)}: cost per document 0.000620 USD is over --max-cost-per-doc 0.0006\n"
    assert result.stderr.endswith("check failed: 1 cost or latency limit broken\n")


def test_the_gate_fails_a_prompt_twice_as_expensive_as_recorded(serve, gate):
    doubled = {**USAGE, "prompt_tokens": 1624, "total_tokens": 1720, "prompt_tokens_details": {"cached_tokens": 1536}}
    answers = {"usage": USAGE}
    server = serve(lambda payload, index: answered(EMPTY, answers["usage"]))
    gate(server, "--update", "-e", "llm")
    answers["usage"] = doubled  # (1624 - 1536) * 1.0 + 1536 * 0.5 + 96 * 2.0 = 88 + 768 + 192 = 1048 per million
    result = gate(server, "--tolerance", "0.5")
    assert result.exit_code == 1
    assert result.stdout == (f"regression: {key(server)}: cost per document rose from 0.000620 USD to 0.00105 USD "
                             "(tolerance 0.5)\n")


def test_an_unknown_cost_cannot_be_held_to_a_budget(serve, gate, monkeypatch):
    server = serve(lambda payload, index: answered(EMPTY))  # no usage: tokens unknown
    gate(server, "--update", "-e", "llm")
    result = gate(server, "--max-cost-per-doc", "1")
    assert result.exit_code == 1
    assert result.stdout == (f"over budget: {key(server)}: cost per document unknown (no price is known, or a "
                             "document's tokens are unknown); --max-cost-per-doc 1 cannot be held\n")


def test_the_gate_fails_a_run_over_its_p95_budget(serve, gate):
    server = serve(lambda payload, index: answered(EMPTY, USAGE, 0.2))
    gate(server, "--update", "-e", "llm")
    result = gate(server, "--max-p95", "0.1")
    assert result.exit_code == 1
    assert re.fullmatch(rf"over budget: {re.escape(key(server))}: p95 latency 0\.[2-4]\d\d s is over --max-p95 0\.1 s\n",
                        result.stdout)


def test_compare_states_both_costs_and_says_when_the_machines_differ(cli, small_gold, tmp_path):
    gold = small_gold()
    plain = evaluate("regex", gold, with_ci=False)
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    write_results(dataclasses.replace(plain, ledger=ledger(PER_DOCUMENT)), a)
    write_results(dataclasses.replace(plain, ledger=ledger(None, 0.5, Machine("Other CPU", 8, "3.12.1"))), b)
    compared = cli("compare", a, b, "--gold", gold, "--resamples", "50")
    assert compared.exit_code == 0
    assert compared.stdout.endswith(
        "\ncost / 1k docs: A 0.620 USD, B unknown; p95 latency (s): A 0.250, B 0.500.\n"
        f"Timings come from different machines and do not compare across them (A ({a}): Test CPU (2 cores), "
        f"Python 3.11.7; B ({b}): Other CPU (8 cores), Python 3.12.1).\n")
