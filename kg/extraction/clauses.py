"""Where the clauses of a results sentence end, as the efficacy readers need them: the clause
a figure stands in (its endpoint may be named after it, up to the clause's end) and the
clause where a sentence turns from efficacy to adverse events (the safety reader's part).
"""

from __future__ import annotations

import re

from kg.extraction.text import depth_map

_SAFETY_WORDS = re.compile(
    r"(?i)adverse events?|\bAEs?\b|toxicit|toxic effects|side effects|\bgrades?\s*(?:≥|>=|> or =|>)?\s*[1-5]\b"
)
_CLAUSE_ENDS = re.compile(r";|, which\b")
# where a clause ends: not ', and 4 (7%) in the B group ...', the next item of a list
_CLAUSE_BREAK = re.compile(
    r"(?i);|,\s+(?:and|while|whereas|nor)\s(?![\d(])|\s(?:but|whereas|while)\s|\.\s*(?=[A-Z][a-z])"
)


def clause_end(text: str, pos: int) -> int:
    """Where the clause of a figure ends: the next ';' outside brackets ('33 (55%; 95% CI
    42-68) of 60 patients ... achieved an objective response; ...') or a relative clause ('...,
    which was associated with a shorter ... survival'), else the text's end."""
    depth = depth_map(text)
    return next(
        (i for i in range(pos, len(text)) if depth[i] == 0 and _CLAUSE_ENDS.match(text, i)), len(text)
    )


# what patients were given, not what it did: 'Radiotherapy was completed by 65% of patients in the MVP arm',
# 'Induction therapy was completed by 104 (95%) patients', 'A total of 128 of 212 patients (60%) in the
# chemotherapy group received nivolumab as subsequent therapy'
_EXPOSURE = re.compile(
    r"(?i)^(?:[\w-]+\s+){1,4}(?:was|were)\s+completed\s+(?:by|in)\s"
    r"|\breceived\s+(?:[\w-]+\s+){1,3}as\s+(?:subsequent|second-line|post-?study|later)\s+(?:therapy|treatment)"
)


def outcome_part(text: str) -> str:
    """The part of a sentence that may report outcomes: nothing of one that says what patients were
    given, else the part before it turns to adverse events (``before_safety``)."""
    return "" if _EXPOSURE.search(text) else before_safety(text)


def before_safety(text: str) -> str:
    """The part of a sentence before the clause that turns to adverse events ('..., and
    treatment-related adverse events of any grade were less frequent (73.4% vs. 90.0%)';
    'Three patients (7.5%) experienced grade 3 or higher toxicity': nothing)."""
    m = _SAFETY_WORDS.search(text)
    if not m:
        return text
    breaks = [b.start() for b in _CLAUSE_BREAK.finditer(text, 0, m.start())]
    return next((text[:at] for at in reversed(breaks) if _balanced(text[:at])), "")


def _balanced(text: str) -> bool:
    """Whether every bracket opened in the text is closed (a ';' inside one ends no clause)."""
    return text.count("(") == text.count(")") and text.count("[") == text.count("]")
