"""Figures that each name what they count in a list with the verb written once: 'Of the 154 (92%)
patients who underwent surgery, 14% had an exploratory thoracotomy, 50% a radical resection, 42% a
pathologic downstaging, and 5% a pathologic complete response'. Every figure of such a run takes the
noun phrase right after it, not the first item's (or the sentence's last named) endpoint.
"""

from __future__ import annotations

import re

from kg.extraction.armrefs import ArmFinder, distinct
from kg.extraction.text import NUM
from kg.model import Arm

__all__ = ["elliptical_objects", "run_arm"]

# one item: a percent, the verb (printed in the first item only) and the thing counted
_ITEM = re.compile(
    rf"(?i)(?<![\d.])(?P<fig>{NUM})\s*%\s+(?:(?:had|underwent|achieved|experienced|showed)\s+)?"
    r"(?:an?\s+)(?P<what>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,4}?)(?=\s*(?:,|;|\.|$|\band\b))"
)
_JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def elliptical_objects(text: str) -> dict[int, str]:
    """Where each figure of such a run starts -> the thing it counts, for runs of two or more."""
    items = list(_ITEM.finditer(text))
    out: dict[int, str] = {}
    for k, m in enumerate(items):
        joined_next = k + 1 < len(items) and _JOIN.fullmatch(text, m.end(), items[k + 1].start())
        joined_prev = k > 0 and _JOIN.fullmatch(text, items[k - 1].end(), m.start())
        if joined_next or joined_prev:
            out[m.start()] = m.group("what").lower()
    return out


def run_arm(
    finder: ArmFinder, text: str, starts: list[int], arms: list[Arm | None], run: dict[int, str]
) -> list:
    """The figures of such a run (``starts`` of every figure, ``run`` from ``elliptical_objects``)
    are one arm's: the one arm given to any of them, else the one arm named before the run ('Of the
    154 (92%) patients who underwent surgery, ...')."""
    at = [k for k, start in enumerate(starts) if start in run]
    if not at:
        return arms
    named = distinct([arms[k] for k in at]) or distinct(
        [a for _s, _e, a in finder.find(text[: starts[at[0]]])]
    )
    if len(named) != 1:
        return arms
    return [named[0] if k in at else a for k, a in enumerate(arms)]
