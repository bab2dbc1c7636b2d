"""Which arm each figure of a bracketed pair is, from the comparison its clause states: 'The
hysterectomy rate ... was significantly higher in the NET group (57.4% vs. 22%, p<0.001)' gives
the NET group the higher figure; 'MIPS increasing significantly more than the Placebo group (4.2%
vs. 1.9%)' gives the placebo group the lower. Authors print such pairs in either order ('SFRT
produced higher 3-year retreatment rates (5% vs 15%; P = .01)'), so the position of a figure in the
bracket says less than the comparison does. The comparison may follow pairs no arm is named before:
'(25.8 ± 4.0 vs. 28.4 ± 3.7 kg/m2, P = 0.001) ... was lower among women taking A than those taking B'.
Only plain magnitude words count: 'better' or
'improved' depend on the endpoint.

A pair with one arm named belongs to two arms: the one named and the other its clause names, or
the other arm of a two-arm trial (``other_side``); a pair bracketed right after the only arm named
before it starts with that arm (``pair_after_one_arm``: '... in favour of arm B (median 8.0 vs 5.3
months)').
"""

from __future__ import annotations

import re
from decimal import Decimal

from kg.extraction.armrefs import ArmFinder, distinct
from kg.extraction.clause_bounds import clause_start
from kg.extraction.clauses import clause_end
from kg.extraction.text import LESS_WORDS, MORE_WORDS, NUM, dec
from kg.model import Arm

_UP = re.compile(rf"(?i)\b(?:{MORE_WORDS})\b")
_DOWN = re.compile(rf"(?i)\b(?:{LESS_WORDS})\b")
# the arm compared against: '... more than the Placebo group', '... than in those receiving B'
_THAN_BEFORE = re.compile(
    r"(?i)\bthan\s+(?:in\s+|with\s+|for\s+)?(?:that\s+of\s+|those\s+(?:of|in|receiving|given|treated\s+with)\s+)?"
    r"(?:the\s+)?(?:patients\s+(?:in|receiving|given|on)\s+(?:the\s+)?)?$"
)
# from the arm to the pair's bracket: ' group (', ' arm (median, '
_TO_BRACKET = re.compile(r"(?i)^[^()\[\];,]*?[(\[]\s*(?:[a-z]+\s*,?\s*)?$")
_NUMBER = re.compile(rf"-?{NUM}")
# what may stand right before an arm named whole: 'in the NET group', not the 'lobectomy' of
# 'video-assisted thoracoscopic lobectomy' (a word of another arm's name)
_BEFORE_NAME = re.compile(
    r"(?i)(?:^|[(,;]|\b(?:the|in|with|for|of|to|than|and|or|by|on|after|receiving|received|given|treated|taking|using"
    r"|versus|vs\.?))\s*$"
)


def directed_pair(
    text: str, clause: int, spans: list[tuple[int, int]], run: list[int], marks, arms: list[Arm]
) -> tuple[Arm, Arm] | None:
    """(arm of the first figure, arm of the second) for a two-arm trial's pair of unequal figures
    in the bracket after the one arm its clause names, when the clause says that arm's figure is
    the higher or the lower (and says only one of the two)."""
    if len(run) != 2 or len(arms) != 2:
        return None
    first = spans[run[0]][0]
    before = [(s, e, a) for s, e, a in marks if clause <= s and e <= first]
    if len(distinct([a for _s, _e, a in before])) != 1 or any(
        first <= s < spans[run[1]][1] for s, _e, _a in marks
    ):
        return None
    start, end, named = before[-1]
    if not _TO_BRACKET.match(text[end:first]):
        return None
    return _directed(text, text[clause:first], clause, (start, named), spans, run, arms)


def pairs_before_comparison(
    text: str, clause: int, spans: list[tuple[int, int]], run: list[int], marks, arms: list[Arm]
) -> list[Arm] | None:
    """The same for the pairs of a run (``run``: one pair, or pairs set against each other two by
    two) that no arm is named before, when the clause says after them which arm's figures are the
    higher or the lower: 'Mean body mass index at week 28 (25.8 ± 4.0 vs. 28.4 ± 3.7 kg/m2, P = 0.001)
    as well as at delivery (28.0 ± 3.9 vs. 30.1 ± 3.8 kg/m2, P = 0.006) was lower among women taking
    multivitamin-mineral supplements than those taking multivitamin supplements'. None unless every
    pair is directed."""
    if len(run) % 2 or len(arms) != 2:
        return None
    first, last = spans[run[0]][0], spans[run[-1]][1]
    if any(clause <= s < first for s, _e, _a in marks) or any(first <= s < last for s, _e, _a in marks):
        return None
    after = [(s, a) for s, _e, a in marks if last <= s < clause_end(text, last)]
    if not after:
        return None
    start, named = after[0]
    # the comparison may stand before the arm or after it: 'was lower among A than B', 'of the infants
    # whose mothers receiving A were higher than those whose mothers received B'
    until = next((s for s, a in after if a is not named), start)
    order: list[Arm] = []
    for pair in zip(run[::2], run[1::2], strict=True):
        directed = _directed(text, text[last:until], last, (start, named), spans, list(pair), arms)
        if directed is None:
            return None
        order += directed
    return order


def _directed(
    text: str, words: str, since: int, named: tuple[int, Arm], spans, run: list[int], arms: list[Arm]
) -> tuple[Arm, Arm] | None:
    """The pair's arms when ``words`` say the arm named at ``named`` has the higher or the lower
    figure ('than' before the name reverses it)."""
    start, arm = named
    up, down = bool(_UP.search(words)), bool(_DOWN.search(words))
    values = [_value(text[s:e]) for s, e in (spans[k] for k in run)]
    if up == down or not _BEFORE_NAME.search(text, 0, start) or None in values or values[0] == values[1]:
        return None
    higher = up != bool(_THAN_BEFORE.search(text, since, start))  # the named arm's figure is the higher
    other = next(a for a in arms if a is not arm)
    return (arm, other) if (values[0] > values[1]) == higher else (other, arm)


def _value(printed: str) -> Decimal | None:
    m = _NUMBER.search(printed)
    return dec(m.group()) if m else None


__all__ = ["directed_pair", "pairs_before_comparison"]


_INTO_PAIR = re.compile(r"(?i)\s*[(\[]\s*(?:(?:median|mean|rates?|respectively|[a-z]+\s+rates?)\s*,?\s*)?$")


def pair_after_one_arm(text: str, first: int, run: list[int], marks, finder: ArmFinder) -> bool:
    """'... in favour of arm B (median 8.0 vs 5.3 months)': in a two-arm trial, the first of a pair
    in the bracket right after the only arm named before it is that arm's."""
    before = [(s, e, a) for s, e, a in marks if e <= first]
    if len(run) != 2 or len(finder.arms) != 2 or not before:
        return False
    _s, end, _arm = before[-1]
    clause = clause_start(text, first)
    one = len(distinct([a for s, _e, a in before if s >= clause])) == 1
    return one and bool(_INTO_PAIR.fullmatch(text, end, first)) and not any(s > first for s, _e, _a in marks)


def other_side(
    finder: ArmFinder, run: list[int], arms: list[Arm | None], around: list[Arm], wider: list[Arm]
) -> None:
    """Two figures set against each other ('x vs. y in B') belong to two arms: the one not
    named is the other arm its clause names (beside the run, else further on), or the other arm
    of a two-arm trial."""
    named = next(arms[k] for k in run if arms[k] is not None)
    others = (
        [a for a in around if a is not named]
        or ([a for a in wider if a is not named] if len(finder.arms) > 2 else [])
        or [a for a in finder.arms if a is not named]
    )
    if len(others) == 1:
        for k in run:
            arms[k] = arms[k] or others[0]
