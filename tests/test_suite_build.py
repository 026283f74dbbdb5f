"""The capability suite generator: reproducible, sized as promised, exact, and free of the articles' literals."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from bench.data.gold import load_gold
from bench.data.suite import build as build_module
from bench.data.suite.build import SHIPPED_SEED, build_suite, write_suite
from bench.data.suite.drafts import CountMention, Draft, Relative, date, render
from bench.data.suite.load import load_suite
from bench.errors import InputError
from bench.facts import FACT_TYPES, Count, Fact
from bench.normalize.aliases import fact_key, fold

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "gold" / "capabilities"
HOOK = re.compile(r"raimondo|zetter|kaspersky|400 million|240,000|less than 50", re.IGNORECASE)


@pytest.fixture(scope="module")
def suite():
    return load_suite("capabilities")


def test_the_shipped_suite_regenerates_byte_for_byte():
    files = build_suite(SHIPPED_SEED)
    on_disk = {str(p.relative_to(SHIPPED)): p.read_bytes() for p in SHIPPED.rglob("*") if p.is_file()}
    assert sorted(on_disk) == sorted(files)
    assert [path for path in files if files[path] != on_disk[path]] == []


def test_another_seed_changes_the_strings_not_the_capabilities():
    first, second = build_suite(11, per_capability=5), build_suite(12, per_capability=5)
    assert first["documents/date.absolute-000.txt"] != second["documents/date.absolute-000.txt"]
    cases = [[(c["capability"], c["fact_type"]) for c in map(json.loads, files["cases.jsonl"].splitlines())]
             for files in (first, second)]
    assert cases[0] == cases[1]
    assert build_suite(11, per_capability=5) == first


def test_size_capabilities_and_facts_per_type(suite):
    per_capability = Counter(case.capability for case in suite.cases)
    context = [c for c in suite.capabilities if c["context"]]
    assert len(suite.capabilities) >= 25 and 3 * len(context) >= len(suite.capabilities)
    assert min(per_capability.values()) >= 100 and len(suite.cases) >= 2500
    distinct = Counter(key[1] for key in {fact_key(f, suite.gold.aliases) for f in suite.gold.facts})
    assert {t: distinct[t] >= 300 for t in FACT_TYPES} == dict.fromkeys(FACT_TYPES, True)
    kinds = {case.kind for case in suite.cases}
    assert kinds == {"MFT", "negative", "INV", "DIR"}


def test_no_literal_of_the_articles_in_the_suite_or_its_code():
    texts = [p.read_text(encoding="utf-8") for p in SHIPPED.rglob("*") if p.is_file()]
    texts += [p.read_text(encoding="utf-8") for p in (ROOT / "bench" / "data" / "suite").glob("*.py")]
    assert [t[:60] for t in texts if HOOK.search(t)] == []

    def five_grams(text: str) -> set[str]:
        words = re.findall(r"[a-z0-9]+", text.lower())
        return {" ".join(words[i:i + 5]) for i in range(len(words) - 4)}

    articles = set().union(*(five_grams(p.read_text(encoding="utf-8")) for p in (ROOT / "seeds").glob("*.txt")))
    assert articles.isdisjoint(set().union(*map(five_grams, texts)))


def test_no_fact_or_name_of_the_articles_in_the_suite(suite):
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
    # 5 March 2031 is a Wednesday (1 January 2031 is one, and 63 days later is 9 weeks on).
    draft = Draft(("On ", Relative("Monday", "Monday"), ", ", CountMention("headcount", "about", "approx", 1200, "digits",
                   "employees"), " staff; ", date("Sept. 3", "2031-09-03"), "."), dt.date(2031, 3, 5))
    text, facts = render(draft, "d")
    assert text == "On Monday, about 1,200 staff; Sept. 3."
    assert facts == [Fact("d", "date", "2031-03-03", "Monday", 3, 9),
                     Fact("d", "headcount", Count(1200, "approx", "employees"), "about 1,200", 11, 22),
                     Fact("d", "date", "2031-09-03", "Sept. 3", 30, 37)]


def _keys(suite, doc_id):
    return {(f.type, suite.gold.aliases.canonical_value(f.type, f.value)) for f in suite.gold.facts if f.doc_id == doc_id}


def test_inv_cases_keep_their_source_facts(suite):
    inv = [case for case in suite.cases if case.kind == "INV"]
    assert len(inv) == 300
    assert [c.doc_id for c in inv if _keys(suite, c.doc_id) != _keys(suite, c.derived_from)] == []


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


def test_negative_cases_have_no_facts_and_negative_capabilities_only_negatives(suite):
    with_facts = {fact.doc_id for fact in suite.gold.facts}
    negative_capabilities = {c["id"] for c in suite.capabilities if c["kind"] == "negative"}
    for case in suite.cases:
        assert (case.kind == "negative") == (case.doc_id not in with_facts)
        if case.capability in negative_capabilities:
            assert case.kind == "negative", case.doc_id


def test_build_writes_atomically_and_refuses_a_full_directory(tmp_path):
    target = tmp_path / "suite"
    write_suite(target, 3, per_capability=1)
    assert load_suite(target).name == "capabilities"
    with pytest.raises(InputError, match="exists and is not empty"):
        write_suite(target, 4, per_capability=1)
    write_suite(target, 4, force=True, per_capability=1)
    assert json.loads((target / "capabilities.json").read_text())["seed"] == 4
    assert sorted(p.name for p in tmp_path.iterdir()) == ["suite"]


def test_a_failed_write_leaves_nothing_behind(tmp_path, monkeypatch):
    calls = []

    def failing_write(self, data):
        calls.append(self)
        if len(calls) > 5:
            raise OSError(28, "No space left on device")
        return Path.write_text(self, data.decode("utf-8"), encoding="utf-8")

    monkeypatch.setattr(build_module.Path, "write_bytes", failing_write)
    with pytest.raises(InputError, match=r"suite: cannot write the suite: No space left on device"):
        write_suite(tmp_path / "suite", 3, per_capability=1)
    assert list(tmp_path.iterdir()) == []


def test_suite_build_command(cli, tmp_path):
    result = cli("suite", "build", "--seed", "5", "-o", tmp_path / "s")
    assert result.exit_code == 0 and result.stderr.startswith(f"wrote {tmp_path / 's'}: 3800 cases")
    again = cli("suite", "build", "--seed", "5", "-o", tmp_path / "s")
    assert again.exit_code == 2
    assert again.stderr == f"error: {tmp_path / 's'}: exists and is not empty; choose another directory or pass --force\n"
