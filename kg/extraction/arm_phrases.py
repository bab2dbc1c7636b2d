"""Sentences that name a trial's arms by comparing them rather than by assigning patients to them:
'a randomized trial between WBRT+SRS and SRS alone', 'A double-blind study of A versus B was
conducted', 'to compare A with B', 'whether A was not inferior to B', 'A as an intervention versus B
as a control'. Each reader returns the two sides as a listing, 'A or B', for ``arm_lists``.
"""

from __future__ import annotations

import re

from kg.extraction.text import depth_map

# 'a randomized trial between WBRT+SRS and SRS alone', 'a trial comparing X and Y'
_TRIAL_OF = re.compile(
    r"(?i)\b(?:trial|study|comparison)\s+(?:between|comparing)\s+(.+?)\s+(?:and|with|versus|vs\.?|to)\s+(.+?)"
    r"(?:\s+(?:for|in|among)\s+(?:patients|participants|\d)|[,.;]|$)"
)
# 'a randomized phase III trial of cisplatin plus either etoposide or paclitaxel in ... patients', 'A
# double-blind study of A versus B was conducted', '... trial ... evaluated A (n = 434) versus B (n = 444)'
_TRIAL_OF_ARMS = re.compile(
    r"(?i)(?:\brandomi[sz]ed\s+(?:[\w-]+\s+){0,4}?(?:trial|study)\s+of\s+(?P<any>.+?\b(?:or|versus|vs\.?)\s+.+?)"
    r"|\b(?:(?:trial|study)\s+of|evaluated|investigated|tested)\s+(?P<versus>.+?\s(?:versus|vs\.?)\s+.+?))"
    r"(?:\s+(?:in|for|among|as)\s+(?:\S+\s+){0,4}?(?:patients|participants|women|men|adults|smokers|"
    r"[\w-]*(?:cancers?|carcinomas?|tumou?rs?|NSCLC|SCLC))\b"
    r"|\s+(?:was|were)\s+(?:conducted|performed|carried)|\s+(?:in|for)\s+(?:the\s+)?(?:first-line\s+)?"
    r"(?:treatment|management|prevention|therapy)\b|(?<!vs)[.;]|$)"
)
_COMPARE_OPENING = (
    r"(?i)\bcompar(?:ed|ing|es?)\s+(?:the\s+(?:efficacy|effect|effects|safety)\s+(?:and\s+\w+\s+)?of\s+)?"
)
_COMPARE_END = r"\s+(.+?)(?:\s+in\s+(?:\d|patients|participants|women|men|adults|smokers)|[.;]|$)"
_COMPARE = re.compile(rf"{_COMPARE_OPENING}(.+?)\s+(?:with|versus|vs\.?|to|and){_COMPARE_END}")
# 'to compare concurrent chemotherapy and radiotherapy followed by resection with standard ...': a
# short treatment joined by 'and' before 'with' / 'versus' is one arm ('and' parts it otherwise)
_TREATMENT_WORD = (
    r"(?!(?:of|the|their|efficacy|safety|toxicity|tolerability|outcomes?|survival|features|disease|adjusted)\b)"
    r"[A-Za-z-]+"
)
_COMPARE_JOINED = re.compile(
    rf"{_COMPARE_OPENING}((?:{_TREATMENT_WORD}\s+){{1,3}}and(?:\s+{_TREATMENT_WORD}){{1,5}}?)\s+"
    rf"(?<!\bcombination\s)(?<!\bcombined\s)(?<!\balong\s)(?<!\btogether\s)(?<!\bpatients\s)"
    rf"(?:with(?!\s+or\s+without)|versus|vs\.?){_COMPARE_END}"
)
# 'whether first-line erlotinib followed at progression by cisplatin-gemcitabine was not inferior in terms of
# survival to the standard inverse sequence'
_WHETHER = re.compile(
    r"(?i)\bwhether\s+(.+?)\s+(?:is|was|were|would\s+be)\s+(?:not\s+)?(?:non-?inferior|inferior|superior|equivalent)"
    r"(?:\s+(?:in\s+terms\s+of|with\s+respect\s+to)\s+[\w\s-]+?)?\s+to\s+(.+?)(?:\s+in\s+(?:\d|patients)|[.;]|$)"
)
# 'The effects of a combination of A and B on the primary end point ... were compared with those of placebo'
_EFFECTS_COMPARED = re.compile(
    r"(?i)\b(?:effects?|efficacy)\s+of\s+(.+?)(?:\s+(?:on|in|among)\s+[^.;]*?)?,?\s+(?:was|were)\s+compared\s+"
    r"(?:with|to)\s+(?:those\s+of\s+|that\s+of\s+)?(.+?)(?:\s+in\s+(?:\d|patients|participants)|[.;]|$)"
)

# 'two parallel groups: video-assisted remote consultations at a regional medical centre (RMC) as an intervention
# versus standard consultation in the orthopaedic outpatient clinic ... as a control'
_AS_ROLES = re.compile(
    r"(?i)(?:^|:\s*)(?P<a>[^:;]+?)\s+as\s+(?:an?|the)\s+(?:intervention|experimental)(?:\s+(?:group|arm))?\s*,?\s+"
    r"(?:versus|vs\.?|and|compared\s+(?:with|to))\s+(?P<b>[^:;]+?)\s+as\s+(?:an?|the)\s+control\b"
)


def trial_of(text: str, low: str) -> str | None:
    """'a randomized phase III trial of A or B', '... evaluated A (n = 434) versus B (n = 444)'."""
    if not re.search(r"trial of|study of|evaluated|investigated|tested", low):
        return None
    t = _TRIAL_OF_ARMS.search(text)
    return (t.group("any") or t.group("versus")) if t else None


def compared(text: str, low: str) -> str | None:
    """'to compare A with B', 'a trial between A and B', 'whether A was non-inferior to B', 'The
    effects of A ... were compared with those of placebo'."""
    if not ("compar" in low or "between" in low or "whether" in low):
        return None
    flat = _flat_brackets(text)  # 'cisplatin (CDDP; 120 mg/m2, day 1)': no clause ends inside
    c = (
        _EFFECTS_COMPARED.search(flat)
        or _COMPARE_JOINED.search(flat)
        or _COMPARE.search(flat)
        or _TRIAL_OF.search(flat)
        or _WHETHER.search(flat)
    )
    return f"{text[c.start(1) : c.end(1)]} or {text[c.start(2) : c.end(2)]}" if c else None


def as_roles(text: str, low: str) -> str | None:
    """'A as an intervention versus B as a control'."""
    roles = _AS_ROLES.search(text) if " as " in low else None
    return f"{roles.group('a')} or {roles.group('b')}" if roles else None


def _flat_brackets(text: str) -> str:
    """The text with the points and semicolons inside brackets blanked out (same length), so a
    pattern that ends at a clause's end reads past '(CBDCA; 325 mg/m2, day 1)'."""
    depth = depth_map(text)
    return "".join("\x1f" if d and ch in ".;" else ch for ch, d in zip(text, depth, strict=True))


__all__ = ["as_roles", "compared", "trial_of"]
