"""Mention-level scoring against nervaluate on the same mentions, the four schemes computed together.

``--mentions`` gold mentions at 10 and at 100 per document, and as many
predictions drawn around them (exact, shifted, retyped, missed, spurious).
Each round times nervaluate's ``Evaluator(...).evaluate()`` (its four
strategies, overall and per type) and then
:func:`bench.scoring.mention_level.score_mentions` (four schemes, per type,
value accuracy) in the same process; the figure is the median of per-round
ratios, ours to theirs, with min and max.
"""

from __future__ import annotations

import random

from method import Ratio, Verdict, alternate

TARGET = 1.0


def mentions(total: int, per_doc: int, seed: int = 0) -> tuple[list, list]:
    """Gold mentions and predictions as bench Facts, laid out left to right in each document."""
    from bench.facts import FACT_TYPES, Fact

    rng, gold, predicted = random.Random(seed), [], []
    for doc in range(total // per_doc):
        position, doc_id = 0, f"d{doc}"
        for _ in range(per_doc):
            position += rng.randint(3, 60)
            length, fact_type, roll = rng.randint(2, 25), rng.choice(FACT_TYPES), rng.random()
            gold.append(Fact(doc_id, fact_type, "v", start=position, end=position + length))
            if roll < 0.6:
                predicted.append(Fact(doc_id, fact_type, "v", start=position, end=position + length))
            elif roll < 0.75:
                predicted.append(Fact(doc_id, fact_type, "v", start=position + rng.randint(0, 2),
                                      end=position + length + rng.randint(-1, 3)))
            elif roll < 0.85:
                predicted.append(Fact(doc_id, rng.choice(FACT_TYPES), "v", start=position, end=position + length))
            elif roll < 0.95:
                predicted.append(Fact(doc_id, fact_type, "v", start=position + length + 1, end=position + length + 5))
            position += length
    return gold, predicted


def _as_nervaluate(gold: list, predicted: list) -> tuple[list, list]:
    """Per document, dicts with inclusive ends, as nervaluate's dict loader reads them."""
    documents: dict[str, tuple[list, list]] = {}
    for side, facts in enumerate((gold, predicted)):
        for fact in facts:
            documents.setdefault(fact.doc_id, ([], []))[side].append(
                {"label": fact.type, "start": fact.start, "end": fact.end - 1})
    return [g for g, _ in documents.values()], [p for _, p in documents.values()]


def section(total: int, rounds: int) -> list[Verdict]:
    try:
        from nervaluate import Evaluator
    except ImportError:
        print("\n6. mention scoring vs nervaluate: not measured (pip install nervaluate, or the test extra)")
        return [Verdict("mention scoring vs nervaluate", "nervaluate missing", f"<= {TARGET:g}x", False)]
    from bench.facts import FACT_TYPES
    from bench.scoring.mention_level import score_mentions

    print(f"\n6. mention scoring, {total:,} gold mentions and about as many predictions, {rounds} alternating rounds "
          "in this process: nervaluate Evaluator.evaluate() then score_mentions (four schemes each)")
    verdicts = []
    for per_doc in (10, 100):
        gold, predicted = mentions(total, per_doc)
        true, pred = _as_nervaluate(gold, predicted)
        times = alternate({
            "nervaluate": lambda: Evaluator(true, pred, tags=list(FACT_TYPES), loader="dict").evaluate(),
            "ours": lambda: score_mentions(gold, predicted),
        }, rounds)
        ratio = Ratio.of(times["ours"], times["nervaluate"])
        print(f"  {per_doc:3d} per document: nervaluate {min(times['nervaluate']):6.2f} s, ours {min(times['ours']):6.2f} s "
              f"(fastest rounds); ours/nervaluate {ratio}")
        verdicts.append(Verdict(f"mention scoring vs nervaluate, {per_doc}/doc", str(ratio), f"<= {TARGET:g}x",
                                ratio.median <= TARGET))
    return verdicts
