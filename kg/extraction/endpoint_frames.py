"""Endpoints named by the frame a sentence puts around them, not by its subject: what an end
point was defined as when its figures follow in a 'which was' clause ('The primary efficacy end
point was the CO-confirmed continuous abstinence rate for weeks 9-12, which was 45.0% ...'), and
what one arm was compared with another on ('A was noninferior to B in delaying time to first
on-study SRE (hazard ratio ...')."""

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
