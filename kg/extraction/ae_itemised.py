"""The events of an adverse-event figure named one by one in the bracket right after it.

One job: 'treatment-related serious adverse events (ten [14%] of 72 patients [decreased
platelet count, n=8; decreased neutrophil count, n=1; hepatic dysfunction, n=1] ...)', '2
patients in the surgical arms (one late pulmonary toxicity and one pulmonary embolus)', '1
patient in the radiation arm (radiation pneumonitis)': each item is that arm's count of that
event, under the figure's own reading (arm, category, restriction, denominator). The bracket
follows the figure, or the figure's own words ('patients in the surgical arms': no figure,
mark or clause break between). Only a bracket whose every item is an event's name with its
count ('name, n=8' or '1 name') is read, or one event's name alone after a count of one
patient, and only when the items do not add up to more patients than the figure counted: a
bracket that says anything else is no breakdown of the figure.
"""

from __future__ import annotations

import re

from kg.extraction.ae_terms import CLASS
from kg.extraction.ae_vocabulary import event_phrases
from kg.extraction.text import Sentence
from kg.model import AdverseEventSummary

__all__ = ["itemised"]

_BRACKET = re.compile(r"[(\[](?P<body>[^()\[\]]+)[)\]]")
_NAMED_N = re.compile(r"\s*(?P<name>[^\d,;=]+?)\s*,\s*n\s*=\s*(?P<n>\d+)\s*")
_N_NAMED = re.compile(r"\s*(?P<n>\d+)\s+(?P<name>[^\d,;=]+?)\s*")
# items of the '1 name' form are cut before the count that opens the next one
_BEFORE_COUNT = re.compile(r"\s*(?:[,;]\s*(?:and\s+)?|\band\s+)(?=\d)")
_TIMING = re.compile(r"(?i)(?:late|acute|early|delayed)\s+")
# a figure's own words up to its bracket: 'patients in the surgical arms'
_OWN_WORDS = re.compile(r"[^\d()\[\],;:]{0,60}")

Item = tuple[str, int, int, int]  # event, count, start, end


def itemised(sentence: Sentence, rows: list[AdverseEventSummary]) -> list[AdverseEventSummary]:
    """A record per item of each bracket that itemises the events of the figure printed
    right before it."""
    out = []
    for m in _BRACKET.finditer(sentence.norm):
        start, _ = sentence.printed(m.start(), m.end())
        row = next((r for r in rows if r.evidence is not None and _right_before(sentence, r, start)), None)
        if row is None or row.count is None:
            continue
        items = _items(m.group("body"), m.start("body"), row.count)
        if not items or sum(n for _, n, _, _ in items) > row.count:
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
    return (
        ev.sentence == sentence.text
        and ev.end <= start
        and _OWN_WORDS.fullmatch(sentence.text[ev.end : start]) is not None
    )


def _items(body: str, offset: int, count: int) -> list[Item]:
    """The items of a bracket in either form, or none when one item is no event's name with
    its count; a lone name is the one event of a count of one."""
    named = _pieces(body, offset, [(p.start(), p.end()) for p in re.finditer(r"[^;]+", body)], _NAMED_N)
    if named:
        return named
    cuts = [0] + [x for c in _BEFORE_COUNT.finditer(body) for x in (c.start(), c.end())] + [len(body)]
    counted = _pieces(body, offset, list(zip(cuts[::2], cuts[1::2], strict=True)), _N_NAMED)
    if counted or count != 1:
        return counted
    name = body.strip()
    lead = len(body) - len(body.lstrip())
    return [(name, 1, offset + lead, offset + lead + len(name))] if _is_event(name) else []


def _pieces(body: str, offset: int, spans: list[tuple[int, int]], form: re.Pattern[str]) -> list[Item]:
    """Each span of the body read as one item of ``form``; none when one is not."""
    items = []
    for a, b in spans:
        m = form.fullmatch(body, a, b)
        if not m or not _is_event(m.group("name")):
            return []
        first, last = min(m.start("name"), m.start("n")), max(m.end("name"), m.end("n"))
        items.append((m.group("name"), int(m.group("n")), offset + first, offset + last))
    return items


def _is_event(name: str) -> bool:
    """An event's name, or a class of toxicity named as one event ('late pulmonary toxicity')."""
    timing = _TIMING.match(name)
    return bool(name) and (
        event_phrases(name)[:1] == [(0, len(name))]
        or CLASS.fullmatch(name, timing.end() if timing else 0) is not None
    )
