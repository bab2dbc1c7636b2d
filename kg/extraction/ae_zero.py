"""Zero counts that words imply: 'No adverse events with a fatal outcome occurred in either
treatment group', 'No patients given SABR had grade 4 events or treatment-related death'.

One job: reading the sentences that state that nobody (in an arm, or in any arm) had an
event of some category; one zero per category the words list.
"""

from __future__ import annotations

import re

from kg.extraction.ae_arms import ResultsArms
from kg.extraction.ae_reader import BARE_EVENTS, Memory
from kg.extraction.ae_vocabulary import AE_WORDS, ae_category, related
from kg.extraction.armrefs import distinct
from kg.extraction.names import is_no_treatment
from kg.model import AdverseEventSummary, Arm

__all__ = ["none_occurred"]

_NONE_OCCURRED = re.compile(
    r"(?i)^\s*(?:there\s+(?:were|was)\s+)?no\s+(?P<what>.{1,80}?)\s+(?:occurred|were\s+(?:reported|observed|seen|noted|recorded))"
    r"\b(?P<where>[^.;]*)"
)
_NO_PATIENT_HAD = re.compile(
    r"(?i)^\s*no\s+(?:patients?|participants?)\s+(?P<where>.{0,60}?)\s*(?:had|experienced|developed|suffered)\s+"
    r"(?P<what>[^.;]{1,120})"
)

# 'Adverse events were similar between groups, with no grade 4 adverse events or deaths due to treatment':
# a clause of a longer sentence (the words before it say whose)
_WITH_NO = re.compile(
    r"(?i)[,;]\s*(?:with|and)\s+no\s+(?!(?:\w+\s+)?(?:difference|change|significant|increase|decrease)\b)"
    r"(?P<what>[^.;,()]{1,80}?)\s*(?=[.;,(]|$)"
)


# 'There were no treatment related deaths.', '..., but there were no treatment-related deaths.', 'There
# were no serious adverse events in the placebo group.' (not 'no significant differences in toxicities')
_THERE_WAS_NO = re.compile(
    r"(?i)(?:^\s*|[,;]\s*(?:(?:and|but)\s+)?|\s(?:and|but)\s+)there\s+(?:were|was)\s+no\s+"
    r"(?!(?:\w+\s+)?(?:differences?|changes?|significant|increases?|decreases?|clear|evidence|unexpected)\b)"
    r"(?P<what>[^.;,()]{1,80}?)(?P<where>\s+(?:in|among|with|for|on)\s+[^.;,()]{1,60}?)?\s*(?=[.;,(]|$)"
)


def _statement(text: str) -> tuple[str, str] | None:
    """(what nobody had, the words saying whose) of a sentence stating zero events."""
    m = _NONE_OCCURRED.match(text) or _NO_PATIENT_HAD.match(text)
    if m:
        return m.group("what"), m.group("where")
    m = _THERE_WAS_NO.search(text)
    if m:
        return m.group("what"), m.group("where") or ""
    m = _WITH_NO.search(text)
    return (m.group("what"), text[: m.start()]) if m else None


def _untreated(arm: Arm) -> bool:
    """An arm given no treatment: 'observation', 'no further treatment'."""
    return arm.no_intervention or (
        bool(arm.interventions) and all(is_no_treatment(i.drug.name) for i in arm.interventions)
    )


def none_occurred(text: str, finder: ResultsArms, memory: Memory) -> list[AdverseEventSummary]:
    """Zero counts: 'No adverse events with a fatal outcome occurred in either treatment
    group'; 'No patients given SABR had grade 4 events or treatment-related death'; '...,
    with no grade 4 adverse events or deaths due to treatment' (one zero per category the words
    list).

    The zero goes to the arm the words name ('no pemetrexed-related deaths'), else to every
    arm; 'no new adverse events' reports nothing countable.
    """
    said = _statement(text)
    if not said or re.search(
        r"(?i)\b(?:new|unexpected|additional|further|other|safety|more\s+than)\b", said[0]
    ):
        return []
    what, where = said
    named = [] if re.search(r"(?i)\b(?:either|both|any|all)\b", where) else finder.find(what + " " + where)
    targets = distinct([a for _s, _e, a in named]) or finder.arms
    names = frozenset(n.lower() for n in finder.names)
    out = []
    for part in re.split(r"(?i),?\s+or\s+(?!\d)|,\s+", what):
        back = bool(BARE_EVENTS.search(part)) and memory.category is not None
        if not (AE_WORDS.search(part) or back or re.search(r"(?i)\bdeaths?\b|\bfatal\b", part)):
            continue
        category = ae_category(part)
        if category == "grade 5" and not (
            AE_WORDS.search(part) or related(part, names) or "fatal" in part.lower()
        ):
            continue
        is_related = related(part, names) or (back and memory.related)
        out += [
            AdverseEventSummary(arm=a.label, category=category, treatment_related=is_related, count=0)
            for a in targets
            if not (is_related and _untreated(a))  # an arm given nothing has no treatment-related events
        ]
    return out
