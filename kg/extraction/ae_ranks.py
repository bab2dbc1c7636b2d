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

from kg.extraction.ae_arms import MORE, RANKED, ResultsArms
from kg.extraction.ae_figures import mask, top_parens
from kg.extraction.ae_terms import Group
from kg.model import Arm

__all__ = ["RANKS_AFTER", "if_ranked", "ranked_after", "ranked_clause", "ranked_pair"]

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
# a verb that only places the events, the ranking word opening the statement before the pairs:
# 'significantly more grade 3 or 4 neutropenia (40.6% v 25.8%), ... occurred with PacCBev'
_PLACED = re.compile(
    r"(?i)\b(?:occurred|were\s+(?:observed|seen|reported|noted|recorded)|was\s+(?:observed|seen|reported|noted|recorded))"
    r"\s+(?:in|with|among|on)\s+(?:the\s+)?(?:patients\s+(?:receiving|treated\s+with|given|on)\s+)?$"
)
_RANK_WORD = re.compile(r"(?i)\b(more|less|higher|lower|greater|fewer|increased|decreased)\b")
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


def ranked_after(words: str, g: Group, arm: Arm, arms: list[Arm], opening: str = "") -> list[Arm]:
    """'(2% v 49%; P < .001) and nonhematologic (24% v 52%; P < .001) toxicity was greater in
    patients treated with ECP': ``words`` run from a pair to the one arm its sentence names.
    When they end in the statement's verb ranking that arm, the pair is what the verb ranks
    and the arm's figure is the larger (the smaller for 'less', 'lower', 'fewer'); the order
    printed says nothing here. The ranking word may open the statement (``opening``: its words
    before the pair) when the verb only places the events: 'significantly more grade 3 or 4
    neutropenia (40.6% v 25.8%), ... occurred with PacCBev'. None when the words contrast
    something ('than', 'whereas', a semicolon: the ranking may be another statement's) or the
    figures are equal."""
    words = mask(words, top_parens(words))
    ranked = _PREDICATE.search(words)
    if ranked is not None and _CONTRAST.search(words[: ranked.start()]):
        return []
    if ranked is None and _PLACED.search(words) and not _CONTRAST.search(words):
        ranked = _last_rank(mask(opening, top_parens(opening)))
    values = _values(g)
    if ranked is None or None in values or values[0] == values[1]:
        return []
    other = next(a for a in arms if a is not arm)
    larger = ranked.group(1).lower() in MORE
    return [arm, other] if (values[0] > values[1]) == larger else [other, arm]


def _last_rank(words: str) -> re.Match | None:
    """The last ranking word no contrast follows: 'significantly more grade 3 or 4 neutropenia ('."""
    ranks = [m for m in _RANK_WORD.finditer(words) if not _CONTRAST.search(words, m.end())]
    return ranks[-1] if ranks else None


def ranked_pair(g: Group, text: str, finder: ResultsArms) -> list[Arm]:
    """'grade 3/4 diarrhea occurred more frequently with the weekly schedule (4.2% vs. 1.1%)':
    in a two-arm trial, a pair's parenthesis right after words that rank the arm named
    right before it gives that arm the first figure, when the figures rank the same way;
    it goes before any order set earlier (the statement before may rank the other arm)."""
    arms = finder.arms
    if len(arms) != 2 or len(g.figures) != 2 or g.paren is None:
        return []
    before = [(s, e, a) for s, e, a in finder.find(text) if e <= g.paren[0]]
    if not before or not re.fullmatch(r"\s*", text[before[-1][1] : g.paren[0]]):
        return []
    window = text[max(0, before[-1][0] - 60) : before[-1][0]]
    ranked = RANKED.search(window)
    if ranked and (
        re.search(r"(?i)\b(?:than|versus|vs|compared)\b", window[ranked.start() :])
        or finder.find(window[ranked.start() :])
    ):
        return []  # 'higher with DC than with D (': the arm before the pair is the one ranked below
    return if_ranked(ranked, g, before[-1][2], arms)


def ranked_clause(g: Group, text: str, finder: ResultsArms) -> list[Arm]:
    """'...; significantly more grade 3 or 4 neutropenia (40.6% v 25.8%), ... occurred with
    PacCBev': in a two-arm trial, pairs before the one arm their clause names, which the
    clause ranks, go by their figures (see ``ranked_after``), whatever order an earlier
    clause of the sentence set."""
    arms = finder.arms
    marks = finder.find(text)
    if len(arms) != 2 or len(g.figures) != 2 or len({id(a) for _s, _e, a in marks}) != 1:
        return []
    if marks[0][0] < g.end:
        return []
    return ranked_after(text[g.end : marks[0][0]], g, marks[0][2], arms, text[: g.start])
