"""The scorer: a run's predictions against the gold, into a :class:`~bench.data.results.Results`.

The one path from predictions to results behind ``bench eval``, ``bench score``
and ``bench check``; running the extractor that made them is
:mod:`bench.pipeline.run`'s job.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from bench import __version__
from bench.data.gold import Gold
from bench.data.results import LEVELS, DocumentRow, InstalledVersions, MetricRow, Results
from bench.data.runspec import RunSpec
from bench.facts import FACT_TYPES, Fact
from bench.scoring.fact_level import MODES


def _counts_of(rows) -> dict[str, dict[str, float]]:
    return {row.label: {"tp": row.tp, "fp": row.fp, "fn": row.fn} for row in rows}


def _fact_rows(outcomes, doc_ids: list[str], ci: bool):
    from bench.scoring.cluster_intervals import score_document_intervals
    from bench.scoring.fact_level import Score
    from bench.scoring.intervals import METHOD, fact_intervals, macro_intervals

    score = Score.of(outcomes, doc_ids)
    over_documents = score_document_intervals(score.per_document) if ci and len(doc_ids) > 1 else {}

    def doc_ci(label: str) -> dict:
        return over_documents[label].to_dict() if over_documents else {}

    rows = [
        MetricRow(label, prf.tp, prf.fp, prf.fn, prf.support, prf.precision, prf.recall, prf.f1,
                  fact_intervals(prf).to_dict() if ci else {}, doc_ci(label))
        for label, prf in [*score.per_type.items(), ("micro", score.micro)]
    ]
    micro, macro = score.micro, score.macro
    rows.append(MetricRow("macro", micro.tp, micro.fp, micro.fn, micro.support, macro.precision, macro.recall, macro.f1,
                          macro_intervals(list(score.per_type.values()), fact_intervals).to_dict() if ci else {},
                          doc_ci("macro")))
    documents = {doc: _counts_of(MetricRow(t, p.tp, p.fp, p.fn, p.support, None, None, None) for t, p in cells.items())
                 for doc, cells in score.per_document.items()}
    return rows, documents, None, METHOD if ci else ""


def _mention_row(label: str, counts, ci: dict) -> MetricRow:
    gold_credit = counts.gold_correct + 0.5 * counts.gold_partial
    pred_credit = counts.pred_correct + 0.5 * counts.pred_partial
    return MetricRow(label, gold_credit, counts.actual - pred_credit, counts.possible - gold_credit, counts.possible,
                     counts.precision, counts.recall, counts.f1, ci)


def _mention_rows(outcomes, doc_ids: list[str], level: str, ci: bool):
    from bench.scoring.fact_level import MacroAverage
    from bench.scoring.intervals import MENTION_METHOD, macro_intervals, mention_intervals
    from bench.scoring.mention_level import MentionCounts, ValueAccuracy, document_scores

    scores = document_scores(outcomes)  # alignment never crosses documents, so totals are sums
    per_doc = [scores[doc] for doc in doc_ids if doc in scores]
    by_type = {t: sum((score.schemes[level][t] for score in per_doc), MentionCounts()) for t in FACT_TYPES}
    value_counts = {t: sum((score.values[t] for score in per_doc), ValueAccuracy()) for t in FACT_TYPES}

    def ci_of(counts: MentionCounts) -> dict:
        return mention_intervals(counts).to_dict() if ci else {}

    total = sum(by_type.values(), MentionCounts())
    rows = [*(_mention_row(t, by_type[t], ci_of(by_type[t])) for t in FACT_TYPES), _mention_row("micro", total, ci_of(total))]
    macro = MacroAverage.of(by_type.values())
    micro = rows[-1]
    rows.append(MetricRow("macro", micro.tp, micro.fp, micro.fn, micro.support, macro.precision, macro.recall, macro.f1,
                          macro_intervals(list(by_type.values()), mention_intervals).to_dict() if ci else {}))
    documents = {doc: _counts_of(_mention_row(t, c, {}) for t, c in scores[doc].schemes[level].items()
                                 if c.possible or c.actual) for doc in doc_ids if doc in scores}
    values = {t: v.to_dict() for t, v in value_counts.items()}
    values |= {"overall": sum(value_counts.values(), ValueAccuracy()).to_dict(), "unscored": outcomes.unscored}
    return rows, documents, values, MENTION_METHOD if ci else ""


def _scored(gold: Gold, predictions: Sequence[Fact], level: str, mode: str, ci: bool):
    """Align once; the rows, per-document counts, value accuracy, interval method and errors, all read from it."""
    from bench.scoring.error_analysis import fact_errors, first_mentions, mention_errors

    doc_ids, texts = [doc.id for doc in gold.documents], {doc.id: doc.text for doc in gold.documents}
    if level == "fact":
        from bench.scoring.fact_level import fact_outcomes

        gold_first = first_mentions(gold.facts, gold.aliases)
        predicted_first = first_mentions(predictions, gold.aliases)
        outcomes = fact_outcomes(set(gold_first), set(predicted_first), mode)
        return *_fact_rows(outcomes, doc_ids, ci), fact_errors(outcomes, gold_first, predicted_first, texts)
    from bench.scoring.mention_level import mention_outcomes

    mentions = mention_outcomes(gold.facts, predictions, gold.aliases, mode)
    return (*_mention_rows(mentions, doc_ids, level, ci),
            mention_errors(mentions.schemes["type"], texts, gold.aliases))


def score_run(
    gold: Gold, predictions: Sequence[Fact], extractor: str, version: str, level: str = "fact", mode: str = "strict",
    failures: Mapping[str, str] | None = None, ci: bool = True, run: RunSpec | None = None,
) -> Results:
    """Score predictions on the gold at ``level`` (fact, or a mention scheme) into a :class:`Results`.

    ``run`` says what ran (default: just the extractor's name, as for a predictions file).
    """
    from bench.scoring.cluster_intervals import DOCUMENT_METHOD

    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}")
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    rows, doc_counts, values, ci_method, errors = _scored(gold, predictions, level, mode, ci)
    failures = failures or {}
    documents = tuple(DocumentRow(doc.id, doc_counts.get(doc.id, {}), failures.get(doc.id)) for doc in gold.documents)
    return Results(
        extractor=extractor, extractor_version=str(version), gold_version=gold.version, gold_hash=gold.hash,
        level=level, mode=mode, rows=tuple(rows), documents=documents,
        errors=tuple(error.to_dict() for error in errors),
        predictions=tuple(fact.to_dict() for fact in predictions), value_accuracy=values,
        ci_method=ci_method, doc_ci_method=DOCUMENT_METHOD if any(row.doc_ci for row in rows) else "",
        timestamp=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), packages=InstalledVersions(),
        run=run or RunSpec(extractor, extractor, package_version=__version__),
    )


def score_suite(suite, predictions: Sequence[Fact], extractor: str, version: str, level: str = "fact",
                mode: str = "strict", failures: Mapping[str, str] | None = None, ci: bool = True,
                run: RunSpec | None = None) -> Results:
    """Score predictions on a capability suite: per-type scores on its source cases, plus each capability's rates.

    Variants (INV, DIR) repeat their source's facts, so they count once, in their capability's flip rate.
    The results keep every prediction, on variants too: the evidence behind the rates.
    """
    from dataclasses import replace

    from bench.scoring.capabilities import failure_rows

    sources = {doc.id for doc in suite.source_gold.documents}
    on_sources = [fact for fact in predictions if fact.doc_id in sources]
    results = score_run(suite.source_gold, on_sources, extractor, version, level, mode, failures, ci, run)
    rows = failure_rows(suite, predictions)
    return replace(results, suite=suite.identity(), capabilities=tuple(row.to_dict() for row in rows),
                   predictions=tuple(fact.to_dict() for fact in predictions))
