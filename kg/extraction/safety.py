"""Adverse-event summaries per arm, and the safety population their figures imply.

An abstract states adverse events as figures (a count with its percent, a percent alone, or
a zero) in sentences whose words say what the figures count:

- "Grade 5 AEs occurred in 14 (7.6%) and 10 (6.0%) patients in the A and B arms,
  respectively (treatment-related in four [2.2%] and one [0.6%], respectively)": the
  category comes from the words before the figures; a '(treatment-related in ...)' aside
  restates the same category restricted to treatment-related events.
- "Grade 3-4 adverse events were dyspnoea (49 [5%] of 1024 patients in the A group vs
  21 [4%] of 477 patients in the B group), and pneumonia (23 [2%] vs 12 [3%])": a figure
  group in parentheses after a listed event names that event (`term`); a group without arm
  names takes the arm order of the group before it.
- "6 (5%) of 115 patients in the A group discontinued because of adverse events": a figure
  with no category words before it takes the ones after it.

Sentences are cut into clauses at top-level semicolons and into segments at ', and' /
', whereas' so that each figure reads the words of its own statement.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from kg.extraction.armrefs import ArmFinder
from kg.extraction.regimens import drug_mentions
from kg.extraction.text import NUM, Sentence, dec
from kg.model import AdverseEventSummary, Arm

_AE = re.compile(
    r"(?i)adverse (?:events?|effects?|reactions?)|\bAEs?\b|toxic effects|toxicit(?:y|ies)|side effects"
)
_RELATED = re.compile(
    r"(?i)\b(?:treatment|drug|study[- ]drug|therapy)[- ]related\b|\brelated to (?:the )?(?:study )?(?:treatment|drug)\b"
)
_OTHER_RELATED = re.compile(r"(?i)\b([\w-]+?)-related\b")
_FIGURE = re.compile(
    rf"(?<![\d.\w])(?:(?P<count>\d+)\s*[(\[]\s*(?P<pct>{NUM})\s*%\s*[)\]]"
    rf"|(?P<only>{NUM})\s*(?:%|percent\b)(?!\s*(?:CI\b|confidence|/)))"
)
_ZERO = re.compile(r"(?i)\b(?:vs\.?|versus|v|and)\s+(?P<zero>0|none|no patients)\b(?![.\d%])")
_DENOMINATOR = re.compile(
    r"(?i)\s+of\s+(?:(?:the|all)\s+)?(?:(?P<n>\d+)(?:\s+(?:[a-z]+\s+)?patients\b)?|(?:[a-z]+\s+)?(?:patients|those)\b)"
    r"(?P<who>\s+who\s+(?!received|were\s+(?:treated|given))\w+)?"
)
_THRESHOLD = re.compile(r"(?i)(?:than|least|most|>|≥|<|≤|up to|over|under|/)\s*$")
_LINK = re.compile(
    r"(?i)[\s,]*(?:patients\s+|those\s+)?(?:who\s+(?:received|were\s+(?:given|treated\s+with))|receiving"
    r"|treated\s+with|given|in|with|for|on|among)?\s*(?:the\s+)?"
)
_ASIDE = re.compile(r"\((?:treatment|drug)[- ]related\s+in\s+(?P<body>[^()]*)\)")
_SEGMENT = re.compile(r",\s+(?:and|but|whereas|while)\s+(?![^(]*\))")
_TERM_OPENER = re.compile(
    r"(?is)^.*(?P<opener>\b(?:were|was|included|including|specifically|such as|namely|mainly)\b|:|,|\band\b)\s*(?P<term>[^,:;]*?)\s*$"
)
_NOT_TERM = re.compile(
    r"(?i)\b(?:with|than|in|for|group|groups|arms?|patients|between|similar|higher|lower|greater|fewer|more|less"
    r"|frequent\w*|common|reported|observed|occurred|occurring|seen|noted|adverse|events?|toxicit\w+|rates?"
    r"|the|there|no|any|all|grade|serious)\b|\d"
)
_DISCONTINUATION = re.compile(
    r"(?i)\bdiscontinu\w*(?:\s+\S+){0,5}?\s+(?:because of|due to|owing to|for)\s+(?:\S+\s+){0,2}?(?:adverse|toxic|side)"
    r"|(?:adverse events?|AEs?|toxic\w*)\s+(?:\S+\s+){0,3}?(?:leading|led)\s+to\s+(?:\S+\s+){0,2}?discontinu"
)
_NOT_SUMMARY = re.compile(r"(?i)\bdose\s+(?:interruption|reduction|modification|delay)s?|\binterruptions?\b")
_DEATH = re.compile(
    r"(?i)\bfatal\b|\bgrade\s*5\b|\bled to death|\bresulted in death|\b[\w-]+[- ]related deaths?\b"
    r"|\bdeaths?\s+(?:due to|from|related to|attributed to|caused by)\s+(?:\S+\s+){0,2}?(?:adverse|toxic|treatment)"
)
_NONE_OCCURRED = re.compile(
    r"(?i)^\s*(?:there were\s+)?no\s+(?P<what>.{1,80}?)\s+(?:occurred|were\s+(?:reported|observed|seen|noted))\b(?P<where>[^.;]*)"
)


def ae_category(phrase: str) -> str:
    """The gold category a phrase names; 'any' when it names none."""
    p = phrase.lower()
    if "discontinu" in p:
        return "leading to discontinuation"
    if "serious" in p:
        return "serious"
    if re.search(r"grade\s*(?:3|iii)\s*(?:/|or|to|-)\s*(?:4|iv)\b(?!,?\s*(?:or\s+)?5)", p):
        return "grade 3-4"
    if re.search(
        r"grade\s*(?:3|iii)\s*(?:or (?:higher|worse|above|greater)|\+|to 5|-5|,\s*4,?\s*or\s*5)|grade\s*(?:≥|>=)\s*3",
        p,
    ):
        return "grade >=3"
    if re.search(r"grade\s*(?:1|i)\s*(?:/|or|to|-)\s*(?:2|ii)\b", p):
        return "grade 1-2"
    for grade in ("5", "4", "3"):
        if re.search(rf"grade\s*{grade}\b", p):
            return f"grade {grade}"
    if re.search(r"\bfatal\b|\bdeaths?\b", p):
        return "grade 5"
    return "any"


def _cues(text: str) -> list[tuple[int, str | None]]:
    """(position, category) for every phrase that says what a figure counts.

    None marks a phrase that makes the figures something other than an adverse-event
    summary (dose interruptions), so they are skipped rather than read as 'any'.
    """
    found: list[tuple[int, str | None]] = [(m.start(), None) for m in _NOT_SUMMARY.finditer(text)]
    found += [(m.start(), "leading to discontinuation") for m in _DISCONTINUATION.finditer(text)]
    found += [(m.start(), "grade 5") for m in _DEATH.finditer(text)]
    found += [(m.start(), "serious") for m in re.finditer(r"(?i)\bserious\b", text)]
    found += [(m.start(), "any") for m in re.finditer(r"(?i)\b(?:any|all)[- ]grades?\b", text)]
    for m in re.finditer(
        r"(?i)\bgrades?\s*(?:≥|>=)?\s*(?:[1-5]|i{1,3}|iv)\b(?:\s*(?:,\s*(?:or|and)?|/|or|to|-|and)\s*(?:[1-5]|iv|v)\b)*(?:\s+or\s+(?:higher|worse|above|greater))?",
        text,
    ):
        found.append((m.start(), ae_category(m.group(0))))
    return sorted(found, key=lambda c: c[0])


def _related(text: str) -> bool:
    """True when the words restrict events to those the treatment caused.

    'cetuximab-related' counts when the word before '-related' is a drug; 'immune-related'
    names a kind of event, not its cause.
    """
    if _RELATED.search(text):
        return True
    return any(drug_mentions(m.group(1)) for m in _OTHER_RELATED.finditer(text))


@dataclass
class _Figure:
    start: int
    end: int
    count: int | None
    percent: Decimal | None
    n: int | None
    subset: bool
    group: int = 0


@dataclass
class _Group:
    figures: list[_Figure]
    paren: tuple[int, int] | None
    term: str | None = None
    arms: list[Arm | None] = field(default_factory=list)


def _figures(text: str) -> list[_Figure]:
    """Adverse-event figures in a clause: not thresholds ('greater than 2%'), CIs or slash pairs."""
    out = []
    for m in _FIGURE.finditer(text):
        if _THRESHOLD.search(text[: m.start()]) or text[m.end() :].lstrip().startswith("/"):
            continue
        count = int(m.group("count")) if m.group("count") else None
        out.append(_figure(text, m.start(), m.end(), count, dec(m.group("pct") or m.group("only"))))
    for m in _ZERO.finditer(text):
        out.append(_figure(text, m.start("zero"), m.end("zero"), 0, None))
    return sorted(out, key=lambda f: f.start)


def _figure(text: str, start: int, end: int, count: int | None, percent: Decimal | None) -> _Figure:
    """A figure with its 'of 1024 patients' denominator taken into its span."""
    d = _DENOMINATOR.match(text, end)
    n = int(d.group("n")) if d and d.group("n") else None
    subset = bool(d and d.group("who"))
    end = d.end() if d and not subset else end
    return _Figure(start, end, count, percent, n, subset)


def _top_parens(text: str) -> list[tuple[int, int]]:
    """Spans of the outermost parentheses/brackets."""
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "([":
            if depth == 0:
                start = i
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    return spans


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """Blank the spans out, keeping offsets, so words inside them are not read as context."""
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _clauses(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the clauses between top-level semicolons."""
    masked = _mask(text, _top_parens(text))
    start = 0
    for m in re.finditer(";", masked):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def adverse_events(
    sents: list[Sentence], arms: list[Arm], finder: ArmFinder | None = None
) -> list[AdverseEventSummary]:
    """Per-arm adverse-event figures from results sentences (methods only plan them)."""
    finder = finder or ArmFinder(arms)
    out: list[AdverseEventSummary] = []
    for s in sents:
        zero = _none_occurred(s.norm, finder)
        if zero:
            out += _with_evidence(s, zero)
            continue
        if not _AE.search(s.norm):
            continue
        main = s.norm
        for aside in _ASIDE.finditer(s.norm):
            main = main[: aside.start()] + " " * len(aside.group(0)) + main[aside.end() :]
        reader = _SentenceReader(main, finder)
        found = reader.read()
        for aside in _ASIDE.finditer(s.norm):
            found += reader.aside(aside.group("body"))
        out += _with_evidence(s, found)
    return out


def _with_evidence(s: Sentence, events: list[AdverseEventSummary]) -> list[AdverseEventSummary]:
    """Each figure's span in its sentence: the first not yet used place that prints it
    ('71 (38.4%)', '[5%]', 'none'); a figure the words imply ('no ... in either group')
    points at the whole sentence."""
    used: list[tuple[int, int]] = []
    for e in events:
        span = None
        for m in re.finditer(_figure_pattern(e), s.norm):
            if not any(a < m.end() and m.start() < b for a, b in used):
                span = (m.start(), m.end())
                break
        used.append(span or (0, 0))
        e.evidence = s.evidence(*(span or (0, len(s.norm))))
    return events


def _figure_pattern(e: AdverseEventSummary) -> str:
    pct = rf"{re.escape(str(e.percent))}\s*%" if e.percent is not None else None
    if e.count is not None and pct:
        return rf"(?<![\d.]){e.count}\s*[(\[]\s*{pct}\s*[)\]]?"
    if pct:
        return rf"(?<![\d.]){pct}"
    if e.count:
        return rf"(?<![\d.]){e.count}(?![\d.])"
    return r"\b(?:none|no|0)\b"


def _summary(f: _Figure, arm: Arm, category: str, related: bool, term: str | None) -> AdverseEventSummary:
    return AdverseEventSummary(
        arm=arm.label,
        category=category,
        treatment_related=related,
        term=term,
        count=f.count,
        percent=f.percent,
        n_analysed=f.n,
    )


class _SentenceReader:
    """Reads one sentence clause by clause, carrying the last arm order across clauses."""

    def __init__(self, text: str, finder: ArmFinder) -> None:
        self.text = text
        self.finder = finder
        self.order: list[Arm] = []
        self.last_category: str | None = None

    def read(self) -> list[AdverseEventSummary]:
        out: list[AdverseEventSummary] = []
        for start, end in _clauses(self.text):
            out += self._clause(self.text[start:end])
        return out

    def aside(self, body: str) -> list[AdverseEventSummary]:
        """'(treatment-related in four [2.2%] and one [0.6%], respectively)': the last
        category read, restricted to treatment-related events, in the last arm order."""
        if self.last_category is None:
            return []
        g = _Group(_figures(body), None)
        self._assign_group(body, g, len(body), [])
        return [
            _summary(f, arm, self.last_category, True, None)
            for f, arm in zip(g.figures, g.arms, strict=True)
            if arm is not None
        ]

    def _clause(self, text: str) -> list[AdverseEventSummary]:
        figures = _figures(text)
        if not figures or any(f.subset for f in figures):
            return []
        parens = _top_parens(text)
        segments = [0] + [m.end() for m in _SEGMENT.finditer(_mask(text, parens))] + [len(text)]
        groups = self._groups(text, figures, parens, segments)
        self._assign(text, groups)
        out = []
        for g in groups:
            if len({id(a) for a in g.arms}) < len(g.arms) or None in g.arms:
                continue
            for f, arm in zip(g.figures, g.arms, strict=True):
                context = self._category(text, f, g, parens, segments)
                if context is None or arm is None:
                    continue
                category, related = context
                self.last_category = category
                out.append(_summary(f, arm, category, related, g.term))
        return out

    def _groups(
        self, text: str, figures: list[_Figure], parens: list[tuple[int, int]], segments: list[int]
    ) -> list[_Group]:
        """Figures that compare the arms on one statement: one parenthesis, or a run of figures
        with no cue and no segment break between them."""
        groups: list[_Group] = []
        for f in figures:
            paren = next((p for p in parens if p[0] <= f.start < p[1]), None)
            if paren and self._arm_paren(text, paren):
                paren = None
            prev = groups[-1] if groups else None
            gap = text[prev.figures[-1].end : f.start] if prev else ""
            split = (
                prev is not None
                and paren is None
                and (_cues(gap) or any(gap and prev.figures[-1].end <= b <= f.start for b in segments))
            )
            if prev and prev.paren == paren and not split:
                prev.figures.append(f)
                continue
            term = _term(text, paren, groups, self.finder) if paren else None
            groups.append(_Group([f], paren, term))
        return groups

    def _arm_paren(self, text: str, paren: tuple[int, int]) -> bool:
        """'crizotinib (54 [52%] of 104)': one figure right after an arm name."""
        inner = text[paren[0] + 1 : paren[1] - 1]
        marks = self.finder.find(text[: paren[0]])
        return (
            len(_figures(inner)) == 1
            and bool(marks)
            and re.fullmatch(r"\s*", text[marks[-1][1] : paren[0]]) is not None
        )

    def _assign(self, text: str, groups: list[_Group]) -> None:
        named = _distinct([a for _s, _e, a in self.finder.find(text)])
        for n, g in enumerate(groups):
            stop = groups[n + 1].figures[0].start if n + 1 < len(groups) else len(text)
            self._assign_group(text, g, stop, named)

    def _assign_group(self, text: str, g: _Group, stop: int, named: list[Arm]) -> None:
        """Arms for a group's figures: the arm named right before a lone figure ('crizotinib
        (54 [52%] of 104)'); the arms named after a run and its 'respectively'; the arm named
        right after each figure ('7% of the patients in the A group'); else an order the text
        set (see _fill)."""
        marks = self.finder.find(text)
        g.arms = [self._arm_before(text, f, g, marks) for f in g.figures]
        last = g.figures[-1].end
        after = [a for s, _e, a in marks if last <= s < stop]
        if len(g.figures) > 1 and "respectively" in text[last:stop] and len(after) >= len(g.figures):
            g.arms = after[: len(g.figures)]
        for i, f in enumerate(g.figures):
            g.arms[i] = g.arms[i] or next(
                (a for s, _e, a in marks if f.end <= s <= f.end + 60 and _LINK.fullmatch(text[f.end : s])),
                None,
            )
        self._fill(g, named)
        if None not in g.arms:
            self.order = list(g.arms)

    def _arm_before(self, text: str, f: _Figure, g: _Group, marks: list[tuple[int, int, Arm]]) -> Arm | None:
        """'crizotinib (54 [52%] of 104)' or 'pemetrexed, 71%': the arm named right before a
        lone figure (a parenthesis holding two figures compares arms, it belongs to neither)."""
        if len(g.figures) > 1 and g.paren is not None:
            return None
        before = [(e, a) for _s, e, a in marks if e <= f.start]
        if before and re.fullmatch(r"\s*(?:[(\[,:]\s*)", text[before[-1][0] : f.start]):
            return before[-1][1]
        return None

    def _fill(self, g: _Group, named: list[Arm]) -> None:
        """Figures still without an arm take the arms left over from an order the text set.

        The order is the previous group's ('(29 [3%] vs 6 [1%])' after a group naming both
        arms), else the arms the clause names, else the design order.
        """
        missing = [i for i, a in enumerate(g.arms) if a is None]
        if not missing:
            return
        for order in (self.order, named, self.finder.arms):
            if len(order) != len(g.arms):
                continue
            left = [a for a in order if all(a is not b for b in g.arms)]
            if len(left) == len(missing) and all(
                g.arms[i] is None or g.arms[i] is a for i, a in enumerate(order)
            ):
                for i in missing:
                    g.arms[i] = order[i]
                return

    def _category(
        self,
        text: str,
        f: _Figure,
        g: _Group,
        parens: list[tuple[int, int]],
        segments: list[int],
    ) -> tuple[str, bool] | None:
        """Category and relatedness of a figure, or None when it is no adverse-event figure.

        The last cue before the figure in its segment wins; failing that a cue inside its own
        parenthesis or after it in the segment ('..., grade 3)', '... discontinued because of
        adverse events'); failing that the last cue earlier in the clause.
        """
        seg_start = max(s for s in segments if s <= f.start)
        seg_end = min(s for s in segments if s > f.start)
        others = [p for p in parens if p != g.paren]
        masked = _mask(text, others)
        before = masked[seg_start : f.start]
        own_after = text[f.end : g.paren[1]] if g.paren else ""
        after = masked[f.end : seg_end]
        for k, region in enumerate((before, own_after, after)):
            cues = _cues(region)
            if cues:
                pick = cues[-1] if k == 0 else cues[0]
                return self._context(pick[1], before if k == 0 else f"{before} {region}")
        clause_before = masked[: f.start]
        cues = _cues(clause_before)
        if cues:
            return self._context(cues[-1][1], clause_before)
        if _AE.search(before + " " + after) or (g.term and _AE.search(clause_before)):
            return "any", _related(clause_before + " " + after)
        return None

    @staticmethod
    def _context(category: str | None, words: str) -> tuple[str, bool] | None:
        """A cue counts only when its words are about adverse events ('any grade' of a
        response is not an adverse-event figure); None cues (dose interruptions) never do."""
        if category is None or not _AE.search(words) and category == "any":
            return None
        return category, _related(words)


def _term(text: str, paren: tuple[int, int], groups: list[_Group], finder: ArmFinder) -> str | None:
    """The event a parenthesised figure group belongs to: 'were dyspnoea (', ', and pneumonia ('."""
    prev_end = groups[-1].paren[1] if groups and groups[-1].paren else 0
    lead = _mask(text, [p for p in _top_parens(text) if p[1] <= paren[0]])[prev_end : paren[0]]
    m = _TERM_OPENER.search(lead)
    if not m:
        return None
    term = re.sub(r"\s+", " ", m.group("term")).strip()
    opener = m.group("opener").lower()
    follows_term = bool(groups) and groups[-1].term is not None
    if opener in (",", "and") and not follows_term:
        return None
    if not term or len(term.split()) > 8 or _NOT_TERM.search(term) or finder.find(term):
        return None
    return term[0].lower() + term[1:] if not term[:2].isupper() else term


def _distinct(arms: list[Arm]) -> list[Arm]:
    """Arms in order of first mention, each once (arms are not hashable)."""
    out: list[Arm] = []
    for a in arms:
        if all(a is not b for b in out):
            out.append(a)
    return out


def _none_occurred(text: str, finder: ArmFinder) -> list[AdverseEventSummary]:
    """'No adverse events with a fatal outcome occurred in either treatment group': zero counts.

    The zero goes to the arm the words name ('no pemetrexed-related deaths'), else to every
    arm; 'no new adverse events' reports nothing countable.
    """
    m = _NONE_OCCURRED.match(text)
    if not m or re.search(r"(?i)\b(?:new|unexpected|additional|further|other|safety)\b", m.group("what")):
        return []
    what = m.group("what")
    if not (_AE.search(what) or re.search(r"(?i)\bdeaths?\b|\bfatal\b", what)):
        return []
    category = ae_category(what)
    named = [a for _s, _e, a in finder.find(what + " " + m.group("where"))]
    if re.search(r"(?i)\b(?:either|both|any|all)\b", m.group("where")):
        named = []
    targets = _distinct(named) or finder.arms
    return [
        AdverseEventSummary(arm=a.label, category=category, treatment_related=_related(what), count=0)
        for a in targets
    ]


def implied_population(events: list[AdverseEventSummary], arm: str) -> int | None:
    """Patients analysed for safety in an arm: the one stated denominator ('of 1024
    patients') that every count/percent pair allows, else the one whole number they imply.

    71 patients = 38.4% leaves only 185 (184.7 to 185.1 under rounding to one decimal); a
    single figure rarely pins it down, several together usually do. A denominator stated for
    one outcome only ('8 (7%) of 116' randomised) is dropped when the pairs rule it out.
    """
    low, high = _bounds([e for e in events if e.arm == arm and not e.term])
    stated = {e.n_analysed for e in events if e.arm == arm and e.n_analysed is not None}
    fitting = {n for n in stated if low <= n <= high}
    if len(fitting) == 1:
        return fitting.pop()
    if stated or (low, high) == (0.0, math.inf):
        return None
    candidates = range(math.ceil(low), math.floor(high) + 1)
    return candidates[0] if len(candidates) == 1 else None


def _bounds(events: list[AdverseEventSummary]) -> tuple[float, float]:
    """The range of patient numbers every count/percent pair rounds to."""
    low, high = 0.0, math.inf
    for e in events:
        if e.count is None or e.percent is None or e.percent == 0:
            continue
        half = Decimal(5) * Decimal(10) ** (e.percent.as_tuple().exponent - 1)
        lo_pct, hi_pct = float(e.percent - half), float(e.percent + half)
        low = max(low, 100 * e.count / hi_pct)
        high = min(high, 100 * e.count / lo_pct if lo_pct > 0 else math.inf)
    return low, high
