"""Cost of the 95% intervals on the bundled gold, against scoring without them.

Scores the regex baseline's predictions (run once) on the bundled gold at fact
level and at the strict mention level, alternating in each round the floor
(``score_run(..., ci=False)``) and the subject (``ci=True``). Prints per level
the median time of each and the median of the per-round differences and
ratios, with their range, and whether scoring imported numpy or scipy (the
intervals are pure Python, so it should not).

    python3 benchmarks/interval_speed.py [--rounds 21]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time


def timed(function) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=21)
    rounds = parser.parse_args().rounds

    from bench.data.gold import load_gold
    from bench.pipeline.run import predict_gold
    from bench.scoring.scorer import score_run

    gold = load_gold()
    model, _spec, predictions, _failures = predict_gold("regex", gold)
    before = {name for name in ("numpy", "scipy") if name in sys.modules}
    for level in ("fact", "strict"):
        floors, subjects = [], []
        for _ in range(rounds):
            floors.append(timed(lambda: score_run(gold, predictions, model.name, model.version, level, ci=False)))
            subjects.append(timed(lambda: score_run(gold, predictions, model.name, model.version, level, ci=True)))
        extra = [s - f for s, f in zip(subjects, floors)]
        ratios = [s / f for s, f in zip(subjects, floors)]
        print(f"{level:>6}: floor {statistics.median(floors) * 1e3:.1f} ms, with intervals "
              f"{statistics.median(subjects) * 1e3:.1f} ms; intervals add {statistics.median(extra) * 1e3:.1f} ms "
              f"(range {min(extra) * 1e3:.1f} to {max(extra) * 1e3:.1f}), ratio {statistics.median(ratios):.2f} "
              f"(range {min(ratios):.2f} to {max(ratios):.2f})")
    imported = sorted({name for name in ("numpy", "scipy") if name in sys.modules} - before)
    print(f"imported by scoring with intervals: {', '.join(imported) or 'nothing heavy'}")


if __name__ == "__main__":
    main()
