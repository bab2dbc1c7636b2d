"""kg.extraction.targeted_events: the events a trial set out to prevent are its results, not its harms."""

from __future__ import annotations

from decimal import Decimal

from pool_pages import trial_of


def test_the_vomiting_an_antiemetic_trial_aims_to_decrease_is_a_result():
    # PMC4006506: 'The aim of this study was to determine the effect of oral ondansetron in decreasing the
    # vomiting due to acute gastroenteritis in children.' ... 'Ten patients in ondansetron and 14 in placebo group
    # had persistent vomiting during ED stay.' (before: two adverse events)
    trial = trial_of("PMC4006506")
    counts = {
        (r.arm, r.statistic, r.estimate) for r in trial.arm_results if r.endpoint == "persistent vomiting"
    }
    assert counts == {("ondansetron", "count", Decimal("10")), ("placebo", "count", Decimal("14"))}
    assert not [e for e in trial.adverse_events if "vomiting" in (e.term or "")]


def test_a_targeted_event_keeps_its_grade_in_the_name_and_its_test():
    # PMC3315657: 'Efficacy of dexamethasone added to ramosetron for preventing postoperative nausea and vomiting
    # ...'; 'The number of patients with moderate to severe nausea (20 vs. 10, P = 0.029) ...'
    trial = trial_of("PMC3315657")
    nausea = {(r.arm, r.estimate) for r in trial.arm_results if r.endpoint == "severe nausea"}
    assert nausea == {("ramosetron + dexamethasone", Decimal("20")), ("ramosetron", Decimal("10"))}
    assert ("severe nausea", Decimal("0.029")) in {(c.endpoint, c.p_value) for c in trial.comparisons}


def test_an_oncology_trials_harms_stay_harms():
    # PMID16945766 (pool): 'Adjusted risk for death was significantly reduced in patients assigned chemotherapy';
    # its neutropenia (92% of 367) is a harm of the chemotherapy, not what the trial set out to reduce
    trial = trial_of("16945766")
    assert ("neutropenia", 335) in {(e.term, e.count) for e in trial.adverse_events}
    assert not [r for r in trial.arm_results if "neutropenia" in r.endpoint]
