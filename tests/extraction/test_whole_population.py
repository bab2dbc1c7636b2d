"""kg.extraction.whole_population (through ``read_document`` / ``extract_trial``): figures a
sentence reports for every patient of a trial with two arms or more are results of the group
pooled from every arm ('all patients'); figures it ties to one arm, to part of the patients or
to another measure are not.

Every page is a page of ../shared/data/pool or ../shared/data/abstracts kept in tests/fixtures.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.sources import read_document

FIXTURES = Path(__file__).parents[1] / "fixtures"


def pooled(name: str) -> list[tuple]:
    trial = read_document(FIXTURES / name).trial
    return [
        (r.endpoint, r.statistic, r.estimate, r.unit, r.timepoint, r.count, r.n_analysed)
        for r in trial.arm_results
        if r.arm == "all patients"
    ]


def test_a_count_of_every_patient_with_its_denominator():
    # PMID24982457 (sublobar resection with or without brachytherapy): 'Local progression occurred in
    # only 17 (7.7%) of 222 patients.'
    assert pooled("pool/PMID24982457.txt") == [
        ("local progression", "rate", Decimal("7.7"), "percent", None, 17, 222),
    ]


def test_rates_over_time_and_a_median_of_every_patient():
    # PMID12243809 (surgery or radiotherapy after induction chemotherapy): 'The overall progression-free
    # survival rate was 53% at 1 year and 17% at 3 years. The median progression-free survival was 14
    # months.' -- two landmark times are not two arms; 'The median survival in the patients receiving
    # induction chemotherapy only was 8.9 months' is of part of the patients, not everyone's
    assert pooled("pool/PMID12243809.txt") == [
        ("progression-free survival", "rate", Decimal("53"), "percent", "12 months", None, None),
        ("progression-free survival", "rate", Decimal("17"), "percent", "36 months", None, None),
        ("progression-free survival", "median", Decimal("14"), "month", None, None, None),
    ]
    trial = read_document(FIXTURES / "pool/PMID12243809.txt").trial
    assert not [
        r
        for r in trial.arm_results
        if r.estimate in (Decimal("53"), Decimal("17")) and r.arm != "all patients"
    ]


def test_a_sentence_going_on_about_one_arm_is_not_everyones():
    # PMID11870177: 'In the 116 arm B patients, the median number of cycles delivered was four (range,
    # zero to 19 cycles). Forty-two percent received five or more cycles; 18% received eight or more
    # cycles.'
    assert pooled("pool/PMID11870177.txt") == []


def test_a_figure_of_another_measure_is_not_the_endpoints():
    # PMID29151359: 'Data on overall survival were immature at the interim analysis (25% maturity).';
    # PMID24585722: 'OS events occurred in 58% of all patients.' (a share with an event, no survival rate)
    for name, estimate in (("PMID29151359.txt", Decimal("25")), ("PMID24585722.txt", Decimal("58"))):
        trial = read_document(FIXTURES / "abstracts" / name).trial
        assert [r for r in trial.arm_results if r.estimate == estimate] == []
        assert "all patients" not in [g.label for g in trial.groups]


def test_the_total_of_a_count_broken_down_by_arm_is_every_arms():
    # PMID19581636: 'Eight patients (3 who had PET-CT and 5 who had conventional staging) did not have
    # planned surgery.'; PMID15701857: 'Three patients (PemOx 1 and PemCb 2) experienced febrile
    # neutropenia.' -- the parts are each arm's, the total they add up to every arm's together
    assert [r for r in pooled("pool/PMID19581636.txt") if r[0] == "no planned surgery"] == [
        ("no planned surgery", "count", Decimal("8"), None, None, None, None),
    ]
    assert pooled("pool/PMID15701857.txt") == [
        ("febrile neutropenia", "count", Decimal("3"), None, None, None, None),
    ]


def test_a_rate_of_everyone_takes_the_patients_its_clause_counts_by_their_stage():
    # PMID11745199: 'The overall response rate for the 64 evaluable patients was 14%.'; PMID17374834:
    # 'Induction chemotherapy resulted in a response rate of 61% (95% confidence interval [CI] = 57% to
    # 65%) among the 579 eligible patients.' -- not 'There were 5 deaths (7.35%) among 68 patients with a
    # PS of 2', a count of patients no stage names
    assert [(r[0], r[2], r[6]) for r in pooled("pool/PMID11745199.txt")] == [
        ("death", Decimal("7.35"), None),
        ("objective response rate", Decimal("14"), 64),
        ("overall survival", Decimal("4.1"), None),  # a median: no denominator
    ]
    assert [
        (r[0], r[2], r[6]) for r in pooled("pool/PMID17374834.txt") if r[0] == "objective response rate"
    ] == [
        ("objective response rate", Decimal("61"), 579),
    ]


@pytest.mark.parametrize(
    ("pmid", "endpoint", "rate"),
    [
        # 'The chemotherapy response rate was 35.4%.' (chemotherapy and surgery against surgery alone)
        ("22124104", "objective response rate", Decimal("35.4")),
        # 'After three cycles of preoperative chemotherapy, the rate of clinical major response was 35%.'
        ("8158698", "clinical major response", Decimal("35")),
    ],
)
def test_a_figure_after_a_treatment_only_one_arm_gives_is_that_arms(pmid, endpoint, rate):
    # before: unread (no arm named as the figure's owner)
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / f"PMID{pmid}.txt").trial
    got = [(r.arm, r.estimate) for r in trial.arm_results if r.endpoint == endpoint]
    chemotherapy = next(a.label for a in trial.arms if len(a.interventions) > 1)
    assert got == [(chemotherapy, rate)]
