"""Which arm a registry results group reports, or which results group of its own it is.

Each results module (participant flow, baseline, every outcome measure, adverse events)
lists its groups with ids ("FG000", "OG001") that hold only within the module, a title and
a description.  The record does not link them to its arm groups, so a group is joined to an
arm by what it says of itself, one to one within its module, by rules that leave no
ambiguity (tried in turn):

1. the same words as the arm's label, or as a title another module joined to it ("S+ Group"
   and "S- Group" are different words);
2. the label without a designator ("Arm A: Nivolumab" -> "Nivolumab");
3. the title without an analysis-population tag ("Placebo (FAS)" -> "Placebo");
4. the arm's only intervention ("NIVOLUMAB" for "Arm A: Nivolumab");
5. the arm's description, which the registry copies into the group's (perhaps adding a
   sentence: "... Subjects formed the FAS.");
6. a single-arm trial's only group in the module (unless it is a "Total").

A group no rule joins (a "Total", an analysis population, a cohort within an arm) is kept
as a results group of its own (``ResultsGroup``), named by its title: its figures are kept
and stay apart from the arms'.  The title a joined group goes by becomes an alias of the arm.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.model import Arm, ResultsGroup, Trial
from kg.sources.ctgov.values import Study, words

DESIGNATOR = re.compile(r"^(?:(?:arm|group|cohort)\s*[a-z0-9]{1,3}\b\s*[:.)-]?|\d{1,2}\s*[.):-]?)\s+", re.I)
POPULATION_TAG = re.compile(
    r"\s*\((?:[A-Z]{2,5}|(?i:safety|full analysis|per[- ]protocol)(?i: set| population)?)\)\s*$"
)
TOTAL = re.compile(r"^total\b", re.I)


def norm(text: str | None) -> str:
    """The words of a title for comparison: case and punctuation aside, but a plus and a
    trailing minus ("S+", "S-") are words of their own."""
    text = re.sub(r"\+", " plus ", text or "")
    text = re.sub(r"(?<=\w)-(?=\s|$)", " minus ", text)
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _names(a: Arm) -> set[str]:
    """An arm's label and the titles other modules of the record already joined to it."""
    return {norm(n) for n in (a.label, *a.aliases)}


def _described(a: Arm, g: Study) -> bool:
    """The group's description is the arm's, as the registry copies it (possibly with a
    sentence added: 'Subjects formed the FAS.')."""
    arm, group = norm(a.description), norm(g.get("description"))
    return bool(arm) and group.startswith(arm)


Rule = Callable[[Arm, Study], bool]
RULES: tuple[Rule, ...] = (
    lambda a, g: norm(g.get("title")) in _names(a),
    lambda a, g: norm(g.get("title")) == norm(DESIGNATOR.sub("", a.label)),
    lambda a, g: norm(POPULATION_TAG.sub("", g.get("title") or "")) in _names(a),
    lambda a, g: len(a.interventions) == 1 and norm(g.get("title")) == norm(a.interventions[0].drug.name),
    _described,
)


class GroupBook:
    """The labels a trial's results name their groups by, built module by module."""

    def __init__(self, trial: Trial) -> None:
        self.trial = trial
        self.groups: dict[str, ResultsGroup] = {g.label: g for g in trial.results_groups}

    def labels(self, groups: list[Study]) -> dict[str, str]:
        """Group id -> the label of the arm it reports, or of its own results group."""
        matched = match(groups, self.trial.arms)
        arms = {a.label: a for a in self.trial.arms}
        out: dict[str, str] = {}
        for g in groups:
            gid = str(g.get("id") or "")
            if gid in matched:
                out[gid] = matched[gid]
                title = words(g.get("title"))
                arm = arms[matched[gid]]
                if title and title != arm.label and title not in arm.aliases:
                    arm.aliases.append(title)
            else:
                out[gid] = self._own(g, gid, set(arms))
        return out

    def _own(self, g: Study, gid: str, arm_labels: set[str]) -> str:
        """A results group of its own, shared by every module that names it alike."""
        label = words(g.get("title")) or gid
        if label in arm_labels:  # an arm's name given to a group no rule could join to it
            label = f"{label} [{gid}]"
        if label not in self.groups:
            self.groups[label] = ResultsGroup(label=label, description=words(g.get("description")))
            self.trial.results_groups.append(self.groups[label])
        return label


def match(groups: list[Study], arms: list[Arm]) -> dict[str, str]:
    """Results group id -> arm label, one to one, by the rules of the module docstring."""
    matched: dict[str, str] = {}
    for rule in RULES:
        free_arms = [a for a in arms if a.label not in matched.values()]
        free_groups = [g for g in groups if str(g.get("id")) not in matched]
        for g in free_groups:
            hits = [a.label for a in free_arms if norm(g.get("title")) and rule(a, g)]
            rivals = [h for h in free_groups if any(rule(a, h) for a in free_arms if a.label in hits)]
            if len(hits) == 1 and len(rivals) == 1 and hits[0] not in matched.values():
                matched[str(g.get("id"))] = hits[0]
    candidates = [g for g in groups if not TOTAL.match(words(g.get("title")) or "")]
    if len(arms) == 1 and len(candidates) == 1 and not matched:
        matched[str(candidates[0].get("id"))] = arms[0].label
    return matched
