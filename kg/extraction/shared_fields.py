"""What the facts of one results sentence share once each is read: the landmark times of a
list printed without its own (``landmarks_of_lists``), the one landmark of the figures beside
a comparison (``landmarks_of_comparisons``), and a p-value said to hold for each comparison
before it (``each_comparison``).
"""

from __future__ import annotations

import re

from kg.extraction.clause_bounds import opening
from kg.extraction.stats import RATIO, P, p_value
from kg.model import ArmResult, Comparison


def landmarks_of_lists(figures: list[ArmResult], lists: dict[tuple[str, str], list[str]]) -> None:
    """'54, 26 and 16 percent at one, two and three years in A ... Survival in B was
    intermediate (44, 19 and 13 percent)': a list of one arm's figures printed without their
    landmark times takes those of the last list of the endpoint that had as many."""
    runs: dict[tuple[str, str, str], list[ArmResult]] = {}
    for f in figures:
        runs.setdefault((f.endpoint, f.statistic, f.arm), []).append(f)
    for (endpoint, statistic, _arm), run in runs.items():
        times = [f.timepoint for f in run]
        if len(run) > 1 and len(set(times)) == len(run) and None not in times:
            lists[(endpoint, statistic)] = times
        elif all(t is None for t in times) and len(lists.get((endpoint, statistic), [])) == len(run):
            for f, t in zip(run, lists[(endpoint, statistic)], strict=True):
                f.timepoint = t


def landmarks_of_comparisons(
    comparisons: list[Comparison], figures: list[ArmResult], named: set[str]
) -> None:
    """'The week 52 CAR was 26.1% for A and 20.3% for B (OR 1.40 ...)': a comparison printed
    beside per-arm figures of its endpoint is at their one landmark time. One printed in the
    bracket of a pair ('at 12 weeks (55.4% vs 40.9%; OR, 1.85; ...) and 24 weeks (49.0% vs 32.6%; OR,
    1.98; ...)') is at the pair's time, and on the pair's endpoint when the sentence names none
    for it (``named``: the endpoints the sentence names)."""
    for c in comparisons:
        # a hazard ratio spans the follow-up, at no landmark, and names its own event
        mate = _bracket_mate(c, figures) if c.statistic != "hazard_ratio" else None
        if mate is not None and c.endpoint not in named:
            c.endpoint = mate.endpoint
        times = {f.timepoint for f in figures if f.endpoint == c.endpoint}
        if c.timepoint is None and len(times) == 1:
            c.timepoint = times.pop()
        elif c.timepoint is None and mate is not None and mate.endpoint == c.endpoint:
            c.timepoint = mate.timepoint


# a comparison's bracket opened right after a figure, naming no endpoint of its own before the
# estimate: ' (hazard ratio [HR], ', ' (HR '
_OPENED_AFTER = re.compile(r"\s*[(\[](?:[^()\[\]]|\[[^\[\]]*\])*")
_OWN_ENDPOINT = re.compile(r"(?i)survival|response|progression|death|recurrence|relapse|failure|for\s")


def endpoints_beside(comparisons: list[Comparison], figures: list[ArmResult]) -> None:
    """'Median PFS and overall survival times for A and B were 6.5 and 7.5 months (hazard ratio [HR],
    1.125; ...) and 22.8 and 24.5 months (HR, 1.038; ...)': a comparison whose bracket opens right
    after per-arm figures compares those figures, on their endpoint. In place."""
    for c in comparisons:
        if c.evidence is None:
            continue
        mate = _last_before(c, figures)
        if mate is None or mate.endpoint == c.endpoint:
            continue
        between = c.evidence.sentence[mate.evidence.end : c.evidence.start]
        if _OPENED_AFTER.fullmatch(between) and not _OWN_ENDPOINT.search(between):
            c.endpoint = mate.endpoint


def subgroups_of_brackets(comparisons: list[Comparison], figures: list[ArmResult]) -> None:
    """'... for never-smokers (n=375; 0.67 [0.49-0.92], p=0.012; median survival 8.9 vs 6.1 months)':
    per-arm figures printed in the bracket of a comparison of a subgroup are of that subgroup. In place."""
    opened = [  # each subgroup comparison's sentence and the bracket it is printed in, found once
        (c.evidence.sentence, opening(c.evidence.sentence, c.evidence.start), c.subgroup)
        for c in comparisons
        if c.subgroup and c.evidence is not None
    ]
    if not opened:
        return
    for f in figures:
        if f.subgroup is not None or f.evidence is None:
            continue
        at = opening(f.evidence.sentence, f.evidence.start)
        subgroups = {
            sub
            for sentence, where, sub in opened
            if where is not None and (sentence, where) == (f.evidence.sentence, at)
        }
        if len(subgroups) == 1:
            f.subgroup = subgroups.pop()


def _last_before(c: Comparison, figures: list[ArmResult]) -> ArmResult | None:
    """The per-arm figure printed last before the comparison, in its sentence."""
    before = [
        f
        for f in figures
        if f.evidence is not None
        and f.evidence.sentence == c.evidence.sentence
        and f.evidence.end <= c.evidence.start
    ]
    return max(before, key=lambda f: f.evidence.end) if before else None


def _bracket_mate(c: Comparison, figures: list[ArmResult]) -> ArmResult | None:
    """The per-arm figure printed right before a comparison in its bracket ('32.6%' of '(49.0% vs
    32.6%; OR, 1.98')."""
    mate = _last_before(c, figures) if c.evidence is not None else None
    if mate is None:
        return None
    sentence = c.evidence.sentence
    bracketed = opening(sentence, mate.evidence.start) is not None
    return (
        mate
        if bracketed and re.fullmatch(r"\s*[)\]]?\s*;\s*", sentence[mate.evidence.end : c.evidence.start])
        else None
    )


_EACH = re.compile(r"\s*,?\s*(?:for\s+)?(?:each|both)(?:\s+comparisons?)?\s*\)")


def each_comparison(text: str, found: list[Comparison]) -> None:
    """'(8.9 versus 7.7 months; HR 0.80) and in 702 patients with NSCLC (9.5 versus 8.0 months;
    HR 0.78) (p = 0.01, each comparison)': one p-value said to hold for each comparison before it
    is every one's that printed none."""
    for m in P.finditer(text):
        if not _EACH.match(text, m.end()) or RATIO.search(text, m.end()):
            continue  # (a ratio after it is not one of those it speaks for)
        shared = p_value(m)
        for c in found:
            if c.p_value is None:
                c.p_value, c.p_value_qualifier = shared["p_value"], shared["p_value_qualifier"]
