"""Arms listed as named groups joined by 'and': 'randomly divided into 2 groups: the static
stretching group (SSG) and passive interval group (PIG)', 'divided into spinal group (spinal
anesthesia with ...) and PSNB group (PSNB with ...)'. Where each entry of an 'and' list is a
'... group' (or '... arm') with at most a bracket after it, the 'and' parts two groups, not two
treatments of one arm ('cisplatin and etoposide'). Groups named only by their role ('the
intervention and control groups') are left to ``arm_roles``, which reads what each got.
"""

from __future__ import annotations

import re

from kg.extraction.arm_pieces import outside_brackets
from kg.extraction.arm_roles import ROLE, control_arm
from kg.extraction.text import split_top
from kg.model import Arm

_ROLE_ONLY = rf"(?i)(?:{ROLE}|active)"  # 'the active group' too names a role, no treatment

# 'the static stretching group', 'PSNB group', 'a placebo group': a name of one to four words, then 'group'
# ('261 to the PERI group' is a count and a group; 'a training group' and 'a validation group' part patients to
# develop a model, not to treat them)
# ('trigger point injections (TPI)+transcutaneous electrical nerve stimulation (TENS) group': a combination
# named in full)
_WORD = r"(?!(?:to|of|in|for|with|from|by|on|at|training|validation|derivation|discovery|replication)\b)\+?[A-Za-z][\w/+-]*"
_NAMED = re.compile(rf"(?i)^\s*(?:the\s+|a\s+|an\s+)?(?P<name>(?:{_WORD}\s+){{1,7}}?)(?:group|arm)\s*$")
_ENTRY_END = r",?\s+and\s+(?:the\s+)?|,\s+(?!and\b)(?:the\s+)?"


def named_groups(text: str) -> list[str] | None:
    """The entries of a list of two or more named groups ('X group (...) and Y group (...)'),
    else None; at least one named otherwise than by its role."""
    if re.search(r"(?i)\b(?:or|versus|vs\.?)\s", text):
        return None
    entries = split_top(text, _ENTRY_END)
    names = [_NAMED.match(outside_brackets(e)) for e in entries]
    if len(entries) < 2 or not all(names):
        return None
    if all(re.fullmatch(_ROLE_ONLY, m.group("name").strip()) for m in names if m):
        return None
    return entries


def is_named_group(entry: str) -> bool:
    """'passive interval group (PIG)': an entry that names a group of its own, however little
    its name says of the treatment."""
    return bool(_NAMED.match(outside_brackets(entry)))


def group_arm(entry: str) -> Arm | None:
    """The arm of a named group whose name reads as no treatment's ('passive interval group
    (PIG)'): the group's own name, with its short name, as a control is known by its own."""
    m = _NAMED.match(outside_brackets(entry))
    if m is None or re.fullmatch(_ROLE_ONLY, m.group("name").strip()):
        return None
    arm = control_arm(m.group("name").strip().lower())
    arm.label = entry.strip()[:80]
    arm.aliases = re.findall(r"\(([A-Z][A-Za-z0-9+/-]{1,9})\)", entry)  # 'PIG'
    return arm


__all__ = ["group_arm", "is_named_group", "named_groups"]
