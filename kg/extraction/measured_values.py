"""Per-arm figures in a unit of measure, one for each arm, set against each other: 'The total
loss was 1306 mL (ANH) vs. 1026 mL (non-ANH)', 'the peak level was 249 U/L in the GIK group
and 240 U/L in the control group', '386 vs. 343 ml', '-1.5 points for SRS alone vs -4.2 points for SRS plus
WBRT'. A lone figure in such a unit may be a
dose or a threshold; two or more in the same unit, joined as one list, are the arms' results.
Each is a mean unless the clause calls it a median. Figures printed with a '±' spread are read
by ``spread_values``; times and percents by ``values``.
"""

from __future__ import annotations

import re

from kg.extraction.figure_item import Item
from kg.extraction.spread_values import centre
from kg.extraction.text import MONEY_UNITS, NUM

__all__ = ["measured_values"]

# units of volume, mass, length, pressure, rate and concentration; not doses ('mg', 'mg/kg',
# 'Gy'), which name what an arm was given
_UNIT = (
    r"(?:m[lL]|dL|dl|I?U/L|mm\s?Hg|cm(?:\(3\)|3)?|mm|kg|m[lL]/(?:kg|min|h)|beats/min|bpm"
    r"|(?:mg|g|ng|pg|[µμ]g|mmol|[µμ]mol|nmol)/(?:dL|dl|L|l|mL|ml)"
    rf"|{'|'.join(MONEY_UNITS)}"  # money ('€4795' reads '4795 EUR')
    r"|points(?!\s+(?:for|in|on)\s+(?:the\s+)?(?:\w+\s+)?(?:scales?|scores?|index)))"  # a score's change
)
_FIGURE = re.compile(
    rf"(?<![\d.,/-])(?P<est>-?(?:\d{{1,3}}(?:,\d{{3}})+(?![\d.])|{NUM}))(?:\s*(?P<unit>{_UNIT})(?![\w/]))?"
)
# what may stand between two arms' figures of one list: the first arm's label, bracketed or
# after 'in', and the word that joins them ('(ANH) vs. ', ' in the GIK group and ')
_JOIN = re.compile(
    r"(?i)\s*(?:[(\[][^()\[\]\d]{1,40}[)\]]\s*|\s+(?:in|for|with|among|on)\s+(?:the\s+)?[^()\[\];,.\d]{1,50}?)?"
    r"\s*,?\s*(?:vs\.?|versus|v\.?|and|compared\s+(?:with|to))\s+(?:(?:in|for|with)\s+)?(?:the\s+)?"
)
# an arm named right after a bare figure: ' in the control group', ' (non-ANH)'
_ARM_AFTER = re.compile(
    r"(?i)\s*(?:[(\[][^()\[\]\d]{1,40}[)\]]|\s(?:in|for|with|among|on)\s+(?:the\s+)?[a-z])"
)


def measured_values(text: str, taken: list[tuple[int, int]]) -> list[Item]:
    """The runs of figures in one unit of measure joined as a list (see the module docstring);
    a figure of the run printed bare takes the unit the run prints ('386 vs. 343 ml')."""
    figures = [m for m in _FIGURE.finditer(text) if not any(a <= m.start() < b for a, b in taken)]
    out: list[Item] = []
    run: list[re.Match] = []
    for m in [*figures, None]:
        if m is not None and run and _JOIN.fullmatch(text, run[-1].end(), m.start()):
            run.append(m)
            continue
        out += _run_items(text, run)
        run = [m] if m is not None else []
    return out


def _run_items(text: str, run: list[re.Match]) -> list[Item]:
    """The run's figures, if it holds two or more and prints one unit (on every figure, or on
    the last alone)."""
    units = {m.group("unit").replace(" ", "") for m in run if m.group("unit")}
    if len(run) < 2 or len(units) != 1:
        return []
    bare = [m for m in run if not m.group("unit")]
    if bare and not (run[-1].group("unit") or all(_ARM_AFTER.match(text, m.end()) for m in bare)):
        return []  # '249 U/L in the A group and 240 in the B group' prints it first
    unit = run[-1].group("unit") or run[0].group("unit")
    statistic = centre(text, run[0].start())
    unit = MONEY_UNITS.get(unit, re.sub(r"\s+", " ", unit))
    return [Item(m.start(), m.end(), m.group("est").replace(",", ""), unit, statistic) for m in run]
