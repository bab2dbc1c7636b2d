"""kg.extraction.ratio_events (with contrasts): the event a ratio is for, said in words before it.

Sentences quoted from pool pages copied to tests/fixtures/pool, read whole.
"""

from __future__ import annotations

from decimal import Decimal

from pool_pages import trial_of

from kg.extraction.ratio_events import deaths_counted, event_before


def test_deaths_from_a_cause_before_a_ratio_are_that_causes_mortality():
    # PMID19767090: 'More women died from lung cancer in the combined hormone therapy group than in the
    # placebo group (73 vs 40 deaths; 0.11%vs 0.06%; HR 1.71, 1.16-2.52, p=0.01), mainly as a result of a
    # higher number of deaths from non-small-cell lung cancer in the combined therapy group (62 vs 31
    # deaths; 0.09%vs 0.05%; HR 1.87, 1.22-2.88, p=0.004).' (before: neither ratio was read)
    found = [
        (c.endpoint, c.arm, c.comparator, c.estimate, c.ci_lower, c.ci_upper, c.p_value)
        for c in trial_of("19767090").comparisons
        if c.endpoint.endswith("mortality")
    ]
    assert found == [
        (
            "lung cancer mortality",
            "conjugated equine oestrogen + medroxyprogesterone acetate",
            "placebo",
            Decimal("1.71"),
            Decimal("1.16"),
            Decimal("2.52"),
            Decimal("0.01"),
        ),
        (
            "non-small-cell lung cancer mortality",
            "conjugated equine oestrogen + medroxyprogesterone acetate",
            "placebo",
            Decimal("1.87"),
            Decimal("1.22"),
            Decimal("2.88"),
            Decimal("0.004"),
        ),
    ]


def test_the_risk_of_death_from_a_cause_and_deaths_from_any_cause():
    # the last event named before the ratio is its own; deaths from any cause name no one cause
    text = "a higher risk of death from lung cancer (HR 1.5"
    assert event_before(text, text.index("(HR"), []) == "deaths from lung cancer"
    text = "the risk of death from any cause (HR 0.8"
    assert event_before(text, text.index("(HR"), []) == "death"
    # an endpoint named after the event is what the ratio is for
    text = "the risk of death was lower, and overall survival (HR 0.8"
    assert event_before(text, text.index("(HR"), [(text.index("overall"), "overall survival")]) is None


def test_a_ratio_after_a_percent_fewer_of_something_counts_that_thing():
    # PMID25439437: 'BCP patients also had 18% fewer hospital admissions than CP patients (adjusted
    # incidence rate ratio (IRR): 0.82, 95% CI: 0.72-0.94) and 23% fewer inpatient days (IRR: 0.77, 95%
    # CI: 0.65-0.91).' (before: 'bcp patients' and 'incidence rate ratio' were their endpoints)
    found = [
        (c.endpoint, c.estimate, c.ci_lower, c.ci_upper)
        for c in trial_of("25439437").comparisons
        if c.statistic == "risk_ratio"
    ]
    assert found == [
        ("hospital admissions", Decimal("0.82"), Decimal("0.72"), Decimal("0.94")),
        ("inpatient days", Decimal("0.77"), Decimal("0.65"), Decimal("0.91")),
    ]


def test_who_is_no_event():
    # the patients a percent or deaths are of name no event: the ratio's endpoint is left to its sentence
    text = "20% more patients responded (OR 1.5"
    assert event_before(text, text.index("(OR"), []) is None
    text = "the deaths of patients in the chemotherapy arm (HR 1.5"
    assert event_before(text, text.index("(HR"), []) is None


def test_a_ratio_after_a_count_of_the_trials_deaths_is_for_death():
    # PMID19933915: 'Median follow-up was 9.3 years (...); there were 271 deaths in 482 randomly assigned
    # patients. ACT continues to show a benefit (hazard ratio [HR], 0.78; 95% CI, 0.61 to 0.99; P = .04).'
    # (before: the ratio, which names no event, was left unread)
    found = [
        (c.endpoint, c.arm, c.comparator, c.estimate, c.ci_lower, c.ci_upper, c.p_value, c.subgroup)
        for c in trial_of("19933915").comparisons
        if c.estimate == Decimal("0.78")
    ]
    assert found == [
        (
            "overall survival",
            "vinorelbine + cisplatin",
            "observation",
            Decimal("0.78"),
            Decimal("0.61"),
            Decimal("0.99"),
            Decimal("0.04"),
            None,
        )
    ]


def test_the_deaths_a_sentence_counts():
    assert deaths_counted("there were 271 deaths in 482 randomly assigned patients")
    assert deaths_counted(
        "After 397 deaths (pemetrexed, 71%; placebo, 78%) and a median follow-up of 24.3 months"
    )
    # deaths of one arm, or of a cause, are no count of the trial's deaths
    assert not deaths_counted("Deaths from lung cancer were 12 in the A arm")


def test_the_risk_for_death_and_deaths_of_a_cause_before_a_ratio():
    # PMID16945766: 'Adjusted risk for death was significantly reduced in patients assigned chemotherapy
    # compared with controls (hazard ratio 0.80 [95% CI 0.66-0.96]; p=0.017).' (before: endpoint 'adjusted
    # risk for death'); PMID19933916: 'The analysis of non-lung cancer deaths for the whole period showed
    # an HR of 1.34 (95% CI, 0.99 to 1.81; P = .06).' (before: endpoint 'analysis of non-lung cancer deaths')
    anita = [
        (c.endpoint, c.estimate) for c in trial_of("16945766").comparisons if c.estimate == Decimal("0.80")
    ]
    assert anita == [("overall survival", Decimal("0.80"))]
    jbr10 = [
        (c.endpoint, c.estimate) for c in trial_of("19933916").comparisons if c.estimate == Decimal("1.34")
    ]
    assert jbr10 == [("non-lung cancer mortality", Decimal("1.34"))]
    text = "there was a nonsignificant reduction of non-lung cancer deaths (HR = 0.87"
    assert event_before(text, text.index("(HR"), []) == "deaths from non-lung cancer"
