"""Arms a title or a placebo-controlled design names: 'Randomised multicentre trials of CHART vs
conventional radiotherapy', 'A with or without B for ...', 'a randomized, placebo-controlled study
of erlotinib maintenance therapy', and, for a report whose sentences list no arms, the one agent a
title says was tested ('A randomized trial of fish oil omega-3 fatty acids on arterial health')
against the placebo the abstract gives.
"""

from __future__ import annotations

import re

# 'Randomised multicentre trials of CHART vs conventional radiotherapy': the arms follow the design
_TITLE_LEAD = re.compile(
    r"(?i)^(?:an?\s+)?(?:[\w-]+,?\s+){0,4}?(?:trials?|stud(?:y|ies))\s+(?:of|comparing)\s+"
)
_VERSUS = re.compile(r"(?i)^(.+?)\s+(?:versus|vs\.?|v\.?|compared\s+with)\s+(.+?)$")
_WITH_OR_WITHOUT = re.compile(r"(?i)^(.+?)\s+with\s+or\s+without\s+(.+?)$")
_TITLE_END = re.compile(
    r"(?i)\s+(?:for|in|among|as|after|on|during|to\s+treat|in\s+the\s+treatment)\s+(?:the\s+)?"
    r"(?:patients|treatment|people|persons|smokers|adults|women|men|children|elderly|advanced|"
    r"previously|chemotherapy|first|second|stage|operable|inoperable|resect|unresect|brain|lung|non|small|"
    r"metast|early|locally|smoking|mediastinal|\w+(?:\s+\w+)?\s+(?:cancer|carcinoma|metastases|disease))|[:(]|$"
)


def title_listing(title: str) -> str | None:
    """The arms a title compares, as a listing ('A plus B or A' for 'A with or without B')."""
    head = _TITLE_END.search(title)
    core = _TITLE_LEAD.sub("", title[: head.start()] if head else title)
    w = _WITH_OR_WITHOUT.match(core)
    if w:
        return f"{w.group(1)} plus {w.group(2)} or {w.group(1)}"
    v = _VERSUS.match(core)
    return f"{v.group(1)} or {v.group(2)}" if v else None


# 'Efficacy of varenicline combined with nicotine replacement therapy vs varenicline alone': a title
# opening with what it measures before the comparison
_MEASURE_LEAD = re.compile(r"(?i)^(?:the\s+)?(?:efficacy|effects?|impact|comparison|outcomes?)\s+of\s+")
_ALONE = re.compile(r"(?i)\s+alone$|^\s*alone\s+")


_ADDITION = re.compile(
    r"(?i)\b(?:addition\s+of|adding)\s+(?P<add>(?:[\w-]+\s+){0,3}?[\w-]+)\s+to\s+(?P<base>(?:[\w-]+\s+){0,2}?[\w-]+)"
    r"(?=\s+(?:in|for|among|on|as|versus|vs)\s|\s*[:;,.]|$)"
)


def title_base(title: str) -> tuple[str, str] | None:
    """(base, other) for a title setting an add-on against its base: 'varenicline combined with
    nicotine replacement therapy vs varenicline alone', 'preoperative chemotherapy plus surgery
    with surgery alone', 'A plus B versus B': the base is what one side gives alone and the other
    side names too, so every arm of the trial gives it."""
    if added := _ADDITION.search(title):  # 'to evaluate the addition of methotrexate to etanercept in ...'
        return added.group("base"), f"{added.group('add')} plus {added.group('base')}"
    head = _TITLE_END.search(title)
    core = _MEASURE_LEAD.sub("", _TITLE_LEAD.sub("", title[: head.start()] if head else title))
    v = _VERSUS.match(core) or re.match(r"(?i)^(.+?)\s+with\s+(.+?\s+alone)$", core)
    if v is None:
        return None
    for base, other in ((v.group(2), v.group(1)), (v.group(1), v.group(2))):
        base = _ALONE.sub("", base).strip()
        if base and re.search(rf"(?i)(?<![\w-]){re.escape(base)}(?![\w-])", other) and other.strip() != base:
            return base, other
    return None


# 'A randomized trial of fish oil omega-3 fatty acids on arterial health', 'Hormone-Balancing Effect of
# Pre-Gelatinized Organic Maca (...): ...', 'the Efficacy of Vitamin C and E Supplementation to Prevent ...'
_TITLE_AGENT = re.compile(
    r"(?i)(?:\b(?:trial|study)\s+of|\b(?:effects?|efficacy|impact)\s+of)\s+(?P<agent>.+?)"
    r"(?:\s+(?:on|in|for|to|among|as|after|during)\s|\s*[:;]|$)"
)
_PLACEBO_GIVEN = re.compile(r"(?i)\bplacebo\b(?![- ]controlled)")


# 'Pentoxifylline in severe sepsis: a double-blind, randomized placebo-controlled study': the agent a
# title opens on, before whom it was given to, tested against the placebo its subtitle names
_AGENT_LEAD = re.compile(
    r"(?i)^(?P<agent>[^:;,()]{3,60}?)\s+(?:in|for|among)\s+[^:;]{3,120}?:\s*[^:;]*?\bplacebo[- ]controlled\b"
)


def title_against_placebo(title: str, full: str) -> str | None:
    """'X or placebo' for a title naming one agent a trial tested, when the abstract gives a
    placebo ('... were administered 1.7 g of O3 per day (N = 30) or safflower oil placebo') or
    the title opens on the agent and calls the trial placebo-controlled; for reports whose
    sentences list no arms (a page with no abstract text lists none)."""
    agent = title_agent(title)
    if agent and _PLACEBO_GIVEN.search(full):
        return f"{agent} or placebo"
    lead = _AGENT_LEAD.match(title)
    return f"{lead.group('agent')} or placebo" if lead and not _TITLE_AGENT.match(title) else None


def title_agent(title: str) -> str | None:
    """The one agent a title says a trial tested ('Effect of mild physical activity in obese and
    elderly women ...': 'mild physical activity'), not a comparison of several."""
    m = _TITLE_AGENT.search(title)
    if m is None or re.search(r"(?i)\b(?:or|versus|vs)\b", m.group("agent")):
        return None
    return m.group("agent")


# 'a randomized, placebo-controlled study of erlotinib maintenance therapy in advanced NSCLC'
_PLACEBO_CONTROLLED = re.compile(
    r"(?i)\bplacebo[- ]controlled,?\s+(?:[\w-]+\s+){0,3}?(?:trial|study)\s+of\s+(.+?)"
    r"(?=\s+(?:in|for|among|as|after|versus|vs\.?|compared)\s|[.;,:]|$)"
)


def placebo_controlled(text: str) -> str | None:
    """'X or placebo' for 'a placebo-controlled study of X', when nothing else lists the arms."""
    m = _PLACEBO_CONTROLLED.search(text) if "placebo" in text.lower() else None
    return f"{m.group(1)} or placebo" if m else None
