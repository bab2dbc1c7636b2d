"""Arms the methods describe group by group, each in its own clause: 'In the concurrent arm,
chemotherapy consisted of ...; In the sequential arm, the same CT was given, but ...', 'The
intervention group were scheduled to receive ...', or with the people named first, several
in one sentence: 'Women in the TSI group (T) received calls from a midwife at 28, 33 and 36
weeks and women in the telephone and Doppler group (T + D) received the TSI and additional
UADS', 'The pregnant women in the intervention group received ..., while those in the control
group received standard antenatal education'.
"""

from __future__ import annotations

import re

from kg.extraction.arm_pieces import arm_of_piece
from kg.extraction.text import Sentence
from kg.model import Arm

_VERB = (
    r"(?:was\s+|were\s+)?(?:scheduled\s+to\s+|planned\s+to\s+|assigned\s+to\s+)?"
    r"(?:receive[sd]?|treated\s+with|underwent|included|used|consisted\s+of|got)\s+"
)
# who a group holds; a count ('367 patients in the chemotherapy group and 431 ...') is a result
_WHO = (
    r"(?:the\s+)?(?:(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|all|both|no|most|some|more|fewer)\b)"
    r"[a-z-]+\s+)?(?:patients|participants|women|men|children|infants|neonates|subjects|mothers|adults|"
    r"students|individuals|people|volunteers|those)\s+(?:in|of)\s+the\s+"
)
_GROUP_CLAUSE = re.compile(
    r"(?i)^(?:in|for)\s+(?:the\s+)?(?P<name>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:arm|group)\s*,\s*(?P<text>.+)$"
    # 'The intervention group were scheduled to receive ...', 'Arm 2 used ...', 'The sequential arm included ...'
    r"|^(?:the\s+)?(?!(?:each|both|same|other|treatment|study|two|three)\b)"
    rf"(?P<name2>[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?:arm|group)|arm\s+[1-4A-D])\s+{_VERB}(?P<text2>.+)$"
    # 'Women in the TSI group (T) received ...', 'those in the telephone and Doppler group received ...'
    rf"|^{_WHO}(?!(?:each|both|same|other|two|three)\b)(?P<name3>[a-z][\w+-]*(?:\s+[a-z][\w+-]*){{0,3}})\s+(?:arm|group)(?:\s*\([^()]{{1,12}}\))?"
    rf"\s*,?\s+{_VERB}(?P<text3>.+)$"
)
# where the next group's clause begins: '... and women in the telephone and Doppler group (T + D)
# received', '..., while those in the control group received', '...; participants in the usual care arm', ', children in the placebo group'
_NEXT_GROUP = re.compile(
    rf"(?i)(?:\s*[,;]?\s+(?:and|while|whereas)\s+|\s*[;,]\s*)(?={_WHO}[a-z][\w+-]*(?:\s+[a-z][\w+-]*){{0,3}}\s+(?:arm|group)\b)"
    # groups each saying what it got, listed after a colon or one after the other: 'The azasetron group
    # received azasetron (10 mg orally) ..., and the ondansetron group received ondansetron (8 mg ...) ...'
    rf"|(?:\s*:\s+|\s*[,;]\s*(?:and\s+)?)(?=the\s+[A-Za-z][\w-]*\s+(?:arm|group)\s+{_VERB})"
)
_SAME = re.compile(r"(?i)\bthe\s+same\s+(?:chemotherapy|CT|regimen|drugs|treatment|schedule)\b")


def _clauses(sents: list[Sentence]) -> list[tuple[int, re.Match[str]]]:
    """Each methods clause that describes one group, with its sentence's index."""
    found: list[tuple[int, re.Match[str]]] = []
    for k, s in enumerate(sents):
        if re.match(r"(?i)results|findings|conclusion", s.section):
            continue
        for clause in _NEXT_GROUP.split(s.norm):
            if m := _GROUP_CLAUSE.match(clause):
                found.append((k, m))
    return found


def described_at(sents: list[Sentence]) -> int:
    return next((k for k, _m in _clauses(sents)), len(sents))


def described_groups(sents: list[Sentence], abbreviations: dict[str, str]) -> list[Arm]:
    """'In the concurrent arm, chemotherapy consisted of cisplatin (...), vindesine (...) ...
    In the sequential arm, the same CT was given, but RT ... consisted of 56 Gy': one arm per
    group the methods describe, named by the group's name; 'the same CT' repeats the drugs of
    the group described before. A group whose people are named first and whose clause names no
    intervention ('Women in the TSI group (T) received calls from a midwife') got what its name
    says, expanded by the abstract's abbreviations (TSI, telephone support intervention)."""
    arms: list[Arm] = []
    for _k, m in _clauses(sents):
        name, text = next(
            (m.group(f"name{n}"), m.group(f"text{n}")) for n in ("", "2", "3") if m.group(f"name{n}")
        )
        name = re.sub(r"(?i)\s+(?:arm|group)$", "", name).lower()
        arm = arm_of_piece(text, False, abbreviations, strict=True)
        if arm is None and m.group("name3"):
            arm = arm_of_piece(m.group("name3"), False, abbreviations, strict=True)
        items = list(arm.interventions) if arm else []
        if _SAME.search(text) and arms:
            items = [i.model_copy(deep=True) for i in arms[-1].interventions if i.kind != "radiation"] + [
                i for i in items if i.drug.name not in arms[-1].drug_names
            ]
        if items and all(a.label != name for a in arms):
            arms.append(Arm(label=name, interventions=items, aliases=[name]))
    return arms if len(arms) >= 2 else []
