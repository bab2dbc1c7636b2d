"""Subgroups named by a threshold of a score, each printed with its ratio: 'Overall survival was
significantly longer in the pembrolizumab group than in the chemotherapy group in all three TPS
populations (≥50% hazard ratio 0·69, 95% CI 0·56-0·85, p=0·0003; ≥20% 0·77, 0·64-0·92,
p=0·0020, and ≥1% 0·81, 0·71-0·93, p=0·0018).'

The sentence names what the thresholds are of ('TPS populations', 'PD-L1 subgroups'); each part
of the bracket opens with its threshold, then its ratio, labelled only in the first part
(Lancet style: the later parts print the estimate and its bounds alone). A threshold counts as a
subgroup only in a sentence that names what it is of, and the word that does names no endpoint.
"""

from __future__ import annotations

import re

from kg.extraction.text import NUM

# 'in all three TPS populations': what the thresholds are of
_OF_WHAT = re.compile(r"(?P<what>\b[\w-]+)\s+(?:populations|subgroups|subsets|strata)\b")
_THRESHOLD = r"(?:[≥≤<>]|>=|<=)\s*\d+(?:\.\d+)?\s*%"
# the threshold right before a ratio, at the opening of its part of the bracket
_BEFORE = re.compile(
    rf"(?:^|[(;,]|\band)\s*(?P<label>{_THRESHOLD})\s+(?:(?:hazard|odds)\s+ratio|HR|OR)?[\s,:]*$", re.I
)
# a later part: '; ≥20% 0·77, 0·64-0·92, p=0·0020', ', and ≥1% 0·81, 0·71-0·93, p=0·0018'
LATER_PART = re.compile(
    rf"(?:;|,\s*and|;\s*and)\s*{_THRESHOLD}\s+(?P<est>{NUM})(?=\s*,\s*{NUM}\s*(?:-|–|to)\s*{NUM}\s*[,;)])"
)


def without_group_words(text: str, mentions: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The endpoints named in the sentence, less a word that names populations ('TPS
    populations'), which is what thresholds are of, not an endpoint."""
    return [(p, n) for p, n in mentions if _OF_WHAT.match(text, p) is None]


def threshold_group(text: str, pos: int) -> str | None:
    """The subgroup of the ratio whose estimate starts at ``pos``: what the sentence's
    thresholds are of and the threshold opening the ratio's part ('TPS ≥50%')."""
    found = _threshold(text, pos)
    return found[0] if found else None


def threshold_start(text: str, pos: int) -> int | None:
    """Where the threshold that names the subgroup of the ratio whose estimate starts at ``pos`` is
    printed ('≥50% hazard ratio 0·69'): the ratio's figure begins there, as its later parts' do."""
    found = _threshold(text, pos)
    return found[1] if found else None


def _threshold(text: str, pos: int) -> tuple[str, int] | None:
    of = _OF_WHAT.search(text, 0, pos)
    window = max(0, pos - 40)
    label = _BEFORE.search(text[window:pos])
    if of is None or label is None:
        return None
    threshold = re.sub(r"\s+", "", label.group("label"))
    return f"{of.group('what')} {threshold}", window + label.start("label")
