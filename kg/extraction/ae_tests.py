"""Between-arm tests of adverse-event figures: the p-value printed with a pair of them.

One job: 'leucopenia (53% versus 19%, P = 0.009 by means of chi(2) test)', 'Grade 3/4
neutropenia (74% versus 43%, P < 0.005)', 'leukopenia (46% v 23%, respectively; P < .001)',
'hematological G3/4 toxic effects were 10% (CPx) and 74% (CVb) (P < 0.001)'. A p-value
compares the two arms of the adverse-event figures read right before it when exactly two
figures, of two arms, state that one event (same category, term and restriction) since the
last p-value, and nothing but punctuation, arm names and linking words ('for MFRT vs SFRT,
respectively;') lies between the second figure and the p-value. It is recorded the way a
between-arm test of an efficacy endpoint reported by its p-value alone is (a ``Comparison``
with statistic ``p_value``), its endpoint named from the event ('grade 3-4 neutropenia',
'treatment-related serious adverse events'); the arm the design calls experimental comes
first. A p-value an efficacy rule already took is left to it, and one stated for several
comparisons at once ('P<.001 for all') tests no one pair.
"""

from __future__ import annotations

import re

from kg.extraction.ae_vocabulary import names_event
from kg.extraction.armrefs import ArmFinder
from kg.extraction.stats import P, p_value
from kg.extraction.text import Sentence
from kg.model import AdverseEventSummary, Arm, Comparison, Evidence

__all__ = ["adverse_event_tests", "event_endpoint"]

# what may stand between a pair's second figure and its p-value, once arm names are blanked
_LINK = re.compile(
    r"(?i)[\s,;:()\[\]]*(?:(?:for|in|with|on|vs\.?|versus|v|and|respectively|the|groups?|arms?)[\s,;:()\[\]]*)*"
)

# a p-value for several comparisons at once: '(3D-CRT, 30% and 18%; IMRT, 9% and 44%; P<.001 for all)'
_SEVERAL = re.compile(r"(?i)\s*(?:for|in)\s+(?:all|both|each|every)\b")


def adverse_event_tests(
    sents: list[Sentence],
    events: list[AdverseEventSummary],
    arms: list[Arm],
    finder: ArmFinder,
    taken: list[Evidence | None],
) -> list[Comparison]:
    """The tests of the results sentences' adverse-event pairs (see the module docstring);
    ``taken``: the evidence of the comparisons already read, whose p-values are theirs."""
    out: list[Comparison] = []
    for s in sents:
        rows = sorted(
            (e for e in events if e.evidence is not None and e.evidence.sentence == s.text and _figure(e)),
            key=lambda e: e.evidence.start,
        )
        if len(rows) < 2:
            continue
        since = 0
        for m in P.finditer(s.norm):
            start, end = s.printed(m.start(), m.end())
            pair = _pair(
                s.text,
                [r for r in rows if since <= r.evidence.start and r.evidence.end <= start],
                start,
                finder,
            )
            since = end
            if pair is None or _taken(s.text, start, taken) or _SEVERAL.match(s.norm, m.end()):
                continue
            first, second = _ordered(pair, arms)
            out.append(
                Comparison(
                    endpoint=event_endpoint(first),
                    statistic="p_value",
                    arm=first.arm,
                    comparator=second.arm,
                    evidence=s.evidence(m.start(), m.end()),
                    **p_value(m),
                )
            )
    return out


def event_endpoint(e: AdverseEventSummary) -> str:
    """The name of what an adverse-event figure counts: 'grade 3-4 neutropenia', 'leucopenia',
    'treatment-related serious adverse events', 'adverse events leading to discontinuation',
    'grade 3-4 laboratory adverse events'."""
    event = e.term or "adverse events"
    if e.term and not names_event(e.term):  # a class of events: 'laboratory', 'non-hematological'
        event = f"{e.term} adverse events"
    if e.category == "leading to discontinuation":
        name = f"{event} leading to discontinuation"
    else:
        name = event if e.category == "any" else f"{e.category} {event}"
    return f"treatment-related {name}" if e.treatment_related else name


def _figure(e: AdverseEventSummary) -> bool:
    """A row read from a printed figure (a zero the words imply spans its whole sentence)."""
    return e.evidence is not None and e.evidence.end - e.evidence.start < len(e.evidence.sentence)


def _pair(
    text: str, before: list[AdverseEventSummary], p_start: int, finder: ArmFinder
) -> tuple[AdverseEventSummary, AdverseEventSummary] | None:
    """The two figures a p-value tests: the last two read before it, when they are the only
    ones of their statement since the last p-value, of two arms, and only linking words
    separate the second from the p-value."""
    if len(before) < 2:
        return None
    a, b = before[-2], before[-1]
    key = (b.category, b.term, b.treatment_related)
    if (a.category, a.term, a.treatment_related) != key or a.arm == b.arm:
        return None
    if sum((x.category, x.term, x.treatment_related) == key for x in before) != 2:
        return None
    gap = text[b.evidence.end : p_start]
    for s, e, _arm in reversed(finder.find(gap)):
        gap = gap[:s] + " " * (e - s) + gap[e:]
    return (a, b) if _LINK.fullmatch(gap) else None


def _ordered(
    pair: tuple[AdverseEventSummary, AdverseEventSummary], arms: list[Arm]
) -> tuple[AdverseEventSummary, AdverseEventSummary]:
    """The experimental arm's figure first, else the comparator's last, else as printed."""
    roles = {a.label: a.role for a in arms}
    a, b = pair
    if roles.get(b.arm) == "experimental" or roles.get(a.arm) == "comparator":
        return b, a
    return a, b


def _taken(sentence: str, start: int, taken: list[Evidence | None]) -> bool:
    return any(ev is not None and ev.sentence == sentence and ev.start <= start < ev.end for ev in taken)
