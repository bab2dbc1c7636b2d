"""kg.extraction.contrasts (with stats): between-arm comparisons of a results sentence.

Each test reads a real abstract's design sentence and results sentences (quoted from
../shared/data/abstracts or ../shared/data/pool, PMID beside them) through ``extract_trial``
and checks every field of the comparison exactly.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from shared_quotes import SABR

from kg.extraction.stats import CONTRASTS, RATIO
from kg.sources import read_document

NLST_TITLE = "Reduced lung-cancer mortality with low-dose computed tomographic screening."
NLST_BACKGROUND = (
    "The advent of low-dose helical computed tomography (CT) altered the landscape of lung-cancer screening, "
    "with studies indicating that low-dose CT detects many tumors at early stages."
)
NLST_METHODS = (
    "From August 2002 through April 2004, we enrolled 53,454 persons at high risk for lung cancer at 33 U.S. "
    "medical centers. Participants were randomly assigned to undergo three annual screenings with either "
    "low-dose CT (26,722 participants) or single-view posteroanterior chest radiography (26,732)."
)
LDCT, CXR = {"low-dose computed tomography"}, {"single-view posteroanterior chest radiography"}


def fields(c) -> tuple:
    return (c.endpoint, c.statistic, c.estimate, c.unit, c.ci_lower, c.ci_upper, c.ci_level, c.p_value)


def test_rate_ratio(read):
    # PMID21714641
    r = read(
        NLST_TITLE,
        ("BACKGROUND", NLST_BACKGROUND),
        ("METHODS", NLST_METHODS),
        (
            "RESULTS",
            "The incidence of lung cancer was 645 cases per 100,000 person-years (1060 cancers) in the "
            "low-dose CT group, as compared with 572 cases per 100,000 person-years (941 cancers) in the "
            "radiography group (rate ratio, 1.13; 95% confidence interval [CI], 1.03 to 1.23).",
        ),
    )
    (c,) = r.trial.comparisons
    assert fields(c) == (
        "lung cancer incidence",
        "risk_ratio",
        Decimal("1.13"),
        None,
        Decimal("1.03"),
        Decimal("1.23"),
        Decimal("95"),
        None,
    )
    assert (r.drugs(c.arm), r.drugs(c.comparator)) == (LDCT, CXR)


def test_relative_reduction_and_reduced_by(read):
    # PMID21714641: 'representing a relative reduction in mortality from lung cancer ... of 20.0%' and
    # 'The rate of death from any cause was reduced in the low-dose CT group, ..., by 6.7%'
    r = read(
        NLST_TITLE,
        ("BACKGROUND", NLST_BACKGROUND),
        ("METHODS", NLST_METHODS),
        (
            "RESULTS",
            "There were 247 deaths from lung cancer per 100,000 person-years in the low-dose CT group and 309 "
            "deaths per 100,000 person-years in the radiography group, representing a relative reduction in "
            "mortality from lung cancer with low-dose CT screening of 20.0% (95% CI, 6.8 to 26.7; P=0.004). "
            "The rate of death from any cause was reduced in the low-dose CT group, as compared with the "
            "radiography group, by 6.7% (95% CI, 1.2 to 13.6; P=0.02).",
        ),
    )
    assert [fields(c) for c in r.trial.comparisons] == [
        (
            "lung cancer mortality",
            "relative_reduction",
            Decimal("20.0"),
            "percent",
            Decimal("6.8"),
            Decimal("26.7"),
            Decimal("95"),
            Decimal("0.004"),
        ),
        (
            "death from any cause",
            "relative_reduction",
            Decimal("6.7"),
            "percent",
            Decimal("1.2"),
            Decimal("13.6"),
            Decimal("95"),
            Decimal("0.02"),
        ),
    ]
    assert all((r.drugs(c.arm), r.drugs(c.comparator)) == (LDCT, CXR) for c in r.trial.comparisons)


def test_difference_in_percentage_points(read):
    # PMID25517706
    r = read(
        "Cytisine versus nicotine for smoking cessation.",
        (
            "METHODS",
            "We conducted a pragmatic, open-label, noninferiority trial in New Zealand in which 1310 adult "
            "daily smokers who were motivated to quit and called the national quitline were randomly assigned "
            "in a 1:1 ratio to receive cytisine for 25 days or nicotine-replacement therapy for 8 weeks. The "
            "primary outcome was self-reported continuous abstinence at 1 month.",
        ),
        (
            "RESULTS",
            "At 1 month, continuous abstinence from smoking was reported for 40% of participants receiving "
            "cytisine (264 of 655) and 31% of participants receiving nicotine-replacement therapy (203 of "
            "655), for a difference of 9.3 percentage points (95% confidence interval, 4.2 to 14.5).",
        ),
    )
    (c,) = r.trial.comparisons
    assert fields(c)[1:] == (
        "difference",
        Decimal("9.3"),
        "percent",
        Decimal("4.2"),
        Decimal("14.5"),
        Decimal("95"),
        None,
    )
    assert "continuous abstinence" in c.endpoint and c.timepoint == "1 month"
    assert (r.drugs(c.arm), r.drugs(c.comparator)) == ({"cytisine"}, {"nicotine"})


QUARTZ = (
    "Dexamethasone and supportive care with or without whole brain radiotherapy in treating patients with "
    "non-small cell lung cancer with brain metastases unsuitable for resection or stereotactic radiotherapy "
    "(QUARTZ): results from a phase 3, non-inferiority, randomised trial.",
    (
        "BACKGROUND",
        "Whole brain radiotherapy (WBRT) and dexamethasone are widely used to treat brain metastases from "
        "non-small cell lung cancer (NSCLC), although there have been no randomised clinical trials showing "
        "that WBRT improves either quality of life or overall survival.",
    ),
    (
        "METHODS",
        "NSCLC patients with brain metastases unsuitable for surgical resection or stereotactic radiotherapy "
        "were randomly assigned (1:1) to optimal supportive care (OSC) including dexamethasone plus WBRT (20 Gy "
        "in five daily fractions) or OSC alone (including dexamethasone). The primary outcome measure was "
        "quality-adjusted life-years (QALYs).",
    ),
    (
        "FINDINGS",
        "The difference between the mean QALYs was 4·7 days (46·4 QALY days for the OSC plus WBRT group vs "
        "41·7 QALY days for the OSC group), with two-sided 90% CI of -12·7 to 3·3.",
    ),
)
OSC_WBRT = {"optimal supportive care", "dexamethasone", "whole brain radiotherapy"}
OSC = {"optimal supportive care", "dexamethasone"}


def test_difference_with_a_ci_printed_after_a_bracket_at_another_level(read):
    # PMID27604504: the interval (-12.7 to 3.3) is centred on OSC alone minus OSC plus WBRT (-4.7): the
    # difference is read that way round, so estimate and interval agree (before: no interval)
    r = read(*QUARTZ)
    (c,) = [c for c in r.trial.comparisons if c.statistic == "difference"]
    assert (c.endpoint, c.unit, c.ci_level) == ("quality-adjusted life-years", "day", Decimal("90"))
    assert (r.drugs(c.arm), r.drugs(c.comparator), c.estimate, c.ci_lower, c.ci_upper) == (
        OSC,
        OSC_WBRT,
        Decimal("-4.7"),
        Decimal("-12.7"),
        Decimal("3.3"),
    )


def test_means_printed_inside_the_bracket_of_a_difference(read):
    # PMID27604504
    r = read(*QUARTZ)
    got = [(x.endpoint, x.statistic, r.drugs(x.arm), x.estimate, x.unit) for x in r.trial.arm_results]
    assert got == [
        ("quality-adjusted life-years", "mean", OSC_WBRT, Decimal("46.4"), "day"),
        ("quality-adjusted life-years", "mean", OSC, Decimal("41.7"), "day"),
    ]


ATBC_TITLE = "The effect of vitamin E and beta carotene on the incidence of lung cancer and other cancers in male smokers."
ATBC_METHODS = (
    "A total of 29,133 male smokers 50 to 69 years of age from southwestern Finland were randomly assigned to "
    "one of four regimens: alpha-tocopherol (50 mg per day) alone, beta carotene (20 mg per day) alone, both "
    "alpha-tocopherol and beta carotene, or placebo."
)

ATBC_RESULTS = (
    "Among the 876 new cases of lung cancer diagnosed during the trial, no reduction in incidence was "
    "observed among the men who received alpha-tocopherol (change in incidence as compared with those "
    "who did not, -2 percent; 95 percent confidence interval, -14 to 12 percent). Total mortality was "
    "8 percent higher (95 percent confidence interval, 1 to 16 percent) among the participants who "
    "received beta carotene than among those who did not, primarily because there were more deaths "
    "from lung cancer and ischemic heart disease."
)


def test_relative_changes_with_their_sign_between_pooled_factorial_groups(read):
    # PMID8127329
    r = read(
        ATBC_TITLE,
        ("METHODS", ATBC_METHODS),
        ("RESULTS", ATBC_RESULTS),
    )
    incidence, mortality = r.trial.comparisons
    assert fields(incidence)[1:] == (
        "relative_change",
        Decimal("-2"),
        "percent",
        Decimal("-14"),
        Decimal("12"),
        Decimal("95"),
        None,
    )
    assert fields(mortality) == (
        "total mortality",
        "relative_change",
        Decimal("8"),
        "percent",
        Decimal("1"),
        Decimal("16"),
        Decimal("95"),
        None,
    )

    def pooled(label: str) -> set[frozenset[str]]:
        return {frozenset(a.drug_names) for a in r.members(label)}

    alpha, beta, both = (
        frozenset({"alpha-tocopherol"}),
        frozenset({"beta carotene"}),
        frozenset({"alpha-tocopherol", "beta carotene"}),
    )
    placebo = frozenset({"placebo"})
    assert (pooled(incidence.arm), pooled(incidence.comparator)) == ({alpha, both}, {beta, placebo})
    assert (pooled(mortality.arm), pooled(mortality.comparator)) == ({beta, both}, {alpha, placebo})


def test_risk_of_disease_progression_is_progression_free_survival(read):
    # PMID22341744
    r = read(
        "Maintenance therapy with pemetrexed plus best supportive care versus placebo plus best supportive "
        "care after induction therapy with pemetrexed plus cisplatin for advanced non-squamous non-small-cell "
        "lung cancer (PARAMOUNT): a double-blind, phase 3, randomised controlled trial.",
        (
            "METHODS",
            "Patients who did not progress after completion of four cycles of induction and who had an ECOG "
            "performance status of 0 or 1 were stratified according to disease stage (IIIB or IV), ECOG "
            "performance status (0 or 1), and induction response (complete or partial response, or stable "
            "disease), and randomly assigned (2:1 ratio) to receive maintenance therapy with either pemetrexed "
            "(500 mg/m(2) every 21 days) plus best supportive care or placebo plus best supportive care until "
            "disease progression.",
        ),
        (
            "FINDINGS",
            "Of these, 539 patients were randomly assigned to receive continuation maintenance with pemetrexed "
            "plus best supportive care (n=359) or with placebo plus best supportive care (n=180). Among the 359 "
            "patients randomised to continuation maintenance with pemetrexed, there was a significant "
            "reduction in the risk of disease progression over the placebo group (HR 0·62, 95% CI 0·49-0·79; "
            "p<0·0001).",
        ),
    )
    (c,) = r.trial.comparisons
    assert fields(c) == (
        "progression-free survival",
        "hazard_ratio",
        Decimal("0.62"),
        None,
        Decimal("0.49"),
        Decimal("0.79"),
        Decimal("95"),
        Decimal("0.0001"),
    )
    assert c.p_value_qualifier == "<"
    assert (r.drugs(c.arm), r.drugs(c.comparator)) == (
        {"pemetrexed", "best supportive care"},
        {"placebo", "best supportive care"},
    )


def test_hazard_ratio_of_recurrence_free_survival_at_its_landmark(read):
    # PMID25981812
    r = read(
        *SABR,
        (
            "FINDINGS",
            "Recurrence-free survival at 3 years was 86% (95% CI 74-100) in the SABR group and 80% (65-97) in "
            "the surgery group (HR 0·69 [95% CI 0·21-2·29], log-rank p=0·54).",
        ),
    )
    (c,) = r.trial.comparisons
    assert fields(c) == (
        "recurrence-free survival",
        "hazard_ratio",
        Decimal("0.69"),
        None,
        Decimal("0.21"),
        Decimal("2.29"),
        Decimal("95"),
        Decimal("0.54"),
    )
    assert c.timepoint == "36 months"
    assert r.drugs(c.arm) == {"stereotactic ablative radiotherapy"}


def test_the_incidence_of_what_the_clause_counts(read):
    # PMID8127329
    r = read(ATBC_TITLE, ("METHODS", ATBC_METHODS), ("RESULTS", ATBC_RESULTS))
    assert r.trial.comparisons[0].endpoint == "lung cancer incidence"


def test_ratios_in_brackets_after_each_arm_of_a_three_arm_trial(read):
    # PMID22949150: each hazard ratio is the arm's before its bracket, against the arm after 'versus'
    trial = read(
        "Randomized, phase III study of gemcitabine or erlotinib maintenance therapy versus observation, with "
        "predefined second-line treatment, after cisplatin-gemcitabine induction chemotherapy in advanced "
        "non-small-cell lung cancer.",
        (
            "PATIENTS AND METHODS",
            "Four hundred sixty-four patients with stage IIIB/IV NSCLC without tumor progression after four "
            "cycles of cisplatin-gemcitabine were randomly assigned to observation or to gemcitabine (1,250 "
            "mg/m(2) days 1 and 8 of a 3-week cycle) or daily erlotinib (150 mg/day) study arms.",
        ),
        (
            "RESULTS",
            "PFS was significantly prolonged by gemcitabine (median, 3.8 v 1.9 months; hazard ratio [HR], 0.56; "
            "95% CI, 0.44 to 0.72; log-rank P < .001) and erlotinib (median, 2.9 v 1.9 months; HR, 0.69; 95% "
            "CI, 0.54 to 0.88; log-rank P = .003) versus observation; this benefit was consistent across all "
            "clinical subgroups.",
        ),
    ).trial
    assert [(c.arm, c.comparator, c.estimate) for c in trial.comparisons] == [
        ("gemcitabine", "observation", Decimal("0.56")),
        ("erlotinib", "observation", Decimal("0.69")),
    ]


def test_a_relative_risk_of_a_disease_and_an_interval_in_percent_words(read):
    # PMID8602180 (pool): 'a relative risk of lung cancer of 1.28 (95 percent confidence interval, ...)'
    trial = read(
        "Effects of a combination of beta carotene and vitamin A on lung cancer and cardiovascular disease.",
        (
            "METHODS",
            "We conducted a multicenter, randomized, double-blind, placebo-controlled primary prevention trial -- "
            "the Beta Carotene and Retinol Efficacy Trial -- involving a total of 18,314 smokers, former smokers, "
            "and workers exposed to asbestos. The effects of a combination of 30 mg of beta carotene per day and "
            "25,000 IU of retinol (vitamin A) in the form of retinyl palmitate per day on the primary end point, "
            "the incidence of lung cancer, were compared with those of placebo.",
        ),
        (
            "RESULTS",
            "The active-treatment group had a relative risk of lung cancer of 1.28 (95 percent confidence "
            "interval, 1.04 to 1.57; P=0.02), as compared with the placebo group.",
        ),
    ).trial
    (rr,) = trial.comparisons
    assert (rr.endpoint, rr.statistic, rr.estimate, rr.ci_level, rr.ci_lower, rr.ci_upper, rr.p_value) == (
        "lung cancer incidence",
        "risk_ratio",
        Decimal("1.28"),
        Decimal("95"),
        Decimal("1.04"),
        Decimal("1.57"),
        Decimal("0.02"),
    )
    assert (rr.arm, rr.comparator) == ("beta carotene + vitamin a", "placebo")


def test_a_ratio_tested_by_a_stratified_log_rank_test_is_stratified(read):
    # PMID28501140 (J-ALEX): 'hazard ratio 0.34 [99.7% CI 0.17-0.71], stratified log-rank p<0.0001'
    trial = read(
        "Alectinib versus crizotinib in patients with ALK-positive non-small-cell lung cancer (J-ALEX): an "
        "open-label, randomised phase 3 trial.",
        (
            "METHODS",
            "Patients were randomly assigned (1:1) via an interactive web response system using a permuted-block "
            "method stratified by Eastern Cooperative Oncology Group performance status, treatment line, and disease "
            "stage to receive oral alectinib 300 mg twice daily or crizotinib 250 mg twice daily until progressive "
            "disease, unacceptable toxicity, death, or withdrawal.",
        ),
        (
            "FINDINGS",
            "At the second interim analysis (data cutoff date Dec 3, 2015), an independent data monitoring "
            "committee determined that the primary endpoint of the study had been met (hazard ratio 0·34 [99·7% CI "
            "0·17-0·71], stratified log-rank p<0·0001) and recommended an immediate release of the data.",
        ),
    ).trial
    (hr,) = trial.comparisons
    assert (hr.estimate, hr.ci_level, hr.ci_lower, hr.ci_upper, hr.p_value, hr.stratified) == (
        Decimal("0.34"),
        Decimal("99.7"),
        Decimal("0.17"),
        Decimal("0.71"),
        Decimal("0.0001"),
        True,
    )


def _pool(pmid: str):
    return read_document(Path(__file__).parents[1] / "fixtures" / "pool" / f"PMID{pmid}.txt").trial


def test_ratios_named_together_and_given_respectively():
    # PMID22124104 (tests/fixtures/pool): 'The hazard ratios for PFS and overall survival were 0.70
    # (95% CI, 0.50 to 0.97; P = .003) and 0.63 (95% CI, 0.43 to 0.92; P = .02), respectively, both
    # in favor of chemotherapy plus surgery.' (before: two p-values, both given to overall survival)
    trial = _pool("22124104")
    assert [fields(c) for c in trial.comparisons if c.statistic == "hazard_ratio"] == [
        (
            "progression-free survival",
            "hazard_ratio",
            Decimal("0.70"),
            None,
            Decimal("0.50"),
            Decimal("0.97"),
            Decimal("95"),
            Decimal("0.003"),
        ),
        (
            "overall survival",
            "hazard_ratio",
            Decimal("0.63"),
            None,
            Decimal("0.43"),
            Decimal("0.92"),
            Decimal("95"),
            Decimal("0.02"),
        ),
    ]
    assert {c.p_value for c in trial.comparisons if c.endpoint == "overall survival"} == {Decimal("0.02")}


def test_an_interval_labelled_with_its_ratio():
    # PMID15364136 (tests/fixtures/pool): '(P = 0.023 by means of log-rank test; hazard ratio HR =
    # 0.61, 95% CI of HR (0.39-0.93))' and '(...; HR = 0.62, 95% CI of HR (0.38-0.93))'
    trial = _pool("15364136")
    assert [
        (c.endpoint, c.estimate, c.ci_lower, c.ci_upper)
        for c in trial.comparisons
        if c.statistic == "hazard_ratio"
    ] == [
        ("overall survival", Decimal("0.61"), Decimal("0.39"), Decimal("0.93")),
        ("time to progression", Decimal("0.62"), Decimal("0.38"), Decimal("0.93")),
    ]


def test_a_ratio_for_an_endpoint_with_its_abbreviation():
    # PMID26980062: 'The HR for progression-free survival (PFS) was 0.54 (95% CI, 0.38-0.79), favoring
    # gefitinib over platinum-doublet chemotherapy.'
    m = RATIO.search(
        "The HR for progression-free survival (PFS) was 0.54 (95% CI, 0.38-0.79), favoring gefitinib"
    )
    assert (m.group("kind"), m.group("event").strip(), m.group("est")) == (
        "HR",
        "for progression-free survival",
        "0.54",
    )


def test_a_difference_with_an_interval_labelled_ci_alone():
    # PMID19581636 (tests/fixtures/pool): '(13.8% vs. 6.8%; difference, 7.0 percentage points [95% CI,
    # 0.3 to 13.7 percentage points])', '(4.8% vs. 0.6%; difference, 4.2 percentage points [CI, 0.5 to
    # 8.6 percentage points])', '(14.9% vs. 29.6%; difference, 14.7 percentage points [CI, 5.7 to 23.4
    # percentage points])'
    trial = _pool("19581636")
    assert [(c.estimate, c.unit, c.ci_lower, c.ci_upper, c.ci_level) for c in trial.comparisons] == [
        (Decimal("7.0"), "percent", Decimal("0.3"), Decimal("13.7"), Decimal("95")),
        (Decimal("4.2"), "percent", Decimal("0.5"), Decimal("8.6"), Decimal("95")),
        (Decimal("14.7"), "percent", Decimal("5.7"), Decimal("23.4"), Decimal("95")),
    ]


def test_ratios_after_each_entry_of_a_list_of_endpoints_under_one_head():
    # PMID23816967 (tests/fixtures/pool): 'afatinib significantly delayed the time to deterioration for
    # cough (hazard ratio [HR], 0.60; 95% CI, 0.41 to 0.87; P = .007) and dyspnea (HR, 0.68; 95% CI, 0.50
    # to 0.93; P = .015), but not pain (HR, 0.83; 95% CI, 0.62 to 1.10; P = .19).'
    ratios = [
        (c.endpoint, c.estimate, c.p_value)
        for c in _pool("23816967").comparisons
        if c.statistic == "hazard_ratio"
    ]
    assert ratios == [
        ("time to deterioration for cough", Decimal("0.60"), Decimal("0.007")),
        ("time to deterioration for dyspnea", Decimal("0.68"), Decimal("0.015")),
        ("time to deterioration for pain", Decimal("0.83"), Decimal("0.19")),
    ]
    # PMID25150635 (tests/fixtures/pool): 'Adjusted rates of neutropenia (odds ratio [OR]: 0.35; 95% CI:
    # 0.21-0.61), anemia (OR: 0.67; 95% CI: 0.51-0.89), and thrombocytopenia (OR: 0.51; 95% CI:
    # 0.31-0.85) were lower among carboplatin-treated patients' (before: anemia's and
    # thrombocytopenia's ratios were given to overall survival, named sentences before)
    odds = [(c.endpoint, c.estimate) for c in _pool("25150635").comparisons if c.statistic == "odds_ratio"]
    assert ("adjusted rates of anemia", Decimal("0.67")) in odds
    assert ("adjusted rates of thrombocytopenia", Decimal("0.51")) in odds


def test_one_ratio_shared_by_endpoints_listed_after_it_each_with_its_figure():
    # PMID8602180 (tests/fixtures/pool): 'In the active-treatment group, the relative risk of death
    # from any cause was 1.17 (95 percent confidence interval, 1.03 to 1.33); of death from lung
    # cancer, 1.46 (95 percent confidence interval, 1.07 to 2.00); and of death from cardiovascular
    # disease, 1.26 (95 percent confidence interval, 0.99 to 1.61).'
    risks = [
        (c.endpoint, c.estimate, c.ci_lower, c.ci_upper, c.ci_level)
        for c in _pool("8602180").comparisons
        if c.estimate != Decimal("1.28")  # the incidence's, a sentence before
    ]
    assert risks == [
        ("death from any cause", Decimal("1.17"), Decimal("1.03"), Decimal("1.33"), Decimal("95")),
        ("lung cancer mortality", Decimal("1.46"), Decimal("1.07"), Decimal("2.00"), Decimal("95")),
        (
            "cardiovascular disease mortality",
            Decimal("1.26"),
            Decimal("0.99"),
            Decimal("1.61"),
            Decimal("95"),
        ),
    ]


def test_a_relative_hazard_of_an_event_for_a_group_of_patients():
    # PMID9890172 (tests/fixtures/pool): 'The relative hazard of death for vinorelbine-treated patients
    # was 0.65 (95% CI = 0.45-0.93).'
    (c,) = [c for c in _pool("9890172").comparisons if c.statistic == "hazard_ratio"]
    assert (c.endpoint, c.arm, c.comparator, c.estimate, c.ci_lower, c.ci_upper) == (
        "overall survival",
        "vinorelbine",
        "supportive care",
        Decimal("0.65"),
        Decimal("0.45"),
        Decimal("0.93"),
    )
    # PMID22778317 (tests/fixtures/pool): 'Adjusted HR of death in the experimental arm was 1.24 (95% CI,
    # 1.04 to 1.47).' (before: its endpoint was 'death in the experimental arm')
    assert [c.endpoint for c in _pool("22778317").comparisons if c.estimate == Decimal("1.24")] == [
        "overall survival"
    ]


def test_the_risk_of_an_event_named_before_a_ratio_is_its_endpoint():
    # PMID15197804 (tests/fixtures/pool): 'Moreover, the 4-mg dose of zoledronic acid was found to
    # reduce the risk of developing a skeletal event by 31% (hazard ratio of 0.693; P = 0.003).'
    # (the arm: the 4-mg one of 'zoledronic acid (4 mg or 8 mg) or placebo')
    (c,) = [c for c in _pool("15197804").comparisons if c.statistic == "hazard_ratio"]
    assert (c.endpoint, c.arm, c.comparator, c.estimate, c.p_value) == (
        "skeletal event",
        "zoledronic acid 4 mg",
        "placebo",
        Decimal("0.693"),
        Decimal("0.003"),
    )
    # PMID25862147 (tests/fixtures/pool): 'However, N-CRT was associated with a lower independent risk
    # of RND (odds ratio, OR, 0.75, p=0.02) ...', RND defined as 'residual nodal disease (RND)'
    # (before: both ratios were given to overall survival, named in the sentence before)
    odds = [(c.endpoint, c.estimate) for c in _pool("25862147").comparisons if c.statistic == "odds_ratio"]
    assert ("residual nodal disease", Decimal("0.75")) in odds
    # PMID11309437 (tests/fixtures/pool): 'The unadjusted hazard ratio (HR) of isotretinoin versus
    # placebo was 1.08 (95% confidence interval [CI] = 0.78 to 1.49) for SPTs, ...' (it was 'spts')
    assert [c.endpoint for c in _pool("11309437").comparisons if c.estimate == Decimal("1.08")] == [
        "second primary tumors"
    ]


def test_a_ratio_is_for_the_one_arm_its_clause_names():
    # PMID20356642 (tests/fixtures/pool): 'On multivariable logistic regression analysis, patients
    # treated with IFRT demonstrated a significantly lower risk of high grade esophagitis (Odds ratio:
    # 0.31, p = 0.036).' (the design's roles made it ENI's against IFRT)
    (c,) = [c for c in _pool("20356642").comparisons if c.statistic == "odds_ratio"]
    assert (c.arm, c.comparator, c.estimate) == (
        "involved field radiotherapy",
        "elective nodal irradiation",
        Decimal("0.31"),
    )
    # PMID17551145 (tests/fixtures/pool): 'In patients with nonsquamous tumors and those treated with
    # third-generation chemotherapy, carboplatin-based chemotherapy was associated with a statistically
    # significant increase in mortality (HR = 1.12; 95% CI = 1.01 to 1.23 and HR = 1.11; 95% CI = 1.01 to
    # 1.21, respectively).': both ratios of the bracket, after the clause that names the arm
    ratios = [
        (c.arm, c.comparator, c.estimate)
        for c in _pool("17551145").comparisons
        if c.statistic == "hazard_ratio"
    ]
    assert ("carboplatin", "cisplatin", Decimal("1.12")) in ratios
    assert ("carboplatin", "cisplatin", Decimal("1.11")) in ratios
    # PMID25422491 (tests/fixtures/pool): 'Treatment with EP was not associated with a survival advantage
    # in a Cox proportional hazards model (hazard ratio [HR], 0.97; 95% CI, 0.85 to 1.10), a propensity
    # score matched cohort (HR, 1.07; 95% CI, 0.91 to 1.24), ...': a ';' inside a bracket ends no clause
    ratios = [(c.arm, c.estimate) for c in _pool("25422491").comparisons if c.statistic == "hazard_ratio"]
    assert ("etoposide + cisplatin", Decimal("0.97")) in ratios
    assert ("etoposide + cisplatin", Decimal("1.07")) in ratios


def test_a_relative_change_printed_before_the_risk_or_rate_it_changes():
    # PMID9250182 (tests/fixtures/pool): 'Overall there was a 24% reduction in the relative risk of death,
    # which is equivalent to an absolute improvement in 2-year survival of 9% from 20% to 29% (p = 0.004,
    # 95% CI 0.63-0.92).' (the interval is the ratio's, which holds no 24)
    (c,) = [c for c in _pool("9250182").comparisons if c.estimate == Decimal("24")]
    assert (c.endpoint, c.statistic, c.unit, c.arm, c.comparator, c.ci_lower) == (
        "overall survival",
        "relative_reduction",
        "percent",
        "continuous hyperfractionated accelerated radiotherapy",
        "conventional radiotherapy",
        None,
    )
    # PMID7677489 (tests/fixtures/pool): 'In patients undergoing limited resection, there was an observed
    # 75% increase in recurrence rates (p = 0.02, one-sided) attributable to an observed tripling of the
    # local recurrence rate (p = 0.008 two-sided), an observed 30% increase in overall death rate (p =
    # 0.08, one-sided), and an observed 50% increase in death with cancer rate (p = 0.09, one-sided)
    # compared to patients undergoing lobectomy ...'
    changes = [
        (c.endpoint, c.estimate, c.p_value, c.arm, c.comparator)
        for c in _pool("7677489").comparisons
        if c.statistic == "relative_change"
    ]
    assert changes == [
        ("recurrence rates", Decimal("75"), Decimal("0.02"), "limited resection", "lobectomy"),
        ("overall death rate", Decimal("30"), Decimal("0.08"), "limited resection", "lobectomy"),
        ("death with cancer rate", Decimal("50"), Decimal("0.09"), "limited resection", "lobectomy"),
    ]


def test_bounds_alone_in_the_bracket_after_a_ratio_are_its_interval(read):
    # PMID23735703: the abstract prints no interval level anywhere; the bracket after the
    # ratio holds its confidence interval, at the conventional 95%
    r = read(
        "A randomised trial comparing preoperative to perioperative chemotherapy in early-stage "
        "non-small-cell lung cancer (IFCT 0002 trial).",
        (
            "METHODS",
            "This multicenter, open-label, randomised trial with a 2×2 factorial design first compared two "
            "chemotherapy strategies (PRE versus PERI), then two chemotherapy regimens (gemcitabine-cisplatin "
            "[GP] versus paclitaxel-carboplatin [TC]).",
        ),
        (
            "RESULTS",
            "A total of 528 patients were randomised, 267 of which were assigned to the PRE group and 261 to "
            "the PERI group. Three-year OS did not differ between the two groups (67.4% and 67.7%, "
            "respectively; hazard ratio (HR)=1.01 [0.79-1.30], p=0.92), nor did 3-year disease-free survival, "
            "response rates, toxicity, or postoperative mortality.",
        ),
    )
    (c,) = r.trial.comparisons
    assert fields(c) == (
        "overall survival",
        "hazard_ratio",
        Decimal("1.01"),
        None,
        Decimal("0.79"),
        Decimal("1.30"),
        Decimal("95"),
        Decimal("0.92"),
    )


@pytest.mark.parametrize(
    "sentence",
    [
        # PMID23735703
        "There was no difference between GP and TC in 3-year OS.",
        # PMID12243809
        "No difference in the 1-year survival rate (70% vs. 66%) or median survival time (19.4 vs. 17.4 months) "
        "between the surgery and RT arms.",
    ],
)
def test_a_landmark_after_difference_is_no_difference_estimate(sentence):
    found = [
        m.group("est")
        for name, pattern in CONTRASTS
        if name == "difference"
        for m in pattern.finditer(sentence)
    ]
    assert found == []


def test_a_ratio_named_of_its_event_with_an_equals_sign():
    # PMID20709992 (tests/fixtures/pool): '... were diagnosed with lung cancer compared with 54 in the
    # placebo group (incidence of lung cancer per year = 0.15% vs 0.13%, respectively; HR of incidence =
    # 1.17, 95% CI = 0.81 to 1.69, P = .39).', 'Deaths from lung cancer did not differ between the two
    # groups (34 vs 33 deaths in estrogen and placebo groups, respectively; HR of death = 1.07, 95% CI =
    # 0.66 to 1.72, P = .79).': the death of the ratio is the deaths the sentence names (before: neither
    # ratio read, the second sentence's p-value alone)
    got = [
        (c.endpoint, c.arm, c.comparator, c.estimate, c.ci_lower, c.ci_upper, c.p_value)
        for c in _pool("20709992").comparisons
    ]
    assert got == [
        ("lung cancer incidence", "estrogen", "placebo", *map(Decimal, ("1.17", "0.81", "1.69", "0.39"))),
        ("lung cancer mortality", "estrogen", "placebo", *map(Decimal, ("1.07", "0.66", "1.72", "0.79"))),
    ]


def test_a_ratio_of_two_groups_that_are_not_two_arms_compares_no_arms():
    # PMID21328282 (tests/fixtures/pool), a review: 'The pooled RR for varenicline versus bupropion at one
    # year was 1.52 (95% CI 1.22 to 1.88; 3 trials, 1622 people).' (bupropion is none of the arms; before:
    # a ratio of 1, read from 'one year', for the arms)
    assert [c for c in _pool("21328282").comparisons if c.statistic == "risk_ratio"] == []


def test_a_ratio_takes_the_p_its_bracket_prints_after_the_arms_medians():
    # PMID26811519 (pool): 'Arm A was not superior to arm B in terms of OS (hazard ratio, 0.98; 95% CI, 0.79
    # to 1.20; median, 26.8 v 25.0 months; P = .831)' (before: the ratio had no p, and the p was a
    # test of its own); the medians stay the arms' own
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID26811519.txt").trial
    os_ = [c for c in trial.comparisons if c.endpoint == "overall survival"]
    assert [(c.statistic, c.estimate, c.ci_lower, c.ci_upper, c.p_value) for c in os_] == [
        ("hazard_ratio", Decimal("0.98"), Decimal("0.79"), Decimal("1.20"), Decimal("0.831"))
    ]
    medians = sorted(x.estimate for x in trial.arm_results if x.endpoint == "overall survival")
    assert medians == [Decimal("25.0"), Decimal("26.8")]


def test_a_log_rank_p_printed_without_its_hyphen_is_the_ratios(read):
    # PMID18520802 (benchmarks/unseen; before: the ratio had no p and the p was a test of its own)
    trial = read(
        "Phase III trial comparing paclitaxel poliglumex (CT-2103, PPX) in combination with carboplatin versus "
        "standard paclitaxel and carboplatin in the treatment of PS 2 patients with chemotherapy-naïve advanced "
        "non-small cell lung cancer.",
        (
            "METHODS",
            "Chemotherapy-naive PS 2 patients with advanced NSCLC were randomized to receive carboplatin (area under "
            "the curve = 6) and either PPX (210 mg/m/10 min without routine steroid premedication) or paclitaxel "
            "(225 mg/m/3 h with standard premedication) every 3 weeks.",
        ),
        (
            "RESULTS",
            "Overall survival was similar between treatment arms (hazard ratio, 0.97; log rank p = 0.769).",
        ),
    ).trial
    assert [(c.statistic, c.estimate, c.p_value) for c in trial.comparisons] == [
        ("hazard_ratio", Decimal("0.97"), Decimal("0.769"))
    ]
