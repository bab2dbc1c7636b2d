"""A per-arm figure as printed, before it has an arm: where it is, what it says, and what was
read with it. Shared by the readers of times and percents (``values``) and of bare counts
(``bare_counts``)."""

from __future__ import annotations

from dataclasses import dataclass, field

# a bracket printed right after a figure: '13.1 [95% CI 10.58-16.53] vs 4.6 [4.21-5.42] months'
BRACKET = r"(?:\s*[(\[][^()\[\]]{0,60}[)\]])?"


@dataclass
class Item:
    """A per-arm figure as printed ('10.7 months (95% CI, 8.8 to 12.3)')."""

    start: int
    end: int
    raw: str
    unit: str | None
    statistic: str
    timepoint: str | None = None
    count: int | None = None
    total: int | None = None
    what: str | None = None  # words the figure itself names: 'deaths from lung cancer'
    ci: dict = field(default_factory=dict)
    spread: dict = field(default_factory=dict)  # a range or IQR printed with a median or mean
    printed: tuple[int, int] | None = None  # the words of its count and denominator too: '33 (55%) of 60'
    pooled: bool = False  # the total of a count the words after it break down by arm: every arm's together

    def span(self) -> tuple[int, int]:
        """Where the figure is printed, with the count and denominator it was read with."""
        start, end = self.printed or (self.start, self.end)
        return min(start, self.start), max(end, self.end)
