"""The Hugging Face export loads back with `datasets` and equals the source."""

from __future__ import annotations

import json

from bench.data.gold import load_gold
from bench.data.hf import gold_dataset, gold_rows


def test_gold_dataset_has_one_row_per_document_with_its_facts():
    gold = load_gold()
    dataset = gold_dataset(gold)
    assert dataset.num_rows == len(gold.documents)
    assert sum(len(row["facts"]) for row in dataset) == len(gold.facts)
    first = dataset[0]
    fact = first["facts"][0]
    assert first["text"][fact["start"] : fact["end"]] == fact["text"]


def test_export_loads_back_with_load_dataset(cli, tmp_path):
    from datasets import load_dataset

    out = tmp_path / "hf"
    result = cli("export", "--hf", out)
    assert result.exit_code == 0, result.output
    card = (out / "README.md").read_text(encoding="utf-8")
    assert card.startswith("---\n") and "path: data/test.parquet" in card and "| `date` | 30 |" in card
    source = gold_dataset(load_gold())
    loaded = load_dataset("parquet", data_files=str(out / "data" / "test.parquet"), split="train")
    assert loaded.to_list() == source.to_list() == gold_rows(load_gold())
    values = [json.loads(f["value"]) for row in loaded for f in row["facts"]]
    assert {"count": 50, "qualifier": "lt", "unit": "employees"} in values
