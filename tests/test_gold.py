"""The shipped gold: schema, offsets, canonical values, hash, statistics."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from bench.data.documents import load_manifest, load_seeds
from bench.data.gold import gold_problems, gold_statistics, load_gold
from bench.data.resources import gold_dir, seeds_dir
from bench.data.schema import schema_problems
from bench.errors import IntegrityError

SHARED_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def gold_records() -> list[dict]:
    lines = (gold_dir() / "facts.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_every_gold_record_follows_the_fact_schema():
    for record in gold_records():
        assert schema_problems(record, "fact") == [], record["id"]


@pytest.mark.parametrize("record", gold_records(), ids=lambda r: r["id"])
def test_every_mention_offset_slices_to_its_text(record):
    text = (seeds_dir() / f"{record['doc_id']}.txt").read_bytes().decode("utf-8")
    assert text[record["start"] : record["end"]] == record["text"]


def test_shipped_gold_has_no_problems():
    problems, gold = gold_problems()
    assert problems == []
    assert gold.version == (gold_dir() / "VERSION").read_text().strip()
    assert len(gold.facts) == len(gold_records())


def test_seeds_match_the_shared_hash_list():
    sums = dict(line.split()[::-1] for line in (seeds_dir() / "SHA256SUMS").read_text().splitlines())
    for record in load_manifest():
        data = (seeds_dir() / record.file).read_bytes()
        assert hashlib.sha256(data).hexdigest() == record.sha256 == sums[record.file]
        if SHARED_SEEDS.is_dir():
            assert data == (SHARED_SEEDS / record.file).read_bytes()


def test_a_changed_article_is_refused(tmp_path):
    copy = tmp_path / "seeds"
    shutil.copytree(seeds_dir(), copy)
    victim = copy / load_manifest()[2].file
    victim.write_bytes(victim.read_bytes().replace(b"July", b"June", 1))
    with pytest.raises(IntegrityError, match=r"manifest\.jsonl:3: sha256: .*002_df5a8af1619a8075\.txt has sha256 [0-9a-f]{12}…, "
                                             r"not the manifest's [0-9a-f]{12}… \(the article changed\)$"):
        load_seeds(copy)


def test_gold_hash_ignores_line_order_but_not_content(tmp_path):
    copy = tmp_path / "gold"
    shutil.copytree(gold_dir(), copy)
    shutil.copytree(seeds_dir(), copy / "documents")  # a copy is self-contained
    facts = copy / "facts.jsonl"
    lines = facts.read_text(encoding="utf-8").splitlines()
    facts.write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")
    assert load_gold(copy).hash == load_gold().hash
    (copy / "VERSION").write_text("9.9.9\n")
    assert load_gold(copy).hash != load_gold().hash


def test_statistics_count_mentions_and_distinct_facts():
    gold = load_gold()
    total = gold_statistics(gold)[-1]
    assert total["doc_id"] == "total"
    assert sum(total[t][0] for t in ("date", "headcount", "user_count", "agency", "official")) == len(gold.facts)
    # Repeated mentions of one fact count once among distinct facts.
    assert all(mentions >= distinct for key, value in total.items() if key != "doc_id" for mentions, distinct in [value])


def test_every_document_has_a_published_date_and_an_explanation():
    for record in load_manifest():
        assert record.published_basis in ("dateline", "inferred")
        assert len(record.published_note) > 40
