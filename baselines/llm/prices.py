"""What the model's tokens cost: from ``--param price_in=… price_out=… [price_cached=…]`` or a prices file.

Prices are per million tokens. A prices file (``--param prices=FILE``, or
``$BENCH_LLM_PRICES``, which lets ``bench check`` price the runs it re-runs) maps
model names to ``{input, output, cached?}`` with the ``date`` the prices were
read and their ``source``; ``gold/schema/prices.schema.json`` checks it::

    {"date": "2025-05-01", "source": "https://example.com/pricing", "currency": "USD",
     "models": {"tiny": {"input": 0.15, "output": 0.60, "cached": 0.075}}}

No price for the model (no parameter, no file, or a file that does not list
it) leaves the cost unknown, never 0.
"""

from __future__ import annotations

import os
from pathlib import Path

from baselines.llm.client import LLMConfigError
from bench.data.jsonl import read_json
from bench.data.schema import check_record
from bench.extraction.api import Prices

PRICES_ENV = "BENCH_LLM_PRICES"


def token_prices(model: str, price_in: float | None, price_out: float | None, price_cached: float | None,
                 prices_file: str | Path | None) -> Prices | None:
    """The prices of ``model``'s tokens: the parameters, else the prices file's entry (``$BENCH_LLM_PRICES`` by default).

    Raises:
        LLMConfigError: for half a price (one of price_in and price_out), a negative price, or both ways at once.
        InputError: for a prices file that cannot be read or breaks its schema (naming the field).
    """
    given = {"price_in": price_in, "price_out": price_out, "price_cached": price_cached}
    if any(value is not None and not value >= 0 for value in given.values()):
        raise LLMConfigError(f"prices cannot be negative (got {', '.join(f'{k}={v}' for k, v in given.items() if v is not None)})")
    if price_in is None and price_out is None:
        if price_cached is not None:
            raise LLMConfigError("price_cached needs price_in and price_out too")
        file = prices_file or os.environ.get(PRICES_ENV) or None
        return None if file is None else from_file(model, file)
    if price_in is None or price_out is None:
        raise LLMConfigError("give both price_in and price_out (per million tokens), or neither")
    if prices_file is not None:
        raise LLMConfigError("give price_in and price_out, or a prices file, not both")
    return Prices(price_in, price_out, price_cached, source="--param price_in, price_out")


def from_file(model: str, path: str | Path) -> Prices | None:
    """``model``'s prices in the prices file ``path``; None when the file does not list the model."""
    raw = read_json(path)
    check_record(raw, "prices", str(path), None)
    entry = raw["models"].get(model)
    if entry is None:
        return None
    return Prices(float(entry["input"]), float(entry["output"]),
                  float(entry["cached"]) if "cached" in entry else None, raw.get("currency", ""),
                  f"{path} ({raw['source']}, {raw['date']})")
