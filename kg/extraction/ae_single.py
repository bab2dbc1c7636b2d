"""A run of adverse-event figures read 'respectively' against the events of a one-arm study.

One job: 'grade 2 to 3 ... leukopenia and thrombocytopenia occurred in 23% and 20% of
patients, respectively', 'grade 3/4 neutropenia and thrombocytopenia (which occurred in 65%
and 40% of the patients, respectively)'. In a study of one arm such a run compares no arms:
the i-th figure is the i-th event's, in that arm, when the events named are as many as the
figures. A run whose events cannot be paired with its figures stays unread.
"""

from __future__ import annotations

import re

from kg.extraction.ae_arms import ResultsArms, other_groups
from kg.extraction.ae_terms import Group, split_terms

__all__ = ["events_respectively"]

_RESPECTIVELY = re.compile(r"(?i)[^;.]*?\brespectively\b")


def events_respectively(g: Group, text: str, finder: ResultsArms) -> bool:
    """Pair a one-arm study's run of figures with the events named before it (see the module
    docstring); True when the group was given its arm and events."""
    starts = sorted({f.start for f in g.figures})
    if (
        not finder.single_arm
        or len(starts) < 2
        or len(set(g.terms)) != 1
        or not _RESPECTIVELY.match(text, g.figures[-1].end)
        or other_groups(text, finder)
    ):
        return False
    parts = split_terms(g.terms[0], len(starts))
    if not parts:
        return False
    g.arms = [finder.arms[0]] * len(g.figures)
    g.terms = [parts[starts.index(f.start)] for f in g.figures]
    return True
