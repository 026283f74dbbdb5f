"""factbench: a fact-extraction evaluation benchmark on real news text.

The plug-in API is what this module exports; nothing else is promised:

    from bench import Fact, Count, Official      # what an extractor returns
    from bench import DateValue, AgencyName      # a date's and an agency's value, to type checkers (a str at run time)
    from bench import Extractor, Trainable       # the extractor protocols (also Pretrained, Batched, Describing)
    from bench import option                     # a typed option of an extractor's Options dataclass
    from bench import ExtractorUnavailable       # raised from extract: no document can succeed, stop the run
    from bench import extract_one, DocumentRun, DocumentTimeout  # running documents yourself (see bench.extraction.api)
    from bench import Metered, Usage, DocumentUsage, Prices  # what a model extractor spent (see bench.extraction.metered)
    from bench import load_gold, gold_dataset    # the gold, and as a datasets.Dataset
    from bench import GoldMention                # a gold fact: a Fact whose text, offsets and id are always there

Importing this package is cheap: the names load on first use, and datasets,
scikit-learn and spaCy are imported only inside the functions that need them.
"""

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # what the names below are, for type checkers; at run time each loads on first use
    from bench.data.gold import load_gold
    from bench.data.hf import gold_dataset
    from bench.errors import ExtractorUnavailable
    from bench.extraction.api import DocumentRun, DocumentTimeout, DocumentUsage, Metered, Prices, Usage, extract_one
    from bench.extraction.extractor import (
        Batched,
        Describing,
        Extractor,
        Pretrained,
        Trainable,
    )
    from bench.extraction.options import option
    from bench.facts import AgencyName, Count, DateValue, Fact, GoldMention, Official

__version__ = "0.1.0"

_EXPORTS = {
    "Fact": "bench.facts",
    "Count": "bench.facts",
    "Official": "bench.facts",
    "DateValue": "bench.facts",
    "AgencyName": "bench.facts",
    "GoldMention": "bench.facts",
    "Extractor": "bench.extraction.extractor",
    "Trainable": "bench.extraction.extractor",
    "Pretrained": "bench.extraction.extractor",
    "Batched": "bench.extraction.extractor",
    "Describing": "bench.extraction.extractor",
    "option": "bench.extraction.options",
    "ExtractorUnavailable": "bench.errors",
    "DocumentRun": "bench.extraction.api",
    "DocumentTimeout": "bench.extraction.api",
    "extract_one": "bench.extraction.api",
    "Metered": "bench.extraction.api",
    "Usage": "bench.extraction.api",
    "DocumentUsage": "bench.extraction.api",
    "Prices": "bench.extraction.api",
    "load_gold": "bench.data.gold",
    "gold_dataset": "bench.data.hf",
}
__all__ = ["AgencyName", "Batched", "Count", "DateValue", "Describing", "DocumentRun", "DocumentTimeout", "DocumentUsage",
           "Extractor", "ExtractorUnavailable", "Fact", "GoldMention", "Metered", "Official", "Pretrained", "Prices",
           "Trainable", "Usage", "extract_one", "gold_dataset", "load_gold", "option"]  # _EXPORTS' names


def __getattr__(name: str) -> object:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'bench' has no attribute {name!r}")
    return getattr(import_module(_EXPORTS[name]), name)
