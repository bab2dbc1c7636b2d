"""An endpoint named only 'incidence' or 'mortality' takes the disease its sentence counts."""

from __future__ import annotations

import re

_OF_DISEASE = re.compile(
    r"(?i)\b(?:incidence|cases?|rates?|risk)\s+of\s+((?:[a-z-]+\s+){0,2}?(?:cancer|carcinoma|disease|infections?|fractures?))\b"
)


def qualified(name: str, sentence: str) -> str:
    """A bare 'incidence' or 'mortality' named after the disease its sentence counts ('Among
    the 876 new cases of lung cancer ..., no reduction in incidence' -> 'lung cancer
    incidence')."""
    if name not in ("incidence", "mortality"):
        return name
    m = _OF_DISEASE.search(sentence)
    return f"{m.group(1).lower()} {name}" if m else name
