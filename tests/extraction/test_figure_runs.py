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


def test_and_a_name_after_a_bracket_closed_by_its_test_opens_the_next_item():
    # PMID18583190: 'In patients with complete resection, the proportion of those with mediastinal
    # downstaging (45 of 98 [46%] and 24 of 84 [29%], p=0.02) and pathological response (59 of 98
    # [60%] and 17 of 84 [20%], p<0.0001) favoured the interventional group.' (before: all four rates
    # were mediastinal downstaging's, three of them the interventional group's: 'complete resection'
    # names that arm's surgery, so the first pair was read as one arm's list)
    trial = trial_of("18583190")
    interventional, control = (a.label for a in trial.arms)
    rates = [
        (r.endpoint, r.arm, r.estimate, r.count, r.n_analysed)
        for r in trial.arm_results
        if r.endpoint in ("mediastinal downstaging", "pathological response")
    ]
    assert rates == [
        ("mediastinal downstaging", interventional, Decimal("46"), 45, 98),
        ("mediastinal downstaging", control, Decimal("29"), 24, 84),
        ("pathological response", interventional, Decimal("60"), 59, 98),
        ("pathological response", control, Decimal("20"), 17, 84),
    ]
    tests = [
        (c.endpoint, c.p_value_qualifier, c.p_value) for c in trial.comparisons if c.statistic == "p_value"
    ]
    assert tests == [
        ("mediastinal downstaging", None, Decimal("0.02")),
        ("pathological response", "<", Decimal("0.0001")),
    ]


def test_a_concession_opening_the_sentence_ends_at_its_comma():
    # PMC5015408: 'Although the CHA 2 DS 2‐VASc score module was used in only 48 (10.5%) patients from the alert
    # group, 100 (22.0%) patients from the alert group versus 69 (15.9%) from the control group received
    # adequate OAC prescription (relative risk 1.38; P=0.021).' (before: the two arms' shares went on the
    # module's list of the concession, with no arm)
    trial = trial_of("PMC5015408")
    alert, control = (a.label for a in trial.arms)
    shares = [
        (r.arm, r.estimate, r.count) for r in trial.arm_results if r.endpoint == "adequate oac prescription"
    ]
    assert shares == [(alert, Decimal("22.0"), 100), (control, Decimal("15.9"), 69)]


def test_a_brackets_own_names_for_its_items_and_what_a_negated_verb_did_not_change():
    # PMC1468428: 'We found no significant differences in puerperal or neonatal infection rates (Puerperal
    # infection: 41/190 [22%] with enema v 26/182 [14%] without enema; RR 0.66 CI 95%: 0.43 to 1.03; neonatal
    # infection 38/191 [20%] with enema v 40/179 [22%] without enema; RR 1.12, 95% CI 95% 0.76 to 1.66), ...';
    # 'Enemas didn't significantly change episiorraphy dehiscence rates (21/182 [12%] with enema v 32/190 [17%]
    # without enema; P = 0.30).' (before: all four shares named by the words before the bracket, the
    # interval 'CI 95%: 0.43 to 1.03' read as a share of 95%, and the last endpoint named by its sentence)
    trial = trial_of("PMC1468428")
    enema, none = (a.label for a in trial.arms)
    shares = [(r.endpoint, r.arm, r.estimate, r.count, r.n_analysed) for r in trial.arm_results if r.count]
    assert shares == [
        ("puerperal infection", enema, Decimal("22"), 41, 190),
        ("puerperal infection", none, Decimal("14"), 26, 182),
        ("neonatal infection", enema, Decimal("20"), 38, 191),
        ("neonatal infection", none, Decimal("22"), 40, 179),
        ("episiorraphy dehiscence rates", enema, Decimal("12"), 21, 182),
        ("episiorraphy dehiscence rates", none, Decimal("17"), 32, 190),
    ]
    ratio = next(c for c in trial.comparisons if c.statistic == "risk_ratio")
    assert (ratio.estimate, ratio.ci_lower, ratio.ci_upper) == (
        Decimal("0.66"),
        Decimal("0.43"),
        Decimal("1.03"),
    )
