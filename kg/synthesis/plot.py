"""The forest plot of a pairwise meta-analysis: one line per trial, a diamond per pooled estimate.

Drawn by the SVG forest plot the web pages draw too (kg.synthesis.forest), so a meta-analysis
looks like the cross-trial plots of the site; the trials' lines show their figures as printed where the trial
printed treatment vs comparator with an interval, else the interval from the SE.
"""

from __future__ import annotations

from decimal import Decimal

from kg.synthesis.forest import Line, forest_svg
from kg.synthesis.meta import Pooled, StudyEffect, shown

_Z = 1.959963984540054


def _line(s: StudyEffect) -> Line:
    c = s.source
    printed = not s.flipped and None not in (c.estimate, c.ci_lower, c.ci_upper)
    if printed:
        estimate, lower, upper, level = c.estimate, c.ci_lower, c.ci_upper, c.ci_level
    else:
        estimate, lower, upper, level = (
            shown(s.y, True),
            shown(s.y - _Z * s.se, True),
            shown(s.y + _Z * s.se, True),
            Decimal(95),
        )
    detail = f"({c.source_file}{', reversed' if s.flipped else ''})"
    return Line(s.label, detail, estimate, lower, upper, level)  # type: ignore[arg-type]


def diamonds(result: Pooled) -> list[Line]:
    """The fixed and random-effects estimates as the plot's pooled lines."""
    return [
        Line(name, "", shown(est, True), shown(lo, True), shown(hi, True))
        for name, (est, _se, lo, hi) in (
            ("Fixed effect", result.fixed),
            ("Random effects (DL)", result.random),
        )
    ]


def forest(effects: list[StudyEffect], result: Pooled, measure: str, caption: str) -> str:
    """The plot as an ``<svg>`` document (ratios only: the plot's axis is logarithmic)."""
    return forest_svg([_line(s) for s in effects], measure, caption, diamonds(result))


def pooled_ratios(lines: list[tuple[Decimal, Decimal, Decimal, Decimal | None]]) -> list[Line]:
    """Diamonds for ratios printed with their intervals (estimate, lower, upper, level): what the
    web's cross-trial plots add when every line compares the same two regimens in its own trial."""
    from kg.synthesis.meta import pool
    from kg.synthesis.scale import standard_error

    scaled = [standard_error(e, lo, hi, level, None, None, None, True) for e, lo, hi, level in lines]
    if len(scaled) < 2 or any(s.se is None or s.se <= 0 for s in scaled):
        return []
    return diamonds(pool([s.y for s in scaled], [s.se for s in scaled]))  # type: ignore[misc]
