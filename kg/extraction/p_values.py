"""Between-arm tests reported by their p-value alone: '(40.6% v 21.9%; P = .02)', 'the
response rate for the concurrent arm was significantly higher (84.0%) than that of the
sequential arm (66%) (P = .0002)', 'Myelosuppression was significantly greater on the
concurrent arm than on the sequential arm (P = .0001)'.

A p-value that no ratio or difference took compares the two arms of the figures right before
it in its clause (or, with none, the two arms the clause names, or a two-arm trial's arms) on
their endpoint; the arm the design calls experimental comes first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kg.extraction.armrefs import ArmFinder, distinct
from kg.extraction.endpoint_names import normal_name
from kg.extraction.interactions import subgroup_test
from kg.extraction.landmarks import landmark
from kg.extraction.stats import P, p_value
from kg.extraction.text import CONNECTIVES
from kg.model import Arm


@dataclass(frozen=True)
class Figure:
    """A per-arm figure already read: where it is, its endpoint, arm and landmark."""

    start: int
    end: int
    endpoint: str
    arm: Arm
    timepoint: str | None
    statistic: str = "rate"


@dataclass(frozen=True)
class Test:
    start: int
    end: int
    endpoint: str
    arm: Arm
    comparator: Arm
    timepoint: str | None
    fields: dict


def p_only_tests(
    text: str,
    figures: list[Figure],
    finder: ArmFinder,
    roles: tuple[Arm | None, Arm | None],
    endpoint_at: Callable[[int], str | None],
    whole: str | None = None,
) -> list[Test]:
    """One test per p-value left in the (ratio-blanked) text, a prefix of the ``whole``
    sentence whose clauses say which groups are compared."""
    whole = whole or text
    against = _each_against(text, finder)
    out = []
    for m in P.finditer(text):
        if (
            any(f.start <= m.start() < f.end for f in figures)
            or subgroup_test(text, m) is not None
            or _LEVEL.match(text, m.end())
        ):
            continue
        clause = _clause_start(text, m.start())
        before = _respective(text, m, _compared(text, figures, clause, m.start()))
        endpoint = (
            before[-1].endpoint if before else endpoint_at(m.start()) or _difference_in(text, m.start())
        )
        arms = (
            list(against.get(m.start(), ()))
            or distinct([f.arm for f in before if f.endpoint == endpoint])[-2:]
        )
        if len(arms) < 2:
            arms = distinct([a for _s, _e, a in finder.find(text[clause : m.start()])])[:2]
        if len(arms) == 1:
            arms = _against_the_rest(arms[0], finder.arms)
        if (
            len(arms) < 2
            and None not in roles
            and not _other_groups(_clause_of(whole, m.start()), finder)
            and not _unknown_group(whole, finder)
            and not _factor_association(_clause_of(whole, m.start()), finder)
            and not _within_arm(whole, finder)
        ):
            arms = list(roles)  # 'Leukopenia (P<.001) was more common in elderly men than in younger men': no
        if endpoint is None or _names_arm(endpoint, whole, finder) or len(arms) < 2 or arms[0] is arms[1]:
            continue
        first, second = arms
        if second is roles[0] or first is roles[1]:
            first, second = second, first
        times = {f.timepoint for f in before if f.endpoint == endpoint}
        timepoint = times.pop() if len(times) == 1 else None
        if not before:
            timepoint = _landmark_before(text, m.start()) or _difference_at(text, m.start())
        out.append(Test(m.start(), m.end(), endpoint, first, second, timepoint, p_value(m)))
    return out


# 'a greater progression-free survival at 26 weeks (P =.005, by chi(2) test)' (not '... at 18 and 26
# weeks (P<0.05)' or '... at 12 and at 26 weeks (P', two landmarks)
_AT_TIME = re.compile(r"(?i)(?<!\band\s)(?<!,\s)\bat\s+\d+\s+(?:weeks?|months?|years?)\s*\(\s*$")


def _landmark_before(text: str, pos: int) -> str | None:
    """The landmark a p-value with no figures is at, printed right before its bracket."""
    m = _AT_TIME.search(text, max(0, pos - 40), pos)
    return landmark(m.group()) if m else None


def _against_the_rest(named: Arm, arms: list[Arm]) -> list[Arm]:
    """A pooled group named alone is set against the one arm outside it: in a trial of docetaxel 100
    and 75 mg/m2 against vinorelbine or ifosfamide, 'Patients who received docetaxel had a longer
    time to progression (P =.046, by log-rank test)' compares both docetaxel arms with the third."""
    rest = [a for a in arms if a.label not in named.pooled_from]
    return [named, rest[0]] if named.pooled_from and len(rest) == 1 else [named]


# 'There was no significant difference between the trial arms in the number of thoracotomies
# avoided (P =.2)', 'There was no difference in the median hospitalization, which was 6 days in each
# group (p = 0.404)': what the arms differ in, named before the p-value's bracket
_DIFFERENCE_IN = re.compile(
    r"(?i)\bdifferences?\s+(?:(?P<at>at\s+\d+\s+(?:weeks?|months?|years?))\s+)?"
    r"(?:between\s+(?:the\s+)?(?:two\s+|2\s+|trial\s+|treatment\s+|study\s+)?(?:arms|groups)\s+)?"
    r"in\s+(?:the\s+)?(?:(?:median|mean)\s+)?(?:any\s+(?:component|domain|item|scale)s?\s+of\s+(?:the\s+)?)?"
    r"(?P<what>[a-z][\w -]{2,60}?)(?:\s*,\s*which\s+[^();]*?)?\s*\(\s*$"
)


def _difference_in(text: str, pos: int) -> str | None:
    """The endpoint a p-value tests when its sentence names it only as what the arms differ in."""
    m = _DIFFERENCE_IN.search(text, max(0, pos - 120), pos)
    return normal_name(m.group("what")) if m else None


def _difference_at(text: str, pos: int) -> str | None:
    """The landmark the arms are said to differ at: 'There were no statistically significant
    differences at 1 year between the two arms in any component of the EORTC-QLQC30 or QLQBN20 (P >
    .05)'."""
    m = _DIFFERENCE_IN.search(text, max(0, pos - 120), pos)
    return landmark(m.group("at")) if m and m.group("at") else None


# 'Overall response rates were 10.8% with D100 and 6.7% with D75, each significantly higher than
# the 0.8% response with V/I (P =.001 and P =.036, respectively)'
_EACH_THAN = re.compile(
    r"(?i)\b(?:each|both)\s+(?:(?:was|were|being|statistically|significantly)\s+)*(?:[a-z]+er|more|less|fewer)\s+than\b"
)
_P_JOIN = re.compile(r"\s*(?:,\s*and|,|and)\s*")
_RESPECTIVELY = re.compile(r"[\s,]*respectively\b", re.I)


def _each_against(text: str, finder: ArmFinder) -> dict[int, tuple[Arm, Arm]]:
    """Where arms listed before 'each ... than' the one arm named after it are each set against
    that arm by p-values printed 'respectively': the start of each p-value, with its pair in the
    order listed. Nothing unless as many p-values as arms listed are printed."""
    out: dict[int, tuple[Arm, Arm]] = {}
    for m in _EACH_THAN.finditer(text):
        first = P.search(text, m.end())
        if first is None:
            continue
        listed = distinct([a for _s, _e, a in finder.find(text[_clause_start(text, m.start()) : m.start()])])
        other = distinct([a for _s, _e, a in finder.find(text[m.end() : first.start()])])
        found, pos = [first], first.end()
        while (join := _P_JOIN.match(text, pos)) and (nxt := P.match(text, join.end())):
            found.append(nxt)
            pos = nxt.end()
        if (
            len(other) != 1
            or other[0] in listed
            or len(found) != len(listed)
            or not _RESPECTIVELY.match(text, pos)
        ):
            continue
        out.update({p.start(): (arm, other[0]) for p, arm in zip(found, listed, strict=True)})
    return out


def _compared(text: str, figures: list[Figure], clause: int, pos: int) -> list[Figure]:
    """The figures a p-value compares: those of its clause, but when its clause is a bracket of
    counts only, the rates or medians before it whose parts they are ('36.5% for DC (three
    complete responses and 58 partial responses) and 21.7% for D (one complete response and 32
    partial responses; P =.004)')."""
    before = [f for f in figures if clause <= f.start and f.end <= pos]
    if not before or text[clause] != "(" or any(f.statistic != "count" for f in before):
        return before
    outer = _clause_start(text, clause)
    whole = [f for f in figures if outer <= f.start and f.end <= pos and f.statistic != "count"]
    return whole or before


_P_LIST_REST = re.compile(r"(?i)[\s,;]*(?:and\s+)?(?:respectively\s*)?")


def _respective(text: str, p: re.Match, before: list[Figure]) -> list[Figure]:
    """'Median overall survival (95 months with Cisplatin vs. 96 months in the nihil group) and
    median disease-free survival (66 months ... vs. 73 ...) were similar in both arms (p=0.66 and
    p=0.41, respectively)': a bracket of p-values only, closed by 'respectively', holds one p per
    endpoint whose figures its clause gave, in the order given; the p's figures are its endpoint's."""
    opened, closed = text.rfind("(", 0, p.start()), text.find(")", p.end())
    if opened < 0 or closed < 0 or not re.search(r"(?i)respectively\s*$", text[opened + 1 : closed]):
        return before
    ps = list(P.finditer(text, opened + 1, closed))
    if len(ps) < 2 or text[opened + 1 : ps[0].start()].strip():
        return before
    pieces = [text[a.end() : b.start()] for a, b in zip(ps, ps[1:], strict=False)] + [
        text[ps[-1].end() : closed]
    ]
    if not all(_P_LIST_REST.fullmatch(x) for x in pieces):
        return before
    endpoints = list(dict.fromkeys(f.endpoint for f in before))
    if len(endpoints) != len(ps):
        return before
    mine = endpoints[[q.start() for q in ps].index(p.start())]
    return [f for f in before if f.endpoint == mine]


def _clause_start(text: str, pos: int) -> int:
    """Where a p-value's clause starts: after the last ';' before it, unless that ';' is inside
    the bracket that holds the p-value with its figures ('(37% v 21%, respectively; P <.01)')."""
    semi = text.rfind(";", 0, pos)
    opened = text.rfind("(", 0, pos)
    if 0 <= opened < semi and text.rfind(")", opened, pos) < 0:
        return opened
    if semi > 0 and _TEST_NAME.fullmatch(text, semi + 1, pos):
        return _clause_start(text, semi)  # '37% v 11%; chi(2) test, P =.003': the test of the clause before
    return max(semi, 0)


# a clause that only names the test its p-value comes from
_TEST_NAME = re.compile(
    r"(?i)\s*(?:by\s+)?(?:means\s+of\s+)?(?:the\s+)?(?:two-sided\s+|stratified\s+|unstratified\s+)?"
    r"(?:log-?rank|chi\W{0,2}(?:2|squared?)\W{0,2}|Fisher'?s?\s+exact|Wilcoxon|Mann-Whitney|Cochran-Mantel-Haenszel)"
    r"(?:[\s-]+test)?\s*[,:]?\s*"
)


def _clause_of(text: str, pos: int) -> str:
    start = max(text.rfind(";", 0, pos), 0)
    end = text.find(";", pos)
    return P.sub(" ", text[start : end if end > 0 else len(text)])  # 'P less than 0.02' compares nothing


# 'rejected the alternative hypothesis ... at the P = .0015 level': a significance level, no result
_LEVEL = re.compile(r"(?i)\s+(?:significance\s+)?level\b")

# a clause that sets two groups against each other without naming an arm compares other groups
_OTHER_GROUPS = re.compile(
    r"(?i)\b(?:than|versus|vs\.?|compared\s+(?:with|to)|between)\s+(?![\d.]|(?:the\s+|two\s+|2\s+|both\s+|trial\s+|"
    r"treatment\s+|study\s+|randomi[sz]ed\s+)*(?:arms|groups)\b)"
)


def _other_groups(clause: str, finder: ArmFinder) -> bool:
    """Whether a clause sets groups against each other without naming an arm."""
    return bool(_OTHER_GROUPS.search(clause)) and not finder.find(clause) and not _all_arms(clause, finder)


# 'QOL results were not statistically different (P = .76) between docetaxel groups.'
_BETWEEN_KIND = re.compile(r"(?i)\bbetween\s+(?:the\s+)?(?:two\s+)?(?P<what>[\w-]+)\s+(?:arms|groups)\b")


def _all_arms(clause: str, finder: ArmFinder) -> bool:
    """Whether the groups a clause compares are named by the drug every arm gives, so are the
    arms (in a trial of immediate against delayed docetaxel, 'between docetaxel groups')."""
    m = _BETWEEN_KIND.search(clause)
    what = m.group("what").lower() if m else None
    return bool(what) and all(what in {n.lower() for n in a.drug_names} for a in finder.arms)


# 'The IMRT group had larger planning treatment volumes (...; P = .005)': a group the clause names
_NAMED_GROUP = re.compile(
    r"(?i)\b(?:the|an?)\s+(?P<name>(?:[\w/+-]+\s+){0,2}?[\w/+-]+)\s+(?:group|arm|cohort)s?\b"
)
# the words that name the arms without saying which ('the two groups', 'the control arm')
_ANY_ARM = re.compile(
    r"(?i)(?:.*\s)?(?:\d+|two|both|each|either|all|other|same|treatment|study|trial|control|randomi[sz]ed|"
    r"experimental|intervention|investigational|active|standard|reference|comparator)"
)


# patients grouped by their age, not by arm, as what the sentence is about: 'Older patients had a
# higher incidence of cardiovascular (P =.009) and respiratory (P =.04) comorbidities ...'
_PEOPLE = re.compile(r"(?i)^\W*(?:the\s+)?(?:older|younger|elderly)\s+(?:patients|participants|subjects)\b")


def _unknown_group(text: str, finder: ArmFinder) -> bool:
    """Whether the sentence of a p-value names a group that is no arm and names no arm: 'The IMRT
    group had larger planning treatment volumes (median, 427 v 486 mL; P = .005); a larger planning
    treatment volume/volume of lung ratio (median, 0.13 v 0.15; P = .013); ...', in a report on the
    trial's patients treated by either technique, compares those patients, not the arms."""
    named = [m.group("name") for m in _NAMED_GROUP.finditer(text)]
    other = any(not _ANY_ARM.fullmatch(n) for n in named) or _PEOPLE.search(text)
    return bool(other) and not finder.find(text)


# 'In the C/S group, postoperative RT significantly improved the 5-year local control rate from 33.8%
# to 81.5% (p = 0.007)': a sentence opened by one arm as the patients it speaks of (after a connective:
# 'Specifically, in the SSG group, the parameters for LE were (p = 0.0015 ...)')
_WITHIN = re.compile(
    rf"(?i)^\W*(?:(?:{CONNECTIVES})\s*,?\s+)?(?:in|among|within)\s+(?:the\s+)?(?P<who>[^,;()]{{1,60}}?)\s*,"
)


# 'a significant increase in the knowledge (P < 0.001) ... in the intervention group 1 month after
# intervention compared with that before intervention': a group set against itself at another time
_OVER_TIME = re.compile(
    r"(?i)\bcompared\s+(?:with|to)\s+(?:that|those|the\s+(?:values?|levels?|scores?))\s+(?:before|at\s+baseline)\b|"
    r"\bbefore\s+and\s+after\s+(?:the\s+)?(?:intervention|treatment|training|program|programme|education)\b"
)


def _within_arm(text: str, finder: ArmFinder) -> bool:
    """Whether the sentence of a p-value speaks of one arm's patients only, so that its tests
    compare groups within that arm, not the arms: it opens with the arm as its population and
    names no other arm, or it sets a group against itself before the intervention."""
    opened = _WITHIN.match(text)
    return bool(_OVER_TIME.search(text)) or (
        bool(opened)
        and len(distinct([a for _s, _e, a in finder.find(text)])) == 1
        and bool(finder.find(opened.group("who")))
    )


def _names_arm(endpoint: str, text: str, finder: ArmFinder) -> bool:
    """Whether what was taken for a test's endpoint is an arm's name as the sentence prints it
    ('SBRT also reduced local failure by nearly 3 times compared with EBRT (12% vs. 34%, P=0.10)'
    gives 'sbrt')."""
    at = text.lower().find(endpoint.lower())
    said = text[at : at + len(endpoint)] if at >= 0 else endpoint
    return any(s == 0 and e == len(said) for s, e, _a in finder.find(said))


_ASSOCIATED = re.compile(r"(?i)\bassociated\s+with\b")


def _factor_association(clause: str, finder: ArmFinder) -> bool:
    """Whether the clause of a p-value ties a factor that is no arm to an outcome: 'In multivariate
    analyses, adenocarcinoma (P=0.01), never having smoked (P<0.001), and expression of EGFR (P=0.03)
    were associated with an objective response', 'Among erlotinib-treated patients, EGFR mutations
    were associated with improved response rate (P < .05)': its p-values test the factor, not the
    arms. What is associated is the part of the clause before the words, from its last comma or
    semicolon; an arm named there ('Observation was associated with significantly higher risk of
    death from lung cancer (P = .02)') makes it the arms' test."""
    for m in _ASSOCIATED.finditer(clause):
        subject = re.split(r"[,;]", clause[: m.start()])[-1]
        if not finder.find(subject):
            return True
    return False


__all__ = ["Figure", "Test", "p_only_tests"]
