"""kg.extraction.contrasts (with stats): absolute differences between arms, with their intervals,
and the figures that only look like one ('no difference in X (a vs b)' prints each arm's).

Each test reads a real pool page (tests/fixtures/pool, PMID beside it) and checks the fields exactly.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kg.sources import read_document

POOL = Path(__file__).parents[1] / "fixtures" / "pool"


def _trial(pmid: str):
    return read_document(POOL / f"PMID{pmid}.txt").trial


def _differences(trial) -> list[tuple]:
    return [
        (c.endpoint, c.estimate, c.unit, c.ci_lower, c.ci_upper, c.ci_level)
        for c in trial.comparisons
        if c.statistic == "difference"
    ]


def test_a_difference_between_the_two_regimens_of_a_percent_with_its_interval():
    # PMID15714933: 'A complete resolution of all symptoms was achieved in three (5%) on regimen 1, and
    # in 14 (23%) patients on regimen 2 (P < 0.001), a difference in the proportion between the two
    # regimens of 21% (95% CI 10-33).' (before: a difference of 2, read from 'the two regimens', for
    # an endpoint 'proportion between the')
    trial = _trial("15714933")
    assert (
        "complete resolution of all symptoms",
        Decimal("21"),
        "percent",
        Decimal("10"),
        Decimal("33"),
        Decimal("95"),
    ) in _differences(trial)
    assert all(c.estimate != Decimal("2") for c in trial.comparisons)


def test_the_interval_of_a_difference_after_a_colon():
    # PMID1377484: '... recorded in 56% of the patients compared with 23% in the F1 group (difference
    # 33%: 95% confidence interval 17-48%).' (before: the difference without its interval)
    assert [d[1:] for d in _differences(_trial("1377484"))] == [
        (Decimal("33"), "percent", Decimal("17"), Decimal("48"), Decimal("95"))
    ]


def test_no_difference_in_an_endpoint_then_each_arms_median_with_its_interval():
    # PMID10945489: 'There was no difference in overall survival: median 5.7 months (95% CI 4.6-7.6)
    # for gemcitabine + BSC patients and 5.9 months (95% CI 5.0-7.9) (log-rank, P = 0.84) for BSC
    # patients, ...' (before: a difference of 5.7 months, and the 5.9 months not read)
    trial = _trial("10945489")
    assert _differences(trial) == []
    medians = [
        (r.arm, r.estimate, r.unit, r.ci_lower, r.ci_upper)
        for r in trial.arm_results
        if r.endpoint == "overall survival" and r.statistic == "median"
    ]
    assert medians == [
        ("gemcitabine + best supportive care", Decimal("5.7"), "month", Decimal("4.6"), Decimal("7.6")),
        ("best supportive care", Decimal("5.9"), "month", Decimal("5.0"), Decimal("7.9")),
    ]


def test_the_figures_in_a_bracket_after_no_difference_are_the_arms_own():
    # PMID20400121: 'In the matched comparison of this subgroup, there was no difference in freedom from
    # local recurrence (88% vs 90%), disease-free survival (77% vs 86%), and overall survival (54% vs
    # 38%) at 3 years.' (before: a difference of 88% in freedom from local recurrence)
    trial = _trial("20400121")
    assert _differences(trial) == []
    rates = [
        (r.endpoint, r.estimate)
        for r in trial.arm_results
        if r.endpoint in ("freedom from local recurrence", "disease-free survival")
    ]
    assert rates == [
        ("freedom from local recurrence", Decimal("88")),
        ("freedom from local recurrence", Decimal("90")),
        ("disease-free survival", Decimal("77")),
        ("disease-free survival", Decimal("86")),
    ]
    # PMID12879472: 'There was no significant difference in median survival (248 days in the MIC/MVP
    # arm vs. 236 days in the GC arm) ...' (before: a difference of 248 days)
    trial = _trial("12879472")
    assert _differences(trial) == []
    assert [(r.estimate, r.unit) for r in trial.arm_results if r.estimate == Decimal("248")] == [
        (Decimal("248"), "day")
    ]


def test_an_absolute_improvement_in_a_landmark_rate():
    # PMID9250182: 'Overall there was a 24% reduction in the relative risk of death, which is equivalent
    # to an absolute improvement in 2-year survival of 9% from 20% to 29% (p = 0.004, ...).', '...
    # squamous cell carcinomas (82% of the cases), in whom there was a 34% reduction in the relative
    # risk of death (an absolute improvement at 2 years of 14% from 19% to 33%).' (before: neither read)
    trial = _trial("9250182")
    assert [
        (c.estimate, c.unit, c.timepoint, c.subgroup)
        for c in trial.comparisons
        if c.statistic == "difference"
    ] == [
        (Decimal("9"), "percent", "24 months", None),
        (Decimal("14"), "percent", "24 months", "squamous cell carcinomas"),
    ]
    # 'from 20% to 29%' prints the reference arm's rate first (see from_to): not the arms' usual order
    assert [
        (r.estimate, r.arm) for r in trial.arm_results if r.estimate in (Decimal("20"), Decimal("29"))
    ] == [
        (Decimal("20"), "conventional radiotherapy"),
        (Decimal("29"), "continuous hyperfractionated accelerated radiotherapy"),
    ]


def test_a_relative_reduction_restating_a_ratio_is_no_arms_rate():
    # PMID29023213: 'In the pooled analysis, the relative reduction in the risk of death with nivolumab
    # versus docetaxel was 28% (hazard ratio, 0.72; 95% CI, 0.62 to 0.84), ...' (before: a docetaxel
    # rate of 28% for an endpoint 'relative reduction')
    trial = _trial("29023213")
    assert not [r for r in trial.arm_results if r.estimate == Decimal("28")]
    assert [c.estimate for c in trial.comparisons if c.statistic == "hazard_ratio"][:1] == [Decimal("0.72")]


def _relative(trial) -> list[tuple]:
    return [
        (c.endpoint, c.statistic, c.arm, c.comparator, c.estimate, c.unit)
        for c in trial.comparisons
        if c.statistic.startswith("relative")
    ]


def test_a_relative_figure_restating_a_ratio_compares_what_the_ratio_compares():
    # PMID29023213 (above): '... the relative reduction in the risk of death with nivolumab versus docetaxel
    # was 28% (hazard ratio, 0.72; ...)'; 1 - 0.72 is 28% (before: unread)
    assert _relative(_trial("29023213")) == [
        ("overall survival", "relative_reduction", "nivolumab", "docetaxel", Decimal("28"), "percent")
    ]
    # PMID15197804: 'Moreover, the 4-mg dose of zoledronic acid was found to reduce the risk of developing
    # a skeletal event by 31% (hazard ratio of 0.693; P = 0.003).' (before: unread); the 4-mg arm of
    # 'randomized to receive zoledronic acid (4 mg or 8 mg) or placebo'
    assert _relative(_trial("15197804")) == [
        ("skeletal event", "relative_reduction", "zoledronic acid 4 mg", "placebo", Decimal("31"), "percent")
    ]
    # PMID25439437: '...; however, during the first year of follow-up, when most deaths (>60%) occurred,
    # the hazard of death was 18% lower for the BCP cohort (HR: 0.82, 95% CI: 0.71-0.94).' (before: unread)
    assert _relative(_trial("25439437")) == [
        (
            "overall survival",
            "relative_change",
            "bevacizumab + carboplatin + paclitaxel",
            "carboplatin + paclitaxel",
            Decimal("-18"),
            "percent",
        )
    ]
    # PMID26028407 (tests/fixtures/abstracts): 'The risk of death was 41% lower with nivolumab than with
    # docetaxel (hazard ratio, 0.59; 95% CI, 0.44 to 0.79; P<0.001).': the ratio's endpoint, not 'death'
    trial = read_document(POOL.parent / "abstracts" / "PMID26028407.txt").trial
    assert _relative(trial) == [
        ("overall survival", "relative_change", "nivolumab", "docetaxel", Decimal("-41"), "percent")
    ]


def test_the_endpoint_no_difference_was_noted_in_names_the_bracketed_figures():
    # PMID24982447: 'Furthermore, when comparing segmentectomy with lobectomy, no significant differences
    # were noted in 5-year freedom from recurrence (70% v 71%, respectively; P = .467) or 5-year survival
    # (54% v 60%, respectively; P = .258).' (before: 70% and 71% were overall survival's, as the name after
    # them was the only one the sentence's words gave)
    trial = _trial("24982447")
    rates = [
        (r.endpoint, r.arm, r.estimate, r.timepoint) for r in trial.arm_results if r.estimate in (70, 71)
    ]
    assert rates == [
        ("freedom from recurrence", "segmentectomy", Decimal("70"), "60 months"),
        ("freedom from recurrence", "lobectomy", Decimal("71"), "60 months"),
    ]
    tests = {(c.endpoint, c.p_value) for c in trial.comparisons if c.statistic == "p_value"}
    assert ("freedom from recurrence", Decimal("0.467")) in tests
