"""Adverse events printed as a small table in one sentence, one value per arm joined by slashes.

One job: 'Grade 4 treatment-related toxicities (% PCb/% PC) were: anemia, 0/1.9; neutropenia,
6.5/3.8; thrombocytopenia, 4.3/1.9; and esophagitis, 0/1.9.' A parenthesis that lists the arms
by their labels, joined by slashes, is the table's header: it sets the arm order of every
'event, value/value' entry after it, and its '%' says the values are percents. The words
before the header say the category and restriction of every entry. A header one of whose
labels names no arm, or two labels the same arm, gives nothing: the order cannot be guessed.
The same table may be printed one cell per event: 'Common treatment-emergent adverse events
were nausea (arm A/B, 33%/40%), diarrhea (arm A/B, 19%/38%), ...': each event's parenthesis
holds its own header ('arm A/B' is arm A and arm B) and its percents.
(Slash pairs elsewhere are no figures: see ``ae_figures``.)
"""

from __future__ import annotations

import re

from kg.extraction.ae_arms import ResultsArms
from kg.extraction.ae_vocabulary import AE_WORDS, ae_category, event_phrases, related
from kg.extraction.armrefs import distinct
from kg.extraction.text import NUM, Sentence, dec
from kg.model import AdverseEventSummary, Arm

__all__ = ["slash_table"]

_LABEL = r"%?\s*[A-Za-z][\w+-]*"
_HEADER = re.compile(rf"\(\s*(?P<labels>{_LABEL}(?:\s*/\s*{_LABEL})+)\s*(?P<unit>,\s*%)?\s*\)")
_OPENER = re.compile(r"(?i)\s*(?:were|was|included|are)?\s*:\s*")
_CELL = re.compile(
    rf"\(\s*(?P<labels>[A-Za-z][\w+-]*(?:\s+[\w+-]+)?(?:\s*/\s*[\w+-]+)+)\s*,\s*"
    rf"(?P<values>{NUM}\s*%(?:\s*/\s*{NUM}\s*%)+)\s*\)"
)
_ENTRY = re.compile(
    rf"(?i)^\s*(?:and\s+)?(?P<term>[^,;:()]+?)\s*,?\s+(?P<values>{NUM}\s*%?(?:\s*/\s*{NUM}\s*%?)+)\s*$"
)


def slash_table(s: Sentence, finder: ResultsArms) -> list[AdverseEventSummary]:
    """The rows of a sentence's slash table (see the module docstring), or nothing."""
    text = s.norm
    header = _HEADER.search(text)
    if header is None:
        return _cells(s, finder)
    arms = _header_arms(header, finder)
    lead = text[: header.start()]
    opener = _OPENER.match(text, header.end())
    if not arms or opener is None or not AE_WORDS.search(lead):
        return []
    category = ae_category(lead)
    is_related = related(lead, frozenset(n.lower() for n in finder.names))
    out: list[AdverseEventSummary] = []
    start = opener.end()
    for piece in re.finditer(r"[^;]+", text[start:].rstrip(". ")):
        entry = _ENTRY.match(piece.group(0))
        rows = _rows(s, start + piece.start(), entry, arms, category, is_related) if entry else []
        if not rows:
            return []  # a table with an entry that cannot be read is not read in part
        out += rows
    return out


def _cells(s: Sentence, finder: ResultsArms) -> list[AdverseEventSummary]:
    """The rows of a table printed one cell per event ('nausea (arm A/B, 33%/40%)'): every
    cell of the sentence read, each after an event's name, with one arm per value; else nothing."""
    text = s.norm
    cells = list(_CELL.finditer(text))
    if not cells or not AE_WORDS.search(text[: cells[0].start()]):
        return []
    lead = text[: cells[0].start()]
    category = ae_category(lead)
    is_related = related(lead, frozenset(n.lower() for n in finder.names))
    out: list[AdverseEventSummary] = []
    for n, cell in enumerate(cells):
        before = text[cells[n - 1].end() if n else 0 : cell.start()].rstrip()
        spans = event_phrases(before)
        arms = _label_arms(_expanded(cell.group("labels")), finder)
        if not spans or spans[-1][1] != len(before) or not arms:
            return []
        entry = _ENTRY.match(f"{before[spans[-1][0] :]} {cell.group('values')}")
        rows = _rows(s, cell.start("values") - entry.start("values"), entry, arms, category, is_related)
        if not rows:
            return []
        out += rows
    return out


def _expanded(labels: str) -> list[str]:
    """'arm A/B' -> 'arm A', 'arm B': later labels of one letter or number share the first's head word."""
    parts = [p.strip() for p in labels.split("/")]
    head = parts[0].rsplit(" ", 1)[0] + " " if " " in parts[0] else ""
    return [parts[0]] + [f"{head}{p}" if re.fullmatch(r"[A-Za-z\d]", p) else p for p in parts[1:]]


def _header_arms(header: re.Match, finder: ResultsArms) -> list[Arm]:
    """The arms of a header's labels in the order printed; none unless every label names one
    arm and no two name the same; the values are percents only when the header says so."""
    labels = [label.strip() for label in header.group("labels").split("/")]
    if not (header.group("unit") or all(label.startswith("%") for label in labels)):
        return []
    return _label_arms([label.lstrip("% ") for label in labels], finder)


def _label_arms(labels: list[str], finder: ResultsArms) -> list[Arm]:
    """The arm each label names in full, in order; none unless each names one arm and no two
    the same."""
    arms: list[Arm] = []
    for name in labels:
        found = distinct([a for s, e, a in finder.find(name) if (s, e) == (0, len(name))])
        if len(found) != 1:
            return []
        arms += found
    return arms if len(distinct(arms)) == len(arms) else []


def _rows(
    s: Sentence, offset: int, entry: re.Match, arms: list[Arm], category: str, is_related: bool
) -> list[AdverseEventSummary]:
    """One row per arm for an 'event, value/value' entry; nothing when the values do not match
    the header's arms one to one or the name is no event's."""
    term = entry.group("term").strip()
    values = list(re.finditer(NUM, entry.group("values")))
    if len(values) != len(arms) or event_phrases(term)[:1] != [(0, len(term))]:
        return []
    base = offset + entry.start("values")
    return [
        AdverseEventSummary(
            arm=arm.label,
            category=category,
            treatment_related=is_related,
            term=term,
            percent=dec(v.group(0)),
            evidence=s.evidence(base + v.start(), base + v.end()),
        )
        for v, arm in zip(values, arms, strict=True)
    ]
