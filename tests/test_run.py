"""Running extractors: failures isolated per document, parallel runs identical, trainables held out."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import pickle
import sys
import textwrap

import pytest

from bench.data.documents import Document, DocumentFile, DocumentLine
from bench.errors import InputError
from bench.extraction import guard
from bench.extraction.extractor import FunctionExtractor
from bench.extraction.in_process import GUARD_BATCH, run_extractor
from bench.extraction.outcome import DocumentRun, EncodedRun, encode_run
from bench.extraction.runner import RunOptions, run_for_gold
from bench.facts import Fact, Official

pytestmark = pytest.mark.xdist_group("wall-clock")  # tests timing wall-clock limits run one at a time

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
        "d7": "ext.flaky: document d7 fact 0: value: \"not a date\" is not in the expected form (expected ISO 8601 at the precision the text gives: YYYY, YYYY-MM, YYYY-MM-DD or a week YYYY-Www)",
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


def _lines(*broken: tuple[int, str]) -> list:
    """Ten good document lines, some replaced: ``(line number, raw line)``."""
    lines: list = [{"id": doc.id, "text": doc.text, "published": "2020-01-01"} for doc in DOCS[:10]]
    for line_no, raw in broken:
        lines[line_no - 1] = raw
    return lines


def test_a_documents_file_runs_in_workers_as_lines_with_the_same_runs(tmp_path, write_jsonl):
    path = tmp_path / "ext.py"
    path.write_text(EXTRACTORS)
    from bench.extraction.registry import load_extractor

    spec, docs = f"{path}:flaky", DocumentFile(write_jsonl("docs.jsonl", _lines()))
    one = list(run_extractor(load_extractor(spec), DOCS[:10], timeout=0.2))
    two = list(run_for_gold(load_extractor(spec), docs, [], [], RunOptions(workers=2, timeout=0.2, chunksize=3), spec, {}))
    assert two == one


@pytest.mark.parametrize(("broken", "error"), [
    # chunks of three lines: 1-3, 4-6, 7-9, 10; the first problem in the file is the one reported
    ([(5, '{"id": "d0", "text": "again"}'), (6, '{"id": "d5", "text": ')], "5: id: duplicate document id 'd0'"),
    ([(5, '{"id": "d4", "text": '), (6, '{"id": "d0", "text": "again"}')], "5: invalid JSON: Expecting value"),
    ([(2, '{"id": "d1"}')], "2: text: is required"),
    ([(8, '{"id": "d7", "text": "x", "published": "2024-02-30"}')], "8: published: '2024-02-30' is not a calendar date"),
    ([(10, '{"id": "d1", "text": "late"}')], "10: id: duplicate document id 'd1'"),
])
@pytest.mark.parametrize("workers", [1, 2])
def test_a_bad_documents_file_stops_the_run_at_its_first_problem_whatever_the_workers(tmp_path, write_jsonl, broken,
                                                                                      error, workers):
    from bench.errors import InputError
    from bench.extraction.registry import load_extractor

    (tmp_path / "ext.py").write_text(EXTRACTORS)
    spec, docs = f"{tmp_path / 'ext.py'}:years", write_jsonl("docs.jsonl", _lines(*broken))
    with pytest.raises(InputError) as raised:
        list(run_for_gold(load_extractor(spec), DocumentFile(docs), [], [], RunOptions(workers, chunksize=3), spec, {}))
    assert str(raised.value) == f"{docs}:{error}"


def test_predict_with_workers_names_a_bad_line_and_writes_nothing(cli, tmp_path, write_jsonl):
    docs = write_jsonl("docs.jsonl", [*_lines(), *_lines()[:3]])
    result = cli("predict", "-e", "regex", "--docs", docs, "-o", tmp_path / "out.jsonl", "-j", "2")
    assert (result.exit_code, result.stderr) == (2, f"error: {docs}:11: id: duplicate document id 'd0'\n")
    assert not (tmp_path / "out.jsonl").exists()


class Memorizer:
    """Returns a document's own training labels when it has seen its text: any leak shows as facts."""

    name, version = "memorizer", "1"

    def __init__(self):
        self.trained_on, self.labels, self.predicted = (), {}, []

    def fit(self, documents, facts):
        by_id = {doc.id: doc.text for doc in documents}
        self.labels = {text: [f for f in facts if f.doc_id == doc_id] for doc_id, text in by_id.items()}
        self.trained_on = tuple(by_id)

    def extract(self, document):
        self.predicted.append((document.id, set(self.trained_on)))
        return [Fact(document.id, f.type, f.value) for f in self.labels.get(document.text, [])]


def test_trainable_extractor_never_predicts_a_document_it_trained_on():
    gold_docs = DOCS[:3]
    gold_facts = [Fact(doc.id, "date", str(1990 + i)) for i, doc in enumerate(gold_docs)]
    renamed = Document("copy-of-d1", DOCS[1].text, None)  # a gold text under another id
    reused_id = Document("d2", "Another text under a gold id.", None)
    outside = Document("new", "x", None)
    corpus = [DOCS[0], renamed, outside, reused_id]
    model = Memorizer()
    runs = list(run_for_gold(model, corpus, gold_docs, gold_facts))
    assert [run.doc_id for run in runs] == ["d0", "copy-of-d1", "new", "d2"]
    assert all(run.facts == () and run.failure is None for run in runs)  # a memorizer that leaked would echo labels
    trained = dict(model.predicted)
    assert trained == {"d0": {"d1", "d2"}, "copy-of-d1": {"d0", "d2"}, "d2": {"d0", "d1"}, "new": {"d0", "d1", "d2"}}


def test_the_memorizer_would_show_a_leak():
    model = Memorizer()
    model.fit(DOCS[:1], [Fact("d0", "date", "1990")])
    assert model.extract(DOCS[0]) == [Fact("d0", "date", "1990")]


class FailingFit(Memorizer):
    def fit(self, documents, facts):
        if len(documents) < 3:
            raise ValueError("too few documents")
        super().fit(documents, facts)


def test_a_fit_failure_in_a_fold_fails_that_document_and_on_the_whole_gold_stops_the_run():
    from bench.errors import ExtractorFailed

    runs = list(run_for_gold(FailingFit(), DOCS[:3], DOCS[:3], []))
    assert runs == [DocumentRun(f"d{i}", failure="training failed: ValueError: too few documents") for i in range(3)]
    with pytest.raises(ExtractorFailed, match="^training memorizer on the gold failed: ValueError: too few documents$"):
        list(run_for_gold(FailingFit(), [Document("new", "x", None)], DOCS[:2], []))


def test_function_extractor_takes_name_and_first_docstring_line():
    def finder(doc):
        """Finds things.

        More text."""
        return []

    wrapped = FunctionExtractor(finder)
    assert (wrapped.name, wrapped.version, wrapped.description) == ("finder", "0", "Finds things.")


def test_a_saved_model_is_refused_on_the_documents_it_was_trained_on():
    model = Memorizer()
    model.fit(DOCS[:1], [Fact("d0", "date", "1990")])
    model.labels[DOCS[1].text] = [Fact("d0", "date", "1990")]
    model.pretrained = True
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


class TimedBatch:
    """A batch that keeps the time limit itself, as the Batched protocol asks: it records the limit it is given."""

    name, version = "timed-batch", "1"

    def __init__(self):
        self.given: list = []

    def extract(self, document):
        raise AssertionError("extract_batch should be used")

    def extract_batch(self, documents, timeout=None):
        self.given.append(timeout)
        return (DocumentRun(doc.id) for doc in documents)


def test_a_batch_is_handed_the_time_limit_and_one_that_cannot_take_it_is_run_document_by_document():
    timed = TimedBatch()
    assert [run.doc_id for run in run_for_gold(timed, DOCS[:2], [], [], RunOptions(timeout=2.5))] == ["d0", "d1"]
    assert timed.given == [2.5]

    class Untimed:
        name, version = "untimed", "1"

        def extract(self, document):
            return []

        def extract_batch(self, documents):
            raise AssertionError("a batch that cannot keep the time limit is not used with one")

    assert [run.failure for run in run_for_gold(Untimed(), DOCS[:2], [], [], RunOptions(timeout=2.5))] == [None, None]


def test_a_run_in_process_leaves_the_working_directory_and_umask_as_they_were(tmp_path, monkeypatch):
    import os

    def wander(doc):
        os.chdir(tmp_path / "elsewhere")
        os.umask(0o777)
        return []

    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path)
    umask = os.umask(0o027)
    try:
        assert [run.failure for run in run_for_gold(FunctionExtractor(wander), DOCS[:2], [], [])] == [None, None]
        assert (os.getcwd(), os.umask(0o027)) == (str(tmp_path), 0o027)
    finally:
        os.umask(umask)


FAILING_FIT = textwrap.dedent(
    '''
    class Stubborn:
        name, version, trained_on = "stubborn", "1", ()

        def fit(self, documents, facts):
            raise ValueError("cannot learn from this")

        def extract(self, document):
            return []
    '''
)


def test_a_fit_failure_is_one_line_exit_3_on_the_gold_and_exit_2_outside_it(cli, tmp_path, write_jsonl):
    (tmp_path / "stubborn.py").write_text(FAILING_FIT, encoding="utf-8")
    spec = f"{tmp_path / 'stubborn.py'}:Stubborn"
    scored = cli("eval", "-e", spec, "--no-ci")
    assert scored.exit_code == 3
    failed = [line for line in scored.stdout.splitlines() if "training failed" in line]
    assert len(failed) == 5 and all(line.endswith(": training failed: ValueError: cannot learn from this") for line in failed)
    docs = write_jsonl("docs.jsonl", [{"id": "new", "text": "Nothing of the gold."}])
    outside = cli("predict", "-e", spec, "--docs", docs, "-o", tmp_path / "out.jsonl")
    assert (outside.exit_code, outside.stderr) == (
        2, "error: training stubborn on the gold failed: ValueError: cannot learn from this\n")
    assert not (tmp_path / "out.jsonl").exists()


def test_the_stdout_guard_is_set_up_once_per_batch_and_never_held_while_the_caller_runs(monkeypatch):
    set_ups, seen = [], []
    enter = guard._enter
    monkeypatch.setattr(guard, "_enter", lambda: (set_ups.append(1), enter()))

    def probe(doc):
        seen.append(sys.stdout is sys.stderr)  # inside the guard, print goes to stderr
        return []

    documents = [Document(f"d{i}", "text") for i in range(2 * GUARD_BATCH + 2)]
    for run in run_extractor(FunctionExtractor(probe), documents):
        assert sys.stdout is not sys.stderr and run.failure is None  # the caller's own output is never redirected
    assert seen == [True] * len(documents) and len(set_ups) == 3


def test_what_crosses_to_and_from_workers_pickles_to_an_equal_object():
    sent = [Document("d1", "“Text” as received", dt.date(2024, 7, 15)), Document("d2", ""),
            DocumentLine("docs.jsonl", 3, '{"id": "d3", "text": "“x”"}\n'.encode())]
    returned = [EncodedRun("d1", '{"doc_id": "d1"}\n', 1), EncodedRun("d2", failure="the extractor raised KeyboardInterrupt")]
    for item in [*sent, *returned]:
        assert len(item.__reduce__()[1]) == len(dataclasses.fields(item))  # a field added later is sent too
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            copy = pickle.loads(pickle.dumps(item, protocol))
            assert copy == item and type(copy) is type(item)
    error = pickle.loads(pickle.dumps(InputError("is required", "docs.jsonl", 4, "text")))  # a line that cannot be decoded
    assert (str(error), error.file, error.line, error.field) == ("docs.jsonl:4: text: is required", "docs.jsonl", 4, "text")


def test_encoded_lines_are_the_facts_as_json_with_characters_as_written():
    facts = (Fact("d1", "official", Official("José Núñez", "Minister of Economy"), "José Núñez", 3, 13),
             Fact("d1", "date", "2024-07", "“July”", 20, 26))
    run = encode_run(DocumentRun("d1", facts))
    assert run.lines == "".join(json.dumps(fact.to_dict(), ensure_ascii=False) + "\n" for fact in facts)
    assert "Núñez" in run.lines and run.count == 2


STILLBORN = textwrap.dedent(
    '''
    import multiprocessing, os, signal

    if multiprocessing.current_process().name == "bench-worker":  # not in the process that checks it first
        if os.environ["HOW"] == "exit":
            os._exit(1)
        os.kill(os.getpid(), signal.SIGKILL)

    def nothing(doc):
        return []
    '''
)


@pytest.mark.parametrize(("how", "message"), [
    ("exit", "loading the extractor in a worker process failed: the extractor called os._exit(1)"),
    ("kill", ("worker processes die before running any document (the worker process died (crashed, killed or out "
              "of memory))")),
])
def test_an_extractor_that_cannot_load_in_a_worker_ends_the_run_with_one_line(tmp_path, monkeypatch, how, message):
    from bench.errors import ExtractorFailed
    from bench.extraction.registry import load_extractor

    (tmp_path / "stillborn.py").write_text(STILLBORN)
    monkeypatch.setenv("HOW", how)
    spec = f"{tmp_path / 'stillborn.py'}:nothing"
    with pytest.raises(ExtractorFailed) as raised:
        list(run_for_gold(load_extractor(spec), DOCS[:3], [], [], RunOptions(workers=2), spec, {}))
    assert str(raised.value) == message
