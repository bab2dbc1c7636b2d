"""Which two arms a between-arm figure compares: the design's experimental arm against its
comparator, unless the words say otherwise ('hazard ratio of isotretinoin versus placebo',
'hazard ratio with docetaxel', 'patients treated with IFRT demonstrated a significantly lower risk
... (Odds ratio: 0.31'), and in a trial of three arms or more the two arms the clause names.

``ArmPairing`` is the part of ``ContrastReading`` that says so (it provides the arms, the finder
and the design's roles).
"""

from __future__ import annotations

import re

from kg.extraction.armrefs import ArmFinder, distinct
from kg.extraction.clause_bounds import opening, outer_clause
from kg.extraction.factors import reference_like
from kg.extraction.text import depth_map
from kg.model import Arm

# a clause that names an arm as the one compared against ('compared with placebo, ...') or as a
# population ('Among N-CTX patients, PORT was associated with ...', 'longer among those who received
# carboplatin-paclitaxel (hazard ratio ...')
_AGAINST_BEFORE = re.compile(r"(?i)\b(?:versus|vs\.?|compared\s+(?:with|to)|relative\s+to|than|over|among)\b")
# between an arm's name and the bracket that is its own: 'gemcitabine (', 'the bupropion SR group ('
_BESIDE = re.compile(r"(?i)\s{0,2}(?:(?:SR|XL|ER|IR)\s+)?(?:(?:group|arm)\s*)?")
_THAN = re.compile(r"(?i)\b(?:compared\s+(?:with|to)|than|versus|vs\.?)\s")
# what may follow an arm's name up to the arm it is set against: ' 2 mg/kg versus '
_VERSUS_NEXT = re.compile(r"(?i)[^,;()]{0,15}?\s(?:versus|vs\.?|compared\s+with|relative\s+to)\s+(?:the\s+)?")
_AGAINST = re.compile(r"(?i)\b(?:versus|vs\.?|compared\s+with|relative\s+to)\s+(?:the\s+)?")


class ArmPairing:
    """The (arm, comparator) of a comparison, for ``ContrastReading``."""

    arms: list[Arm]
    finder: ArmFinder
    experimental: Arm | None
    comparator: Arm | None

    def _pair(
        self, text: str, match: re.Match, ratio: re.Match | None, statistic: str | None = None
    ) -> tuple[Arm | None, Arm | None]:
        """(experimental, reference): the design's roles, reversed when the ratio names the
        other arm ('hazard ratio with docetaxel') or the clause sets one arm against the other
        (a relative reduction is the reducing arm's, whichever the clause names first); in a
        trial of three or more arms the two arms the clause names, in order."""
        arm, comparator = self.experimental, self.comparator
        if ratio is not None and ratio.groupdict().get("of"):  # 'hazard ratio of isotretinoin versus placebo'
            named = [a for _s, _e, a in self.finder.find(ratio.group("of"))]
            if len(named) >= 2 and named[0] is not named[1]:
                return named[0], named[1]
        if ratio is not None and ratio.groupdict().get("with"):
            named = self.finder.find(ratio.group("with"))
            if named and named[0][2] is not self.experimental and len(self.arms) == 2:
                return named[0][2], self.experimental
        plain = len(self.arms) == 2 and not (ratio is not None and ratio.groupdict().get("with"))
        reduction = statistic == "relative_reduction"
        if plain and not reduction and (set_against := self._set_against(text, (ratio or match).start())):
            return set_against
        if plain and self._subject(text, (ratio or match).start()) is self.comparator:
            return self.comparator, self.experimental
        if len(self.arms) > 2:
            bracketed = self._bracketed_pair(text, match)
            if bracketed is not None:
                return bracketed
            named = []
            for start, stop in _clauses(text, match.start(), match.end()):
                named = distinct([a for _s, _e, a in self.finder.find(text[start:stop])])
                if len(named) >= 2:
                    break
            if len(named) >= 2:
                first, second = named[0], named[1]
                return (
                    (second, first)
                    if reference_like(first) and not reference_like(second)
                    else (first, second)
                )
        return arm, comparator

    def _subject(self, text: str, pos: int) -> Arm | None:
        """The one arm the clause of a between-arm figure names before it, when not as the one
        compared against: 'patients treated with IFRT demonstrated a significantly lower risk of
        high grade esophagitis (Odds ratio: 0.31': the ratio is that arm's against the other."""
        opened = opening(text, pos)
        if opened is not None:  # '(HR = 1.12; 95% CI ... and HR = 1.11; ...)': the clause before the bracket
            pos = opened
        clause = text[outer_clause(text, pos) : pos]
        named = distinct([a for _s, _e, a in self.finder.find(clause)])
        if len(named) != 1 or _AGAINST_BEFORE.search(clause):
            return None
        return named[0]

    def _set_against(self, text: str, pos: int) -> tuple[Arm, Arm] | None:
        """'Time to intracranial failure was significantly shorter for SRS alone compared with SRS plus
        WBRT (hazard ratio, 3.6; ...)': the clause of a between-arm figure names one arm, then sets it
        against the other: the figure is the first's against the second, whatever their roles."""
        opened = opening(text, pos)
        pos = opened if opened is not None else pos
        start = outer_clause(text, pos)
        against = _THAN.search(text, start, pos)
        if against is None:
            return None
        marks = self.finder.find(text[start:pos])
        before = distinct([a for s, _e, a in marks if s < against.start() - start])
        after = distinct([a for s, _e, a in marks if s >= against.end() - start])
        if len(before) == 1 and len(after) == 1 and before[0] is not after[0]:
            return before[0], after[0]
        return None

    def _bracketed_pair(self, text: str, match: re.Match) -> tuple[Arm, Arm] | None:
        """'prolonged by gemcitabine (...; HR, 0.56 ...) and erlotinib (...; HR, 0.69 ...)
        versus observation': a ratio in a bracket right after an arm is that arm's, against the
        arm named after 'versus' (or 'compared with') once the list of brackets ends."""
        # a bare ratio's match starts at the bracket it opens: '(0.88, 0.74-1.05; p=0.07)'
        opened = opening(text, match.start() + (text[match.start()] in "(["))
        marks = self.finder.find(text)
        beside = [
            (s, a) for s, e, a in marks if opened and e <= opened and _BESIDE.fullmatch(text, e, opened)
        ]
        if not beside:
            return None
        own = [a for _s, a in beside]
        # 'for pembrolizumab 2 mg/kg versus docetaxel (0.88, 0.74-1.05; p=0.07)': the pair just before
        named = [a for _s, e, a in marks if (v := _VERSUS_NEXT.match(text, e)) and v.end() == beside[-1][0]]
        if named and named[-1] is not own[-1]:
            return named[-1], own[-1]
        against = _AGAINST.search(text, match.end())
        others = [a for s, _e, a in marks if against and s == against.end() and a is not own[-1]]
        if others:
            return own[-1], others[0]
        return self._subject_against(text, marks, opened, own[-1])

    def _subject_against(self, text: str, marks, opened: int, own: Arm) -> tuple[Arm, Arm] | None:
        """'43.9% of participants in the varenicline group were continuously abstinent compared with
        17.6% in the placebo group (OR, 3.85; ...) and 29.8% in the bupropion SR group (OR, 1.90; ...)':
        a ratio in a bracket right after an arm that the sentence sets against its one subject arm is
        the subject's against that arm; the subject of the bracket's own clause, when it names one."""
        depth = depth_map(text)
        after_bracket = max(
            (k + 1 for k in range(opened) if text[k] in ")]" and depth[k + 1] == 0), default=0
        )
        # the clause since the bracket before first: '... than with docetaxel (median ...; HR 0.54 ...)
        # and with pembrolizumab 10 mg/kg than with docetaxel (17.3 months vs 8.2 months; 0.50, ...'
        for start in dict.fromkeys((after_bracket, 0)):
            against = _THAN.search(text, start, opened)
            subjects = distinct([a for s, _e, a in marks if against and start <= s < against.start()])
            if len(subjects) == 1 and subjects[0] is not own:
                return subjects[0], own
        return None


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where to look for the arms a figure compares, nearest first: after the figure bracket
    before its own ('... (0.88, 0.74-1.05; p=0.07) or for pembrolizumab 10 mg/kg versus docetaxel
    (HR 0.79 ...'), then its whole top-level clause, between semicolons outside brackets ('longer
    in the ABCP group than in the BCP group (8.3 months vs. 6.8 months; hazard ratio ..., 0.62')."""
    depth = depth_map(text)
    opened = opening(text, start)
    own = opened if opened is not None else start
    after = [k for k in range(end, len(text)) if text[k] == ";" and depth[k] == 0]
    stop = after[0] if after else len(text)
    clause = max((k + 1 for k in range(own) if depth[k] == 0 and text[k] == ";"), default=0)
    bracket = max(
        (k + 1 for k in range(clause, own) if text[k] in ")]" and depth[k + 1] == 0), default=clause
    )
    return [(bracket, stop), (clause, stop)]
