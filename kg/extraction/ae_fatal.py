"""Deaths among the patients an adverse-event figure just counted.

One job: 'Febrile neutropenia occurred in 11 patients treated with docetaxel 100 mg/m2, three
of whom died', 'Two patients in the gefitinib group developed interstitial lung disease
(incidence 2.3%), one of whom died': the deaths are that arm's fatal (grade 5) cases of that
event, counted among the patients of the figure right before them. The figure's own reading
(arm, event, restriction) is taken over; only the category changes.
"""

from __future__ import annotations

import re

from kg.extraction.text import Sentence
from kg.model import AdverseEventSummary

__all__ = ["fatal_subsets"]

_OF_WHOM_DIED = re.compile(r"(?i)(?<![\w.])(?P<n>\d+)\s+of\s+(?:whom|them|these(?:\s+patients)?)\s+died\b")


def fatal_subsets(sentence: Sentence, rows: list[AdverseEventSummary]) -> list[AdverseEventSummary]:
    """A grade 5 record for each 'N of whom died' that follows a figure read from this
    sentence in the same clause (no other figure and no semicolon between them)."""
    out = []
    for m in _OF_WHOM_DIED.finditer(sentence.norm):
        start, _end = sentence.printed(m.start(), m.end())
        before = [r for r in rows if r.evidence is not None and r.evidence.end <= start]
        if not before:
            continue
        last = max(before, key=lambda r: r.evidence.end)
        if ";" in sentence.text[last.evidence.end : start] or last.category == "grade 5":
            continue
        out.append(
            last.model_copy(
                update={
                    "category": "grade 5",
                    "count": int(m.group("n")),
                    "percent": None,
                    "n_analysed": None,
                    "evidence": sentence.evidence(m.start(), m.end()),
                }
            )
        )
    return out
