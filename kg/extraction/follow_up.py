"""How long a trial followed its patients: the median and minimum follow-up an abstract prints.

One job: the trial-level follow-up figures, in months, each with the span it was read from
(the figure and the range or interval printed with it), so the extraction report and the
number coverage see exactly which numbers were read. Abstracts name follow-up in several
word orders, and every one of them is a class seen across many trials:

- the statistic before follow-up: 'median follow-up was 24.3 months', 'the median duration of
  follow-up was 44 months', 'after a median follow-up period of 15.2 months', 'Median follow-up
  for the radiotherapy comparison was 22.9 months (IQR 27.5-33.3)', 'Median follow-up was 11.3
  (95% CI, 10.9-13.0) months' (whose follow-up it is may be named between, in words without
  figures: 'in LUX-Lung 3' names a trial of a pooled report, and is not read);
- the figure before it: 'with 8.0-month median follow-up', 'with 25.3 months of median
  follow-up', 'after 2 years' minimum follow-up';
- the statistic in a bracket: 'During follow-up (median, 38 months)'.

A mean follow-up is not a median and is not kept, nor is one arm's follow-up ('48 weeks and
43 weeks, respectively') or a criterion ('did not report a minimum follow-up of six months'); days and weeks are turned into months
(30.4375 and 7 / 30.4375 days), years times 12, as the record keeps months.
"""

from __future__ import annotations

import re
from decimal import Decimal

from kg.extraction.text import NUM, Sentence, dec
from kg.model import Evidence

_UNIT = r"(?P<unit>years?|months?|weeks?|days?)"
_STAT = r"(?P<stat>minimum|median)"
_FOLLOW = r"follow-?up"
# what may stand between 'follow-up' and its figure: 'time', 'for survivors', 'in LUX-Lung 3'
_QUALIFIER = r"(?:\s+(?:time|period|duration|length))?(?:\s+(?:for|in|of|after|among)\s+[^\d,;:()]{1,40}?)?"
_LINK = r"(?:\s+(?:was|is|were|of|reached)|\s*[:=,])?"
_BRACKET = r"(?:\s*[(\[][^()\[\]]*[)\]])?"
_PATTERNS = (
    # 'median (duration of) follow-up (time) (for X) was 24.3 (95% CI ...) months (range ...)'
    re.compile(
        rf"(?i)\b{_STAT}\s+(?:(?:duration|length)\s+of\s+)?(?:[a-z]+\s+)?{_FOLLOW}{_QUALIFIER}{_LINK}\s*"
        rf"(?P<num>{NUM})(?:{_BRACKET}\s*|[\s-]){_UNIT}\b{_BRACKET}"
    ),
    # '8.0-month median follow-up', '25.3 months of median follow-up', "2 years' minimum follow-up"
    re.compile(rf"(?i)(?<![\d.])(?P<num>{NUM})[\s-]{_UNIT}'?\s+(?:of\s+)?{_STAT}\s+{_FOLLOW}\b"),
    # 'follow-up (median, 38 months)'
    re.compile(rf"(?i)\b{_FOLLOW}\s*\(\s*{_STAT},?\s+(?P<num>{NUM})\s+{_UNIT}\b(?=[^()]*\))"),
)
# a figure that is one arm's, not the trial's: '48 weeks and 43 weeks, respectively', '27.9
# months (IQR ...) in the erlotinib group and 24.8 months ...'
_PER_ARM = re.compile(rf"(?i)^\s*(?:and|,)\s*{NUM}[\s-]*{_UNIT}|^\s*in the\s+[^;,.]*?\b(?:groups?|arms?)\b")
# a criterion, not a figure: 'trials which did not report a minimum follow-up period of six months'
_CRITERION = re.compile(r"(?i)\b(?:report(?:ed|ing)?|requir\w*|need\w*)\s+(?:a\s+)?$")
_MONTHS_PER = {
    "y": Decimal(12),
    "m": Decimal(1),
    "w": Decimal(7) / Decimal("30.4375"),
    "d": 1 / Decimal("30.4375"),
}


def follow_up(sents: list[Sentence]) -> tuple[Decimal | None, Decimal | None, list[Evidence]]:
    """(minimum, median) follow-up in months, the first of each printed, and where they were read."""
    found: dict[str, Decimal] = {}
    evidence: list[Evidence] = []
    for s in sents:
        if not re.search(r"(?i)follow-?up", s.norm):
            continue
        for m in _matches(s.norm):
            if _PER_ARM.search(s.norm[m.end() :]) or _CRITERION.search(
                s.norm[max(0, m.start() - 30) : m.start()]
            ):
                continue
            stat = m.group("stat").lower()
            if stat not in found:
                found[stat] = _months(m.group("num"), m.group("unit"))
                evidence.append(s.evidence(m.start("num"), m.end()))
    return found.get("minimum"), found.get("median"), evidence


def _matches(text: str) -> list[re.Match[str]]:
    """Every follow-up figure of a sentence, in the order printed, none read twice."""
    out: list[re.Match[str]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if not any(m.start("num") < o.end() and o.start("num") < m.end() for o in out):
                out.append(m)
    return sorted(out, key=lambda m: m.start())


def _months(number: str, unit: str) -> Decimal:
    value = dec(number) * _MONTHS_PER[unit[0].lower()]
    return value if unit[0].lower() in "ym" else value.quantize(Decimal("0.1"))
