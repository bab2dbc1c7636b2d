"""Care every arm received beside what a trial compares: 'Varenicline ... or bupropion SR ... or
placebo (n = 341) for 12 weeks, plus weekly brief smoking cessation counseling'. Counselling,
education or a programme given to all arms alike is the trial's background, not part of any
arm: the arms are varenicline, bupropion and placebo, as a reader (and a meta-analysis pooling
varenicline arms) names them. A drug, radiotherapy or procedure every arm shares stays in the
arms ('pembrolizumab + carboplatin + pemetrexed' against 'carboplatin + pemetrexed'): that is
how trial reports and registries name such arms.
"""

from __future__ import annotations

from kg.extraction.arm_details import relabel
from kg.model import Arm, Intervention


def background_care(arms: list[Arm]) -> list[Intervention]:
    """Take out of the arms, in place, each behavioural intervention every arm gives when every
    arm gives something else too; return them, one each, in the first arm's order. The arms are
    labelled anew by what they still give."""
    if len(arms) < 2:
        return []
    shared = [
        i
        for i in arms[0].interventions
        if i.kind == "behavioral" and all(i.drug.name in a.drug_names for a in arms[1:])
    ]
    names = {i.drug.name for i in shared}
    if not shared or any(all(n in names for n in a.drug_names) for a in arms):
        return []
    for arm in arms:
        arm.interventions = [i for i in arm.interventions if i.drug.name not in names]
    relabel(arms)
    return [i.model_copy(deep=True) for i in shared]


__all__ = ["background_care"]
