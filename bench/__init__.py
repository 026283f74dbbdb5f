"""factbench: a fact-extraction evaluation benchmark on real news text.

The plug-in API is what this module exports; nothing else is promised::

    from bench import Fact, Count, Official      # what an extractor returns
    from bench import Extractor, Trainable       # the extractor protocols (also Pretrained, Batched, Describing)
    from bench import option                     # a typed option of an extractor's Options dataclass
    from bench import ExtractorUnavailable       # raised from extract: no document can succeed, stop the run
    from bench import load_gold, gold_dataset    # the gold, and as a datasets.Dataset

Importing this package is cheap: the names load on first use, and datasets,
scikit-learn and spaCy are imported only inside the functions that need them.
"""

from importlib import import_module

__version__ = "0.1.0"

_EXPORTS = {
    "Fact": "bench.facts",
    "Count": "bench.facts",
    "Official": "bench.facts",
    "Extractor": "bench.extraction.extractor",
    "Trainable": "bench.extraction.extractor",
    "Pretrained": "bench.extraction.extractor",
    "Batched": "bench.extraction.extractor",
    "Describing": "bench.extraction.extractor",
    "option": "bench.extraction.options",
    "ExtractorUnavailable": "bench.errors",
    "load_gold": "bench.data.gold",
    "gold_dataset": "bench.data.hf",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'bench' has no attribute {name!r}")
    return getattr(import_module(_EXPORTS[name]), name)
