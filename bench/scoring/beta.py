"""The regularized incomplete beta function and its inverse, in pure Python.

Exact binomial (Clopper–Pearson) bounds are Beta quantiles. scipy has them,
but importing ``scipy.special`` takes several times as long as importing
numpy, and far longer than all the bounds of a run take here (milliseconds). The function is the continued fraction of
Numerical Recipes (Press et al., 3rd ed., §6.4) evaluated by the modified
Lentz method; the inverse is Newton's method kept inside a shrinking bracket.
"""

from __future__ import annotations

import math

_TINY = 1e-300
_EPSILON = 3e-16


def _continued_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of I_x(a, b), converging fast for x < (a + 1) / (a + b + 2)."""
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > _TINY else _TINY)
    fraction = d
    for m in range(1, 10_000):
        for numerator in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                          -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1 + numerator * d
            d = 1 / (d if abs(d) > _TINY else _TINY)
            c = 1 + numerator / c
            c = c if abs(c) > _TINY else _TINY
            fraction *= c * d
        if abs(c * d - 1) < _EPSILON:
            return fraction
    raise ArithmeticError(f"incomplete beta did not converge for a={a}, b={b}, x={x}")


def regularized_beta(x: float, a: float, b: float) -> float:
    """I_x(a, b): the Beta(a, b) distribution function at x, for a, b > 0.

    >>> regularized_beta(0.5, 1, 1), round(regularized_beta(0.3, 2, 3), 6)
    (0.5, 0.3483)
    """
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    if x < (a + 1) / (a + b + 2):
        return math.exp(log_front) * _continued_fraction(a, b, x) / a
    return 1 - math.exp(log_front) * _continued_fraction(b, a, 1 - x) / b


def beta_quantile(probability: float, a: float, b: float) -> float:
    """The x with I_x(a, b) = probability, to within about 1e-14.

    Newton steps on the distribution (its derivative is the Beta density),
    kept inside a bracket that shrinks every step: a step that would leave the
    bracket is replaced by bisection, so it cannot diverge.

    >>> round(beta_quantile(0.5, 2, 2), 12), round(beta_quantile(0.025, 1, 1), 12)
    (0.5, 0.025)
    """
    log_norm = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
    low, high, x = 0.0, 1.0, a / (a + b)  # start at the mean
    for _ in range(400):
        error = regularized_beta(x, a, b) - probability
        low, high = (x, high) if error < 0 else (low, x)
        log_density = log_norm + (a - 1) * math.log(x) + (b - 1) * math.log1p(-x)
        newton = x - error / math.exp(log_density) if log_density > -700 else -1.0
        if abs(newton - x) < 1e-15:  # converged; x may be a bracket end, so test before bisecting away from it
            return newton
        following = newton if low < newton < high else (low + high) / 2
        if high - low < 1e-14:
            return following
        x = following
    raise ArithmeticError(f"Beta quantile did not converge for p={probability}, a={a}, b={b}")
