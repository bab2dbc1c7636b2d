"""Endpoints named by the frame a sentence puts around them, not by its subject: what an end
point was defined as when its figures follow in a 'which was' clause ('The primary efficacy end
point was the CO-confirmed continuous abstinence rate for weeks 9-12, which was 45.0% ...'), and
what one arm was compared with another on ('A was noninferior to B in delaying time to first
on-study SRE (hazard ratio ...'), and what a share of the patients achieved or had ('The
percentage of patients who achieved ACR20 responder criteria response was 41% in the placebo
group')."""

from __future__ import annotations

import re

from kg.extraction.endpoint_states import unbracketed

# 'The primary efficacy end point was the CO-confirmed continuous abstinence rate for weeks 9-12,
# which was 45.0% (...) vs. 11.8% (...)': the endpoint is what the end point was, not its role
_DEFINED_THEN = re.compile(
    r"(?i)\b(?:end\s?-?points?|outcomes?(?:\s+measures?)?)\s+(?:was|were)\s+(?:the\s+)?"
    r"(?P<x>[a-z][^,;]{2,120}?),\s+which\s+(?:was|were)\b"
)
# 'A was noninferior to B in delaying time to first SRE': what A was compared on is what it delays
_BETTER_AT = re.compile(
    r"(?i)\b(?:(?:non-?)?inferior|superior|equivalent|(?:more|less|as)\s+effective|better|worse)\s+(?:to|than|as)\s+"
    r"[^,;()]{1,60}?\s+(?:in|at)\s+(?:delaying|prolonging|reducing|preventing|improving|extending)\s+"
    r"(?:the\s+)?(?P<x>[a-z][\w\s'/-]{2,80}?)\s*$"
)


def defined_endpoint(text: str) -> str | None:
    """What the end point was, when the clause goes on to give its figures ('..., which was')."""
    m = _DEFINED_THEN.search(text)
    return unbracketed(m.group("x")) if m else None


def aimed_endpoint(text: str) -> str | None:
    """What an arm was better, worse or noninferior at delaying, reducing or improving."""
    m = _BETTER_AT.search(text)
    return m.group("x") if m else None


# 'The percentage of patients who achieved ACR20 responder criteria response was 41%', 'the
# proportion of participants who had a complete response was': what the counted patients had
_SHARE_WHO = re.compile(
    r"(?i)\b(?:percentages?|proportions?|numbers?|shares?|rates?)\s+of\s+(?:the\s+|all\s+)?"
    r"(?:patients|participants|subjects|women|men|children|people|persons)\s+(?:who|that)\s+"
    r"(?:achieved|attained|reached|had|experienced|developed|showed|met|required|reported)\s+(?:an?\s+|the\s+)?"
    r"(?P<x>[A-Za-z][\w'/-]*(?:\s+[A-Za-z][\w'/-]*){0,6}?)\s+(?:was|were)\s*$"
)


def achieved_endpoint(text: str) -> str | None:
    """What the patients a share counts achieved or had, when the clause gives the share's figures."""
    m = _SHARE_WHO.search(text)
    return m.group("x") if m else None
