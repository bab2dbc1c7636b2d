"""A regimen the listing sentence prints once, in a clause of its own after the arms, for
every arm: 'Participants applied either a topical diclofenac solution or vehicle control
solution; 40 drops 4 times daily directly to the painful knee(s), ... for 6 weeks'; or a schedule
after the last arm of arms sharing a drug: 'carboplatin (AUC = 6) and either PPX (210 mg/m2/10 min
...) or paclitaxel (225 mg/m2/3 h ...) every 3 weeks'."""

from __future__ import annotations

import re

from kg.extraction.regimens import drug_mentions, frequency, intervention
from kg.extraction.text import depth_map
from kg.model import Arm

__all__ = ["trailing_regimen", "trailing_schedule"]

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


# arms that share a drug, then the alternatives: 'carboplatin (...) and either PPX (...) or paclitaxel'
_SHARED_EITHER = re.compile(r"(?i)\b(?:and|plus|with)\s+either\b")
_SCHEDULE_FIRST = re.compile(r"(?i)^\s*,?\s*(?:every|once|twice|each)\b")


def trailing_schedule(arms: list[Arm], sentence: str) -> None:
    """Give every intervention without a schedule the one the listing prints right after its last
    bracket, when the arms share a drug before 'either' ('... or paclitaxel (225 mg/m2/3 h with
    standard premedication) every 3 weeks') and the words there name no drug. In place."""
    if len(arms) < 2 or not _SHARED_EITHER.search(sentence):
        return
    depth = depth_map(sentence)
    closed = max((k for k, ch in enumerate(sentence) if ch in ")]" and depth[k] == 1), default=None)
    tail = re.split(r"[;.](?:\s|$)", sentence[closed + 1 :])[0] if closed is not None else ""
    schedule = frequency(tail) if _SCHEDULE_FIRST.match(tail) and not drug_mentions(tail) else None
    for item in (i for arm in arms for i in arm.interventions) if schedule else ():
        item.frequency = item.frequency or schedule
