"""The event a ratio is for when its sentence says it in words before the ratio rather than as an
endpoint's name: 'the risk of death ... (HR', 'to reduce the risk of developing a skeletal event
by 31% (hazard ratio of 0.693', 'More women died from lung cancer in the combined hormone therapy
group than in the placebo group (73 vs 40 deaths; ...; HR 1.71, 1.16-2.52, p=0.01)'.

Deaths from one cause are that cause's mortality ('deaths from lung cancer'), the usual spelling
of which ``endpoint_names.normal_name`` gives; deaths from any cause are left to the words
around them.
"""

from __future__ import annotations

import re

# what ends the words of an event: the verb, a group or comparison after it, or punctuation
_EVENT_END = (
    r"(?=\s+(?:by|was|were|is|compared|versus|vs\.?|than|over|with|in|among|at|for|from)\b"
    r"|\s*[(),;]|$)"
)
_RISK_OF = re.compile(
    r"(?i)\brisk\s+(?:of|for)\s+(?:developing\s+|having\s+|experiencing\s+)?(?:an?\s+)?"
    r"(?P<event>(?:disease\s+)?(?:progression(?:\s+or\s+death)?|death)\b|[a-z][a-z -]{1,60}?"
    + _EVENT_END
    + ")"
)
# words that name who, not what: 'deaths of patients ...', '20% more patients responded'
_WHO = r"(?:the\s+)?(?:patients|participants|subjects|people|women|men)\b"
# 'died from lung cancer', 'deaths from non-small-cell lung cancer', 'death due to lung cancer'
_DEATHS_FROM = re.compile(
    rf"(?i)\b(?:died|deaths?)\s+(?:from|of|due\s+to)\s+(?!(?:any|all|other)\b|{_WHO})"
    r"(?P<cause>[a-z][a-z -]{1,60}?)" + _EVENT_END
)
# 'The analysis of non-lung cancer deaths for the whole period showed an HR of 1.34': the cause before
_CAUSE_DEATHS = re.compile(
    r"(?i)\b(?P<cause>(?:(?!(?:of|the|and|or|in|for|from|with|to|an?)\b)[a-z][a-z-]*\s+){1,2}?(?:cancer|disease))"
    r"\s+deaths\b"
)

# 'BCP patients also had 18% fewer hospital admissions than CP patients (adjusted incidence rate
# ratio (IRR): 0.82, ...) and 23% fewer inpatient days (IRR: 0.77, ...)': the ratio said as a percent
# before it counts what is fewer
_FEWER = re.compile(
    rf"(?i)\b\d+(?:\.\d+)?\s*%\s+(?:fewer|more|less)\s+(?!{_WHO})(?P<event>[a-z][a-z -]{{1,60}}?)(?=\s+than\b|\s*[(),;]|$)"
)


def event_before(text: str, pos: int, mentions: list[tuple[int, str]]) -> str | None:
    """The words of the last event named before ``pos`` ('death', 'developing a skeletal
    event', 'deaths from lung cancer'), unless an endpoint is named between it and ``pos``."""
    found = [pattern.finditer(text, 0, pos) for pattern in (_RISK_OF, _DEATHS_FROM, _CAUSE_DEATHS, _FEWER)]
    found = [m for matches in found for m in matches]
    if not found:
        return None
    last = max(found, key=lambda m: m.start())
    if any(last.start() < p < pos for p, _n in mentions):
        return None
    if last.re in (_DEATHS_FROM, _CAUSE_DEATHS):
        return "deaths from " + re.sub(r"\s+", " ", last.group("cause")).strip()
    return re.sub(r"\s+", " ", last.group("event")).strip()


# 'there were 271 deaths in 482 randomly assigned patients', 'After 397 deaths (pemetrexed, 71%; ...)':
# a sentence that counts the deaths of the whole trial
_DEATHS_COUNTED = re.compile(r"(?i)\b(?:there\s+(?:were|had\s+been)|after|with)\s+\d[\d,]*\s+deaths\b")


def deaths_counted(text: str) -> bool:
    """Whether the sentence counts the trial's deaths: a ratio the next sentence prints without
    naming its event ('ACT continues to show a benefit (hazard ratio [HR], 0.78; ...') is for them."""
    return bool(_DEATHS_COUNTED.search(text))
