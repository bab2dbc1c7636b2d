"""kg.extraction.p_values (with outcomes): between-arm tests reported by their p-value alone.

Sentences quoted from pool PMID10458212 (../shared/data/pool) and abstracts of
../shared/data/abstracts (PMID beside them), read through ``extract_trial``.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pool_pages import trial_of
from shared_quotes import DENOSUMAB

from kg.sources import read_document

GEM_TITLE = (
    "Randomized phase III study of gemcitabine-cisplatin versus etoposide-cisplatin in the treatment of "
    "locally advanced or metastatic non-small-cell lung cancer."
)
GEM_SECTIONS = (
    (
        "PURPOSE",
        "We conducted a randomized trial to compare gemcitabine-cisplatin with etoposide-cisplatin in the "
        "treatment of patients with advanced non-small-cell lung cancer (NSCLC). The primary end point of the "
        "comparison was response rate.",
    ),
    (
        "PATIENTS AND METHODS",
        "A total of 135 chemotherapy-naive patients with advanced NSCLC were randomized to receive either "
        "gemcitabine 1,250 mg/m2 intravenously (IV) days 1 and 8 or etoposide 100 mg/m2 IV days 1 to 3 along "
        "with cisplatin 100 mg/m2 IV day 1. Both treatments were administered in 21-day cycles.",
    ),
)


def gem(read, results: str):
    return read(GEM_TITLE, *GEM_SECTIONS, ("RESULTS", results))


def test_a_p_value_after_two_rates_compares_their_arms(read):
    # pool PMID10458212 (before: 8.7 months read as a between-arm difference, a bracket the figure
    # opens and the arms' figures share)
    r = gem(
        read,
        "The response rate (externally validated) for patients given gemcitabine-cisplatin was superior to "
        "that for patients given etoposide-cisplatin (40.6% v 21.9%; P = .02).",
    )
    rates = [(x.endpoint, x.statistic, x.estimate, x.unit) for x in r.trial.arm_results]
    assert rates == [
        ("objective response rate", "rate", Decimal("40.6"), "percent"),
        ("objective response rate", "rate", Decimal("21.9"), "percent"),
    ]
    (test,) = r.trial.comparisons
    assert (test.endpoint, test.statistic, test.estimate, test.p_value, test.p_value_qualifier) == (
        "objective response rate",
        "p_value",
        None,
        Decimal("0.02"),
        None,
    )
    # the arm of the first figure is tested against the arm of the second
    first, second = r.trial.arm_results
    assert (test.arm, test.comparator) == (first.arm, second.arm)
    assert "gemcitabine" in r.drugs(test.arm) and "etoposide" in r.drugs(test.comparator)


@pytest.mark.xfail(
    strict=True,
    reason="'This superior response rate was associated with a significant delay in time to disease "
    "progression (6.9 months v 4.3 months; P = .01)': medians and test take the sentence's first endpoint, "
    "'objective response rate', not 'time to progression'",
)
def test_the_endpoint_named_right_before_the_figures_wins(read):
    # pool PMID10458212
    r = gem(
        read,
        "This superior response rate was associated with a significant delay in time to disease progression "
        "(6.9 months v 4.3 months; P = .01) without an impairment in quality of life (QOL).",
    )
    assert {x.endpoint for x in [*r.trial.arm_results, *r.trial.comparisons]} == {"time to progression"}
    assert [x.estimate for x in r.trial.arm_results] == [Decimal("6.9"), Decimal("4.3")]
    assert [c.p_value for c in r.trial.comparisons] == [Decimal("0.01")]


def test_the_word_difference_before_per_arm_medians_is_no_difference_estimate(read):
    # pool PMID10458212
    r = gem(
        read,
        "There was no statistically significant difference in survival time between both arms (8.7 months for "
        "gemcitabine-cisplatin v 7.2 months for etoposide-cisplatin; P = .18).",
    )
    assert [(x.statistic, x.estimate) for x in r.trial.arm_results] == [
        ("median", Decimal("8.7")),
        ("median", Decimal("7.2")),
    ]
    assert [(c.statistic, c.estimate, c.p_value) for c in r.trial.comparisons] == [
        ("p_value", None, Decimal("0.18"))
    ]


def test_one_p_value_for_each_comparison(read):
    # PMID23154554
    r = read(
        *DENOSUMAB,
        (
            "RESULTS",
            "Denosumab was associated with improved median overall survival versus ZA in 811 patients with any "
            "lung cancer (8.9 versus 7.7 months; hazard ratio [HR] 0.80) and in 702 patients with NSCLC (9.5 "
            "versus 8.0 months; HR 0.78) (p = 0.01, each comparison).",
        ),
    )
    assert [(c.estimate, c.p_value) for c in r.trial.comparisons] == [
        (Decimal("0.80"), Decimal("0.01")),
        (Decimal("0.78"), Decimal("0.01")),
    ]


def _pool(pmid: str):
    return read_document(Path(__file__).parents[1] / "fixtures" / "pool" / f"PMID{pmid}.txt").trial


def test_an_interaction_p_value_tests_the_subgroups_ratios_of_the_arms():
    # PMID21670455 (tests/fixtures/pool): '... or EGFR mutation-negative (HR, 1.18; 95% CI, 0.86 to
    # 1.63; P = .309; treatment by EGFR mutation interaction P = .480) subgroups.': the arms' ratios,
    # then the test of whether they differ between the subgroups, for no one subgroup
    ipass = _pool("21670455")
    assert [
        (c.statistic, c.estimate, c.p_value, c.subgroup, c.method)
        for c in ipass.comparisons
        if c.endpoint == "overall survival"
    ] == [
        ("hazard_ratio", Decimal("0.90"), Decimal("0.109"), None, None),
        ("hazard_ratio", Decimal("1.00"), Decimal("0.990"), "EGFR mutation-positive", None),
        ("hazard_ratio", Decimal("1.18"), Decimal("0.309"), "EGFR mutation-negative", None),
        ("p_value", None, Decimal("0.480"), None, "test for interaction"),
    ]
    (test,) = [c for c in ipass.comparisons if c.method]
    assert (test.arm, test.comparator, test.evidence.quote) == (
        "gefitinib",
        "carboplatin + paclitaxel",
        "P = .480",
    )


def test_a_trend_test_or_one_ratio_against_an_unprinted_cohort_is_left_unread():
    # PMID20027124 (tests/fixtures/pool): '(test for trend, p = 0.02; ...)' and '(LACE other HR 0.95,
    # 0.86-1.05, interaction p = 0.04)': a trend is no interaction; one ratio is set against the
    # cohort's the sentence does not print
    lace = _pool("20027124")
    assert not {Decimal("0.02"), Decimal("0.04")} & {c.p_value for c in lace.comparisons}


def test_a_significance_level_is_no_result():
    # PMID18378568 (tests/fixtures/pool): 'An unplanned interim analysis ... rejected the alternative
    # hypothesis of improved survival at the P = .0015 level for 243 randomly assigned patients.' and
    # '... 35 months for placebo (n = 125; two-sided P = .013).'
    swog = _pool("18378568")
    assert [(c.endpoint, c.p_value) for c in swog.comparisons] == [("overall survival", Decimal("0.013"))]


def test_a_clause_that_only_names_its_test_belongs_to_the_clause_before():
    # PMID10811675 (tests/fixtures/pool): '(7.5 v 4.6 months; log-rank test, P =.010; 1-year survival,
    # 37% v 11%; chi(2) test, P =.003)'
    trial = _pool("10811675")
    tests = [(c.arm, c.comparator, c.p_value) for c in trial.comparisons if c.arm == "docetaxel 75 mg/m2"]
    assert tests == [
        ("docetaxel 75 mg/m2", "best supportive care", Decimal("0.010")),
        ("docetaxel 75 mg/m2", "best supportive care", Decimal("0.003")),
    ]


def test_p_values_after_each_entry_of_a_list_of_endpoints_under_one_head():
    # PMID23328549 (tests/fixtures/pool): '... a significantly higher proportion of afatinib-treated patients
    # showed an improvement in cough (p < 0.0001), dyspnea (p = 0.006), and pain (p < 0.0001)' and '...
    # showed a trend in delaying dyspnea (p = 0.170) and pain (p = 0.287).'
    tests = {(c.endpoint, c.p_value) for c in _pool("23328549").comparisons}
    assert {
        ("improvement in cough", Decimal("0.0001")),
        ("improvement in dyspnea", Decimal("0.006")),
        ("improvement in pain", Decimal("0.0001")),
        ("trend in delaying dyspnea", Decimal("0.170")),
        ("trend in delaying pain", Decimal("0.287")),
    } <= tests


def test_a_p_value_in_a_bracket_of_counts_compares_the_rates_they_are_parts_of():
    # PMID15226327 (tests/fixtures/pool): 'The overall response rates were 36.5% for DC (three complete
    # responses and 58 partial responses) and 21.7% for D (one complete response and 32 partial
    # responses; P =.004).': the test is of the response rates, not of the partial responses
    page = Path(__file__).parents[1] / "fixtures" / "pool" / "PMID15226327.txt"
    trial = read_document(page).trial
    tests = [(c.endpoint, c.arm, c.comparator) for c in trial.comparisons if c.p_value == Decimal("0.004")]
    assert tests == [("objective response rate", "docetaxel + cisplatin", "docetaxel")]


@pytest.mark.parametrize(
    "pmid, p, read",
    [
        # 'High EGFR gene copy number was a predictor of a gefitinib-related effect on survival (hazard
        # ratio [HR], 0.61 for high copy number and HR, 1.16 for low copy number; comparison of high v low
        # copy number HR, P = .045).'
        ("17075123", Decimal("0.045"), [("gefitinib", "placebo", "overall survival", None)]),
        # 'EGFR protein expression was also related to clinical outcome (HR for positive, 0.77; HR for
        # negative, 1.57; comparison of high v low protein expression HR, P = .049).': the marker the
        # subgroups are cut by is no endpoint; the ratios are on the endpoint of the ratios before
        ("17075123", Decimal("0.049"), [("gefitinib", "placebo", "overall survival", None)]),
        # '... overall survival before and after 5 years of follow-up (HR, 0.86; ...; P = .01 v HR, 1.45;
        # ...; P = .04) with P = .006 for interaction.'
        ("19933916", Decimal("0.006"), [("cisplatin", "observation", "overall survival", None)]),
    ],
)
def test_a_test_between_subgroups_is_a_test_for_interaction_of_the_arms(pmid, p, read):
    found = [c for c in _pool(pmid).comparisons if c.statistic == "p_value" and c.p_value == p]
    assert [(c.arm, c.comparator, c.endpoint, c.subgroup) for c in found] == read
    assert all(c.method == "test for interaction" for c in found)


def test_p_values_of_a_sentence_on_a_group_that_is_no_arm_compare_no_arms():
    # PMID28034064 (tests/fixtures/pool), a secondary analysis of the trial's patients by radiotherapy
    # technique: 'The IMRT group had larger planning treatment volumes (median, 427 v 486 mL; P = .005); a
    # larger planning treatment volume/volume of lung ratio (median, 0.13 v 0.15; P = .013); and more
    # stage IIIB disease (30.3% v 38.6%, P = .056).'
    tests = {c.p_value for c in _pool("28034064").comparisons}
    assert not {Decimal("0.005"), Decimal("0.013"), Decimal("0.056")} & tests
    # PMID11830607 (tests/fixtures/pool): 'Older patients had a higher incidence of cardiovascular (P =.009)
    # and respiratory (P =.04) comorbidities and nonanalgesic medication use (P =.02).'
    tests = {c.p_value for c in _pool("11830607").comparisons}
    assert not {Decimal("0.009"), Decimal("0.04"), Decimal("0.02")} & tests


def test_a_factor_associated_with_an_outcome_is_no_arms_test():
    # PMID16014883 (tests/fixtures/pool): 'In multivariate analyses, adenocarcinoma (P=0.01), never having
    # smoked (P<0.001), and expression of EGFR (P=0.03) were associated with an objective response.'
    assert not {Decimal("0.01"), Decimal("0.001"), Decimal("0.03")} & {
        c.p_value for c in _pool("16014883").comparisons
    }
    # PMID16043828 (tests/fixtures/pool): 'EGFR mutations were detected in 13% of tumors and were
    # associated with longer survival, irrespective of treatment (P < .001).'
    assert Decimal("0.001") not in {c.p_value for c in _pool("16043828").comparisons}
    # but an arm associated with one is the arms' test: PMID19933915 (tests/fixtures/pool): 'Observation
    # was associated with significantly higher risk of death from lung cancer (P = .02), with no
    # difference in rates of death from other causes or second primary malignancies between the arms.'
    tests = [
        (c.arm, c.comparator, c.p_value)
        for c in _pool("19933915").comparisons
        if c.statistic == "p_value" and c.method is None
    ]
    assert tests == [("vinorelbine + cisplatin", "observation", Decimal("0.02"))]


def test_arms_each_better_than_one_arm_by_p_values_given_respectively():
    # PMID10856094 (tests/fixtures/pool): 'Overall response rates were 10.8% with D100 and 6.7% with D75,
    # each significantly higher than the 0.8% response with V/I (P =.001 and P =.036, respectively).'
    # (before: both p-values compared D100 with D75)
    tests = [
        (c.arm, c.comparator, c.p_value)
        for c in _pool("10856094").comparisons
        if c.statistic == "p_value" and c.endpoint == "objective response rate"
    ]
    assert tests == [
        ("docetaxel 100 mg/m2", "vinorelbine or ifosfamide", Decimal("0.001")),
        ("docetaxel 75 mg/m2", "vinorelbine or ifosfamide", Decimal("0.036")),
    ]


def test_what_the_arms_differ_in_is_the_endpoint_of_their_p_value():
    # PMID15197196 (tests/fixtures/pool): 'There was no significant difference between the trial arms in
    # the number of thoracotomies avoided (P =.2).' (before: left unread)
    tests = [(c.endpoint, c.p_value) for c in _pool("15197196").comparisons if c.statistic == "p_value"]
    assert tests == [("number of thoracotomies avoided", Decimal("0.2"))]
    # PMID16488712 (tests/fixtures/pool): 'There was no difference in the median hospitalization, which was
    # 6 days in each group (p = 0.404).' (before: left unread)
    tests = [(c.endpoint, c.p_value) for c in _pool("16488712").comparisons if c.statistic == "p_value"]
    assert tests == [("hospitalization", Decimal("0.404"))]


def test_groups_named_by_the_drug_every_arm_gives_are_the_arms():
    # PMID19075278 (tests/fixtures/pool), immediate against delayed docetaxel: 'QOL results were not
    # statistically different (P = .76) between docetaxel groups.' (before: taken for other groups)
    tests = [
        (c.endpoint, c.arm, c.comparator)
        for c in _pool("19075278").comparisons
        if c.p_value == Decimal("0.76")
    ]
    assert tests == [("quality of life", "docetaxel", "docetaxel (delayed)")]


def test_a_sentence_on_one_arms_patients_tests_no_arms():
    # PMID14697440 (tests/fixtures/pool): 'In the C/S group, postoperative RT significantly improved the
    # 5-year local control rate from 33.8% to 81.5% (p = 0.007) but did not significantly improve overall
    # survival.' (before: read as the arms' test of 'postoperative rt')
    assert Decimal("0.007") not in {c.p_value for c in _pool("14697440").comparisons}


def test_an_arms_name_is_no_endpoint_of_a_test():
    # PMID20805737 (tests/fixtures/pool): 'SBRT also reduced local failure by nearly 3 times compared with
    # EBRT (12% vs. 34%, P=0.10).' (before: a test of 'sbrt')
    assert "sbrt" not in {c.endpoint for c in _pool("20805737").comparisons}


def test_an_interaction_with_a_factor_tested_before_the_subgroups_ratios():
    # PMID19933915 (tests/fixtures/pool): 'There was a trend for interaction with disease stage (P = .09; HR
    # for stage II, 0.68; ...; P = .01; stage IB, HR, 1.03; ...; P = .87).': the test comes before the
    # subgroups' ratios it sets against each other (before: left unread)
    jbr10 = _pool("19933915")
    assert [
        (c.endpoint, c.arm, c.comparator, c.p_value, c.subgroup) for c in jbr10.comparisons if c.method
    ] == [("overall survival", "vinorelbine + cisplatin", "observation", Decimal("0.09"), None)]


def test_a_pooled_group_named_alone_is_set_against_the_one_arm_outside_it():
    # PMID10856094 (tests/fixtures/pool), docetaxel 100 or 75 mg/m2 against vinorelbine or ifosfamide:
    # 'Patients who received docetaxel had a longer time to progression (P =.046, by log-rank test) and a
    # greater progression-free survival at 26 weeks (P =.005, by chi(2) test).' (before: both left unread)
    found = [
        (c.endpoint, c.arm, c.comparator, c.p_value, c.timepoint)
        for c in _pool("10856094").comparisons
        if c.p_value in (Decimal("0.046"), Decimal("0.005"))
    ]
    assert found == [
        ("time to progression", "docetaxel", "vinorelbine or ifosfamide", Decimal("0.046"), None),
        ("progression-free survival", "docetaxel", "vinorelbine or ifosfamide", Decimal("0.005"), "26 weeks"),
    ]


def test_what_the_arms_differ_in_at_a_landmark():
    # PMID21135267 (tests/fixtures/pool): 'There were no statistically significant differences at 1 year
    # between the two arms in any component of the EORTC-QLQC30 or QLQBN20 (P > .05), although a trend for
    # greater decline in patient-reported cognitive functioning with PCI was noted.' (before: left unread)
    tests = [
        (c.endpoint, c.arm, c.comparator, c.p_value, c.p_value_qualifier, c.timepoint)
        for c in _pool("21135267").comparisons
        if c.statistic == "p_value" and c.p_value_qualifier == ">"
    ]
    assert tests == [
        (
            "eortc-qlqc30 or qlqbn20",
            "prophylactic cranial irradiation",
            "observation",
            Decimal("0.05"),
            ">",
            "12 months",
        )
    ]


def test_a_group_set_against_itself_before_the_intervention_is_no_test_between_arms():
    # PMC3778569: 'The results showed a significant increase in the knowledge (P < 0.001), attitude (P = 0.04)
    # and practice (P = 0.01) in the intervention group 1 month after intervention compared with that before
    # intervention, while such an increase was not seen in the control group.'
    assert trial_of("PMC3778569").comparisons == []


def test_p_values_listed_respectively_after_two_endpoints_figures_are_one_each():
    # PMC1074719: 'Median overall survival time (95 months with Cisplatin vs. 96 months in the nihil
    # group) and median disease-free survival (66 months with Cisplatin vs. 73 in the nihil group) were
    # similar in both arms (p=0.66 and p=0.41, respectively).' (before: both p's disease-free survival's)
    got = sorted(
        (c.endpoint, c.p_value)
        for c in read_document(
            Path(__file__).parents[1] / "fixtures" / "pool" / "PMC1074719.txt"
        ).trial.comparisons
        if c.statistic == "p_value"
    )
    assert got == [("disease-free survival", Decimal("0.41")), ("overall survival", Decimal("0.66"))]
