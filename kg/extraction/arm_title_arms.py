"""What a title adds to the arms the text gives, or gives when the text names its groups only by
their role: the base a title sets its add-on against is every arm's ('varenicline combined with
nicotine replacement therapy vs varenicline alone'), and the one agent a title names is the active
arm of a report whose groups are 'the trial and control groups'. ``read`` turns a listing into
arms (``arms.arms_in``), which this module cannot import without a cycle.
"""

from __future__ import annotations

from collections.abc import Callable

from kg.extraction.arm_details import relabel
from kg.extraction.arm_roles import mentioned_roles
from kg.extraction.arm_titles import title_agent, title_base
from kg.extraction.interventions import intervention_kind
from kg.extraction.text import Sentence
from kg.model import Arm

Read = Callable[[str], list[Arm]]


def title_against_role(title: str, sents: list[Sentence], read: Read) -> list[Arm]:
    """The agent a title names ('Effect of mild physical activity in ...') against the control, for
    a report naming its groups only by their role ('randomly divided into two groups as the trial
    and control groups') and never saying what the active one got; each arm is known by its
    groups' names."""
    roles = mentioned_roles(sents)
    agent = title_agent(title)
    active = [f"{r} group" for r in roles if r not in ("control", "placebo")]
    control = next((r for r in roles if r in ("control", "placebo")), None)
    arms = read(f"{agent} or {control}") if agent and active and control else []
    if len(arms) != 2:
        return []
    arms[0].aliases, arms[1].aliases = active, [f"{control} group"]
    return arms


def give_title_base(title: str, arms: list[Arm], read: Read) -> None:
    """Give every arm the base a title sets its add-on against ('varenicline combined with
    nicotine replacement therapy vs varenicline alone': 'nicotine' and 'placebo' become
    'nicotine + varenicline' and 'placebo + varenicline'; '... plus surgery with surgery alone':
    the chemotherapy arm has surgery too). A base no arm names is added only when it is a drug
    and an arm gives what the title's other side adds, so arms named otherwise stay as read."""
    sides = title_base(title) if len(arms) >= 2 else None
    if sides is None:
        return
    base, other = (read(side) for side in sides)
    if len(base) != 1 or len(other) != 1:
        return
    added = {n for n in other[0].drug_names if n not in base[0].drug_names}
    changed = False
    for item in base[0].interventions:
        having = [a for a in arms if any(_same_name(item.drug.name, n) for n in a.drug_names)]
        if len(having) == len(arms) or not (
            having
            or (intervention_kind(item.drug.name) == "drug" and any(added & set(a.drug_names) for a in arms))
        ):
            continue
        for arm in (a for a in arms if a not in having):
            arm.interventions.append(item.model_copy(deep=True))
            changed = True
    if changed:
        relabel(arms)


def _same_name(one: str, other: str) -> bool:
    """'radiosurgery' is what 'stereotactic radiosurgery' gives: one name's words end the other's."""
    short, long = sorted((one.lower(), other.lower()), key=len)
    return long == short or long.endswith(f" {short}")


__all__ = ["give_title_base", "title_against_role"]
