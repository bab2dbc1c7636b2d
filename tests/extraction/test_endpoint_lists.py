"""Figures that follow lists (kg.extraction.endpoint_lists, assignment's lists, values'
landmark lists) and objects named before 'compared with', through ``extract_trial``.

Every sentence is quoted from a page of ../shared/data/pool (PMID beside it), with that page's
own title and design sections.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pool_pages import trial_of

from kg.sources import read_document

FIXTURES = Path(__file__).parents[1] / "fixtures"

# PMID17551299
IFI_ENI = (
    "A randomized study of involved-field irradiation versus elective nodal irradiation in combination with "
    "concurrent chemotherapy for inoperable stage III nonsmall cell lung cancer.",
    (
        "BACKGROUND",
        "Radiation dose escalation is limited by the high incidence of pulmonary and esophageal toxicity, leading "
        "to calls for the omission of elective nodal irradiation (ENI) and the willingness to use involved-field "
        "irradiation (IFI) in patients with nonsmall cell lung cancer (NSCLC).",
    ),
    (
        "METHODS AND MATERIALS",
        "A total of 200 eligible patients with inoperable stage III NSCLC were treated with concurrent "
        "chemoradiotherapy and randomized into either an IFI or ENI arm.",
    ),
)
# PMID11978336
PLUS = (
    "Effectiveness of positron emission tomography in the preoperative assessment of patients with suspected "
    "non-small-cell lung cancer: the PLUS multicentre randomised trial.",
    (
        "BACKGROUND",
        "Accuracy of positron emission tomography (PET) with 18-fluorodeoxyglucose (18FDG) is thought to be better "
        "than conventional staging for diagnosis of this malignancy.",
    ),
    (
        "METHODS",
        "Before surgery (mediastinoscopy or thoracotomy), 188 patients from nine hospitals were randomly assigned "
        "to either conventional workup (CWU) or conventional workup and PET (CWU+PET). The primary outcome measure "
        "was futile thoracotomy.",
    ),
)
# PMID19767090
WHI = (
    "Oestrogen plus progestin and lung cancer in postmenopausal women (Women's Health Initiative trial): a "
    "post-hoc analysis of a randomised controlled trial.",
    (
        "METHODS",
        "The WHI study was a randomised, double-blind, placebo-controlled trial undertaken in 40 centres in the "
        "USA. 16 608 postmenopausal women aged 50-79 years with an intact uterus were randomly assigned by a "
        "computerised, stratified, permuted block algorithm to receive a once-daily tablet of 0.625 mg conjugated "
        "equine oestrogen plus 2.5 mg medroxyprogesterone acetate (n=8506) or matching placebo (n=8102).",
    ),
)


def rates(trial) -> list[tuple[str, str, Decimal, str | None]]:
    return [(r.endpoint, r.arm, r.estimate, r.timepoint) for r in trial.arm_results]


def test_parallel_lists_take_the_listed_landmark_times_in_turn(read):
    trial = read(
        *IFI_ENI,
        (
            "RESULTS",
            "The 1-, 2-, and 5-year survival rates were 60.4%, 25.6%, and 18.3% for the ENI arm and 69.9%, 39.4%, "
            "and 25.1% for the IFI arm, respectively.",
        ),
    ).trial
    eni, ifi = "elective nodal irradiation", "involved-field irradiation"
    assert rates(trial) == [
        ("overall survival", eni, Decimal("60.4"), "12 months"),
        ("overall survival", eni, Decimal("25.6"), "24 months"),
        ("overall survival", eni, Decimal("18.3"), "60 months"),
        ("overall survival", ifi, Decimal("69.9"), "12 months"),
        ("overall survival", ifi, Decimal("39.4"), "24 months"),
        ("overall survival", ifi, Decimal("25.1"), "60 months"),
    ]


def test_a_list_of_endpoints_gives_each_figure_its_place():
    # PMID25841625 (tests/fixtures/pool, one treatment): 'Eighteen-month LC, LRC, DFS, and OS rates were
    # 91.2%, 64.4%, 34.6%, and 59.7%, respectively.': each figure its endpoint, the lead landmark for all
    trial = read_document(FIXTURES / "pool" / "PMID25841625.txt").trial
    sbrt = "stereotactic body radiotherapy"
    assert [r for r in rates(trial) if r[3] == "18 months"] == [
        ("local control", sbrt, Decimal("91.2"), "18 months"),
        ("locoregional control", sbrt, Decimal("64.4"), "18 months"),
        ("disease-free survival", sbrt, Decimal("34.6"), "18 months"),
        ("overall survival", sbrt, Decimal("59.7"), "18 months"),
    ]


def test_the_object_before_compared_with_is_the_endpoint(read):
    trial = read(
        *PLUS,
        (
            "FINDINGS",
            "In the CWU group, 39 (41%) patients had a futile thoracotomy, compared with 19 (21%) in the CWU+PET "
            "group (relative reduction 51%, 95% CI 32-80%; p=0.003).",
        ),
    ).trial
    assert [(r.endpoint, r.arm, r.count, r.estimate) for r in trial.arm_results] == [
        ("futile thoracotomy", "conventional workup", 39, Decimal("41")),
        ("futile thoracotomy", "conventional workup + positron emission tomography", 19, Decimal("21")),
    ]
    (c,) = trial.comparisons
    assert (c.endpoint, c.statistic, c.estimate, c.ci_lower, c.ci_upper, c.p_value) == (
        "futile thoracotomy",
        "relative_reduction",
        Decimal("51"),
        Decimal("32"),
        Decimal("80"),
        Decimal("0.003"),
    )


def test_a_diagnosis_counted_in_each_arm_and_durations_of_follow_up_are_no_figures(read):
    trial = read(
        *WHI,
        (
            "FINDINGS",
            "After a mean of 5.6 years (SD 1.3) of treatment and 2.4 years (0.4) of additional follow-up, 109 women "
            "in the combined hormone therapy group had been diagnosed with lung cancer compared with 85 in the "
            "placebo group (incidence per year 0.16%vs 0.13%; hazard ratio [HR] 1.23, 95% CI 0.92-1.63, p=0.16).",
        ),
    ).trial
    assert [(r.endpoint, r.statistic, r.estimate) for r in trial.arm_results] == [
        ("lung cancer incidence", "count", Decimal("109")),
        ("lung cancer incidence", "count", Decimal("85")),
        ("lung cancer incidence", "rate", Decimal("0.16")),
        ("lung cancer incidence", "rate", Decimal("0.13")),
    ]
    (hr,) = trial.comparisons
    assert (hr.endpoint, hr.statistic, hr.estimate, hr.ci_lower, hr.ci_upper, hr.p_value) == (
        "lung cancer incidence",
        "hazard_ratio",
        Decimal("1.23"),
        Decimal("0.92"),
        Decimal("1.63"),
        Decimal("0.16"),
    )


# PMID22452896
LUX_LUNG_1 = (
    "Afatinib versus placebo for patients with advanced, metastatic non-small-cell lung cancer after failure of "
    "erlotinib, gefitinib, or both, and one or two lines of chemotherapy (LUX-Lung 1): a phase 2b/3 randomised "
    "trial.",
    (
        "METHODS",
        "We used a computer-generated sequence to randomly allocate patients (2:1) to either afatinib (50 mg per "
        "day) or placebo; all patients received best supportive care.",
    ),
)


def test_patients_in_each_group_who_received_a_treatment(read):
    trial = read(
        *LUX_LUNG_1,
        (
            "FINDINGS",
            "Subsequent cancer treatment was given to 257 (68%) patients in the afatinib group and 153 (79%) "
            "patients in the placebo group.",
        ),
    ).trial
    assert [(r.endpoint, r.arm, r.count, r.estimate) for r in trial.arm_results] == [
        ("subsequent cancer treatment", "afatinib + best supportive care", 257, Decimal("68")),
        ("subsequent cancer treatment", "placebo + best supportive care", 153, Decimal("79")),
    ]


# PMID28602779 (../shared/data/abstracts)
ASCEND_5 = (
    "Ceritinib versus chemotherapy in patients with ALK-rearranged non-small-cell lung cancer previously given "
    "chemotherapy and crizotinib (ASCEND-5): a randomised, controlled, open-label, phase 3 trial.",
    (
        "METHODS",
        "We randomly allocated patients (1:1; with blocking [block size of four]; stratified by WHO performance "
        "status [0 vs 1-2] and presence or absence of brain metastases) to oral ceritinib 750 mg per day fasted "
        "(in 21 day treatment cycles) or chemotherapy (intravenous pemetrexed 500 mg/m2 or docetaxel 75 mg/m2 "
        "[investigator choice], every 21 days).",
    ),
)


def test_patients_who_died_named_after_their_figures(read):
    trial = read(
        *ASCEND_5,
        (
            "FINDINGS",
            "15 (13%) of 115 patients in the ceritinib group and five (4%) of 113 in the chemotherapy group died "
            "during the treatment period (from the day of the first dose of study treatment to 30 days after the "
            "final dose).",
        ),
    ).trial
    assert [(r.endpoint, r.count, r.n_analysed, r.estimate) for r in trial.arm_results] == [
        ("death", 15, 115, Decimal("13")),
        ("death", 5, 113, Decimal("4")),
    ]


def test_patients_who_discontinued_treatment_and_why():
    # PMID26973324 (a one-arm phase 1 trial): '147 (60%) patients had discontinued treatment, 98 (40%) as
    # a result of disease progression' counts treatment discontinuation twice
    trial = read_document(FIXTURES / "pool" / "PMID26973324.txt").trial
    assert [
        (r.endpoint, r.count, r.estimate)
        for r in trial.arm_results
        if r.endpoint == "treatment discontinuation"
    ] == [
        ("treatment discontinuation", 147, Decimal("60")),
        ("treatment discontinuation", 98, Decimal("40")),
    ]


def test_pairs_listed_each_after_its_endpoint_take_that_endpoint():
    # PMC1201146 (jayded/evidence-inference, MIT): 'The topical diclofenac group had a significantly greater
    # mean change in score (final minus baseline) compared to the vehicle control group for pain (-5.2 vs.
    # -3.3, p = 0.003), physical function (-13.4 vs. -6.9, p = 0.001), PGA (-1.3 vs. -0.7, p = 0.0001) and
    # stiffness (-1.8 vs. -0.9, p = 0.002).' Before, pain's pair was lost and stiffness's named PGA.
    means = {
        (r.endpoint, r.estimate)
        for r in trial_of("PMC1201146").arm_results
        if r.endpoint in ("pain", "stiffness")
    }
    assert means == {
        ("pain", Decimal("-5.2")),
        ("pain", Decimal("-3.3")),
        ("stiffness", Decimal("-1.8")),
        ("stiffness", Decimal("-0.9")),
    }


def test_a_list_of_endpoints_then_of_arms_prints_each_endpoints_figures_arm_by_arm():
    # PMID27022112: 'Median PFS and overall survival times for gefitinib and erlotinib were 6.5 and 7.5
    # months (hazard ratio [HR], 1.125; 95% CI, 0.940 to 1.347; P = .257) and 22.8 and 24.5 months (HR,
    # 1.038; 95% CI, 0.833 to 1.294; P = .768), respectively.' (before: all four medians and both hazard
    # ratios were overall survival's)
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "abstracts" / "PMID27022112.txt").trial
    medians = [(r.endpoint, r.arm, r.estimate) for r in trial.arm_results if r.statistic == "median"][:4]
    assert medians == [
        ("progression-free survival", "gefitinib", Decimal("6.5")),
        ("progression-free survival", "erlotinib", Decimal("7.5")),
        ("overall survival", "gefitinib", Decimal("22.8")),
        ("overall survival", "erlotinib", Decimal("24.5")),
    ]
    ratios = [(c.endpoint, c.estimate) for c in trial.comparisons if c.statistic == "hazard_ratio"][:2]
    assert ratios == [("progression-free survival", Decimal("1.125")), ("overall survival", Decimal("1.038"))]


def test_the_corresponding_values_are_the_endpoint_named_before():
    # PMID29863955: 'The median progression-free survival was longer in the ABCP group than in the BCP group
    # (8.3 months vs. 6.8 months; ...); the corresponding values in the Teff-high WT population were 11.3
    # months and 6.8 months (hazard ratio, 0.51 [95% CI, 0.38 to 0.68]; P<0.001).' (before: 'values')
    trial = trial_of("29863955")
    teff = [(r.endpoint, r.estimate) for r in trial.arm_results if r.subgroup == "Teff-high WT"]
    assert teff[:2] == [
        ("progression-free survival", Decimal("11.3")),
        ("progression-free survival", Decimal("6.8")),
    ]
    ratio = next(c for c in trial.comparisons if c.estimate == Decimal("0.51"))
    assert ratio.endpoint == "progression-free survival"
