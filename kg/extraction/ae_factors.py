"""A factorial trial's adverse-event figures printed per factor, under the factor's name (see
``kg.extraction.ae_assign``).

One job: 'There were more treatment-related deaths in the high-dose chemoradiotherapy and
cetuximab groups (radiotherapy comparison: eight vs three patients; cetuximab comparison: ten
vs five patients)'. A pair labelled '<factor> comparison:' compares the two pooled groups of
that factor (those whose names hold the word: 'high-dose radiotherapy' and 'standard-dose
radiotherapy'; 'cetuximab' and 'no cetuximab'). Which figure is whose the sentence says by
ranking the one side it names outside the parenthesis: that side's figure is the larger for
'more', the smaller for 'fewer'. Nothing is read when both sides or neither are named, or
the words rank nothing.
"""

from __future__ import annotations

import re

from kg.extraction.ae_arms import MORE
from kg.extraction.ae_figures import mask
from kg.extraction.ae_terms import Group
from kg.extraction.factors import complement
from kg.model import Arm

__all__ = ["factor_pair"]

_LABEL = re.compile(r"(?i)\s*(?P<factor>[\w-]+)\s+comparison\s*:\s*")
_RANK = re.compile(r"(?i)\b(more|less|higher|lower|greater|fewer|increased|decreased)\b")


def factor_pair(text: str, g: Group, groups: list[Arm]) -> list[Arm]:
    """The two groups of the pair ``g`` when its part of a parenthesis opens with a factor's
    name (see the module docstring); empty otherwise."""
    values = [f.percent if f.percent is not None else f.count for f in g.figures]
    if g.paren is None or len(g.figures) != 2 or None in values or values[0] == values[1]:
        return []
    start = max(g.paren[0] + 1, text.rfind(";", g.paren[0], g.figures[0].start) + 1)
    label = _LABEL.fullmatch(text, start, g.figures[0].start)
    if label is None:
        return []
    factor = label.group("factor").lower()
    sides = [a for a in groups if a.pooled_from and factor in a.label.lower().split()]
    if len(sides) != 2 or complement(sides[0], groups) is not sides[1]:
        return []
    outside = mask(text, [g.paren])[: g.paren[0]].lower()
    named = [a for a, other in (sides, sides[::-1]) if _named(a, other, outside)]
    ranked = list(_RANK.finditer(outside))
    if len(named) != 1 or not ranked:
        return []
    side = named[0]
    other = next(a for a in sides if a is not side)
    larger = ranked[-1].group(1).lower() in MORE
    return [side, other] if (values[0] > values[1]) == larger else [other, side]


def _named(side: Arm, other: Arm, words: str) -> bool:
    """A side is named by its whole name ('cetuximab') or by the words that tell it from the
    other side ('high-dose' of 'high-dose radiotherapy' against 'standard-dose radiotherapy')."""
    own = side.label.lower().split()
    distinct = [w for w in own if w not in other.label.lower().split()]
    return bool(
        re.search(rf"\b{re.escape(side.label.lower())}\b", words)
        or (distinct and all(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", words) for w in distinct))
    )
