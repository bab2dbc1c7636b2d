"""How a phrase before a result's figures becomes an endpoint's name: the words that say whose the
figures are ('in the A group', 'in patients with IFI'), that frame them ('the rate of', 'the
proportion of patients with', 'median') or rank the arms ('longer', 'more') are dropped; a phrase
that is a group of patients, a pronoun, a fragment or holds a figure names no endpoint.
"""

from __future__ import annotations

import re

from kg.extraction.endpoint_names import LANDMARK, normal_name, sited, what_changed, without_times
from kg.extraction.endpoint_states import free_of_events

WHO = r"(?:patients|participants|subjects|arms?|groups?|population|cohort|women|men|children)"
FRAME = re.compile(
    r"(?i)^(?:the\s+|a\s+|an\s+)?(?:differences?\s+(?:in|of)\s+(?:the\s+)?)?(?:(?:overall(?=\s+(?:median|mean|average|(?:rates?|proportions?|percentages?|numbers?|risks?)\s+of)\b)|"
    r"estimated|observed|cumulative|actuarial|reported|corresponding|absolute)\s+)*"
    r"(?:(?:median|mean|average)\s+)?(?:(?:rates?|proportions?|percentages?|numbers?|frequenc(?:y|ies)|"
    r"risks?|probabilit(?:y|ies)|likelihood|occurrence|odds|chances?|lengths?)\s+of\s+)?"
    r"(?:(?:patients|participants|subjects|people|persons|those)\s+(?:with|who\s+had|who\s+were|achieving|who\s+achieved)\s+)?"
)
_FUNCTION_WORD = re.compile(
    r"(?i)^(?:for|in|with|at|by|of|to|on|from|among|than|as|and|or|but|the|a|an|was|were|is|are|versus|vs)$"
)
# a name does not open on these: 'throughout the entire', 'between the groups, the viral load'
_NOT_OPENING = re.compile(r"(?i)^(?:throughout|between|during|within)$")
# what the text says of the measure after naming it: 'regression rate was noted'
_WAS_SEEN = re.compile(r"(?i)\s+(?:was|were)\s+(?:noted|observed|seen|found|recorded|reported|detected)$")
_NOT_ENDPOINT = re.compile(
    r"(?i)^(?:overall\s+)?(?:and|or|but|then|as|it|this|these|there|that|which|they|we|patients?|participants?|subjects?|"
    r"results?|findings?|data|values?|figures?|a\s+total\s+of|total|"
    r"differences?|the\s+difference|(?:(?:intention|intent)[\s-]to[\s-]treat\s+|per[\s-]protocol\s+|sub-?group\s+|"
    r"sensitivity\s+|post[\s-]hoc\s+|sub-?)?analys[ie]s|treatment|therapy|groups?|arms?|both|all|none|each|one|two|"
    r"baseline\s+characteristics|characteristics|median\s+follow-up|follow-up|time|rates?|the\s+study|study|trial|mean|median|"
    # how it was measured, not what: 'Very high adherence was reported using the questionnaire, 100% for AL ...'
    r"(?:using|via|through|by\s+means\s+of)\b.*|"
    # a time names when, not what: '... both in the first (p = 0.024) and second hour (p = 0.019) after the break'
    r"(?:first|second|third|fourth|fifth|final|last|early|late)\s+(?:hours?|days?|weeks?|months?|years?|periods?|phases?|"
    r"visits?|sessions?|trimesters?)|"
    r"overall|detriment|benefit|effect|advantage|(?:statistical\s+)?significance|significant(?:\s+differences?)?|(?:pooled\s+)?estimates?|no\s+(?:significant\s+)?differences?\b.*|(?:[\w-]+\s+){0,2}models?"
    # the groups a sentence compares: 'patients receiving combination therapy than monotherapy'
    r"|(?:patients|participants|subjects)\s+(?:receiving|in|on|treated|given|taking)\b.*\bthan\b.*)$"
)


# a pronoun or determiner opens no endpoint's name: 'we detected', 'its effect', 'when the results'
NOT_FIRST = re.compile(r"(?i)^(?:it|its|we|our|they|their|this|these|those|there|which|when|where|such)\b")
# words that rank arms, not name what was measured
_COMPARATIVE = re.compile(
    r"(?i)^(?:(?:similar|comparable|more|less|fewer|greater|better|worse|higher|lower|longer|shorter)\b\s*)+"
)
# 'patients treated with TCD', 'those receiving placebo': a group of patients, not what was measured
GROUP = re.compile(
    rf"(?i)^(?:the\s+)?(?:{WHO}|those)\s+(?:who\s+|that\s+)?(?:were\s+)?(?:treated|receiving|received|given|"
    r"assigned|allocated|randomi[sz]ed|undergoing|underwent|on)\b"
)


# a figure in what patients achieved or had names no endpoint (a landmark inside a name is dropped
# first: 'better 30-day activity without dyspnea scores')
_FIGURE_IN = re.compile(r"(?<![A-Za-z\d])\d")
# a figure in a name; digits a measure's own name holds are part of it ('FEV1', 'HbA1c', 'IL-6', 'PHQ-9'),
# a gene's are not an endpoint's ('KIF5B-RET was the predominant fusion type identified in 16 (62%)'); a
# score's threshold after its short name is ('PASI 75', 'ACR 20')
_FIGURE_IN_NAME = re.compile(r"(?<![A-Za-z\d])(?<![A-Za-z]-)(?<![A-Z]{2}\s)\d|\d(?=[A-Z])")


# a threshold is part of what was measured: 'A LVEF ≤ 30% was observed in 18% ...', 'HbA1c < 7%'
_THRESHOLD = re.compile(r"(?:≤|≥|<|>)\s*(?:or\s*=\s*|=\s*)?\d+(?:\.\d+)?\s*%?")
# a definition after the name: 'Appointment adherence, defined as attendance of ≥1 follow-up visit, was'
_DEFINITION = re.compile(r"(?i)\s*,\s*(?:defined|measured|assessed)\s+(?:as|by|with)\b.*$")
# the analysis a result came from, before what it measured: 'Sub-analysis of adherence rates ... were'
_ANALYSIS_OF = re.compile(r"(?i)^(?:sub-?)?analys[ie]s\s+of\s+(?=\w)")
# what a bracket says of the figures' spread, no part of what they measure
_SPREAD_NOTE = re.compile(r"(?i)\s*\((?:SDs?|SEM?|s\.d\.|IQR|range|95%\s*CI)\)")


# 'in the A group', 'with both regimens': who the figures are of; not the object of a change ('changes from
# baseline in the SF-36 Mental Component Summary')
# 'in group A and group B', 'in groups 1 and 2': arms named by their labels
_WHO_AFTER = re.compile(
    r"(?i)\s+(?:in|with|for|among|between)\s+(?:the|both|all|each|either)\s+"
    r"|\s+(?:in|for|among|between)\s+(?:the\s+)?(?:groups?|arms?|cohorts?)\s+(?:[a-z]|\d|i{1,3}|iv)\b"
)
_CHANGE_IN = re.compile(
    r"(?i)\b(?:changes?|differences?|increases?|decreases?|reductions?|improvements?)(?:\s+from\s+baseline)?\s*$"
)


_LONG_CUT = re.compile(r"(?i)\s+(?:for|with|among|in|treated|receiving)\s+")


def _cut(p: str, at: re.Pattern) -> str:
    """The phrase cut before the first match of ``at`` (the words that say whose the figures
    are), passing over the 'in' that names what changed."""
    for m in at.finditer(p):
        if not (m.group().strip().lower().startswith("in") and _CHANGE_IN.search(p, 0, m.start())):
            return p[: m.start()]
    return p


def clean_phrase(phrase: str, named: bool = False) -> str | None:
    """The endpoint's name the phrase holds (see the module docstring), or None."""
    p = re.sub(r"\s+", " ", phrase).strip(" ,.")
    p = _SPREAD_NOTE.sub("", p).strip()  # 'The mean (SD) difference in pre- and post-test scores'
    if GROUP.match(p):
        return None
    p = without_times(p)
    p = sited(re.sub(r"\s+", " ", p).strip(" ,."))
    p = _cut(p, _WHO_AFTER)
    p = _DEFINITION.sub("", p)
    p = re.sub(r"(?i)\s+of\s+(?:the|both|all|each|either)\s+(?:[\w-]+\s+){0,3}?" + WHO + r"\b.*$", "", p)
    # 'the radiation pneumonitis rate in patients with IFI': who was measured (an arm or a
    # subgroup, each read on its own), not what
    p = re.sub(
        r"(?i)\s+(?:in|among|for)\s+(?:patients|participants|subjects|those)\s+(?:with|who|receiving|treated|given|on)\b.*$",
        "",
        p,
    )
    p = free_of_events(p)
    p = re.sub(r"(?i)\b(?:significantly|statistically|also|not)\b\s*", "", p).strip()
    p = _WAS_SEEN.sub("", p)
    p = FRAME.sub("", p).strip()
    # a clause's conjunction opens no name: 'although improvement in the severity of DD', 'though it did not'
    p = re.sub(r"(?i)^(?:(?:al)?though|while|whereas|since|because|unless)\s+", "", p)
    p = re.sub(r"(?i)^(?:the|a|an)\s+", "", p)
    p = _ANALYSIS_OF.sub("", p)
    p = _COMPARATIVE.sub("", p)  # 'longer time to worsening', 'more hospitalization'
    p = what_changed(p)  # 'a statistically significant increase in mortality'
    if (
        len(p.split()) > 9
    ):  # 'the physical domain of the Quality of Life for Cancer Patients Treated with ...'
        p = _cut(p, _LONG_CUT)
        if "," in p:
            return (
                None  # 'The sensitivity, negative predictive value, and diagnostic accuracy for ...': a list
            )
    # a figure is no part of a name, the digits of a measure's own name are ('ACR20 responder criteria
    # response', 'FEV1'); ``named``: the words are what patients achieved or had
    figure = _FIGURE_IN if named else _FIGURE_IN_NAME
    if (
        not p
        or _NOT_ENDPOINT.match(p)
        or NOT_FIRST.match(p)
        or figure.search(_THRESHOLD.sub("", LANDMARK.sub("", p)))
    ):
        return None
    if len(p.split()) > 9:
        return None
    first, last = p.split()[0], p.split()[-1]
    if _FUNCTION_WORD.match(first) or _FUNCTION_WORD.match(last) or _NOT_OPENING.match(first):
        return None  # 'for', 'total of': a fragment, not a name
    return normal_name(p)
