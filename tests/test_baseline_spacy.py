"""The spaCy adapter on a real pipeline without weights: blank English with an entity ruler the test defines."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

spacy = pytest.importorskip("spacy", reason="spaCy is the optional extra [spacy]; pip install 'factbench[spacy]'")

from baselines.spacy_extractor import SpacyExtractor, SpacyUnavailable  # noqa: E402
from bench.data.documents import Document  # noqa: E402
from bench.facts import Count, Fact, Official  # noqa: E402

TEXT = (
    "The Federal Trade Commission said on Thursday, March 6 that more than 900 workers would leave. "
    "The dispute lasted 15 years and cost $3 million. "
    "Treasury Secretary Lena Markov said Markov met reporter Tom Reed, Acme Corp and the Ministry of Fisheries on Monday. "
    "\"We sign today,\" she said.\n"
    "Follow us for updates from March 9\n"
)
DOC = Document("note", TEXT, dt.date(2025, 3, 12))
ENTITIES = [
    ("ORG", "Federal Trade Commission"), ("DATE", "Thursday, March 6"), ("CARDINAL", "900"),
    ("DATE", "15 years"), ("CARDINAL", "3 million"), ("ORG", "Treasury"), ("PERSON", "Lena Markov"),
    ("PERSON", "Markov"), ("PERSON", "Tom Reed"), ("ORG", "Acme Corp"), ("ORG", "the Ministry of Fisheries"),
    ("DATE", "Monday"), ("DATE", "today"), ("DATE", "March 9"),
]


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("en")
    ruler = pipeline.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": label, "pattern": pattern} for label, pattern in ENTITIES])
    return pipeline


def fact(fact_type, value, surface, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(surface, start + 1)
    return Fact("note", fact_type, value, surface, start, start + len(surface))


def test_entities_become_typed_normalized_facts(nlp):
    markov = Official("Lena Markov", "Secretary of the Treasury")
    assert [(e.label_, e.text) for e in nlp(TEXT).ents] == ENTITIES
    assert SpacyExtractor(nlp).extract(DOC) == [
        fact("agency", "U.S. Federal Trade Commission", "Federal Trade Commission"),
        fact("date", "2025-03-06", "Thursday, March 6"),
        fact("headcount", Count(900, "gt", "employees"), "more than 900"),
        fact("official", markov, "Lena Markov"),
        fact("official", markov, "Markov", occurrence=1),
        fact("agency", "Ministry of Fisheries", "Ministry of Fisheries"),
        fact("date", "2025-03-10", "Monday"),
    ]


def test_the_version_names_the_pipeline(nlp):
    assert SpacyExtractor(nlp).version == "1+en_pipeline-0.0.0"


def test_a_missing_pipeline_names_the_offline_routes_first():
    minor = ".".join(spacy.about.__version__.split(".")[:2])
    with pytest.raises(SpacyUnavailable) as caught:
        SpacyExtractor("xx_no_such_pipeline")
    assert str(caught.value) == (
        "spaCy pipeline 'xx_no_such_pipeline' is not installed. Offline: pip install "
        f"./xx_no_such_pipeline-{minor}.0-py3-none-any.whl (the wheel from https://github.com/explosion/spacy-models/releases, "
        "copied here), pip install xx_no_such_pipeline from a package index you can reach, or a saved pipeline folder: "
        "--param pipeline=DIR. Online: python -m spacy download xx_no_such_pipeline")


def test_a_pipeline_path_that_does_not_exist_is_named_as_a_path(tmp_path):
    missing = tmp_path / "no" / "such"
    with pytest.raises(SpacyUnavailable) as caught:
        SpacyExtractor(str(missing))
    assert str(caught.value) == (f"--param pipeline: no such folder: {missing} (a spaCy pipeline folder, as nlp.to_disk "
                                 "writes it, holds config.cfg and meta.json)")
    assert "download" not in str(caught.value)


def test_a_pipeline_without_an_entity_recognizer_is_refused_in_one_line(cli, tmp_path):
    with pytest.raises(SpacyUnavailable) as caught:
        SpacyExtractor(spacy.blank("en"))
    assert str(caught.value) == ("spaCy pipeline 'en_pipeline' has no entity recognizer (its components: none), so it "
                                 "would find nothing: use one with 'ner' (en_core_web_sm has it) or an 'entity_ruler'")
    saved = spacy.blank("en")
    saved.add_pipe("sentencizer")
    saved.to_disk(tmp_path / "blank")
    done = cli("eval", "-e", "spacy", "--param", f"pipeline={tmp_path / 'blank'}")
    assert done.exit_code == 2
    assert done.stderr == (f"error: spaCy pipeline '{tmp_path / 'blank'}' has no entity recognizer (its components: "
                           "sentencizer), so it would find nothing: use one with 'ner' (en_core_web_sm has it) or an "
                           "'entity_ruler'\n")


def test_missing_spacy_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "spacy", None)
    with pytest.raises(SpacyUnavailable) as caught:
        SpacyExtractor()
    assert str(caught.value) == ("spaCy is not installed: install factbench's spacy extra (pip install '.[spacy]' in "
                                 "its checkout, or pip install spacy), then a pipeline such as en_core_web_sm")
