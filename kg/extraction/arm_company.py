"""What the arms of one listing share, or are given with, that only one of them names.

'either A or B both combined with C', 'A or B, in addition to C', 'A or B in combination with C'
(C is every arm's); 'A alone or in combination with C' (the second arm is A plus C); 'A and B
plus low-dose C, high-dose C, or placebo' (the backbone before the first entry's 'plus' is every
variant's); 'A, B +/- C' (two arms). Each rule is checked against the listing's own words: an arm
given alone or with its own companion shares nothing.
"""

from __future__ import annotations

import re

from kg.extraction.interventions import intervention_kind
from kg.extraction.regimens import drug_mentions
from kg.extraction.text import depth_map

# 'cisplatin 80 mg/m2 and gemcitabine 1,250 mg/m(2) for up to six cycles plus': the backbone before the
# last top-level 'plus' of a list's first entry
_BACKBONE = re.compile(
    r"(?i)^(?P<lead>.+\s(?:plus|combined\s+with|in\s+combination\s+with))\s+(?P<own>\S.*)$"
)


def lead_to_each(parts: list[str]) -> list[str]:
    """'A and B plus low-dose C (7.5 mg/kg), high-dose C (15 mg/kg), or placebo': in a list of
    three or more whose later entries are variants of what the first entry adds (the same drug,
    or placebo), what it is added to is every entry's; not 'A plus B, A monotherapy, or C'."""
    m = _BACKBONE.match(parts[0])
    if not m or depth_map(parts[0])[m.end("lead") - 1]:
        return parts
    added = drug_mentions(m.group("own"))
    if not added or not all(_variant(p, added[0].name) for p in parts[1:]):
        return parts
    return [parts[0], *(f"{m.group('lead')} {p.strip()}" for p in parts[1:])]


# 'to receive brief counseling and varenicline titrated to 1 mg twice per day (n = 352), bupropion SR ...
# (n = 329), or placebo (n = 344)'
_CARE_LEAD = re.compile(r"(?i)^\s*(?P<lead>[a-z][\w\s-]{2,60}?)\s+and\s+(?P<own>\S.*)$")


def care_lead(parts: list[str]) -> list[str]:
    """Counselling, education or another behavioural intervention joined by 'and' before the
    first entry of a list is every entry's that names a drug, when no later entry has its own or
    is given alone."""
    m = _CARE_LEAD.match(parts[0]) if len(parts) >= 2 else None
    if (
        not m
        or depth_map(parts[0])[m.end("lead")]
        or drug_mentions(m.group("lead"))
        or intervention_kind(m.group("lead")) != "behavioral"
        or any(
            intervention_kind(p) == "behavioral" or re.search(r"(?i)\b(?:alone|only)\b", p) for p in parts[1:]
        )
    ):
        return parts
    return [  # not to a piece that names nothing ('with 40 weeks of nondrug follow-up')
        f"{m.group('lead')} plus {p.strip()}" if drug_mentions(p) else p for p in [m.group("own"), *parts[1:]]
    ]


def _variant(part: str, drug: str) -> bool:
    """An entry that names only the added drug (at another dose) or a placebo."""
    if re.search(r"(?i)\b(?:plus|and|with|combined|followed|alone|monotherapy)\b|\+", part):
        return False
    names = {d.name for d in drug_mentions(part)}
    return names == {drug} or bool(re.fullmatch(r"(?i)\s*(?:a\s+|matching\s+)?placebo\b.*", part))


def with_or_without(part: str) -> list[str]:
    """'cisplatin, etoposide +/- MGBG': two arms, without and with what follows '+/-'."""
    m = re.search(r"\s*(?:\+\s*/\s*-|±)\s*", part)
    if not m or depth_map(part)[m.start()] or not part[: m.start()].strip():
        return [part]
    return [part[: m.start()], f"{part[: m.start()]} plus {part[m.end() :]}"]


_SHARED = re.compile(
    r"(?i)^(?P<own>.*?)(?:[\s,]+(?:both|each|all|and\s+each)\s+(?P<link>combined\s+with|in\s+combination\s+with|plus|with|given\s+with)"
    # 'gefitinib or placebo, in addition to cisplatin plus pemetrexed'
    # '..., or placebo (n = 341) for 12 weeks, plus weekly brief smoking cessation counseling'
    # '... or placebo (n = 247) treatment, with individual counseling'
    r"|\s*,\s*(?P<added>in\s+addition\s+to|on\s+(?:a\s+)?background\s+of|added\s+to|plus|with))\s+(?P<tail>.+)$"
)


# 'A or B in combination with C', 'either A or B along with C': what the last arm is given with
_WITH_TAIL = re.compile(
    r"(?i)^(?P<own>.*?\S)\s+(?P<link>in\s+combination\s+with|combined\s+with|along\s+with|together\s+with)\s+(?P<tail>.+)$"
)
# an earlier arm that says what it is given with, or that it is given alone, shares nothing
_OWN_COMPANY = re.compile(r"(?i)\b(?:alone|monotherapy|only|single[- ]agent|plus|with|combin\w*)\b|\+")


def share(parts: list[str]) -> list[str]:
    """'either A or B both combined with C, or D', 'A or B, in addition to C': C belongs to A
    and to B. So it does in 'A or B in combination with C' ('involved-field radiotherapy or
    elective nodal irradiation in combination with concurrent chemotherapy'), unless an earlier
    arm is given alone or with its own companion, or is what the last arm adds C to ('paclitaxel
    alone or in combination with carboplatin', 'A or A combined with C')."""
    parts = _trailing_company(parts)
    out = list(parts)
    for k, part in enumerate(parts):
        m = _SHARED.match(part)
        if not m or k == 0 or depth_map(part)[min(m.end("own"), len(part) - 1)]:
            continue  # (a link inside a bracket joins that arm's own drugs)
        with_care = m.group("added") == "with"  # ', with individual counseling': every arm's too
        if with_care and intervention_kind(m.group("tail")) != "behavioral":
            continue  # 'concurrent and sequential CRT, with chemotherapy (CT) consisting of ...': its own words
        extra = f" {'plus' if with_care else m.group('link') or m.group('added')} {m.group('tail')}"
        out[k] = m.group("own") + extra
        for j in range(k):
            out[j] = out[j] + extra
    return out


def _trailing_company(parts: list[str]) -> list[str]:
    m = _WITH_TAIL.match(parts[-1]) if len(parts) >= 2 else None
    if not m or depth_map(parts[-1])[m.start("link")]:
        return parts
    earlier = parts[:-1]
    if any(_OWN_COMPANY.search(p) for p in earlier):
        return parts
    last = {d.name for d in drug_mentions(m.group("own"))}
    if any(last & {d.name for d in drug_mentions(p)} for p in earlier):
        return parts
    extra = f" {m.group('link')} {m.group('tail')}"
    return [p.rstrip() + extra for p in earlier] + [parts[-1]]


_ALONE_END = re.compile(r"(?i)\s+(?:alone|monotherapy)\s*$")
_WITH_START = re.compile(
    r"(?i)^\s*(?:in\s+combination\s+with|combined\s+with|together\s+with|along\s+with|with|plus)\s+"
)


def alone_or_with(parts: list[str]) -> list[str]:
    """'paclitaxel alone or in combination with carboplatin': the arm after an arm given alone
    that opens on 'with' gives that arm's treatment too."""
    out = list(parts)
    for k in range(1, len(parts)):
        alone, company = _ALONE_END.search(parts[k - 1]), _WITH_START.match(parts[k])
        if alone and company:
            out[k] = f"{parts[k - 1][: alone.start()]} plus {parts[k][company.end() :]}"
    return out


# 'bevacizumab 7.5 (n = 32) or 15 mg/kg (n = 35) plus carboplatin ... and paclitaxel ...': two doses
# of one drug, the unit and the companions printed once, after the second
_BARE_DOSE_END = re.compile(
    r"^(?P<drug>.*?[A-Za-z][\w-]*)\s+(?P<dose>\d+(?:\.\d+)?)(?P<note>\s*\([^()]*\))?\s*$"
)
_UNIT_DOSE_START = re.compile(
    r"(?i)^\s*(?P<dose>\d+(?:\.\d+)?)\s*(?P<unit>mg/m2|mg/kg|mg|µg|μg|mcg|g/m2|g|IU)\b(?P<note>\s*\([^()]*\))?"
    r"(?P<rest>\s+(?:plus|with|combined\s+with|in\s+combination\s+with|and)\s.*)?$"
)


def dose_variants(parts: list[str]) -> list[str]:
    """'X 7.5 or 15 mg/kg plus C': the first dose takes the unit the second prints, and both
    arms what follows it ('X 7.5 mg/kg plus C', 'X 15 mg/kg plus C')."""
    out = list(parts)
    for k in range(1, len(parts)):
        first, second = _BARE_DOSE_END.match(parts[k - 1]), _UNIT_DOSE_START.match(parts[k])
        if not first or not second or not drug_mentions(first.group("drug")):
            continue
        rest = second.group("rest") or ""
        drug, unit = first.group("drug"), second.group("unit")
        out[k - 1] = f"{drug} {first.group('dose')} {unit}{first.group('note') or ''}{rest}"
        out[k] = f"{drug} {second.group('dose')} {unit}{second.group('note') or ''}{rest}"
    return out


_AMOUNT = r"\d+(?:\.\d+)?"
_AMOUNT_UNIT = r"(?:mg/m2|mg/kg|mg|µg|μg|mcg|g/m2|g|IU|ml|mL)\b"
# 'once-daily risedronate (5 mg or 15 mg)', 'X (5, 10 or 20 mg)': a bracket that holds only doses offered
_BRACKET_DOSES = re.compile(
    rf"(?i)^(?P<lead>[^()]*[A-Za-z][\w-]*)\s*\((?P<doses>{_AMOUNT}(?:\s*{_AMOUNT_UNIT})?"
    rf"(?:\s*,\s*{_AMOUNT}(?:\s*{_AMOUNT_UNIT})?)*,?\s+or\s+{_AMOUNT}\s*(?P<unit>{_AMOUNT_UNIT}))\)(?P<rest>.*)$"
)


def bracketed_doses(parts: list[str]) -> list[str]:
    """'once-daily risedronate (5 mg or 15 mg) or placebo': a drug with the doses it is offered
    at in brackets is one arm per dose ('once-daily risedronate 5 mg', '... 15 mg')."""
    out: list[str] = []
    for part in parts:
        m = _BRACKET_DOSES.match(part.strip())
        if not m or not drug_mentions(m.group("lead")):
            out.append(part)
            continue
        for dose in re.split(r"\s*,\s*(?:or\s+)?|,?\s+or\s+", m.group("doses")):
            unit = "" if re.search(r"[A-Za-z]", dose) else f" {m.group('unit')}"
            out.append(f"{m.group('lead')} {dose}{unit}{m.group('rest')}")
    return out


# 'receive 10 μg (arm A), 100 μg (arm B) or 1000 μg (arm C) of CEA peptide ...', '50, 100, or 150 mg of X':
# doses listed before the one agent they are doses of
_LEAD = r"(?:to\s+)?(?:receive\s+)?"
_BARE_AMOUNT = re.compile(
    rf"(?i)^\s*{_LEAD}(?P<dose>{_AMOUNT})\s*(?P<unit>{_AMOUNT_UNIT})?(?P<label>\s*\([^()]*\))?\s*$"
)
_AMOUNT_OF = re.compile(
    rf"(?i)^\s*{_LEAD}(?P<dose>{_AMOUNT})\s*(?P<unit>{_AMOUNT_UNIT})(?P<label>\s*\([^()]*\))?\s+of\s+(?P<what>.+)$"
)


def doses_of(parts: list[str]) -> list[str]:
    """'10 μg (arm A)', '100 μg (arm B)', '1000 μg (arm C) of CEA peptide ...': each dose is one arm of
    the agent the last names, with the last's unit when it prints none ('50, 100, or 150 mg of X')."""
    for k in range(len(parts) - 1, 0, -1):
        last = _AMOUNT_OF.match(parts[k])
        if last is None:
            continue
        first = k
        while first > 0 and all(_BARE_AMOUNT.match(p) for p in parts[first - 1].split(",")):
            first -= 1
        if first == k:
            return parts
        what = last.group("what")
        # '10 mg, 30 mg' and '50, 100' stay one part where a comma before a number parts no arms
        doses = [_BARE_AMOUNT.match(p) for part in parts[first:k] for p in part.split(",")] + [last]
        rewritten = [
            f"{m.group('dose')} {m.group('unit') or last.group('unit')} of {what}{m.group('label') or ''}"
            for m in doses
            if m is not None
        ]
        return parts[:first] + rewritten + parts[k + 1 :]
    return parts
