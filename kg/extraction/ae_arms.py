"""The arms as a document's results sentences name them, for reading adverse events.

One job: finding arm mentions. ``ArmFinder`` knows the arms' own words; results sentences
also name an arm by a word of its own ('the surgery group' for lobectomy with node
dissection, 'the standard-chemotherapy group' for carboplatin plus paclitaxel). In a
two-arm trial a sentence that names one arm by its words and another group by a name no
arm's words fit ('... for the SABR group and 35.4 months ... for the surgery group') shows
that name to be the other arm's; the name is then an arm mention in every sentence. A
name that would point at both arms is dropped, and a sentence that names an arm by its
opposite ('allocated no chemotherapy') teaches nothing. 'The radiation arm', 'the surgical
arm' name the one arm that gives radiation, or a procedure, when only one does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extraction.armrefs import ArmFinder
from kg.extraction.text import Sentence
from kg.model import Arm

__all__ = ["GROUP_REF", "MORE", "OTHER_GROUPS", "RANKED", "ResultsArms", "other_groups"]

GROUP_REF = re.compile(
    r"(?i)\b(?:in|with|on|for|to|than|of|versus|vs\.?)\s+(?:the\s+)?(?P<name>(?:[\w+/-]+\s+){1,3}?)(?:groups?|arms?)\b"
)
_CONTINUED = re.compile(
    r"(?i)\s*(?:[\d.]+\s*(?:mg/kg|mg/m2|mg|gy|auc)\s*(?:plus|\+|with|and|combined with|in combination with)\s+"
    r"|-?\s*(?:plus|\+|with|combined with|in combination with)\s*-?\s*)"
)
_SCHEDULE_NAME = re.compile(
    r"(?i)\b(?:the\s+)?(?:weekly|every[- ](?P<weeks>[2-9])[- ]weeks?)\s+(?:schedules?|regimens?)\b"
)
# an arm named by the kind of treatment only it gives: 'the radiation arm', 'the surgical arms'
_KIND_NAME = re.compile(r"(?i)\b(?P<word>radiation|surgical)\s+(?:arms?|groups?)\b")
_KINDS = {"radiation": "radiation", "surgical": "procedure"}
# words that rank the arm named right after them: 'occurring more frequently in patients receiving'
MORE = {"more", "higher", "greater", "increased"}
RANKED = re.compile(
    r"(?i)\b(more|less|higher|lower|greater|fewer|increased|decreased)\s+(?:frequent(?:ly)?|common(?:ly)?|often)?"
    r"[\w\s]{0,30}?\b(?:in|with|among|on)\s+(?:the\s+)?(?:patients\s+(?:receiving|treated\s+with|given|on)\s+)?$"
)
_JOINED = re.compile(r"(?i)(?:\bplus|\band|\bwith|\+|-)\s*$")
_NEGATED = re.compile(r"(?i)\b(?:no|without|not)\s+$")
_NOT_NAME = re.compile(
    r"(?i)\b(?:both|each|either|all|two|three|four|treatment|treated|randomi[sz]ed|study|these|those|other|"
    r"same|different|age|subgroups?|intervention|any)\b|\d"
)

# 'in the group that received SRS': the article alone names no group ('A' may: 'the A group')
_ARTICLES = {"the", "this", "that"}


class ResultsArms:
    """An ``ArmFinder`` that also knows the group names the document's sentences taught it."""

    def __init__(self, finder: ArmFinder, sents: Sequence[Sentence], single_arm: bool = False) -> None:
        self.finder = finder
        self.single_arm = single_arm and len(finder.arms) == 1  # a design of one arm, not a randomised one
        self.arms = finder.arms
        self.names = finder.names
        self.learned = _learn(finder, sents)

    def find(self, text: str) -> list[tuple[int, int, Arm]]:
        """Arm mentions, without those that only begin a longer reference ('nivolumab' in
        'nivolumab 1 mg/kg plus ipilimumab 3 mg/kg cohort', 'chemotherapy' in the
        'chemotherapy-plus-bevacizumab group': each names the combination)."""
        found = self.finder.find(text)
        found = [
            (s, e, a)
            for s, e, a in found
            if not ((m := _CONTINUED.match(text, e)) and any(s2 == m.end() for s2, _e2, _a2 in found))
        ]
        for name, arm in self.learned.items():
            pattern = rf"(?i)(?<![\w-]){re.escape(name)}\s+(?:groups?|arms?)\b"
            for m in re.finditer(pattern, text):
                joined = _JOINED.search(text, 0, m.start())  # 'pembrolizumab plus chemotherapy group'
                if not joined and not any(s < m.end() and m.start() < e for s, e, _a in found):
                    found.append((m.start(), m.end(), arm))
        for m in _KIND_NAME.finditer(text):
            giving = [
                a
                for a in self.arms
                if any(i.kind == _KINDS[m.group("word").lower()] for i in a.interventions)
            ]
            if len(giving) == 1 and not any(s < m.end() and m.start() < e for s, e, _a in found):
                found.append((m.start(), m.end(), giving[0]))
        for m in _SCHEDULE_NAME.finditer(text):
            arm = self._scheduled(m)
            if arm is not None and not any(s < m.end() and m.start() < e for s, e, _a in found):
                found.append((m.start(), m.end(), arm))
        return sorted(found, key=lambda x: x[0])

    def _scheduled(self, m: re.Match) -> Arm | None:
        """'the weekly schedule', 'the every-3-week schedule': the one arm given on that
        schedule, when the arms differ by it."""
        weeks = m.group("weeks")
        wanted = "every week" if weeks is None else f"every {weeks} weeks"
        given = [a for a in self.arms if any(i.frequency == wanted for i in a.interventions)]
        return given[0] if len(given) == 1 else None


def unresolved_names(finder: ArmFinder, text: str) -> list[str]:
    """The group names of a text that no arm's words fit: 'surgery' in 'for the surgery group'."""
    out = []
    for m in GROUP_REF.finditer(text):
        name = m.group("name").strip().lower()
        if (
            not finder.find(m.group(0))
            and not _NOT_NAME.search(name)
            and name not in _ARTICLES
            and name not in out
        ):
            out.append(name)
    return out


def _learn(finder: ArmFinder, sents: Sequence[Sentence]) -> dict[str, Arm]:
    if len(finder.arms) != 2:
        return {}
    learned: dict[str, Arm | None] = {}
    for s in sents:
        found = finder.find(s.norm)
        if any(_NEGATED.search(s.norm, 0, start) for start, _e, _a in found):
            continue  # 'allocated no chemotherapy (NoC) ... 47% of the C group' names no arm's opposite
        named = {id(a): a for _s, _e, a in found}
        names = unresolved_names(finder, s.norm)
        if len(named) != 1 or len(names) != 1:
            continue
        other = next(a for a in finder.arms if id(a) not in named)
        previous = learned.setdefault(names[0], other)
        if previous is not other:
            learned[names[0]] = None
    return {name: arm for name, arm in learned.items() if arm is not None}


OTHER_GROUPS = re.compile(
    r"(?i)\b(?:younger|older|aged?\s+\d+|elderly|men|women|males?|females?|smokers?|subgroups?|cohorts?|cycles?"
    r"|schedules?|group\s+\d|arm\s+\d|trials?(?!\s+(?:regimens?|drugs?|treatments?|medications?|therap\w+|agents?)\b)"
    r"|acute\s+(?:and|or)\s+late|at\s+\d+\s+(?:years?|months?|weeks?))\b"
)


def other_groups(text: str, finder: ResultsArms | ArmFinder) -> bool:
    """The words name groups of patients no arm is ('in elderly men', 'in cohort 2', 'at 3
    years'); a name of that form that is an arm's ('Those in group 1 had ...' where group 1
    is an arm) is no other group."""
    marks = finder.find(text)
    return any(
        not any(s < m.end() and m.start() < e for s, e, _a in marks) for m in OTHER_GROUPS.finditer(text)
    )
