"""Arm lists that print once what their entries share.

'pemetrexed with carboplatin (PCb) or cisplatin (PC)': the second entry is pemetrexed with
cisplatin, as its short name 'PC' spells (its first letter is the shared drug's, not
cisplatin's); 'carboplatin and paclitaxel with erlotinib or placebo': placebo takes the place
of erlotinib with the same chemotherapy; 'PCb or PC with concurrent RT (64-68 Gy)': radiation
printed after the last of a list of regimen short names is every entry's.  Without such a sign
'X plus A or B' stays two arms as printed ('vinorelbine plus cisplatin or observation',
'docetaxel plus cisplatin (DC) or docetaxel (D)').
"""

from __future__ import annotations

import re

from kg.extraction.regimens import drug_mentions, radiation

_LINK = r"(?:plus|with|and|combined\s+with|in\s+combination\s+with)"
_SHORT = r"[A-Za-z][A-Za-z0-9/+-]{0,9}"
# 'carboplatin and paclitaxel with erlotinib', 'pemetrexed with carboplatin (PCb)': a lead, a link
# and one drug of the entry's own
_ENTRY = re.compile(
    rf"(?i)^\s*(?P<lead>[a-z].*?)\s+(?P<link>{_LINK})\s+(?P<own>[a-z][\w-]*)(?:\s+\((?P<short>{_SHORT})\))?\s*$"
)
# 'cisplatin (PC) ...', 'placebo': the next entry's drug, its short name, and what follows
_NEXT = re.compile(rf"^\s*(?P<drug>[a-z][\w-]*)(?:\s+\((?P<short>{_SHORT})\))?(?P<rest>.*)$", re.S)
# the same in running text: 'pemetrexed with carboplatin (PCb) or cisplatin (PC)'
_IN_TEXT = re.compile(
    rf"(?i)\b(?P<lead>[a-z][\w-]*)\s+(?P<link>{_LINK})\s+(?P<own>[a-z][\w-]*)\s+\((?P<short>{_SHORT})\),?\s+"
    rf"or\s+(?P<drug>[a-z][\w-]*)\s+\((?P<other>{_SHORT})\)"
)
_RADIATION_WORD = re.compile(r"\bRT\b|(?i:\b(?:chemo)?radiotherapy\b|\b(?:ir)?radiation\b)")
_REGIMEN_SHORT = re.compile(r"^\s*[A-Z][A-Za-z0-9/+-]{0,9}\s*$")
_WITH_RADIATION = re.compile(rf"^(?P<own>\s*[A-Z][A-Za-z0-9/+-]{{0,9}})\s+(?P<tail>{_LINK}\s+.+)$", re.S)


def shared_entries(parts: list[str]) -> list[str]:
    """The pieces of a list with what an entry shares with the one before written out (see the
    module docstring)."""
    out = list(parts)
    for k in range(1, len(out)):
        written = _elided(out[k - 1], out[k])
        if written is not None:
            out[k] = written
    return _shared_radiation(out)


def _elided(before: str, piece: str) -> str | None:
    """'lead link B ...' for a piece that names B where the entry before gave A with the lead."""
    entry, nxt = _ENTRY.match(before), _NEXT.match(piece)
    if not entry or not nxt:
        return None
    lead = [d.name for d in drug_mentions(entry.group("lead"))]
    own, drug = drug_mentions(entry.group("own")), drug_mentions(nxt.group("drug"))
    if not lead or len(own) != 1 or len(drug) != 1:
        return None
    name = drug[0].name
    if name in lead or name == own[0].name or not _signalled(name, lead[0], nxt):
        return None
    return f"{entry.group('lead')} {entry.group('link')} {piece.strip()}"


def _signalled(name: str, lead: str, nxt: re.Match[str]) -> bool:
    """Placebo alone stands in for the added drug; a short name that starts with the lead's
    initial, not the drug's own, names the lead too ('cisplatin (PC)' after pemetrexed)."""
    if name == "placebo":  # not 'placebo plus docetaxel': a treatment of its own follows
        rest = nxt.group("rest")
        return not drug_mentions(rest) and not re.match(rf"(?i)\s*,?\s*{_LINK}\b", rest)
    short = nxt.group("short")
    return bool(short) and short[0].upper() == lead[0].upper() != name[0].upper()


def _shared_radiation(parts: list[str]) -> list[str]:
    """'PCb or PC with concurrent RT (64-68 Gy)': every entry a bare regimen short name, the
    last with radiation after it, gives that radiation in every entry."""
    last = _WITH_RADIATION.match(parts[-1]) if len(parts) >= 2 else None
    tail = last.group("tail") if last else ""
    if not (radiation(tail) or _RADIATION_WORD.search(tail)) or drug_mentions(tail):
        return parts
    if not all(_REGIMEN_SHORT.match(p) for p in parts[:-1]):
        return parts
    return [f"{p.strip()} {last.group('tail')}" for p in parts[:-1]] + [parts[-1]]


def elliptical_definitions(text: str) -> dict[str, str]:
    """Short names a shared-lead list defines: 'pemetrexed with carboplatin (PCb) or cisplatin
    (PC)' makes 'PC' pemetrexed with cisplatin (and 'PCb' pemetrexed with carboplatin)."""
    out: dict[str, str] = {}
    for m in _IN_TEXT.finditer(text):
        lead = drug_mentions(m.group("lead"))
        other = drug_mentions(m.group("drug"))
        if not lead or not drug_mentions(m.group("own")) or len(other) != 1:
            continue
        initial = lead[0].name[0].upper()
        if m.group("other")[0].upper() == initial != other[0].name[0].upper():
            link = m.group("link")
            out.setdefault(m.group("short"), f"{m.group('lead')} {link} {m.group('own')}")
            out.setdefault(m.group("other"), f"{m.group('lead')} {link} {m.group('drug')}")
    return out


_DRUG_LEAD = re.compile(
    r"(?i)(?:^|(?<=\s))(?P<drug>[a-z][\w-]*)(?:\s*\((?:[^()]|\([^()]*\))*\))?\s+"
    r"(?:plus|with|combined\s+with|in\s+combination\s+with)\s*$"
)


def drug_lead(text: str) -> re.Match[str] | None:
    """A drug, with its dose in brackets, before 'with either': every arm's ('RT with either
    17 Gy or 39 Gy' names doses of one treatment, 'chemotherapy with either A or B' the drugs
    the chemotherapy is, not a shared drug)."""
    m = _DRUG_LEAD.search(text)
    named = drug_mentions(m.group("drug")) if m else []
    return m if named and named[0].name != "chemotherapy" else None  # 'chemotherapy with either A or B
