"""Adverse-event summaries per arm, and the safety population their figures imply.

"Grade 5 AEs occurred in 14 (7.6%) and 10 (6.0%) patients in the A and B arms,
respectively (treatment-related in four [2.2%] and one [0.6%], respectively)": the category
comes from the words before the figures, a '(treatment-related in ...)' aside restates the
same category restricted to treatment-related events.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from kg.extraction.regimens import ArmFinder
from kg.extraction.text import NUM, Sentence, dec
from kg.model import AdverseEventSummary, Arm

_AE = re.compile(r"(?i)adverse events?|\bAEs?\b|toxic effects|toxicities")
_RELATED = re.compile(
    r"(?i)\b(?:treatment|drug|study drug)[- ]related\b|\brelated to (?:the )?(?:study )?treatment\b"
)
_FIGURE = re.compile(
    rf"(?<![\d.])(?P<count>\d+)\s*[(\[]\s*(?P<pct>{NUM})\s*%\s*[)\]]|(?<![\d.])(?P<only>{NUM})\s*%"
)
_ASIDE = re.compile(r"\((?P<head>(?:treatment|drug)[- ]related)\s+in\s+(?P<body>[^()]*)\)")


def ae_category(phrase: str) -> str:
    p = phrase.lower()
    if "discontinu" in p:
        return "leading to discontinuation"
    if "serious" in p:
        return "serious"
    if re.search(r"grade\s*(?:3|iii)\s*(?:/|or|to|-)\s*(?:4|iv)\b", p):
        return "grade 3-4"
    if re.search(
        r"grade\s*(?:3|iii)\s*(?:or (?:higher|worse|above|greater)|\+|to 5|-5)|grade\s*(?:≥|>=)\s*3", p
    ):
        return "grade >=3"
    if re.search(r"grade\s*(?:1|i)\s*(?:/|or|to|-)\s*(?:2|ii)\b", p):
        return "grade 1-2"
    for grade in ("5", "4", "3"):
        if re.search(rf"grade\s*{grade}\b", p):
            return f"grade {grade}"
    if re.search(r"\bfatal\b|\bdeaths?\b", p):
        return "grade 5"
    return "any"


def adverse_events(sents: list[Sentence], arms: list[Arm]) -> list[AdverseEventSummary]:
    finder = ArmFinder(arms)
    out: list[AdverseEventSummary] = []
    for s in sents:
        if not re.match(r"(?i)results|findings", s.section) or not _AE.search(s.norm):
            continue
        main = s.norm
        for aside in _ASIDE.finditer(s.norm):
            main = main[: aside.start()] + " " * len(aside.group(0)) + main[aside.end() :]
        first = _FIGURE.search(main)
        if not first:
            continue
        head = main[: first.start()]
        category = ae_category(head)
        related = bool(_RELATED.search(head))
        out += _summaries(main, finder, category, related)
        for aside in _ASIDE.finditer(s.norm):
            body = " " * aside.start("body") + aside.group("body")
            out += _summaries(body, finder, category, True, context=s.norm)
    return out


def _summaries(
    text: str, finder: ArmFinder, category: str, related: bool, context: str | None = None
) -> list[AdverseEventSummary]:
    figures = list(_FIGURE.finditer(text))
    spans = [(f.start(), f.end()) for f in figures]
    arms = finder.assign(context or text, spans, [0] * len(spans))
    out = []
    for f, arm in zip(figures, arms, strict=True):
        if arm is None:
            continue
        count = int(f.group("count")) if f.group("count") else None
        pct = dec(f.group("pct") or f.group("only"))
        out.append(
            AdverseEventSummary(
                arm=arm.label,
                category=category,
                treatment_related=related,
                count=count,
                percent=pct,
            )
        )
    return out


def implied_population(events: list[AdverseEventSummary], arm: str) -> int | None:
    """The one whole number of patients every count/percent pair of the arm rounds to.

    71 patients = 38.4% leaves only 185 (184.7 to 185.1 under rounding to one decimal); a
    single figure rarely pins it down, several together usually do.
    """
    low, high = 0.0, math.inf
    seen = False
    for e in events:
        if e.arm != arm or e.count is None or e.percent is None or e.term or e.percent == 0:
            continue
        half = Decimal(5) * Decimal(10) ** (e.percent.as_tuple().exponent - 1)
        lo_pct, hi_pct = float(e.percent - half), float(e.percent + half)
        low = max(low, 100 * e.count / hi_pct)
        high = min(high, 100 * e.count / lo_pct if lo_pct > 0 else math.inf)
        seen = True
    if not seen:
        return None
    candidates = range(math.ceil(low), math.floor(high) + 1)
    return candidates[0] if len(candidates) == 1 else None
