"""The events of an adverse-event figure named one by one in the bracket right after it.

One job: 'treatment-related serious adverse events (ten [14%] of 72 patients [decreased
platelet count, n=8; decreased neutrophil count, n=1; hepatic dysfunction, n=1] ...)': each
item is that arm's count of that event, under the figure's own reading (arm, category,
restriction, denominator). Only a bracket whose every item is an event's name with its 'n='
count is read, and only when the items do not add up to more patients than the figure
counted: a bracket that says anything else is no breakdown of the figure.
"""

from __future__ import annotations

import re

from kg.extraction.ae_vocabulary import event_phrases
from kg.extraction.text import Sentence
from kg.model import AdverseEventSummary

__all__ = ["itemised"]

_BRACKET = re.compile(r"[(\[](?P<body>[^()\[\]]+)[)\]]")
_ITEM = re.compile(r"\s*(?P<name>[^\d,;=]+?)\s*,\s*n\s*=\s*(?P<n>\d+)\s*")


def itemised(sentence: Sentence, rows: list[AdverseEventSummary]) -> list[AdverseEventSummary]:
    """A record per item of each bracket that itemises the events of the figure printed
    right before it (nothing but spaces between)."""
    out = []
    for m in _BRACKET.finditer(sentence.norm):
        start, _ = sentence.printed(m.start(), m.end())
        row = next((r for r in rows if r.evidence is not None and _right_before(sentence, r, start)), None)
        items = _items(m.group("body"), m.start("body"))
        if row is None or row.count is None or not items or sum(n for _, n, _, _ in items) > row.count:
            continue
        out += [
            row.model_copy(
                update={"term": name, "count": n, "percent": None, "evidence": sentence.evidence(a, b)}
            )
            for name, n, a, b in items
        ]
    return out


def _right_before(sentence: Sentence, row: AdverseEventSummary, start: int) -> bool:
    ev = row.evidence
    return ev.sentence == sentence.text and ev.end <= start and not sentence.text[ev.end : start].strip()


def _items(body: str, offset: int) -> list[tuple[str, int, int, int]]:
    """(event, count, start, end) of every ';'-separated item, or none when one item is no
    event's name with its count."""
    items, pos = [], 0
    for piece in body.split(";"):
        m = _ITEM.fullmatch(piece)
        name = m.group("name") if m else ""
        if not m or event_phrases(name)[:1] != [(0, len(name))]:
            return []
        items.append((name, int(m.group("n")), offset + pos + m.start("name"), offset + pos + m.end("n")))
        pos += len(piece) + 1
    return items
