"""Adverse-event figures split by grade, each arm's run read 'respectively' against the grades.

One job: '... in-field toxicities of esophagitis (grade 3 and 4 were, respectively, 30% and 2%
for arm A v 28% and 8% for arm B)'. A parenthesis that opens with a list of grades and
'respectively' holds one run of figures per arm, the runs joined by 'v'/'versus' or ';', each
naming its arm after its figures: the i-th figure of a run is the i-th grade's. The event is
the one named right before the parenthesis; the words of its clause say whether the events are
treatment-related. A run whose figures do not match the grades one to one, or that names no
single arm, leaves the whole parenthesis unread. The grades may instead be the ones the clause
lists, for the one arm the sentence names ('Grade 3 or 4 toxicities ... on arm B consisted
mainly of neutropenia (18% and 20%, respectively)'; see ``subject_grades``).
"""

from __future__ import annotations

import re

from kg.extraction.ae_arms import ResultsArms
from kg.extraction.ae_terms import lead_term, split_terms
from kg.extraction.ae_vocabulary import event_phrases, related
from kg.extraction.armrefs import distinct
from kg.extraction.text import NUM, Sentence, dec
from kg.model import AdverseEventSummary, Arm

__all__ = ["RESPECTIVE", "SPLIT", "grade_split", "run_arm", "runs", "subject_grades"]

SPLIT = re.compile(
    r"(?i)\(\s*grades?\s*(?P<grades>\d(?:\s*(?:,\s*(?:and\s+)?|and|or)\s*\d)+)\s*(?:were|was)?\s*,?\s*"
    r"respectively\s*,?\s*(?P<runs>[^()]+)\)"
)
_RUN_SEP = re.compile(r"(?i)\s+(?:v|vs|versus)\.?\s+|\s*;\s*")
_RUN = re.compile(
    rf"(?i)^(?P<values>{NUM}\s*%(?:\s*(?:,\s*(?:and\s+)?|and|/)\s*{NUM}\s*%)*)\s*(?:for|in|on|with)\s+(?:the\s+)?"
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
    for run in runs(m.group("runs")):
        arm, values = run_arm(m.group("runs")[run[0] : run[1]], finder)
        if arm is None or len(values) != len(grades):
            return []
        out += _by_grade(s, offset + run[0], arm, term, is_related, grades, values)
    return out


def _by_grade(
    s: Sentence, base: int, arm: Arm, term: str, is_related: bool, grades: list[str], values: list[re.Match]
) -> list[AdverseEventSummary]:
    """One arm's row per grade, each percent with where it was read (``base``: its run's offset)."""
    return [
        AdverseEventSummary(
            arm=arm.label,
            category=f"grade {grade}",
            treatment_related=is_related,
            term=term,
            percent=dec(v.group(0).rstrip(" %")),
            evidence=s.evidence(base + v.start(), base + v.end()),
        )
        for grade, v in zip(grades, values, strict=True)
    ]


def runs(text: str) -> list[tuple[int, int]]:
    """The spans of the per-arm runs of a parenthesis."""
    cuts = [0] + [x for m in _RUN_SEP.finditer(text) for x in (m.start(), m.end())] + [len(text)]
    return list(zip(cuts[::2], cuts[1::2], strict=True))


def run_arm(run: str, finder: ResultsArms) -> tuple[Arm | None, list[re.Match]]:
    """The one arm a run names after its percents ('30% and 2% for arm A', '6.1%/13.0% for
    gefitinib') and its percents, their spans in the run; no arm when it names none or several."""
    piece = _RUN.match(run)
    if piece is None:
        return None, []
    arms = distinct([a for _s, _e, a in finder.find(piece.group("arm"))])
    values = list(re.finditer(rf"{NUM}\s*%", run[: piece.end("values")]))
    return (arms[0] if len(arms) == 1 else None), values


# '(18% and 20%, respectively)': a run of percents read 'respectively' against what the clause listed
RESPECTIVE = re.compile(
    rf"(?i)\(\s*(?P<values>{NUM}\s*%(?:\s*(?:,\s*(?:and\s+)?|and)\s*{NUM}\s*%)+)\s*,?\s*respectively\s*\)"
)
_GRADE_LIST = re.compile(r"(?i)\bgrades?\s*(?P<grades>\d(?:\s*(?:,\s*(?:and\s+)?|and|or)\s*\d)+)\b")


def subject_grades(s: Sentence, m: re.Match, finder: ResultsArms) -> list[AdverseEventSummary]:
    """'Grade 3 or 4 toxicities during induction chemotherapy on arm B consisted mainly of
    neutropenia (18% and 20%, respectively)': the run is the one event's figures for the grades
    its clause lists, in the one arm the sentence names, when nothing else there lists as many
    things (a second arm, a list of events); else nothing."""
    text = s.norm
    clause = text[text.rfind(";", 0, m.start()) + 1 : m.start()]
    lists = list(_GRADE_LIST.finditer(clause))
    term = lead_term(clause)
    arms = distinct([a for _s, _e, a in finder.find(text)])
    values = list(re.finditer(rf"{NUM}\s*%", m.group("values")))
    if len(lists) != 1 or term is None or len(arms) != 1 or split_terms(term, len(values)):
        return []
    grades = re.findall(r"\d", lists[0].group("grades"))
    if len(grades) != len(values) or len(event_phrases(clause)) != 1:
        return []
    is_related = related(clause, frozenset(n.lower() for n in finder.names))
    return _by_grade(s, m.start("values"), arms[0], term, is_related, grades, values)
