"""Two arms' figures printed as the change an absolute difference makes: 'an absolute
improvement in 2-year survival of 9% from 20% to 29%', 'an absolute detriment of 6% at two years
(95% CI 2% to 9%) reducing overall survival from 58% to 52%'. The difference is read as a
comparison of one arm with another (see ``contrasts``, which leaves these figures to this
module); 'from' is the comparator's figure and 'to' the arm's, where the two differ by the
difference as printed."""

from __future__ import annotations

import re
from decimal import Decimal

from kg.extraction.figure_item import Item
from kg.extraction.landmarks import landmark
from kg.extraction.text import NUM, dec
from kg.model import Comparison

__all__ = ["from_to_figures"]

# the difference, what stands between it and 'from' (its interval, its landmark time, the words
# that say what it changes: 'reducing overall survival'), and the two figures
_FROM_TO = re.compile(
    rf"(?i)(?<![\d.])(?P<d>{NUM})\s*%(?:\s*\([^()]*\))?(?:\s+at\s+\w+\s+(?:years?|months?))?(?:\s*\([^()]*\))?"
    r"\s*,?\s*(?:(?:increasing|reducing|improving|decreasing|raising|lowering)\s+(?:[\w-]+\s+){0,4}?)?"
    rf"from\s+(?P<a>{NUM})\s*%\s*to\s+(?P<b>{NUM})\s*%"
)


def from_to_figures(text: str, compared: list[Comparison]) -> list[tuple[Item, Comparison, str]]:
    """Each figure of a difference's 'from A to B' with the difference it belongs to and the
    label of its arm: A the comparator's, B the arm's; none where B - A is not the difference."""
    out = []
    for m in _FROM_TO.finditer(text):
        d = dec(m.group("d"))
        difference = _difference(compared, d)
        if difference is None or abs(abs(dec(m.group("b")) - dec(m.group("a"))) - d) > 1:
            continue
        time = landmark(text[: m.start()], text[m.end() :])
        for side, label in (("a", difference.comparator), ("b", difference.arm)):
            item = Item(m.start(side), m.end(side) + 1, m.group(side), "percent", "rate", timepoint=time)
            out.append((item, difference, label))
    return out


def _difference(compared: list[Comparison], d: Decimal) -> Comparison | None:
    """The absolute difference read from the sentence whose size is ``d``, in percentage points."""
    return next(
        (
            c
            for c in compared
            if c.statistic == "difference" and c.estimate is not None and abs(c.estimate) == d
        ),
        None,
    )
