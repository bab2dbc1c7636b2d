"""The subgroup a figure is reported for: 'In patients with high EGFR-gene-copy number, ...',
'... versus ZA in 702 patients with NSCLC (9.5 versus 8.0 months; HR 0.78)', '... 8.6 months
for denosumab versus 6.4 months for ZA in patients with squamous cell carcinoma'."""

from __future__ import annotations

import re

_PHRASE = re.compile(
    r"(?i)\b(?:in|among|for)\s+(?:the\s+)?(?:subgroup\s+of\s+|subset\s+of\s+)?(?:\d+\s+)?"
    r"(?:patients|participants|subjects|women|men|persons|people)\s+"
    r"(?:who\s+(?:were|had|received)\s+|with\s+(?:an?\s+)?)(?P<who>[^,;()]+?)"
    r"(?=\s*(?:[,;()]|\bwas\b|\bwere\b|\bwho\b|\band\s+in\b|$))"
)


def subgroup_at(text: str, pos: int, names_arm=lambda phrase: False) -> str | None:
    """The subgroup phrase nearest before the position in its sentence, else the first one
    after it in the same clause (no ';' between), else None (the whole population).  A
    phrase that names an arm ('patients with chemotherapy plus cetuximab') is no subgroup."""
    phrases = [
        (m.start(), m.end(), m.group("who").strip())
        for m in _PHRASE.finditer(text)
        if not names_arm(m.group("who"))
    ]
    before = [p for p in phrases if p[1] <= pos]
    if before:
        return before[-1][2]
    after = [p for p in phrases if p[0] >= pos and ";" not in text[pos : p[0]]]
    return after[0][2] if after else None
