"""Which arm a difference is of, from its sign: 'mean change from baseline, -1.5 points for SRS alone
vs -4.2 points for SRS plus WBRT; mean difference, 2.7 points' is SRS alone's figure minus SRS plus
WBRT's (2.7 = -1.5 - (-4.2)), whatever the design's roles say. Where the sentence gives both arms'
figures and only one order of subtraction gives the printed difference, that order holds.
"""

from __future__ import annotations

from decimal import Decimal

from kg.model_results import ArmResult, Comparison

# rounding: figures printed to one decimal may differ from the printed difference by 0.1
_ROUNDING = Decimal("0.15")


def orient_differences(per_arm: list[ArmResult], comparisons: list[Comparison]) -> None:
    """Set each difference's arm and comparator by the subtraction its sentence's own figures of
    the two arms (same endpoint and time) agree with; in place."""
    for c in comparisons:
        if c.statistic != "difference" or c.estimate is None or c.evidence is None:
            continue
        figures = _figures(per_arm, c)
        a, b = figures.get(c.arm or ""), figures.get(c.comparator or "")
        if a is None or b is None:
            continue
        if _close(b - a, c.estimate) and not _close(a - b, c.estimate):
            c.arm, c.comparator = c.comparator, c.arm


def _figures(per_arm: list[ArmResult], c: Comparison) -> dict[str, Decimal]:
    """Each arm's one figure of the comparison's endpoint and time in the comparison's sentence."""
    found: dict[str, list[ArmResult]] = {}
    for r in per_arm:
        if (
            r.evidence is not None
            and r.evidence.sentence == c.evidence.sentence
            and (r.endpoint, r.timepoint, r.subgroup) == (c.endpoint, c.timepoint, c.subgroup)
            and r.estimate is not None
        ):
            found.setdefault(r.arm, []).append(r)
    units = {r.unit for rs in found.values() for r in rs}
    if len(units) != 1:
        return {}
    return {arm: rs[0].estimate for arm, rs in found.items() if len(rs) == 1}


def _close(x: Decimal, y: Decimal) -> bool:
    return abs(x - y) <= _ROUNDING


__all__ = ["orient_differences"]
