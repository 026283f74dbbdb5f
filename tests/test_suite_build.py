"""The capability suite generator: reproducible, sized as promised, varied, exact, dated by the tense rule, opaque,
and free of the articles' literals."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from bench.data.suite import build as build_module
from bench.data.suite.build import CASES_PER_CAPABILITY, SHIPPED_SEED, _cases, build_suite
from bench.data.suite.catalog import CAPABILITIES
from bench.data.suite.drafts import CountMention, Draft, Relative, Yearless, date, render
from bench.data.suite.load import load_suite
from bench.data.suite.pools import draw_pools
from bench.data.suite.skeletons import skeleton_counts
from bench.facts import FACT_TYPES, Count, Fact
from bench.normalize.aliases import fact_key, fold

pytestmark = pytest.mark.xdist_group("suite-build")  # on one worker, so that the module's suites are built once

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "gold" / "capabilities"
DATELINE = re.compile(r"[A-ZÀ-Þ][\w'’ .-]*(?:, [A-Z][a-z]+\.? \d+)?(?: \([^)]*\))? [-—] ")
HOOK = re.compile(r"raimondo|zetter|kaspersky|400 million|240,000|less than 50", re.IGNORECASE)


@pytest.fixture(scope="module")
def suite():
    return load_suite("capabilities")


@pytest.fixture(scope="module")
def shipped_cases():
    """The shipped suite's cases as the generator holds them (drafts, with their tenses)."""
    return _cases(SHIPPED_SEED, CASES_PER_CAPABILITY, draw_pools(SHIPPED_SEED))


def test_the_shipped_suite_regenerates_byte_for_byte():
    recorded = json.loads((SHIPPED / "capabilities.json").read_text(encoding="utf-8"))["faker"]
    import faker

    if faker.VERSION != recorded:  # Faker's name lists change between its versions
        pytest.skip(f"the shipped suite was built with Faker {recorded}, this is {faker.VERSION}")
    files = build_suite(SHIPPED_SEED)
    on_disk = {str(p.relative_to(SHIPPED)): p.read_bytes() for p in SHIPPED.rglob("*") if p.is_file()}
    assert sorted(on_disk) == sorted(files)
    assert [path for path in files if files[path] != on_disk[path]] == []


def test_another_seed_changes_the_strings_not_the_capabilities():
    first, second = build_suite(11, per_capability=5), build_suite(12, per_capability=5)
    texts = [{p: d for p, d in files.items() if p.endswith(".txt")} for files in (first, second)]
    assert set(texts[0].values()).isdisjoint(texts[1].values())
    cases = [[c["capability"] for c in map(json.loads, files["cases.jsonl"].splitlines())] for files in (first, second)]
    assert cases[0] == cases[1] == [c.id for c in CAPABILITIES for _ in range(5)]
    assert build_suite(11, per_capability=5) == first


def test_size_capabilities_and_facts_per_type(suite):
    per_capability = Counter(case.capability for case in suite.cases)
    context = [c for c in suite.capabilities if c["context"]]
    assert len(suite.capabilities) >= 25 and 3 * len(context) >= len(suite.capabilities)
    assert min(per_capability.values()) >= 100 and len(suite.cases) >= 2500
    distinct = Counter(key[1] for key in {fact_key(f, suite.gold.aliases) for f in suite.gold.facts})
    assert {t: distinct[t] >= 300 for t in FACT_TYPES} == dict.fromkeys(FACT_TYPES, True)
    assert {case.kind for case in suite.cases} == {"MFT", "negative", "INV", "DIR"}


def test_ten_frames_a_capability_and_fifteen_hundred_skeletons(suite):
    frames = defaultdict(set)
    for case in suite.cases:
        frames[case.capability].add(case.frame)
    assert min(len(f) for f in frames.values()) >= 10
    sentences, documents = skeleton_counts(doc.text for doc in suite.gold.documents)
    assert sentences >= 1500 and documents >= 2500


def test_context_cases_are_news_copy(suite):
    """At least three sentences, a headline or dateline, and about one quotation in five sentences."""
    context = {c["id"] for c in suite.capabilities if c["context"]}
    texts = {doc.id: doc.text for doc in suite.gold.documents}
    sentences = quotes = 0
    for case in (c for c in suite.cases if c.capability in context):
        text = texts[case.doc_id]
        count = len(re.findall(r"[.!?][”\"]?(?=\s|$)", text))
        assert count >= 3, text
        first = text.split("\n\n")[0]
        assert first[-1] not in ".!”" or DATELINE.match(first), text  # a headline (or teaser, byline) or a dateline
        sentences, quotes = sentences + count, quotes + text.count("“")
    assert 0.12 <= quotes / sentences <= 0.3


def test_no_literal_of_the_articles_in_the_suite_or_its_code():
    """Cases and generator code hold nothing of the seed articles: capabilities.json quotes them as citations, and
    the generator names them only in the list of words its names avoid."""
    texts = [p.read_text(encoding="utf-8") for p in SHIPPED.rglob("*") if p.is_file() and p.name != "capabilities.json"]
    avoided = re.compile(r"\nAVOIDED = frozenset\((?:.|\n)*?\.split\(\)\)\n")
    texts += [avoided.sub("", p.read_text(encoding="utf-8")) for p in (ROOT / "bench" / "data" / "suite").glob("*.py")
              if p.name != "real_examples.py"]
    assert [t[:60] for t in texts if HOOK.search(t)] == []

    def grams(text: str, n: int) -> set[str]:
        words = re.findall(r"[a-z0-9]+", text.lower())
        return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}

    ours = [grams(t, 5) for t in texts]
    articles = set().union(*(grams(p.read_text(encoding="utf-8"), 5) for p in (ROOT / "seeds").glob("*.txt")))
    assert articles.isdisjoint(set().union(*ours))
    wikinews = set().union(*(grams(p.read_text(encoding="utf-8"), 8)
                             for p in (ROOT / "gold" / "wikinews" / "documents").glob("*.txt")))
    assert wikinews.isdisjoint(set().union(*(grams(t, 8) for t in texts)))


def test_no_fact_or_name_of_the_articles_in_the_suite(suite):
    from bench.data.gold import load_gold

    gold = load_gold()
    article_values = {(f.type, json.dumps(gold.aliases.canonical_value(f.type, f.value), default=repr)) for f in gold.facts}
    suite_values = {(f.type, json.dumps(suite.gold.aliases.canonical_value(f.type, f.value), default=repr))
                    for f in suite.gold.facts}
    assert article_values.isdisjoint(suite_values)
    article_names = json.loads((ROOT / "gold" / "aliases.json").read_text(encoding="utf-8"))
    suite_names = json.loads((SHIPPED / "aliases.json").read_text(encoding="utf-8"))
    for kind in ("agencies", "officials", "titles"):
        theirs = {fold(n) for canonical, aliases in article_names[kind].items() for n in (canonical, *aliases)}
        ours = {fold(n) for canonical, aliases in suite_names[kind].items() for n in (canonical, *aliases)}
        assert theirs.isdisjoint(ours), kind


def test_rendering_records_exact_offsets_and_values():
    # 5 March 2031 is a Wednesday (1 January 2031 is one, and 63 days later is 9 weeks on). "July 12" told in the
    # past on 5 March is last year's; "Sept. 3" told in the future is this year's.
    draft = Draft(("On ", Relative("Monday", "Monday"), ", ", CountMention("headcount", "about", "approx", 1200, "digits",
                   "employees"), " staff; ", date("Sept. 3, 2030", "2030-09-03"), "; ", Yearless(7, 12, "past", "us"),
                   "; ", Yearless(9, 3, "future", "abbr"), "."), dt.date(2031, 3, 5))
    text, facts = render(draft, "d")
    assert text == "On Monday, about 1,200 staff; Sept. 3, 2030; July 12; Sept. 3."
    assert facts == [Fact("d", "date", "2031-03-03", "Monday", 3, 9),
                     Fact("d", "headcount", Count(1200, "approx", "employees"), "about 1,200", 11, 22),
                     Fact("d", "date", "2030-09-03", "Sept. 3, 2030", 30, 43),
                     Fact("d", "date", "2030-07-12", "July 12", 45, 52),
                     Fact("d", "date", "2031-09-03", "Sept. 3", 54, 61)]


def test_every_yearless_date_follows_the_tense_of_its_clause(shipped_cases):
    """A past event never lies after the published date, a future one never before it (the review found 26 of
    100 date.absolute cases dated against their tense)."""
    checked = 0
    for case in shipped_cases:
        for piece in case.draft.pieces:
            if isinstance(piece, Yearless):
                value = dt.date.fromisoformat(piece.render(case.draft.published)[1] + ("-01" if piece.day is None else ""))
                published = case.draft.published.replace(day=1) if piece.day is None else case.draft.published
                assert value <= published if piece.tense == "past" else value >= published, (case.text, piece)
                checked += 1
    assert checked >= 150


def _keys(suite, doc_id):
    return {(f.type, suite.gold.aliases.canonical_value(f.type, f.value)) for f in suite.gold.facts if f.doc_id == doc_id}


def test_inv_cases_keep_their_source_facts(suite):
    inv = [case for case in suite.cases if case.kind == "INV"]
    assert len(inv) == 300
    assert [c.doc_id for c in inv if _keys(suite, c.doc_id) != _keys(suite, c.derived_from)] == []
    source_frame = {case.doc_id: case.frame for case in suite.cases}
    assert all(case.frame == source_frame[case.derived_from] for case in inv)


def test_dir_cases_move_the_value_as_told(suite):
    texts = {doc.id: doc for doc in suite.gold.documents}
    for case in (c for c in suite.cases if c.capability == "dir.published_date"):
        variant, source = texts[case.doc_id], texts[case.derived_from]
        assert variant.text == source.text and variant.published > source.published
    moved = 0
    for case in (c for c in suite.cases if c.capability == "dir.number"):
        ours = sorted((k[0], k[1].qualifier, k[1].unit, k[1].count) for k in _keys(suite, case.doc_id))
        theirs = sorted((k[0], k[1].qualifier, k[1].unit, k[1].count) for k in _keys(suite, case.derived_from))
        assert [k[:3] for k in ours] == [k[:3] for k in theirs]
        moved += all(a[3] != b[3] for a, b in zip(ours, theirs))
    assert moved == 100


def test_a_case_is_negative_when_it_has_no_fact_of_its_judged_types(suite):
    types_of = defaultdict(set)
    for fact in suite.gold.facts:
        types_of[fact.doc_id].add(fact.type)
    negative_capabilities = {c["id"] for c in suite.capabilities if c["kind"] == "negative"}
    for case in suite.cases:
        assert (case.kind == "negative") == (not types_of[case.doc_id] & set(case.fact_types))
        if case.capability in negative_capabilities:
            assert case.kind == "negative", case.doc_id


def test_documents_are_opaque(suite):
    """Ids are hashes, listed in id order: an extractor learns nothing of a case's capability from its document."""
    ids = [doc.id for doc in suite.gold.documents]
    assert all(re.fullmatch(r"[0-9a-f]{16}", doc_id) for doc_id in ids) and ids == sorted(ids)
    names = {c["id"] for c in suite.capabilities} | {"negative", "MFT", "INV", "DIR", "context"}
    assert not any(name in doc.text for doc in suite.gold.documents for name in names if "." in name)
    assert {m.published_basis for m in suite.gold.manifest} == {"generated"}


def test_each_capability_cites_the_real_error_it_stands_for():
    """Each quote is the text at its offsets in the seed article or Wikinews text it names."""
    folders = {"articles": ROOT / "seeds", "wikinews": ROOT / "gold" / "wikinews" / "documents"}
    files = {}
    for name, folder in folders.items():
        for line in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            files[(name, record["id"])] = folder / record["file"]
    capabilities = json.loads((SHIPPED / "capabilities.json").read_text(encoding="utf-8"))["capabilities"]
    assert len(capabilities) == len(CAPABILITIES)
    for capability in capabilities:
        example = capability["real_example"]
        text = files[(example["set"], example["doc_id"])].read_text(encoding="utf-8")
        assert text[example["start"]:example["end"]] == example["quote"], capability["id"]
        assert example["error"].endswith("."), capability["id"]


def test_suite_build_command(cli, tmp_path):
    result = cli("suite", "build", "--seed", "5", "-o", tmp_path / "s")
    assert result.exit_code == 0 and result.stderr == f"wrote {tmp_path / 's'}: 3900 cases\n"
    again = cli("suite", "build", "--seed", "5", "-o", tmp_path / "s")
    assert again.exit_code == 2
    assert again.stderr == f"error: {tmp_path / 's'}: --output: exists and is not empty; choose another directory or pass --force\n"


def test_build_is_fast_enough_for_the_command_line():
    import time

    start = time.process_time()
    build_module.build_suite(SHIPPED_SEED)
    assert time.process_time() - start < 40
