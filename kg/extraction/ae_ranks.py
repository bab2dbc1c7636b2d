"""Arm orders that words ranking the arms give a pair of adverse-event figures (see
``kg.extraction.ae_assign``).

One job: when a two-arm trial's sentence says which arm had more (or fewer) of an event and
prints the pair without naming each figure's arm, the ranking says which figure is whose:
'occurring more frequently in patients receiving BV/CP were neutropenia (27% versus 17%)'
(the ranked arm first, when the figures rank the same way), 'Incidence of grades 3 to 4
hematologic (2% v 49%; P < .001) ... toxicity was greater in patients treated with ECP'
(the ranked arm after the pair: its figure is the larger).
"""

from __future__ import annotations

import re

from kg.extraction.ae_arms import MORE
from kg.extraction.ae_figures import mask, top_parens
from kg.extraction.ae_terms import Group
from kg.model import Arm

__all__ = ["RANKS_AFTER", "if_ranked", "ranked_after"]

# the arm is the subject the words rank: 'Arm A had a significantly lower incidence of',
# 'Chemotherapy was also associated with increased treatment-related serious adverse events'
RANKS_AFTER = re.compile(
    r"(?i)\s*(?:groups?|arms?|patients)?\s*(?:had|showed|experienced|(?:was|were)\s+(?:also\s+)?associated\s+with)\s+"
    r"(?:an?\s+)?"
    r"(?:(?:statistically\s+)?significantly\s+)?(more|less|higher|lower|greater|fewer|increased|decreased)\b"
)
# the statement's own verb ranks the arm named right after it: '... toxicity was greater in
# patients treated with ECP', 'were significantly more common with DC'
_PREDICATE = re.compile(
    r"(?i)\b(?:was|were)\s+(?:(?:statistically\s+)?significantly\s+)?"
    r"(more|less|higher|lower|greater|fewer|increased|decreased)\b"
    r"(?:\s+(?:frequent(?:ly)?|common(?:ly)?|often|pronounced))?\s+(?:in|with|among|on)\s+(?:the\s+)?"
    r"(?:patients\s+(?:receiving|treated\s+with|given|on)\s+)?$"
)
_CONTRAST = re.compile(r"(?i)\b(?:than|versus|vs\.?|v|compared|whereas|while|but)\b|;")


def _values(g: Group) -> list:
    return [f.percent if f.percent is not None else f.count for f in g.figures]


def if_ranked(ranked: re.Match | None, g: Group, arm: Arm, arms: list[Arm]) -> list[Arm]:
    """The ranked arm, then the other, when the pair's figures rank the way the words do."""
    values = _values(g)
    if not ranked or None in values or values[0] == values[1]:
        return []
    if (values[0] > values[1]) != (ranked.group(1).lower() in MORE):
        return []
    return [arm, next(a for a in arms if a is not arm)]


def ranked_after(words: str, g: Group, arm: Arm, arms: list[Arm]) -> list[Arm]:
    """'(2% v 49%; P < .001) and nonhematologic (24% v 52%; P < .001) toxicity was greater in
    patients treated with ECP': ``words`` run from a pair to the one arm its sentence names.
    When they end in the statement's verb ranking that arm, the pair is what the verb ranks
    and the arm's figure is the larger (the smaller for 'less', 'lower', 'fewer'); the order
    printed says nothing here. None when the words contrast something ('than', 'whereas', a
    semicolon: the ranking may be another statement's) or the figures are equal."""
    words = mask(words, top_parens(words))
    ranked = _PREDICATE.search(words)
    values = _values(g)
    if (
        ranked is None
        or _CONTRAST.search(words[: ranked.start()])
        or None in values
        or values[0] == values[1]
    ):
        return []
    other = next(a for a in arms if a is not arm)
    larger = ranked.group(1).lower() in MORE
    return [arm, other] if (values[0] > values[1]) == larger else [other, arm]
