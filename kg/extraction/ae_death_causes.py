"""One arm's deaths told by cause: those put down to adverse events are its fatal events.

One job: '13 (87%) of the 15 patients who died in the ceritinib group died because of disease
progression and two (13%) died because of an adverse event (one [7%] cerebrovascular accident
and one [7%] respiratory failure)'. A clause set among the patients who died in one arm counts
that arm's deaths by cause; a count that died because of adverse events (or toxicity) is the
arm's grade 5 adverse events, and the counts of the bracket right after it are those deaths'
events. Their percents are shares of the deaths, not of the arm: they are not kept, and the
evidence is the count alone. Deaths from the disease are no adverse events. Whether the deaths
were treatment-related is read from their own words, not from a later clause that judges them.
"""

from __future__ import annotations

import re

from kg.extraction.ae_arms import ResultsArms
from kg.extraction.ae_vocabulary import event_phrases, related
from kg.extraction.armrefs import distinct
from kg.extraction.text import NUM, Sentence
from kg.model import AdverseEventSummary, Arm

__all__ = ["death_causes"]

_ARM_DEATHS = re.compile(
    r"(?i)\bof\s+the\s+\d+\s+patients\s+who\s+died\s+(?:in|on|among)\s+(?:the\s+)?(?P<arm>[^,;()]+?)\s+(?:group|arm)\b"
)
_SHARE = rf"\s*[(\[]\s*{NUM}\s*%\s*[)\]]"
_AE_DEATHS = re.compile(
    rf"(?i)\b(?P<n>\d+)(?:{_SHARE})?\s+died\s+(?:because\s+of|due\s+to|from|of|as\s+a\s+result\s+of)\s+(?:an?\s+)?"
    r"(?:(?:treatment|drug)[- ]related\s+)?(?:adverse\s+events?|toxicity|toxic\s+effects)"
)
_ITEMS = re.compile(r"\s*\((?P<body>(?:[^()\[\]]|\[[^\[\]]*\])+)\)")
_ITEM = re.compile(rf"(?i)\s*(?:and\s+)?(?P<n>\d+)(?:{_SHARE})?\s+(?P<name>[^\d,;\[\]]+?)\s*")
_ITEM_CUT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\band\s+)(?=\d)")


def death_causes(s: Sentence, finder: ResultsArms) -> list[AdverseEventSummary]:
    """The fatal adverse events of the clauses of a sentence set among one arm's deaths."""
    out: list[AdverseEventSummary] = []
    text = s.norm
    for lead in _ARM_DEATHS.finditer(text):
        arms = distinct([a for _s, _e, a in finder.find(lead.group("arm"))])
        if len(arms) != 1:
            continue
        end = text.find(";", lead.end())
        end = len(text) if end < 0 else end
        for m in _AE_DEATHS.finditer(text, lead.end(), end):
            out += _deaths(s, m, arms[0])
    return out


def _deaths(s: Sentence, m: re.Match, arm: Arm) -> list[AdverseEventSummary]:
    """The arm's fatal adverse events of one 'N died because of an adverse event', with the
    events of the bracket after it when every item is a counted event adding up to no more."""
    is_related = related(m.group(0))
    total = int(m.group("n"))
    rows = [_row(s, arm, None, total, m.start("n"), m.end("n"), is_related)]
    bracket = _ITEMS.match(s.norm, m.end())
    if bracket is None:
        return rows
    body, offset = bracket.group("body"), bracket.start("body")
    cuts = [0] + [x for c in _ITEM_CUT.finditer(body) for x in (c.start(), c.end())] + [len(body)]
    items = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=True):
        item = _ITEM.fullmatch(body, a, b)
        name = item.group("name") if item else ""
        if not item or event_phrases(name)[:1] != [(0, len(name))]:
            return rows
        items.append((name, int(item.group("n")), offset + item.start("n"), offset + item.end("n")))
    if sum(n for _name, n, _a, _b in items) > total:
        return rows
    return rows + [_row(s, arm, name, n, a, b, is_related) for name, n, a, b in items]


def _row(
    s: Sentence, arm: Arm, term: str | None, count: int, start: int, end: int, is_related: bool
) -> AdverseEventSummary:
    return AdverseEventSummary(
        arm=arm.label,
        category="grade 5",
        treatment_related=is_related,
        term=term,
        count=count,
        evidence=s.evidence(start, end),
    )
