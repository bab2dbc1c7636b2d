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
    """Each arm's figure of the comparison's endpoint (and time, when it has one) in the
    comparison's sentence, the one printed nearest it ('at 3 months (5/11 [45.5%] vs 16/17 [94.1%];
    difference, -48.7%; ...) and at 12 months (6/10 [60%] vs 17/18 [94.4%]; difference, -34.4%')."""
    nearest: dict[str, ArmResult] = {}
    for r in per_arm:
        if (
            r.evidence is not None
            and r.evidence.sentence == c.evidence.sentence
            and (r.endpoint, r.subgroup) == (c.endpoint, c.subgroup)
            and c.timepoint in (None, r.timepoint)
            and r.estimate is not None
        ):
            best = nearest.get(r.arm)
            if best is None or _distance(r, c) < _distance(best, c):
                nearest[r.arm] = r
    if len({r.unit for r in nearest.values()}) != 1:
        return {}
    return {arm: r.estimate for arm, r in nearest.items()}


def _distance(r: ArmResult, c: Comparison) -> int:
    return abs(r.evidence.start - c.evidence.start)


def _close(x: Decimal, y: Decimal) -> bool:
    return abs(x - y) <= _ROUNDING


__all__ = ["orient_differences"]
