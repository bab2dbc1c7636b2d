"""Whether a trial says its primary endpoint was met: what its results or conclusion state
plainly about a primary endpoint, else the primary comparison's own p-value and interval."""

from __future__ import annotations

import re
from decimal import Decimal

from kg.extraction.endpoint_windows import unwindowed
from kg.extraction.landmarks import landmark_weeks
from kg.extraction.lexicon import ENDPOINTS
from kg.extraction.text import Sentence
from kg.model import Comparison, Endpoint

_NEGATIVE = re.compile(
    r"(?i)\b(?:did not|does not|do not|failed to|not)\s+(?:significantly\s+|statistically\s+significantly\s+)?"
    r"(?:improve|prolong|increase|extend|meet|reach|achieve|met|reduce|differ)\b"
    # 'PPX/carboplatin failed to provide superior survival compared with paclitaxel/carboplatin'
    r"|\b(?:did not|does not|failed to)\s+(?:provide|produce|yield|show|demonstrate)\s+(?:a\s+)?"
    r"(?:superior|better|longer|improved|significant)\b"
    r"|\bprimary (?:end ?point|endpoint|objective) was not met\b"
    # 'was not associated with significantly longer progression-free survival'
    r"|\b(?:was|were|is|are)\s+not\s+associated\s+with\s+(?:a\s+)?(?:statistically\s+)?significant(?:ly)?\b"
    # 'The study did not demonstrate noninferiority of gefitinib compared with erlotinib'
    r"|\b(?:did|does) not (?:demonstrate|show|establish|confirm|prove) (?:the\s+)?(?:non-?inferiority|superiority|equivalence)\b"
    r"|\bno (?:statistically\s+)?significant (?:improvement|difference|benefit)\b"
    r"|\b(?:was|were|is|are) not (?:significantly\s+)?(?:better|superior|longer|improved|different)\b"
    r"|\bprovided no (?:significant\s+)?(?:benefit|improvement|advantage)\b|\bno advantage in\b"
    r"|\b(?:was|were|is|are)\s+not\s+statistically\s+significant\b|\bnon-?statistically\s+significant\b"
)
_POSITIVE = re.compile(
    # the trial met it, not 'Twenty-seven patients achieved the primary endpoint of MNC (63%)'
    r"(?i)(?<!patients )(?<!participants )\b(?:met|achieved|reached) (?:its|the) primary (?:end ?point|endpoint|objective)"
    r"|\bsignificantly (?:longer|improved|prolonged|better|higher|increased|extended|greater|reduced|lower|fewer)\b"
    r"|\bsignificant (?:improvements?|prolongation|reduction|increase|benefit)\b"
    r"|\b(?:improved|prolonged) [\w -]{0,40}significantly\b"
    r"|\b(?:is|was|were|are|be|been|proved|proven)\s+(?:found\s+to\s+be\s+)?superior\b"
    r"|\b(?:was|were) (?:significantly )?(?:longer|greater)\b|\bsurvived longer\b"
    r"|\b(?:resulted in|led to|produced|yielded) (?:a |an )?(?:significantly )?(?:greater|higher|better|longer|improved)\b"
    r"|\bprimary (?:end ?point|endpoint|objective)[\w ]{0,20} had been met\b"
    r"|\b(?:was|is|were|are)\s+(?:significantly\s+)?more\s+(?:effective|efficacious)\s+than\b"
)
# a conclusion's first sentence setting the arms against each other answers the trial's question, whatever
# words it names the endpoint by ('Varenicline in combination with NRT was more effective than varenicline
# alone at achieving tobacco abstinence'; 'a postdischarge intervention ... resulted in higher rates of smoking
# cessation at 6 months compared with ...')
_ANSWER = re.compile(
    r"(?i)\b(?:is|was|be)\s+(?:found\s+to\s+be\s+)?superior\b|\bmore\s+(?:effective|efficacious)\s+than\b"
    r"|\b(?:resulted in|led to)\s+(?:a\s+|an\s+)?(?:significantly\s+)?(?:greater|higher|better|longer|improved)\b"
    r"[^.;]{0,120}\b(?:compared\s+(?:with|to)|than|versus)\b"
)
_VERDICT_SECTION = re.compile(r"(?i)results|conclusions?|findings|interpretation|$")


def _names(primary: list[Endpoint]) -> list[re.Pattern]:
    """How the text may name the primary endpoints: their names, abbreviations and the
    lexicon's words for them ('survival' and 'survived' for overall survival, but not inside
    'progression-free survival')."""
    names = [w for e in primary for w in (e.name, e.abbreviation) if w]
    names += [n.split()[0] for n in names if "-" in n.split()[0]]  # 'progression-free and overall survival'
    names += [a for e in primary for a in ENDPOINTS.get(e.name, []) if not a.isupper()]
    # 'time to first SRE' is another endpoint than 'SRE'
    other = r"(?<!free )(?<!-free )(?<!time to )(?<!time to first )(?<!incidence of )"
    return [re.compile(rf"(?i){other}\b{re.escape(n)}\b") for n in dict.fromkeys(names)]


def primary_comparison_significant(primary: list[Endpoint], comparisons: list[Comparison]) -> bool | None:
    """True when the one primary endpoint's comparison of the randomised arms (no subgroup, no
    non-inferiority test; untimed, else at the first landmark) prints a p-value below 0.05
    ('estimated treatment difference 26% [95% CI 9-42%]; p=0.0016'): what the figures say when
    the words say nothing; else None,
    never False (a p-value of 0.05 or more is no plain statement that a trial failed)."""
    if len(primary) != 1:
        return None
    tests = [
        c
        for c in comparisons
        if unwindowed(c.endpoint) == primary[0].name  # each window's: the first landmark is taken below
        and c.statistic != "p_value"  # a bare p-value may be another figure's
        and c.subgroup is None
        and c.non_inferiority is None
        and c.p_value is not None
    ]
    # untimed, else at the first landmark ('(weeks 9-12)' before 'For weeks 9 through 24')
    first = min((c.timepoint for c in tests), key=landmark_weeks, default=None)
    tests = [c for c in tests if c.timepoint == first]
    if tests and all(c.p_value < Decimal("0.05") and _excludes_null(c) and not _more_harm(c) for c in tests):
        return True
    return None


# endpoints counting harm: more of them is worse ('the incidence of lung cancer', 'mortality')
_HARM = re.compile(
    r"(?i)\b(?:incidence|mortality|deaths?|recurrences?|relapses?|events?|toxicit\w*|complications?)\b"
)


def _more_harm(c: Comparison) -> bool:
    """A significant increase in a harm ('relative risk of lung cancer of 1.28 (95 percent CI, 1.04 to
    1.57; P=0.02)' in CARET) is a finding, not the primary endpoint met."""
    if c.estimate is None or not _HARM.search(c.endpoint):
        return False
    null = Decimal(1) if c.statistic.endswith("ratio") else Decimal(0)
    return c.estimate > null


def _excludes_null(c: Comparison) -> bool:
    """A printed interval agrees with the p-value: it leaves out 1 for a ratio, 0 for a difference."""
    if c.ci_lower is None or c.ci_upper is None:
        return True
    null = Decimal(1) if c.statistic.endswith("ratio") else Decimal(0)
    return not c.ci_lower <= null <= c.ci_upper


def primary_endpoint_met(sents: list[Sentence], primary: list[Endpoint]) -> bool | None:
    """Only what the results or conclusion say plainly about a primary endpoint."""
    if not primary:
        return None
    names = _names(primary)
    concluding = [s for s in sents if re.match(r"(?i)conclusion|interpretation", s.section)]
    for s in sents:
        if not _VERDICT_SECTION.match(s.section):
            continue
        mentions_primary = any(n.search(s.norm) for n in names)
        if re.search(r"(?i)primary (?:end ?point|endpoint|objective)", s.norm):
            mentions_primary = True
        if concluding and s is concluding[0] and _ANSWER.search(s.norm):
            mentions_primary = True  # 'X is superior to Y': the conclusion about the trial's question
        if not mentions_primary:
            continue
        if _NEGATIVE.search(s.norm):
            return False
        if _POSITIVE.search(s.norm):
            return True
    return None
