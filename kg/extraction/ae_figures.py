"""The figures of adverse-event statements and the pieces of text they sit in.

One job: finding, in a clause, every figure that can count patients with an event, in the
ways abstracts print them:

- a count with its percent: '49 [5%]', '71 (38.4%)', '47 patients (11%)', '98/196 [50%]',
  a count whose percent is only bounded ('1 [<1%]': the count is kept, the bound is not a
  percent);
- a percent alone: '29.9%', '86 percent';
- a count alone where words make it one: '8 vs 3 patients', 'in 11 patients', '14 of 219',
  '(n=9)' after an event's name, '288 events among 204 participants' (the participants are
  what is counted);
- a zero: 'vs 0', 'vs none', '(none)', 'none of 445'.

A figure takes its denominator into its span ('49 [5%] of 1024 patients'); 'of the 15
patients who died' marks a subset, whose figures are no arm's summary. Thresholds ('greater
than 2%', '>= 30%'), interval bounds and slash pairs of rates are no figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from kg.extraction.stats import CI_SCAN
from kg.extraction.text import NUM, dec

_PEOPLE = r"(?:patients?|participants?|subjects?|cases?|persons?|people|individuals|women|men|deaths?)"
_UNIT = rf"(?:{_PEOPLE}|events?|episodes?)"
# events counted one by one with their grade: 'One grade 3 neurosensory toxicity occurred in ...',
# 'two grade 3 toxicities', 'one grade 4 neutropenia'
_GRADE_WORDS = r"grades?\s*[1-5](?:\s*(?:or|and|to|-|/)\s*[1-5])?\s+"
_GRADED_EVENT = (
    r"(?:[a-z-]+\s+){0,2}?(?:[\w-]*toxicit(?:y|ies)|(?:adverse\s+)?events?|[a-z-]+(?:itis|penias?))\b"
)
GRADED = re.compile(rf"\s+{_GRADE_WORDS}(?P<event>{_GRADED_EVENT})")
_FIGURE = re.compile(
    rf"(?<![\d.\w/])(?:(?P<count>\d+)(?:\s*/\s*(?P<slash>\d+))?\s*(?:{_UNIT}\s*)?[(\[]\s*(?P<pct>{NUM})\s*(?:%|percent)\s*[)\]]"
    rf"|(?P<pvs>{NUM})\s+(?:vs\.?|versus|v|and(?=\s+{NUM}\s*%,?\s+respectively\b))\s+(?P<pvs2>{NUM})\s*%"
    rf"|(?P<bcount>\d+)\s*(?:{_UNIT}\s*)?[(\[]?\s*<\s*{NUM}\s*%\s*[)\]]"
    rf"|(?P<events>\d+)\s+events?\s+(?:among|in)\s+(?P<among>\d+)\s+{_UNIT}"
    rf"|(?P<only>{NUM})\s*(?:%|percent\b)(?!\s*(?:CI\b|confidence|/|credible|-?{NUM}\s*(?:to|-)\s*-?{NUM}))"
    rf"|(?P<of>\d+)\s+of\s+(?:the\s+)?(?P<ofn>\d+)\b(?!\s*(?:%|percent|months|years|weeks|days))"
    rf"|(?P<plain>\d+)(?=\s+(?:(?:vs\.?|versus|v|and|or)\s+\d+\s+)?(?:[\w-]+\s+){{0,2}}{_PEOPLE}\b|\s+(?:because of|due to)\s"
    rf"|\s+{_GRADE_WORDS}{_GRADED_EVENT})"
    rf"|(?P<vs>\d+)(?=\s+(?:vs\.?|versus|v)\s+\d+\b(?!\s*(?:%|percent|\.\d|months|years|weeks|days))))"
)
_VS_PLAIN = re.compile(r"(?:vs\.?|versus|v|and|or)\s+(?P<n>\d+)\b(?!\s*(?:%|percent|\.\d|[(\[]))")
_N_EQUALS = re.compile(r"[(\[]\s*n\s*=\s*(?P<n>\d+)\s*[)\]]")
_ZERO = re.compile(
    r"(?i)\b(?:vs\.?|versus|v|and)\s+(?P<zero>0|none|no patients)\b(?![.\d%])|[(\[]\s*(?P<alone>0|none)\s*[)\]]"
    r"|\b(?P<noneof>none|0)\s+of\s+(?:the\s+)?(?P<n>\d+)\b"
)
_DENOMINATOR = re.compile(
    r"(?i)\s+of\s+(?:(?:the|all)\s+)?(?:(?P<n>\d+)(?:\s+(?:[a-z-]+\s+)?patients\b)?|(?:[a-z]+\s+)?(?:patients|those)\b)"
    r"(?P<who>\s+who\s+(?!received|were\s+(?:treated|given))\w+)?"
)
_THRESHOLD = re.compile(r"(?i)(?:than|least|most|>|≥|<|≤|=<|>=|up to|over|under|/|aged?|range|≥\s*grade)\s*$")
# counts that state who was studied, not who had an event
_POPULATION = re.compile(  # matched right after the number
    r"(?i)\s*(?:[\w-]+\s+){0,2}?(?:patients?|participants?)\s+(?:(?:were|was)\s+)?(?:in the safety|evaluable|"
    r"enrolled|randomi[sz]ed|assigned|included|eligible|analy[sz]ed|assessable)|\s*(?:safety[- ]evaluable|evaluable|"
    r"assessable|eligible)"
)
_POPULATION_BEFORE = re.compile(r"(?i)(?:\bamong|\bof the|\bof all|\bin all|\bincluding|\btotal of)\s*$")


_BARE = re.compile(
    r"(?i)\b(?:and|vs\.?|versus|compared with)\s+(?P<n>\d+)(?=\s+(?:in|on|with|for|among|who\s+received)\s)"
)
_INCLUDING = re.compile(r"(?i)\bincluding\s+(?P<n>\d+)\s+(?:from|due to|because of|caused by)\s")
_NAMED_BEFORE = re.compile(r"(?i)[a-z]{4,}\s*$")
_HETEROGENEITY = re.compile(r"(?i)\bI\s*(?:\(\s*2\s*\)|2|²)\s*(?:=|:)?\s*" + NUM + r"\s*%")
_RATIO_WORDS = re.compile(r"\b(?:RR|OR|HR|IRR|(?i:ratio|relative risk))\b")


@dataclass
class Figure:
    """One figure: where it is printed, its count and/or percent and stated denominator."""

    start: int
    end: int
    count: int | None
    percent: Decimal | None
    n: int | None
    subset: bool
    plain: bool = False  # a count printed without a percent

    def same_value(self, other: Figure) -> bool:
        return (self.count, self.percent) == (other.count, other.percent)


def figures(text: str) -> list[Figure]:
    """The adverse-event figures of a clause, in order."""
    out: list[Figure] = []
    statistics = _statistics(text)
    for m in _FIGURE.finditer(text):
        if (
            _THRESHOLD.search(text[: m.start()])
            or text[m.end() :].lstrip().startswith("/")
            or any(a <= m.start() < b for a, b in statistics)
        ):
            continue
        out += _read(text, m)
    for m in _N_EQUALS.finditer(text):
        if _NAMED_BEFORE.search(text, 0, m.start()):  # 'Grade 3 pneumonitis (n=2)'
            out.append(Figure(m.start(), m.end(), int(m.group("n")), None, None, False, plain=True))
    for m in _INCLUDING.finditer(
        text
    ):  # '15 treatment-related deaths ..., including 5 from pulmonary hemorrhage'
        out.append(Figure(m.start("n"), m.end("n"), int(m.group("n")), None, None, False, plain=True))
    counted = [f.start for f in out if f.count is not None]
    for m in _BARE.finditer(text):
        if counted and counted[0] < m.start():
            out.append(Figure(m.start("n"), m.end("n"), int(m.group("n")), None, None, False, plain=True))
    for m in _ZERO.finditer(text):
        n = int(m.group("n")) if m.group("n") else None
        start = m.start("zero") if m.group("zero") else m.start()
        out.append(Figure(start, m.end(), 0, None, n, False))
    return _disjoint(sorted(out, key=lambda f: (f.start, -f.end)))


def _statistics(text: str) -> list[tuple[int, int]]:
    """Where numbers are statistics, not patients: confidence intervals ('95% CI 13.6% to
    26.2%'), heterogeneity ('I(2) 66%') and a parenthesis that states a ratio with the size
    of the analysis ('(RR 4.96, 95%CI 2.17 to 11.37; I(2) 66%; 947 participants)')."""
    spans = [m.span() for m in CI_SCAN.finditer(text)]
    spans += [m.span() for m in _HETEROGENEITY.finditer(text)]
    spans += [(a, b) for a, b in top_parens(text) if _RATIO_WORDS.search(text, a, b)]
    return spans


def _read(text: str, m: re.Match) -> list[Figure]:
    if m.group("pvs"):  # '(19 vs 3%)', '(2.8 and 2.2%, respectively)': the percent sign serves both
        first = Figure(m.start("pvs"), m.end("pvs"), None, dec(m.group("pvs")), None, False)
        return [first, Figure(m.start("pvs2"), m.end(), None, dec(m.group("pvs2")), None, False)]
    if m.group("events"):
        return [Figure(m.start(), m.end(), int(m.group("among")), None, None, False)]
    if m.group("of"):
        return [Figure(m.start(), m.end(), int(m.group("of")), None, int(m.group("ofn")), False, plain=True)]
    if m.group("plain") or m.group("vs"):
        if _POPULATION.match(text, m.end()) or _POPULATION_BEFORE.search(text[: m.start()]):
            return []
        first = Figure(
            m.start(), m.end(), int(m.group("plain") or m.group("vs")), None, None, False, plain=True
        )
        nxt = _VS_PLAIN.match(text, m.end() + 1)
        if nxt:
            second = Figure(nxt.start("n"), nxt.end("n"), int(nxt.group("n")), None, None, False, plain=True)
            return [first, second]
        return [first]
    if m.group("bcount"):
        return [_with_denominator(text, m.start(), m.end(), int(m.group("bcount")), None)]
    count = int(m.group("count")) if m.group("count") else None
    figure = _with_denominator(text, m.start(), m.end(), count, dec(m.group("pct") or m.group("only")))
    if m.group("slash"):
        figure.n = int(m.group("slash"))
    return [figure]


def _with_denominator(text: str, start: int, end: int, count: int | None, percent: Decimal | None) -> Figure:
    """A figure with its 'of 1024 patients' denominator taken into its span."""
    d = _DENOMINATOR.match(text, end)
    n = int(d.group("n")) if d and d.group("n") else None
    subset = bool(d and d.group("who"))
    end = d.end() if d and not subset else end
    return Figure(start, end, count, percent, n, subset)


def _disjoint(found: list[Figure]) -> list[Figure]:
    """The figures that do not overlap an earlier (longer) one."""
    out: list[Figure] = []
    for f in found:
        if not any(g.start <= f.start < g.end or f.start <= g.start < f.end for g in out):
            out.append(f)
    return out


def top_parens(text: str) -> list[tuple[int, int]]:
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


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """Blank the spans out, keeping offsets, so words inside them are not read as context."""
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def clauses(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the clauses between top-level semicolons."""
    masked = mask(text, top_parens(text))
    start = 0
    for m in re.finditer(";", masked):
        yield start, m.start()
        start = m.end()
    yield start, len(text)
