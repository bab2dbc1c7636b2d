"""The pooled groups a factorial design compares.

A two-by-two trial reports each factor over the pooled arms: 'patients who received cetuximab
... compared with those who did not', 'standard-dose radiotherapy ... high-dose radiotherapy',
'the men who received alpha-tocopherol ... those who did not'.  Every intervention that two
or more arms give and two or more do not makes two groups ('cetuximab', 'no cetuximab'); an
intervention every arm gives at two or more doses makes one group per dose, named by the
dose words the listing gave ('standard dose' -> 'standard-dose radiotherapy').
"""

from __future__ import annotations

import re

from kg.model import Arm

_DOSE_WORDS = re.compile(r"(?i)^(?:standard|high|low|conventional|reduced|escalated|intermediate)[- ]dose$")
_NOT_A_FACTOR = {"placebo"}


def factor_groups(arms: list[Arm]) -> list[Arm]:
    """Pooled groups: every arm together ('all patients'); and in a design with three or
    more arms, the factors' groups (the arms giving a drug two or more arms give: 'docetaxel
    patients' of docetaxel 100 and 75 mg/m2 against best supportive care) (dose words move from the arms that printed them to their
    dose group: in a factorial trial they name the dose level)."""
    everyone = [_group("all patients", arms, [])] if len(arms) >= 2 else []
    if len(arms) < 3:
        return everyone
    groups: list[Arm] = []
    names = list(dict.fromkeys(n for a in arms for n in a.drug_names))
    for name in names:
        having = [a for a in arms if name in a.drug_names]
        lacking = [a for a in arms if name not in a.drug_names]
        if name in _NOT_A_FACTOR:
            continue
        if len(having) >= 2 and len(lacking) >= 1:
            item = next(i for i in having[0].interventions if i.drug.name == name)
            groups.append(_group(name, having, [item.model_copy(deep=True)]))
            if len(lacking) >= 2:
                groups.append(_group(f"no {name}", lacking, []))
        elif not lacking:
            groups += _dose_groups(name, arms)
    labels = {a.label for a in arms}
    for g in groups:  # 'alpha-tocopherol' pooled is not the 'alpha-tocopherol' arm
        if g.label in labels:
            g.label = f"{g.label} (pooled)"
    return everyone + groups


def _dose_groups(name: str, arms: list[Arm]) -> list[Arm]:
    doses: dict[tuple, list[Arm]] = {}
    for arm in arms:
        item = next(i for i in arm.interventions if i.drug.name == name)
        doses.setdefault((item.dose, item.dose_unit), []).append(arm)
    if len(doses) < 2 or any(d is None for d, _u in doses) or any(len(v) < 2 for v in doses.values()):
        return []
    out = []
    for (dose, unit), members in doses.items():
        words = [a for m in members for a in m.aliases if _DOSE_WORDS.match(a)]
        for m in members:
            m.aliases = [a for a in m.aliases if a not in words]
        label = f"{words[0].lower().replace(' ', '-')} {name}" if words else f"{name} {dose} {unit}"
        item = next(i for i in members[0].interventions if i.drug.name == name)
        out.append(_group(label, members, [item.model_copy(deep=True)], words[:1]))
    return out


def _group(label: str, members: list[Arm], interventions, aliases: list[str] | None = None) -> Arm:
    return Arm(
        label=label,
        interventions=interventions,
        aliases=aliases or [],
        pooled_from=[m.label for m in members],
    )


def complement(group: Arm, groups: list[Arm]) -> Arm | None:
    """The other side of a factor: 'no cetuximab' for 'cetuximab', the other dose group."""
    members = set(group.pooled_from)
    others = [g for g in groups if g is not group and not members & set(g.pooled_from)]
    return others[0] if len(others) == 1 else None


def reference_like(arm: Arm) -> bool:
    """A group or arm a comparison is made against: 'no X', standard, control, placebo."""
    return bool(
        re.search(r"(?i)^no\s|\b(?:standard|conventional|control|placebo|usual|observation|low)\b", arm.label)
    )
