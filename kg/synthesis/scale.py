"""The analysis scale of an effect measure and the standard error a printed figure implies.

Meta-analysis packages pool ratios on the log scale and differences as they are, each with a
standard error; reports print an estimate with a confidence interval (or only a p-value).  The
standard error is recovered from the interval at its printed level: a two-sided interval at
level L spans 2·z·SE on the analysis scale, z the (1 + L) / 2 quantile of the standard normal
(Cochrane Handbook, section 6.3.1); a one-sided interval reaches z·SE from the estimate, z the L
quantile.  Where only an exact p-value is printed, SE = |estimate| / z with z the 1 - p/2
quantile (Altman & Bland, BMJ 2011;343:d2090, "How to obtain the confidence interval from a P
value"): flagged as such, and never from a bound ("P<0.001") that is not a value.  A
comparison printed by its p-value alone whose two arms print their events of N ("5 of 25 vs.
12 of 23; P less than 0.02") becomes a log odds ratio with Woolf's SE, sqrt(1/a + 1/b + 1/c +
1/d), flagged ``arm-counts`` (no cell may be empty: no continuity correction is guessed).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from statistics import NormalDist

# ctkg statistic -> effect measure: (short name, on the log scale)
MEASURES: dict[str, tuple[str, bool]] = {
    "hazard_ratio": ("HR", True),
    "odds_ratio": ("OR", True),
    "risk_ratio": ("RR", True),
    "ratio": ("ratio", True),
    "mean_difference": ("MD", False),
    "least_squares_mean_difference": ("MD", False),
    "risk_difference": ("RD", False),
}
DEFAULT_LEVEL = Decimal(95)  # an interval printed without its level ("0.88 (0.68-1.16)")


def measure(statistic: str, unit: str | None) -> tuple[str, bool] | None:
    """The effect measure a comparison states; a plain 'difference' of percentages is a risk
    difference (in percentage points), any other plain difference a mean difference."""
    if statistic == "difference":
        percent = unit is not None and ("percent" in unit.lower() or "%" in unit)
        return ("RD", False) if percent else ("MD", False)
    return MEASURES.get(statistic)


@dataclass(frozen=True)
class Scaled:
    """A figure on its analysis scale: the estimate, its standard error, how the SE was had."""

    y: float | None
    se: float | None
    se_method: str | None  # "ci" | "ci-one-sided" | "p-value" | "arm-counts" | None (no SE)
    note: str | None = None  # why no SE, or what was assumed


def to_scale(value: Decimal | None, log: bool) -> float | None:
    """The value on the analysis scale; a ratio that is not positive has no log and gives None."""
    if value is None:
        return None
    if not log:
        return float(value)
    return math.log(value) if value > 0 else None


def standard_error(
    estimate: Decimal | None,
    lower: Decimal | None,
    upper: Decimal | None,
    level: Decimal | None,
    sides: str | None,
    p_value: Decimal | None,
    p_qualifier: str | None,
    log: bool,
) -> Scaled:
    """The estimate on the analysis scale and the SE from the interval, else the exact p-value."""
    y = to_scale(estimate, log)
    if y is None:
        return Scaled(None, None, None, "no estimate on the analysis scale")
    lo, hi = to_scale(lower, log), to_scale(upper, log)
    pct = level if level is not None else DEFAULT_LEVEL
    note = None if level is not None else "interval level not printed: 95% assumed"
    if sides == "ONE_SIDED" and (lo is None) != (hi is None):
        z = NormalDist().inv_cdf(float(pct) / 100)
        bound = lo if lo is not None else hi
        return Scaled(y, abs(y - bound) / z, "ci-one-sided", note) if bound != y else Scaled(y, None, None)
    if lo is not None and hi is not None and hi > lo:
        z = NormalDist().inv_cdf((1 + float(pct) / 100) / 2)
        return Scaled(y, (hi - lo) / (2 * z), "ci", note)
    exact = p_qualifier in (None, "=")
    if p_value is not None and exact and 0 < p_value < 1 and y != 0:
        z = NormalDist().inv_cdf(1 - float(p_value) / 2)
        return Scaled(y, abs(y) / z, "p-value", "SE from the exact p-value (Altman & Bland 2011)")
    return Scaled(y, None, None, "neither a full interval nor an exact p-value is printed")


def odds_ratio_from_counts(arm, comparator) -> Scaled | None:
    """The log odds ratio of the arms' printed events of N (``ArmData``), or None."""
    if None in (arm.events, arm.n, comparator.events, comparator.n):
        return None
    cells = (arm.events, arm.n - arm.events, comparator.events, comparator.n - comparator.events)
    if min(cells) <= 0:
        return None
    a, b, c, d = cells
    y = math.log(a * d / (b * c))
    note = "odds ratio from the arms' printed events of N (not printed itself), Woolf's SE"
    return Scaled(y, math.sqrt(sum(1 / x for x in cells)), "arm-counts", note)
