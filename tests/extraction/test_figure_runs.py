"""kg.extraction.figure_runs: which figures of a sentence go on one list, on pages of
tests/fixtures/pool (each sentence quoted from the page named beside it)."""

from __future__ import annotations

from decimal import Decimal

from tests.extraction.pool_pages import trial_of


def test_compared_to_sets_the_next_arms_bracketed_figure_against_the_one_before():
    # PMC2741450: 'However, there was a significant decrease in systolic blood pressure in the pedometer
    # group (112.8 ± 2.44 mm Hg) compared to the control group (117.3 ± 2.03 mm Hg) (p = 0.003).'
    # (before: 'compared' was read as the verb of a clause of its own, so 117.3 had no endpoint)
    trial = trial_of("PMC2741450")
    means = [
        (r.arm, r.estimate, r.spread, r.unit)
        for r in trial.arm_results
        if r.endpoint == "systolic blood pressure" and r.statistic == "mean"
    ]
    assert means == [
        ("pedometer", Decimal("112.8"), Decimal("2.44"), "mm Hg"),
        ("control", Decimal("117.3"), Decimal("2.03"), "mm Hg"),
    ]
    (test,) = [c for c in trial.comparisons if c.endpoint == "systolic blood pressure"]
    assert (test.arm, test.comparator, test.p_value) == ("pedometer", "control", Decimal("0.003"))
