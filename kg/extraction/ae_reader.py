"""Reading one sentence's adverse-event figures, clause by clause (see ``kg.extraction.safety``).

One job: for each figure of a clause, the statement it belongs to: its event, its arm, its
category and whether it counts treatment-related events only. Figures are first grouped
(one parenthesis, or a run of figures no cue or event name separates), then each group
gets its event name (``ae_terms``), its arms and each figure its category.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extraction.ae_arms import GROUP_REF, ResultsArms, unresolved_names
from kg.extraction.ae_figures import Figure, figures, mask, top_parens
from kg.extraction.ae_terms import Group, breakdown_terms, cause_term, group_terms, split_terms, subject_term
from kg.extraction.ae_vocabulary import AE_WORDS, ae_category, cues, event_phrases, related
from kg.extraction.text import Sentence
from kg.model import AdverseEventSummary, Arm

__all__ = ["ClauseReader", "Memory", "about_events", "none_occurred"]

_SEGMENT = re.compile(r",\s+(?:and|but|whereas|while)\s+(?![^(]*\))")
_LINK = re.compile(
    r"(?i)[\s,]*(?:(?:[\w-]+\s+){0,2}?(?:patients?|deaths?|cases?|participants?)\s+(?:were\s+(?:recorded|reported|observed)\s+)?"
    r"|those\s+)?(?:who\s+(?:received|were\s+(?:given|treated\s+with))|receiving"
    r"|treated\s+with|given|in|with|for|on|among)?\s*(?:the\s+)?"
)
_ARM_THEN_FIGURE = re.compile(r"(?i)[\w-]*(?:\s+[\w-]+){0,2}?\s*(?:[(\[,:]\s*)?$")
_EVERY_ARM = re.compile(r"(?i)\b(?:in|of|for)\s+(?:each|both|all)\s+(?:\w+\s+)?(?:groups?|arms?)\b")
_SCHEDULE = re.compile(
    r"(?i)[\s,]*(?:(?:of\s+)?(?:the\s+)?(?:patients|those)\s+)?(?:given|receiving|treated)\s+(?:it\s+|them\s+)?(weekly|daily)\b"
)
_ANAPHORA = re.compile(
    r"(?i)\b(?:these|such|those|this|the same)\s+(?:adverse\s+|side\s+|toxic\s+)?(?:events?|effects?|toxicit(?:y|ies))\b"
)
_BARE_EVENTS = re.compile(r"(?i)(?<!adverse )(?<!adverse-)\bevents\b")
_NONE_OCCURRED = re.compile(
    r"(?i)^\s*(?:there\s+(?:were|was)\s+)?no\s+(?P<what>.{1,80}?)\s+(?:occurred|were\s+(?:reported|observed|seen|noted|recorded))"
    r"\b(?P<where>[^.;]*)"
)
_NO_PATIENT_HAD = re.compile(
    r"(?i)^\s*no\s+(?:patients?|participants?)\s+(?P<where>.{0,60}?)\s*(?:had|experienced|developed|suffered)\s+"
    r"(?P<what>[^.;]{1,120})"
)


_NEXT_STATEMENT = re.compile(r"(?i),\s|;|\band\b(?!\s*\d)|\b(?:whereas|while|compared|versus|vs)\b")
# symptoms patients had before treatment are no adverse events
_BASELINE = re.compile(
    r"(?i)\b(?:on admission|at (?:study )?(?:baseline|entry|enrol+ment|presentation|diagnosis)"
    r"|before (?:treatment|randomi[sz]ation|therapy)|pre-?treatment)\b"
)
_OTHER_GROUPS = re.compile(
    r"(?i)\b(?:younger|older|aged?\s+\d+|elderly|men|women|males?|females?|smokers?|subgroups?|cohorts?|cycles?"
    r"|schedules?|group\s+\d|arm\s+\d|trials?|acute\s+(?:and|or)\s+late|at\s+\d+\s+(?:years?|months?|weeks?))\b"
)
_CONTRAST = re.compile(r"(?i)\b(?:compared with|as compared|versus|vs\.?|whereas|while|than)\b")
_LIST_OPENER = re.compile(r":|\bincluding\b")  # the parts of a figure follow
_POOLED = 1.25  # how far a figure's patients may exceed the arm's randomised number


@dataclass
class Memory:
    """What the statements read so far said, for words that point back to them."""

    category: str | None = None
    related: bool = False
    term: str | None = None
    order: list[Arm] = field(default_factory=list)


def about_events(text: str, memory: Memory) -> bool:
    """A sentence speaks of adverse events: by their summary words, an event's name, or by
    words pointing back to the adverse-event statement before it."""
    if _BASELINE.search(text):
        return False
    if AE_WORDS.search(text) or event_phrases(text):
        return True
    return memory.category is not None and bool(_ANAPHORA.search(text) or _BARE_EVENTS.search(text))


class ClauseReader:
    """Reads the clauses of one sentence in turn; arms, orders and words carry across them."""

    def __init__(self, sentence: Sentence, text: str, finder: ResultsArms, memory: Memory) -> None:
        self.sentence = sentence
        self.text = text
        self.finder = finder
        self.names = frozenset(n.lower() for n in finder.names)
        self.memory = Memory(memory.category, memory.related, memory.term, list(memory.order))
        self.previous_order = list(memory.order)  # the order the sentences before set
        self.local: list[Arm] = []  # the arm order an earlier group of this sentence set
        self.headline: tuple[str, bool] | None = None  # the sentence's first statement
        self.found: list[Figure] = []  # the figures of the clause being read
        self.offset = 0  # where that clause starts in the sentence

    def next_memory(self) -> Memory:
        """What the next sentence's words pointing back refer to: this sentence's first
        statement ('Grade 3-4 adverse events ...' before 'In the placebo group, these adverse
        events were ...'), its last event and arm order."""
        if self.headline is None:
            return self.memory
        return Memory(*self.headline, self.memory.term, self.memory.order)

    def read(self, start: int, end: int) -> list[AdverseEventSummary]:
        text = self.text[start:end]
        found = figures(text)
        if not found or any(f.subset for f in found):
            return []
        self.found, self.offset = found, start
        parens = top_parens(text)
        segments = [0] + [m.end() for m in _SEGMENT.finditer(mask(text, parens))] + [len(text)]
        groups = self._groups(text, found, parens, segments)
        subject = subject_term(text, found[0].start, found[-1].end) or (
            self.memory.term if _ANAPHORA.search(text) else None
        )
        group_terms(text, groups, subject, bool(AE_WORDS.search(text)), self.finder)
        self._assign(start, text, groups)
        out = []
        for g in groups:
            if (
                g.foreign
                or None in g.arms
                or len({(id(a), t) for a, t in zip(g.arms, g.terms, strict=True)}) < len(g.arms)
            ):
                continue
            for f, arm, term in zip(g.figures, g.arms, g.terms, strict=True):
                if arm is None or not _fits(arm, f):
                    continue
                for category, is_related, named in self._statements(text, f, g, term, parens, segments):
                    self.memory.category, self.memory.related, self.memory.term = category, is_related, named
                    self.headline = self.headline or (category, is_related)
                    out.append(self._summary(f, start, arm, category, is_related, named))
        return _unambiguous(out)

    def _statements(
        self,
        text: str,
        f: Figure,
        g: Group,
        term: str | None,
        parens: list[tuple[int, int]],
        segments: list[int],
    ) -> list[tuple[str, bool, str | None]]:
        """What one figure states: (category, treatment-related, term) once, or twice for a
        death put down to one event ('1 (2%) ... experienced treatment-related death because
        of sepsis': the treatment-related deaths, and those from sepsis). A death whose only
        words are its cause ('died from interstitial lung disease') and the items of a list
        that splits a figure before it ('2 (3%) ...: 1 because of sepsis and 1 because of
        pancytopenia') count that event only."""
        context = self._category(text, f, g, parens, segments)
        nxt = min((x.start for x in self.found if x.start >= f.end), default=len(text))
        cause = None if term else cause_term(text[f.end : nxt])
        if cause is None:
            return [(*context, term)] if context else []
        if context is not None and context[0] != "grade 5":
            return [(*context, term)]
        earlier = [x for x in self.found if x.end <= f.start]
        split = bool(earlier) and bool(_LIST_OPENER.search(text, earlier[0].end, f.start))
        is_related = context[1] if context else related(text[f.end : nxt], self.names)
        rows = [("grade 5", is_related, cause)]
        return rows if context is None or split else [("grade 5", is_related, None), *rows]

    def aside(self, body: str, offset: int) -> list[AdverseEventSummary]:
        """'(treatment-related in four [2.2%] and one [0.6%], respectively)': the last
        category read, restricted to treatment-related events, in the last arm order."""
        if self.memory.category is None:
            return []
        g = Group(figures(body), None)
        g.terms = [None] * len(g.figures)
        self._assign_group(len(self.text), body, g, len(body), [])
        return [
            self._summary(f, offset, arm, self.memory.category, True, None)
            for f, arm in zip(g.figures, g.arms, strict=True)
            if arm is not None
        ]

    def _summary(
        self, f: Figure, offset: int, arm: Arm, category: str, is_related: bool, term: str | None
    ) -> AdverseEventSummary:
        """The record of one figure, its evidence the figure as printed ('49 [5%] of 1024
        patients')."""
        return AdverseEventSummary(
            arm=arm.label,
            category=category,
            treatment_related=is_related,
            term=term,
            count=f.count,
            percent=f.percent,
            n_analysed=f.n,
            evidence=self.sentence.evidence(offset + f.start, offset + f.end),
        )

    # --- grouping -------------------------------------------------------------------------

    def _groups(
        self, text: str, found: list[Figure], parens: list[tuple[int, int]], segments: list[int]
    ) -> list[Group]:
        """Figures that compare the arms on one statement: one parenthesis (cut at its
        semicolons), or a run of figures with no cue, event name or segment break between."""
        groups: list[Group] = []
        for f in found:
            paren = next((p for p in parens if p[0] <= f.start < p[1]), None)
            if paren and self._arm_paren(text, paren):
                paren = None
            prev = groups[-1] if groups else None
            gap = text[prev.figures[-1].end : f.start] if prev else ""
            if paren is None:
                split = bool(
                    ":" in gap
                    or cues(gap)
                    or event_phrases(gap)
                    or any(gap and prev.figures[-1].end <= b <= f.start for b in segments)
                )
            else:
                split = ";" in gap or ":" in gap
            if prev and prev.paren == paren and not split:
                prev.figures.append(f)
                continue
            groups.append(Group([f], paren))
        for g in groups:
            breakdown_terms(text, g)
        return groups

    def _arm_paren(self, text: str, paren: tuple[int, int]) -> bool:
        """'crizotinib (54 [52%] of 104)': one figure right after an arm name."""
        inner = text[paren[0] + 1 : paren[1] - 1]
        marks = self.finder.find(text[: paren[0]])
        return (
            len(figures(inner)) == 1
            and bool(marks)
            and re.fullmatch(r"\s*(?:group|arm)?\s*", text[marks[-1][1] : paren[0]]) is not None
        )

    # --- arms ----------------------------------------------------------------------------

    def _assign(self, offset: int, text: str, groups: list[Group]) -> None:
        """Arms for each group; a breakdown ('(3 [10%] chest wall pain, ...)') and the items of
        a list after a colon ('2 (3%) ...: 1 because of sepsis and 1 because of ...') are parts
        of the figure before them, in its arm."""
        named = _distinct([a for _s, _e, a in self.finder.find(text)])
        for n, g in enumerate(groups):
            stop = groups[n + 1].figures[0].start if n + 1 < len(groups) else len(text)
            prev = groups[n - 1] if n else None
            one_arm = prev is not None and None not in prev.arms and len(set(map(id, prev.arms))) == 1
            if one_arm and g.breakdown:
                g.arms = [prev.arms[0]] * len(g.figures)
                continue
            self._assign_group(offset, text, g, stop, named)
            listed = prev is not None and bool(_LIST_OPENER.search(text, groups[0].end, g.start))
            if None in g.arms and one_arm and listed and not self.finder.find(text[prev.end : g.start]):
                g.arms = [prev.arms[0]] * len(g.figures)

    def _assign_group(self, offset: int, text: str, g: Group, stop: int, named: list[Arm]) -> None:
        """Arms for a group's figures (see the module docstring of kg.extraction.safety)."""
        marks = self.finder.find(text)
        if self._one_arm_list(text, g, marks):
            return
        g.arms = [self._arm_before(text, f, g, marks) for f in g.figures]
        last = g.figures[-1].end
        after = [a for s, _e, a in marks if last <= s < stop]
        distinct = len({f.start for f in g.figures})
        if distinct > 1 and "respectively" in text[last:stop] and len(after) >= distinct:
            g.arms = _spread(g, after[:distinct])
        for i, f in enumerate(g.figures):
            g.arms[i] = g.arms[i] or self._arm_after(text, f, marks)
        if distinct == 1 and None in g.arms:
            nxt = min((x.start for x in self.found if x.start >= last), default=len(text))
            if _EVERY_ARM.search(text, last, nxt) and len(self.finder.arms) > 1:
                g.replicate(self.finder.arms)
                return
            scope = self._scope(offset + g.figures[0].start)
            g.arms = [a or scope for a in g.arms]
        self._fill(g, named, text)
        if None not in g.arms and len({id(a) for a in g.arms}) > 1:
            self.memory.order = self.local = _distinct(g.arms)

    def _one_arm_list(self, text: str, g: Group, marks: list[tuple[int, int, Arm]]) -> bool:
        """'pneumonitis and esophagitis in the proton group (2% and 5%)': figures joined by
        'and' in a parenthesis right after an arm are that arm's, one per event named (or
        nobody's when the events cannot be paired with them)."""
        starts = sorted({f.start for f in g.figures})
        if g.paren is None or len(starts) < 2 or self.finder.find(text[g.paren[0] : g.paren[1]]):
            return False
        gaps = [text[f.end : n] for f, n in zip(g.figures, [f.start for f in g.figures[1:]], strict=False)]
        before = [(e, a) for _s, e, a in marks if e <= g.paren[0]]
        if not before or not _ARM_THEN_FIGURE.fullmatch(text[before[-1][0] : g.paren[0]]):
            return False
        if any(
            not re.search(r"\band\b|,", gap) or re.search(r"(?i)\b(?:vs|versus|v)\b", gap) for gap in gaps
        ):
            return False
        parts = split_terms(g.terms[0], len(starts))
        g.arms = [before[-1][1] if parts else None] * len(g.figures)
        g.terms = [parts[starts.index(f.start)] for f in g.figures] if parts else g.terms
        return True

    def _arm_before(self, text: str, f: Figure, g: Group, marks: list[tuple[int, int, Arm]]) -> Arm | None:
        """'crizotinib (54 [52%] of 104)', 'in the cytisine group (288 events ...)' or
        'pemetrexed, 71%': the arm named right before a lone figure (a parenthesis holding two
        figures compares arms, it belongs to neither)."""
        if len({x.start for x in g.figures}) > 1 and g.paren is not None:
            return None
        start = g.paren[0] if g.paren is not None else f.start
        before = [(e, a) for _s, e, a in marks if e <= start]
        if not before:
            return None
        between = text[before[-1][0] : f.start]
        if re.fullmatch(r"\s*(?:[(\[,:]\s*)?", between) or (
            g.paren is not None and _ARM_THEN_FIGURE.fullmatch(text[before[-1][0] : g.paren[0]])
        ):
            return before[-1][1]
        return None

    def _arm_after(self, text: str, f: Figure, marks: list[tuple[int, int, Arm]]) -> Arm | None:
        """'7% of the patients in the A group'; 'of the patients given it weekly' (the one arm
        given on that schedule)."""
        arm = next(
            (a for s, _e, a in marks if f.end <= s <= f.end + 60 and _LINK.fullmatch(text[f.end : s])), None
        )
        if arm is not None:
            return arm
        m = _SCHEDULE.match(text, f.end)
        if not m:
            return None
        word = "every week" if m.group(1).lower() == "weekly" else "daily"
        fits = [a for a in self.finder.arms if any(word in (i.frequency or "") for i in a.interventions)]
        return fits[0] if len(fits) == 1 else None

    def _scope(self, position: int) -> Arm | None:
        """The arm the sentence is set in at a position: the last arm it named before ('In the
        placebo group, ...'); none when a group no arm's words fit was named after it."""
        before = self.text[:position]
        marks = self.finder.find(before)
        last = marks[-1] if marks else None
        refs = [m for m in GROUP_REF.finditer(before) if unresolved_names(self.finder.finder, m.group(0))]
        if last is None or (refs and refs[-1].start() > last[0]):
            return None
        # '13 (13%) patients in the A cohort, 18 (30%) in ...': A is the first figure's arm
        taken = any(
            x.end + self.offset <= last[0] and _LINK.fullmatch(self.text[x.end + self.offset : last[0]])
            for x in self.found
        )
        if taken:
            return None
        if _CONTRAST.search(self.text, last[1], position):
            # '... in the afatinib group were A (...), compared with B (...) in the gemcitabine
            # and cisplatin group': after a contrast the arm is the one the words name next
            nxt = [
                m
                for m in self.finder.find(self.text[position:])
                if not _CONTRAST.search(self.text, position, position + m[0])
            ]
            return nxt[0][2] if nxt else None
        return last[2]

    def _fill(self, g: Group, named: list[Arm], text: str) -> None:
        """Figures still without an arm take the arms left over from an order the text set:
        an earlier group's of this sentence, the arms the clause names, those the sentence
        names, else the order the sentence before set. No order is borrowed for a clause that
        names groups no arm's words fit ('for patients younger than 70 years compared with
        ...', 'with the weekly schedule', 'in group 1')."""
        missing = [i for i, a in enumerate(g.arms) if a is None]
        if not missing or (_OTHER_GROUPS.search(text) and len(missing) > 1):
            return
        sentence = _distinct([a for _s, _e, a in self.finder.find(self.text)])
        for order in (self.local, named, sentence, self.previous_order):
            if len(order) != len(g.arms):
                continue
            left = [a for a in order if all(a is not b for b in g.arms)]
            if len(left) == len(missing) and all(
                g.arms[i] is None or g.arms[i] is a for i, a in enumerate(order)
            ):
                for i in missing:
                    g.arms[i] = order[i]
                return

    # --- categories ----------------------------------------------------------------------

    def _category(
        self, text: str, f: Figure, g: Group, parens: list[tuple[int, int]], segments: list[int]
    ) -> tuple[str, bool] | None:
        """Category and restriction of a figure, or None when it is no adverse-event figure.

        The last cue before the figure in its segment wins; failing that a cue inside its own
        parenthesis or after it in the segment ('..., grade 3)', '... discontinued because of
        adverse events'); failing that the last cue earlier in the clause; failing that words
        pointing back take the category before.
        """
        seg_start = max(s for s in segments if s <= f.start)
        seg_end = min(s for s in segments if s > f.start)
        # blank other figures' parentheses, keep worded ones: 'severe (grade >= 3) pneumonitis'
        masked = mask(text, [p for p in parens if p != g.paren and figures(text[p[0] : p[1]])])
        regions: list[tuple[str, str, bool]] = []
        if g.paren is None:
            own = (
                None
                if any(a <= f.start < b for a, b in parens)
                else self._own_statement(masked, f, seg_start, seg_end)
            )
            before = masked[seg_start : f.start]
            regions += [own] if own else []
        else:
            # inside a parenthesis, the figure's own part of it first: '(98/196 [50%] ... for
            # all grades; 9 [5%] vs none for grade 3 or 4)', '(57 [10%] of 548, grade 3)'
            inner_start = max(g.paren[0] + 1, text.rfind(";", g.paren[0], f.start) + 1)
            inner_end = text.find(";", f.end, g.paren[1])
            inner_end = g.paren[1] - 1 if inner_end < 0 else inner_end
            regions += [
                (text[inner_start : f.start], "", True),
                (text[f.end : inner_end], text[f.end : inner_end], False),
            ]
            before = masked[seg_start : g.paren[0]]
        after = masked[(g.paren[1] if g.paren else f.end) : seg_end]
        regions += [(before, "", True), (after, after, False)]
        for region, words, last in regions:
            found = cues(region)
            if found:
                pick = found[-1] if last else found[0]
                return self._context(pick[1], f"{before} {words}", g)
        clause_before = masked[: f.start]
        found = cues(clause_before)
        if found:
            return self._context(found[-1][1], clause_before, g)
        if (_ANAPHORA.search(clause_before) or _BARE_EVENTS.search(clause_before)) and self.memory.category:
            return self.memory.category, self.memory.related or related(clause_before, self.names)
        if AE_WORDS.search(before + " " + after) or any(g.terms) or AE_WORDS.search(clause_before):
            return self._context("any", clause_before + " " + after, g)
        return None

    def _own_statement(
        self, masked: str, f: Figure, seg_start: int, seg_end: int
    ) -> tuple[str, str, bool] | None:
        """The words between a lone figure and the next one when another figure precedes it in
        its segment and those words carry a cue of their own."""
        if not any(seg_start <= x.start and x.end <= f.start for x in self.found):
            return None
        nxt = min((x.start for x in self.found if x.start >= f.end), default=seg_end)
        after = masked[f.end : min(nxt, seg_end)]
        after = after[: m.start()] if (m := _NEXT_STATEMENT.search(after)) else after
        return (after, after, True) if cues(after) else None

    def _context(self, category: str | None, words: str, g: Group) -> tuple[str, bool] | None:
        """A cue counts only when its words are about adverse events ('any grade' of a
        response is not an adverse-event figure); None cues (dose interruptions) never do.
        Words that point back ('these events', 'grade 3 events') keep the restriction before."""
        if category is None:
            return None
        back = (
            bool(_ANAPHORA.search(words) or _BARE_EVENTS.search(words)) and self.memory.category is not None
        )
        if category in ("any", "severe") and not (AE_WORDS.search(words) or any(g.terms) or back):
            return None
        return category, related(words, self.names) or (back and self.memory.related)


def _unambiguous(found: list[AdverseEventSummary]) -> list[AdverseEventSummary]:
    """Without the statements a clause makes twice with different figures ('in 11 patients
    treated with docetaxel 100 mg/m2 ... and in one patient treated with docetaxel 75 mg/m2'
    when both doses are one arm): which figure is the arm's cannot be told. A count and a
    percent printed apart for one statement are one record."""

    def key(e: AdverseEventSummary) -> tuple:
        return (e.arm, e.category, e.treatment_related, e.term)

    rows: dict[tuple, list[AdverseEventSummary]] = {}
    for e in found:
        rows.setdefault(key(e), []).append(e)
    out = []
    for e in found:
        same = rows[key(e)]
        values = {(x.count, x.percent) for x in same}
        if len(values) == 1:
            out.append(e)
        elif len(same) == 2 and e is same[0] and _halves(*same):  # '2 patients ... (incidence 2.3%)'
            out.append(
                e.model_copy(
                    update={"count": e.count or same[1].count, "percent": e.percent or same[1].percent}
                )
            )
    return out


def _halves(a: AdverseEventSummary, b: AdverseEventSummary) -> bool:
    """A count printed without its percent and a percent printed without its count."""
    return {a.count is None, b.count is None} == {True, False} and {a.percent is None, b.percent is None} == {
        True,
        False,
    }


def _spread(g: Group, arms: list[Arm]) -> list[Arm | None]:
    """Arms in figure order for a group whose figures may repeat one printed figure."""
    starts = sorted({f.start for f in g.figures})
    return [arms[starts.index(f.start)] for f in g.figures]


def _fits(arm: Arm, f: Figure) -> bool:
    """A figure cannot count far more patients than the arm was given: such a figure belongs
    to a pooled group of arms (a factorial trial's 'cetuximab' groups), not to this arm. (A
    safety population may exceed the randomised one a little: 1024 treated of 1006.)"""
    n = arm.n_randomized
    return n is None or max(f.n or 0, f.count or 0) <= _POOLED * n


def _distinct(arms: list[Arm | None]) -> list[Arm]:
    """Arms in order of first mention, each once (arms are not hashable)."""
    out: list[Arm] = []
    for a in arms:
        if a is not None and all(a is not b for b in out):
            out.append(a)
    return out


def none_occurred(text: str, finder: ResultsArms, memory: Memory) -> list[AdverseEventSummary]:
    """Zero counts: 'No adverse events with a fatal outcome occurred in either treatment
    group'; 'No patients given SABR had grade 4 events or treatment-related death' (one zero
    per category the words list).

    The zero goes to the arm the words name ('no pemetrexed-related deaths'), else to every
    arm; 'no new adverse events' reports nothing countable.
    """
    m = _NONE_OCCURRED.match(text) or _NO_PATIENT_HAD.match(text)
    if not m or re.search(r"(?i)\b(?:new|unexpected|additional|further|other|safety)\b", m.group("what")):
        return []
    what, where = m.group("what"), m.group("where")
    named = [] if re.search(r"(?i)\b(?:either|both|any|all)\b", where) else finder.find(what + " " + where)
    targets = _distinct([a for _s, _e, a in named]) or finder.arms
    names = frozenset(n.lower() for n in finder.names)
    out = []
    for part in re.split(r"(?i),?\s+or\s+(?!\d)|,\s+", what):
        back = bool(_BARE_EVENTS.search(part)) and memory.category is not None
        if not (AE_WORDS.search(part) or back or re.search(r"(?i)\bdeaths?\b|\bfatal\b", part)):
            continue
        category = ae_category(part)
        if category == "grade 5" and not (
            AE_WORDS.search(part) or related(part, names) or "fatal" in part.lower()
        ):
            continue
        is_related = related(part, names) or (back and memory.related)
        out += [
            AdverseEventSummary(arm=a.label, category=category, treatment_related=is_related, count=0)
            for a in targets
        ]
    return out
