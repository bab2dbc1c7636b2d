"""How many patients a subgroup holds, as a results sentence prints it with the subgroup's
figures: 'In the subgroup of 261 patients who were positive for the EGFR mutation, progression-free
survival was ... (hazard ratio ..., 0.48 ...)', '... in 811 patients with any lung cancer (8.9
versus 7.7 months; HR 0.80)', 'in patients with adenocarcinoma (n = 847; 12.6 v 10.9 months)'.

The size is a baseline count of the trial's patients (``BaselineMeasurement``, statistic
'count'): that many of them are what names the subgroup, the characteristic as the results name
it. It is read only for a subgroup a figure of the same sentence was read for, so a phrase about
patients no result speaks of ('Among the 154 (93%) irradiated patients, overall compliance ...')
gives none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from kg.extraction.subgroups import subgroup_phrases
from kg.extraction.text import Sentence
from kg.model import ArmResult, BaselineMeasurement, Comparison, Evidence


def subgroup_sizes(
    sents: Iterable[Sentence],
    results: Sequence[ArmResult | Comparison],
    population: str | None,
    names_arm: Callable[[str], bool],
) -> list[BaselineMeasurement]:
    """The printed size of every subgroup a result was read for, as a count of ``population``
    (the group pooled from every arm; none without one)."""
    if population is None:
        return []
    read: dict[str, set[str]] = {}
    for r in results:
        if r.subgroup and r.evidence is not None:
            read.setdefault(r.evidence.sentence, set()).add(r.subgroup)
    out: dict[tuple[str, int], BaselineMeasurement] = {}
    for s in sents:
        for p in subgroup_phrases(s.norm, names_arm) if s.text in read else []:
            if p.size is not None and p.who in read[s.text]:
                out.setdefault(
                    (s.text, p.size[0]),
                    _count(s.evidence(*p.size), p.who, s.norm[slice(*p.size)], population),
                )
    return list(out.values())


def _count(ev: Evidence, who: str, n: str, population: str) -> BaselineMeasurement:
    return BaselineMeasurement(
        characteristic=who,
        statistic="count",
        arm=population,
        estimate=int(n),
        unit="participants",
        evidence=ev,
    )
