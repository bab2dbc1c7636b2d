"""What one methods sentence gives every arm after saying what each arm received: 'On day 43, arm A
received weekly carboplatin (...) and paclitaxel (...) while arm B received biweekly gemcitabine (...)
both delivered concurrently with 74 Gy of TRT'. The treatment after 'both' / 'each' is every arm's,
as 'A or B, both combined with C' is in a listing (``arm_company``).
"""

from __future__ import annotations

import re

from kg.extraction.arm_pieces import arm_of_piece
from kg.extraction.text import Sentence
from kg.model import Arm

_BOTH_WITH = re.compile(
    r"(?i)\b(?:both|each)\s+(?:(?:being|was|were)\s+)?(?:delivered|given|administered|combined)\s+"
    r"(?:concurrently\s+)?with\s+(?P<x>[^;]+)$"
)


def shared_companion(arms: list[Arm], sents: list[Sentence], abbreviations: dict[str, str]) -> bool:
    """Add to every arm what a sentence naming two or more arms by their labels says both were given
    with; whether any arm changed."""
    changed = False
    for s in sents:
        m = _BOTH_WITH.search(s.norm.rstrip(". "))
        named = (
            [a for a in arms if any(_names(s.norm[: m.start()], alias) for alias in a.aliases)] if m else []
        )
        if len(named) < 2 or len(named) != len(arms):
            continue
        given = arm_of_piece(m.group("x"), False, abbreviations)
        for item in given.interventions if given else []:
            for arm in arms:
                if item.drug.name not in arm.drug_names:
                    arm.interventions.append(item.model_copy(deep=True))
                    changed = True
    return changed


def _names(text: str, alias: str) -> bool:
    return re.search(rf"(?i)(?<![\w-]){re.escape(alias)}(?![\w-])", text) is not None


__all__ = ["shared_companion"]
