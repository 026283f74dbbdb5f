"""Running extractors: failures isolated per document, parallel runs identical, trainables held out."""

from __future__ import annotations

import datetime as dt
import textwrap

from bench.data.documents import Document
from bench.extraction.extractor import FunctionExtractor
from bench.extraction.runner import DocumentRun, RunOptions, run_extractor, run_for_gold
from bench.facts import Fact

DOCS = [Document(f"d{i}", f"Report {i} filed in {1990 + i}.", dt.date(2020, 1, 1)) for i in range(40)]
EXTRACTORS = textwrap.dedent(
    '''
    import re, time
    from bench.facts import Fact

    def years(doc):
        return [Fact(doc.id, "date", m.group(), m.group(), m.start(), m.end()) for m in re.finditer(r"\\d{4}", doc.text)]

    def flaky(doc):
        n = int(doc.id[1:])
        if n == 3:
            raise RuntimeError("model crashed")
        if n == 5:
            time.sleep(60)
        if n == 7:
            return [{"doc_id": doc.id, "type": "date", "value": "not a date"}]
        return years(doc)
    '''
)


def test_a_raising_hanging_or_invalid_document_fails_alone(tmp_path):
    path = tmp_path / "ext.py"
    path.write_text(EXTRACTORS)
    from bench.extraction.registry import load_extractor

    runs = list(run_extractor(load_extractor(f"{path}:flaky"), DOCS[:9], timeout=0.2))
    failed = {run.doc_id: run.failure for run in runs if run.failure}
    assert failed == {
        "d3": "RuntimeError: model crashed",
        "d5": "timed out after 0.2 s",
        "d7": "flaky: document d7 fact 0: value: \"not a date\" is not in the expected form",
    }
    assert [run.doc_id for run in runs] == [doc.id for doc in DOCS[:9]]
    assert runs[0] == DocumentRun("d0", (Fact("d0", "date", "1990", "1990", 18, 22),))


def test_two_workers_give_the_same_runs_in_order(tmp_path):
    path = tmp_path / "ext.py"
    path.write_text(EXTRACTORS)
    from bench.extraction.registry import load_extractor

    spec = f"{path}:flaky"
    one = list(run_extractor(load_extractor(spec), DOCS, timeout=0.2))
    two = list(run_for_gold(load_extractor(spec), iter(DOCS), [], [], RunOptions(workers=2, timeout=0.2, chunksize=3), spec, {}))
    assert two == one


class Memorizer:
    """Predicts the dates it saw in training: exposes any leak of the held-out document."""

    name, version = "memorizer", "1"

    def fit(self, documents, facts):
        self.seen = {fact.value for fact in facts}

    def extract(self, document):
        return [Fact(document.id, "date", value) for value in sorted(self.seen)]


def test_trainable_extractor_never_predicts_a_document_it_trained_on():
    gold_docs = DOCS[:3]
    gold_facts = [Fact(doc.id, "date", str(1990 + i)) for i, doc in enumerate(gold_docs)]
    runs = {run.doc_id: run for run in run_for_gold(Memorizer(), gold_docs, gold_docs, gold_facts)}
    for i, doc in enumerate(gold_docs):
        assert str(1990 + i) not in {fact.value for fact in runs[doc.id].facts}
        assert len(runs[doc.id].facts) == 2
    other = Document("new", "x", None)
    (run,) = run_for_gold(Memorizer(), [other], gold_docs, gold_facts)
    assert len(run.facts) == 3  # a new corpus gets the model fitted on all the gold


def test_function_extractor_takes_name_and_first_docstring_line():
    def finder(doc):
        """Finds things.

        More text."""
        return []

    wrapped = FunctionExtractor(finder)
    assert (wrapped.name, wrapped.version, wrapped.description) == ("finder", "0", "Finds things.")


def test_a_saved_model_is_refused_on_the_documents_it_was_trained_on():
    model = Memorizer()
    model.fit(DOCS[:2], [Fact("d0", "date", "1990")])
    model.pretrained, model.trained_on = True, ("d0",)
    runs = list(run_for_gold(model, DOCS[:2], DOCS[:2], []))
    assert runs[0] == DocumentRun("d0", failure="the loaded model was trained on this document; not scored")
    assert runs[1] == DocumentRun("d1", (Fact("d1", "date", "1990"),))


def test_an_extractor_with_its_own_batch_runs_it():
    class Batched:
        name, version = "batched", "1"

        def extract(self, document):
            raise AssertionError("extract_batch should be used")

        def extract_batch(self, documents):
            return (DocumentRun(doc.id) for doc in documents)

    assert [run.doc_id for run in run_for_gold(Batched(), DOCS[:3], [], [])] == ["d0", "d1", "d2"]
