"""kg.extraction.arm_phrases / arm_lists: arms named by comparing them ('randomized between A and B',
'A as an intervention versus B as a control'), on pages of jayded/evidence-inference copied to
tests/fixtures/pool (rows in its SOURCES.tsv). Every sentence is quoted from the page named beside it.
"""

from __future__ import annotations

from decimal import Decimal

from tests.extraction.pool_pages import trial_of


def test_randomised_between_two_treatments_names_both_and_the_group_their_own_word():
    # PMC2748072: 'Patients were randomized between laparoscopic and small-incision cholecystectomy.' (before:
    # no arms); 'Operative costs were higher in the laparoscopic group using reusable laparoscopic instruments
    # (difference 203 euro; 95% confidence interval 147 to 259 euro).': the laparoscopic arm's difference,
    # in euro, with its interval (before: no interval, no unit)
    trial = trial_of("PMC2748072")
    assert sorted(a.drug_names[0] for a in trial.arms) == [
        "laparoscopic cholecystectomy",
        "small-incision cholecystectomy",
    ]
    [cost] = trial.comparisons
    assert (cost.arm, cost.comparator, cost.statistic) == (
        "laparoscopic cholecystectomy",
        "small-incision cholecystectomy",
        "difference",
    )
    assert (cost.estimate, cost.unit, cost.ci_lower, cost.ci_upper) == (
        Decimal("203"),
        "euro",
        Decimal("147"),
        Decimal("259"),
    )


def test_a_year_range_or_an_age_after_between_is_no_pair_of_arms():
    # 'randomized between 9 and 16 days of age to study formulas' (PMC2801838, benchmarks/pmc/arms/blind-28)
    # and 'randomised between chemotherapy followed by surgery versus surgery alone and that ...' (pool
    # PMID17636828's selection criteria) keep their 'and'; pool PMID15846628's 'had been randomised between
    # radiotherapy and no immediate further treatment' parts two arms
    from kg.extraction.arm_lists import _between

    assert _between("9 and 16 days of age to study formulas") == "9 and 16 days of age to study formulas"
    text = "chemotherapy followed by surgery versus surgery alone and that the method"
    assert _between(text) == text
    assert _between("radiotherapy and no immediate further treatment") == (
        "radiotherapy or no immediate further treatment"
    )


def test_arms_named_as_the_intervention_versus_the_control_and_an_interval_for_a_difference():
    # PMC5017045: 'We performed a randomised controlled trial (RCT) with two parallel groups: video-assisted remote
    # consultations at a regional medical centre (RMC) as an intervention versus standard consultation in the
    # orthopaedic outpatient clinic at the University Hospital of North Norway (UNN) as a control.' (before: no
    # arms); 'The 90 % confidence interval (CI) for the difference in score (0.05, 0.17) was within the
    # non-inferiority margin.' prints an interval, not a difference of 0.05
    trial = trial_of("PMC5017045")
    assert [(a.drug_names, a.aliases, a.role) for a in trial.arms] == [
        (["video-assisted remote consultations"], ["RMC"], "experimental"),
        (["standard consultation"], ["UNN"], "comparator"),
    ]
    assert not [c for c in trial.comparisons if c.statistic == "difference"]
