"""Which arm each per-arm figure of a sentence belongs to.

Figures with one key (endpoint, unit, statistic) in a row form a run.  A run with
'respectively' after it takes the arms named after it, in order ('14 and 10 months in the A
and B arms, respectively'), else those named before it; a figure takes the arm named right
after it ('10.7 months with A') or right before it ('A was 7.7 months'); a run that no arm is
named beside takes the order in which its clause names the arms ('fewer patients in A than
in B had X (16% vs. 38%)'), else the design order.  Two parallel lists ('54, 26 and 16 percent
at one, two and three years in A, as compared with 46, 13 and 2 percent, respectively, in B')
are read list by list, the second taking the landmark times of the first; sets of one figure per
arm before 'respectively' ('31% and 36% at one year and 9% and 12% at 2 years') set by set. How
figures form runs is ``arm_runs``; what fills the figures the runs leave without an arm, ``arm_fill``.
"""

from __future__ import annotations

import re

from kg.extraction.arm_beside import LINK, beside
from kg.extraction.arm_brackets import BRACKET_AFTER_ARM, bracket_after_arm, pair_in_bracket
from kg.extraction.arm_fill import fill
from kg.extraction.arm_runs import figure_runs
from kg.extraction.armrefs import ARM_LABEL, ArmFinder, distinct
from kg.extraction.clauses import clause_end
from kg.extraction.pair_direction import (
    directed_pair,
    other_side,
    pair_after_one_arm,
    pairs_before_comparison,
)
from kg.extraction.paired_runs import (
    PARALLEL,
    in_pairs,
    pairs_after_named_pair,
    pairs_after_pair,
    parallel_lists,
    respectively_after_all,
    sets_per_arm,
    tested_set,
)
from kg.model import Arm

_THAN = re.compile(r"(?i)\bthan\b(?!\s*[<>≤≥]?\s*\d)")  # a comparison, not 'more than 7 years'


def assign(
    finder: ArmFinder,
    text: str,
    spans: list[tuple[int, int]],
    keys: list[object],
    timepoints: list[str | None],
    previous: list[Arm] | None = None,
) -> tuple[list[Arm | None], list[str | None]]:
    """(arm of each figure, landmark time of each figure); ``previous``: the arms the last
    sentence gave figures for, in its order, which a run that names no arm follows ('The
    median survival was 12.3 months in the group assigned to A, as compared with 10.3 months in
    the B group. The median progression-free survival in the two groups was 6.2 and 4.5
    months, respectively'), before the design's order."""
    marks = finder.find(text)
    arms: list[Arm | None] = [None] * len(spans)
    times = list(timepoints)
    runs = figure_runs(keys, spans, text, marks)
    respectively_after_all(text, spans, keys, runs, marks, arms)
    done = parallel_lists(text, spans, runs, marks, arms) | pairs_after_pair(text, spans, runs, marks, arms)
    done |= {n for n, run in enumerate(runs) if all(arms[k] is not None for k in run)}
    for n, run in enumerate(runs):
        if n in done:
            continue
        first, last = spans[run[0]][0], spans[run[-1]][1]
        stop = spans[runs[n + 1][0]][0] if n + 1 < len(runs) else len(text)
        start = spans[runs[n - 1][-1]][1] if n else 0
        respectively = "respectively" in text[last:stop]
        if respectively and not any(first <= s < last for s, _e, _a in marks):
            order = _set_order(text, marks, first, last, stop, runs[:n], arms, previous)
            if sets_per_arm(text, spans, run, order, arms, times):
                continue
        if respectively and _respectively(text, run, marks, first, last, stop, arms):
            if n and len(runs[n - 1]) == len(run) and _untimed(times, run, runs[n - 1]):
                for k, j in zip(run, runs[n - 1], strict=True):
                    times[k] = times[j]
            continue
        for k in run:
            arms[k] = beside(text, spans[k], marks, spans[k - 1][1] if k else None)
        pairs_after_named_pair(text, spans, run, arms)
        named = [arms[k] for k in run if arms[k] is not None]
        if not named and (opened := bracket_after_arm(text, first, last, marks)):
            for k in run:  # 'after CHARTWEL (31%, 22% and 11%) versus CF (...)'
                arms[k] = opened
            continue
        if not named and (pair := pair_in_bracket(text, spans, run, marks)):
            arms[run[0]], arms[run[1]] = pair
            continue
        clause = max(start, text.rfind(":", 0, first) + 1, text.rfind(";", 0, first) + 1)
        around = distinct([a for s, _e, a in marks if clause <= s < stop])
        # the clause's arms after the runs that follow: 'Median survival (9.4 v 9.9 months [for VC]; ...)
        # and response (23.9%) with DCb were similar'
        wider = distinct([a for s, _e, a in marks if clause <= s < clause_end(text, last)])
        lead = distinct([a for s, _e, a in marks if clause <= s < first])
        listed = (  # a list, not 'x vs y' or one figure per arm tested in its bracket
            len(run) > 1
            and not PARALLEL.search(text[first:last])
            and not tested_set(text, spans, run, len(finder.arms))
        )
        unknown = [k for k in run if arms[k] is None and _unknown_beside(text, spans[k], marks)]
        if len(run) == 2 and len(named) == 1 and (not listed or len(around) == 2 or unknown):
            # '40 weeks vs. 15 weeks in the radiation group'; '96.4% of the ... results in the
            # low-dose CT group and 94.5% in the radiography group'
            other_side(finder, run, arms, around, wider)
            continue
        if not named and (pair := directed_pair(text, clause, spans, run, marks, finder.arms)):
            arms[run[0]], arms[run[1]] = pair  # 'higher in the NET group (57.4% vs. 22%'
            continue
        # '(25.8 vs. 28.4 kg/m2, ...) as well as at delivery (...) was lower among A than B'
        if (
            not named
            and (len(run) == 2 or in_pairs(text, spans, run))
            and (pairs := pairs_before_comparison(text, clause, spans, run, marks, finder.arms))
        ):
            for k, arm in zip(run, pairs, strict=True):
                arms[k] = arm
            continue
        if not named and pair_after_one_arm(text, first, run, marks, finder):
            arms[run[0]] = lead[0]
            other_side(finder, run, arms, around, wider)
            continue
        if len(around) == 1 and (named and len(named) < len(run) or not named and lead and listed):
            for k in run:  # '54 percent at 1 year, 26 percent at 2 years' beside one arm; 'Survival
                arms[k] = around[0]  # in the A group was intermediate (44, 19 and 13 percent)'
            continue
        if all(arms[k] is None for k in run) and len(run) > 1 and not _over_time(times, run, runs, keys):
            named_in_clause = any(clause <= s < stop for s, _e, _a in marks)
            stranger = _unknown_group(text, marks)
            order = _reference_last(text, [(s, a) for s, _e, a in marks if start <= s < first])
            if len(order) != len(run):
                order = (
                    _than(finder, text[clause:first], marks, clause, run)
                    or _than_after(text, clause, first, last, marks)
                    or _as_was(text, start, first, run, runs[n - 1] if n else [], arms)
                    or _in_mention_order(text, clause, stop, marks, spans, run)
                    or _earlier_run(len(run), runs[:n], arms)
                    or (previous if previous and len(run) == len(previous) and not named_in_clause else [])
                    or (
                        finder.arms
                        if len(run) == len(finder.arms) and not _unknown_label(text, marks)
                        else []
                    )
                )
                if stranger and not named_in_clause:
                    order = [] if order is previous or order is finder.arms else order
            if len(order) != len(run) and not named_in_clause and not stranger and in_pairs(text, spans, run):
                pair = _earlier_run(2, runs[:n], arms) or (
                    previous if previous and len(previous) == 2 else []
                )
                order = (pair or (finder.arms if len(finder.arms) == 2 else [])) * (len(run) // 2)
            for k, arm in zip(run, order, strict=False):
                arms[k] = arm
    fill(text, spans, keys, arms, marks)
    _pair_times(text, spans, keys, times)
    return arms, times


def _pair_times(text: str, spans: list[tuple[int, int]], keys: list[object], times: list[str | None]) -> None:
    """'the ... continuous abstinence rate for weeks 9-12, which was 45.0% (varenicline; n = 249) vs. 11.8%
    (placebo; ...)', '(22.8% at 5 years v 34.7%; P = .02)': two figures of one key set against each other
    are of one time, the one printed with the first. In place."""
    for k in range(len(spans) - 1):
        if (
            keys[k] == keys[k + 1]
            and times[k] is not None
            and times[k + 1] is None
            and PARALLEL.search(text[spans[k][1] : spans[k + 1][0]])
        ):
            times[k + 1] = times[k]


def _set_order(
    text: str,
    marks,
    first: int,
    last: int,
    stop: int,
    earlier: list[list[int]],
    arms,
    previous: list[Arm] | None,
) -> list[Arm]:
    """The arms sets of one figure per arm follow: those named after them ('..., respectively,
    for A and B'), else those listed together before them ('for gefitinib and erlotinib were'),
    else those an earlier run of the sentence gave its figures to ('7 months in the F2 group
    compared with 9 months in the F13 group'), else those of the sentence before."""
    after = distinct([a for s, _e, a in marks if last <= s < stop])
    if len(after) >= 2:
        return after
    if len(listed := _listed_before(text, marks, first)) >= 2:
        return listed
    return _earlier_run(None, earlier, arms) or previous or []


_ARM_JOINER = re.compile(r"(?i)\s*(?:,\s*)?(?:and|or|versus|vs\.?|v\.?)?\s*(?:the\s+)?")


def _listed_before(text: str, marks, first: int) -> list[Arm]:
    """The last arms named one after another before ``first`` ('for gefitinib and erlotinib',
    'A versus B'), in order; none when the last arm before it stands alone."""
    before = [(s, e, a) for s, e, a in marks if e <= first]
    listed = before[-1:]
    for s, e, a in reversed(before[:-1]):
        if not _ARM_JOINER.fullmatch(text, e, listed[0][0]):
            break
        listed.insert(0, (s, e, a))
    order = distinct([a for _s, _e, a in listed])
    return order if len(order) == len(listed) else []


def _over_time(times: list[str | None], run: list[int], runs: list[list[int]], keys: list[object]) -> bool:
    """'The overall progression-free survival rate was 53% at 1 year and 17% at 3 years': a run
    whose figures each print a landmark time of their own, and that no other list of the
    sentence sets the same figures against ('1- and 2-year rates of 13% and 2% versus 14% and
    4%'), is one group's figures over time, not one figure per arm."""
    mine = [times[k] for k in run]
    parallel = any(other is not run and keys[other[0]] == keys[run[0]] for other in runs)
    return None not in mine and len(set(mine)) == len(mine) and not parallel


def _unknown_label(text: str, marks: list[tuple[int, int, Arm]]) -> bool:
    """'23.6 months in group 1 versus 22.2 months in group 2' where no arm is known by those
    labels: the design's order is not the labels' order."""
    return _unmarked(_LABEL, text, marks)


def _unknown_group(text: str, marks: list[tuple[int, int, Arm]]) -> bool:
    """'The IMRT group had larger planning treatment volumes (median, 427 v 486 mL ...)': a
    group no arm is known by, so the figures the sentence sets against each other are of
    groups other than the arms, and neither the arms of the sentence before nor the design's
    order are theirs."""
    return _unmarked(_NAMED_GROUP, text, marks)


# 'X in the GIK group and Y in the control group', '79.1% (1506/1905) in the hand-signed group': the group a
# figure is for, named right after it
_GROUP_AFTER = re.compile(
    r"(?i)\s*(?:[(\[][^()\[\]]*[)\]]\s*)?(?:in|for|among|with|of)\s+the\s+(?P<name>[a-z][\w+/-]*)\s+(?:group|arm)\b"
)


def _unknown_beside(text: str, span: tuple[int, int], marks: list[tuple[int, int, Arm]]) -> bool:
    """'43.7 ± 11.0 % in the GIK group and 42.4 ± 11.7% in the control group': the figure is
    printed for a group the finder knows no arm by, so it is not the named arm's; set against the
    named arm's figure, it is the other arm's."""
    m = _GROUP_AFTER.match(text, span[1])
    return bool(m) and not any(s < m.end() and m.start("name") < e for s, e, _a in marks)


def _unmarked(pattern: re.Pattern, text: str, marks: list[tuple[int, int, Arm]]) -> bool:
    """Whether the pattern finds words in the text that name no arm the finder knows."""
    return any(not any(s < m.end() and m.start() < e for s, e, _a in marks) for m in pattern.finditer(text))


_LABEL = re.compile(rf"(?i)\b{ARM_LABEL}")
# 'the IMRT group', 'the GIK group': one group by its name ('the two groups', 'each group' name none)
_NAMED_GROUP = re.compile(
    r"(?i)\bthe\s+(?!(?:two|three|both|each|either|other|same|whole|entire|study|first|second|latter|former)\b)"
    r"[a-z][\w+/-]*(?=\s+(?:group|arm)\b)"
)
_COMPARED_TO = re.compile(
    r"(?i)(?:^|[.;]\s*|,\s*)(?:(?:as\s+)?compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|relative\s+to)\s+(?:the\s+)?$"
)


def _reference_last(text: str, named: list[tuple[int, Arm]]) -> list[Arm]:
    """The arms named before a run, in order, but the one a clause opens on with 'compared
    with' last: it is the reference, whose figure is printed second ('Compared to PV, a
    significantly larger number of GEM-treated patients experienced a clinical benefit (48.1
    vs. 28.9%)')."""
    order = distinct([a for _s, a in named])
    if len(order) == 2 and _COMPARED_TO.search(text, 0, named[0][0]) and named[-1][1] is not named[0][1]:
        return [order[1], order[0]]
    return order


def _than(finder: ArmFinder, lead: str, marks, clause: int, run: list[int]) -> list[Arm]:
    """'longer disease-free survival than those assigned to surgery alone (38.3% v 34.1%)' in a
    two-arm trial: the figures follow the order of the comparison, whichever side is named."""
    than = _THAN.search(lead)
    named = distinct([a for s, _e, a in marks if clause <= s < clause + len(lead)])
    if not than or len(run) != 2 or len(finder.arms) != 2 or len(named) != 1:
        return []
    other = next(a for a in finder.arms if a is not named[0])
    after = any(s >= clause + than.end() for s, _e, a in marks if a is named[0] and s < clause + len(lead))
    return [other, named[0]] if after else [named[0], other]


# 'than those in the ENI arm', 'than patients receiving placebo': the arm a clause sets the figures against
_THAN_ARM = re.compile(
    r"(?i)\s*than\s+(?:(?:that|those)\s+(?:of|in|with|for|on)\s+|(?:patients|participants)\s+"
    r"(?:in|on|receiving|given|treated\s+with|assigned\s+to)\s+|(?:in|with|for|on)\s+)?(?:the\s+)?$"
)


def _than_after(text: str, clause: int, first: int, last: int, marks) -> list[Arm]:
    """'Patients in the IFI arm achieved better overall response rate (90% vs. 79%, P = 0.032) ...
    than those in the ENI arm': a pair set against each other between the one arm its clause
    opens on and the arm 'than' names after it is theirs in that order."""
    lead = distinct([a for s, _e, a in marks if clause <= s < first])
    end = clause_end(text, last)
    after = [(s, a) for s, _e, a in marks if last <= s < end]
    if len(lead) != 1 or not after or not PARALLEL.search(text, first, last):
        return []
    than = _THAN.search(text, last, after[0][0])
    if not than or not _THAN_ARM.fullmatch(text, than.start(), after[0][0]) or after[0][1] is lead[0]:
        return []
    return [lead[0], after[0][1]]


def _in_mention_order(text: str, clause: int, stop: int, marks, spans, run: list[int]) -> list[Arm]:
    """'The response rate for the concurrent arm was significantly higher (84.0%) than that of
    the sequential arm (66%)', '83% of the patients in the A arm and 63% of those in the B arm':
    figures that a named arm separates, one from the next, take the arms in the order their
    clause names them, one each (not 'prolonged by A (3.8 v 1.9 months) and B (...)', where
    the two figures of one bracket are set against each other)."""
    order = distinct([a for s, _e, a in marks if clause <= s < stop])
    between = [
        any(spans[j][1] <= s < spans[k][0] for s, _e, _a in marks) for j, k in zip(run, run[1:], strict=False)
    ]
    return order if len(order) == len(run) and all(between) else []


def _earlier_run(size: int | None, earlier: list[list[int]], arms: list[Arm | None]) -> list[Arm]:
    """'(7.5 v 4.6 months; log-rank test, P =.010; 1-year survival, 37% v 11%)': a run of the
    sentence that names no arm takes the arms of the last run before it that had as many
    (``size``; None: any run of two or more) and gave each figure another arm."""
    for before in reversed(earlier):
        given = [arms[k] for k in before]
        fits = len(before) == size if size else len(before) >= 2
        if fits and None not in given and len(distinct(given)) == len(before):
            return given
    return []


_AS_WAS = re.compile(r"(?i)\bas\s+(?:was|were|did|is|are)\b")


def _as_was(text: str, start: int, first: int, run: list[int], previous: list[int], arms) -> list[Arm]:
    """'longer for A than for B (10.6 v 6.7 weeks, respectively), as was median survival (7.0 v
    4.6 months)': a run that says it is like the one before takes that run's arms."""
    before = [arms[k] for k in previous]
    if len(before) != len(run) or None in before or not _AS_WAS.search(text, start, first):
        return []
    return before


def _respectively(text, run, marks, first, last, stop, arms) -> bool:
    bracketed = [a for _s, e, a in marks if BRACKET_AFTER_ARM.fullmatch(text[e:first])]
    clause = max(text.rfind(";", 0, first), text.rfind(". ", 0, first), 0)
    two_sides = PARALLEL.search(text[first:last]) or _THAN.search(text[clause:first])
    if bracketed and not two_sides and len(distinct([a for s, _e, a in marks if clause <= s < first])) == 1:
        # 'survival rates in the concurrent group (34.6%, 22.3%, ..., respectively)', not 'higher with A
        # than with B (19% and 8%, respectively)', nor 'longer for A than for B (10.6 v 6.7 weeks, respectively)'
        for k in run:
            arms[k] = bracketed[-1]
        return True
    after = distinct([a for s, _e, a in marks if last <= s < stop])
    said = text.find("respectively", last, stop)
    right_after = [a for s, _e, a in marks if said >= 0 and s >= said and LINK.fullmatch(text[said + 12 : s])]
    if len(after) == 1 and right_after:  # '46, 13 and 2 percent, respectively, in the radiotherapy group'
        for k in run:
            arms[k] = after[0]
        return True
    before = distinct([a for s, _e, a in marks if s < first])
    order = after if len(after) >= len(run) else before
    if len(run) > 1 and len(order) >= len(run):
        for k, arm in zip(run, order, strict=False):
            arms[k] = arm
        return True
    return False


def _untimed(times: list[str | None], run: list[int], before: list[int]) -> bool:
    """Whether a list printed no times of its own while the list before it did (all its times
    one, read from words before both lists)."""
    mine = {times[k] for k in run}
    return mine == {None} or (len(mine) == 1 and len({times[j] for j in before}) == len(before) > 1)
