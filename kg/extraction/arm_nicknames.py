"""Arms named by what tells them apart, not by their interventions (``ArmFinder`` asks, where no
arm's own words are printed):

- the words before a head word all arms share: 'the laparoscopic group' for the arm giving
  laparoscopic cholecystectomy, when the other gives small-incision cholecystectomy (abstracts drop
  the shared head once the design has named it);
- how many agents an arm combines: 'the combination therapy group' for etanercept plus methotrexate
  against etanercept plus placebo, whose 'monotherapy group' gives one active agent;
- the first word of an arm's name of several words, when no other arm's name holds it: 'the
  eradication group' for the arm giving eradication PPI-triple therapy against placebo.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.model import Arm

_NAME = re.compile(r"(?i)^(?P<mod>[\w-]{4,}(?:\s+[\w-]+)?)\s+(?P<head>[a-z]{4,})$")


def nicknames(arms: list[Arm]) -> list[tuple[re.Pattern, Arm]]:
    """(pattern, arm) for each way of naming an arm by what tells it apart."""
    return _head_dropped(arms) + _by_agents(arms) + _first_words(arms)


# 'the combination group', and the first of two named together: 'of combination therapy and monotherapy groups'
_COMBINATION = re.compile(
    r"(?i)\b(?:combination|combined|combo)(?:\s+(?:therapy|treatment))?"
    r"(?=\s+(?:(?:and|or|versus|vs\.?)\s+[\w-]+(?:\s+(?:therapy|treatment))?\s+)?(?:group|arm)s?\b)"
)
_SINGLE = re.compile(
    r"(?i)\b(?:monotherapy|single[- ]agent|single[- ]drug)(?:\s+(?:therapy|treatment))?(?=\s+(?:group|arm)s?\b)"
)


_INACTIVE = re.compile(r"(?i)\b(?:placebo|sham|vehicle|dummy)\b")


def _by_agents(arms: list[Arm]) -> list[tuple[re.Pattern, Arm]]:
    """The one arm giving two or more active agents (no placebo counted) as 'the combination
    group', and the one giving a single agent as 'the monotherapy group', when there are just
    the two kinds."""
    active = [len([i for i in a.interventions if not _INACTIVE.search(i.drug.name)]) for a in arms]
    several = [a for a, n in zip(arms, active, strict=True) if n >= 2]
    single = [a for a, n in zip(arms, active, strict=True) if n == 1]
    if len(several) != 1 or len(single) != 1 or len(arms) != 2:
        return []
    return [(_COMBINATION, several[0]), (_SINGLE, single[0])]


def _head_dropped(arms: list[Arm]) -> list[tuple[re.Pattern, Arm]]:
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


_FIRST_WORD = re.compile(r"(?i)^(?P<word>[a-z][\w-]{3,})\s+\S")


def _first_words(arms: list[Arm]) -> list[tuple[re.Pattern, Arm]]:
    """(pattern, arm) for each arm whose single intervention's name of two words or more starts with
    a word (four letters or more) that no other arm's name holds."""
    names = [a.interventions[0].drug.name if len(a.interventions) == 1 else "" for a in arms]
    out = []
    for k, (name, arm) in enumerate(zip(names, arms, strict=True)):
        first = _FIRST_WORD.match(name)
        others = {w for j, a in enumerate(arms) if j != k for w in re.findall(r"[\w-]+", a.label.lower())}
        if first and first.group("word").lower() not in others:
            out.append((_before_group(first.group("word")), arm))
    return out


@lru_cache(maxsize=1024)
def _before_group(words: str) -> re.Pattern:
    flexible = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", words))
    return re.compile(rf"(?i)(?<![\w-]){flexible}(?=\s+(?:group|arm)s?\b)")


def with_nicknames(
    patterns: list[tuple[re.Pattern, Arm]], text: str, marks: list[tuple[int, int, Arm]]
) -> list[tuple[int, int, Arm]]:
    """The marks (start, end, arm) of a text with the arms its nicknames name, where no other mark is."""
    out = list(marks)
    for pattern, arm in patterns:
        for m in pattern.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e, _a in out):
                out.append((m.start(), m.end(), arm))
    return sorted(out, key=lambda x: x[0])
