"""spaCy baseline: a pipeline's named entities, typed and normalized by the shared rules.

Method: the pipeline (``en_core_web_sm`` by default, any name or a loaded
``Language``) finds entities; boilerplate is skipped as the rules skip it.
DATE spans go to :func:`bench.normalize.dates.normalize_date` (durations and unknown
forms get no value and are dropped; relative words inside quotations are
dropped). CARDINAL and QUANTITY spans take a qualifier written just before,
are read by :func:`bench.normalize.numbers.parse_count`, rejected as money, percentages
or durations by :func:`bench.normalize.numbers.non_count_reason`, and typed by the noun
they count. ORG spans become agencies when the gazetteer or the generic agency
patterns of the rules name them whole, unless they sit inside an official's
title. PERSON spans become officials when the rules' title patterns put a
government title before them, or when they are the surname of such an official
met earlier (``baselines.rules.officials``).

Dependencies: spaCy (extra ``factbench[spacy]``) and a pipeline with an
entity recognizer, e.g. ``en_core_web_sm``: ``python -m spacy download
en_core_web_sm`` online; offline, ``pip install`` of its wheel by path (from
the spacy-models releases, copied over) or by name from a package index you
reach, or a pipeline folder saved with ``nlp.to_disk`` given as
``--param pipeline=DIR``. Imported when the extractor is built; a pipeline
without an entity recognizer is refused (it would find nothing).
Known limits: recall is the NER model's (``en_core_web_sm`` labels about 84% of
OntoNotes entities); a PERSON without a title the rules know is never an
official; entity spans follow the model's conventions, so mention-level scores
suffer where they differ from the gold's (a leading "the", a count's noun).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from baselines.rules.agencies import find_agencies
from baselines.rules.boilerplate import boilerplate_spans
from baselines.rules.counts import count_type
from baselines.rules.gazetteer import load_gazetteer
from baselines.rules.officials import find_officials
from baselines.rules.spans import Found, Spans, quotations
from bench.data.documents import Document
from bench.errors import BenchError
from bench.extraction.options import option
from bench.facts import Count, Fact
from bench.normalize.dates import is_relative, normalize_date
from bench.normalize.numbers import non_count_reason, parse_count, qualifier_start

DEFAULT_PIPELINE = "en_core_web_sm"


class SpacyUnavailable(BenchError):
    """spaCy or the requested pipeline is not installed, or the pipeline cannot find entities."""


MODELS = "https://github.com/explosion/spacy-models/releases"


def _looks_like_path(pipeline: str) -> bool:
    return os.sep in pipeline or "/" in pipeline or pipeline.startswith((".", "~")) or Path(pipeline).exists()


def _not_installed(spacy, name: str) -> SpacyUnavailable:
    """Every way to get a pipeline package, the offline ones first."""
    wheel = f"{name}-{spacy.util.get_minor_version(spacy.about.__version__)}.0-py3-none-any.whl"
    return SpacyUnavailable(
        f"spaCy pipeline {name!r} is not installed. Offline: pip install ./{wheel} (the wheel from {MODELS}, "
        f"copied here), pip install {name} from a package index you can reach, or a saved pipeline folder: "
        f"--param pipeline=DIR. Online: python -m spacy download {name}")


def _load(spacy, pipeline: str):
    """``spacy.load`` of a package name or a folder, its failures told as what to do."""
    if _looks_like_path(pipeline):
        folder = Path(pipeline).expanduser()
        if not folder.is_dir():
            raise SpacyUnavailable(f"no such folder: {pipeline} (a spaCy pipeline folder, as nlp.to_disk writes it, "
                                   "holds config.cfg and meta.json)", field="--param pipeline")
        try:
            return spacy.load(folder)
        except OSError as exc:
            raise SpacyUnavailable(f"{pipeline} is not a spaCy pipeline folder: {str(exc).splitlines()[0]}",
                                   field="--param pipeline") from None
    try:
        return spacy.load(pipeline)
    except OSError:
        raise _not_installed(spacy, pipeline) from None


def _require_entities(nlp, label: str) -> None:
    """Refuse a pipeline no component of which sets entities: it would score zero on everything, silently."""
    if not any("doc.ents" in nlp.get_pipe_meta(name).assigns for name in nlp.pipe_names):
        components = ", ".join(nlp.pipe_names) or "none"
        raise SpacyUnavailable(f"spaCy pipeline {label!r} has no entity recognizer (its components: {components}), "
                               "so it would find nothing: use one with 'ner' (en_core_web_sm has it) or an "
                               "'entity_ruler'")


def load_pipeline(pipeline):
    """The ``Language`` named by ``pipeline`` (a package name or a folder), or ``pipeline`` itself when already loaded;
    either must set entities."""
    try:
        import spacy
    except ImportError:
        raise SpacyUnavailable("spaCy is not installed: install factbench's spacy extra (pip install '.[spacy]' in "
                               f"its checkout, or pip install spacy), then a pipeline such as {DEFAULT_PIPELINE}") from None
    nlp = _load(spacy, pipeline) if isinstance(pipeline, str) else pipeline
    meta = nlp.meta
    _require_entities(nlp, pipeline if isinstance(pipeline, str) else f"{meta.get('lang', '?')}_{meta.get('name', '?')}")
    return nlp


@dataclass(frozen=True, slots=True)
class Page:
    """What the mappers need to know about one document beyond an entity's offsets."""

    text: str
    published: dt.date | None
    skip: Spans
    quotes: Spans
    officials: tuple[Found, ...]
    titles: Spans

    @classmethod
    def of(cls, document: Document) -> Page:
        text = document.text
        skip = boilerplate_spans(text)
        officials, titles = find_officials(text, skip)
        return cls(text, document.published, skip, quotations(text), tuple(officials), titles)


def _date(page: Page, start: int, end: int) -> Found | None:
    expression = page.text[start:end]
    if is_relative(expression) and page.quotes.covers(start):
        return None
    value = normalize_date(expression, page.published)
    return Found("date", start, end, value) if value else None


def _count(page: Page, start: int, end: int) -> Found | None:
    text = page.text
    if non_count_reason(text[max(0, start - 8):start], text[end:end + 24]):
        return None
    qualified = qualifier_start(text, start)
    start = start if qualified is None else qualified
    parsed, unit = parse_count(text[start:end]), count_type(text, start, end, text[start:end])
    if parsed is None or unit is None:
        return None
    return Found(unit[0], start, end, Count(parsed[0], parsed[1], unit[1]))


def _agency(page: Page, start: int, end: int) -> Found | None:
    name = page.text[start:end]
    if name.lower().startswith("the "):
        start, name = start + 4, name[4:]
    if name.endswith(("'s", "’s")):
        end, name = end - 2, name[:-2]
    if page.titles.overlaps(start, end):
        return None
    canonical = load_gazetteer().canonical_agency(name)
    if canonical is None:
        whole = [f for f in find_agencies(name, Spans(), Spans()) if (f.start, f.end) == (0, len(name))]
        canonical = whole[0].value if whole else None
    return Found("agency", start, end, canonical) if canonical else None


def _official(page: Page, start: int, end: int) -> Found | None:
    """The rules' official whose name this PERSON span covers or is covered by, on this span."""
    for found in page.officials:
        if found.start < end and start < found.end:
            return Found("official", start, end, found.value)
    return None


MAPPERS: dict[str, Callable[[Page, int, int], Found | None]] = {
    "DATE": _date, "CARDINAL": _count, "QUANTITY": _count, "ORG": _agency, "PERSON": _official,
}


class SpacyExtractor:
    """Entities of a spaCy pipeline mapped to facts by the shared normalization and typing rules.

    Args:
        pipeline: an installed pipeline's name or path (default ``en_core_web_sm``), or a loaded ``Language``.
    """

    name = "spacy"
    version = "1"
    description = "spaCy NER entities (DATE, CARDINAL, ORG, PERSON) typed and normalized by the shared rules"

    @dataclass(frozen=True)
    class Options:
        pipeline: str = option(DEFAULT_PIPELINE, "an installed spaCy pipeline's package name, or a pipeline folder")

    def __init__(self, pipeline=DEFAULT_PIPELINE):
        self.nlp = load_pipeline(pipeline)
        meta = self.nlp.meta
        self.pipeline = f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}"
        self.version = f"{type(self).version}+{self.pipeline}"

    def extract(self, document: Document) -> list[Fact]:
        page = Page.of(document)
        facts = []
        for entity in self.nlp(page.text).ents:
            mapper = MAPPERS.get(entity.label_)
            if mapper is None or page.skip.covers(entity.start_char):
                continue
            found = mapper(page, entity.start_char, entity.end_char)
            if found is not None:
                facts.append(Fact(document.id, found.type, found.value, page.text[found.start:found.end], found.start, found.end))
        return facts
