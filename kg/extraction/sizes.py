"""How many patients each arm and the whole trial randomised, and where the text says so."""

from __future__ import annotations

import re

from kg.extraction.armrefs import ArmFinder
from kg.extraction.text import Sentence
from kg.model import Evidence

_TOTALS = (
    r"(?i)\b(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed),?\s+(?:in\s+an?\s+\d+:\d+(?::\d+)?\s+ratio,?\s+)?(\d+)\s+(?:\w+\s+){0,2}patients\b",
    r"(?i)\b(?:a total of\s+|in all,?\s+|of\s+)?(\d+)\s+(?:\w+\s+){0,3}patients\s+(?:were|who)\s+(?:\w+\s+)?"
    r"(?:randomly\s+assigned|randomi[sz]ed|underwent randomi[sz]ation|enrolled|recruited)",
    r"(?i)\bcompar\w+\s+[^.;]+?\s+in\s+(\d+)\s+patients\b",
)
_BEFORE_ARM = re.compile(
    r"(?<![\d.%:])(\d+)(?![\d.%:])\s+(?:patients\s+)?(?:were\s+)?(?:(?:randomly\s+)?assigned\s+|allocated\s+)?"
    r"(?:to\s+)?(?:receive\s+)?(?:the\s+)?$"
)
_AMONG = re.compile(r"(?i)\bamong\s+(\d+)\s+patients\s+in\s+the\s+$")


def arm_sizes(
    sents: list[Sentence], finder: ArmFinder
) -> tuple[dict[str, tuple[int, Evidence]], int | None, Evidence | None]:
    """Patients per arm and the randomised total, each with where it was read."""
    sizes: dict[str, tuple[int, Evidence]] = {}
    total = total_evidence = None
    for s in sents:
        assigning = re.search(r"(?i)assigned|randomi[sz]|allocated|enrolled|recruited|\breceived\b", s.norm)
        if total is None and "patients" in s.norm:
            m = next((m for p in _TOTALS if (m := re.search(p, s.norm))), None)
            if m:
                total, total_evidence = int(m.group(1)), s.evidence(m.start(1), m.end(1))
        mentions = finder.find(s.norm)
        for k, (start, end, arm) in enumerate(mentions):
            after = s.norm[end : mentions[k + 1][0] if k + 1 < len(mentions) else len(s.norm)]
            before = s.norm[mentions[k - 1][1] if k else 0 : start]
            n_after = re.match(r"\s*(?:alone|monotherapy|group|arm)?\s*[(,]\s*n\s*=\s*(\d+)", after)
            after_at, before_at = end, mentions[k - 1][1] if k else 0
            n_before = _BEFORE_ARM.search(before) if assigning else None
            if n_before and re.search(
                r"(?i)(?:assigned|allocated|randomi[sz]ed),?\s*$", before[: n_before.start()]
            ):
                n_before = None  # 'we randomly assigned 272 patients to receive A': the total
            among = _AMONG.search(before)
            hit = (n_after if assigning else None) or n_before or among
            if hit and arm.label not in sizes:
                at = after_at if hit is n_after else before_at
                sizes[arm.label] = (
                    int(hit.group(1)),
                    s.evidence(at + hit.start(1), end if hit is not n_after else at + hit.end()),
                )
    return sizes, total, total_evidence
