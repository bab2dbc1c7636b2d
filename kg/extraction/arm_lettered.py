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

# 'treated with partial matrix excision (Group I) and segmental phenolization (Group II)', 'using the FA
# alone (group 1) or a combination of the FA with high-pull headgear worn at night (group 2)': each piece
# ends in its group's label
_LABEL_BRACKET = re.compile(rf"(?i)\((?P<label>{_LABEL})\)")
_VERB_LEAD = re.compile(
    r"(?i)\b(?:using|treated\s+with|received|receiving|receive|underwent|undergoing|given)\s+"
)
# a piece naming who is in the group, not what it got: '1) 23 adults with acute axial severe LBP ... (group A)'
_WHO = re.compile(r"(?i)^\s*(?:\d+\)\s*)?\d+\s+\w+\s+(?:with|who)\b")
_CONNECTIVE = re.compile(r"(?i)^\s*,?\s*(?:(?:or|and|while|whereas)\s+)?")


def _labelled_pieces(text: str) -> list[tuple[str, str]]:
    """(label, what) for each piece of a clause that two or more bracketed group labels end; the
    first piece starts after a colon or the verb before it ('using', 'treated with', 'received')."""
    brackets = list(_LABEL_BRACKET.finditer(text))
    out: list[tuple[str, str]] = []
    for k, b in enumerate(brackets if len(brackets) >= 2 else ()):
        colon = max(text.rfind(c, 0, b.start()) for c in ";:")
        start = brackets[k - 1].end() if k else colon + 1
        piece = text[start : b.start()]
        verbs = list(_VERB_LEAD.finditer(piece))
        if verbs:
            piece = piece[verbs[-1].end() :]
        elif k == 0 and (colon < 0 or text[colon] != ":"):
            return []  # the first piece needs what opens it
        if _WHO.match(piece):
            return []
        out.append((b.group("label"), _CONNECTIVE.sub("", piece)))
    return out


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
        found = [
            (m.group("label"), m.group("text"), False)
            for p in (_IN_GROUP, _RECEIVED, _BRACKETED)
            for m in p.finditer(s.norm)
        ]
        for said, text, bracketed in found + [(*piece, True) for piece in _labelled_pieces(s.norm)]:
            label = re.sub(r"^(?:one|1)\s", "first ", re.sub(r"\s+", " ", said).lower())
            label = label if " " in label else f"{label} group"
            arm = arm_of_piece(_what(text), False, abbreviations, strict=False)
            if arm is None or any(a.label == label for a in arms):
                continue
            same = next((a for a in arms if a.drug_names == arm.drug_names), None) if bracketed else None
            if same is not None:  # 'The first group received spirulina (Group A)': one group, two names
                same.aliases.append(label)
                continue
            arms.append(Arm(label=label, interventions=list(arm.interventions), aliases=[label]))
            first = min(first, k)
    return (arms, first) if len(arms) >= 2 else ([], first)
