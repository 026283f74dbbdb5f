"""The runner's paths, each with its time limit, its options and its failures: mutants that survived (docs/mutation.md).

``run_for_gold`` runs an extractor in worker processes (a ``spec`` and several
workers or a time limit), or in this process: as it is, refusing the documents
a loaded model was trained on, or fitted on the gold and held out from each of
its documents. Every path must pass on the time limit, and the worker path the
extractor's options. In a worker, the pool stops (SIGTERM) a worker whose
document runs past the limit and kills it (SIGKILL) after ``KILL_GRACE``.
Expectations are by hand: each document "Report i filed in 199i." gives the
year 199i at characters 18-22; a document past the 0.2 s limit fails with
"timed out after 0.2 s" and no facts.
"""

from __future__ import annotations

import datetime as dt
import os
import textwrap
import time
from pathlib import Path

import pytest

from bench.data.documents import Document
from bench.errors import ExtractorFailed, InputError
from bench.extraction.in_process import run_extractor
from bench.extraction.outcome import DocumentRun
from bench.extraction.registry import load_extractor
from bench.extraction.runner import RunOptions, predict_held_out, run_for_gold
from bench.facts import Fact

pytestmark = pytest.mark.xdist_group("wall-clock")  # tests timing wall-clock limits run one at a time

DOCS = [Document(f"d{i}", f"Report {i} filed in {1990 + i}.", dt.date(2020, 1, 1)) for i in range(4)]
TIMED_OUT = "timed out after 0.2 s"
EXTRACTORS = textwrap.dedent(
    '''
    import os, re, signal, time
    from dataclasses import dataclass
    from bench.facts import Fact

    STAMPS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stamps")

    def _years(doc):
        return [Fact(doc.id, "date", m.group(), m.group(), m.start(), m.end())
                for m in re.finditer(r"\\d{4}", doc.text)]

    def catches(doc):
        """On d1, catches the time-out and returns its facts as if nothing happened."""
        if doc.id == "d1":
            try:
                time.sleep(5)
            except BaseException:
                pass
        return _years(doc)

    def stubborn(doc):
        """On d1, ignores SIGTERM and every time-out for 20 s: before that, only SIGKILL ends it."""
        if doc.id == "d1":
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            until = time.monotonic() + 20
            while time.monotonic() < until:
                try:
                    time.sleep(until - time.monotonic())
                except BaseException:
                    pass
        return _years(doc)

    class Stamped:
        """Finds only the year its option names; leaves a file named by the document and the process it ran in."""

        name, version = "stamped", "1"

        @dataclass
        class Options:
            year: str = "1990"

        def __init__(self, year="1990"):
            self.year = year

        def extract(self, doc):
            open(os.path.join(STAMPS, f"{doc.id}-{os.getpid()}"), "w").close()
            return [fact for fact in _years(doc) if fact.value == self.year]

    class Learner(Stamped):
        """Finds its year only once fitted (in the process that fitted it)."""

        name = "learner"
        trained_on = ()

        def fit(self, documents, facts):
            self.trained_on = tuple(d.id for d in documents)

        def extract(self, doc):
            return super().extract(doc) if self.trained_on else []

    class LoadedRefusing(Stamped):
        """A model loaded from a file that was trained on d0."""

        name = "refusing"
        pretrained, trained_on = True, ("d0",)

        def fit(self, documents, facts):
            raise AssertionError("a loaded model is never fitted again")

    class LoadedStamped(Stamped):
        """A model loaded from a file, trained on nothing here: used as it is."""

        name = "loaded"
        pretrained, trained_on = True, ()

        def fit(self, documents, facts):
            raise AssertionError("a loaded model is never fitted again")
    '''
)


@pytest.fixture()
def ext(tmp_path: Path) -> Path:
    (tmp_path / "ext.py").write_text(EXTRACTORS)
    (tmp_path / "stamps").mkdir()
    return tmp_path


def _outcomes(runs) -> list[tuple]:
    return [(run.doc_id, run.facts, run.failure) for run in runs]


def _year(i: int) -> tuple[Fact, ...]:
    return (Fact(f"d{i}", "date", str(1990 + i), str(1990 + i), 18, 22),)


def _stamps(folder: Path) -> dict[str, int]:
    """Document id -> the process id it was extracted in."""
    return {name.split("-")[0]: int(name.split("-")[1]) for name in os.listdir(folder / "stamps")}


class Sleeper:
    """Sleeps 5 s on the documents named (the alarm cuts it short); finds years. Trainable when ``trained_on``."""

    name, version = "sleeper", "1"

    def __init__(self, slow: tuple[str, ...]):
        self.slow = slow

    def extract(self, document: Document) -> list[Fact]:
        if document.id in self.slow:
            time.sleep(5)
        year = document.text[18:22]
        return [Fact(document.id, "date", year, year, 18, 22)]


class SleepingLearner(Sleeper):
    name = "learner"

    def __init__(self, slow: tuple[str, ...], fault: BaseException | None = None):
        super().__init__(slow)
        self.trained_on: tuple[str, ...] = ()
        self.fault = fault
        self.fits: list[tuple[list[str], list[str]]] = []  # (document ids, fact ids) of each fit

    def fit(self, documents, facts) -> None:
        self.fits.append(([d.id for d in documents], [f.id for f in facts]))
        if self.fault is not None:
            raise self.fault
        self.trained_on = tuple(d.id for d in documents)


class SleepingLoaded(SleepingLearner):
    """A model loaded from a file that was trained on d0."""

    pretrained = True

    def __init__(self, slow: tuple[str, ...]):
        super().__init__(slow)
        self.trained_on = ("d0",)


GOLD_FACTS = [Fact(f"d{i}", "date", str(1990 + i), id=f"f{i}") for i in range(2)]  # the gold is d0 and d1


# --- the time limit holds on every path ---------------------------------------------------------------------------


def test_an_extractor_that_catches_the_time_out_and_returns_fails_in_this_process(ext):
    runs = run_extractor(load_extractor(f"{ext / 'ext.py'}:catches"), DOCS[:3], timeout=0.2)
    assert _outcomes(runs) == [("d0", _year(0), None), ("d1", (), TIMED_OUT), ("d2", _year(2), None)]


def test_an_extractor_that_catches_the_time_out_and_returns_fails_in_a_worker(ext):
    """The worker returns within the slack, before the pool would stop it: only the alarm's flag fails d1."""
    spec = f"{ext / 'ext.py'}:catches"
    runs = run_for_gold(load_extractor(spec), DOCS[:3], [], [], RunOptions(workers=1, timeout=0.2), spec, {})
    assert _outcomes(runs) == [("d0", _year(0), None), ("d1", (), TIMED_OUT), ("d2", _year(2), None)]


def test_a_worker_that_ignores_sigterm_is_killed_and_fails_only_its_document(ext):
    """Stopped at 0.2 + 0.5 s (SLACK), killed 0.25 s later (KILL_GRACE); a new worker runs d2."""
    spec = f"{ext / 'ext.py'}:stubborn"
    started = time.monotonic()
    runs = list(run_for_gold(load_extractor(spec), DOCS[:3], [], [], RunOptions(workers=1, timeout=0.2), spec, {}))
    assert _outcomes(runs) == [("d0", _year(0), None), ("d1", (), TIMED_OUT), ("d2", _year(2), None)]
    assert time.monotonic() - started < 10  # about 1 s plus two workers' start-up; not the 20 s d1 holds out


def test_without_a_spec_the_time_limit_holds_in_this_process():
    runs = run_for_gold(Sleeper(("d1",)), DOCS[:2], [], [], RunOptions(timeout=0.2))
    assert _outcomes(runs) == [("d0", _year(0), None), ("d1", (), TIMED_OUT)]


def test_the_time_limit_holds_for_held_out_and_fitted_predictions():
    """d1 is in the gold (held out: fitted on d0), d2 is not (fitted on the whole gold); both sleep."""
    model = SleepingLearner(("d1", "d2"))
    runs = run_for_gold(model, DOCS[:3], DOCS[:2], GOLD_FACTS, RunOptions(timeout=0.2))
    assert _outcomes(runs) == [("d0", _year(0), None), ("d1", (), TIMED_OUT), ("d2", (), TIMED_OUT)]


def test_the_time_limit_holds_for_a_loaded_model_that_refuses_its_training_documents():
    runs = run_for_gold(SleepingLoaded(("d1",)), DOCS[:3], DOCS[:2], GOLD_FACTS, RunOptions(timeout=0.2))
    assert _outcomes(runs) == [("d0", (), "the loaded model was trained on this document; not scored"),
                               ("d1", (), TIMED_OUT), ("d2", _year(2), None)]


# --- training: what is fitted on, and how a failing fit is told ----------------------------------------------------


def test_a_held_out_document_is_predicted_by_a_model_fitted_on_the_other_documents_and_their_facts_only():
    model = SleepingLearner(())
    assert predict_held_out(model, DOCS[0], DOCS[:2], GOLD_FACTS) == DocumentRun("d0", _year(0))
    assert model.fits == [(["d1"], ["f1"])]


def test_predicting_held_out_needs_a_trainable_extractor():
    with pytest.raises(TypeError) as raised:
        predict_held_out(Sleeper(()), DOCS[0], DOCS[:2], GOLD_FACTS)
    assert str(raised.value) == "sleeper has no fit(documents, facts) and trained_on"


@pytest.mark.parametrize(("fault", "told"), [
    (RuntimeError("boom"), "RuntimeError: boom"),
    (InputError("labels unreadable"), "labels unreadable"),  # bench's own error: its message as it stands
    (SystemExit(4), "the extractor called sys.exit(4)"),
])
def test_a_failing_fit_fails_the_held_out_document_and_stops_the_run_on_the_others(fault, told):
    runs = list(run_for_gold(SleepingLearner((), fault), DOCS[:1], DOCS[:2], GOLD_FACTS))
    assert _outcomes(runs) == [("d0", (), f"training failed: {told}")]
    with pytest.raises(ExtractorFailed) as raised:
        list(run_for_gold(SleepingLearner((), fault), DOCS[2:3], DOCS[:2], GOLD_FACTS))
    assert str(raised.value) == f"training learner on the gold failed: {told}"


def test_a_loaded_model_is_used_as_it_is_never_fitted_again(ext):
    model = load_extractor(f"{ext / 'ext.py'}:LoadedStamped")
    runs = run_for_gold(model, DOCS[:2], DOCS[:2], GOLD_FACTS)
    assert _outcomes(runs) == [("d0", _year(0), None), ("d1", (), None)]


# --- worker processes: the extractor's options, the chunks, a loaded model -----------------------------------------


def test_workers_build_the_extractor_with_its_options(ext):
    spec = f"{ext / 'ext.py'}:Stamped"
    runs = run_for_gold(load_extractor(spec, {"year": "1991"}), DOCS, [], [], RunOptions(workers=2, chunksize=1),
                        spec, {"year": "1991"})
    assert _outcomes(runs) == [("d0", (), None), ("d1", _year(1), None), ("d2", (), None), ("d3", (), None)]


def test_chunks_of_one_document_go_to_both_workers_in_turn(ext):
    """Four chunks, at most two in flight per worker, each to the worker with fewest: d0, d2 to one, d1, d3 to the
    other (a chunk of all four would keep one worker busy and the other idle)."""
    spec = f"{ext / 'ext.py'}:Stamped"
    list(run_for_gold(load_extractor(spec), DOCS, [], [], RunOptions(workers=2, chunksize=1), spec, {}))
    pid = _stamps(ext)
    assert pid["d0"] == pid["d2"] != pid["d1"] == pid["d3"] and os.getpid() not in pid.values()


def test_a_loaded_model_runs_in_worker_processes(ext):
    spec = f"{ext / 'ext.py'}:LoadedStamped"
    runs = run_for_gold(load_extractor(spec), DOCS[:2], [], [], RunOptions(workers=2), spec, {})
    assert _outcomes(runs) == [("d0", _year(0), None), ("d1", (), None)]
    assert os.getpid() not in _stamps(ext).values()


def test_one_worker_without_a_time_limit_runs_in_this_process(ext):
    spec = f"{ext / 'ext.py'}:Stamped"
    runs = run_for_gold(load_extractor(spec), DOCS[:1], [], [], RunOptions(workers=1), spec, {})
    assert _outcomes(runs) == [("d0", _year(0), None)]
    assert _stamps(ext) == {"d0": os.getpid()}


def test_a_time_limit_alone_sends_the_run_to_a_worker_process(ext):
    spec = f"{ext / 'ext.py'}:Stamped"
    runs = run_for_gold(load_extractor(spec), DOCS[:1], [], [], RunOptions(workers=1, timeout=30), spec, {})
    assert _outcomes(runs) == [("d0", _year(0), None)]
    assert _stamps(ext)["d0"] != os.getpid()


def test_a_model_still_to_be_fitted_is_fitted_here_even_with_workers(ext):
    """d2 and d3 are outside the gold (d0, d1): predicted by the model fitted on the whole gold, in this process."""
    spec = f"{ext / 'ext.py'}:Learner"
    model = load_extractor(spec, {"year": "1992"})
    runs = run_for_gold(model, DOCS[2:], DOCS[:2], GOLD_FACTS, RunOptions(workers=2), spec, {"year": "1992"})
    assert _outcomes(runs) == [("d2", _year(2), None), ("d3", (), None)]
    assert set(_stamps(ext).values()) == {os.getpid()}


def test_a_loaded_model_refuses_its_training_documents_even_with_workers(ext):
    spec = f"{ext / 'ext.py'}:LoadedRefusing"
    runs = run_for_gold(load_extractor(spec), DOCS[:2], [], [], RunOptions(workers=2), spec, {})
    assert _outcomes(runs) == [("d0", (), "the loaded model was trained on this document; not scored"),
                               ("d1", (), None)]


def test_runs_in_this_process_are_encoded_as_asked():
    runs = run_for_gold(Sleeper(()), DOCS[:2], [], [], encode=lambda run: ("encoded", run.doc_id, run.facts))
    assert list(runs) == [("encoded", "d0", _year(0)), ("encoded", "d1", _year(1))]
