"""WCAG 2.x contrast, written out from the definition (relative luminance of sRGB), for the tests of colours."""

from __future__ import annotations


def rgb(colour: str) -> tuple[int, int, int]:
    """``#RRGGBB`` as 0-255 channels."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def luminance(channels) -> float:
    """Relative luminance: each channel linearized (the sRGB curve), then weighted 0.2126, 0.7152, 0.0722."""
    linear = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(ink, paper) -> float:
    """WCAG 2 contrast ratio (L1 + 0.05) / (L2 + 0.05) of two colours, ``#RRGGBB`` or 0-255 channels.

    >>> round(contrast([0, 0, 0], [255, 255, 255]), 1), round(contrast("#767676", "#FFFFFF"), 2)
    (21.0, 4.54)
    """
    high, low = sorted((luminance(rgb(c) if isinstance(c, str) else c) for c in (ink, paper)), reverse=True)
    return (high + 0.05) / (low + 0.05)
