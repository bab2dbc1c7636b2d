"""Figures that follow a list of endpoints in order.

'The response rate, median survival time, and 1-year survival rate were 31.0%, 13.9 months,
59.2%, respectively, in IP; 32.4%, 12.3 months, 51.0% in TC', 'The ORR, median PFS and median
OS were 30%, 5.1 months and 12.3 months': a clause whose subject lists two or more endpoints
prints their figures in the same order, once per arm. Each figure takes the endpoint of its
place in the list, and the landmark time that endpoint was named with ('1-year survival
rate'), never one carried over from the figure before it; the figures of one pass through the
list share the arm named beside any of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from kg.extraction.endpoint_phrases import STATISTIC_LABEL
from kg.extraction.figure_item import Item
from kg.extraction.landmarks import landmark
from kg.extraction.text import depth_map
from kg.model import Arm

# what may stand between two listed names: commas, 'and', and the words that qualify a name
_BETWEEN = re.compile(
    r"(?i)(?:\s*\([^()]{1,12}\))?(?:\s*(?:,|\band\b|\bor\b)\s*|\s+)+(?:(?:the|median|mean|overall|actuarial|estimated|\d+-(?:year|month|week)|"
    r"one|two|three|five|rates?|times?)\s*)*"
)
# what may stand between the last name and the figures: its own qualifiers and the verb
_TO_FIGURES = re.compile(
    r"(?i)^\s*(?:\([^()]*\)\s*)?(?:rates?|times?|\([A-Z]+\))?\s*(?:was|were)\s+(?:[a-z]+\s+)?$"
)


# ... or the arms, listed too: 'Median PFS and overall survival times for gefitinib and erlotinib were'
_TO_FIGURES_FOR_ARMS = re.compile(
    r"(?i)\s*(?:\([^()]*\)\s*)?(?:rates?|times?)?\s*(?:for|in|with)\s+(?:the\s+)?[^,;()]{1,60}?\s+and\s+"
    r"[^,;()]{1,60}?\s+(?:(?:groups?|arms?)\s+)?(?:was|were)\s+(?:[a-z]+\s+)?$"
)


@dataclass(frozen=True)
class Slot:
    endpoint: str
    timepoint: str | None
    group: int = 0  # which arm's figures: one pass through the list, or one place in each endpoint's set
    # the words between the list and its figures: 'for gefitinib and erlotinib'
    lead: tuple[int, int] = (0, 0)


def listed_endpoints(
    text: str, mentions: Sequence[tuple[int, str]], found: Sequence[Item]
) -> dict[int, Slot]:
    """The endpoint (and landmark time) of each figure that follows an endpoint list, by the
    figure's index in ``found``; empty when the sentence prints no such list or its figures do
    not fill the list a whole number of times with figures of one kind per place."""
    names = _list_before_figures(text, mentions, found)
    if len(names) < 2:
        return {}
    start = names[-1][1]
    after = [k for k, item in enumerate(found) if item.start >= start]
    if not after or len(after) % len(names):
        return {}
    kinds = [(found[k].unit, found[k].statistic) for k in after]
    per = len(after) // len(names)
    at = _for_arms(text, names[-1][2], start, found[after[0]].start)
    # 'Median PFS and overall survival times for gefitinib and erlotinib were 6.5 and 7.5 months (...)
    # and 22.8 and 24.5 months (...), respectively': each endpoint's figures, one per arm listed
    endpoint_major = per > 1 and at is not None and "respectively" in text
    if endpoint_major and all(kinds[n] == kinds[n - n % per] for n in range(len(kinds))):
        lead = (at, found[after[0]].start)
        return {k: replace(names[n // per][0], group=n % per, lead=lead) for n, k in enumerate(after)}
    if any(kinds[n] != kinds[n % len(names)] for n in range(len(kinds))):
        return {}
    lead = (names[-1][1], found[after[0]].start)
    return {
        k: replace(names[n % len(names)][0], group=n // len(names), lead=lead) for n, k in enumerate(after)
    }


def _list_before_figures(
    text: str, mentions: Sequence[tuple[int, str]], found: Sequence[Item]
) -> list[tuple[Slot, int, int]]:
    """(slot, where its name ends, where it starts) of each name of the list that the first figure follows."""
    if not found:
        return []
    first = found[0].start
    before = [
        (p, n) for p, n in mentions if p < first and text[p - 1 : p] != "("
    ]  # not '(LC)' after its name
    listed: list[tuple[int, str]] = []
    for p, n in reversed(before):
        end = _name_end(text, p)
        gap = text[end : listed[0][0]] if listed else text[end:first]
        fits = (
            _BETWEEN.fullmatch(gap)
            if listed
            else _TO_FIGURES.match(gap) or _for_arms(text, p, end, first) is not None
        )
        if not fits:
            break
        listed.insert(0, (p, n))
    if len(listed) < 2:
        return []
    lead = landmark(text[_clause_start(text, listed[0][0]) : listed[0][0]])  # 'Eighteen-month LC, LRC and OS'
    out = []
    for k, (p, n) in enumerate(listed):
        named_from = _name_start(text, listed[k - 1][0], p) if k else p
        out.append((Slot(n, landmark(text[named_from : _name_end(text, p)]) or lead), _name_end(text, p), p))
    return out


def _for_arms(text: str, pos: int, end: int, first: int) -> int | None:
    """Where the words naming the arms its figures are for start after the last name ('overall
    survival times for gefitinib and erlotinib were'), which the name's own words may have run
    into; None when no such words stand there."""
    cut = re.search(r"\s+(?:for|in|with)\s", text[pos:end])
    at = pos + cut.start() if cut else end
    return at if _TO_FIGURES_FOR_ARMS.match(text, at, first) else None


def _name_end(text: str, pos: int) -> int:
    m = re.match(
        r"[\w-]+(?:\s+[a-z][\w-]*){0,4}?(?=\s*(?:,|\band\b|\bor\b|\bwas\b|\bwere\b|\(|$))", text[pos:]
    )
    return pos + (m.end() if m else 0)


def _name_start(text: str, previous: int, pos: int) -> int:
    """Where a listed name's own words start: after the separator that follows the one before."""
    between = text[_name_end(text, previous) : pos]
    sep = list(re.finditer(r",|\band\b|\bor\b", between))
    return _name_end(text, previous) + (sep[-1].end() if sep else 0)


def _clause_start(text: str, pos: int) -> int:
    return max(text.rfind(";", 0, pos), text.rfind(":", 0, pos), -1) + 1


# a pair of figures in a bracket after its endpoint's name, one of a list of such pairs: 'for pain
# (-5.2 vs. -3.3, p = 0.003), physical function (-13.4 vs. -6.9, p = 0.001), PGA (-1.3 vs. -0.7, ...)
# and stiffness (-1.8 vs. -0.9, p = 0.002)'
_NAMED_PAIR = re.compile(
    r"(?i)(?:^|[,;]\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\b(?:for|in)\s+)(?P<name>[a-z][\w'-]*(?:\s+[\w'-]+){0,3}?)\s*\(\s*"
    r"(?=-?\d[\d.]*\s*(?:[a-z%]+\s*)?(?:vs\.?|versus|v\.?)\s"
    # '(-0.7 ± 1.8, 1.0 ± 2.5 kg, p = 0.10)', '(25.8 ± 4.0 vs. 28.4 ± 3.7 kg/m2, P = 0.001)'
    r"|-?\d[\d.]*\s*(?:±|\+/-)\s*[\d.]+\s*(?:[a-z%]+\s*)?(?:,|vs\.?|versus|v\.?)\s*-?\d)"
)
# who the figures are of, not what: 'the patients', '(ICS groups: tiotropium 110 ± 20 mL, ...'
_NO_NAME = re.compile(
    r"(?i)^(?:the\s+)?(?:\w+\s+)*?(?:patients|participants|subjects|groups?|subgroups?|arms?|cohorts?|respectively)$"
)


def bracketed_pair_names(text: str, found: Sequence[Item]) -> dict[int, str]:
    """The name printed before the bracket of each pair of a list of two or more named pairs, by
    the index in ``found`` of the pair's first figure: the figures set against each other in each
    bracket are of the endpoint named before it, not of the one the sentence named last."""
    heads = {
        m.end(): m.group("name") for m in _NAMED_PAIR.finditer(text) if not _NO_NAME.match(m.group("name"))
    }
    if len(heads) < 2:
        return {}
    return {k: heads[item.start] for k, item in enumerate(found) if item.start in heads}


def name_brackets(
    endpoints: list[str | None], text: str, found: Sequence[Item], name: Callable[[str], str | None]
) -> None:
    """The names brackets give their figures, over the sentence's: each named pair's head
    (``rename_pairs``), then a bracket's own labels (``bracket_labels``: '(Puerperal infection:
    41/190 [22%] ...'). In place."""
    rename_pairs(endpoints, bracketed_pair_names(text, found), name)
    for k, label in bracket_labels(text, found).items():
        endpoints[k] = name(label) or endpoints[k]


def rename_pairs(
    endpoints: list[str | None], heads: dict[int, str], name: Callable[[str], str | None]
) -> None:
    """Name each bracketed pair (``bracketed_pair_names``) by its head where the sentence's endpoint
    mentions left it unnamed or gave it the name of a pair before it ('... PGA (-1.3 vs. -0.7) and
    stiffness (-1.8 vs. -0.9)': stiffness, not PGA again); the pair's second figure follows. In place."""
    seen: set[str | None] = set()
    for k in sorted(heads):
        if endpoints[k] is None or endpoints[k] in seen:
            endpoints[k] = name(heads[k])
            if k + 1 < len(endpoints) and k + 1 not in heads:
                endpoints[k + 1] = endpoints[k]
        seen.add(endpoints[k])


def share_arms(
    slots: dict[int, Slot], arms: list[Arm | None], listed: Callable[[int, int], list[Arm]]
) -> None:
    """One pass through an endpoint list is one arm's: the arm named beside any of its figures,
    else, when the words between the list and its figures name the arms in order ('Median PFS and
    overall survival times for gefitinib and erlotinib were ...'; ``listed`` gives the arms a
    span names), the arm of its place there."""
    passes: dict[int, list[int]] = {}
    for k, slot in slots.items():
        passes.setdefault(slot.group, []).append(k)
    lead = next(iter(slots.values())).lead if slots else (0, 0)
    order = listed(*lead) if lead[1] > lead[0] else []
    if len(order) == len(passes) > 1:
        for k, slot in slots.items():
            arms[k] = order[slot.group]
        return
    for members in passes.values():
        named = {id(arms[k]): arms[k] for k in members if arms[k] is not None}
        if len(named) == 1:
            arm = next(iter(named.values()))
            for k in members:
                arms[k] = arm


# a bracket's name for its figures, before a colon or, after a ';', before the figures of its
# next item: not a statistic's label ('(95% CI: ', '(median: ', '; RR 0.66')
_NOT_LABEL = rf"(?!{STATISTIC_LABEL}\b)"
_FIRST_LABEL = re.compile(rf"(?i)\s*{_NOT_LABEL}(?P<name>[a-z][\w'-]*(?:\s+[a-z][\w'-]*){{1,4}}?)\s*:\s*")
_LATER_LABEL = re.compile(rf"(?i);\s*{_NOT_LABEL}(?P<name>[a-z][\w'-]*(?:\s+[a-z][\w'-]*){{1,4}}?)\s+(?=\d)")


def bracket_labels(text: str, found: Sequence[Item]) -> dict[int, str]:
    """By index in ``found``: the name the bracket a figure sits in gives it, where the bracket
    opens on a name and a colon ('(Puerperal infection: 41/190 [22%] with enema v 26/182 [14%]
    without enema; RR 0.66 ...; neonatal infection 38/191 [20%] with enema v ...'): the first
    name, or the name the figure's own item after a ';' opens with."""
    out: dict[int, str] = {}
    if ":" not in text:  # no bracket opens on a name and a colon
        return out
    depth = depth_map(text)
    for k, item in enumerate(found):
        start = item.span()[0]
        # the innermost bracket open at the figure: the last opened before it at its depth
        opened = next(
            (i for i in range(start - 1, -1, -1) if text[i] in "([" and depth[i] == depth[start]), None
        )
        first = _FIRST_LABEL.match(text, opened + 1) if opened is not None and depth[start] else None
        if first is None or first.end() > start:
            continue
        later = [
            m
            for m in _LATER_LABEL.finditer(text, first.end(), start + 1)
            if depth[m.start()] == depth[opened]
        ]
        name = (later[-1] if later else first).group("name")
        if not _NO_NAME.match(name):
            out[k] = name.lower()
    return out
