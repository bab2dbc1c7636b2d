"""The endpoint a results sentence names after its figures, as what the patients had, were or
did: '74 (49%) A patients and 119 (79%) B patients received palliative radiotherapy', '... were
free from CNS recurrence at 1 year', '... of 113 in B died'."""

from __future__ import annotations

import re

from kg.extraction.endpoint_names import DISCONTINUED as _DISCONTINUED
from kg.extraction.endpoint_phrases import EVENTS
from kg.extraction.endpoint_states import state_phrase
from kg.extraction.phrase_cleaning import clean_phrase

_AFTER_OBJECT = re.compile(
    r"(?i)^[^;]*?(?<!-)\b(?:had|received|required|developed|experienced|achieved|underwent|reported|exhibited|showed|"
    r"displayed|suffered|sustained|needed|attained|maintained)\s+(?:an?\s+|the\s+)?"
    r"(?P<x>[a-z][\w'/-]*(?:\s+[a-z][\w'/-]*){0,5}?)(?=\s*(?:[,;.(]|\bcompared\b|\bvs\b|\bversus\b|\band\b|$))"
)


_AFTER_COPULA = re.compile(
    r"(?i)^[^;]*?\b(?:were|was)\s+(?P<x>(?:[a-z][\w'-]*\s+){0,3}(?:results?|findings?|diagnoses|positives|negatives))"
    r"(?=\s*(?:[,;.(]|$))"
)


# '73% of patients in the SRS plus WBRT group were free from CNS recurrence at 1 year'
_AFTER_FREE = re.compile(
    r"(?i)^[^;]*?\b(?:were|was|remained)\s+(?:alive\s+and\s+)?free\s+(?:from|of)\s+"
    r"(?P<x>[a-z][\w'/-]*(?:\s+[a-z][\w'/-]*){0,3}?)(?=\s*(?:[,;.(]|\b(?:at|after|by|compared)\b|$))"
)
_AFTER_EVENT = re.compile(
    rf"(?i)^[^;]*?(?<!who )(?<!that )\b(?P<verb>died|responded|progressed|relapsed|{_DISCONTINUED})\b"
)


def object_phrase(after: str) -> str | None:
    """The endpoint named after the figures: '74 (49%) A patients and 119 (79%) B patients
    received palliative radiotherapy' -> 'palliative radiotherapy'; '96.4% ... and 94.5% in
    the radiography group were false positive results' -> 'false positive results'; '15 (13%)
    of 115 patients in A and five (4%) of 113 in B died' -> 'death'."""
    event = _AFTER_EVENT.match(after)
    free = _AFTER_FREE.match(after)
    if free and not (event and event.start("verb") < free.start("x")):
        return f"freedom from {free.group('x').lower()}"
    m = _AFTER_OBJECT.match(after) or _AFTER_COPULA.match(after)
    if event and (m is None or event.start("verb") < m.start("x")):
        verb = event.group("verb").lower()
        return EVENTS.get(verb, "treatment discontinuation")
    return clean_phrase(m.group("x")) if m else state_phrase(after)
