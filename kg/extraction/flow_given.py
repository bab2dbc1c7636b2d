"""Counts of patients an arm's treatment was given to, said with the treatment as subject:
'Lymph node sampling was performed in 498 patients and lymph node dissection in 525' (each arm's
treated count).  The treatment must be an arm's name, standing right before its verb, and no
other arm may be named after the count: 'Postoperative radiotherapy was administered to 62 (40%)
of patients in the surgery arm' counts patients of the surgery arm who had radiotherapy, not
the radiotherapy arm's.
"""

from __future__ import annotations

import re

from kg.extraction.armrefs import ArmFinder
from kg.extraction.text import Sentence
from kg.model import Arm, ParticipantCount

_GIVEN = re.compile(
    r"(?i)^\s+(?:was|were)\s+(?:performed|given|administered|delivered|done|carried\s+out)\s+(?:in|to|on)\s+"
    r"(?P<n>\d+)(?![\d%]|\.\d)(?:\s+(?:patients|participants|subjects)\b)?(?!\s*(?:\(|of\b|cases\b|fractions\b))"
)
# the next arm's count, its verb left out: '... and lymph node dissection in 525'
_AND_IN = re.compile(
    r"(?i)^\s+(?:in|to|on)\s+(?P<n>\d+)(?![\d%]|\.\d)(?:\s+(?:patients|participants|subjects)\b)?"
)


def given_counts(s: Sentence, finder: ArmFinder) -> list[ParticipantCount]:
    """The treated count of each arm whose treatment the sentence says was given to a number
    of patients, with the second arm of 'and <arm> in N' too."""
    text = s.norm
    named = finder.find(text)
    out: list[ParticipantCount] = []
    for k, (_start, end, arm) in enumerate(named):
        m = _GIVEN.match(text[end:])
        if not m:
            continue
        clause_end = _clause_end(text, end + m.end())
        later = [n for n in named[k + 1 :] if n[0] < clause_end]
        counts = [(arm, end + m.start("n"), m.group("n"))]
        if later and (elided := _elided(text, end + m.end(), later[0])):
            counts.append(elided)
            later = later[1:]
        if later:
            continue  # another arm named after the count: whose patients they are
        out += [_treated(s, a, at, n) for a, at, n in counts]
    return out


def _elided(text: str, after: int, mention: tuple[int, int, Arm]) -> tuple[Arm, int, str] | None:
    """'and <arm> in 525' right after a count: that arm's count at the same stage."""
    start, end, arm = mention
    if not re.fullmatch(r"\s*,?\s*and\s+", text[after:start]):
        return None
    m = _AND_IN.match(text[end:])
    return (arm, end + m.start("n"), m.group("n")) if m else None


def _clause_end(text: str, pos: int) -> int:
    stop = re.compile(r"[;.](?:\s|$)").search(text, pos)
    return stop.start() if stop else len(text)


def _treated(s: Sentence, arm: Arm, at: int, n: str) -> ParticipantCount:
    return ParticipantCount(
        stage="treated", count=int(n), arm=arm.label, evidence=s.evidence(at, at + len(n))
    )
