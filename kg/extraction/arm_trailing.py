"""A regimen the listing sentence prints once, in a clause of its own after the arms, for
every arm: 'Participants applied either a topical diclofenac solution or vehicle control
solution; 40 drops 4 times daily directly to the painful knee(s), ... for 6 weeks'."""

from __future__ import annotations

import re

from kg.extraction.regimens import drug_mentions, intervention
from kg.extraction.text import depth_map
from kg.model import Arm

__all__ = ["trailing_regimen"]

# a clause that opens on an amount: '40 drops 4 times daily ...', '2 ml twice daily'
_OPENS_ON_DOSE = re.compile(
    r"(?i)^\s*\d+(?:\.\d+)?\s*(?:mg|µg|μg|mcg|g|IU|ml|drops|tablets?|capsules?|puffs?)\b"
)


def trailing_regimen(arms: list[Arm], sentence: str) -> None:
    """Give each arm's one intervention the dose and schedule of the clause after the
    sentence's first top-level semicolon, when that clause opens on an amount, names no drug,
    and no arm prints another dose. In place."""
    depth = depth_map(sentence)
    cut = next((k for k, ch in enumerate(sentence) if ch == ";" and not depth[k]), None)
    if cut is None:
        return
    clause = re.split(r";|(?<!\d)\.(?=\s|$)", sentence[cut + 1 :])[0]
    if not _OPENS_ON_DOSE.match(clause) or drug_mentions(clause):
        return
    if any(len(arm.interventions) != 1 for arm in arms):
        return
    read = intervention("shared", clause)[0]
    if read.dose is None:
        return
    items = [arm.interventions[0] for arm in arms]
    if any(i.dose is not None and (i.dose, i.dose_unit) != (read.dose, read.dose_unit) for i in items):
        return
    for item in items:
        item.dose, item.dose_unit = read.dose, read.dose_unit
        item.frequency = item.frequency or read.frequency
        item.route = item.route or read.route
