"""The other names a piece of text gives the arm it describes: a short name before the bracket
that holds its drugs ('GD (gemcitabine ... plus docetaxel ...)'), a name or the arm's size inside a
bracket ('(radiotherapy group, 49 patients)', '(n = 557)'), the words a drug was printed as where
the dictionary names it otherwise ('vitamin C'); not a name that abbreviates one of its
interventions or names no arm ('(IV)', '(NSCLC)').
"""

from __future__ import annotations

import re

from kg.extraction.names import expand, names_arm
from kg.extraction.regimens import drug_mentions
from kg.extraction.text import depth_map
from kg.model import Intervention

_ALIAS_HEAD = re.compile(r"(?i)^(?:the\s+)?(?:arm|group|regimen|cohort)\s+[A-Z0-9]{1,3}$")


_SIZE = re.compile(
    r"(?i)^\s*(?:n\s*=\s*(\d+)|(\d+)\s+(?:patients|participants|subjects|persons|people|smokers|women|men)|(\d+))\s*$"
)


def printed_otherwise(part: str, mentions: list) -> list[str]:
    """The words a drug was printed as where the dictionary names it otherwise ('vitamin C' for
    ascorbic acid): the results call the arm so ('the recurrence rate in the vitamin C group')."""
    printed = [part[m.start : m.end].strip() for m in mentions]
    return [
        p
        for p, m in zip(printed, mentions, strict=True)
        if re.sub(r"\W+", " ", p).lower() != m.name.lower() and len(p) > 2  # not 'E' of 'vitamin C and E'
    ]


def own_names(
    aliases: list[str], interventions: list[Intervention], abbreviations: dict[str, str]
) -> list[str]:
    """The aliases that name the arm, not one of its interventions ('(OSC)' after 'optimal
    supportive care' abbreviates that intervention, it does not name the arm; '(IV)', '(NSCLC)'
    name no arm at all)."""
    names = {i.drug.name for i in interventions}
    return [
        a
        for a in dict.fromkeys(a for a in aliases if a)
        if a.lower() not in names
        and expand(a, abbreviations).lower() not in names
        and names_arm(a, abbreviations)
    ]


def is_alias(head: str, abbreviations: dict[str, str]) -> bool:
    """'GD', 'PemOx', 'arm A', 'D100': a short name standing for the drugs in brackets after it
    (an abbreviation defined as a non-drug name, 'OSC', is an intervention of its own)."""
    h = re.sub(r"(?i)^\s*(?:the\s+)?|\s*(?:alone|only)?\s*$", "", head)
    h = re.sub(r"\s+(?:arm|group|regimen)$", "", h)  # 'the PCG arm (paclitaxel ...)'
    if drug_mentions(h):
        return False
    if _ALIAS_HEAD.match(h):
        return True
    words = h.split()
    if not words or len(words) > 2 or not any(c.isupper() for c in h):
        return False
    if h in abbreviations:
        return bool(drug_mentions(abbreviations[h]))
    return all(re.fullmatch(r"[A-Za-z0-9/-]+", w) and not w.islower() for w in words)


def canonical_alias(alias: str) -> str:
    """An alias written as an intervention's name ('non-ANH' for the arm 'no hemodilution')."""
    return re.sub(r"\s+", " ", alias).strip().lower()


# a bracket that prints a dose or a schedule holds no arm size, whatever numbers it lists
_SCHEDULE = re.compile(r"(?i)\b(?:mg|gy|cgy|auc|days?|weeks?|weekly|daily|cycles?|hours?)\b")


def parenthesised(part: str) -> tuple[list[str], int | None]:
    """Names and the arm size that brackets at the top level of a piece print:
    '(radiotherapy group, 49 patients)', '(n = 557)', '(arm A)', '(standard dose)'."""
    aliases: list[str] = []
    size = None
    depth = depth_map(part)
    for m in re.finditer(r"[(\[]([^()\[\]]*)[)\]]", part):
        if depth[m.start()] != 1 or drug_mentions(m.group(1)):
            continue
        schedule = _SCHEDULE.search(m.group(1))  # '(5 mg/m2 ... weekly on days 1, 8, 15, 22, and 29)'
        for bit in re.split(r"\s*[,;]\s*", m.group(1)):
            bit = re.sub(r"(?i)(?<=\d)\s+(?:group|arm|regimen)$", "", bit)  # '(F2 regimen, 117 patients)'
            n = _SIZE.match(bit.replace(",", ""))
            if n and (
                n.group(1)
                or n.group(2)
                or (int(n.group(3)) >= 10 and not schedule and not _subscript(part, m))
            ):  # '(2)' is a count of something else, '(... on days 1, 8, 15, 22, and 29)' a schedule
                size = size or int(next(g for g in n.groups() if g))
            elif re.fullmatch(
                r"(?![NTM]\d)[A-Z][A-Za-z]?\d{1,2}|(?i:arm|group|cohort)\s+\d{1,2}", bit
            ) or (  # '(C3)', '(D100)', '(arm 2)' too
                re.fullmatch(r"(?i)[a-z][\w /+-]{0,40}", bit)
                and not re.search(r"\d|(?i:\b(?:mg|gy|auc|day|days|week|weeks)\b)", bit)
            ):
                aliases.append(re.sub(r"(?i)\s+(?:group|arm)$", "", bit.strip()))
    return aliases, size


def _subscript(part: str, m: re.Match) -> bool:
    """'vitamin B(12)': a bracket glued to a letter prints a subscript inline (as 'mg/m(2)' does),
    not an arm's size, which a space parts from the name ('pemetrexed (283)')."""
    return m.start() > 0 and part[m.start() - 1].isalpha()


def leading_alias(part: str, mentions) -> str | None:
    """'GD (gemcitabine ...)': the words right before a parenthesis that holds the drugs."""
    m = re.match(r"\s*(?:the\s+|an?\s+)?([A-Za-z][\w-]*(?:\s+[A-Za-z0-9][\w-]*){0,2})\s*\(", part)
    if (
        m
        and mentions
        and mentions[0].start > m.end() - 1
        and m.group(1).lower() not in {d.name for d in mentions}
    ):
        return m.group(1)
    tail = re.search(r"\(([A-Za-z][A-Za-z0-9/-]{1,12})\)\s*$", part)
    if tail and not drug_mentions(tail.group(1)):
        return tail.group(1)
    return None
