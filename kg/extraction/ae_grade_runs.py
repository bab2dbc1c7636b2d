"""Adverse-event figures read 'respectively' against a list of grades: 'Grades 3 and 4 neutropenia
occurred in 16% and 12%, respectively, of patients in the MVP arm', 'Grade 2 and 3 pulmonary
toxicity was observed in 18% and 5% of patients, respectively'. The figures are one event's in one
arm, a figure per grade, not one figure per arm.
"""

from __future__ import annotations

import re

from kg.extraction.ae_terms import Group
from kg.extraction.ae_vocabulary import ROMAN

__all__ = ["grade_run"]

_LEVEL = r"(?:[1-5]|iv|v|i{1,3})\b"
_GRADES = re.compile(
    rf"(?i)\bgrades?\s+(?P<levels>{_LEVEL}(?:\s*(?:,|,?\s*and|,?\s*or)\s*(?:grade\s+)?{_LEVEL})+)"
)
_ONE_LEVEL = re.compile(rf"(?i){_LEVEL}")


def grade_run(text: str, g: Group, stop: int) -> list[str] | None:
    """The grade of each figure of a group that a list of as many grades before it, in its clause,
    and a 'respectively' after it pair up; None for any other group."""
    starts = sorted({f.start for f in g.figures})
    if (
        len(starts) < 2
        or len(starts) != len(g.figures)
        or "respectively" not in text[g.figures[-1].end : stop]
    ):
        return None
    clause = text.rfind(";", 0, starts[0]) + 1
    lists = list(_GRADES.finditer(text, clause, starts[0]))
    if not lists:
        return None
    levels = [m.group().lower() for m in _ONE_LEVEL.finditer(lists[-1].group("levels"))]
    if len(levels) != len(starts):
        return None
    return [f"grade {ROMAN.get(level) or int(level)}" for level in levels]
