"""Arms the methods name by a letter, a number or an ordinal, each with what it was given: 'In
group A (n = 20), dextran-70 infusion was administered ... Group B served as a control with
identical amounts of gelatin infusion', 'the first group received five ampoules of mistletoe
preparation ... The second group received 60 units of bleomycin', 'trypan blue dye assisted
posterior capsulorhexis was performed in 18 eyes (group 1) and no dye was used ... (group 2)'.
The results then speak of 'group A' or 'the second group'; the arm keeps that name as an alias.
"""

from __future__ import annotations

import re

from kg.extraction.arm_pieces import arm_of_piece
from kg.extraction.arm_roles import GOT, own_clause
from kg.extraction.text import Sentence
from kg.model import Arm

_LABEL = r"(?:group|arm)\s+(?:[A-D1-4]|I{1,3}|IV)\b|(?:one|1|first|second|third|fourth)\s+(?:group|arm)"
_SIZE = r"(?:\s*\(\s*n\s*=\s*\d+\s*\))?"
_OWN = own_clause(rf"{_LABEL}|(?:second|third|fourth)\s+received")
# 'group B received ...', 'the second group received ...', 'Group B served as a control with ...'
_RECEIVED = re.compile(
    # '... and the second received soya beans (Group B)': an ordinal alone names the group after 'the first group'
    rf"(?i)\b(?:the\s+)?(?P<label>{_LABEL}|(?<=the\s)(?:second|third|fourth)(?=\s+received)){_SIZE}\s*,?\s*(?:patients\s+)?(?:{GOT}|"
    # 'Group A was taught by POPS while group B was taught by traditional lectures', 'One group practiced ...'
    rf"served\s+as\s+(?:a|the)\s+control\s+(?:group\s+)?(?:with|receiving|given))\s+(?P<text>{_OWN}+)"
)
# 'In group A (n = 20), dextran-70 infusion was administered ...'
_IN_GROUP = re.compile(
    rf"(?i)\bin\s+(?:the\s+)?(?P<label>{_LABEL}){_SIZE}\s*,\s*(?P<text>[^.;]+?)\s+(?:was|were)\s+"
    r"(?:administered|given|used|performed|applied|infused|injected)\b"
)
# '... was performed in 18 eyes (group 1)': the subject of the clause the bracket closes
_BRACKETED = re.compile(
    rf"(?i)(?:^|,\s*|;\s*|\band\s+)(?P<text>(?:(?!\band\b)[^,;()])+?)\s+(?:was|were)\s+"
    rf"(?:administered|given|used|performed|applied)\b[^,;()]*?\((?P<label>{_LABEL})\)"
)


# what a group got, without its amount and preparation: 'five ampoules of mistletoe preparation
# with defined lectin content (...) diluted in ...', 'identical amounts of gelatin infusion'
_AMOUNT = re.compile(
    r"(?i)^(?:(?:identical|equal|the\s+same|similar)\s+(?:amounts?|volumes?|doses?)|"
    r"[\w.-]+\s+(?:ampoules?|ampules?|vials?|tablets?|capsules?|units?|drops?|sachets?|puffs?))\s+of\s+"
)
_PREPARATION = re.compile(r"(?i)\s+(?:with\s+defined|diluted\s+in|dissolved\s+in|mixed\s+with)\b.*$")


def _what(text: str) -> str:
    return _PREPARATION.sub("", _AMOUNT.sub("", text.strip()))


def lettered_groups(sents: list[Sentence], abbreviations: dict[str, str]) -> tuple[list[Arm], int]:
    """One arm per group the methods label, named by its label, and the first sentence naming
    one; no arms unless two or more labelled groups say what they got."""
    arms: list[Arm] = []
    first = len(sents)
    for k, s in enumerate(sents):
        if re.match(r"(?i)results|findings|conclusion", s.section):
            continue
        for pattern in (_IN_GROUP, _RECEIVED, _BRACKETED):
            for m in pattern.finditer(s.norm):
                label = re.sub(r"^(?:one|1)\s", "first ", re.sub(r"\s+", " ", m.group("label")).lower())
                label = label if " " in label else f"{label} group"
                arm = arm_of_piece(_what(m.group("text")), False, abbreviations, strict=False)
                if arm is None or any(a.label == label for a in arms):
                    continue
                arms.append(Arm(label=label, interventions=list(arm.interventions), aliases=[label]))
                first = min(first, k)
    return (arms, first) if len(arms) >= 2 else ([], first)
