"""The safety population of an arm, from the adverse-event figures read for it.

One job: an abstract rarely states how many patients of an arm were analysed for safety,
but its count/percent pairs imply it (71 patients = 38.4% leaves only 185), and a stated
denominator ('of 1024 patients') is checked against them.
"""

from __future__ import annotations

import math
from decimal import Decimal

from kg.model import AdverseEventSummary

__all__ = ["implied_population"]


def implied_population(events: list[AdverseEventSummary], arm: str) -> int | None:
    """Patients analysed for safety in an arm: the one stated denominator ('of 1024
    patients') that every count/percent pair allows, else the one whole number they imply.

    71 patients = 38.4% leaves only 185 (184.7 to 185.1 under rounding to one decimal); a
    single figure rarely pins it down, several together usually do. A denominator stated for
    one outcome only ('8 (7%) of 116' randomised) is dropped when the pairs rule it out.
    """
    low, high = _bounds([e for e in events if e.arm == arm and not e.term])
    stated = {e.n_analysed for e in events if e.arm == arm and e.n_analysed is not None}
    fitting = {n for n in stated if low <= n <= high}
    if len(fitting) == 1:
        return fitting.pop()
    if stated or (low, high) == (0.0, math.inf):
        return None
    candidates = range(math.ceil(low), math.floor(high) + 1)
    return candidates[0] if len(candidates) == 1 else None


def _bounds(events: list[AdverseEventSummary]) -> tuple[float, float]:
    """The range of patient numbers every count/percent pair rounds to."""
    low, high = 0.0, math.inf
    for e in events:
        if e.count is None or e.percent is None or e.percent == 0:
            continue
        half = Decimal(5) * Decimal(10) ** (e.percent.as_tuple().exponent - 1)
        lo_pct, hi_pct = float(e.percent - half), float(e.percent + half)
        low = max(low, 100 * e.count / hi_pct)
        high = min(high, 100 * e.count / lo_pct if lo_pct > 0 else math.inf)
    return low, high
