"""Adverse-event figures split by grade, each arm's run read 'respectively' against the grades.

One job: '... in-field toxicities of esophagitis (grade 3 and 4 were, respectively, 30% and 2%
for arm A v 28% and 8% for arm B)'. A parenthesis that opens with a list of grades and
'respectively' holds one run of figures per arm, the runs joined by 'v'/'versus' or ';', each
naming its arm after its figures: the i-th figure of a run is the i-th grade's. The event is
the one named right before the parenthesis; the words of its clause say whether the events are
treatment-related. A run whose figures do not match the grades one to one, or that names no
single arm, leaves the whole parenthesis unread.
"""

from __future__ import annotations

import re

from kg.extraction.ae_arms import ResultsArms
from kg.extraction.ae_terms import lead_term
from kg.extraction.ae_vocabulary import related
from kg.extraction.armrefs import distinct
from kg.extraction.text import NUM, Sentence, dec
from kg.model import AdverseEventSummary

__all__ = ["SPLIT", "grade_split"]

SPLIT = re.compile(
    r"(?i)\(\s*grades?\s*(?P<grades>\d(?:\s*(?:,\s*(?:and\s+)?|and|or)\s*\d)+)\s*(?:were|was)?\s*,?\s*"
    r"respectively\s*,?\s*(?P<runs>[^()]+)\)"
)
_RUN_SEP = re.compile(r"(?i)\s+(?:v|vs|versus)\.?\s+|\s*;\s*")
_RUN = re.compile(
    rf"(?i)^(?P<values>{NUM}\s*%(?:\s*(?:,\s*(?:and\s+)?|and)\s*{NUM}\s*%)*)\s*(?:for|in|on|with)\s+(?:the\s+)?"
    r"(?P<arm>.+?)\s*$"
)


def grade_split(s: Sentence, m: re.Match, finder: ResultsArms) -> list[AdverseEventSummary]:
    """The rows of one grade-split parenthesis (see the module docstring), or nothing."""
    text = s.norm
    grades = re.findall(r"\d", m.group("grades"))
    clause = text[text.rfind(";", 0, m.start()) + 1 : m.start()]
    term = lead_term(clause)
    if term is None:
        return []
    is_related = related(clause, frozenset(n.lower() for n in finder.names))
    out: list[AdverseEventSummary] = []
    offset = m.start("runs")
    for run in _runs(m.group("runs")):
        piece = _RUN.match(m.group("runs")[run[0] : run[1]])
        arms = distinct([a for _s, _e, a in finder.find(piece.group("arm"))]) if piece else []
        values = list(re.finditer(rf"{NUM}\s*%", piece.group("values"))) if piece else []
        if len(arms) != 1 or len(values) != len(grades):
            return []
        base = offset + run[0] + piece.start("values")
        out += [
            AdverseEventSummary(
                arm=arms[0].label,
                category=f"grade {grade}",
                treatment_related=is_related,
                term=term,
                percent=dec(v.group(0).rstrip(" %")),
                evidence=s.evidence(base + v.start(), base + v.end()),
            )
            for grade, v in zip(grades, values, strict=True)
        ]
    return out


def _runs(runs: str) -> list[tuple[int, int]]:
    """The spans of the per-arm runs of a parenthesis."""
    cuts = [0] + [x for m in _RUN_SEP.finditer(runs) for x in (m.start(), m.end())] + [len(runs)]
    return list(zip(cuts[::2], cuts[1::2], strict=True))
