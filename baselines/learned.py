"""Learned baseline (scikit-learn): the rules' candidates, kept or dropped by a trained classifier.

Method: boilerplate is skipped as the rules skip it (the gold never labels
it); elsewhere, candidates come from the finders the rules use, before their
context rules: every :func:`bench.normalize.dates.date_candidates` match and
:func:`bench.normalize.numbers.number_spans` number (with a qualifier written just
before), every agency name of ``baselines.rules.agencies`` (names inside a
title included) and every titled official of ``baselines.rules.officials``.
Values come from the shared normalizers (``normalize_date``, ``parse_count``,
``classify_unit``, the gazetteer, the title rules). Each candidate is
described by its tokens, their shapes, three words either side and signals of
the shared code (a value was found, date precision, relative date,
money/percent/duration, qualifier, inside a quotation or a title,
headline-length line), all conjoined with the candidate's kind; one logistic
regression (``DictVectorizer`` + ``LogisticRegression``, balanced classes) says
whether a candidate is a mention. A count's type (headcount or user count) is
its counted noun's, never the classifier's. Overlapping accepted candidates
keep the most probable one.
Training labels: a candidate is positive when a gold mention of its kind has
exactly its offsets.

Dependencies: scikit-learn (imported when fitting or predicting); models are
saved with joblib (a pickle: load only files you trust).
Known limits: it can only drop what the candidate finders propose, so its
recall is theirs at best; a kind rare in the training documents is learned
poorly; leave-one-document-out protects the classifier only, not the shared
finders and normalizers, which were written with the gold in view. It is
scored on the gold leave-one-document-out only (``bench eval``
does that for any Trainable extractor; :func:`cross_validate` here too).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from baselines.rules.agencies import find_agencies
from baselines.rules.boilerplate import boilerplate_spans
from baselines.rules.counts import count_type
from baselines.rules.officials import find_officials
from baselines.rules.spans import Spans, quotations
from bench.data.documents import Document
from bench.data.runspec import LEAVE_ONE_OUT, PRETRAINED, trained_on
from bench.errors import BenchError
from bench.extraction.options import option
from bench.facts import Count, Fact, Value
from bench.normalize.aliases import date_precision
from bench.normalize.dates import date_candidates, is_relative, normalize_date
from bench.normalize.numbers import (
    non_count_reason,
    number_spans,
    parse_count,
    qualifier_start,
)

MODEL_FORMAT = "factbench-learned/1"
KIND_OF_TYPE = {"date": "date", "headcount": "count", "user_count": "count", "agency": "agency", "official": "official"}
_WORD = re.compile(r"[\w’'.-]+|[^\w\s]")


class NotFitted(BenchError):
    """The learned extractor was asked to extract before it was fitted or loaded."""


class TrainingError(BenchError):
    """Training data the model cannot learn from, or a model file it cannot read."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span a finder proposes; ``type``/``value`` are None when the shared normalizers give no value."""

    kind: str
    start: int
    end: int
    type: str | None
    value: Value | None


@dataclass(frozen=True, slots=True)
class Context:
    """Per-document ranges the features ask about."""

    quotes: Spans
    titles: Spans


def _count_candidate(text: str, start: int, end: int) -> Candidate:
    qualified = qualifier_start(text, start)
    start = start if qualified is None else qualified
    parsed, unit = parse_count(text[start:end]), count_type(text, start, end, text[start:end])
    if parsed is None or unit is None:
        return Candidate("count", start, end, None, None)
    return Candidate("count", start, end, unit[0], Count(parsed[0], parsed[1], unit[1]))


def candidates(document: Document) -> tuple[list[Candidate], Context]:
    """Every candidate mention of ``document`` outside boilerplate, with its normalized value; and the context."""
    text = document.text
    skip = boilerplate_spans(text)
    officials, titles = find_officials(text, skip)
    found = []
    for start, end in date_candidates(text):
        value = normalize_date(text[start:end], document.published)
        found.append(Candidate("date", start, end, "date" if value else None, value))
    found += [_count_candidate(text, start, end) for start, end in number_spans(text)]
    found += [Candidate("agency", f.start, f.end, f.type, f.value) for f in find_agencies(text, skip, Spans())]
    found += [Candidate("official", f.start, f.end, f.type, f.value) for f in officials]
    return [c for c in found if not skip.covers(c.start)], Context(quotations(text), titles)


def _shape(text: str) -> str:
    """Letters and digits by class, runs collapsed: "March 3, 1999" -> "Xx d, d"."""
    classes = ("X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c for c in text)
    return re.sub(r"(.)\1+", r"\1", "".join(classes))


def _signals(text: str, c: Candidate, ctx: Context) -> dict[str, float]:
    """What the shared normalizers and the context ranges say about a candidate."""
    span = text[c.start:c.end]
    line_start, line_end = text.rfind("\n", 0, c.start) + 1, text.find("\n", c.end)
    line_end = len(text) if line_end < 0 else line_end
    found = {
        "valued": float(c.value is not None), "in_quote": float(ctx.quotes.covers(c.start)),
        "in_title": float(ctx.titles.overlaps(c.start, c.end)),
        "short_line": float(line_end - line_start < 80), "line_start": float(c.start == line_start),
    }
    if c.kind == "date":
        found[f"precision={date_precision(c.value) if c.value else None}"] = 1.0
        found["relative"] = float(is_relative(span))
    if c.kind == "count":
        found[f"non_count={non_count_reason(text[max(0, c.start - 8):c.start], text[c.end:c.end + 24])}"] = 1.0
        found[f"qualifier={c.value.qualifier if c.value else None}"] = 1.0
    return found


def features(text: str, c: Candidate, ctx: Context) -> dict[str, float]:
    """Tokens, shapes and neighbours of a candidate, plus the shared signals, conjoined with its kind."""
    tokens = [t.lower() for t in _WORD.findall(text[c.start:c.end])] or [""]
    before = _WORD.findall(text[max(0, c.start - 60):c.start])[-3:]
    after = _WORD.findall(text[c.end:c.end + 60])[:3]
    found = {"bias": 1.0, f"shape={_shape(text[c.start:c.end])}": 1.0, f"length={min(len(tokens), 5)}": 1.0,
             f"first={tokens[0]}": 1.0, f"last={tokens[-1]}": 1.0}
    found.update((f"token={t}", 1.0) for t in tokens)
    for index, word in enumerate(reversed(before), 1):
        found[f"before{index}={word.lower()}"] = 1.0
        found[f"before{index}_shape={_shape(word)}"] = 1.0
    for index, word in enumerate(after, 1):
        found[f"after{index}={word.lower()}"] = 1.0
        found[f"after{index}_shape={_shape(word)}"] = 1.0
    signals = _signals(text, c, ctx)
    found.update(signals)
    conjoined = {f"{c.kind}|{name}": value for name, value in found.items()}
    conjoined.update((f"any|{name}", signals[name]) for name in ("in_quote", "short_line"))
    return conjoined


def _non_overlapping(scored: list[tuple[float, Candidate]]) -> list[Candidate]:
    """The most probable candidates first; one overlapping an accepted one is dropped."""
    kept: list[Candidate] = []
    for _, c in sorted(scored, key=lambda pair: (-pair[0], pair[1].start)):
        if all(c.end <= k.start or k.end <= c.start for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: (c.start, c.end))


class LearnedExtractor:
    """A logistic regression over pattern candidates, trained on the gold (scored leave-one-document-out).

    Args:
        model_path: a file written by :meth:`save`; the model is then used as it is (``pretrained``).
        threshold: the probability from which a candidate is kept.
        C: inverse regularization strength of the logistic regression.
    """

    name = "learned"
    version = "1"
    description = "logistic regression over the rules' pattern candidates (token, shape and context features)"

    @dataclass(frozen=True)
    class Options:
        model_path: Path | None = option(None, "a model file written by save(); it is then used as it is (pretrained)")
        threshold: float = option(0.5, "probability from which a candidate is kept")
        C: float = option(1.0, "inverse regularization strength of the logistic regression")

    def __init__(self, model_path: str | Path | None = None, threshold: float = 0.5, C: float = 1.0):
        self.threshold, self.C = float(threshold), float(C)
        self.pretrained = False
        self.trained_on: tuple[str, ...] = ()  # ids of the training documents, kept in saved models
        self._vectorizer = self._classifier = None
        if model_path is not None:
            self._restore(Path(model_path))

    def training_regime(self, training_set: str | None) -> str:
        """How it was trained for a run (recorded in the results' run spec): loaded from a file, fitted once on
        ``training_set``, or, when that is None, leave-one-document-out on the set scored."""
        if self.pretrained:
            return PRETRAINED
        return LEAVE_ONE_OUT if training_set is None else trained_on(training_set)

    def fit(self, documents: Sequence[Document], facts: Sequence[Fact]) -> None:
        """Train on ``documents`` labeled by ``facts`` (mentions with offsets)."""
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        gold = defaultdict(set)
        for fact in facts:
            if fact.has_span:
                gold[fact.doc_id].add((KIND_OF_TYPE[fact.type], fact.start, fact.end))
        rows, labels = [], []
        for document in documents:
            found, ctx = candidates(document)
            rows += [features(document.text, c, ctx) for c in found]
            labels += [(c.kind, c.start, c.end) in gold[document.id] for c in found]
        if len(set(labels)) < 2:
            raise TrainingError("cannot train: the training facts must match some candidates and leave others unmatched")
        vectorizer = DictVectorizer()
        classifier = LogisticRegression(C=self.C, class_weight="balanced", max_iter=5000)
        classifier.fit(vectorizer.fit_transform(rows), labels)
        self._vectorizer, self._classifier, self.pretrained = vectorizer, classifier, False
        self.trained_on = tuple(document.id for document in documents)

    def extract(self, document: Document) -> list[Fact]:
        if self._classifier is None:
            raise NotFitted("the learned extractor must be fitted or loaded first: `bench eval` trains it "
                            "leave-one-document-out on the gold, or pass --param model_path=FILE")
        found, ctx = candidates(document)
        if not found:
            return []
        matrix = self._vectorizer.transform([features(document.text, c, ctx) for c in found])
        probabilities = self._classifier.predict_proba(matrix)[:, list(self._classifier.classes_).index(True)]
        scored = [(p, c) for p, c in zip(probabilities, found) if p >= self.threshold and c.value is not None]
        text = document.text
        return [Fact(document.id, c.type, c.value, text[c.start:c.end], c.start, c.end) for c in _non_overlapping(scored)]

    def save(self, path: str | Path) -> None:
        """Write the fitted model with joblib (atomically)."""
        import joblib

        from bench.data.jsonl import atomic_path

        if self._classifier is None:
            raise NotFitted("nothing to save: fit the learned extractor first")
        model = {"format": MODEL_FORMAT, "version": self.version, "threshold": self.threshold, "C": self.C,
                 "trained_on": self.trained_on, "vectorizer": self._vectorizer, "classifier": self._classifier}
        with atomic_path(path) as tmp:
            joblib.dump(model, tmp)

    @classmethod
    def load(cls, path: str | Path) -> LearnedExtractor:
        """A model saved by :meth:`save`, ready to extract."""
        return cls(model_path=path)

    def _restore(self, path: Path) -> None:
        import joblib

        try:
            model = joblib.load(path)
        except Exception as error:  # noqa: BLE001 - unpickling fails in many ways; each is a bad file
            raise TrainingError(f"cannot read a learned model: {type(error).__name__}: {error}", str(path)) from None
        if not isinstance(model, dict) or model.get("format") != MODEL_FORMAT:
            raise TrainingError(f"not a learned model of format {MODEL_FORMAT}", str(path))
        self.threshold, self.C, self.trained_on = model["threshold"], model["C"], tuple(model["trained_on"])
        self._vectorizer, self._classifier, self.pretrained = model["vectorizer"], model["classifier"], True


def cross_validate(documents: Sequence[Document], facts: Sequence[Fact], **options) -> dict[str, list[Fact]]:
    """Leave-one-document-out predictions: each document by a model trained on all the others."""
    predictions = {}
    for held_out in documents:
        model = LearnedExtractor(**options)
        model.fit([d for d in documents if d.id != held_out.id], [f for f in facts if f.doc_id != held_out.id])
        predictions[held_out.id] = model.extract(held_out)
    return predictions
