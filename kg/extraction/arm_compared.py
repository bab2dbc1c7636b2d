"""Arms named only where the abstract compares them: 'the difference between the valerian group
(29%) and the placebo group (21%)', 'in the CF and placebo groups'. Many reports of a randomised
trial never print a 'randomised to A or B' sentence; the groups their results compare are the
arms. Read only when no listing names two arms. One group named by what it got and one named
only 'the control group' are the two arms ('the pedometer group significantly increased their
steps/day ..., whereas the control group's physical activity levels remained unchanged').
"""

from __future__ import annotations

import re

from kg.extraction.names import names_arm, plausible
from kg.extraction.text import Sentence

# a word of a group's name: not a function word, a count or a word naming a role or a subgroup
_WORD = (
    r"(?!(?:the|a|an|in|of|on|at|by|between|and|or|vs|versus|with|without|for|to|from|than|each|both|all|"
    r"two|three|four|other|same|whole|entire|first|second|third|study|treatment|treated|patients?|"
    r"participants?|subjects?|age|aged|older|younger|elderly|high|low|higher|lower|risk|positive|negative|"
    r"male|female|men|women|boys|girls|control|controls|intervention|experimental|active|comparison|"
    r"comparator|usual|standard|reference|respective|respectively|this|that|these|those|our|their|its|"
    r"which|where|when|were|was|is|are)\b)[A-Za-z][\w-]*"
)
_NAME = rf"{_WORD}(?:\s+{_WORD}){{0,2}}?"
# 'the valerian group', 'in hydrocortisone group', 'in conventionally treated group'
_ONE = re.compile(rf"(?i)\b(?:the|in)\s+(?P<a>{_NAME})(?P<treated>[\s-]treated)?\s+(?:group|arm)\b")
_TWO = re.compile(
    rf"(?i)\bthe\s+(?P<a>{_NAME})\s+(?:and|or|versus|vs\.?)\s+(?P<b>{_NAME})\s+(?:groups|arms)\b"
)


def compared_groups(sents: list[Sentence], abbreviations: dict[str, str]) -> tuple[str, int] | None:
    """The groups a randomised trial's report compares, as a listing ('valerian or placebo') for
    the arm reader, and the first sentence comparing them; None unless some sentence compares
    two differently named groups."""
    names: list[str] = []
    first = len(sents)
    for k, s in enumerate(sents):
        found = [_treated(m) for m in _ONE.finditer(s.norm)]
        for m in _TWO.finditer(s.norm):
            found += [m.group("a"), m.group("b")]
        found = [n for n in dict.fromkeys(found) if _acceptable(n, abbreviations)]
        if len({n.lower() for n in found}) >= 2:
            first = min(first, k)
            names += [n for n in found if n.lower() not in {x.lower() for x in names}]
    if len(names) < 2:
        names, first = _named_apart(sents, abbreviations)
    if len(names) == 1 and any(_CONTROL_GROUP.search(s.norm) for s in sents):
        # 'the pedometer group significantly increased ..., whereas the control group'
        names.append("control")
    return (" or ".join(names[:4]), first) if len(names) >= 2 else None


# a group named by the role of control only: with one group named by what it got, the two arms
_CONTROL_GROUP = re.compile(r"(?i)\b(?:the|a|in)\s+control\s+(?:group|arm)\b")


# 'the O3 group', '(Placebo group)', '(multi-ingredient performance supplement group: MIPS)'
_BRACKETED = re.compile(rf"(?i)\((?P<a>{_NAME})\s+(?:group|arm)\s*(?:[:;,][^()]*)?\)")


def _named_apart(sents: list[Sentence], abbreviations: dict[str, str]) -> tuple[list[str], int]:
    """Groups each named in a sentence of its own: two or more differently named groups over the
    report, and the first sentence naming one."""
    names: list[str] = []
    first = len(sents)
    for k, s in enumerate(sents):
        found = [_treated(m) for m in _ONE.finditer(s.norm)] + [
            m.group("a") for m in _BRACKETED.finditer(s.norm)
        ]
        found = [n for n in found if _acceptable(n, abbreviations)]
        if found:
            first = min(first, k)
        names += [n for n in found if n.lower() not in {x.lower() for x in names}]
    return names, first


def _treated(m: re.Match[str]) -> str:
    """A group's name; 'the conventionally treated group' got conventional treatment, and the
    results call it by the words printed (kept in brackets, the arm's alias)."""
    name = m.group("a")
    if m.group("treated") and name.lower().endswith("ally"):
        return f"{name[:-2]} treatment ({name} treated group)"
    return name


def _acceptable(name: str, abbreviations: dict[str, str]) -> bool:
    """A name that could be an arm's, its bracketed alias aside."""
    bare = re.sub(r"\s*\([^()]*\)$", "", name)
    return plausible(bare) and names_arm(bare, abbreviations)
