"""Where a sentence names the primary endpoint other than by 'The primary end point was X'.

Reports name it in many shapes: the endpoint first ('Clinical benefit response was the primary
end-point of this prospective randomised trial'), in a bracket beside it ('Overall survival (OS,
primary endpoint) at 2, 3 and 5yr was ...', 'The primary endpoint (time to SPT)'), as what the
endpoint is of ('the primary end point of overall survival'), set off by commas ('on the primary
end point, the incidence of lung cancer, were compared'), or as what the primary objective was to
show a difference in ('The primary objective of this randomized phase III study was to show
significant difference in median time to progression (TTP)'). Each gives the phrase that names
the endpoint; ``trial_endpoints`` turns it into a name.
"""

from __future__ import annotations

import re

_PRIMARY = r"(?:co-?)?primary\s+(?:(?:efficacy|comparison|trial|study)\s+)?(?:end[\s-]?points?|outcomes?|measures?|variables?)"
# a phrase that names an endpoint: no verb or clause inside it
_PHRASE = r"[A-Za-z][\w'-]*(?:\s+[\w'/-]+){0,7}?"
# the same, with an abbreviation after any of its words ('Change in glycated haemoglobin (HbA1c)
# concentration from baseline'), and how it was assessed set off by commas after it
_ABBREVIATION = r"(?:\s*\([A-Za-z][\w-]{1,7}\))?"
_SUBJECT = rf"[A-Za-z][\w'-]*{_ABBREVIATION}(?:\s+[\w'/-]+{_ABBREVIATION}){{0,7}}?"
_ASIDE = r"(?:,\s+(?:as\s+)?(?:assessed|measured|evaluated|calculated)\b[^,;()]{1,80},)?"

_FORMS = (
    # 'Investigator-assessed confirmed objective response rate (ORR) was the primary end point',
    # 'Postoperative pain, as assessed using a 10-point visual analog scale, was the primary comparison endpoint'
    re.compile(
        rf"(?i)^(?:the\s+)?({_SUBJECT}){_ASIDE}\s+(?:was|were|is|are|served\s+as)\s+(?:the|our|its)\s+{_PRIMARY}\b"
    ),
    # 'Overall survival (OS, primary endpoint) at 2, 3 and 5yr was ...', 'Continuous abstinence from smoking
    # during the last 4 weeks of treatment (weeks 9-12; primary end point) and through ...'
    re.compile(
        rf"(?i)(?:^|[:;]\s*)([A-Za-z][\w'-]*(?:\s+[\w'/-]+){{0,11}}?)\s*\((?:[^()]{{1,30}}?\s*[,;]\s*)?(?:the\s+)?{_PRIMARY}\)"
    ),
    # 'The primary endpoint (time to SPT) and the secondary endpoints (...) were analyzed'
    re.compile(rf"(?i)\b{_PRIMARY}\s*\(((?!n\s*=|\d|p\s*[=<>])[^()=]{{3,80}})\)"),
    # 'no statistically significant difference in the primary end point of overall survival'
    re.compile(
        rf"(?i)\b{_PRIMARY}\s+of\s+(?!(?:the|this|these|our|a|an)\b)({_PHRASE})(?=\s*(?:[,.;]|$)|\s+(?:was|were|is|in|between|with)\b)"
    ),
    # 'on the primary end point, the incidence of lung cancer, were compared'
    re.compile(rf"(?i)\b{_PRIMARY},\s+((?:the\s+)?{_PHRASE}),\s+(?:were|was|is|are)\b"),
    # 'The primary objective of this randomized phase III study was to show significant difference in X',
    # 'The primary aims were to detect differences in symptoms and function'
    re.compile(
        r"(?i)\bprimary\s+(?:objectives?|aims?|end\s?points?)\b[^.;]{0,80}?\b(?:was|were)\s+to\s+(?:show|demonstrate|detect|"
        r"compare)\s+(?:an?\s+)?(?:(?:statistically\s+)?significant\s+)?(?:differences?|improvements?|prolongation|"
        rf"increase|reduction)\s+in\s+({_PHRASE}(?:\s*\([A-Za-z-]{{2,8}}\))?)(?=\s*(?:[,.;]|$)|\s+(?:in|of|for|among|with|between)\b)"
    ),
)


def primary_phrases(text: str) -> list[str]:
    """The phrases a sentence names its primary endpoint by, in the shapes above."""
    return [m.group(1) for form in _FORMS if (m := form.search(text))]
