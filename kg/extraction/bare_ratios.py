"""Ratios printed without their name after a labelled one: Lancet style names the first ratio
of a sentence ('hazard ratio 0.89 [95% CI 0.77-1.02]') and prints each later subgroup's as its
estimate and bounds alone: '... or among the 812 patients with adenocarcinoma (6.3 months vs
5.4 months; 0.84 [0.68-1.03], p=0.089)', '... for never-smokers (n=375; 0.67 [0.49-0.92],
p=0.012; ...)'; since about 2012 without brackets round the bounds either: '... and for
pembrolizumab 10 mg/kg versus docetaxel (0.61, 0.49-0.75; p<0.0001)'.

A bare estimate counts as such a ratio only where it opens its bracket or a part of it (after
'(' or ';', or after the subgroup's size 'n=375;'), its bracketed bounds follow it at once and
(bracketed, or after a comma) close their part of the bracket, and it lies inside them; it takes the kind and endpoint of
the labelled ratio before it in the sentence. A part of the bracket opened by a subgroup's
threshold prints its bounds unbracketed ('; ≥20% 0·77, 0·64-0·92, p=0·0020', see
``threshold_groups``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extraction.text import NUM
from kg.extraction.threshold_groups import LATER_PART

BARE_RATIO = re.compile(
    rf"(?:[(;]|\bn\s*=\s*\d+\s*[;,])\s*(?P<est>{NUM})"
    rf"(?=\s*(?:[(\[]\s*{NUM}\s*(?:-|–|to)\s*{NUM}\s*[)\]]|,\s*{NUM}\s*(?:-|–|to)\s*{NUM})\s*(?:[,;)\]]|$))"
)


@dataclass(frozen=True)
class Labelled:
    """A named ratio already read: where it ends, its kind and its endpoint."""

    end: int
    kind: str
    endpoint: str | None


def bare_ratios(masked: str, labelled: list[Labelled]) -> list[tuple[re.Match, Labelled]]:
    """Each bare estimate after the first labelled ratio, with the labelled ratio nearest
    before it (whose kind and endpoint it shares)."""
    if not labelled:
        return []
    out = []
    found = [*BARE_RATIO.finditer(masked, labelled[0].end), *LATER_PART.finditer(masked, labelled[0].end)]
    for m in sorted(found, key=lambda m: m.start()):
        before = [r for r in labelled if r.end <= m.start()]
        if before and before[-1].endpoint:
            out.append((m, before[-1]))
    return out
