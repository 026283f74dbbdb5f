"""The one palette of every page: Okabe–Ito colours, one per fact type and outcome kind, and a few UI colours.

Okabe and Ito's eight colours stay distinct under the common colour-vision
deficiencies. Type labels print black on their type's colour and text prints
near-black on its tint (30% of the colour on white), so all text meets WCAG
AA (4.5:1). Pages read the colours as CSS custom properties, set once by the
base template from :func:`css_variables`. Failure rates are shaded on one
scale (:func:`rate_step`): tints of vermillion, darker for more failures, each
step printed in the legend and never the only cue.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import pairwise

OKABE_ITO = {"orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73", "yellow": "#F0E442",
             "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7", "black": "#000000"}
TYPE_COLOURS = {"date": OKABE_ITO["orange"], "headcount": OKABE_ITO["sky_blue"], "user_count": OKABE_ITO["bluish_green"],
                "agency": OKABE_ITO["yellow"], "official": OKABE_ITO["reddish_purple"]}
KIND_COLOURS = {"missed": OKABE_ITO["vermillion"], "spurious": OKABE_ITO["reddish_purple"], "wrong_value": OKABE_ITO["orange"],
                "wrong_type": OKABE_ITO["blue"], "wrong_boundary": OKABE_ITO["blue"], "partial": OKABE_ITO["sky_blue"],
                "value_differs": OKABE_ITO["orange"]}
UI_COLOURS = {
    "ink": "#1A1A1A",  # body text
    "quiet": "#404040",  # small print
    "paper": "#FFFFFF",
    "on-colour": OKABE_ITO["black"],  # text on a fact type's full colour
    "link": "#005A8F",
    "flag": "#8A1C00",  # "unreviewed"
    "line": "#BBBBBB",  # borders
    "grid": "#999999",
    "bar": OKABE_ITO["blue"],
    "whisker": OKABE_ITO["black"],
    "mark": OKABE_ITO["yellow"],  # the mention in an error's context
    "quote": "#F3F3F3",  # behind an error's context
}
TINT_SHARE = 0.3
RATE_BOUNDS = (0.05, 0.15, 0.3, 0.5)  # where each step of the failure-rate scale starts
RATE_SHARES = (0.0, 0.12, 0.25, 0.38, 0.5)  # vermillion over white per step: small print stays at WCAG AA on the darkest


def tint(colour: str, share: float = TINT_SHARE) -> str:
    """``colour`` laid over white at ``share`` opacity.

    >>> tint("#E69F00"), tint("#000000", 0.5)
    ('#F8E2B2', '#808080')
    """
    channels = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(share * c + (1 - share) * 255):02X}" for c in channels)


def type_class(fact_type: str) -> str:
    """The CSS class that colours a fact type; ``t-other`` for a type the palette does not know.

    >>> type_class("date"), type_class('x" onclick="y')
    ('t-date', 't-other')
    """
    return f"t-{fact_type}" if fact_type in TYPE_COLOURS else "t-other"


def kind_class(kind: str) -> str:
    """The CSS class that marks an outcome kind; ``k-other`` for a kind the palette does not know.

    >>> kind_class("missed"), kind_class("gone")
    ('k-missed', 'k-other')
    """
    return f"k-{kind}" if kind in KIND_COLOURS else "k-other"


def rate_step(rate: float) -> int:
    """The step of the failure-rate scale a rate falls on, 0 (under 5%) to 4 (half or more).

    >>> [rate_step(r) for r in (0.0, 0.05, 0.149, 0.3, 0.5, 1.0)]
    [0, 1, 1, 3, 4, 4]
    """
    return bisect_right(RATE_BOUNDS, rate)


def rate_legend() -> list[tuple[int, str]]:
    """Each step of the failure-rate scale and the rates it covers, for a legend.

    >>> rate_legend()[0], rate_legend()[-1]
    ((0, 'under 0.05'), (4, '0.50 or more'))
    """
    bounds = [f"{b:.2f}" for b in RATE_BOUNDS]
    middle = [f"{low}–{high}" for low, high in pairwise(bounds)]
    return list(enumerate([f"under {bounds[0]}", *middle, f"{bounds[-1]} or more"]))


def css_variables() -> dict[str, str]:
    """Custom property name (without ``--``) -> colour: UI colours, ``t-TYPE``, ``t-TYPE-tint``, ``k-KIND``, ``rate-N``."""
    types = {f"t-{name}": colour for name, colour in TYPE_COLOURS.items()}
    tints = {f"t-{name}-tint": tint(colour) for name, colour in TYPE_COLOURS.items()}
    kinds = {f"k-{name}": colour for name, colour in KIND_COLOURS.items()}
    rates = {f"rate-{step}": tint(OKABE_ITO["vermillion"], share) for step, share in enumerate(RATE_SHARES)}
    return UI_COLOURS | types | tints | kinds | rates
