"""What a listing of arms says after the arms themselves, which parts no arms: who receives
them ('... in chemotherapy-naive patients with NSCLC'), how long they go on ('... until disease
progression, unacceptable toxicity, or death') and what they go on to ('..., followed by
maintenance therapy with atezolizumab, bevacizumab, or both'), and what describes an entry ('...
programme (txt2stop), comprising motivational messages and behavioural-change support'). Their commas,
'and' and 'or' would otherwise read as further arms or interventions."""

from __future__ import annotations

import re

from kg.extraction.regimens import drug_mentions
from kg.extraction.text import depth_map

_WHO = re.compile(
    r"(?i)\s+(?:in|for|among)\s+(?:(?:[\w-]+|\([^)]*\))\s+){0,4}?(?:patients|participants|women|men|adults|smokers|"
    r"people|persons|subjects|children)\b.*$"
)
_UNTIL = re.compile(
    r"(?i)\s+(?:until|till)\s+(?:(?:documented|radiological|disease|tumou?r)\s+)*(?:progression|unacceptable|"
    r"intolerable|death|withdrawal|relapse|recurrence)\b"
)
_LATER_CHOICE = re.compile(r"(?i),\s*followed\s+by\s+[^;]*?\bor\b")


def without_tails(text: str) -> str:
    """The listing without who receives the arms, how long and what they go on to."""
    text = _WHO.sub("", text)
    text = _cut_at_top(text, _UNTIL)
    later = _top_match(text, _LATER_CHOICE)
    if later is not None and re.search(r"(?i)\bor\b", text[: later.start()]):  # after a list of arms
        text = text[: later.start()]
    return text


# what a comma adds to describe an entry that names no drug: '... programme (txt2stop), comprising
# motivational messages and behavioural-change support' (its drugs stay: ', consisting of cisplatin ...')
_DESCRIBED = re.compile(r"(?i),\s+(?:comprising|consisting\s+of|including|containing|involving)\s+[^,;()]*$")


def without_description(piece: str) -> str:
    """One arm's piece without what a comma adds to describe it, unless that names drugs."""
    m = _DESCRIBED.search(piece)
    return piece[: m.start()] if m and not drug_mentions(m.group()) else piece


def _top_match(text: str, pattern: re.Pattern) -> re.Match | None:
    depth = depth_map(text)
    return next((m for m in pattern.finditer(text) if depth[m.start()] == 0), None)


def _cut_at_top(text: str, pattern: re.Pattern) -> str:
    m = _top_match(text, pattern)
    return text[: m.start()] if m else text
