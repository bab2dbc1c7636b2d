"""The parts of a results sentence the baseline reader reads on their own: the clauses between
its semicolons, and the bracket that describes the patients a clause counts ('we enrolled 352
patients (median age: 57 years; stage IV disease: 74%)').
"""

from __future__ import annotations

import re

from kg.extraction.text import depth_map

__all__ = ["clauses"]

# a bracket right after a count of the trial's patients (and the verb that counted them)
_DESCRIBING = re.compile(
    r"(?i)\b\d+\s+(?:[\w-]+\s+){0,2}?(?:patients|participants|subjects)\s+(?:(?:were|had\s+been)\s+(?:\w+\s+)?"
    r"(?:randomi[sz]ed|assigned|allocated|enrolled|entered|included|eligible|accrued)\s+)?\("
)
# '202 patients (median age 59 years, ...) were assigned to group 1 and 194 (...) to group 2':
# the count, and the bracket after it, are one arm's
_ONE_ARMS = re.compile(
    r"(?i)\s*(?:were|was)\s+(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)\s+to\s+[^;]*?(?:,|\band)\s+\d+\s*"
    r"(?:\(|patients|participants|to\b)"
)


def clauses(text: str) -> list[tuple[int, str]]:
    """(offset, text) of the sentence's parts between semicolons outside brackets.  A bracket
    right after the trial's patients are counted describes them ('we enrolled 352 patients
    (median age: 57 years; stage IV disease: 74%)', '132 patients were randomized (stages: 38%
    IB, ...)'): its parts are read on their own, and blanked in the clause around it, so that
    the verb that counted them is not taken for an outcome of what the bracket says (unless
    the count goes on to be one arm's: '202 patients (...) were assigned to group 1 and 194 ...')."""
    if not _DESCRIBING.search(text):
        return _split(text, 0)  # most sentences: no bracket to measure
    depth = depth_map(text)
    blanked = list(text)
    inner: list[tuple[int, str]] = []
    for m in _DESCRIBING.finditer(text):
        opened = m.end() - 1
        close = next(
            (k for k in range(opened + 1, len(text)) if text[k] == ")" and depth[k] == depth[opened]), None
        )
        if close is not None and not _ONE_ARMS.match(text, close + 1):
            inner += _split(text[opened + 1 : close], opened + 1)
            blanked[opened : close + 1] = " " * (close + 1 - opened)
    return _split("".join(blanked), 0) + inner


def _split(text: str, offset: int) -> list[tuple[int, str]]:
    """(offset, text) of the parts of ``text`` between its semicolons outside brackets."""
    if ";" not in text:
        return [(offset, text)]
    depth = depth_map(text)
    out, start = [], 0
    for m in re.finditer(r";\s+(?!range\b)", text):  # '57 years; range, 37 to 71 years' is one figure
        if depth[m.start()] == 0:
            out.append((offset + start, text[start : m.start()]))
            start = m.end()
    return [*out, (offset + start, text[start:])]
