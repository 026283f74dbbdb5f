"""The regex and rules baselines give byte-identical outputs on a seeded synthetic corpus.

Speed work on the baselines must not change what they find. The corpus mixes
sentences of the seed articles, with every number, month and weekday
redrawn and a random published date, so relative dates, counts and names meet
contexts the five articles never gave them. The fixture hashes were recorded
from the baselines as they stood before the speed work (commit 81ccb0b); a
legitimate change of behaviour records new ones, and says so in its commit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import re

import pytest

from bench.data.documents import Document, load_seeds

pytestmark = pytest.mark.xdist_group("baseline-outputs")  # on one worker, so that the recorded corpus is made once

DOCUMENTS = 5_000
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NAMES = re.compile(r"\d+|\b(?:" + "|".join(MONTHS + WEEKDAYS) + r")\b")
RECORDED = {
    "regex": "0e028c6e7eeb0084b8592baf36c931ddf72bd21fce9206539fa93f8007d6dd8f",
    "rules": "9560105ecdacea8624ee79e8409b79f50523a486e1971eb4377d4f5ff1164fe0",
}


def _redraw(rng: random.Random, word: str) -> str:
    if word in MONTHS:
        return rng.choice(MONTHS)
    if word in WEEKDAYS:
        return rng.choice(WEEKDAYS)
    if len(word) == 4 and word[:2] in ("19", "20"):
        return str(rng.randint(1990, 2030))
    return "".join(str(rng.randint(1 if i == 0 and len(word) > 1 else 0, 9)) for i in range(len(word)))


def synthetic_corpus(count: int = DOCUMENTS, seed: int = 15) -> list[Document]:
    """Documents of 5 to 30 seed sentences each, numbers, months and weekdays redrawn."""
    rng = random.Random(seed)
    sentences = [s for doc in load_seeds() for s in re.split(r"(?<=[.!?])\s+", doc.text) if s]
    documents = []
    for i in range(count):
        text = " ".join(NAMES.sub(lambda m: _redraw(rng, m.group()), s) for s in rng.sample(sentences, rng.randint(5, 30)))
        published = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 2_000))
        documents.append(Document(f"syn-{i:05d}", text, published))
    return documents


def outputs_hash(name: str, documents: list[Document]) -> str:
    from bench.extraction.registry import load_extractor

    extractor, digest = load_extractor(name), hashlib.sha256()
    for document in documents:
        for fact in extractor.extract(document):
            digest.update(json.dumps(fact.to_dict(), ensure_ascii=False, sort_keys=True).encode() + b"\n")
        digest.update(b"--\n")
    return digest.hexdigest()


@pytest.fixture(scope="module")
def corpus() -> list[Document]:
    return synthetic_corpus()


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_outputs_are_byte_identical_to_the_recorded_ones(name, corpus):
    assert outputs_hash(name, corpus) == RECORDED[name]
