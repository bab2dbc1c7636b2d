"""Events listed each with its own figure, all in one arm, against none in the other arm.

One job: '(including neutropenia in 30 [42%] of 72 patients and thrombocytopenia in 29 [40%]
patients on chemotherapy vs no patients with either event on erlotinib)'. Every event of the
list is counted in the arm named after the list; 'no patients with either event' on the other
arm is a zero for each of them. The words of the clause before the list say the category and
whether the events are treatment-related. A list one of whose items is not an event's name
with its figure, or whose two arms are not two different arms, is not read.
"""

from __future__ import annotations

import re

from kg.extraction.ae_arms import ResultsArms
from kg.extraction.ae_vocabulary import cues, event_phrases, related
from kg.extraction.armrefs import distinct
from kg.extraction.text import NUM, Sentence, dec
from kg.model import AdverseEventSummary, Arm

__all__ = ["LISTED", "listed_events"]

_FIGURE = rf"\d+\s*[(\[]\s*{NUM}\s*%\s*[)\]](?:\s+of\s+\d+)?(?:\s+patients)?"
_OPENER = r"(?:(?:including|such\s+as|mainly|notably)\s+)?"
_ITEM = rf"{_OPENER}[a-z][\w -]*?\s+in\s+{_FIGURE}"
_ARM = r"(?:on|in|with|receiving)\s+(?:the\s+)?(?P<{}>[^,;()]+?)"
LISTED = re.compile(
    rf"(?i)(?P<items>{_ITEM}(?:\s*(?:,\s*(?:and\s+)?|and\s+){_ITEM})+)\s+(?:patients\s+)?{_ARM.format('arm')}"
    r"\s+(?:vs\.?|versus|compared\s+with)\s+(?P<zero>no\s+patients|none)(?:\s+with\s+(?:either|any|both|these)\s+events?)?"
    rf"\s+{_ARM.format('other')}(?=\s*[);,.])"
)
_PARTS = re.compile(
    rf"(?i)(?:^|\s*(?:,\s*(?:and\s+)?|and\s+)){_OPENER}(?P<name>[a-z][\w -]*?)\s+in\s+"
    rf"(?P<figure>(?P<count>\d+)\s*[(\[]\s*(?P<pct>{NUM})\s*%\s*[)\]](?:\s+of\s+(?P<n>\d+))?)(?:\s+patients)?"
)


def listed_events(s: Sentence, m: re.Match, finder: ResultsArms) -> list[AdverseEventSummary]:
    """The rows of one listed match (see the module docstring), or nothing."""
    arm, other = _one_arm(m.group("arm"), finder), _one_arm(m.group("other"), finder)
    clause = s.norm[s.norm.rfind(";", 0, m.start()) + 1 : m.start()]
    found = [c for _p, c in cues(clause)]
    parts = list(_PARTS.finditer(m.group("items")))
    names = [p.group("name").strip() for p in parts]
    if arm is None or other is None or arm is other or not found or found[-1] is None:
        return []
    if "".join(p.group(0) for p in parts) != m.group("items") or any(
        event_phrases(n)[:1] != [(0, len(n))] for n in names
    ):
        return []
    category, is_related = found[-1], related(clause, frozenset(n.lower() for n in finder.names))
    base = m.start("items")
    rows = [
        AdverseEventSummary(
            arm=arm.label,
            category=category,
            treatment_related=is_related,
            term=name,
            count=int(p.group("count")),
            percent=dec(p.group("pct")),
            n_analysed=int(p.group("n")) if p.group("n") else None,
            evidence=s.evidence(base + p.start("figure"), base + p.end("figure")),
        )
        for name, p in zip(names, parts, strict=True)
    ]
    zero = (m.start("zero"), m.end("other"))
    return rows + [
        AdverseEventSummary(
            arm=other.label,
            category=category,
            treatment_related=is_related,
            term=name,
            count=0,
            evidence=s.evidence(*zero),
        )
        for name in names
    ]


def _one_arm(words: str, finder: ResultsArms) -> Arm | None:
    """The one arm the words name in full."""
    found = distinct([a for s, e, a in finder.find(words) if (s, e) == (0, len(words))])
    return found[0] if len(found) == 1 else None
