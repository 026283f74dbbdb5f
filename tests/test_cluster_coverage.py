"""Coverage over documents, simulated: facts of one article succeed and fail together.

Each document holds 4 to 12 gold facts and as many distractors. It draws its
own recall r ~ Beta(mu_r k, (1 - mu_r) k) and false-alarm rate
f ~ Beta(mu_f k, (1 - mu_f) k); each gold fact is found with probability r,
each distractor predicted with probability f. With k = 2 the facts of one
document correlate at 1 / (k + 1) = 1/3: an article the extractor reads badly
it reads badly throughout.

The truth is the micro score of the whole document population, the ratio of
expected summed counts. Document size is drawn apart from r and f, so with g
gold facts a document expects g mu_r TP, g mu_f FP and g (1 - mu_r) FN:
R = mu_r, P = mu_r / (mu_r + mu_f), F1 = 2 mu_r / (1 + mu_r + mu_f).
"""

from __future__ import annotations

import random

import pytest

from bench.scoring.cluster_intervals import DocumentCounts, document_intervals
from bench.scoring.fact_level import PRF
from bench.scoring.intervals import Intervals, fact_intervals

RUNS = 600
FLOOR = 0.93
CONCENTRATION = 2.0  # intra-document correlation 1 / (1 + 2)
EXTRACTORS = [(0.6, 0.3), (0.8, 0.2)]  # (mean recall, mean false-alarm rate) over documents


def truth(recall: float, false_alarm: float) -> dict[str, float]:
    return {"precision": recall / (recall + false_alarm), "recall": recall,
            "f1": 2 * recall / (1 + recall + false_alarm)}


def draw_document(rng: random.Random, recall: float, false_alarm: float) -> PRF:
    size = rng.randint(4, 12)
    r = rng.betavariate(recall * CONCENTRATION, (1 - recall) * CONCENTRATION)
    f = rng.betavariate(false_alarm * CONCENTRATION, (1 - false_alarm) * CONCENTRATION)
    tp = sum(rng.random() < r for _ in range(size))
    fp = sum(rng.random() < f for _ in range(size))
    return PRF(tp, fp, size - tp)


def covers(interval, value: float) -> bool:
    return interval.low - 1e-12 <= value <= interval.high + 1e-12


def coverage(documents: int, recall: float, false_alarm: float, seed: int) -> dict[str, dict[str, float]]:
    """Share of the simulated gold sets with an interval whose interval holds the truth, per kind and metric.

    A document interval is absent when fewer than 5 documents hold the ratio (at 5 documents, precision
    when a document predicts nothing): such runs make no claim and are left out, as undefined metrics are.
    """
    rng = random.Random(seed)
    target = truth(recall, false_alarm)
    hits: dict[str, dict[str, list[bool]]] = {kind: {m: [] for m in target} for kind in ("per fact", "per document")}
    for _ in range(RUNS):
        cells = tuple(draw_document(rng, recall, false_alarm) for _ in range(documents))
        found: dict[str, Intervals] = {"per fact": fact_intervals(sum(cells, PRF())),
                                       "per document": document_intervals(DocumentCounts(cells))}
        for kind, intervals in found.items():
            for metric, value in target.items():
                if (interval := getattr(intervals, metric)) is not None:
                    hits[kind][metric].append(covers(interval, value))
    return {kind: {metric: sum(found) / len(found) for metric, found in row.items()} for kind, row in hits.items()}


@pytest.mark.parametrize("documents", (5, 20, 40))
@pytest.mark.parametrize("recall, false_alarm", EXTRACTORS)
def test_per_fact_intervals_under_cover_and_document_intervals_hold(documents, recall, false_alarm):
    shares = coverage(documents, recall, false_alarm, seed=documents)
    print(f"\n{documents} documents, mean recall {recall}, false alarms {false_alarm}: "
          + "; ".join(f"{kind} " + ", ".join(f"{m} {c:.3f}" for m, c in row.items()) for kind, row in shares.items()))
    for metric in ("precision", "recall", "f1"):
        assert shares["per document"][metric] >= FLOOR, ("per document", metric, shares)
        if documents >= 20:  # with 5 documents the facts are few and Clopper–Pearson's own slack hides some of it
            assert shares["per fact"][metric] < 0.90, ("per fact", metric, shares)


def test_independent_facts_keep_the_document_interval_at_its_level():
    """Without correlation (every document at the same rates) the document interval is still honest."""
    rng = random.Random(7)
    hits = 0
    for _ in range(RUNS):
        cells = []
        for _ in range(20):
            size = rng.randint(4, 12)
            tp = sum(rng.random() < 0.8 for _ in range(size))
            cells.append(PRF(tp, 0, size - tp))
        hits += covers(document_intervals(DocumentCounts(tuple(cells))).recall, 0.8)
    assert hits / RUNS >= FLOOR, hits / RUNS
