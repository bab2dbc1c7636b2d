"""kg.extraction.values (with outcomes): per-arm figures of a results sentence.

Each test reads a real abstract's design and results sentences (quoted from
../shared/data/abstracts, PMID beside them) through ``extract_trial``.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from shared_quotes import CALGB_30102, NLST, SABR

from kg.extraction.stats import RANGE, spread
from kg.extraction.text import normalise
from kg.extraction.values import items
from kg.sources import read_document


def figures(r, statistic: str | None = None) -> list[tuple]:
    """(endpoint, statistic, what the arm gives, estimate, unit, count) of each per-arm figure."""
    return [
        (x.endpoint, x.statistic, r.drugs(x.arm), x.estimate, x.unit, x.count)
        for x in r.trial.arm_results
        if statistic is None or x.statistic == statistic
    ]


def test_rates_per_100000_person_years_named_by_what_they_count(read):
    # PMID21714641: the endpoint comes from 'deaths from lung cancer' printed with the figure
    r = read(
        *NLST,
        (
            "RESULTS",
            "There were 247 deaths from lung cancer per 100,000 person-years in the low-dose CT group and 309 "
            "deaths per 100,000 person-years in the radiography group, representing a relative reduction in "
            "mortality from lung cancer with low-dose CT screening of 20.0% (95% CI, 6.8 to 26.7; P=0.004).",
        ),
    )
    unit = "per 100,000 person-years"
    assert figures(r) == [
        ("lung cancer mortality", "rate", {"low-dose computed tomography"}, Decimal("247"), unit, None),
        (
            "lung cancer mortality",
            "rate",
            {"single-view posteroanterior chest radiography"},
            Decimal("309"),
            unit,
            None,
        ),
    ]


SRS_SECTIONS = (
    "Stereotactic radiosurgery plus whole-brain radiation therapy vs stereotactic radiosurgery alone for "
    "treatment of brain metastases: a randomized controlled trial.",
    (
        "CONTEXT",
        "In patients with brain metastases, it is unclear whether adding up-front whole-brain radiation "
        "therapy (WBRT) to stereotactic radiosurgery (SRS) has beneficial effects on mortality or neurologic "
        "function compared with SRS alone.",
    ),
    (
        "INTERVENTIONS",
        "Patients were randomly assigned to receive WBRT plus SRS (65 patients) or SRS alone (67 patients).",
    ),
)
WBRT_SRS, SRS = {"whole-brain radiotherapy", "stereotactic radiosurgery"}, {"stereotactic radiosurgery"}


def test_counts_printed_as_n_equals(read):
    # PMID16757720
    r = read(
        *SRS_SECTIONS,
        (
            "RESULTS",
            "Salvage brain treatment was less frequently required in the WBRT + SRS group (n = 10) than with "
            "SRS alone (n = 29) (P<.001).",
        ),
    )
    assert figures(r) == [
        ("salvage brain treatment", "count", WBRT_SRS, Decimal("10"), None, None),
        ("salvage brain treatment", "count", SRS, Decimal("29"), None, None),
    ]
    (test,) = r.trial.comparisons  # the p-value compares the two counts
    assert (test.statistic, test.p_value, test.p_value_qualifier) == ("p_value", Decimal("0.001"), "<")


def test_a_group_size_after_a_figure_is_its_denominator_not_a_count(read):
    # PMID18378568 (pool): '(n = 118)' sizes the gefitinib group the median was measured in
    r = read(
        "Phase III trial of maintenance gefitinib or placebo after concurrent chemoradiotherapy and docetaxel "
        "consolidation in inoperable stage III non-small-cell lung cancer: SWOG S0023.",
        (
            "PATIENTS AND METHODS",
            "Patients whose disease did not progress were randomly assigned to gefitinib 250 mg/d or placebo "
            "until disease progression, intolerable toxicity, or the end of 5 years.",
        ),
        (
            "RESULTS",
            "Now, with a median follow-up time of 27 months, median survival time was 23 months for gefitinib "
            "(n = 118) and 35 months for placebo (n = 125; two-sided P = .013).",
        ),
    )
    got = [(r.drugs(x.arm), x.statistic, x.estimate, x.n_analysed) for x in r.trial.arm_results]
    assert got == [({"gefitinib"}, "median", Decimal("23"), 118), ({"placebo"}, "median", Decimal("35"), 125)]


def test_subgroup_sizes_beside_ratios_count_nothing(read):
    # PMID23835707: '(n = 234)' sizes a subgroup whose hazard ratio follows; no arm counted 234
    r = read(
        "PARAMOUNT: Final overall survival results of the phase III study of maintenance pemetrexed versus "
        "placebo immediately after induction treatment with pemetrexed plus cisplatin for advanced nonsquamous "
        "non-small-cell lung cancer.",
        (
            "PATIENTS AND METHODS",
            "In all, 939 patients with advanced nonsquamous non-small-cell lung cancer (NSCLC) received four "
            "cycles of pemetrexed-cisplatin induction therapy; then, 539 patients with no disease progression and "
            "Eastern Cooperative Oncology Group performance status 0 or 1 were randomly assigned (2:1) to "
            "maintenance pemetrexed (500 mg/m(2) on day 1 of 21-day cycles; n = 359) or placebo (n = 180).",
        ),
        (
            "RESULTS",
            "Survival on pemetrexed was consistently improved for all patient subgroups, including induction "
            "response: complete/partial responders (n = 234) OS HR, 0.81; 95% CI, 0.59 to 1.11 and stable "
            "disease (n = 285) OS HR, 0.76; 95% CI, 0.57 to 1.01).",
        ),
    )
    assert [x for x in r.trial.arm_results if x.statistic == "count"] == []
    assert {c.estimate for c in r.trial.comparisons if c.statistic == "hazard_ratio"} == {
        Decimal("0.81"),
        Decimal("0.76"),
    }


def test_medians_and_landmark_rates_in_one_sentence(read):
    # PMID16757720
    r = read(
        *SRS_SECTIONS,
        (
            "RESULTS",
            "The median survival time and the 1-year actuarial survival rate were 7.5 months and 38.5% (95% "
            "confidence interval, 26.7%-50.3%) in the WBRT + SRS group and 8.0 months and 28.4% (95% confidence "
            "interval, 17.6%-39.2%) for SRS alone (P = .42).",
        ),
    )
    got = [
        (x.statistic, r.drugs(x.arm), x.estimate, x.unit, x.ci_lower, x.ci_upper, x.timepoint)
        for x in r.trial.arm_results
    ]
    assert got == [
        ("median", WBRT_SRS, Decimal("7.5"), "month", None, None, None),
        ("rate", WBRT_SRS, Decimal("38.5"), "percent", Decimal("26.7"), Decimal("50.3"), "12 months"),
        ("median", SRS, Decimal("8.0"), "month", None, None, None),
        ("rate", SRS, Decimal("28.4"), "percent", Decimal("17.6"), Decimal("39.2"), "12 months"),
    ]
    assert {x.endpoint for x in r.trial.arm_results} == {"overall survival"}


def test_the_landmark_a_median_and_rate_subject_names_holds_for_the_rates(read):
    # PMID17374834 (benchmarks/pool-gold): 'Median and 5-year overall survival for patients randomly assigned to
    # resection versus radiotherapy were 16.4 versus 17.5 months and 15.7% versus 14%, respectively' (before: the
    # rates had no landmark, the '5-year' being too far before them)
    r = read(
        "Randomized controlled trial of resection versus radiotherapy after induction chemotherapy in stage IIIA-N2 "
        "non-small-cell lung cancer.",
        (
            "METHODS",
            "Responding patients were subsequently randomly assigned to surgical resection or radiotherapy.",
        ),
        (
            "RESULTS",
            "Median and 5-year overall survival for patients randomly assigned to resection versus radiotherapy "
            "were 16.4 versus 17.5 months and 15.7% versus 14%, respectively (hazard ratio = 1.06, 95% CI = 0.84 to "
            "1.35).",
        ),
    )
    got = {(x.arm, x.statistic, str(x.estimate), x.timepoint) for x in r.trial.arm_results}
    assert got == {
        ("surgical resection", "median", "16.4", None),
        ("radiotherapy", "median", "17.5", None),
        ("surgical resection", "rate", "15.7", "60 months"),
        ("radiotherapy", "rate", "14", "60 months"),
    }


def test_a_landmark_between_two_figures_set_against_each_other_is_both_figures(read):
    # PMID19801201 (benchmarks/pool-gold): '(mean posterior probability of decline 52%) at 4 months than patients
    # assigned to receive SRS alone (... 24%)' and '73% of patients in the SRS plus WBRT group were free from CNS
    # recurrence at 1 year, compared with 27% of patients who received SRS alone' (before: 52%, 24% and 73% had
    # no landmark)
    r = read(
        "Neurocognition in patients with brain metastases treated with radiosurgery or radiosurgery plus "
        "whole-brain irradiation: a randomised controlled trial.",
        (
            "METHODS",
            "Patients with one to three newly diagnosed brain metastases were randomly assigned using a standard "
            "permutated block algorithm with random block sizes to SRS plus WBRT or SRS alone from Jan 2, 2001, to "
            "Sept 14, 2007.",
        ),
        (
            "FINDINGS",
            "After 58 patients were recruited (n=30 in the SRS alone group, n=28 in the SRS plus WBRT group), the "
            "trial was stopped by the data monitoring committee according to early stopping rules on the basis that "
            "there was a high probability (96%) that patients randomly assigned to receive SRS plus WBRT were "
            "significantly more likely to show a decline in learning and memory function (mean posterior probability "
            "of decline 52%) at 4 months than patients assigned to receive SRS alone (mean posterior probability of "
            "decline 24%). 73% of patients in the SRS plus WBRT group were free from CNS recurrence at 1 year, "
            "compared with 27% of patients who received SRS alone (p=0.0003).",
        ),
    )
    times = {(str(x.estimate), x.timepoint) for x in r.trial.arm_results}
    assert {("52", "4 months"), ("24", "4 months"), ("73", "12 months"), ("27", "12 months")} <= times


def test_means_on_a_scale_in_points(read):
    # PMID20818875: 'mean score on the FACT-L scale [...], 98.0 vs. 91.5'
    r = read(
        "Early palliative care for patients with metastatic non-small-cell lung cancer.",
        (
            "METHODS",
            "We randomly assigned patients with newly diagnosed metastatic non-small-cell lung cancer to "
            "receive either early palliative care integrated with standard oncologic care or standard "
            "oncologic care alone. The primary outcome was the change in the quality of life at 12 weeks.",
        ),
        (
            "RESULTS",
            "Patients assigned to early palliative care had a better quality of life than did patients "
            "assigned to standard care (mean score on the FACT-L scale [in which scores range from 0 to 136, "
            "with higher scores indicating better quality of life], 98.0 vs. 91.5; P=0.03).",
        ),
    )
    both, alone = {"early palliative care", "standard oncologic care"}, {"standard oncologic care"}
    assert figures(r) == [
        ("quality of life", "mean", both, Decimal("98.0"), "points", None),
        ("quality of life", "mean", alone, Decimal("91.5"), "points", None),
    ]


def test_a_scores_figures_with_no_centre_named_are_its_means(read):
    # PMID22878823 (pool): 'patients treated with TCD had better 30-day activity without dyspnea scores (8.7 vs.
    # 5.9; P = .036)' (before: only the p-value was read)
    r = read(
        *CALGB_30102,
        (
            "",
            "Multivariate regression analysis revealed that patients treated with TCD had better 30-day activity "
            "without dyspnea scores (8.7 vs. 5.9; P = .036), especially in the subgroup with impaired expansion "
            "(9.1 vs. 4.6; P = .042).",
        ),
    )
    means = {(x.arm, str(x.estimate), x.unit) for x in r.trial.arm_results if x.statistic == "mean"}
    assert means == {
        ("tunneled catheter drainage", "8.7", "points"),
        ("bedside talc pleurodesis", "5.9", "points"),
    }


DEXTRAN = (
    "Dextran-70 in cardiac surgery.",
    (
        "METHODS",
        "Forty patients undergoing coronary bypass surgery (n = 32) or aortic valve replacement (n = 8) were "
        "enrolled in this prospective, randomized, double-blind study. Two groups were formed. In group A "
        "(n = 20), dextran-70 infusion was administered at a dose of 7.5 ml/kg before the initiation of "
        "cardiopulmonary bypass and at a dose of 12.5 ml/kg after the cessation of cardiopulmonary bypass. "
        "Group B served as a control with identical amounts of gelatin infusion (n = 20).",
    ),
)


def test_listed_pairs_after_a_named_median_are_medians(read):
    # PMC2206488 (benchmarks/pmc/blind-a): the pairs listed after '(median)' are medians, each item its own
    r = read(
        *DEXTRAN,
        (
            "RESULTS",
            "In group A, lower peak (median) plasma levels of procalcitonin (0.2 versus 1.4, p < 0.001), IL 8 "
            "(5.6 versus 94.8, p < 0.001), IL 10 (47.2 versus 209.7, p = 0.001), endothelial leukocyte "
            "adhesion molecule-1 (88.5 versus 130.6, p = 0.033), intercellular adhesion molecule-1 (806.7 "
            "versus 1,375.7, P = 0.001) and troponin-I (0.22 versus 0.66, p = 0.018) were found.",
        ),
    )
    dextran, gelatin = {"dextrans"}, {"gelatin infusion"}
    medians = [(e, s, d, v) for e, s, d, v, _unit, _n in figures(r, "median")]
    for expected in [
        ("IL 8", "median", dextran, Decimal("5.6")),
        ("IL 8", "median", gelatin, Decimal("94.8")),
        ("IL 10", "median", dextran, Decimal("47.2")),
        ("IL 10", "median", gelatin, Decimal("209.7")),
        ("troponin-I", "median", gelatin, Decimal("0.66")),
    ]:
        assert expected in medians


def test_a_median_age_pair_and_an_earlier_items_centre_are_no_results():
    # PMID24662458 (pool): 'median age 61 versus 63' is a baseline; 'eGFR (87 versus 84' names no centre
    text = (
        "Patients treated with cisplatin were younger (median age 61 versus 63, p < 0.01) and had less "
        "comorbidities (summary comorbidity score > 2, 7.7% versus 12.8%, p = 0.01) and higher eGFR (87 "
        "versus 84 mL/min/1.73 m)."
    )
    assert [i.raw for i in items(text) if i.statistic in ("mean", "median")] == []


def test_patients_counted_by_what_happened_to_them(read):
    # PMID25981812
    r = read(
        *SABR,
        (
            "FINDINGS",
            "58 patients were enrolled and randomly assigned (31 to SABR and 27 to surgery). Median follow-up "
            "was 40·2 months (IQR 23·0-47·3) for the SABR group and 35·4 months (18·9-40·7) for the surgery "
            "group. Six patients in the surgery group died compared with one patient in the SABR group.",
        ),
    )
    surgery = {"lobectomy", "mediastinal lymph node dissection", "mediastinal lymph node sampling"}
    assert [(s, d, e) for _ep, s, d, e, _u, _c in figures(r)] == [
        ("count", surgery, Decimal("6")),
        ("count", {"stereotactic ablative radiotherapy"}, Decimal("1")),
    ]
    assert {x.endpoint for x in r.trial.arm_results} == {"death"}


def test_events_counted_with_their_share_name_the_endpoint():
    # PMID19801201 (tests/fixtures/pool): 'At 4 months there were four deaths (13%) in the group that
    # received SRS alone, and eight deaths (29%) in the group that received SRS plus WBRT.'
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID19801201.txt").trial
    deaths = [
        (x.arm, x.estimate, x.unit, x.count, x.timepoint) for x in trial.arm_results if x.endpoint == "death"
    ]
    assert deaths == [
        ("stereotactic radiosurgery", Decimal("13"), "percent", 4, "4 months"),
        ("stereotactic radiosurgery + whole-brain radiotherapy", Decimal("29"), "percent", 8, "4 months"),
    ]


def test_count_percent_of_n_pairs_after_the_treatment_named_as_subject(read):
    # PMID9809728
    r = read(
        "Postoperative radiotherapy in the treatment of single metastases to the brain: a randomized trial.",
        (
            "INTERVENTIONS",
            "Patients were randomly assigned to treatment with postoperative whole-brain radiotherapy "
            "(radiotherapy group, 49 patients) or no further treatment (observation group, 46 patients) for "
            "the brain metastasis, with median follow-up of 48 weeks and 43 weeks, respectively.",
        ),
        (
            "RESULTS",
            "Postoperative radiotherapy prevented brain recurrence at the site of the original metastasis (5 "
            "[10%] of 49 vs 21 [46%] of 46; P<.001) and at other sites in the brain (7 [14%] of 49 vs 17 [37%] "
            "of 46; P<.01).",
        ),
    )
    got = [
        (x.estimate, x.count, x.n_analysed, r.arm(x.arm).interventions[0].kind) for x in r.trial.arm_results
    ]
    assert got == [
        (Decimal("10"), 5, 49, "radiation"),
        (Decimal("46"), 21, 46, "usual_care"),
        (Decimal("14"), 7, 49, "radiation"),
        (Decimal("37"), 17, 46, "usual_care"),
    ]


def test_a_groups_share_named_as_a_population_is_no_outcome(read):
    # PMID24331154: '291 (35%) patients in the tecemotide group' sizes the subgroup; the medians are its figures
    r = read(
        "Tecemotide (L-BLP25) versus placebo after chemoradiotherapy for stage III non-small-cell lung cancer "
        "(START): a randomised, double-blind, phase 3 trial.",
        (
            "METHODS",
            "Patients were stratified by stage (IIIA vs IIIB), response to chemoradiotherapy (stable disease vs "
            "objective response), delivery of chemoradiotherapy (concurrent vs sequential), and region using block "
            "randomisation, and were randomly assigned (2:1, double-blind) by a central interactive voice "
            "randomisation system to either tecemotide or placebo.",
        ),
        (
            "FINDINGS",
            "In patients who received previous sequential chemoradiotherapy, overall survival did not differ "
            "between the 291 (35%) patients in the tecemotide group and the 142 (35%) patients in the placebo group "
            "(19.4 months [95% CI 17.6-23.1] vs 24.6 months [18.8-33.0], respectively; adjusted HR 1.12, 0.87-1.44; "
            "p=0.38).",
        ),
    )
    assert [(x.statistic, x.estimate, x.unit) for x in r.trial.arm_results] == [
        ("median", Decimal("19.4"), "month"),
        ("median", Decimal("24.6"), "month"),
    ]


def test_medians_with_their_ranges_and_a_count_inside_the_evidence(read):
    # PMID15226327: a range is the median's spread, its bounds no figures of their own
    r = read(
        "Docetaxel versus docetaxel plus cisplatin as front-line treatment of patients with advanced "
        "non-small-cell lung cancer: a randomized, multicenter phase III trial.",
        (
            "PURPOSE",
            "To compare the overall survival (OS) of patients with advanced non-small-cell lung cancer (NSCLC) "
            "treated with docetaxel plus cisplatin (DC) or docetaxel (D) alone.",
        ),
        (
            "PATIENTS AND METHODS",
            "Chemotherapy-naïve patients with advanced/metastatic NSCLC were randomly assigned to receive either DC "
            "(n = 167; docetaxel 100 mg/m(2) on day 1, cisplatin 80 mg/m(2) on day 2, and recombinant human "
            "granulocyte colony-stimulating factor (rhG-CSF) 150 microg/m(2)/d on days 3 to 9) or D (n = 152; 100 "
            "mg/m(2) on day 1 without rhG-CSF) every 3 weeks.",
        ),
        (
            "RESULTS",
            "The median OS was 10.5 months (range, 0.5 to 41 months) and 8.0 months (range, 0.5 to 41 months) for "
            "DC and D, respectively (P =.200).",
        ),
    )
    assert [
        (x.arm, x.estimate, x.dispersion, x.spread_lower, x.spread_upper) for x in r.trial.arm_results
    ] == [
        ("docetaxel + cisplatin", Decimal("10.5"), "FULL_RANGE", Decimal("0.5"), Decimal("41")),
        ("docetaxel", Decimal("8.0"), "FULL_RANGE", Decimal("0.5"), Decimal("41")),
    ]
    first = r.trial.arm_results[0].evidence
    assert first.sentence[first.start : first.end] == "10.5 months (range, 0.5 to 41 months)"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # PMID8158698
        (
            "The estimated 2- and 3-year survival rates were 60% and 56% for the perioperative chemotherapy "
            "patients and 25% and 15% for those who had surgery alone, respectively.",
            [("60", "24 months"), ("56", "36 months"), ("25", "24 months"), ("15", "36 months")],
        ),
        # PMID15226327
        (
            "The 1- and 2-year survival rates were 44% and 19% for DC and 43% and 15% for D, respectively.",
            [("44", "12 months"), ("19", "24 months"), ("43", "12 months"), ("15", "24 months")],
        ),
    ],
)
def test_two_landmark_times_joined_by_and_go_to_the_rates_in_turn(sentence, expected):
    assert [(i.raw, i.timepoint) for i in items(normalise(sentence))] == expected


def test_times_after_at_date_a_figure_and_are_none():
    # PMID17047644: 'The dyspnoea palliation rate was lower in the C3 arm at 18 and 26 weeks (P<0.05)'
    text = "The dyspnoea palliation rate was lower in the C3 arm at 18 and 26 weeks (P<0.05)"
    assert items(normalise(text)) == []


def test_a_time_printed_after_its_interval_and_follow_up_times_are_none():
    # PMID16945766: '... median survival was 65.7 months (95% CI 47.9-88.5) in the chemotherapy group
    # and 43.7 (35.7-52.3) months in the observation group.'
    text = (
        "After a median follow-up of 76 months (range 43-116), median survival was 65.7 months (95% CI "
        "47.9-88.5) in the chemotherapy group and 43.7 (35.7-52.3) months in the observation group."
    )
    assert [(i.raw, i.unit) for i in items(normalise(text))] == [("65.7", "month"), ("43.7", "month")]
    # PMID20493771: follow-up times by arm are no figures; the PFS after them is
    text = (
        "After a median follow-up of 11.4 months for the erlotinib group and 11.5 months for the placebo "
        "group, median PFS was significantly longer with erlotinib than with placebo: 12.3 weeks for "
        "patients in the erlotinib group versus 11.1 weeks for those in the placebo group"
    )
    assert [(i.raw, i.unit) for i in items(normalise(text))] == [("12.3", "week"), ("11.1", "week")]


def test_a_year_is_no_figure():
    # PMID22511687
    text = (
        "The median survival estimates were 9.7 (interquartile range [IQR], 4.4-18.6) months for "
        "bevacizumab-carboplatin-paclitaxel, 8.9 (IQR, 3.5-19.3) months for carboplatin-paclitaxel in "
        "2006-2007, and 8.0 (IQR, 3.7-17.2) months for carboplatin-paclitaxel in 2002-2005."
    )
    assert [i.raw for i in items(normalise(text))] == ["9.7", "8.9", "8.0"]


def _pool_trial(pmid: str):
    return read_document(Path(__file__).parents[1] / "fixtures" / "pool" / f"PMID{pmid}.txt").trial


def test_a_span_of_percents_is_no_group_figure():
    # PMID26791798 (tests/fixtures/pool): 'OS rates for both groups were 82-83% after 3 years and
    # 80-83% after 5 years.'
    assert [x for x in _pool_trial("26791798").arm_results if x.endpoint == "overall survival"] == []
    # PMID9662246 (tests/fixtures/pool): '30-48% of patients with an adverse set of factors had symptom
    # relief'
    assert Decimal("48") not in {x.estimate for x in _pool_trial("9662246").arm_results}


def test_a_year_before_an_endpoint_and_a_colon_dates_a_rate():
    # PMID24051084 (tests/fixtures/pool): '1 year OS: 15-100%, 2 year OS: 18-90% and 5 year OS:
    # 8.3-86%.' -- landmarks of spans, no medians of 1, 2 and 5 years
    trial = _pool_trial("24051084")
    assert not [x for x in trial.arm_results if x.unit == "year"]


def test_an_interval_whose_bounds_a_comma_parts():
    # PMID25758556 (tests/fixtures/pool): 'The 1-year PFS rate was 51.3% (95%CI: 42.0, 60.5). Median
    # PFS was 10.6 months (95%CI: 8.6, 17.3), median OS was 26.2 months (95%CI: 16.7, not estimable).'
    trial = _pool_trial("25758556")
    assert [
        (r.endpoint, r.statistic, r.estimate, r.ci_lower, r.ci_upper, r.ci_upper_not_reached)
        for r in trial.arm_results
        if r.ci_lower is not None
    ] == [
        ("progression-free survival", "rate", Decimal("51.3"), Decimal("42.0"), Decimal("60.5"), False),
        ("progression-free survival", "median", Decimal("10.6"), Decimal("8.6"), Decimal("17.3"), False),
        ("overall survival", "median", Decimal("26.2"), Decimal("16.7"), None, True),
    ]


def test_one_figure_for_each_arm():
    # PMID15117980 (tests/fixtures/pool): 'Median progression-free survival was 2.9 months for each arm'
    trial = _pool_trial("15117980")
    pfs = [(r.arm, r.estimate) for r in trial.arm_results if r.endpoint == "progression-free survival"]
    assert pfs == [(a.label, Decimal("2.9")) for a in trial.arms]
    # PMID25470694 (tests/fixtures/pool): 'Median overall survival was not reached in either group
    # (hazard ratio for death with crizotinib, 0.82; ...), and the probability of 1-year survival was
    # 84% ...': not reached in each arm, in the unit of no landmark
    medians = [
        (r.arm, r.estimate_not_reached, r.unit)
        for r in _pool_trial("25470694").arm_results
        if r.statistic == "median" and r.endpoint == "overall survival"
    ]
    assert medians == [(a.label, True, "month") for a in _pool_trial("25470694").arms]


def test_a_bare_bracket_after_a_labelled_range_is_a_range_too():
    # PMID19167118 (tests/fixtures/pool): 'Their median overall and progression-free survival times were
    # 23.5 (range, 4.2-109.7) and 9.0 months (2.2-109.7), respectively.'
    medians = [
        (r.estimate, r.dispersion, r.spread_lower, r.spread_upper, r.ci_lower)
        for r in _pool_trial("19167118").arm_results
        if r.statistic == "median"
    ]
    assert (Decimal("9.0"), "FULL_RANGE", Decimal("2.2"), Decimal("109.7"), None) in medians
    # PMID19632716: 'the median OS was 34.4 months (IQR 15.7-not reached; ...)': an open range
    m = RANGE.match(" (IQR 15.7-not reached; 19 [point estimate 41%] patients alive at 5 years)")
    assert spread(m) == {
        "dispersion": "INTER_QUARTILE_RANGE",
        "spread_lower": Decimal("15.7"),
        "spread_upper": None,
    }


# PMID28475456, verbatim: each percent takes the count and denominator in its own bracket
_ORR = (
    "Independent review committee-assessed intracranial ORR in patients with measurable brain metastases at "
    "baseline was 42% (11 of 26 patients) in arm A and 67% (12 of 18 patients) in arm B."
)


@pytest.mark.parametrize(
    ("sentence", "pairs"),
    [
        (_ORR, [(11, 26), (12, 18)]),
        # PMID22547605
        ("EGFR mutation analysis was possible in 91% (164 of 181) of patients.", [(164, 181)]),
        # PMID28475456's sentence with its first percent altered: a bracket whose count is not the
        # one behind the percent is left alone (no page of the shared data prints one)
        (_ORR.replace("42%", "24%"), [(None, None), (12, 18)]),
    ],
)
def test_the_count_and_denominator_printed_after_a_percent(sentence, pairs):
    found = [(i.count, i.total) for i in items(normalise(sentence)) if i.unit == "percent"]
    assert found == pairs


def test_times_in_minutes_and_hours():
    # PMID20172539: 'Median operative time was shorter for video-assisted thoracoscopic lobectomy
    # (video-assisted thoracoscopy 117.5 minutes vs open 171.5 minutes; P < .001).'
    found = items(normalise("(video-assisted thoracoscopy 117.5 minutes vs open 171.5 minutes; P < .001)"))
    assert [(i.raw, i.unit) for i in found] == [("117.5", "minute"), ("171.5", "minute")]
    # PMID24210834: 'Inpatient operating times were longer for RATS lobectomy than VATS lobectomy (4.49
    # hours vs 4.23 hours; P = .0959)'
    found = items(normalise("(4.49 hours vs 4.23 hours; P = .0959)"))
    assert [(i.raw, i.unit) for i in found] == [("4.49", "hour"), ("4.23", "hour")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # PMID22954507 (pool)
        ("87 of 143 patients had an objective response (60·8%, 95% CI 52·3-68·9)", ("87", 143)),
        # PMID28841389 (pool)
        ("Nine of 19 patients had putative resistance mechanisms, including", ("9", 19)),
    ],
)
def test_a_count_of_patients_out_of_a_denominator(sentence, expected):
    counts = [(i.raw, i.total) for i in items(normalise(sentence)) if i.statistic == "count"]
    assert counts == [expected]


def test_the_patients_a_clause_is_among_are_no_count():
    # PMID29935304 (pool): the 9 biopsied patients are who the 5 were counted in
    sentence = (
        "Among 9 patients in this study who underwent post-alectinib/pre-brigatinib biopsies, 5 had an ALK"
    )
    assert [i.raw for i in items(normalise(sentence)) if i.statistic == "count"] == ["5"]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # PMID19571281 (tests/fixtures/pool): 'Sixty patients in the PET-CT group and 73 in the
        # conventional-staging group underwent thoracotomy (P=0.004).'
        (
            "pool/PMID19571281.txt",
            {
                (
                    "conventional staging + positron-emission tomography and computed tomography",
                    "thoracotomy",
                    None,
                ): 60,
                ("conventional staging", "thoracotomy", None): 73,
            },
        ),
        # PMID19581636 (tests/fixtures/pool): 'At 3 years, 52 patients who had PET-CT and 57 patients who had
        # conventional staging had died.'
        (
            "pool/PMID19581636.txt",
            {
                ("positron emission tomography and computed tomography", "death", "36 months"): 52,
                ("conventional staging", "death", "36 months"): 57,
            },
        ),
        # PMID30620668 (tests/fixtures/abstracts): '..., 73 patients in the pembrolizumab arm and 96 in the
        # chemotherapy arm had died.'
        (
            "abstracts/PMID30620668.txt",
            {("pembrolizumab", "death", None): 73, ("chemotherapy", "death", None): 96},
        ),
    ],
)
def test_counts_of_patients_one_per_arm_before_the_event_they_share(page, expected):
    """Each count of a list of per-arm counts is a figure of its own, whose arm is the one the
    words after it name; the event after the list is each count's endpoint."""
    trial = read_document(Path(__file__).parents[1] / "fixtures" / page).trial
    counts = {
        (r.arm, r.endpoint, r.timepoint): int(r.estimate)
        for r in trial.arm_results
        if r.statistic == "count" and r.endpoint in ("thoracotomy", "death")
    }
    assert counts == expected


@pytest.mark.parametrize(
    ("sentence", "pairs"),
    [
        # PMID18583190 (tests/fixtures/pool)
        (
            "In patients receiving a pneumonectomy, treatment-related mortality increased in the interventional "
            "group compared with the control group (7/50 [14%] vs 3/54 [6%]).",
            [(7, 50), (3, 54)],
        ),
        # PMID26412340: a dose per fraction is no count behind the percent
        (
            "The 5 most common treatment schemes were 30/10 (Gy/fraction, 23% of entire cohort), 35/14 (8%), "
            "37.5/15 (7%), 40/20 (3%), and 50/20 (3%).",
            [(None, None)] * 5,
        ),
    ],
)
def test_the_count_and_denominator_printed_as_a_ratio_before_a_percent(sentence, pairs):
    found = [(i.count, i.total) for i in items(normalise(sentence)) if i.unit == "percent"]
    assert found == pairs


def test_responses_counted_by_kind():
    # PMID12879472 (tests/fixtures/pool)
    text = (
        "In the MIC/MVP arm, 33% of patients responded (4 complete responses [CRs] and 57 partial "
        "responses [PRs]) whereas in the GC arm, 30% of patients responded (3 CRs and 54 PRs)."
    )
    found = [(i.raw, i.statistic, i.what) for i in items(normalise(text)) if i.statistic == "count"]
    assert found == [
        ("4", "count", "complete response"),
        ("57", "count", "partial response"),
        ("3", "count", "complete response"),
        ("54", "count", "partial response"),
    ]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # PMID11870177 (tests/fixtures/pool): 'In the 116 arm B patients, the median number of cycles delivered
        # was four (range, zero to 19 cycles).'
        (
            "PMID11870177.txt",
            {("carboplatin + paclitaxel (arm B)", Decimal("4"), Decimal("0"), Decimal("19"))},
        ),
        # PMID16022917 (tests/fixtures/pool): 'The median number of cycles was four in each arm with a total
        # of 1268 cycles.'
        (
            "PMID16022917.txt",
            {
                ("vinorelbine + carboplatin", Decimal("4"), None, None),
                ("vinorelbine + gemcitabine", Decimal("4"), None, None),
            },
        ),
    ],
)
def test_the_median_number_of_cycles_an_arm_received(page, expected):
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / page).trial
    found = {
        (r.arm, r.estimate, r.spread_lower, r.spread_upper)
        for r in trial.arm_results
        if r.endpoint == "number of cycles" and r.statistic == "median" and r.unit == "cycles"
    }
    assert found == expected


def test_the_digits_of_an_arm_name_are_no_figure():
    # PMID10856094: 'Overall response rates were 10.8% with D100 and 6.7% with D75, each significantly
    # higher than the 0.8% response with V/I' (before: 'D100 and 6.7%' read a rate of 100%)
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID10856094.txt").trial
    rates = [r.estimate for r in trial.arm_results if r.endpoint == "objective response rate"]
    assert Decimal("100") not in rates
    assert {Decimal("10.8"), Decimal("6.7")} <= set(rates)


def test_a_figure_printed_with_its_spread_before_its_unit():
    # PMID11948046 (tests/fixtures/pool): 'Median +/- SD survival time following surgery was 46.2 +/- 3.15
    # months; for no treatment, 14.2 +/- 2.37 months (...); and radiotherapy alone, 19.9 +/- 5.6 months
    # (p = 0.0005).' (before: the spreads 3.15, 2.37 and 5.6 were read as the median times)
    sentence = normalise(
        "Median +/- SD survival time following surgery was 46.2 +/- 3.15 months; for no treatment, 14.2 +/- "
        "2.37 months (p = 3.2 x 10(-6)); and radiotherapy alone, 19.9 +/- 5.6 months (p = 0.0005)."
    )
    assert [(i.raw, i.unit, i.statistic, i.spread) for i in items(sentence)] == [
        (raw, "month", "median", {"dispersion": "STANDARD_DEVIATION", "spread": Decimal(sd)})
        for raw, sd in (("46.2", "3.15"), ("14.2", "2.37"), ("19.9", "5.6"))
    ]
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID11948046.txt").trial
    assert [(r.estimate, r.dispersion, r.spread) for r in trial.arm_results if r.spread is not None] == [
        (Decimal("46.2"), "STANDARD_DEVIATION", Decimal("3.15")),
        (Decimal("14.2"), "STANDARD_DEVIATION", Decimal("2.37")),
        (Decimal("19.9"), "STANDARD_DEVIATION", Decimal("5.6")),
    ]


def test_a_spread_whose_kind_the_sentence_does_not_say_is_left_open():
    # PMID22982655 (pool): 'mean age was 62.1 ± 9.2 years (range, 44-81)': no 'SD' or 'SE' said
    (item,) = items(normalise("mean age was 62.1 ± 9.2 years (range, 44-81)."))
    assert (item.raw, item.statistic, item.spread) == (
        "62.1",
        "mean",
        {"dispersion": None, "spread": Decimal("9.2")},
    )
