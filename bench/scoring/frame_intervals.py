"""The interval of a capability's failure (or flip) rate when cases written from one frame fail together.

Cases of a capability come from a dozen frames, and an extractor that
misreads a frame misreads most of its cases: they are no more independent
than the facts of one article. So the frames are the sampled units here, as
documents are in :mod:`bench.scoring.cluster_intervals`, whose design effect
this reuses: Clopper–Pearson at the effective sample n / deff, deff from the
spread of the frames' failure shares (cluster-robust variance of the ratio)
times the small-sample allowance (t_(k-1) / z)², never below 1.

Three choices of ours on top, each checked by simulation:

- deff is capped at n / k (k frames): every case of a frame alike, the
  strongest correlation there is, makes each frame one trial; an estimate
  above that is noise of the allowance.
- When no case fails (or every case does) the frames show no spread, yet a
  dozen frames that all pass cannot show that a rarer frame would fail. There
  deff is Kish's 1 + (m̄ - 1)·ρ with a modest intra-frame correlation
  ρ = ``BOUNDARY_ICC`` (0.1), not 1: 0 failures in 100 cases over 10 frames
  gives [0, 0.068] instead of the binomial [0, 0.036].
- Under ``MIN_DOCUMENTS`` (5) frames (a small suite built for a test) the
  spread says nothing and the interval takes the worst case, one trial per
  frame.

Why not a cluster bootstrap over frames: it collapses to [0, 0] when no case
fails, a certainty a dozen frames cannot give, and needs numpy and a seed.

Coverage (``tests/test_frame_intervals.py``; 100 cases over 10 or 14 frames,
frame failure rates drawn from a Beta of mean μ and intra-frame correlation
ICC, 400 runs a setting): 93% or more, within the simulation's error of about
a point, wherever ICC ≤ 0.2, and at ICC 0.5 for μ ≤ 0.05 and μ ≥ 0.2. It falls short around μ = 0.1 with strong
clustering (ICC 0.3: about 91%; ICC 0.5: 85% with 10 frames, 89% with 14):
one or two frames that fail almost entirely then decide the rate, and a dozen
frames cannot pin it down. Read the interval of such a capability (few frames
failing, each almost wholly) as a lower bound on the uncertainty.
"""

from __future__ import annotations

from collections.abc import Iterable

from bench.scoring.cluster_intervals import MIN_DOCUMENTS, design_effect
from bench.scoring.intervals import CONFIDENCE, Interval, proportion_interval

BOUNDARY_ICC = 0.1
METHOD = ("over frames: Clopper–Pearson at n / deff, deff from the frames' spread (cluster-robust, times "
          f"(t/z)²) between 1 and n / frames; Kish's 1 + (m - 1)·{BOUNDARY_ICC} when no case or every case fails; "
          f"one trial per frame under {MIN_DOCUMENTS} frames")


def frame_interval(pairs: Iterable[tuple[int, int]], confidence: float = CONFIDENCE) -> Interval | None:
    """Interval of Σfailures / Σcases from each frame's (failures, cases); None when no frame has a case.

    >>> round(frame_interval([(0, 10)] * 10).high, 4)  # no failure in 10 frames of 10: Kish deff 1.9
    0.0677
    >>> frame_interval([(10, 10), (0, 10)]) == proportion_interval(1, 2)  # two frames: one trial each
    True
    """
    held = [(y, m) for y, m in pairs if m]
    if not held:
        return None
    failures, cases = sum(y for y, _ in held), sum(m for _, m in held)
    per_frame = cases / len(held)
    if len(held) < MIN_DOCUMENTS:
        deff = per_frame
    elif failures in (0, cases):
        deff = 1 + (per_frame - 1) * BOUNDARY_ICC
    else:
        deff = min(design_effect([y for y, _ in held], [m for _, m in held], confidence), per_frame)
    return proportion_interval(failures / deff, cases / deff, confidence)
