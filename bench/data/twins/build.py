"""Building a twin of a gold set: every file of the new set from the source set and a seed, the same bytes for the same seed."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from bench.data.documents import MANIFEST, ManifestRecord
from bench.data.gold import ALIASES_FILE, DOCUMENTS_DIR, FACTS_FILE, VERSION_FILE, Gold, load_gold, require_reviewed
from bench.data.gum import ENTITIES_FILE
from bench.data.jsonl import iter_lines, parse_record, read_json
from bench.data.resources import gold_dir
from bench.data.twins.cast import draw_cast
from bench.data.twins.counts import CountMap
from bench.data.twins.dates import DateShift
from bench.data.twins.marker import MARKER, TwinInfo
from bench.data.twins.people import (
    PersonName,
    gum_people,
    name_words,
    official_people,
    pattern_people,
    words_pattern,
)
from bench.data.twins.plan import Scene, rewrite_text
from bench.data.twins.pools import faker_version
from bench.data.twins.substitution import Substitution
from bench.data.twins.timeline import Dates, choose_weeks, dates_of
from bench.data.twins.write import check_target, write_files
from bench.facts import COUNT_TYPES, Count, Fact, GoldMention

GENERATOR = "1.0.0"
CARRIED = ("ATTRIBUTION.md",)
"""Files copied as they are: the texts' licence notice goes with the texts."""
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Twin:
    """A built twin: its files (path inside the set -> bytes), its marker, and the substitution that made it."""

    files: dict[str, bytes]
    info: TwinInfo
    substitution: Substitution


def _title_words(aliases_raw: Mapping) -> frozenset[str]:
    titles = aliases_raw.get("titles", {})
    return frozenset(w.lower() for c, forms in titles.items() for form in (c, *forms) for w in form.split())


def _people(directory: Path, texts: Mapping[str, str], aliases_raw: Mapping,
            common: frozenset[str]) -> tuple[dict[str, frozenset[PersonName]], set[PersonName]]:
    """Each document's people (officials of the alias table it names, the others found by GUM or patterns),
    and everyone to rename: those and every official of the table."""
    titles = _title_words(aliases_raw)
    officials = official_people(aliases_raw.get("officials", {}), titles)
    gum = directory / ENTITIES_FILE
    if gum.is_file():
        found = gum_people(_person_mentions(gum), titles, common)
    else:
        found = {doc_id: pattern_people(text, titles, common) for doc_id, text in texts.items()}
    by_surname: dict[str, set[PersonName]] = {}
    for names in officials.values():
        for name in names:
            by_surname.setdefault(name.surname, set()).update(names)
    search = re.compile(words_pattern(by_surname)) if by_surname else None
    people = {}
    for doc_id, text in texts.items():
        names = set(found.get(doc_id, ()))
        for surname in set(search.findall(text)) if search else ():
            names |= by_surname[surname]
        people[doc_id] = frozenset(names)
    return people, set().union(*people.values(), *officials.values())


def _numbers(facts: Iterable[Fact]) -> frozenset[int]:
    return frozenset(f.value.count for f in facts if f.type in COUNT_TYPES and isinstance(f.value, Count))


def _person_mentions(path: Path) -> Iterator[dict]:
    """GUM's ``person`` mentions: only lines naming that type are decoded (the file holds ten thousand)."""
    name = str(path)
    for line_no, raw in iter_lines(path):
        if b'"person"' in raw:
            yield parse_record(raw, name, line_no)


def _renamed_aliases(aliases_raw: Mapping, substitution: Substitution) -> dict:
    rename = substitution.cast.rename
    officials = {rename(name): [rename(form) for form in forms] for name, forms in aliases_raw.get("officials", {}).items()}
    return {**aliases_raw, "officials": officials} if "officials" in aliases_raw else dict(aliases_raw)


def _jsonl(records: Iterable[dict]) -> bytes:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records).encode("utf-8")


def _words(texts: Iterable[str]) -> set[str]:
    return {word for text in texts for word in _WORD.findall(text.lower())}


def _lower_case(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case."""
    return frozenset(word for word in _WORD.findall(text) if word.islower())


def _substitution(gold: Gold, seed: int, people: Iterable[PersonName], taken: set[str],
                  dates: Mapping[str, Dates]) -> Substitution:
    cast = draw_cast(people, seed, taken)
    counts = CountMap.drawn(seed, [f.value.count for f in gold.facts if isinstance(f.value, Count)])
    weeks = choose_weeks(seed, list(dates.values()))
    shifts = {doc_id: DateShift.anchored(found.anchor, weeks) for doc_id, found in dates.items()}
    return Substitution(cast, counts, shifts, weeks)


def build_twin(source: Path | None, seed: int) -> Twin:
    """The twin of the gold set in ``source`` (the bundled articles by default) made with ``seed``."""
    directory = source or gold_dir()
    gold = require_reviewed(load_gold(directory))
    aliases_raw = read_json(directory / ALIASES_FILE)
    records = {record.id: record for record in gold.manifest}
    titles = {doc.id: records[doc.id].title or "" for doc in gold.documents}
    texts = {doc.id: f"{titles[doc.id]}\n{doc.text}" for doc in gold.documents}
    common = {doc_id: _lower_case(text) for doc_id, text in texts.items()}
    people, everyone = _people(directory, texts, aliases_raw, frozenset().union(*common.values()))
    dates = {doc.id: dates_of(doc.text, doc.published, gold.facts_of(doc.id), name_words(people[doc.id]))
             for doc in gold.documents}
    taken = _words([*texts.values(), json.dumps(aliases_raw, ensure_ascii=False)])
    substitution = _substitution(gold, seed, everyone, taken, dates)
    files: dict[str, bytes] = {}
    facts: list[GoldMention] = []
    manifest = []
    for doc in gold.documents:
        gold_facts = gold.facts_of(doc.id)
        scene = Scene(people[doc.id], _numbers(gold_facts), substitution.shifts[doc.id], common[doc.id])
        text, twin_facts = rewrite_text(doc.text, gold_facts, dates[doc.id], scene, substitution, gold.facts_file)
        facts += twin_facts
        record = records[doc.id]
        data = text.encode("utf-8")
        files[f"{DOCUMENTS_DIR}/{record.file}"] = data
        manifest.append(_record(record, data, titles[doc.id], dates[doc.id], scene, substitution, seed))
    order = {fact.id: index for index, fact in enumerate(gold.facts)}
    info = TwinInfo(gold.version, gold.hash, seed, substitution.weeks, round(substitution.counts.factor, 6),
                    faker_version(), GENERATOR)
    files[f"{DOCUMENTS_DIR}/{MANIFEST}"] = _jsonl(record.to_dict() for record in manifest)
    files[FACTS_FILE] = _jsonl(f.to_dict() for f in sorted(facts, key=lambda f: order[f.id]))
    files[ALIASES_FILE] = (json.dumps(_renamed_aliases(aliases_raw, substitution), indent=2, ensure_ascii=False)
                           + "\n").encode("utf-8")
    files[VERSION_FILE] = (info.version() + "\n").encode()
    files[MARKER] = info.to_json().encode("utf-8")
    files |= {name: (directory / name).read_bytes() for name in CARRIED if (directory / name).is_file()}
    return Twin(files, info, substitution)


def _record(record: ManifestRecord, data: bytes, title: str, dates: Dates, scene: Scene, substitution: Substitution,
            seed: int) -> ManifestRecord:
    """The manifest line of a twin article: new hash, moved published date, title rewritten like the text."""
    new_title = None
    if record.title:
        title_dates = dates_of(title, None, [], name_words(scene.people), dates.anchor)
        new_title = rewrite_text(title, [], title_dates, scene, substitution)[0]
    published = scene.shift.value(record.published) if record.published else None
    note = (f"A twin (bench twins build, seed {seed}): people renamed, counts scaled, and every date, the published "
            f"date included, moved by {substitution.weeks} weeks.")
    return replace(record, sha256=hashlib.sha256(data).hexdigest(), published=published, title=new_title,
                   published_note=note)


def write_twin(source: Path | None, seed: int, output: Path, force: bool = False) -> Twin:
    """Build the twin of ``source`` with ``seed`` and write it as the directory ``output`` (see :func:`write_files`)."""
    check_target(output, force)  # refused before any work
    twin = build_twin(source, seed)
    write_files(output, twin.files, force)
    return twin
