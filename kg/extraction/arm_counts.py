"""How many arms a text announces: an allocation ratio 1:1:1, 'one of three treatments',
'three-arm', a 2 x 2 factorial design."""

from __future__ import annotations

import re

from kg.extraction.lexicon import words_to_int
from kg.extraction.text import Cued

_ONE_OF = re.compile(
    r"(?i)\b(?:one|1)\s+of\s+(?:the\s+)?(two|three|four|five|six|\d)\s+(?:\w+\s+)?"
    r"(?:treatments?|regimens?|arms?|groups?|strategies|schedules|interventions?)\b"
)
_N_ARM = Cued(
    re.compile(
        r"(?i)\b(two|three|four|five|\d)[- ]arm(?:ed)?\b|\b(two|three|four|five|\d)\s+(?:treatment\s+)?arms\b"
    ),
    ("arm",),
)
_RATIO = re.compile(r"(?i)\b(\d+(?:\s*:\s*\d+)+)\b|\bin\s+a\s+ratio\s+of\s+(\w+)\s+to\s+(\w+)\b")
_FACTORIAL = re.compile(r"(?i)\b(?:two|2)[- ]by[- ](?:two|2)\b|\b2\s*[x×]\s*2\b")


def expected_arms(text: str) -> int | None:
    """How many arms the text announces: 'one of three treatments', a 1:1:1 ratio, 'three-arm'."""
    m = _ONE_OF.search(text)
    if m:  # 'to a reference regimen of A or to one of three experimental regimens': and the reference
        n = count_word(m.group(1))
        alternative = re.search(r"(?i)\bor\s+(?:to\s+)?$", text[max(0, m.start() - 10) : m.start()])
        return n + 1 if n and alternative else n
    m = _RATIO.search(text)
    if (
        m
        and m.group(1)
        and re.search(r"(?i)random|assign|allocat|ratio", text[max(0, m.start() - 80) : m.start()])
    ):
        return len(re.split(r"\s*:\s*", m.group(1)))
    if m and m.group(2):
        return 2
    m = _N_ARM.search(text)
    if m:
        return count_word(m.group(1) or m.group(2))
    if _FACTORIAL.search(text):
        return 4
    return None


def count_word(word: str) -> int | None:
    """'three' or '3' as 3."""
    return int(word) if word.isdigit() else words_to_int(word)


def factorial(text: str) -> bool:
    return bool(_FACTORIAL.search(text) or re.search(r"(?i)\bfactorial\b", text))
