"""The learned baseline: fit on tiny documents written for the test, extract, save and load."""

from __future__ import annotations

import datetime as dt

import pytest

from baselines.learned import LearnedExtractor, NotFitted, TrainingError, cross_validate
from bench.data.documents import Document
from bench.extraction.registry import load_extractor
from bench.facts import Count, Fact, Official

pytestmark = pytest.mark.xdist_group("baseline-learned")  # on one worker, so that the extractor is trained once

STORIES = [
    ("a", dt.date(2023, 3, 10),
     "The Federal Trade Commission said on Tuesday that about 300 employees would leave by March 20. "
     "The review took 15 years and cost $4 million. "
     "Labor Secretary Nora Velde said Velde would meet them. \"We start today,\" an aide said at the 2011 Trade Summit."),
    ("b", dt.date(2018, 11, 2),
     "The Securities and Exchange Commission said on Monday that more than 120 workers would go by December 1. "
     "The case ran 12 years and cost $9 million. "
     "Energy Secretary Ivo Brandt said Brandt would reply. \"We act today,\" a deputy said at the 2018 Energy Forum."),
    ("c", dt.date(2017, 6, 16),
     "The Federal Communications Commission said on Wednesday that nearly 75 staff would move by July 9. "
     "The probe took 8 years and cost $2 million. "
     "Treasury Secretary Ada Lorne said Lorne would testify. \"We move today,\" a lawyer said at the 2017 Policy Expo."),
    ("d", dt.date(2020, 2, 14),
     "The Environmental Protection Agency said on Thursday that fewer than 40 employees would stay by March 2. "
     "The study took 6 years and cost $7 million. "
     "Interior Secretary Kai Mendes said Mendes would visit. \"We begin today,\" a clerk said at the 2016 Water Congress."),
]
DOCUMENTS = [Document(doc_id, text, published) for doc_id, published, text in STORIES]


def mention(doc: Document, fact_type: str, value, surface: str, occurrence: int = 0) -> Fact:
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(surface, start + 1)
    return Fact(doc.id, fact_type, value, surface, start, start + len(surface))


def gold_of(doc: Document, weekday: str, day: str, count: str, qualifier: str, number: int,
            agency: str, name: str, title: str) -> list[Fact]:
    official = Official(name, title)
    return [
        mention(doc, "agency", agency, doc.text[4:doc.text.index(" said")]),
        mention(doc, "date", weekday, doc.text.split(" on ")[1].split(" that")[0]),
        mention(doc, "headcount", Count(number, qualifier, "employees"), count),
        mention(doc, "date", day, doc.text.split(" by ")[1].split(".")[0]),
        mention(doc, "official", official, name),
        mention(doc, "official", official, name.split()[1], occurrence=1),
    ]


GOLD = [
    *gold_of(DOCUMENTS[0], "2023-03-07", "2023-03-20", "about 300", "approx", 300,
             "U.S. Federal Trade Commission", "Nora Velde", "Secretary of Labor"),
    *gold_of(DOCUMENTS[1], "2018-10-29", "2018-12-01", "more than 120", "gt", 120,
             "U.S. Securities and Exchange Commission", "Ivo Brandt", "Secretary of Energy"),
    *gold_of(DOCUMENTS[2], "2017-06-14", "2017-07-09", "nearly 75", "approx", 75,
             "U.S. Federal Communications Commission", "Ada Lorne", "Secretary of the Treasury"),
    *gold_of(DOCUMENTS[3], "2020-02-13", "2020-03-02", "fewer than 40", "lt", 40,
             "U.S. Environmental Protection Agency", "Kai Mendes", "Secretary of the Interior"),
]


def facts_of(doc_id: str) -> list[Fact]:
    return sorted((f for f in GOLD if f.doc_id == doc_id), key=lambda f: (f.start, f.end))


@pytest.fixture(scope="module")
def trained() -> LearnedExtractor:
    model = LearnedExtractor()
    model.fit(DOCUMENTS[:3], [f for f in GOLD if f.doc_id != "d"])
    return model


def test_gold_was_written_consistently():
    for fact in GOLD:
        doc = next(d for d in DOCUMENTS if d.id == fact.doc_id)
        assert doc.text[fact.start:fact.end] == fact.text


def test_an_unseen_document_gets_its_facts_and_no_distractor(trained):
    assert trained.extract(DOCUMENTS[3]) == facts_of("d")


def test_the_classifier_is_what_drops_the_distractors():
    everything = LearnedExtractor(threshold=0.0)
    everything.fit(DOCUMENTS[:3], [f for f in GOLD if f.doc_id != "d"])
    extra = [f.text for f in everything.extract(DOCUMENTS[3]) if f not in facts_of("d")]
    assert extra == ["today", "2016"]


def test_save_and_load_give_identical_predictions(trained, tmp_path):
    path = tmp_path / "model.joblib"
    trained.save(path)
    loaded = LearnedExtractor.load(path)
    assert loaded.pretrained and not trained.pretrained
    assert loaded.trained_on == trained.trained_on == ("a", "b", "c")
    for doc in DOCUMENTS:
        assert loaded.extract(doc) == trained.extract(doc)
    assert load_extractor("learned", {"model_path": str(path)}).extract(DOCUMENTS[3]) == facts_of("d")


def test_extracting_before_fitting_says_what_to_do():
    with pytest.raises(NotFitted, match="must be fitted or loaded first"):
        LearnedExtractor().extract(DOCUMENTS[0])


def test_training_without_labels_is_refused():
    with pytest.raises(TrainingError, match="cannot train"):
        LearnedExtractor().fit(DOCUMENTS, [])


def test_a_file_that_is_no_model_is_refused(tmp_path):
    path = tmp_path / "model.joblib"
    path.write_text("not a model", encoding="utf-8")
    with pytest.raises(TrainingError, match="cannot read a learned model"):
        LearnedExtractor(model_path=path)


def test_cross_validation_predicts_every_document_from_the_others():
    predictions = cross_validate(DOCUMENTS, GOLD)
    assert list(predictions) == ["a", "b", "c", "d"]
    for doc in DOCUMENTS:
        assert predictions[doc.id] == facts_of(doc.id)
