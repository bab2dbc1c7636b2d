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


def test_a_list_item_named_with_its_short_name_before_its_figures():
    # PMC3117815: 'There were no differences in overall clinical response (93% vs. 90%), pathological complete
    # response (20% vs. 27%), and breast-conserving surgery (BCS) rates (49% vs. 42%).' (before: 49% and 42%
    # went to pathological complete response, as '(BCS)' hid the item's name, and 'overall' was dropped)
    trial = trial_of("PMC3117815")
    rates = [(r.endpoint, r.estimate) for r in trial.arm_results if r.statistic == "rate"]
    assert rates == [
        ("overall clinical response", Decimal("93")),
        ("overall clinical response", Decimal("90")),
        ("pathological complete response", Decimal("20")),
        ("pathological complete response", Decimal("27")),
        ("breast-conserving surgery rates", Decimal("49")),
        ("breast-conserving surgery rates", Decimal("42")),
    ]


def test_the_end_of_a_span_of_percents_is_no_figure():
    # PMID25841625: '... and median diffusion capacity (DLCO) was 47% of predicted (range: 29%-80%).'
    trial = trial_of("25841625")
    assert [r.estimate for r in trial.arm_results if r.endpoint == "diffusion capacity"] == [Decimal("47")]
