"""Arms named by their dose: 'the low-dose group', 'high-dose bevacizumab', 'the 15 mg/kg
arm', '180 mg once daily (arm B)', 'the 36-Gy cohort', 'the 2 x 8-Gy arm' (16 Gy in two fractions).

Arms that give the same interventions and differ only in the dose of one of them (twins: 7.5
and 15 mg/kg bevacizumab with the same chemotherapy) have no name of their own that tells
them apart: the text names them by that dose.  A printed dose (number and unit) names the one
twin giving it; 'low-dose' / 'lower-dose' names the twin with the smaller dose and
'high-dose' / 'higher-dose' the one with the larger, in a pair of twins.  A dose printed right
after an intervention's name is that name's (the finder reads 'brigatinib 90 mg' as one
reference), so only doses that stand alone are read here.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from kg.extraction.regimens import COURSE
from kg.model import Arm

# not 'a lead-in at 90 mg', 'a dose of 60 Gy': a dose given, not an arm named
_DOSE = re.compile(
    r"(?<![\w.,/-])(?<!\bat\s)(?<!\bof\s)(?P<value>\d+(?:\.\d+)?)\s*-?\s*(?P<unit>mg/kg|mg/m2|mg|µg|g|Gy)(?![\w/])"
)
_LEVEL = re.compile(r"(?i)(?<![\w-])(?P<level>low|lower|high|higher)[\s-]dose(?![\w-])")


def dose_references(arms: list[Arm], text: str) -> list[tuple[int, int, Arm]]:
    """(start, end, arm) for each dose in the text that names one twin arm."""
    out: list[tuple[int, int, Arm]] = []
    for twins, drug in _twin_sets(arms):
        doses = {a.label: _dose(a, drug) for a in twins}
        courses = list(COURSE.finditer(text))
        printed = [(m, int(m.group("n")) * _decimal(m.group("value"))) for m in courses]
        printed += [
            (m, _decimal(m.group("value")))
            for m in _DOSE.finditer(text)
            if not any(c.start() <= m.start() < c.end() for c in courses)  # '8-Gy' of '2 x 8-Gy' is no total
        ]
        for m, value in printed:
            fits = [a for a in twins if doses[a.label] == (value, _unit(m.group("unit")))]
            if len(fits) == 1:
                out.append((m.start(), _with_drug(text, m.end(), drug), fits[0]))
        if len(twins) == 2:
            low, high = sorted(twins, key=lambda a: doses[a.label][0])
            for m in _LEVEL.finditer(text):
                out.append((m.start(), m.end(), low if m.group("level").lower().startswith("low") else high))
    out.sort(key=lambda x: x[0])
    # a dose two sets of twins give names neither
    return [x for x in out if sum(y[0] == x[0] for y in out) == 1]


def _with_drug(text: str, end: int, drug: str) -> int:
    """Where a dose's reference ends: past the drug named right after it ('5 mg risedronate',
    'the 4-mg dose of zoledronic acid' are one reference to the twin, not also to the drug)."""
    m = re.compile(rf"(?i)\s*(?:doses?\s+(?:of\s+)?)?{re.escape(drug)}(?![\w-])").match(text, end)
    return m.end() if m else end


def _twin_sets(arms: list[Arm]) -> list[tuple[list[Arm], str]]:
    """Arms with the same interventions whose doses differ in exactly one of them, each given
    once per arm with a dose; with that intervention."""
    sets: dict[frozenset[str], list[Arm]] = {}
    for arm in arms:
        sets.setdefault(frozenset(arm.drug_names), []).append(arm)
    out = []
    for twins in sets.values():
        if len(twins) < 2:
            continue
        differing = [
            name
            for name in twins[0].drug_names
            if len({_dose(a, name) for a in twins}) > 1 and all(_dose(a, name) is not None for a in twins)
        ]
        if len(set(differing)) == 1 and len({_dose(a, differing[0]) for a in twins}) == len(twins):
            out.append((twins, differing[0]))
    return out


def _dose(arm: Arm, drug: str) -> tuple[Decimal, str] | None:
    """The one dose the arm gives the drug (value, unit), or None (none printed, or several)."""
    rows = [i for i in arm.interventions if i.drug.name == drug]
    if len(rows) != 1 or rows[0].dose is None:
        return None
    return Decimal(str(rows[0].dose)), _unit(rows[0].dose_unit or "")


def _unit(unit: str) -> str:
    return unit.lower().replace("(2)", "2")


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


__all__ = ["dose_references"]
