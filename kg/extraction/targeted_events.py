"""Events a trial set out to prevent or reduce are its outcomes, not its harms. 'The aim of this study
was to determine the effect of oral ondansetron in decreasing the vomiting due to acute gastroenteritis'
makes 'Ten patients in ondansetron and 14 in placebo group had persistent vomiting' two results of the
trial; 'antimicrobial prophylaxis for cesarean delivery ... for prevention of post-cesarean infectious
morbidity' makes the postoperative infections of each arm results. The safety reader, which knows
event words but not what a trial is for, takes such figures as adverse events; here they move to the
efficacy results, as counts or rates of the event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.model import AdverseEventSummary, ArmResult

# what a trial aims at: 'in decreasing the vomiting', 'for prevention of post-cesarean infectious morbidity',
# 'prophylaxis of X', 'to reduce the incidence of X'
_AIM = re.compile(
    r"(?i)\b(?:prevent(?:ing|ion|s)?|prophylaxis|decreas(?:e|es|ing)|reduc(?:e|es|ing|tion)|avoid(?:ing|ance)?)"
    r"\s+(?:(?:of|in|the|on|against|for)\s+)*(?:(?:incidence|rate|risk|frequency|occurrence|number)\s+of\s+)?"
    r"(?P<what>[a-z][a-z -]{2,60})"
)
_STEM = 5  # 'infection', 'infections', 'infectious' share 'infec'
_WORD = re.compile(r"[a-z]{4,}")


def targeted(
    texts: Sequence[str], events: list[AdverseEventSummary]
) -> tuple[list[AdverseEventSummary], list[ArmResult]]:
    """(the events that stay harms, the results the others are): an event is the trial's target when
    a content word of its term shares its stem with a word of what ``texts`` (the title and the
    sentences before the results) say the trial aims to prevent or reduce."""
    aims = {
        w[:_STEM] for t in texts for m in _AIM.finditer(t) for w in _WORD.findall(m.group("what").lower())
    }
    kept: list[AdverseEventSummary] = []
    moved: list[ArmResult] = []
    for e in events:
        words = {w[:_STEM] for w in _WORD.findall((e.term or "").lower())}
        if not (e.term and words & aims):
            kept.append(e)
            continue
        result = _result(e)
        if all(_key(r) != _key(result) for r in moved):  # the safety reader may read a figure twice
            moved.append(result)
    return kept, moved


def _key(r: ArmResult) -> tuple:
    return r.arm, r.endpoint, r.estimate, r.evidence.sentence if r.evidence else None


def _result(e: AdverseEventSummary) -> ArmResult:
    rate = e.percent is not None
    return ArmResult(
        endpoint=e.term if e.category == "any" else f"{e.category} {e.term}",  # 'severe nausea'
        statistic="rate" if rate else "count",
        arm=e.arm,
        estimate=e.percent if rate else e.count,
        unit="percent" if rate else None,
        count=e.count if rate else None,
        n_analysed=e.n_analysed,
        evidence=e.evidence,
    )
