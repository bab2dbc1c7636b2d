"""How common a tumour marker was among a trial's patients: 'K-Ras mutations were found in 17%
of evaluable patients (35 of 202 patients), EGFR mutations were found in 10% (17 of 166
patients)', 'Of 253 patients, 132 (52%) were positive for p53 protein overexpression'.

A marker's prevalence is who the patients were, not what treatment did to them, so it is a
baseline characteristic of the whole trial (``baseline`` decides whose clause it is).  Only a
marker is read this way: 'was found in 40%' of a pathologic response or a recurrence is an
outcome, and 'were positive' of a screening test is one too.  A figure is the whole trial's
only when it is of all the patients tested ('of evaluable patients', 'of tumors', or no
words at all), not of some of them ('of tumors from former smokers', 'of never smokers').
"""

from __future__ import annotations

import re

from kg.extraction.text import NUM, Sentence, dec
from kg.model import BaselineMeasurement

# what a marker's name ends in: 'K-Ras mutations', 'EGFR positivity by IHC', 'p53 protein
# overexpression', 'ALK rearrangement'
_MARKER = (
    r"(?:mutations?|positivity|negativity|overexpression|expression|amplifications?|alterations?|"
    r"rearrangements?|translocations?|fusions?)"
)
MARKER_STATUS = re.compile(rf"(?i)^(?:positive|negative)\s+for\s+(?:[\w-]+\s+){{0,3}}?[\w-]*\s*{_MARKER}$")
# all the patients (or tumours) tested, not some of them
_ALL_TESTED = (
    r"of\s+(?:the\s+)?(?:evaluable\s+|assessable\s+|tested\s+|analy[sz]ed\s+)?"
    r"(?:patients|participants|tumou?rs|samples|specimens|cases)"
)
# 'K-Ras mutations were found in 17% of evaluable patients (35 of 202 patients)': the list
# item's marker, its share, and the count and denominator in brackets
FOUND = re.compile(
    rf"(?i)(?:^\s*|,\s*(?:and\s+)?|;\s*|\band\s+)"
    rf"(?P<what>(?:[\w()/-]+\s+){{0,3}}?[\w()/-]*\s*{_MARKER}(?:\s+(?:by|on)\s+[\w-]+)?)"
    r"\s+(?:was|were)\s+(?:found|detected|present|identified|observed|seen)\s+in\s+"
    rf"(?P<pct>{NUM})\s*%(?:\s+{_ALL_TESTED})?"
    r"(?:\s*\(\s*(?P<n>\d+)\s+of\s+(?P<total>\d+)(?:\s+(?:patients|participants|tumou?rs|samples))?\s*\))?"
    rf"(?:\s+{_ALL_TESTED})?"
    r"(?=\s*(?:[,;)]|\.(?:\s|$)|\s+and\s|$))"
)
# 'Of 253 patients, ...': the denominator the clause's counts are of
_OF_N = re.compile(
    r"(?i)^\s*(?:of|among)\s+(?:the\s+)?(?P<total>\d+)\s+(?:patients|participants|subjects)\s*,"
)


def marker_prevalence(s: Sentence, clause: str, offset: int, population: str) -> list[BaselineMeasurement]:
    """Each marker's share of the patients tested and, when printed, its count, each with the
    number tested as the denominator."""
    out = []
    for m in FOUND.finditer(clause):
        what = m.group("what").strip().lower()
        total = int(m.group("total")) if m.group("total") else None
        at = (offset + m.start("pct"), offset + m.end())
        out.append(_measure(s, what, "rate", m.group("pct"), population, total, at))
        if m.group("n"):
            at = (offset + m.start("n"), offset + m.end("total"))
            out.append(_measure(s, what, "count", m.group("n"), population, total, at))
    return out


def denominator(clause: str) -> re.Match | None:
    """'Of 253 patients, 132 (52%) were positive ...': the patients the clause's counts are of
    (group 'total')."""
    return _OF_N.match(clause)


def _measure(
    s: Sentence,
    what: str,
    statistic: str,
    value: str,
    population: str,
    total: int | None,
    at: tuple[int, int],
) -> BaselineMeasurement:
    return BaselineMeasurement(
        characteristic=what,
        statistic=statistic,
        arm=population,
        estimate=dec(value),
        unit="percent" if statistic == "rate" else "participants",
        n_analysed=total,
        evidence=s.evidence(*at),
    )
