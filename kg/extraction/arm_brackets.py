"""Figures in the bracket an arm's name opens: 'after CHARTWEL (31%, 22% and 11%) versus CF
(...)' are CHARTWEL's; 'by gemcitabine (median, 3.8 v 1.9 months; ...) ... versus observation'
are gemcitabine's and observation's. One job for ``assignment``."""

from __future__ import annotations

import re

from kg.extraction.armrefs import distinct
from kg.extraction.paired_runs import PARALLEL
from kg.model import Arm

__all__ = ["BRACKET_AFTER_ARM", "bracket_after_arm", "bracket_closed_by_arm", "pair_in_bracket"]

BRACKET_AFTER_ARM = re.compile(r"(?i)\s*(?:group|arm|patients)?\s*[(\[]\s*")


def bracket_after_arm(text: str, first: int, last: int, marks) -> Arm | None:
    """The arm whose name opens the bracket a list of figures fills: 'after CHARTWEL (31%,
    22% and 11%) versus CF (32%, 18% and 7%; ...)' (not a pair set against each other inside it,
    'the control arm (31.5% v 18.8%)', nor figures the bracket does not hold alone)."""
    inside = text[first:last]
    if _bracketed(inside) or PARALLEL.search(inside):
        return None
    if any(first <= s < last for s, _e, _a in marks):
        return None
    opened = [a for _s, e, a in marks if e <= first and BRACKET_AFTER_ARM.fullmatch(text[e:first])]
    return opened[-1] if opened else None


_OPENS_BRACKET = re.compile(r"(?i)\s*(?:group|arm|patients)?\s*[(\[][^()\[\];\d]*")  # 'gemcitabine (median, '
_AGAINST_ARM = re.compile(
    r"(?i)(?:\b(?:as\s+)?compared\s+(?:with|to)|\bversus|\bvs?\.?|\bthan(?:\s+(?:with|for|in))?)\s+(?:the\s+)?$"
)


def pair_in_bracket(text: str, spans, run: list[int], marks) -> tuple[Arm, Arm] | None:
    """'PFS was significantly prolonged by gemcitabine (median, 3.8 v 1.9 months; HR ...) and
    erlotinib (median, 2.9 v 1.9 months; ...) versus observation': a pair set against each other
    in the bracket an arm's name opens is that arm's and the one arm the sentence sets against
    it ('versus B', 'compared with B')."""
    if len(run) != 2 or not PARALLEL.search(text, spans[run[0]][1], spans[run[1]][0]):
        return None
    first, last = spans[run[0]][0], spans[run[1]][1]
    inside = text[first:last]
    if _bracketed(inside) or any(first <= s < last for s, _e, _a in marks):
        return None
    opened = [a for _s, e, a in marks if e <= first and _OPENS_BRACKET.fullmatch(text[e:first])]
    if not opened:
        return None
    against = distinct(
        [a for s, _e, a in marks if a is not opened[-1] and _AGAINST_ARM.search(text[max(0, s - 20) : s])]
    )
    return (opened[-1], against[0]) if len(against) == 1 else None


_CLOSED_BY = re.compile(r"(?i)\)\s*(?:in|for|with|among|on)\s+(?:the\s+)?")


def bracket_closed_by_arm(text: str, spans, arms: list[Arm | None], marks) -> None:
    """'0.75 (median PFS, 6.7 v 6.1 months for placebo; P = .003) in the low-dose group': a figure
    of a bracket set against one whose arm the bracket names is the arm's named right after the
    bracket closes, when that is another arm. In place."""
    for k, (start, end) in enumerate(spans):
        opened, closed = text.rfind("(", 0, start), text.find(")", end)
        if (
            arms[k] is not None
            or opened < 0
            or closed < 0
            or _bracketed(text[opened + 1 : start] + text[end:closed])
        ):
            continue
        partners = [
            arms[j]
            for j, (s, e) in enumerate(spans)
            if j != k
            and opened < s
            and e <= closed
            and arms[j] is not None
            and PARALLEL.search(text, min(end, e), max(start, s))
        ]
        after = [a for s, _e, a in marks if _CLOSED_BY.fullmatch(text, closed, s)]
        if len(partners) == 1 and after and after[0] is not partners[0]:
            arms[k] = after[0]


def _bracketed(inside: str) -> bool:
    """A bracket opens or closes among the figures: they are not one bracket's alone."""
    return any(c in inside for c in "()[]")
