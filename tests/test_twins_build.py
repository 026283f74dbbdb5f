"""Twin sets, over many seeds: valid gold, the original gold mapped through the substitution, nothing original left.

Expected values are computed here from the twin's marker and manifests with
datetime arithmetic and plain ratios, not with the twins code.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from conftest import write_small_gold
from twins_sets import write_set

from bench.data.gold import Gold, gold_problems, gold_statistics, load_gold
from bench.data.resources import gold_dir
from bench.data.twins.build import build_twin, write_twin
from bench.facts import Count, Fact, Official
from bench.normalize.dates import date_candidates, is_relative

pytestmark = pytest.mark.xdist_group("twins-build")  # on one worker, so that the module's twins are built once

SEEDS = range(10)


@pytest.fixture(scope="module")
def sets(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("sources")
    return {"articles": gold_dir(), "small": write_set(root / "small"), "conftest": write_small_gold(root / "conftest")}


@pytest.fixture(scope="module")
def twins(sets, tmp_path_factory) -> list[tuple[Gold, Gold, dict, Path]]:
    """(original, twin, marker, twin directory) for every set and seed."""
    made = []
    for name, source in sets.items():
        original = load_gold(source)
        for seed in SEEDS:
            target = tmp_path_factory.mktemp(f"{name}-{seed}") / "twin"
            write_twin(source, seed, target)
            marker = json.loads((target / ".bench-twins").read_text(encoding="utf-8"))
            made.append((original, load_gold(target), marker, target))
    return made


def test_every_twin_is_a_valid_gold_set_whose_spans_slice_to_their_text(twins):
    for _, twin, _, directory in twins:
        assert gold_problems(directory)[0] == []
        texts = {doc.id: doc.text for doc in twin.documents}
        assert all(texts[f.doc_id][f.start:f.end] == f.text for f in twin.facts)


def _months(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _expected_date(value: str, days: int, published: dt.date | None, moved: dt.date | None) -> str | None:
    """The twin's value of a date: days and weeks by the offset, months and years as the published date moved."""
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()
    if "W" in value:
        monday = dt.date.fromisocalendar(int(value[:4]), int(value[6:]), 1) + dt.timedelta(days=days)
        return f"{monday.isocalendar()[0]}-W{monday.isocalendar()[1]:02d}"
    if published is None or moved is None:
        return None  # anchored on the text's own dates: not recomputed here
    if len(value) == 7:
        index = int(value[:4]) * 12 + int(value[5:]) - 1 + _months(moved) - _months(published)
        return f"{index // 12}-{index % 12 + 1:02d}"
    return str(int(value) + moved.year - published.year)


def test_the_twin_gold_is_the_original_gold_mapped_through_one_substitution(twins):
    for original, twin, marker, _ in twins:
        days = 7 * marker["weeks"]
        published = {doc.id: doc.published for doc in original.documents}
        moved = {doc.id: doc.published for doc in twin.documents}
        names: dict[str, str] = {}
        counts: dict[int, int] = {}
        assert [f.id for f in twin.facts] == [f.id for f in original.facts]
        for before, after in zip(original.facts, twin.facts):
            assert (after.doc_id, after.type) == (before.doc_id, before.type)
            if published[before.doc_id]:
                assert moved[before.doc_id] == published[before.doc_id] + dt.timedelta(days=days)
            if before.type == "date":
                expected = _expected_date(before.value, days, published[before.doc_id], moved[before.doc_id])
                assert expected in (None, after.value), (before, after)
            elif isinstance(before.value, Count):
                assert (after.value.qualifier, after.value.unit) == (before.value.qualifier, before.value.unit)
                assert after.value.count != before.value.count
                assert abs(after.value.count / before.value.count - marker["count_factor"]) <= 0.08 * marker["count_factor"]
                assert counts.setdefault(before.value.count, after.value.count) == after.value.count
            elif isinstance(before.value, Official):
                assert after.value.title == before.value.title
                assert names.setdefault(before.value.name, after.value.name) == after.value.name
                assert twin.aliases.official(after.text) == after.value.name
                assert twin.aliases.official(before.value.name) is None and twin.aliases.official(before.text) is None
            else:
                assert after.value == before.value
        assert len(set(names.values())) == len(names) and not set(names.values()) & set(names)
        assert len(set(counts.values())) == len(counts)


def test_mapping_back_recovers_every_original_value(sets):
    for source in sets.values():
        original = load_gold(source)
        for seed in SEEDS:
            twin = build_twin(source, seed)
            back = twin.substitution.inverse()
            facts = [Fact.from_dict(json.loads(line)) for line in twin.files["facts.jsonl"].decode().splitlines()]
            assert [back.value(f.doc_id, f.type, f.value) for f in facts] == [f.value for f in original.facts]


def test_mentions_and_distinct_facts_per_type_stay_as_they_were(twins):
    for original, twin, _, _ in twins:
        assert gold_statistics(twin) == gold_statistics(original)


def _words_in(word: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def test_no_original_name_count_or_absolute_date_is_left_in_the_twin_texts(twins):
    for original, twin, _, _ in twins:
        officials = [name for name in original.aliases.officials.values()]
        forms = {form for canonical in officials for form in (canonical, canonical.split()[-1])}
        for before, after in zip(original.documents, twin.documents):
            left = [form for form in forms if _words_in(form, after.text)]
            facts = original.facts_of(before.id)
            left += [f.text for f in facts if f.type in ("headcount", "user_count") and _words_in(f.text, after.text)]
            absolute = {f.text for f in facts if f.type == "date" and not is_relative(f.text)
                        and not re.search(r"(?i)\b(last|this|next)\b", f.text)}
            written = {after.text[start:end] for start, end in date_candidates(after.text)}
            left += sorted(absolute & written)
            assert left == [], (before.id, left)


def test_the_articles_lose_their_other_people_too(twins):
    for original, twin, _, _ in twins:
        if len(original.documents) == 5:
            texts = " ".join(doc.text for doc in twin.documents)
            assert [n for n in ("Zetter", "Ruvic", "Jacob-Phillips", "Ghosh", "Shah") if _words_in(n, texts)] == []


def test_the_same_seed_writes_the_same_bytes_and_another_seed_other_ones(sets, tmp_path):
    for name, source in sets.items():
        write_twin(source, 7, tmp_path / f"{name}-a")
        write_twin(source, 7, tmp_path / f"{name}-b")
        files = [{p.relative_to(d): p.read_bytes() for p in sorted(d.rglob("*")) if p.is_file()}
                 for d in (tmp_path / f"{name}-a", tmp_path / f"{name}-b")]
        assert files[0] == files[1]
        assert build_twin(source, 8).files["facts.jsonl"] != files[0][Path("facts.jsonl")]


def test_the_marker_and_version_name_the_source_hash_and_the_seed(twins):
    original, twin, marker, directory = twins[3]
    assert (marker["source_hash"], marker["source_version"], marker["seed"]) == (original.hash, original.version, 3)
    assert twin.version == f"{original.version}+twin.3.{original.hash.removeprefix('sha256:')[:12]}"
    assert marker["faker"] and 56 <= marker["weeks"] <= 156
    assert not any(name.startswith(".twin") for name in (p.name for p in directory.parent.iterdir()))


GUM_TEXT = {"ants": ("Biologist Nick Bos studies ants in Helsinki. Bos said they heal themselves.", "2015-09-01")}
EMPTY_ALIASES = {"agencies": {}, "officials": {}, "titles": {}, "units": {}}
GUM_LINE = json.dumps({"doc_id": "ants", "type": "person", "start": 0, "end": 18, "text": "Biologist Nick Bos"})


def test_a_set_with_gum_entities_finds_its_people_there(tmp_path):
    plain = write_set(tmp_path / "plain", GUM_TEXT, facts=[], aliases=EMPTY_ALIASES)
    gum = write_set(tmp_path / "gum", GUM_TEXT, facts=[], aliases=EMPTY_ALIASES, extra={"gum_entities.jsonl": GUM_LINE + "\n"})
    assert build_twin(plain, 1).files["documents/ants.txt"].decode().startswith("Biologist Nick Bos studies")
    text = build_twin(gum, 1).files["documents/ants.txt"].decode()
    assert not _words_in("Bos", text) and not _words_in("Nick", text)
    assert text.startswith("Biologist ") and " studies ants in Helsinki. " in text


def test_unreviewed_pre_labels_are_refused(tmp_path):
    from twins_sets import fact_records

    from bench.errors import InputError

    records = fact_records()
    records[0]["reviewed"] = False
    source = write_set(tmp_path / "draft", facts=records)
    with pytest.raises(InputError, match="not reviewed yet"):
        build_twin(source, 1)
