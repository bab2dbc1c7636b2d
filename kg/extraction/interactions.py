"""Tests for interaction: whether the arms' effect differs between subgroups. '(HR = 0.54; P = .02)
compared with patients with p53-negative tumors (HR = 1.40; P = .26; interaction P = .02)', '(HR,
1.18; ...; P = .309; treatment by EGFR mutation interaction P = .480)', '(HR, 0.86; ... v HR,
1.45; ...) with P = .006 for interaction', '(hazard ratio [HR], 0.61 for high copy number and HR,
1.16 for low copy number; comparison of high v low copy number HR, P = .045)'.

Such a p-value sets the subgroups' ratios printed before it against each other: it compares the
arms those ratios compare, on their endpoint, across the subgroups (so for no one subgroup). It is
read as a p-value-only comparison of those arms named by its method, only after two ratios or more
of the same sentence were read for them on one endpoint; else the groups it tests are unknown and
it is left unread. A test
for trend, or for heterogeneity (which a pooled analysis uses between trials), is no such test.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import ValidationError

from kg.extraction.stats import P, p_value
from kg.extraction.subgroups import names_group
from kg.model import Comparison
from kg.model_base import Evidence

METHOD = "test for interaction"

# 'treatment by EGFR mutation interaction P = .480', '(test for interaction, P = .11)', '(test for
# trend, p = 0.02)': printed before the p-value
BEFORE = re.compile(
    r"(?i)\b(?P<kind>interaction|trend)\W{0,3}(?:(?:test|effect)\W{0,3})?$"
    # 'There was a trend for interaction with disease stage (P = .09; HR for stage II, ...'
    r"|\b(?P<factor>interaction)\s+(?:with|by|between)\s+[^;()]{1,40}?\W{0,3}$"
    # 'comparison of high v low copy number HR, P = .045': the two subgroups' ratios set against each other
    r"|\bcomparison\s+of\s+[^;()]{0,60}?\b(?:HRs?|hazard\s+ratios?|ORs?|odds\s+ratios?)\W{0,3}$"
)
# '... (HR, 0.86 ... v HR, 1.45 ...) with P = .006 for interaction': printed after it
AFTER = re.compile(r"(?i)\s*(?:for|of)\s+(?:the\s+)?(?P<kind>interaction|trend|heterogeneity)\b")

_RATIOS = ("hazard_ratio", "odds_ratio", "risk_ratio")


def subgroup_test(text: str, p: re.Match) -> str | None:
    """What a p-value tests across subgroups, as its words say ('interaction', 'trend',
    'heterogeneity'; a comparison of the subgroups' ratios is one for interaction), else None."""
    before = BEFORE.search(text, max(0, p.start() - 80), p.start())
    after = AFTER.match(text, p.end())
    found = before or after
    if found is None:
        return None
    return (found.group("kind") or found.groupdict().get("factor") or "interaction").lower()


def _subgroups_ratios(ratio: Comparison, before: list[Comparison]) -> bool:
    """Whether the ratios before a test are the subgroups' it sets against each other: two or
    more of the same arms on the same endpoint ('LACE other HR 0.95, 0.86-1.05, interaction p =
    0.04' sets one ratio against a cohort's the sentence does not print), an endpoint that names no
    marker, stage or histology (in 'EGFR protein expression was also related to clinical outcome
    (HR for positive, 0.77; ...' the marker the subgroups are cut by is no outcome)."""
    same = [
        c
        for c in before
        if (c.endpoint, c.arm, c.comparator) == (ratio.endpoint, ratio.arm, ratio.comparator)
    ]
    return len(same) >= 2 and not names_group(ratio.endpoint)


def interaction_tests(
    text: str, read: list[Comparison], evidence: Callable[[int, int], Evidence]
) -> list[tuple[Comparison, tuple[int, int]]]:
    """Each test for interaction the sentence prints after a ratio read in it, as a comparison
    of that ratio's arms on its endpoint, with where the p-value is printed."""
    ratios = [c for c in read if c.statistic in _RATIOS and c.evidence is not None]
    out = []
    for p in P.finditer(text):
        if subgroup_test(text, p) != "interaction":
            continue
        where = evidence(p.start(), p.end())  # the ratios' spans are the printed sentence's
        same = [c for c in ratios if c.evidence.sentence == where.sentence]
        before = [c for c in same if c.evidence.end <= where.start]
        if (
            not before
        ):  # '(P = .09; HR for stage II, 0.68; ...; stage IB, HR, 1.03; ...)': the ratios it tests follow
            before = [c for c in same if c.evidence.start >= where.end]
        ratio = before[-1] if before else None
        if ratio is None or not _subgroups_ratios(ratio, before):
            continue
        try:
            test = Comparison(
                endpoint=ratio.endpoint,
                statistic="p_value",
                arm=ratio.arm,
                comparator=ratio.comparator,
                method=METHOD,
                evidence=where,
                **p_value(p),
            )
        except ValidationError:  # an impossible p-value: left for the report
            continue
        out.append((test, p.span()))
    return out


__all__ = ["METHOD", "interaction_tests", "subgroup_test"]
