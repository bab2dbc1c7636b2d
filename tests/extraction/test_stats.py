"""kg.extraction.stats: the forms of a reported interval, read through whole pages.

Every sentence is quoted from a page of ../shared/data/pool, copied to tests/fixtures/pool
(rows in its SOURCES.tsv); each figure is checked exactly.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pool_pages import trial_of
from shared_quotes import SRS_ALONE

from kg.extraction.stats import RATIO, ratio_kind
from kg.sources import read_document

POOL = Path(__file__).parents[1] / "fixtures" / "pool"


def _trial(pmid: str):
    return read_document(POOL / f"PMID{pmid}.txt").trial


def test_an_upper_bound_not_evaluable_with_its_abbreviation():
    # PMID23981966: 'Median time to disease progression was PCb: 8.8 months (95% CI, 6.0-12.6 months);
    # PC: 13.1 months (95% CI, 8.3-not evaluable [NE]).'
    trial = _trial("23981966")
    (r,) = [
        r
        for r in trial.arm_results
        if r.endpoint == "time to disease progression" and r.estimate == Decimal("13.1")
    ]
    assert (r.ci_level, r.ci_lower, r.ci_upper, r.ci_upper_not_reached) == (
        Decimal("95"),
        Decimal("8.3"),
        None,
        True,
    )


def test_a_level_printed_without_its_percent_before_the_words():
    # PMID12837811: 'Median survival (9.4 v 9.9 months [for VC]; P =.657; hazard ratio, 1.048 [97.2
    # confidence interval, 0.877 to 1.253]) and response (23.9%) with DCb were similar to those results for VC.'
    (c,) = [c for c in _trial("12837811").comparisons if c.estimate == Decimal("1.048")]
    assert (c.ci_level, c.ci_lower, c.ci_upper) == (Decimal("97.2"), Decimal("0.877"), Decimal("1.253"))


def test_bounds_parted_by_a_comma_before_the_p_value_of_the_bracket():
    # PMID24868098: 'Superior PFS (hazard ratio [HR] 0.34; 95% confidence interval [CI]: 0.23, 0.49;
    # p < .001) and ORR (65% vs. 16%) were observed in the erlotinib arm.' (before: the p-value was read
    # as a test of its own and the ratio had no interval)
    trial = _trial("24868098")
    pfs = [c for c in trial.comparisons if c.endpoint == "progression-free survival"]
    assert [(c.statistic, c.estimate, c.ci_lower, c.ci_upper, c.p_value) for c in pfs] == [
        ("hazard_ratio", Decimal("0.34"), Decimal("0.23"), Decimal("0.49"), Decimal("0.001"))
    ]


def test_an_adjusted_ratio_printed_as_its_abbreviation_is_that_ratio():
    # PMC3774725 (benchmarks/pmc/arms/dev-37): '... compared with the control group (aHR 2.8, 95%CI: 1.30-6.13)'
    m = RATIO.search(
        "resolved more quickly to diagnostic resolution compared with the control group (aHR 2.8, 95%CI"
    )
    assert m is not None
    assert (ratio_kind(m.group("kind")), m.group("est")) == ("hazard_ratio", "2.8")
    # 'ARR' is as often an absolute risk reduction: no ratio
    assert RATIO.search("(ARR 0.52, 95% CI 0.18-1.51, not significant)") is None


def test_a_figure_in_a_unit_of_measure_higher_than_the_other_arms_is_their_difference():
    # PMC1440784: 'During 1–5 years of follow-up, children in the succimer group had systolic blood pressure 1.09
    # (95% confidence interval, 0.27–1.90) mmHg higher than did untreated children ...' (before: unread)
    [c] = [c for c in trial_of("PMC1440784").comparisons if c.statistic == "difference"]
    assert (c.arm, c.comparator, c.endpoint, c.estimate, c.ci_lower, c.ci_upper, c.unit) == (
        "succimer",
        "placebo",
        "systolic blood pressure",
        Decimal("1.09"),
        Decimal("0.27"),
        Decimal("1.90"),
        "mmHg",
    )


def test_a_bare_difference_takes_the_unit_its_interval_prints(read):
    # PMID27458945 (benchmarks/unseen): 'overall quality of life (mean change from baseline, -0.1 vs -12.0 points;
    # mean difference, 11.9; 95% CI, 4.8-19.0 points; P = .001)' (before: the difference had no unit)
    r = read(
        *SRS_ALONE,
        (
            "RESULTS",
            "Quality of life was higher at 3 months with SRS alone, including overall quality of life (mean change "
            "from baseline, -0.1 vs -12.0 points; mean difference, 11.9; 95% CI, 4.8-19.0 points; P = .001).",
        ),
    )
    [c] = [c for c in r.trial.comparisons if c.statistic == "difference"]
    assert (c.estimate, c.ci_lower, c.ci_upper, c.unit) == (
        Decimal("11.9"),
        Decimal("4.8"),
        Decimal("19.0"),
        "point",
    )


def test_a_ratio_label_and_its_value_parted_by_a_semicolon_and_no_ratio_before_a_percent():
    # PMID27959700 (benchmarks/unseen): '(10.1 months vs. 4.4 months; hazard ratio; 0.30; 95% confidence interval
    # [CI], 0.23 to 0.41; P<0.001)'
    m = RATIO.search(
        "(10.1 months vs. 4.4 months; hazard ratio; 0.30; 95% confidence interval [CI], 0.23 to 0.41"
    )
    assert m is not None and m.group("est") == "0.30"
    # PMID18349398 (pool): 'Overall RR was 22% (95% CI, 14% to 31%).' is a response rate, not a risk ratio
    assert RATIO.search("Overall RR was 22% (95% CI, 14% to 31%).") is None


def test_differences_between_means_with_intervals_parted_by_commas(read):
    # PMC1208905 (benchmarks/pmc/dev2): '(differences between means of 0.34, 95% C.I. -0.33, 1.02 and 0.56, 95% C.I.
    # -0.39, 1.51)' (before: 'differences' was no difference, and a comma-parted interval had to end its bracket)
    r = read(
        "Acupuncture for dyspnea in advanced cancer: a randomized, placebo-controlled pilot trial",
        (
            "METHODS",
            "Patients were randomized to receive a single session of true or placebo acupuncture in addition to their "
            "existing dyspnea treatments.",
        ),
        (
            "RESULTS",
            "Dyspnea scores were slightly higher for patients receiving true versus placebo acupuncture, for both the "
            "period immediately following acupuncture treatment and for the daily one week follow-up (differences "
            "between means of 0.34, 95% C.I. -0.33, 1.02 and 0.56, 95% C.I. -0.39, 1.51).",
        ),
    )
    first = next(c for c in r.trial.comparisons if c.statistic == "difference")
    assert (first.endpoint, first.estimate, first.ci_lower, first.ci_upper) == (
        "dyspnea scores",
        Decimal("0.34"),
        Decimal("-0.33"),
        Decimal("1.02"),
    )


def test_a_percent_before_difference_is_the_difference_and_a_p_after_its_name_no_estimate():
    # PMC2039813: 'The rate of change in FMD per 6 months was 0.14% (SE 0.05, p = 0.02) in perindopril and 0.02%
    # (SE 0.05, p = 0.74) in placebo group (0.12% difference in rate of change p = 0.07).' (before: a difference
    # of 0.07, the p-value, named 'change p'; the two arms' figures went to no arm)
    trial = trial_of("PMC2039813")
    [d] = [c for c in trial.comparisons if c.statistic == "difference"]
    assert (d.endpoint, d.estimate, d.unit, d.p_value) == (
        "change in fmd",
        Decimal("0.12"),
        "percent",
        Decimal("0.07"),
    )
    rates = {(r.arm, r.estimate) for r in trial.arm_results if r.endpoint == "change in fmd"}
    assert rates == {("perindopril", Decimal("0.14")), ("placebo", Decimal("0.02"))}


def test_a_ratio_names_an_event_of_up_to_three_words_a_landmark_first():
    # PMID25138333 (benchmarks/unseen): 'Using multiple imputation for missing outcomes, the RR for 7-day
    # tobacco abstinence was 1.55 (95% CI, 1.03-2.21; P = .04).' (before: only its p-value was read)
    m = RATIO.search(
        "Using multiple imputation for missing outcomes, the RR for 7-day tobacco abstinence was 1.55 (95% CI"
    )
    assert (m.group("event"), m.group("est")) == (" for 7-day tobacco abstinence", "1.55")
    # PMID24662458: 'the hazard ratio for mortality ranged spanned 1 and none of these approached statistical
    # significance': a verb is no word of the event, and no ratio is printed
    assert (
        RATIO.search("the hazard ratio for mortality ranged spanned 1 and none of these approached") is None
    )
