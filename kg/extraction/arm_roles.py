"""Arms a report names by their role, then says what the active one got: 'randomized ... to an
experimental or control group. The experimental group completed a 10-week yoga program', 'While
both experimental and control groups received their usual maintenance treatment, the
experimental group received 30 sessions of neurofeedback treatment in addition', 'The treatment
group was given LLLT'. Trials of programmes, teaching, exercise and care (public health,
psychology, nursing, education) describe their arms this way more often than by a 'randomised to
A or B' listing. The control arm is what its own clause says it got, else the control itself.
Read only where nothing else names two arms.
"""

from __future__ import annotations

import re

from kg.extraction.arm_pieces import arm_of_piece
from kg.extraction.text import Sentence
from kg.model import Arm, Drug, Intervention

_ACTIVE = r"experimental|intervention|treatment|trial|study|test"
_CONTROL = r"control|placebo|comparison"
# a group named only by its role: 'the intervention group', 'the control group'
ROLE = rf"(?:{_ACTIVE}|{_CONTROL})"
# what a group got: 'received', 'was given', 'completed', 'practiced', 'was taught by'
GOT = (
    r"(?:(?:was|were)\s+)?(?:received|given|treated\s+with|underwent|completed|practi[cs]ed|participated\s+in|"
    r"attended|took\s+part\s+in|followed|consumed|used|got|taught\s+(?:by|with|using))"
)
_VERB = rf"{GOT}\s+"


def own_clause(next_group: str) -> str:
    """One character of a group's clause, up to where the next group's clause begins (', whereas the
    comparison group received ...', '... while group B was taught by ...')."""
    # (', whereas patients in the test group received ...': the group's members may come first)
    return rf"(?:(?!\s*(?:,|\band\b|\bwhile\b|\bwhereas\b)\s*(?:[a-z]+\s+in\s+)?(?:the\s+)?(?:{next_group}))[^.;])"


def control_arm(name: str) -> Arm:
    """An arm known only as a control ('or control', 'a wait-list control'): the control itself."""
    return Arm(label=name, interventions=[Intervention(drug=Drug(name=name))])


_OWN = own_clause(rf"(?:{_ACTIVE}|{_CONTROL})\s+(?:group|arm)")
# 'the experimental group completed ...', 'patients in the intervention arm received ...'
_DEFINED = re.compile(
    r"(?i)\b(?:the\s+)?(?:[a-z]+\s+in\s+the\s+)?"
    # 'One group received an intervention targeting ..., whereas the comparison group received ...'
    rf"(?P<role>{_ACTIVE}|{_CONTROL}|(?<![\w-]\s)(?:one|1))\s+(?:group|arm)\s*(?:\([^()]*\)\s*)?,?\s+{_VERB}(?P<what>{_OWN}+)"
)
# 'a treatment, placebo, or control group', 'both experimental and control groups'
_MENTIONED = re.compile(
    rf"(?i)\b(?P<roles>(?:(?:{_ACTIVE}|{_CONTROL})\s*,?\s+(?:(?:or|and)\s+)?)+)(?:groups?|arms?)\b"
)
_ROLE_WORD = re.compile(rf"(?i)\b(?:{_ACTIVE}|{_CONTROL})\b")
# 'While both experimental and control groups received their usual maintenance treatment': what every arm got
_SHARED = re.compile(
    rf"(?i)\bboth\s+(?:the\s+)?(?:(?:{_ACTIVE}|{_CONTROL})\s+and\s+(?:the\s+)?(?:{_CONTROL})\s+)?groups\s+{_VERB}"
    r"(?:their\s+|the\s+same\s+)?(?P<what>[^.;,]+)"
)
# what a clause adds after the intervention ('in addition', ', which consisted of ...'), or the next group's
# clause (', whereas the comparison group received ...')
_AFTER = re.compile(r"(?i)(?:\s+(?:in\s+addition|as\s+well|instead)|,?\s+(?:which|whereas|while))\b.*$")


def mentioned_roles(sents: list[Sentence]) -> list[str]:
    """The roles of the groups a report names, in order ('the trial and control groups':
    ['trial', 'control'])."""
    found = (
        r.lower()
        for s in sents
        for m in _MENTIONED.finditer(s.norm)
        for r in _ROLE_WORD.findall(m.group("roles"))
    )
    return list(dict.fromkeys("control" if r == "comparison" else r for r in found))


def role_groups(sents: list[Sentence], abbreviations: dict[str, str]) -> tuple[list[Arm], int]:
    """An active arm named by what its role group got and one arm per control group ('a treatment,
    placebo, or control group'), with the first sentence defining one; no arms unless the active
    group's clause names an intervention and the report speaks of a control or placebo group.
    What 'both groups received' is every arm's, and all a control arm got if its own clause is
    missing."""
    defined: dict[str, Arm] = {}
    first = len(sents)
    roles: list[str] = []
    shared: list[Intervention] = []
    for k, s in enumerate(sents):
        shared = shared or _given(_SHARED.search(s.norm), abbreviations)
        for m in _MENTIONED.finditer(s.norm):
            found = re.findall(rf"(?i)\b(?:{_ACTIVE}|{_CONTROL})\b", m.group("roles").lower())
            roles += ["control" if r == "comparison" else r for r in found]
        for m in _DEFINED.finditer(s.norm):
            role = m.group("role").lower()
            kind = "control" if role == "comparison" else role if re.fullmatch(_CONTROL, role) else "active"
            given = [] if kind in defined else _given(m, abbreviations)
            if given:
                aliases = [] if role in ("one", "1") else [f"{role} group"]
                defined[kind] = Arm(label=given[0].drug.name, interventions=given, aliases=aliases)
                first = min(first, k) if kind == "active" else first
    controls = [r for r in dict.fromkeys([*roles, *defined]) if re.fullmatch(_CONTROL, r)]
    if "active" not in defined or not controls:
        return [], first
    arms = [defined["active"]] + [defined.get(role) or _control(role, shared) for role in controls]
    for arm in arms:
        arm.interventions = shared + [i for i in arm.interventions if i.drug.name not in _names(shared)]
    return arms, first


def _given(m: re.Match[str] | None, abbreviations: dict[str, str]) -> list[Intervention]:
    arm = arm_of_piece(_AFTER.sub("", m.group("what")), False, abbreviations, strict=False) if m else None
    return list(arm.interventions) if arm else []


def _control(role: str, shared: list[Intervention]) -> Arm:
    """A control group no clause describes: what every group got, else the control itself."""
    arm = Arm(label=shared[0].drug.name, interventions=[]) if shared else control_arm(role)
    arm.aliases = [f"{role} group"]
    return arm


def _names(items: list[Intervention]) -> set[str]:
    return {i.drug.name for i in items}
