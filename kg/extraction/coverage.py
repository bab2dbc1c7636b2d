"""Which numbers printed in an abstract's results sentences became facts.

One job: a gold-free measure of recall. A results sentence prints figures; each figure a
fact was read from lies inside that fact's evidence span (a span covers the estimate, its
interval and its p-value). The numbers no span covers are what extraction missed: the
extraction report lists their sentences, and the pool benchmark counts them.

What counts as "a number printed in a results sentence":

- A results sentence is one under a results heading: a label naming results or findings
  ('RESULTS', 'MAIN RESULTS', 'METHODS AND FINDINGS'), printed as a section label or inline
  at the start of a sentence, as one-paragraph abstracts do ('... Results A total of 265
  patients ...'). An abstract with no results heading at all is read by what its sentences
  report: from the first sentence that speaks of the study itself ('we', 'this study',
  'patients were enrolled/randomised/treated'; what comes before is background), every
  sentence outside a background, aims or methods heading that prints a statistic (a
  percentage, a p-value, a confidence interval, a ratio, a median or mean, 'n of N').
- Every number counts except those that are never a figure on their own: parts of names
  ('PD-L1', 'NCT01234567', 'T790M', 'mg/m2', 'chi(2) test'), labels and ordinals ('grade 3/4',
  'grade 3 + 4', 'grades 3, 4, or 5', 'G3/4', 'stage 2', 'T(2)', 'cycle 1 day 8', 'phase 3',
  'arm 1', 'regimen 2', 'version 4.0', 'a performance status of 0 or 1'), the items of an
  enumeration ('(1) ... and (2) ...'), the age that bounds a subgroup ('younger than 70 years',
  '70 years or older'), the fractions that name a radiotherapy schedule ('the 10 x 3-Gy arm'), 'at least one' in what an event count counts, landmark times
  ('1-year survival', 'at 2 years', 'Two-, 3-, and 5-year'), years and dates ('April 16,
  2014'), the level of an interval ('95% CI'), unit denominators ('per 100,000'), doses,
  which name a regimen ('90 mg once daily'), counts of the design's own parts ('the two
  treatment arms', 'all three regimens'), and the threshold a listing of the most common events
  is cut at ('The most frequent (≥ 30%) adverse reactions', 'The most common (>5%)'): it
  says which events are listed, not how many patients had one. Interval bounds and p-values do
  count: a fact that took a statistic took them with it. Bracketed numbers are not taken for reference
  marks: abstracts print none, and a bracket there holds an interval ('vs 6 months [4-17]').
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from kg.extraction.design import PRINTED_REGISTRY_IDS
from kg.extraction.text import NUM, Sentence, dec
from kg.model import Evidence, Trial

Span = tuple[int, int]

__all__ = ["NumberCoverage", "counted_numbers", "number_coverage", "results_sentences", "trial_coverage"]


@dataclass(frozen=True)
class NumberCoverage:
    """One results sentence: the printed spans of the numbers counted and of those a fact took."""

    sentence: Sentence
    counted: tuple[Span, ...]
    covered: tuple[Span, ...]

    @property
    def uncovered(self) -> tuple[Span, ...]:
        return tuple(span for span in self.counted if span not in self.covered)


def number_coverage(
    sents: Sequence[Sentence],
    evidence: Iterable[Evidence | None],
    read: Collection[str] = (),
    values: Collection[Decimal] = (),
) -> list[NumberCoverage]:
    """Coverage of every results sentence that prints a counted number.

    ``read``: sentences a rule read as a whole (every number in them is covered); ``values``:
    figures a record keeps without an evidence span, covered wherever they are printed.
    """
    spans: dict[str, list[Span]] = {}
    for ev in evidence:
        if ev is not None:
            spans.setdefault(ev.sentence, []).append((ev.start, ev.end))
    out = []
    for s in results_sentences(sents):
        counted = _counted(s)
        if not counted:
            continue
        taken = spans.get(s.text, [])
        covered = tuple(
            (a, b)
            for (a, b), value in counted.items()
            if s.text in read or value in values or any(x <= a < y for x, y in taken)
        )
        out.append(NumberCoverage(s, tuple(counted), covered))
    return out


def trial_coverage(trial: Trial | None, sents: Sequence[Sentence]) -> list[NumberCoverage]:
    """Coverage of an extracted trial's abstract (None: no trial, so nothing is covered).

    A figure the record keeps without a span (the number randomised) is covered wherever its
    value is printed in a results sentence.
    """
    if trial is None:
        return number_coverage(sents, [])
    facts = [
        *trial.arm_results,
        *trial.comparisons,
        *trial.adverse_events,
        *trial.participant_flow,
        *trial.baseline,
    ]
    evidence = [f.evidence for f in facts] + [a.size_evidence for a in trial.arms] + trial.follow_up_evidence
    values = {Decimal(trial.n_randomized)} if trial.n_randomized is not None else set()
    return number_coverage(sents, evidence, values=values)


# --- which sentences are results ------------------------------------------------------------

_RESULTS_LABEL = re.compile(r"(?i)\b(?:results?|findings)\b")
_OTHER_LABEL = re.compile(
    r"(?i)\b(?:background|introduction|context|purpose|aims?|objectives?|rationale|importance|"
    r"methods?|methodology|design|setting|patients|participants|subjects|materials|interventions?|"
    r"measures?|measurements|search|selection|criteria|data|population)\b"
)
_HEADINGS = (
    r"Background|Introduction|Context|Purpose|Aims?|Objectives?|Rationale|Importance|"
    r"(?:Patients|Materials|Subjects|Participants)(?: and| &) Methods|Methods(?: and (?:Materials|Findings|Results))?|"
    r"Methodology|Experimental Design|Design|Setting|Participants|Interventions?|"
    r"Main Outcome Measures?|Results?|Main Results|Findings|Conclusions?|Interpretation|Discussion|"
    r"Summary|Trial Registration|Funding"
)
_INLINE_HEADING = re.compile(rf"^(?:{_HEADINGS}|{_HEADINGS.upper()})(?::\s*|\s+(?=[A-Z0-9(\[]))")
_OWN_STUDY = re.compile(
    r"(?i)\b(?:we|our|this|the present|the current)\b|\b(?:randomi[sz]ed|randomly|enrolled|accrued|recruited|"
    r"entered|assigned|allocated)\b|\b(?:were|was)\s+(?:\w+\s+)?(?:treated|included|analy[sz]ed|evaluated|given)\b"
)
_STATISTIC = re.compile(
    r"(?i)%|\bper\s?cent\b|\bp\s*(?:[<=>\u2264\u2265]|value)|\bconfidence interval|\bCI\b|\b(?:hazard|odds|risk|rate) ratio|"
    r"(?-i:\b(?:HR|OR|RR)\b)|\b(?:median|mean)\b|\b\d+ (?:of|out of) \d+\b"
)


def results_sentences(sents: Sequence[Sentence]) -> list[Sentence]:
    """The sentences that report results, by heading where the abstract has one, else by content."""
    headed = _headings(sents)
    if any(h is not None and _RESULTS_LABEL.search(h) for h in headed):
        return [s for s, h in zip(sents, headed, strict=True) if h is not None and _RESULTS_LABEL.search(h)]
    first = next((i for i, s in enumerate(sents) if _OWN_STUDY.search(s.norm)), len(sents))
    return [
        s
        for s, h in zip(sents[first:], headed[first:], strict=True)
        if not (h and _OTHER_LABEL.search(h)) and _reports_statistic(s)
    ]


def _headings(sents: Sequence[Sentence]) -> list[str | None]:
    """Each sentence's heading: its section label, or the inline heading it follows."""
    out: list[str | None] = []
    section, inline = None, None
    for s in sents:
        if s.section != section:
            section, inline = s.section, None
        m = _INLINE_HEADING.match(s.text)
        if m:
            inline = m.group().strip(": ")
        label = s.section if s.section and s.section.upper() != "UNLABELLED" else None
        out.append(inline or label)
    return out


def _reports_statistic(s: Sentence) -> bool:
    return bool(_STATISTIC.search(s.norm)) and bool(counted_numbers(s))


# --- which numbers count -------------------------------------------------------------------

_NUMBER = re.compile(rf"(?<![\d.]){NUM}")
_LABEL_WORDS = (
    r"grades?|stages?|phases?|cycles?|days?|weeks?|months?|years?|exons?|codons?|chromosomes?|"
    r"versions?|types?|class|levels?|steps?|lines?|arms?|cohorts?|groups?|parts?|figures?|fig|"
    r"tables?|studies|study|trials?|regimens?|performance status|PS|CTCAE|RECIST|ligand|receptor|"
    r"programmed (?:cell )?death"
)
_TIME_UNIT = r"(?:years?|months?|weeks?|days?|hours?|h|min(?:utes?)?)"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
# where a label starts a list of numbers: 'grade 3/4', 'days 1, 8, and 15', 'grade >= 3'
_LABEL = re.compile(
    rf"(?i)\b(?=[acdefglmprstvwy])(?:{_LABEL_WORDS}|(?:performance status|PS)(?:\s+score)?\s+of)\s*(?:[<>\u2264\u2265]=?|[<>]\s*or\s*=)?\s*"
    r"(\d+(?:\.\d+)?(?:\s*(?:[/,&+-]|,?\s*(?:or|and)|to|through)?\s*\d+(?:\.\d+)?)*)"
)
# numbers that are never figures, found once per sentence (group 1 is the number)
_MARKED = (
    re.compile(r"(?i)\bper\s+(\d)"),  # a unit's denominator: 'per 100,000'
    # 'patients with at least one grade 3 or worse adverse event': which events, not how many
    re.compile(r"(?i)\bat least\s+(1)\b(?!\s*(?:%|percent|\.\d))"),
    # the threshold of a listing: 'The most frequent (≥ 30%) adverse reactions', 'most common (>5%)'
    re.compile(r"(?i)\b(?:common|frequent)\w*\s*\(\s*(?:[<>\u2264\u2265]=?|[<>] or =)\s*(\d[\d.]*)\s*%\s*\)"),
    re.compile(
        rf"(?i)\b(?=[abeflntuw])(?:at|after|within|beyond|through|until|up to|every|first|last|next)\s+"
        rf"(\d[\d.]*)\s*{_TIME_UNIT}\b"
    ),
    re.compile(r"(?i)\b(?:chi|\u03c7)\s*[(\[^]\s*(\d)\b"),  # a test's degree: 'chi(2) test'
    # a landmark printed without its hyphen: 'with 1 year survival at 48.9 and 34.4%'
    re.compile(
        r"(?i)\b(\d+)\s+(?:years?|months?)\s+(?:(?:overall|progression-free|disease-free|relapse-free)\s+)?"
        r"(?:survival|OS|PFS|DFS|local\s+control)\b"
    ),
    re.compile(rf"\b(?=[JFMASOND]){_MONTH}\s+(\d\d?)\b"),  # 'April 16'
    re.compile(rf"\b(\d\d?)\s+(?=[JFMASOND]){_MONTH}(?:\s|,|$)"),  # '16 April'
    # a trial's mixed-case name: 'LUX-Lung 3', 'CheckMate 057', 'IMpower 150'
    re.compile(r"\b[A-Z](?=[A-Za-z-]*[a-z])[a-z]*-?[A-Z][A-Za-z-]*\s+(\d)"),
    re.compile(r"\b[pcy]?[TNM]\s*\((\d)\)"),  # a TNM category printed with its subscript: 'T(2) versus T(1)'
    re.compile(r"\bG\d\s*/\s*(\d)\b"),  # 'G3/4': the grades
    # the number of fractions naming a radiotherapy schedule: '10 x 3-Gy arm'
    re.compile(r"(?i)\b(\d+)\s*[x\u00d7]\s*\d[\d.]*\s*-?\s*c?Gy\b"),
    # the age that bounds a group: 'younger than 70 years', '70 years or older', 'aged >= 65 years'
    re.compile(r"(?i)\b(?:younger|older)\s+than\s+(\d+)"),
    re.compile(r"(?i)\b(\d+)\s+years?\s+(?:old\s+)?(?:or|and)\s+(?:older|over|above|younger)\b"),
    re.compile(r"(?i)\baged?\s*(?:[<>\u2264\u2265]=?|[<>]\s*or\s*=)\s*(\d+)"),
)
# the items of an enumeration: 'defined as (1) the percentage change ... and (2) the proportion'
# (only where the sentence numbers at least two: one '(2)' alone may be a count)
_LIST_MARKER = re.compile(r"(?:(?<=\s)|^)\((\d)\)\s+(?=[a-z])")
_VALUE_AFTER = re.compile(r"\s*(?:%|per\s?cent)")
_COUNT_AFTER = re.compile(r"(?i)\s*\(|\s+(?:in|of|patients|participants|were|was|had)\b")
_NAME_NEXT = re.compile(
    r"(?!-(?:fold|points?|percent|not|NR|NE|NA)\b)(?:\s?-)?[A-Za-z]|:\d|-\s*(?:,|and\b|or\b|to\b)"
)
_CI_LEVEL = re.compile(r"(?i)\s*%\s*(?:CI\b|CrI\b|confidence|credib|Bayesian)")
_DOSE_AFTER = re.compile(
    r"(?i)\s*(?:mg|g|\u00b5g|\u03bcg|mcg|ng|iu|ml|gy|cgy|mbq|mci|fractions?)(?:/(?:m2|kg|day|d|week|l))?\b"
)
_DESIGN_COUNT = re.compile(
    r"(?i)\s+(?:(?:treatment|study|randomi[sz]ed|trial|experimental|dose|chemotherapy)\s+)?"
    r"(?:arms|groups|regimens|treatments|cohorts|strata|schedules|modalities|strategies)\b"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_QUANTITY_AFTER = re.compile(
    r"(?i)\s*(?:%|\.\d|patients|participants|subjects|people|persons|individuals|cases|women|men|"
    r"children|events|deaths|days)"
)


def counted_numbers(s: Sentence) -> tuple[Span, ...]:
    """The printed spans (in ``s.text``) of the numbers a results sentence counts as figures."""
    return tuple(_counted(s))


def _counted(s: Sentence) -> dict[Span, Decimal]:
    """Each counted number's printed span and value ('Eighty-two' is one number, 82)."""
    text = s.norm
    names = [m.span() for m in PRINTED_REGISTRY_IDS.finditer(text)]
    marked = _marked(text)
    out: dict[Span, Decimal] = {}
    for m in _NUMBER.finditer(text):
        if m.start() in marked or any(a <= m.start() < b for a, b in names) or _incidental(text, m):
            continue
        span = s.printed(m.start(), m.end())
        if s.text[span[0] : span[1]].lower() != "none":  # a zero in words prints no figure
            out.setdefault(span, dec(m.group()))
    return out


def _marked(text: str) -> set[int]:
    """Where the numbers that a label or a context makes incidental start, read once per sentence.

    After a label the first number is a label ('arm 1', 'version 4.0'); the next ones are while
    they are whole numbers, not values ('grades 3, 4, or 5', but 'arm 1 and 19.2%'), nor counts
    after a comma ('performance status of 0 or 1, 28 (45%) had stage IIIA', '67 in Arm 2, and 66
    in Arm 3').
    """
    starts = {m.start(1) for pattern in _MARKED for m in pattern.finditer(text)}
    markers = list(_LIST_MARKER.finditer(text))
    if {"1", "2"} <= {m.group(1) for m in markers}:
        starts.update(m.start(1) for m in markers)
    for m in _LABEL.finditer(text):
        starts.add(m.start(1))
        numbers = list(_NUMBER.finditer(text, m.start(1), m.end(1)))
        for before, n in zip(numbers, numbers[1:], strict=False):
            listed = "," in text[before.end() : n.start()]
            if (
                "." in n.group()
                or _VALUE_AFTER.match(text, n.end())
                or (listed and _COUNT_AFTER.match(text, n.end()))
            ):
                break
            starts.add(n.start())
    return starts


def _incidental(text: str, m: re.Match) -> bool:
    """A number that is never a figure on its own, by what touches it (see the module docstring)."""
    start, after = m.start(), text[m.end() : m.end() + 40]
    prev = text[max(0, start - 2) : start]
    if (
        prev[-1:].isalpha()
        or (prev[-1:] == "-" and prev[:1].isalpha())
        or (prev[-1:] == ":" and prev[:1].isdigit())
    ):
        return True  # part of a name: 'PD-L1', 'T790M', 'mg/m2', a ratio '2:1'
    if _NAME_NEXT.match(after) or _CI_LEVEL.match(after) or _DOSE_AFTER.match(after):
        return True
    if _DESIGN_COUNT.match(after):
        return True  # 'the two treatment arms', 'all three regimens': the design, not a figure
    year = _YEAR.fullmatch(m.group()) and not _QUANTITY_AFTER.match(after)
    return bool(year and not text[:start].rstrip().endswith("="))
