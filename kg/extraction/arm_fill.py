"""Figures a run left without an arm, after ``assignment`` read the runs: those joined to a
figure with an arm ('7.5 months and 38.5% in the A group'), counts that are a figure's parts,
figures of a clause that opens on one arm, a figure of a bracket an arm's name closes; and the
pairs no arm has ('from 21 to 28 weeks'). One job for ``assignment``."""

from __future__ import annotations

import re

from kg.extraction.arm_brackets import bracket_closed_by_arm
from kg.extraction.armrefs import distinct
from kg.extraction.text import depth_map
from kg.model import Arm

__all__ = ["fill"]

# what may stand between a figure and the bracket of its parts: 'of patients responded', 'for DC'
_PART_LEAD = re.compile(r"[^()\[\];,\d]*")
_MODIFIER = re.compile(
    r"(?:\d+\s+)?(?:(?-i:[a-z-]+)\s+)?"
)  # 'preresectional' chemotherapy, '116' arm B patients
# 'In the SABR group, ...'; 'For the 30 patients who received preresectional chemotherapy, ...': the
# words a clause opens on to say whose figures follow, up to the arm's name
_OPENING = re.compile(
    r"(?i)\s*(?:in|among|for|with|of)\s+(?:the\s+)?(?:(?:\d+\s+)?(?:eligible\s+|evaluable\s+)?"
    r"(?:patients|participants|subjects)\s+(?:who\s+(?:received|were\s+(?:given|treated\s+with|assigned\s+to|"
    r"randomi[sz]ed\s+to|allocated\s+to))|receiving|given|treated\s+with|assigned\s+to|randomi[sz]ed\s+to|"
    r"allocated\s+to)\s+(?:the\s+)?)?"
)
_AND = re.compile(r"(?i)\s*(?:,\s*)?and\s*")
_LISTED = re.compile(r"\s*,\s*")


def fill(text: str, spans: list[tuple[int, int]], keys: list[object], arms: list[Arm | None], marks) -> None:
    """Give the figures left without an arm the arm their neighbours or clause show, in place;
    take it from both figures of a change."""
    _conjoined(text, spans, keys, arms)
    _counted_parts(text, spans, keys, arms)
    _framed(text, spans, arms, marks)
    bracket_closed_by_arm(text, spans, arms, marks)
    _changes(text, spans, arms)


def _framed(text: str, spans: list[tuple[int, int]], arms: list[Arm | None], marks) -> None:
    """'In the SABR group, one patient had local recurrence, four had regional nodal
    recurrence, and one had distant metastases': a clause that opens on one arm frames every
    figure in it."""
    for k, (start, _end) in enumerate(spans):
        if arms[k] is not None:
            continue
        clause = max(text.rfind(";", 0, start) + 1, text.rfind(". ", 0, start) + 1, 0)
        opening = _OPENING.match(text, clause)
        named = distinct([a for s, _e, a in marks if clause <= s < start])
        if (
            opening
            and len(named) == 1
            and any(_MODIFIER.fullmatch(text, opening.end(), s) for s, _e, _a in marks)
        ):
            arms[k] = named[0]


def _conjoined(text: str, spans: list[tuple[int, int]], keys: list[object], arms: list[Arm | None]) -> None:
    """'7.5 months and 38.5% (95% CI ...) in the A group', '60.4%, 25.6%, and 18.3% for the
    ENI arm': figures joined by 'and', or figures of one kind listed with commas, share the arm
    named after the last of them (or before the first)."""

    def joined(a: int, b: int) -> bool:
        between = text[spans[a][1] : spans[b][0]]
        return bool(_AND.fullmatch(between) or (keys[a] == keys[b] and _LISTED.fullmatch(between)))

    for k in range(len(spans) - 2, -1, -1):
        if arms[k] is None and arms[k + 1] is not None and joined(k, k + 1):
            arms[k] = arms[k + 1]
    for k in range(1, len(spans)):
        if arms[k] is None and arms[k - 1] is not None and joined(k - 1, k):
            arms[k] = arms[k - 1]


def _counted_parts(
    text: str, spans: list[tuple[int, int]], keys: list[object], arms: list[Arm | None]
) -> None:
    """'In the MIC/MVP arm, 33% of patients responded (4 complete responses [CRs] and 57 partial
    responses [PRs]) whereas in the GC arm, 30% of patients responded (3 CRs and 54 PRs)': counts
    that open a bracket after a figure of their clause are that figure's parts, and its arm's
    (not '(n = 300)', the size of the group a figure is of)."""
    depth = depth_map(text)
    for k, (start, _end) in enumerate(spans):
        if arms[k] is not None or keys[k][2] != "count" or not depth[start]:
            continue
        opened = text.rfind("(", 0, start)
        first = next(s for s, _e in spans if s > opened)
        lead = [j for j in range(k) if spans[j][1] <= opened and arms[j] is not None]
        if (
            lead
            and _PART_LEAD.fullmatch(text, spans[lead[-1]][1], opened)
            and not text[opened + 1 : first].strip()
        ):
            arms[k] = arms[lead[-1]]


_FROM = re.compile(r"(?i)\bfrom\s*$")
_TO = re.compile(r"(?i)\s*(?:%|percent|(?:months?|weeks?|days?|years?))?\s+to\s+")


def _changes(text: str, spans: list[tuple[int, int]], arms: list[Arm | None]) -> None:
    """'median survival increased from 21 to 28 weeks in the vinorelbine-treated group': a change
    from one figure to another is no arm's pair of figures, and which arm had which is not said."""
    for j, k in zip(range(len(spans)), range(1, len(spans)), strict=False):
        if _FROM.search(text, max(0, spans[j][0] - 10), spans[j][0]) and _TO.fullmatch(
            text, spans[j][1], spans[k][0]
        ):
            arms[j] = arms[k] = None
