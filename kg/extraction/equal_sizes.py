"""Arms of one size, printed once for all of them: 'Patients were randomly assigned to two groups
(41 patients in each group)', '180 patients (90 in each group) were enrolled', 'allocated into three
groups of 20 each', 'randomized to one of the three groups (n = 15)', '239 patients were enrolled in
each arm'. Read only in a sentence that assigns or enrols patients, and not of a planned sample size
or an analysis ('a sample size of 100 eligible patients in each arm', 'analysed 74 in each arm', '1281
patients in each group' after propensity matching).
"""

from __future__ import annotations

import re

from kg.extraction.size_totals import ENROLLED, PEOPLE
from kg.extraction.text import Sentence
from kg.model import Evidence

_EACH = re.compile(
    r"(?i)\(\s*(?P<a>\d+)\s+(?:[a-z]+\s+)?in\s+each\s+(?:group|arm)\s*\)"
    r"|\bgroups\s+of\s+(?P<b>\d+)\s+(?:[a-z]+\s+)?each\b"
    r"|\b(?:groups|arms)\s*\(\s*n\s*=\s*(?P<c>\d+)\s*(?:each|in\s+each(?:\s+(?:group|arm))?|per\s+(?:group|arm))?\s*\)"
    # 'In total, 239 patients were enrolled in each arm.'
    rf"|(?<![\d.])(?P<d>\d+)\s+{PEOPLE}\s+(?:were|was)\s+(?:randomly\s+)?(?:{ENROLLED})\s+(?:in|to|into)\s+each\s+(?:group|arm)\b"
)
_ASSIGNS = re.compile(
    r"(?i)\brandomi[sz]|\brandomly\b|\bassigned\b|\ballocated\b|\bdivided\b|\benrolled\b|\bincluded\b"
)
_NOT_ASSIGNED = re.compile(
    r"(?i)\bsample\s+size|\bplanned\b|\brequired\b|\banaly[sz]ed\b|\bmatch(?:ed|ing)\b|\bpropensity\b"
)


def equal_size(sents: list[Sentence], arms: int, total: int | None) -> tuple[int, Evidence] | None:
    """The one size of every arm, where a sentence that assigns or enrols patients prints it once
    for all ('(41 patients in each group)'), and it times the arms makes the randomised total
    when that is known."""
    for s in sents:
        if not _ASSIGNS.search(s.norm) or _NOT_ASSIGNED.search(s.norm):
            continue
        m = _EACH.search(s.norm)
        if m is None:
            continue
        group = next(g for g in ("a", "b", "c", "d") if m.group(g))
        n = int(m.group(group))
        if total is None or n * arms == total:
            return n, s.evidence(m.start(group), m.end(group))
    return None


__all__ = ["equal_size"]
