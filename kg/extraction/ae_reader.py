"""Reading one sentence's adverse-event figures, clause by clause (see ``kg.extraction.safety``).

One job: for each figure of a clause, the statement it belongs to: its event, its arm, its
category and whether it counts treatment-related events only. Figures are first grouped
(one parenthesis, or a run of figures no cue or event name separates), then each group
gets its event name (``ae_terms``), its arms and each figure its category.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extraction.ae_arms import ResultsArms
from kg.extraction.ae_assign import LIST_OPENER, ArmAssigner, fits
from kg.extraction.ae_figures import Figure, figures, mask, top_parens
from kg.extraction.ae_terms import Group, breakdown_terms, cause_term, group_terms, subject_term
from kg.extraction.ae_vocabulary import AE_WORDS, cues, event_phrases, harm_deaths, related
from kg.extraction.text import Sentence
from kg.model import AdverseEventSummary, Arm, Evidence

__all__ = ["BARE_EVENTS", "ClauseReader", "Memory", "about_events"]

# ', and of grade 3 rash or acne with erlotinib (...)' ends the list of its segment's 'incidences of'
_SEGMENT = re.compile(r",\s+(?:and(?!\s+of\s)|but|whereas|while)\s+(?![^(]*\))")
_ANAPHORA = re.compile(
    r"(?i)\b(?:these|such|those|this|the same)\s+(?:adverse\s+|side\s+|toxic\s+)?(?:events?|effects?|toxicit(?:y|ies))\b"
    # a pronoun that a judgement of the events follows: 'these were deemed to be related to study drugs in ...'
    r"|\b(?:these|they)\s+were\s+(?:deemed|considered|judged|assessed|classified)\b"
)
_DIGIT = re.compile(r"\d")
# an event named for the treatment that causes it is treatment-related: 'radiation pneumonitis', 'radiation necrosis'
_NAMED_FOR_TREATMENT = re.compile(r"(?i)(?:radiation|radiotherapy)[- ](?!recall)\w")
BARE_EVENTS = re.compile(r"(?i)(?<!adverse )(?<!adverse-)\bevents\b")


_NEXT_STATEMENT = re.compile(r"(?i),\s|;|\band\b(?!\s*\d)|\b(?:whereas|while|compared|versus|vs)\b")
# symptoms patients had before treatment are no adverse events
_BASELINE = re.compile(
    r"(?i)\b(?:on admission|at (?:study )?(?:baseline|entry|enrol+ment|presentation|diagnosis)"
    r"|before (?:treatment|randomi[sz]ation|therapy)|pre-?treatment)\b"
)


@dataclass
class Memory:
    """What the statements read so far said, for words that point back to them."""

    category: str | None = None
    related: bool = False
    term: str | None = None
    order: list[Arm] = field(default_factory=list)


def about_events(text: str, memory: Memory) -> bool:
    """A sentence speaks of adverse events: by their summary words, an event's name, deaths
    put down to treatment or toxicity, or by words pointing back to the adverse-event statement before it."""
    if _BASELINE.search(text):
        return False
    if AE_WORDS.search(text) or event_phrases(text) or harm_deaths(text):
        return True
    return memory.category is not None and bool(_ANAPHORA.search(text) or BARE_EVENTS.search(text))


class ClauseReader:
    """Reads the clauses of one sentence in turn; arms, orders and words carry across them."""

    def __init__(self, sentence: Sentence, text: str, finder: ResultsArms, memory: Memory) -> None:
        self.sentence = sentence
        self.text = text
        self.finder = finder
        self.names = frozenset(n.lower() for n in finder.names)
        self.memory = Memory(memory.category, memory.related, memory.term, list(memory.order))
        self.arms = ArmAssigner(text, finder, memory.order)
        self.headline: tuple[str, bool] | None = None  # the sentence's first statement
        self.found: list[Figure] = []  # the figures of the clause being read

    def next_memory(self) -> Memory:
        """What the next sentence's words pointing back refer to: this sentence's first
        statement ('Grade 3-4 adverse events ...' before 'In the placebo group, these adverse
        events were ...'), its last event and arm order."""
        if self.headline is None:
            return self.memory
        return Memory(*self.headline, self.memory.term, self.arms.order)

    def read(self, start: int, end: int) -> list[AdverseEventSummary]:
        text = self.text[start:end]
        found = figures(text)
        if not found or any(f.subset for f in found):
            return []
        self.found = found
        self.arms.clause(found, start)
        parens = top_parens(text)
        segments = [0] + [m.end() for m in _SEGMENT.finditer(mask(text, parens))] + [len(text)]
        groups = self._groups(text, found, parens, segments)
        subject = subject_term(text, found[0].start, found[-1].end) or (
            self.memory.term if _ANAPHORA.search(text) else None
        )
        group_terms(text, groups, subject, bool(AE_WORDS.search(text)), self.finder)
        self.arms.assign(start, text, groups)
        out = []
        for g in groups:
            if (
                g.foreign
                or None in g.arms
                or (
                    not g.grades
                    and len({(id(a), t) for a, t in zip(g.arms, g.terms, strict=True)}) < len(g.arms)
                )
            ):
                continue
            each = len({id(a) for a in g.arms}) == len(self.finder.arms)
            for f, arm, term in zip(g.figures, g.arms, g.terms, strict=True):
                if arm is None or not fits(arm, f, self.finder.arms, each):
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
        if context and g.grades:
            context = (g.grades[g.figures.index(f)], context[1])
        if context and term and _NAMED_FOR_TREATMENT.match(term):
            context = (context[0], True)
        nxt = min((x.start for x in self.found if x.start >= f.end), default=len(text))
        cause = None if term else cause_term(text[f.end : nxt])
        if cause is None:
            return [(*context, term)] if context else []
        if context is not None and context[0] != "grade 5":
            return [(*context, term)]
        earlier = [x for x in self.found if x.end <= f.start]
        split = bool(earlier) and (
            bool(LIST_OPENER.search(text, earlier[0].end, f.start)) or _part_of(text, earlier[-1], f)
        )
        is_related = (context[1] if context else related(text[f.end : nxt], self.names)) or bool(
            _NAMED_FOR_TREATMENT.match(cause)
        )
        rows = [("grade 5", is_related, cause)]
        return rows if context is None or split else [("grade 5", is_related, None), *rows]

    def aside(self, body: str, offset: int) -> list[AdverseEventSummary]:
        """'(treatment-related in four [2.2%] and one [0.6%], respectively)': the last
        category read, restricted to treatment-related events, in the last arm order."""
        if self.memory.category is None:
            return []
        g = Group(figures(body), None)
        g.terms = [None] * len(g.figures)
        self.arms.assign_group(len(self.text), body, g, len(body), [])
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
            if paren and self.arms.names_arm_before(text, paren):
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
            else:  # not at the marks of a bracket of the figure's own ('[decreased platelet count, n=8; ...]')
                split = bool(re.search(r"[;:]", mask(gap, top_parens(gap))))
            if prev and prev.paren == paren and not split:
                prev.figures.append(f)
                continue
            groups.append(Group([f], paren))
        for g in groups:
            breakdown_terms(text, g)
        return groups

    # --- arms ----------------------------------------------------------------------------

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
        own_start = self._own_words(g, parens, seg_start) - seg_start
        for region, words, last in regions:
            found = cues(region)
            if found:
                pick = found[-1] if last else found[0]
                if region is before and pick[1] == "any" and pick[0] >= own_start:
                    return self._context(pick[1], f"{before[own_start:]} {words}", g)
                return self._context(pick[1], f"{before} {words}", g)
        clause_before = masked[: f.start]
        found = cues(clause_before)
        if found:
            return self._context(found[-1][1], clause_before, g)
        if (_ANAPHORA.search(clause_before) or BARE_EVENTS.search(clause_before)) and self.memory.category:
            return self.memory.category, self.memory.related or related(clause_before, self.names)
        if AE_WORDS.search(before + " " + after) or any(g.terms) or AE_WORDS.search(clause_before):
            return self._context("any", clause_before + " " + after, g)
        return None

    def _own_words(self, g: Group, parens: list[tuple[int, int]], seg_start: int) -> int:
        """Where the words of a group's own statement start: after the figures (and their
        parenthesis) of the statement before it in its segment. A statement that says 'all
        grades' there ('..., drug related adverse events (10.5% v 6.4%; P =.092), ... and all
        grade alopecia (37.7% v 6.4%)') counts events of any cause unless its own words restrict
        them; a grade or a death ('as were non-laboratory grade 3-5 adverse events', 'and led to
        death in 13 (2%)') keeps the restriction of the statement it continues."""
        ends = [seg_start]
        for x in self.found:
            if x.end <= g.start:
                paren = next((p for p in parens if p[0] <= x.start < p[1]), None)
                ends.append(x.end if paren is None or paren[1] > g.start else paren[1])
        return max(ends)

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
        back = bool(_ANAPHORA.search(words) or BARE_EVENTS.search(words)) and self.memory.category is not None
        if category in ("any", "severe") and not (AE_WORDS.search(words) or any(g.terms) or back):
            return None
        return category, related(words, self.names) or (back and self.memory.related)


def _part_of(text: str, total: Figure, part: Figure) -> bool:
    """'2 on-treatment deaths ... were deemed to be related to study drug by the investigators,
    1 due to interstitial lung disease': a smaller count given its own cause, set off by a
    comma right after the statement of a count, is one of those deaths, not a second total
    ('..., and one patient who received ... died from ...' is another statement)."""
    return (
        total.plain
        and total.count is not None
        and part.count is not None
        and part.count < total.count
        and text[total.end : part.start].rstrip().endswith(",")
    )


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
            update = {"count": e.count or same[1].count, "percent": e.percent or same[1].percent}
            out.append(e.model_copy(update={**update, "evidence": _joined(e.evidence, same[1].evidence)}))
    return out


def _joined(first: Evidence | None, second: Evidence | None) -> Evidence | None:
    """The evidence of a record read from two halves ('3 treatment-related deaths (2.7%)'):
    both figures with the words between, when nothing else is printed there; else the first."""
    if first is None or second is None or first.sentence != second.sentence or second.start < first.end:
        return first
    if _DIGIT.search(first.sentence, first.end, second.start):
        return first
    return first.model_copy(update={"end": second.end})


def _halves(a: AdverseEventSummary, b: AdverseEventSummary) -> bool:
    """A count printed without its percent and a percent printed without its count."""
    return {a.count is None, b.count is None} == {True, False} and {a.percent is None, b.percent is None} == {
        True,
        False,
    }
