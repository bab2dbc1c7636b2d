"""kg.extraction.arm_shared: what a sentence naming every arm by its label says all were given with."""

from __future__ import annotations

from decimal import Decimal

from pool_pages import trial_of


def test_what_both_labelled_arms_were_delivered_concurrently_with_is_every_arms():
    # PMID18487565 (pool): 'On day 43, arm A received weekly carboplatin (AUC, 2) and paclitaxel (45
    # mg/m(2)) while arm B received biweekly gemcitabine (35 mg/m(2)) both delivered concurrently with 74 Gy
    # of TRT utilizing three-dimensional treatment planning.' (before: neither arm gave radiotherapy)
    arms = trial_of("18487565").arms
    assert [a.drug_names for a in arms] == [
        ["carboplatin", "paclitaxel", "radiotherapy"],
        ["carboplatin", "gemcitabine", "radiotherapy"],
    ]
    assert {(i.dose, i.dose_unit) for a in arms for i in a.interventions if i.kind == "radiation"} == {
        (Decimal("74"), "Gy")
    }
