"""Where a between-arm figure's bracket and clause begin, so the reader of comparisons can look
for the arms named around it: the bracket that holds a ratio ('(HR = 1.12; 95% CI ...)'), the clause
a ';' inside a bracket does not end, the plain clause before a difference's landmark.
"""

from __future__ import annotations

from kg.extraction.text import depth_map


def opening(text: str, pos: int) -> int | None:
    """Where the bracket that holds ``pos`` opens, if one does."""
    depth = depth_map(text[:pos])
    level = _level(text, pos, depth)
    if not level:
        return None
    return max(k for k in range(pos) if text[k] in "([{" and depth[k] == level)


def outer_clause(text: str, pos: int) -> int:
    """Where the clause of ``pos`` starts, a ';' inside a bracket before it no boundary ('33 (55%;
    95% CI 42-68) of 60 patients in the A group ... compared with 18 ... in the B group')."""
    depth = depth_map(text[:pos])
    level = _level(text, pos, depth)
    for k in range(pos - 1, -1, -1):
        if depth[k] == level and (text[k] == ";" or text.startswith(". ", k)):
            return k + 1
    return 0


def _level(text: str, pos: int, depth: tuple[int, ...]) -> int:
    """The bracket depth just before ``pos``, the closing bracket there counted as closed."""
    return max(0, depth[-1] - (text[pos - 1] in ")]}")) if pos else 0


def clause_start(text: str, pos: int) -> int:
    """Where the clause of ``pos`` starts: after the last ';' or sentence end before it."""
    return max(text.rfind(";", 0, pos) + 1, text.rfind(". ", 0, pos) + 1, 0)
