"""Which arm each adverse-event figure of a clause belongs to (see ``kg.extraction.safety``).

One job: giving the figure groups of a clause their arms, from the arm named right before a
lone figure ('crizotinib (54 [52%] of 104)') or right after it ('7% of the patients in the
A group', 'of the patients given it weekly'), the arms after a run and its 'respectively',
'in each group', the arm the sentence is set in ('In the placebo group, ...'), else an
order the text set (an earlier group's, the arms the clause or the sentence names, the
sentence before). An arm order is never guessed from the design: a figure without one is
left unread.
"""

from __future__ import annotations

import re

from kg.extraction.ae_arms import GROUP_REF, RANKED, ResultsArms, other_groups, unresolved_names
from kg.extraction.ae_factors import factor_pair
from kg.extraction.ae_figures import Figure, figures, mask, top_parens
from kg.extraction.ae_grade_runs import grade_run
from kg.extraction.ae_ranks import RANKS_AFTER, if_ranked, ranked_after, ranked_clause, ranked_pair
from kg.extraction.ae_single import events_respectively
from kg.extraction.ae_terms import Group, split_terms
from kg.extraction.ae_vocabulary import event_phrases
from kg.extraction.armrefs import distinct
from kg.extraction.factors import complement
from kg.model import Arm

__all__ = ["LIST_OPENER", "ArmAssigner", "fits"]

_LINK = re.compile(
    # '15 (9%) fatal adverse events occurred in the afatinib group'
    r"(?i)[\s,]*(?:(?:[\w-]+\s+){0,2}?(?:patients?|deaths?|cases?|participants?|events?)\s+(?:of\s+(?:[a-z-]+\s+){1,4}?)?"
    r"(?:(?:were\s+(?:recorded|reported|observed)|occurred)\s+)?|those\s+)?(?:who\s+(?:received|were\s+(?:given|treated\s+with))|receiving"
    r"|in\s+the\s+(?:group|arm)\s+(?:that|who|which)\s+(?:received|were\s+(?:given|treated\s+with))"
    r"|treated\s+with|given|in|with|for|on|among"
    r"|died\s+(?:as\s+a\s+(?:result|consequence)\s+of|because\s+of|due\s+to|of|from))?\s*(?:the\s+)?"
)
_ARM_THEN_FIGURE = re.compile(r"(?i)[\w-]*(?:\s+[\w-]+){0,2}?\s*(?:[(\[,:]\s*)?$")
_EVERY_ARM = re.compile(r"(?i)\b(?:in|of|for)\s+(?:each|both|all)\s+(?:\w+\s+)?(?:groups?|arms?)\b")
_SCHEDULE = re.compile(
    r"(?i)[\s,]*(?:(?:of\s+)?(?:the\s+)?(?:patients|those)\s+)?(?:given|receiving|treated)\s+(?:it\s+|them\s+)?(weekly|daily)\b"
)
_PATIENTS_WITH = re.compile(r"(?i)\bpatients\s+with\s+(?:\w+\s+){0,3}?(?:tumou?rs|metastases|mutations?|\d)")
_CONTRAST = re.compile(r"(?i)\b(?:compared with|as compared|versus|vs\.?|whereas|while|than)\b")
LIST_OPENER = re.compile(r":|\bincluding\b")  # the parts of a figure follow
POOLED = 1.25  # how far a figure's patients may exceed the arm's randomised number


class ArmAssigner:
    """Arms for the figure groups of one sentence's clauses; arm orders carry across them."""

    def __init__(self, text: str, finder: ResultsArms, previous: list[Arm]) -> None:
        self.text = text
        self.finder = finder
        self.previous = list(previous)  # the order the sentences before set
        self.local: list[Arm] = []  # the order an earlier group of this sentence set
        self.local_end = 0  # where that group ends in the sentence
        self.order = list(previous)  # the last order set
        self.found: list[Figure] = []  # the figures of the clause being read
        self.offset = 0  # where that clause starts in the sentence

    def clause(self, found: list[Figure], offset: int) -> None:
        self.found, self.offset = found, offset

    def names_arm_before(self, text: str, paren: tuple[int, int]) -> bool:
        """'crizotinib (54 [52%] of 104)': one figure right after an arm name."""
        inner = text[paren[0] + 1 : paren[1] - 1]
        marks = self.finder.find(text[: paren[0]])
        return (
            len(figures(inner)) == 1
            and bool(marks)
            and re.fullmatch(r"\s*(?:group|arm)?\s*", text[marks[-1][1] : paren[0]]) is not None
        )

    def assign(self, offset: int, text: str, groups: list[Group]) -> None:
        """Arms for each group; a breakdown ('(3 [10%] chest wall pain, ...)') and the items of
        a list after a colon ('2 (3%) ...: 1 because of sepsis and 1 because of ...') are parts
        of the figure before them, in its arm."""
        named = distinct([a for _s, _e, a in self.finder.find(text)])
        for n, g in enumerate(groups):
            stop = groups[n + 1].figures[0].start if n + 1 < len(groups) else len(text)
            prev = groups[n - 1] if n else None
            one_arm = prev is not None and None not in prev.arms and len(set(map(id, prev.arms))) == 1
            if one_arm and g.breakdown:
                g.arms = [prev.arms[0]] * len(g.figures)
                continue
            self.assign_group(offset, text, g, stop, named)
            listed = prev is not None and bool(LIST_OPENER.search(text, groups[0].end, g.start))
            if None in g.arms and one_arm and listed and self._only_prev_named(text, prev, g):
                g.arms = [prev.arms[0]] * len(g.figures)  # no other arm is named before the list

    def _only_prev_named(self, text: str, prev: Group, g: Group) -> bool:
        """No arm other than the one before a list is named between it and the list."""
        return {id(a) for _s, _e, a in self.finder.find(text[prev.end : g.start])} <= {id(prev.arms[0])}

    def assign_group(self, offset: int, text: str, g: Group, stop: int, named: list[Arm]) -> None:
        """Arms for a group's figures (see the module docstring of kg.extraction.safety)."""
        marks = self.finder.find(text)
        sides = factor_pair(text, g, self.finder.finder.groups)
        if sides:
            g.arms = sides
            return
        if _listed_respectively(text, g, marks) or self._one_arm_list(text, g, marks):
            return
        if (grades := grade_run(text, g, stop)) and len(named) == 1:
            g.grades, g.arms = grades, [named[0]] * len(g.figures)  # one event's grades in the one arm named
            return
        g.arms = self._arms_inside(text, g, marks) or [self._arm_before(text, f, g, marks) for f in g.figures]
        last = g.figures[-1].end
        after = [a for s, _e, a in marks if last <= s < stop]
        printed = len({f.start for f in g.figures})
        if printed > 1 and "respectively" in text[last:stop] and len(after) >= printed:
            g.arms = _spread(g, after[:printed])
        for i, f in enumerate(g.figures):
            g.arms[i] = g.arms[i] or self._arm_after(text, f, marks)
        if printed == 1 and None in g.arms:
            nxt = min((x.start for x in self.found if x.start >= last), default=len(text))
            if _EVERY_ARM.search(text, last, nxt) and len(self.finder.arms) > 1:
                g.replicate(self.finder.arms)
                return
            scope = _list_arm(text, g, marks) or self._scope(offset + g.figures[0].start)
            g.arms = [a or scope for a in g.arms]
        self._fill(g, named, text)
        self._only_arm(g, text)
        if None not in g.arms and len({id(a) for a in g.arms}) > 1:
            self.order = self.local = distinct(g.arms)
            self.local_end = offset + g.end

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

    def _arms_inside(self, text: str, g: Group, marks: list[tuple[int, int, Arm]]) -> list[Arm | None]:
        """'(denosumab 4 %, ZA 2 %)': a parenthesis whose every figure follows the name of its
        own arm; empty when one of them does not."""
        if g.paren is None or len({f.start for f in g.figures}) < 2:
            return []
        out: list[Arm | None] = []
        for f in g.figures:
            own = [
                a
                for s, e, a in marks
                if g.paren[0] < s and e <= f.start and re.fullmatch(r"\s*:?\s*", text[e : f.start])
            ]
            out.append(own[-1] if own else None)
        return out if None not in out and len(distinct(out)) == len(out) else []

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
        scheduled = [a for a in self.finder.arms if any(word in (i.frequency or "") for i in a.interventions)]
        return scheduled[0] if len(scheduled) == 1 else None

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
        ...', 'with the weekly schedule', 'in group 1' when no arm is group 1)."""
        missing = [i for i, a in enumerate(g.arms) if a is None]
        if not missing:
            return
        if other_groups(text, self.finder) and len(missing) > 1 and not self._respectively_back(text, g):
            return
        sentence = distinct([a for _s, _e, a in self.finder.find(self.text)])
        orders = (
            ranked_pair(g, text, self.finder) or ranked_clause(g, text, self.finder),
            self.local,
            named,
            sentence,
            self.previous,
            self._comparative_order(g, sentence),
        )
        for order in (*orders, self._factor_sides(g, sentence)):
            if len(order) != len(g.arms):
                continue
            left = [a for a in order if all(a is not b for b in g.arms)]
            if len(left) == len(missing) and all(
                g.arms[i] is None or g.arms[i] is a for i, a in enumerate(order)
            ):
                for i in missing:
                    g.arms[i] = order[i]
                return

    def _respectively_back(self, text: str, g: Group) -> bool:
        """'(20% vs 10% for MFRT vs SFRT, respectively; P = .01) and acute grade 2 through 4
        gastrointestinal toxicity (14% vs 6%, respectively; P = .01) were observed at 3
        months': a parenthesis read 'respectively' that names nothing takes the order of the
        group before it in the sentence; groups named elsewhere in it ('at 3 months') do not
        make that order doubtful, those named between the two do."""
        if g.paren is None or not self.local or "respectively" not in text[g.figures[-1].end : g.paren[1]]:
            return False
        since = self.local_end - self.offset
        return since >= 0 and not other_groups(text[since : g.paren[1]], self.finder)

    def _only_arm(self, g: Group, text: str) -> None:
        """In a single-arm study every figure of one statement is the one arm's ('pyrexia in
        nine (16%), anaemia in three (5%)'), unless the words name groups no arm is ('in
        cohort 2', 'patients with two to four tumours'), a parenthesis holds one figure per group
        ('(6%; 0)'), or one figure is each of several events' ('both of which occurred in 15')."""
        arms = self.finder.arms
        if None in g.arms and events_respectively(g, text, self.finder):
            return
        if not self.finder.single_arm or None not in g.arms or len({f.start for f in g.figures}) > 1:
            return
        inner = text[g.paren[0] + 1 : g.paren[1] - 1] if g.paren is not None else ""
        if sum(bool(re.search(r"\d", part)) for part in re.split(r"[;,]", inner)) > 1:
            return  # '(6%; 0)': one figure per group of patients
        # 'each'/'both' leave a figure unread unless it was split into the events named ('A and B,
        # both of which occurred in 15 (6%)'); another parenthesis's ('fatigue [1 each]') does not
        words = mask(text, [p for p in top_parens(text) if p != g.paren])
        if not len(set(g.terms)) == len(g.figures) > 1 and re.search(r"(?i)\b(?:both|each)\b", words):
            return
        if (
            other_groups(self.text, self.finder)
            or GROUP_REF.search(self.text)
            or _PATIENTS_WITH.search(self.text)
        ):
            return
        g.arms = [a or arms[0] for a in g.arms]

    def _factor_sides(self, g: Group, sentence: list[Arm]) -> list[Arm]:
        """'the use of cetuximab was associated with a higher rate of grade 3 or worse toxic
        effects (205 [86%] of 237 vs 160 [70%] of 228 patients)': a pair after one side of a
        factor names that side, then the other ('no cetuximab')."""
        if len(g.figures) != 2 or len(sentence) != 1 or not sentence[0].pooled_from:
            return []
        other = complement(sentence[0], self.finder.finder.groups)
        return [sentence[0], other] if other is not None else []

    def _comparative_order(self, g: Group, sentence: list[Arm]) -> list[Arm]:
        """'occurring more frequently in patients receiving BV/CP were neutropenia (27% versus
        17%)', 'Arm A had a significantly lower incidence of any drug-related grade 3 to 4
        adverse events (64.0% v 76.8%; ...)': a two-arm trial's pair after words that rank one
        named arm gives that arm's figure first, when the figures rank the same way; a pair
        before the statement that ranks the arm goes by its figures (see ``ranked_after``)."""
        arms = self.finder.arms
        if len(arms) != 2 or len(sentence) != 1 or len(g.figures) != 2:
            return []
        marks = self.finder.find(self.text)
        if marks[0][0] >= self.offset + g.end:  # the pair, then the statement ranking the arm
            return ranked_after(self.text[self.offset + g.end : marks[0][0]], g, sentence[0], arms)
        ranked = RANKED.search(self.text[max(0, marks[0][0] - 60) : marks[0][0]])
        if ranked is None and marks[0][1] <= self.offset + g.figures[0].start:  # the subject, then its pair
            ranked = RANKS_AFTER.match(self.text, marks[0][1])
        return if_ranked(ranked, g, sentence[0], arms)


# an arm that opens the statement after it: '..., and in the chemotherapy group, neutropenia (77.0%)'
_OPENS = re.compile(r"(?i)\s*(?:groups?|arms?)?\s*(?:[,:]|were\b|was\b)")
_LIST_END = re.compile(r"(?is)^(?P<body>.*?)[)\]]?\s*(?:in|among|with|for|on)\s+(?:the\s+)?$")


def _list_arm(text: str, g: Group, marks: list[tuple[int, int, Arm]]) -> Arm | None:
    """'rash or acne (in 66.2% of patients) and diarrhea (46.6%) in the gefitinib group and
    neurotoxic effects (69.9%), neutropenia (67.1%), and alopecia (58.4%) in the
    carboplatin-paclitaxel group': the arm named after a list of events with their figures is
    every item's, when only event names and their parentheses lie between (an arm that opens
    the statement after it, '..., and in the chemotherapy group, neutropenia (77.0%)', is not)."""
    after = [(s, e, a) for s, e, a in marks if s >= g.end]
    if not after or _OPENS.match(text, after[0][1]):
        return None
    between = text[g.end : after[0][0]]
    m = _LIST_END.match(mask(between, top_parens(between)))
    if m is None:
        return None
    body = m.group("body").strip(" )]")
    # ('an increase in alanine aminotransferase (114 [60%])': a change in a laboratory value is an event)
    items = [_CHANGE_IN.sub("", i.strip()) for i in re.split(r",|\band\b|\bor\b", body) if i.strip()]
    if any(event_phrases(i)[:1] != [(0, len(i))] for i in items):
        return None
    return after[0][2]


_CHANGE_IN = re.compile(
    r"(?i)^(?:an?\s+)?(?:increase|decrease|elevation|rise|reduction)s?\s+in\s+(?:the\s+)?"
)


_LIST_GAP = re.compile(r"(?i)\s*(?:,\s*(?:and|or)?|and|or)\s*")
_BEFORE_PAREN = re.compile(r"(?i)\s*(?:groups?|arms?)?\s*")


def _listed_respectively(text: str, g: Group, marks: list[tuple[int, int, Arm]]) -> bool:
    """'on study arms 2 and 3 (19% and 28%, respectively)': a parenthesis of figures read
    'respectively' right after a list of as many arms gives them those arms in order."""
    printed = len({f.start for f in g.figures})
    if g.paren is None or printed < 2 or "respectively" not in text[g.figures[-1].end : g.paren[1]]:
        return False
    listed = _list_before(text, g.paren[0], marks)
    if len(listed) != printed or len(distinct(listed)) != printed:
        return False
    g.arms = _spread(g, listed)
    return True


def _list_before(text: str, start: int, marks: list[tuple[int, int, Arm]]) -> list[Arm]:
    """'on study arms 2 and 3 (19% and 28%, respectively)': the arms listed right before a
    parenthesis, in the order printed; empty when other words stand between them."""
    before = [m for m in marks if m[1] <= start]
    if not before or not _BEFORE_PAREN.fullmatch(text, before[-1][1], start):
        return []
    listed = [before[-1]]
    for m in reversed(before[:-1]):
        if not _LIST_GAP.fullmatch(text, m[1], listed[0][0]):
            break
        listed.insert(0, m)
    return [a for _s, _e, a in listed]


def _spread(g: Group, arms: list[Arm]) -> list[Arm | None]:
    """Arms in figure order for a group whose figures may repeat one printed figure."""
    starts = sorted({f.start for f in g.figures})
    return [arms[starts.index(f.start)] for f in g.figures]


def fits(arm: Arm, f: Figure, arms: list[Arm], each: bool) -> bool:
    """A figure cannot count far more patients than the arm was given: such a figure belongs
    to a pooled group of arms (a factorial trial's 'cetuximab' groups), not to this arm. (A
    safety population may exceed the randomised one a little: 1024 treated of 1006.) With two
    arms the only pooled group is the whole trial, so where a statement gives ``each`` arm its own
    figure, one fits when it counts fewer patients than both arms: the arms' sizes are then those
    of a primary population that the safety population outgrows ('425 patients were randomly
    assigned to receive atezolizumab' in the primary population; 'with atezolizumab (90 [15%] of
    609 patients) versus docetaxel (247 [43%] of 578 patients)')."""
    n = arm.n_randomized
    counted = max(f.n or 0, f.count or 0)
    if n is None or counted <= POOLED * n:
        return True
    sizes = [a.n_randomized for a in arms if not a.pooled_from]
    return each and len(sizes) == len(arms) == 2 and None not in sizes and counted < sum(sizes)
