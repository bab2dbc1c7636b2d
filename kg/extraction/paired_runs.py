"""Runs of figures set against each other: two lists side by side, pairs in a row, and sets of
one figure per arm.

One job for ``assignment``: the runs whose arms follow from how the figures are paired
('25 and 9% vs 25 and 5% in the C3 and C6 arm, respectively'; 'with nivolumab versus
docetaxel were 23% versus 8% ... and 29% versus 16%'; 'was 55.9% versus 35.3%, and ... 44.2%
versus 27.0%'; '31% and 36% at one year and 9% and 12% at 2 years, respectively') rather than
from an arm named beside each figure.
"""

from __future__ import annotations

import re

from kg.extraction.armrefs import distinct
from kg.model import Arm

__all__ = [
    "PARALLEL",
    "in_pairs",
    "pairs_after_named_pair",
    "pairs_after_pair",
    "sets_per_arm",
    "parallel_lists",
    "respectively_after_all",
    "set_in_pairs",
]

PARALLEL = re.compile(r"(?i)\b(?:as\s+)?compared\s+with\b|\bversus\b|\bvs?\.?(?=\s)")
# what sets two figures (or two arms) against each other: 'vs', 'v.', 'versus', 'compared with'
_REFERENCE = re.compile(
    r"(?i)\b(?:compared\s+(?:with|to)|relative\s+to|in\s+comparison\s+(?:with|to)|than)\b"
)
_PAIRED = re.compile(r"(?i)\s*(?:,\s*)?(?:vs\.?|v\.?|versus|(?:as\s+)?compared\s+(?:with|to))\s*(?:the\s+)?")


def parallel_lists(text: str, spans, runs: list[list[int]], marks, arms: list[Arm | None]) -> set[int]:
    """'One- and 2-year survival rates were 25 and 9% vs 25 and 5% in the C3 and C6 arm,
    respectively': two lists of as many figures set against each other, then as many arms
    and 'respectively', are one arm's list each; with no arm named after them, the two arms the
    sentence named before them take them in that order ('6 months for PCG and 3.9 months for
    gemcitabine/vinorelbine with 1- and 2-year progression-free survival rates of 13% and 2%
    versus 14% and 4%'). The indexes of the runs so read."""
    done: set[int] = set()
    for n in range(len(runs) - 1):
        a, b = runs[n], runs[n + 1]
        stop = spans[runs[n + 2][0]][0] if n + 2 < len(runs) else len(text)
        first, end = spans[a[0]][0], spans[b[-1]][1]
        after = distinct([arm for s, _e, arm in marks if end <= s < stop])
        if (
            len(a) != len(b)
            or len(a) < 2
            or not _PAIRED.fullmatch(text, spans[a[-1]][1], spans[b[0]][0])
            or any(first <= s < end for s, _e, _a in marks)
        ):
            continue
        if not (len(after) == 2 and "respectively" in text[end:stop]):
            after = [] if after else _named_before(text, first, marks)
        if len(after) == 2:
            for k in a:
                arms[k] = after[0]
            for k in b:
                arms[k] = after[1]
            done |= {n, n + 1}
    return done


def _named_before(text: str, first: int, marks) -> list[Arm]:
    """The two arms a sentence names before its lists, in order ('for PCG ... for
    gemcitabine/vinorelbine'); none when one is set against the other as the reference, whose
    figures come second whatever the order of naming ('compared with A, B ...', '... than A')."""
    named = [(s, a) for s, _e, a in marks if s < first]
    order = distinct([a for _s, a in named])
    if len(order) != 2 or _REFERENCE.search(text, 0, first):
        return []
    return order


def pairs_after_pair(text: str, spans, runs: list[list[int]], marks, arms: list[Arm | None]) -> set[int]:
    """'Two-year overall survival rates with nivolumab versus docetaxel were 23% (...) versus 8%
    (...) in squamous NSCLC and 29% (...) versus 16% (...) in nonsquamous NSCLC': two arms set
    against each other before a run of figures set against each other in pairs give each pair
    their order (not the arm printed last before the first figure to that figure alone)."""
    done: set[int] = set()
    for n, run in enumerate(runs):
        first, last = spans[run[0]][0], spans[run[-1]][1]
        clause = max(text.rfind(";", 0, first) + 1, text.rfind(". ", 0, first) + 1, 0)
        lead = [(s, e, a) for s, e, a in marks if clause <= s < first]
        if (
            len(run) % 2
            or len(lead) != 2
            or lead[0][2] is lead[1][2]
            or not _PAIRED.fullmatch(text, lead[0][1], lead[1][0])
            or any(first <= s < last for s, _e, _a in marks)
            or not all(
                _PAIRED.fullmatch(text, spans[j][1], spans[k][0])
                for j, k in zip(run[::2], run[1::2], strict=True)
            )
        ):
            continue
        for j, k in zip(run[::2], run[1::2], strict=True):
            arms[j], arms[k] = lead[0][2], lead[1][2]
        done.add(n)
    return done


def tested_set(text: str, spans, run: list[int], arms: int) -> bool:
    """'CF tended to mitigate gains in body mass (-0.7 ± 1.8, 1.0 ± 2.5 kg, p = 0.10)': one figure
    per arm in one bracket with the p-value that tests them against each other, not one arm's list
    (which names what parts its figures: '(44, 19 and 13 percent at 1, 2 and 3 years)')."""
    if len(run) != arms or arms < 2:
        return False
    start, end = spans[run[0]][0], spans[run[-1]][1]
    opened = max(text.rfind("(", 0, start), text.rfind("[", 0, start))
    inside = text[opened + 1 : start]
    if opened < 0 or re.search(r"[()\[\]]|[a-z]{3}", inside):
        return False
    return bool(_TEST_CLOSES.match(text, end)) and not any(
        re.search(
            r"[A-Za-z]{3}", re.sub(r"(?i)\b(?:and|vs|versus|of)\b", "", text[spans[j][1] : spans[k][0]])
        )
        for j, k in zip(run, run[1:], strict=False)
    )


# what closes a bracketed set: the unit, then the test ('kg, p = 0.10)', '%; P < .001]')
_TEST_CLOSES = re.compile(r"(?i)\s*[^\s,;()\[\]]{0,12}[)\]]?\s*[,;]\s*p\s*(?:value\s*)?[=<>≤≥]")


def in_pairs(text: str, spans, run: list[int]) -> bool:
    """'the 12-month PFS rate was 55.9% versus 35.3%, and the 18-month ... was 44.2% versus
    27.0%': four or more figures set against each other two by two, pairs parted by other words."""
    pairs = list(zip(run[::2], run[1::2], strict=False))
    return (
        len(run) >= 4
        and len(run) % 2 == 0
        and all(_PAIRED.fullmatch(text, spans[j][1], spans[k][0]) for j, k in pairs)
        and _apart(text, spans, pairs)
    )


def _apart(text: str, spans, pairs: list[tuple[int, int]]) -> bool:
    """No pair is set against the next: 'x vs y, and z vs w', not 'x vs y vs z vs w'."""
    return not any(
        PARALLEL.search(text, spans[k][1], spans[j][0])
        for (_i, k), (j, _l) in zip(pairs, pairs[1:], strict=False)
    )


def set_in_pairs(text: str, spans, run: list[int]) -> bool:
    """Four or more figures set against each other two by two, whatever is printed within a pair
    ('20.0 months (...) for pembrolizumab versus 12.2 months (...) for chemotherapy, 17.7 months
    (...) versus 13.0 months (...)'), no pair set against the next."""
    if len(run) < 4 or len(run) % 2:
        return False
    pairs = list(zip(run[::2], run[1::2], strict=True))
    return all(PARALLEL.search(text, spans[j][1], spans[k][0]) for j, k in pairs) and _apart(
        text, spans, pairs
    )


def pairs_after_named_pair(text: str, spans, run: list[int], arms: list[Arm | None]) -> None:
    """'the physical function (31% erlotinib v 19% placebo, P = .01), and global QOL (35% v 26%,
    P < .0001)': pairs set against each other after a pair whose figures name their arms take
    that pair's order."""
    if not set_in_pairs(text, spans, run):
        return
    pairs = list(zip(run[::2], run[1::2], strict=True))
    order: tuple[Arm, Arm] | None = None
    for j, k in pairs:
        if arms[j] is not None and arms[k] is not None and arms[j] is not arms[k]:
            order = (arms[j], arms[k])
        elif (
            order
            and arms[j] is None
            and arms[k] is None
            and _PAIRED.fullmatch(text, spans[j][1], spans[k][0])
        ):
            arms[j], arms[k] = order


def respectively_after_all(text: str, spans, keys: list[object], runs: list[list[int]], marks, arms) -> None:
    """Arms listed once with 'respectively' after every figure of the clause, none named among them:
    each pair or list takes their order ('In the elderly, median survival was 12.6 versus 9.9
    months, 1-year survival was 52% versus 41%, 2-year survival was 24% versus 17% for DC versus
    VC, respectively'), and figures of several endpoints printed arm by arm take them block by
    block ('The MST and 1-year survival rate was 24.3 months (...) and 66.7% (...) and 12.5 months
    (...) and 50.0% (...) for arms A and B, respectively')."""
    said = text.rfind("respectively")
    before = [k for k, (_s, e) in enumerate(spans) if e <= said]
    if not before or any(arms[k] is not None for k in before):
        return
    first, last = spans[before[0]][0], spans[before[-1]][1]
    clause = max(text.rfind(";", 0, first), text.rfind(". ", 0, first)) + 1
    if ";" in text[first:said] or any(clause <= s < last for s, _e, _a in marks):
        return
    tail = distinct([a for s, _e, a in marks if last <= s < said])
    if len(tail) < 2 or len({id(a) for _s, _e, a in marks}) > len(tail):
        return
    m = len(tail)
    sets = [run[i : i + m] for run in runs if set(run) <= set(before) for i in range(0, len(run), m)]
    if sum(len(c) for c in sets) == len(before) and all(_set_against(text, spans, c, m) for c in sets):
        for chunk in sets:
            for k, arm in zip(chunk, tail, strict=True):
                arms[k] = arm
        return
    block = len(before) // len(tail)
    shape = [keys[k] for k in before[:block]]
    grid = block > 1 and block * len(tail) == len(before) and len(set(shape)) == block
    if grid and all(keys[k] == shape[n % block] for n, k in enumerate(before)):
        for n, k in enumerate(before):
            arms[k] = tail[n // block]


def _set_against(text: str, spans, chunk: list[int], m: int) -> bool:
    """``m`` figures set against each other: 'x vs y' (one figure alone is its own set)."""
    if len(chunk) != m:
        return False
    return all(
        PARALLEL.search(text, spans[j][1], spans[k][0]) for j, k in zip(chunk, chunk[1:], strict=False)
    )


# what joins the figures of one set ('31% and 36%', '40%, 35% and 30%', '8 vs 5'), nothing else
_IN_SET = re.compile(r"(?i)\s*(?:,\s*)?(?:and|vs\.?|v\.?|versus)?\s*,?\s*")
# a landmark time right after a set: ' at one year and ', ' at 2 years'
_AT_TIME = re.compile(r"(?i)\s*(?:at|after)\s+(?:\w+|\d+(?:\.\d+)?)[\s-]+(?:years?|months?|weeks?|days?)\b")


def sets_per_arm(text: str, spans, run: list[int], order: list[Arm], arms, times) -> bool:
    """Sets of one figure per arm, parted by more than a list's commas, before 'respectively':
    each takes the arms in ``order``, set by set ('Median PFS and overall survival times for
    gefitinib and erlotinib were 6.5 and 7.5 months (HR ...) and 22.8 and 24.5 months (HR ...),
    respectively'); sets that each print a landmark time after them take it ('the survival rates
    31% and 36% at one year and 9% and 12% at 2 years, respectively'). Whether it was so read."""
    m = len(order)
    if m < 2 or len(run) <= m or len(run) % m:
        return False
    sets = [run[i : i + m] for i in range(0, len(run), m)]
    joined = all(
        _IN_SET.fullmatch(text, spans[j][1], spans[k][0])
        for one in sets
        for j, k in zip(one, one[1:], strict=False)
    )
    parted = not any(
        _IN_SET.fullmatch(text, spans[a[-1]][1], spans[b[0]][0]) for a, b in zip(sets, sets[1:], strict=False)
    )
    if not joined or not parted:
        return False
    timed = all(_AT_TIME.match(text, spans[one[-1]][1]) and times[one[-1]] for one in sets)
    for one in sets:
        for k, arm in zip(one, order, strict=True):
            arms[k] = arm
            times[k] = times[one[-1]] if timed else times[k]
    return True
