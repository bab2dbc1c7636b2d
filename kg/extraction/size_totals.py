"""The wordings that state how many patients a trial randomised: 'we randomly assigned 331
patients', 'Of 1111 patients randomized, ...', 'Patients (n = 1,218) with stage IIIB to IV NSCLC
were randomly assigned', 'a randomized trial in 353 patients'. ``PEOPLE`` is who may be counted,
``ENROLLED`` the verbs that count all of them (not 'were assigned to A', one arm's count).
"""

from __future__ import annotations

import re

PEOPLE = (
    r"(?:patients|participants|subjects|persons|people|individuals|smokers|adults|women|men|volunteers|children|"
    r"survivors|cases|females|males|infants|neonates|newborns|students|physicians|nurses|mothers|athletes|"
    r"parturients|outpatients|inpatients|immigrants|residents|workers|employees|veterans)"
)
# 'were assigned randomly into three groups', 'were studied' (not 'were assigned to A': one arm's count)
ENROLLED = (
    r"(?:randomly\s+(?:assigned|allocated|divided|distributed)|(?:assigned|allocated|divided)\s+(?:randomly\s+(?:in)?to|into)\b|"
    r"randomi[sz]ed|underwent\s+randomi[sz]ation|enrolled|recruited|entered|included|accrued|studied|"
    # 'were assigned to two groups': all of them (not 'were assigned to A')
    r"(?:assigned|allocated)\s+to\s+(?:two|three|four|five|six|[2-6])\s+(?:[\w-]+\s+)?(?:groups|arms))"
)
TOTALS = (
    re.compile(
        rf"(?i)\b(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed|enrolled|(?<=we\s)(?:recruited|studied)|"
        rf"(?<=study\s)included|(?<=trial\s)included),?\s+(?:\([^)]*\)\s+)?"
        rf"(?:in\s+an?\s+\d+:\d+(?::\d+)?\s+ratio,?\s+)?(\d+)\s+(?:[\w-]+\s+){{0,3}}{PEOPLE}\b"
    ),
    re.compile(rf"(?i)\bof\s+(?:the\s+)?(\d+)\s+(?:[\w-]+\s+){{0,2}}{PEOPLE}\s+(?:who\s+)?{ENROLLED}"),
    re.compile(rf"(?i)\bcompar\w+\s+[^.;]+?\s+in\s+(\d+)\s+{PEOPLE}\b"),
    re.compile(
        rf"(?i)\b(?:there\s+were|of\s+(?:the|all)|among\s+(?:the|all))\s+(\d+)\s+randomi[sz]ed\s+{PEOPLE}\b"
    ),
    # 'of 334 randomly assigned patients', 'There were 276 patients randomized'
    re.compile(rf"(?i)(?<![\d.%])\b(\d+)\s+(?:randomly\s+(?:assigned|allocated)|randomi[sz]ed)\s+{PEOPLE}\b"),
    re.compile(rf"(?i)\bthere\s+were\s+(\d+)\s+{PEOPLE}\s+randomi[sz]ed\b"),
    # 'In 20 centers, 333 patients randomly received perindopril or matching placebo'
    re.compile(
        rf"(?i)(?<![\d.%])\b(\d+)\s+(?:[A-Za-z-]+\s+){{0,3}}{PEOPLE}\s+randomly\s+(?:received|underwent)\b"
    ),
    # 'Patients (n = 1,218) with stage IIIB to IV NSCLC were randomly assigned', 'Patients with active RA (N = 982)
    # were randomized' (not one of several: 'squamous (N = 272) or nonsquamous (N = 582) NSCLC')
    re.compile(
        rf"(?i)(?<![\d,]\s)\b{PEOPLE}(?:\s+with\s+[^.;()]{{1,60}}?|,\s+aged\s+[^.;()]{{1,30}}?)?\s*\(n\s*=\s*(\d+)\)(?!\s*(?:or|and)\s[^.;()]{{0,40}}\(n\s*=)(?:[^.;()]|\([^()]*\)){{0,120}}?\b(?:were|was)\s+(?:\w+\s+)?{ENROLLED}\b"
    ),
    # 'after the random assignment of 270 patients', 'terminated early after randomisation of 49 patients'
    re.compile(
        rf"(?i)\b(?:random\s+assignment|randomi[sz]ation)\s+of\s+(\d+)\s+(?:[\w-]+\s+){{0,3}}{PEOPLE}\b"
    ),
    # 'a randomized, phase 3 trial of 1,776 patients', 'a randomized trial in 353 patients', 'a double-blind,
    # randomized study was performed in 90 children', 'A randomized placebo-controlled, parallel-group trial
    # included 481 low-income, female participants', 'a cluster randomised trial of health promotion in 1,013 participants'
    re.compile(
        rf"(?i)\brandomi[sz]ed\b[^.;]{{0,80}}?\b(?:trial|study)\s+(?:of\s+(?!\d)[^.;\d]{{0,60}}?\s+(?=in\s+\d)|"
        rf"(?:was|were)\s+(?:performed|conducted|carried\s+out|done|undertaken)\s+(?=in\s+\d))?"
        rf"(?:of|in|including|involving|included|enrolled|recruited)\s+(\d+)\s+(?:[\w-]+,?\s+){{0,3}}{PEOPLE}\b"
    ),
)
