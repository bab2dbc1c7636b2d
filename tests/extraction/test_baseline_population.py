"""Baseline figures of the whole randomised population (kg.extraction.baseline): the subject
'N randomized participants' is no outcome, a bracket of each arm's size no breakdown by arm, and a
mean age keeps its SD. Sentences quoted from the pages in tests/fixtures/pool."""

from __future__ import annotations

from decimal import Decimal

from pool_pages import trial_of


def test_the_mean_age_of_the_randomized_participants_after_their_arms_sizes():
    # PMID27458945: 'There were 213 randomized participants (SRS alone, n = 111; SRS plus WBRT, n = 102) with a
    # mean age of 60.6 years (SD, 10.5 years); 103 (48%) were women.' (before: the SRS plus WBRT arm's
    # 'age' results, 60.6 and 10.5)
    trial = trial_of("27458945")
    assert [
        (b.arm, b.characteristic, b.statistic, b.estimate, b.unit, b.dispersion, b.spread)
        for b in trial.baseline
        if b.characteristic == "age"
    ] == [("all patients", "age", "mean", Decimal("60.6"), "years", "STANDARD_DEVIATION", Decimal("10.5"))]
    assert not [r for r in trial.arm_results if r.endpoint == "age"]
