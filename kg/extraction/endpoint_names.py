"""One spelling for an endpoint's usual forms, so that the figures of one endpoint meet under
one name however a sentence words it: 'incidence of lung cancer' and 'diagnosed with lung
cancer' are 'lung cancer incidence', 'recurrence of tumor anywhere in the brain' is 'brain
recurrence', 'the hazard ratio of death' is overall survival's."""

from __future__ import annotations

import re

from kg.extraction.lexicon import HR_EVENTS

DISCONTINUED = r"discontinued\s+(?:the\s+)?(?:study\s+)?(?:treatment|therapy|drug)"
STOPPED = re.compile(rf"(?i)\b(?:(?:had|have)\s+)?{DISCONTINUED}\b")


# a share of patients named by what they reached: the rate it is reported as
_RATE_OF = {"disease control": "disease control rate"}


def normal_name(phrase: str) -> str:
    """One spelling for the usual forms: 'incidence of lung cancer' -> 'lung cancer incidence',
    'deaths from lung cancer' -> 'lung cancer mortality', 'rate of death' -> 'death', 'have
    died' -> 'death'."""
    p = sited(phrase.lower())
    p = re.sub(
        r"^(change|improvement|reduction|increase|decrease)s\s+(?=in\b)", r"\1 ", p
    )  # 'changes in HbA1c'
    if re.fullmatch(
        r"(?:[\w-]+\s+){0,2}[\w-]+-(?:free|specific)", p
    ):  # 'disease-free (24% vs. 23%) ... survival rates', 'overall (HR ...) and lung cancer-specific (HR ...) survival'
        return f"{p} survival"
    if p in _RATE_OF:  # 'as were progression-free survival (...) and disease control (201 [51%] of 398'
        return _RATE_OF[p]
    if re.fullmatch(r"(?:have\s+|had\s+)?died", p):
        return "death"
    # '... and lost significant weight (basic: –2.1, SD 3.3 kg, ...'
    if lost := re.fullmatch(r"(lost|gained)\s+(?:(?:significant|more|less)\s+)?weight", p):
        return "weight loss" if lost.group(1) == "lost" else "weight gain"
    m = re.fullmatch(r"(?:(?:hazard|odds|risk|rate)\s+ratios?|hr|or|rr)\s+(?:of|for)\s+(.+)", p)
    if m:  # 'the hazard ratio of death': the endpoint its event ends
        return HR_EVENTS.get(m.group(1), m.group(1))
    if STOPPED.fullmatch(p):  # 'had discontinued treatment'
        return "treatment discontinuation"
    m = re.fullmatch(r"(?:.*\b)?(?:die|died|death)\s+(?:of|from)\s+([a-z-]+)\s+causes", p)
    if m:  # 'less likely to die of neurologic causes'
        return f"{m.group(1)} death"
    m = re.fullmatch(
        r"(?:the\s+)?incidence\s+of\s+(.+)|(?:(?:have|has|had)\s+)?(?:been\s+)?diagnosed\s+with\s+(.+)", p
    )
    if m:
        return f"{m.group(1) or m.group(2)} incidence"
    m = re.fullmatch(r"(?:deaths?|mortality)\s+(?:from|due\s+to)\s+(?!any\b)(.+)", p)
    if m:
        return f"{m.group(1)} mortality"
    return p


# 'recurrence of tumor anywhere in the brain', 'progression of disease in the chest': the
# event named by its site, as 'brain recurrence' (not a group: 'in the control arm' stays)
_SITED = re.compile(
    r"(?i)\b(recurrence|relapse|progression|metastas[ie]s)\s+of\s+(?:the\s+)?(?:tumou?rs?|disease|cancer)\s+"
    r"(?:anywhere\s+)?in\s+the\s+(?!(?:control|placebo|experimental|treatment|study|intervention|same)\b)([a-z]+)$"
)


# 'recurrence at the site of the original metastasis': a local recurrence, and called so
_AT_FIRST_SITE = re.compile(
    r"(?i)^(?=(?:recurrence|relapse|failure|progression)\s+(?:at|in|within)\s+the\s+(?:site|bed)\s+of\s+the\s+"
    r"(?:original|primary|resected|treated|irradiated|index)\b)"
)


def sited(phrase: str) -> str:
    """The event named by its site: 'recurrence of tumor in the brain' -> 'brain recurrence'."""
    return _AT_FIRST_SITE.sub("local ", _SITED.sub(lambda m: f"{m.group(2)} {m.group(1)}", phrase))


# a landmark time in a name: '2-year survival', 'survival at 2 years'
LANDMARK = re.compile(
    r"(?i)(?:\bper\s+)?\b\d+[- ](?:years?|months?|weeks?|days?)\b|\b(?:at|after)\s+\d+\s+\w+"
    r"|\b(?:at|after|by|and)\s+(?:years?|months?|weeks?|days?)\s+\d+\b"  # 'at week 12 (...) and week 24'
)


# 'continuous abstinence rates for 6 months after discharge', 'tobacco abstinence at 6 months':
# the time the figures are read at, and all after it, is no part of the name
_TIME_AFTER = re.compile(
    r"(?i)\s+(?:for|at|after|over|through|throughout|within|by)\s+(?:the\s+(?:first|last)\s+)?"
    r"(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:days?|weeks?|months?|years?)\b|"
    r"(?:days?|weeks?|months?)\s+\d+\b).*$"  # '... rate for weeks 9-12'
)


def without_times(phrase: str) -> str:
    """The name without its landmark times ('2-year survival' -> 'survival'); when a time after
    the name says when it was read ('7-day tobacco abstinence at 6 months'), a time before the
    noun is the window the measure counts over, and part of the name."""
    read_at = _TIME_AFTER.search(phrase)
    if read_at and read_at.start():
        return phrase[: read_at.start()]
    return LANDMARK.sub("", phrase)


# a significant change named before what changed: 'was associated with a statistically significant
# increase in mortality (HR = 1.11': the endpoint is what changed, the words say which arm it
# favours (not 'improvement in pain' or 'decline in recall', which name a patient's own change)
_CHANGE_IN = re.compile(r"(?i)^significant\s+(?:increase|decrease|reduction|rise|fall)\s+in\s+(?=\w)")


def what_changed(phrase: str) -> str:
    """'significant increase in mortality' -> 'mortality'."""
    return _CHANGE_IN.sub("", phrase)
