"""How many patients a subgroup holds, as a results sentence prints it with the subgroup's
figures: 'In the subgroup of 261 patients who were positive for the EGFR mutation, progression-free
survival was ... (hazard ratio ..., 0.48 ...)', '... in 811 patients with any lung cancer (8.9
versus 7.7 months; HR 0.80)', 'in patients with adenocarcinoma (n = 847; 12.6 v 10.9 months)';
and how many of one arm's patients it holds: 'In the patients who received previous concurrent
chemoradiotherapy, median overall survival for the 538 (65%) of 829 patients assigned to
tecemotide was 30.8 months', '... in patients with EGFR-positive immunohistochemistry who were
treated with erlotinib (n=307) compared with EGFR-positive patients given placebo (n=311; ...)'.

The size is a baseline count (``BaselineMeasurement``, statistic 'count'): that many of the
trial's patients (the group pooled from every arm), or of one arm's, are what names the
subgroup, the characteristic as the results name it; a count 'of 829 patients assigned to' an
arm has those patients for its denominator. It is read only for a subgroup a figure of the
same sentence was read for: a phrase naming patients no figure is reported for gives none,
the figures that make it a subgroup being what says the number is its size. An arm's part is read only
after the subgroup's phrase (a size before it is not the subgroup's) and only when two arms or
more carry one each: in 'in patients with squamous cell histology, there was a significant
improvement in survival with cisplatin/gemcitabine versus cisplatin/pemetrexed (n = 473; 10.8 v
9.4 months, respectively)' the size after the second arm is both arms' together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from itertools import pairwise

from kg.extraction.armrefs import ArmFinder
from kg.extraction.subgroups import Phrase, subgroup_phrases
from kg.extraction.text import Sentence
from kg.model import ArmResult, BaselineMeasurement, Comparison

# 'treated with erlotinib (n=307)', 'patients given placebo (n=311; median PFS ...'
_N_AFTER_ARM = re.compile(r"\s*(?:group|arm)?\s*\(\s*n\s*=\s*(?P<n>\d+)\s*[;,)]")
# 'the 538 (65%) of 829 patients assigned to tecemotide', 'the 291 (35%) patients in the tecemotide group'
_N_BEFORE_ARM = re.compile(
    r"(?i)\b(?P<n>\d+)\s*(?:\(\s*\d+(?:\.\d+)?\s*%\s*\)\s*)?(?:of\s+(?:the\s+)?(?P<of>\d+)\s+)?(?:patients|participants)\s+"
    r"(?:assigned\s+to|randomi[sz]ed\s+to|allocated\s+to|in|on|given|receiving|treated\s+with)\s+(?:the\s+)?$"
)


def subgroup_sizes(
    sents: Iterable[Sentence],
    results: Sequence[ArmResult | Comparison],
    population: str | None,
    finder: ArmFinder,
) -> list[BaselineMeasurement]:
    """The printed size of every subgroup a result was read for, as a count of ``population``
    (none without one) or of the arm it is printed with."""
    read: dict[str, set[str]] = {}
    for r in results:
        if r.subgroup and r.evidence is not None:
            read.setdefault(r.evidence.sentence, set()).add(r.subgroup)
    out: dict[tuple[str, int], BaselineMeasurement] = {}
    for s in sents:
        if s.text not in read:
            continue
        phrases = [
            p for p in subgroup_phrases(s.norm, lambda who: bool(finder.find(who))) if p.who in read[s.text]
        ]
        whole = [
            (p.who, population, s.norm[slice(*p.size)], p.size, None)
            for p in [*phrases, *_after_pair(s.norm, phrases, finder)]
            if p.size and population
        ]
        for who, arm, n, (start, end), of in [*whole, *_arm_parts(s.norm, phrases, finder)]:
            count = BaselineMeasurement(
                characteristic=who,
                statistic="count",
                arm=arm,
                estimate=Decimal(n),
                unit="participants",
                n_analysed=of,
                evidence=s.evidence(start, end),
            )
            out.setdefault((s.text, start), count)
    return list(out.values())


# 'with cisplatin/gemcitabine versus cisplatin/pemetrexed (n = 473; ...': two arms set against each other
_BETWEEN_PAIR = re.compile(r"(?i)\s*(?:versus|vs\.?|v\.?|compared\s+(?:with|to))\s+(?:the\s+)?")


def _after_pair(text: str, phrases: list[Phrase], finder: ArmFinder) -> list[Phrase]:
    """A subgroup's size printed after the two arms its figures compare, not after its own
    phrase: 'in patients with squamous cell histology, there was a significant improvement in
    survival with cisplatin/gemcitabine versus cisplatin/pemetrexed (n = 473; 10.8 v 9.4 months,
    respectively)' counts both arms' patients of the subgroup together."""
    marks = finder.find(text)
    out = []
    for (_s, end, a), (start, stop, b) in pairwise(marks):
        size = _N_AFTER_ARM.match(text, stop)
        pair = _BETWEEN_PAIR.fullmatch(text, end, start)
        who = [p for p in phrases if p.end <= _s and not p.size and ";" not in text[p.end : _s]]
        if size and pair and a is not b and who:
            out.append(Phrase(who[-1].start, who[-1].end, who[-1].who, size.span("n")))
    return out


def _arm_parts(
    text: str, phrases: list[Phrase], finder: ArmFinder
) -> list[tuple[str, str, str, tuple[int, int], int | None]]:
    """(subgroup, arm label, count, its span, its denominator) for each size printed with an
    arm's name after a subgroup's phrase, when two arms or more carry one each."""
    out = []
    for start, end, arm in finder.find(text):
        if after := _N_AFTER_ARM.match(text, end):
            m, span = after, after.span("n")
        elif m := _N_BEFORE_ARM.search(text[:start]):
            span = (m.start(), m.start() + len(m.group().rstrip()))
        else:
            continue
        who = [p.who for p in phrases if p.end <= span[0]]
        if who:
            of = m.groupdict().get("of")
            out.append((who[-1], arm.label, m.group("n"), span, int(of) if of else None))
    return out if len({arm for _, arm, *_ in out}) >= 2 else []
