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
# groups labelled by initials ('Group S', 'Group SM'), read only where each ends what it was given
_INITIALS = r"(?:group|arm)\s+(?:(?-i:[A-Z]{1,3})|[1-4]|I{1,3}|IV)\b"
# its size or its short name: 'Group 1 (G1) received ...'
_SIZE = r"(?:\s*\(\s*(?:n\s*=\s*\d+|(?P<short>(?-i:[A-Z][A-Za-z]{0,3}\d?)))\s*\))?"
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

# 'The test drug was normal saline (0.5 ml) in group I; fentanyl 20 mcg (0.4 ml) and normal saline (0.1 ml) in
# group II; and fentanyl ...', 'administered with sufentanil 50 mcg in Group S; morphine 4 mg in Group M; and, a
# combination of sufentanil 25 mcg and morphine 2 mg was used in Group SM': each part ends in its group
_ENDS_IN_GROUP = re.compile(
    rf"(?i)\s+(?:(?:was|were)\s+(?:used|given|administered|applied|performed)\s+)?in\s+(?:the\s+)?(?P<label>{_INITIALS})"
    r"(?=\s*(?:[;.]|,?\s+and\b|$))"
)
_PART_OPENS = re.compile(r"(?i)(?:\b(?:was|were|with|received|receiving|receive|given)\s+|:\s*)")
_PART_JOIN = re.compile(r"(?i)^\s*[;,]?\s*(?:and\s*,?\s*)?")


def _group_ended_parts(text: str) -> list[tuple[str, str]]:
    """(label, what) for each part of a sentence that two or more parts end 'in group X'."""
    ends = list(_ENDS_IN_GROUP.finditer(text))
    if len(ends) < 2:
        return []
    opens = list(_PART_OPENS.finditer(text, 0, ends[0].start()))
    if not opens:
        return []
    starts = [opens[-1].end()] + [e.end() + _PART_JOIN.match(text[e.end() :]).end() for e in ends[:-1]]
    return [(e.group("label"), text[start : e.start()]) for start, e in zip(starts, ends, strict=True)]


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


# every pattern above needs one of these words: a sentence without them is not searched
_CUES = ("group", "arm", "received")


def lettered_groups(sents: list[Sentence], abbreviations: dict[str, str]) -> tuple[list[Arm], int]:
    """One arm per group the methods label, named by its label, and the first sentence naming
    one; no arms unless two or more labelled groups say what they got."""
    arms: list[Arm] = []
    first = len(sents)
    for k, s in enumerate(sents):
        low = s.norm.lower()
        if re.match(r"(?i)results|findings|conclusion", s.section) or not any(w in low for w in _CUES):
            continue
        found = [
            (m.group("label"), m.group("text"), False, m.groupdict().get("short"))
            for p in (_IN_GROUP, _RECEIVED, _BRACKETED)
            for m in p.finditer(s.norm)
        ]
        pieces = _labelled_pieces(s.norm) + _group_ended_parts(s.norm)
        for said, text, bracketed, short in found + [(*piece, True, None) for piece in pieces]:
            label = re.sub(r"^(?:one|1)\s", "first ", re.sub(r"\s+", " ", said).lower())
            label = label if " " in label else f"{label} group"
            arm = arm_of_piece(_what(text), False, abbreviations, strict=False)
            if arm is None or any(a.label == label for a in arms):
                continue
            same = next((a for a in arms if a.drug_names == arm.drug_names), None) if bracketed else None
            if same is not None:  # 'The first group received spirulina (Group A)': one group, two names
                same.aliases.append(label)
                continue
            aliases = [label, short] if short else [label]
            arms.append(Arm(label=label, interventions=list(arm.interventions), aliases=aliases))
            first = min(first, k)
    return (arms, first) if len(arms) >= 2 else ([], first)
