"""Ratios of one endpoint printed arm by arm: 'the hazard ratios for PFS were 0.75 (median PFS,
6.7 v 6.1 months for placebo; P = .003) in the low-dose group and 0.82 (median PFS, 6.5 v 6.1
months for placebo; P = .03) in the high-dose group compared with placebo.'

Each ratio is the arm's named right after it (and after the bracket of its figures), against the
arm named once the list ends ('compared with placebo'), else against the design's reference
arm; nothing unless there are two ratios or more, each naming one arm of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.extraction.armrefs import ArmFinder
from kg.extraction.text import NUM
from kg.model import Arm

# the bracket of the arm's own figures, then the arm: ' (median PFS, 6.7 v 6.1 months ...) in the low-dose group'
_OWN_ARM = re.compile(
    r"\s*(?:\([^()]*\)\s*)?,?\s*(?:in|for|with)\s+(?:the\s+)?(?P<who>[^,;()]{1,40}?)"
    r"(?=\s*(?:[,;)]|\.\s|\.$|$|\band\b|\bcompared\b|\bversus\b|\bvs\b|\brelative\b))"
)
_NEXT = re.compile(rf"\s*,?\s*(?:and\s+)?(?P<est>{NUM})(?![\d.%])")
_AGAINST = re.compile(
    r"(?i)\s*,?\s*(?:compared\s+with|versus|vs\.?|relative\s+to)\s+(?:the\s+)?(?P<who>[^,;()]{1,40})"
)


def ratios_by_arm(
    text: str, first: re.Match, end: Callable[[int], int], finder: ArmFinder, reference: Arm | None
) -> list[tuple[re.Match, Arm, Arm]]:
    """(estimate match, arm, comparator) for each ratio of the list that starts at ``first``;
    ``end`` gives where a ratio's interval and p-value end."""
    found: list[tuple[re.Match, Arm]] = []
    match: re.Match | None = first
    stop = first.end()
    while match:
        own = _OWN_ARM.match(text, end(match.end()))
        arms = finder.find(own.group("who")) if own else []
        if len(arms) != 1:
            break
        found.append((match, arms[0][2]))
        stop = own.end()
        match = _NEXT.match(text, stop)
    against = _AGAINST.match(text, stop)
    named = finder.find(against.group("who")) if against else []
    comparator = named[0][2] if named else reference
    arms = [arm for _m, arm in found]
    if len(found) < 2 or comparator is None or len({id(a) for a in [*arms, comparator]}) != len(found) + 1:
        return []
    return [(m, arm, comparator) for m, arm in found]
