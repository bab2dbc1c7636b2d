"""Adverse events named together with a slash, each arm's figures joined by the same slash.

One job: 'alanine aminotransferase (ALT)/aspartate aminotransferase (AST) elevation
(6.1%/13.0% for gefitinib v 2.2%/3.3% for erlotinib)'. A parenthesis of per-arm runs, each a
slash-joined series of percents that names its arm after it, the runs joined by 'v'/'versus'
or ';', gives the i-th event of the slash-joined name before it the i-th percent of each run.
The events share the word of change the last one ends with ('elevation': ALT elevation and
AST elevation); abbreviations in brackets are no part of the names. The words of the clause
before the name say the category and whether the events are treatment-related. A run whose
percents do not match the events one to one, or that names no single arm, leaves the whole
parenthesis unread.
"""

from __future__ import annotations

import re

from kg.extraction.ae_arms import ResultsArms
from kg.extraction.ae_split import run_arm, runs
from kg.extraction.ae_vocabulary import AE_WORDS, cues, event_phrases, related
from kg.extraction.text import NUM, Sentence, dec
from kg.model import AdverseEventSummary

__all__ = ["SLASHED", "slash_runs"]

_RUN = rf"{NUM}\s*%(?:\s*/\s*{NUM}\s*%)+\s*(?:for|in|on|with)\s+[^()/;]+?"
SLASHED = re.compile(rf"(?i)\(\s*(?P<runs>{_RUN}(?:(?:\s+(?:v|vs|versus)\.?\s+|\s*;\s*){_RUN})+)\s*\)")
_ABBREVIATION = re.compile(r"\s*\([A-Za-z]{2,8}\)")
_CHANGE = re.compile(r"(?i)\s+(?:elevations?|increases?d?|decreases?d?|abnormalit(?:y|ies))$")


def slash_runs(s: Sentence, m: re.Match, finder: ResultsArms) -> list[AdverseEventSummary]:
    """The rows of one slash-run parenthesis (see the module docstring), or nothing."""
    text = s.norm
    clause = text[text.rfind(";", 0, m.start()) + 1 : m.start()]
    terms = _slashed_terms(clause)
    found = [c for _p, c in cues(clause)]
    if len(terms) < 2 or (found and found[-1] is None) or not (found or AE_WORDS.search(clause)):
        return []
    category = found[-1] if found else "any"
    is_related = related(clause, frozenset(n.lower() for n in finder.names))
    out: list[AdverseEventSummary] = []
    for a, b in runs(m.group("runs")):
        arm, values = run_arm(m.group("runs")[a:b], finder)
        if arm is None or len(values) != len(terms):
            return []
        base = m.start("runs") + a
        out += [
            AdverseEventSummary(
                arm=arm.label,
                category=category,
                treatment_related=is_related,
                term=term,
                percent=dec(v.group(0).rstrip(" %")),
                evidence=s.evidence(base + v.start(), base + v.end()),
            )
            for term, v in zip(terms, values, strict=True)
        ]
    return out


def _slashed_terms(clause: str) -> list[str]:
    """The events of the slash-joined name that ends the clause ('ALT/AST elevation': ALT
    elevation, AST elevation); none when the clause does not end with one."""
    words = _ABBREVIATION.sub("", clause).rstrip()
    spans = event_phrases(words)
    if not spans or spans[-1][1] != len(words) or "/" not in words[spans[-1][0] :]:
        return []
    parts = [p.strip() for p in words[spans[-1][0] :].split("/")]
    change = _CHANGE.search(parts[-1])
    if change:
        parts = [p if _CHANGE.search(p) else p + change.group(0) for p in parts]
    if any(event_phrases(p)[:1] != [(0, len(p))] for p in parts):
        return []
    return [re.sub(r"\s+", " ", p) for p in parts]
