"""Arms named by what tells them apart: 'the laparoscopic group' for the arm giving laparoscopic
cholecystectomy, when the other gives small-incision cholecystectomy. Abstracts drop the head word
their arms share once the design has named it; the word before 'group' or 'arm' is then the arm's
name (``ArmFinder`` asks, where no arm's own words are printed).
"""

from __future__ import annotations

import re

from kg.model import Arm

_NAME = re.compile(r"(?i)^(?P<mod>[\w-]{4,}(?:\s+[\w-]+)?)\s+(?P<head>[a-z]{4,})$")


def head_dropped(arms: list[Arm]) -> list[tuple[re.Pattern, Arm]]:
    """(pattern, arm) for each arm, when every arm gives one intervention whose name is one or two
    words (of which the first has four letters or more) before a head word all share, and those
    words differ between arms; none otherwise."""
    names = [a.interventions[0].drug.name if len(a.interventions) == 1 else "" for a in arms]
    parts = [_NAME.match(n) for n in names]
    if len(arms) < 2 or not all(parts) or len({p.group("head").lower() for p in parts}) != 1:
        return []
    mods = [p.group("mod") for p in parts]
    if len({m.lower() for m in mods}) != len(mods):
        return []
    return [(_before_group(mod), arm) for mod, arm in zip(mods, arms, strict=True)]


def _before_group(words: str) -> re.Pattern:
    flexible = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", words))
    return re.compile(rf"(?i)(?<![\w-]){flexible}(?=\s+(?:group|arm)s?\b)")


def with_head_dropped(
    patterns: list[tuple[re.Pattern, Arm]], text: str, marks: list[tuple[int, int, Arm]]
) -> list[tuple[int, int, Arm]]:
    """The marks (start, end, arm) of a text with the arms its head-dropped names name, where no
    other mark is."""
    out = list(marks)
    for pattern, arm in patterns:
        for m in pattern.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e, _a in out):
                out.append((m.start(), m.end(), arm))
    return sorted(out, key=lambda x: x[0])
