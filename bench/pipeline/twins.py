"""A run on a gold set and on K of its seeded twins: does the extractor read, or recite?

The twins (seeds 1 to K) are built with :func:`bench.data.twins.build.write_twin`
in a temporary directory, removed afterwards. The extractor runs on the
original and on each twin alike (a trainable one leave-one-document-out on
each); each twin's run counts the answers reciting the original
(:mod:`bench.scoring.recitation`), and :mod:`bench.scoring.twin_gap` sums up
the differences.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from bench.data.results import Results
from bench.data.twins.build import write_twin
from bench.extraction.runner import RunOptions
from bench.pipeline.run import Watch, evaluate, unwatched
from bench.scoring.twin_gap import twins_summary


def evaluate_twins(
    extractor: str, gold_dir: Path | None, twins: int, level: str = "fact", mode: str = "strict",
    params: dict | None = None, with_ci: bool = True, options: RunOptions = RunOptions(), watch: Watch = unwatched,
    source_dir: Path | None = None,
) -> Results:
    """The results of ``extractor`` on the gold set in ``gold_dir`` (the bundled articles by default), with a
    ``twins`` summary of its runs on the twins of seeds 1 to ``twins``.

    ``with_ci`` applies to the original's rows; the twins' runs are scored without intervals.
    ``source_dir``: when ``gold_dir`` is itself a twin set, the set it was made from (see :func:`evaluate`).
    """
    original = evaluate(extractor, gold_dir, level, mode, params, with_ci, options, watch, source_dir)
    runs = []
    with tempfile.TemporaryDirectory(prefix="bench-twins-") as temporary:
        for seed in range(1, twins + 1):
            directory = Path(temporary) / f"twin-{seed}"
            write_twin(gold_dir, seed, directory)
            runs.append((seed, evaluate(extractor, directory, level, mode, params, False, options, watch,
                                        source_dir=gold_dir)))
    return replace(original, twins=twins_summary(original, runs))
