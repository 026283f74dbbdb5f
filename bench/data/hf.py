"""The gold as a Hugging Face ``datasets.Dataset``, and an export ready for the Hub."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from bench.data.gold import Gold
from bench.data.jsonl import atomic_path, write_text_atomic
from bench.data.resources import gold_dir
from bench.facts import FACT_TYPES

DATA_FILE = "data/test.parquet"


def _row_fact(raw: dict) -> dict:
    """A fact inside its document's row: no doc id, the value as a JSON string."""
    raw.pop("doc_id")
    return {**raw, "value": json.dumps(raw["value"], ensure_ascii=False, sort_keys=True)}


def gold_rows(gold: Gold) -> list[dict]:
    """One row per document: its text, published date, source and facts.

    A fact's ``value`` is JSON-encoded, since its shape depends on the fact type.
    """
    manifest = {record.id: record for record in gold.manifest}
    rows = []
    for doc in gold.documents:
        record = manifest.get(doc.id)
        facts = [_row_fact(fact.to_dict()) for fact in gold.facts_of(doc.id)]
        rows.append({
            "id": doc.id,
            "text": doc.text,
            "published": doc.published.isoformat() if doc.published else None,
            "outlet": record.outlet if record else None,
            "title": record.title if record else None,
            "facts": facts,
        })
    return rows


def gold_dataset(gold: Gold):
    """The gold as a ``datasets.Dataset`` (imports datasets)."""
    import datasets
    from datasets import Dataset

    datasets.disable_progress_bars()  # stderr keeps to one line per problem

    return Dataset.from_list(gold_rows(gold))


def _subject(gold: Gold) -> str:
    """What the articles are: told for the bundled set, counted for any other."""
    if gold.facts_file and Path(gold.facts_file).parent.resolve() == gold_dir().resolve():
        return ("Five news articles of July 2024 (Kaspersky winding down its US operations after\n"
                "the US Commerce Department banned its products), kept byte-for-byte as received")
    count = f"{len(gold.documents)} article{'s' if len(gold.documents) != 1 else ''}"
    if gold.manifest and all(record.source_document for record in gold.manifest):
        return f"{count}, rebuilt from a source corpus's tokens (each row's `source_document`) and kept as rebuilt"
    return f"{count}, kept byte-for-byte as received"


_OPEN_LICENCES = {"CC BY 2.5": "cc-by-2.5", "CC BY 4.0": "cc-by-4.0"}


def _licence(gold: Gold) -> tuple[str, str]:
    """The card's licence front matter and its sources sentence: open only when every text's manifest line says so."""
    licences = {record.license for record in gold.manifest}
    if len(licences) == 1 and (only := licences.pop()) in _OPEN_LICENCES:
        return (f"license: {_OPEN_LICENCES[only]}",
                f"Sources: each row's manifest line names its source page (`source_url`). The texts are licensed\n"
                f"  {only}: credit their authors and link the source and the licence when you reuse them.")
    return ("license: other\nlicense_name: news-articles-research-use",
            "Sources: the outlets named in each row (`outlet`, `title` where the text tells\n"
            "  them). The article texts remain their publishers' property; they are shared\n"
            "  here for research evaluation only (license note: not an open license).")


def dataset_card(gold: Gold) -> str:
    counts = Counter(fact.type for fact in gold.facts)
    type_lines = "\n".join(f"| `{t}` | {counts[t]} |" for t in FACT_TYPES)
    licence, sources = _licence(gold)
    return f"""---
{licence}
language:
- en
pretty_name: factbench gold {gold.version}
task_categories:
- token-classification
tags:
- information-extraction
- temporal-normalization
- evaluation
size_categories:
- n<1K
configs:
- config_name: default
  data_files:
  - split: test
    path: {DATA_FILE}
---

# factbench gold {gold.version}

{_subject(gold)},
with every mention of five fact types labeled by hand: character offsets
(Python string indices into `text`) and a normalized value.

- Gold version {gold.version}, content hash `{gold.hash}`.
- {sources}
- Each fact's `value` is a JSON string: an ISO 8601 date (`date`), an object
  `{{count, qualifier, unit}}` (`headcount`, `user_count`), a canonical name
  (`agency`) or `{{name, title}}` (`official`).
- Annotation rules: GUIDELINES.md of the factbench repository.

| type | mentions |
|---|---|
{type_lines}
| all | {len(gold.facts)} |
"""


def export_hf(gold: Gold, directory: Path) -> list[Path]:
    """Write the data file and the dataset card into ``directory``; returns the paths written."""
    data_path = directory / DATA_FILE
    card_path = directory / "README.md"
    with atomic_path(data_path) as tmp:
        gold_dataset(gold).to_parquet(str(tmp))
    write_text_atomic(card_path, dataset_card(gold))
    return [data_path, card_path]
