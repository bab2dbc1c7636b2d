"""Relative figures that restate a ratio of their sentence: 'The risk of death was 41% lower with
nivolumab than with docetaxel (hazard ratio, 0.59; ...)', 'a statistically significant 22%
reduction in the risk of death (HR, 0.78; ...)', 'gave a hazard ratio of 0.87 (13% reduction in
the risk of death, ...)'.

Such a figure is the ratio said again as a percent: a reduction is 100 x (1 - ratio), an
increase 100 x (ratio - 1), as printed to the point. It compares what its ratio compares: the
same arms, on the same endpoint, which the words around the percent ('the risk of death') do not
name as well as the ratio's reading did. A percent that restates no ratio read is no arm's figure
either: it is left unread.
"""

from __future__ import annotations

import re

from kg.extraction.stats import estimate
from kg.model import Comparison

RESTATING = re.compile(
    r"(?i)\brisk\b|\bhazard\b|\bodds\b"
)  # the words of a relative figure that restates a ratio
_RATIOS = ("hazard_ratio", "odds_ratio", "risk_ratio")


def restated(read: list[Comparison], m: re.Match, statistic: str) -> Comparison | None:
    """The ratio read in the sentence that the relative figure ``m`` restates, the nearest of
    those it is the percent of."""
    size = abs(estimate(m.group("est"), None).get("estimate") or 0)
    lower = statistic == "relative_reduction" or re.match(r"(?i)lower|less", m.groupdict().get("dir") or "")
    fits = [
        c
        for c in read
        if c.statistic in _RATIOS
        and c.estimate is not None
        and c.evidence is not None
        and abs(100 * ((1 - c.estimate) if lower else (c.estimate - 1)) - size) <= 1
    ]
    return min(fits, key=lambda c: abs(c.evidence.start - m.start()), default=None)
