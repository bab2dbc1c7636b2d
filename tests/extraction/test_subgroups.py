"""kg.extraction.subgroups (with outcomes): the population a figure is reported for.

Sentences quoted from ../shared/data/abstracts (PMID beside them), read through
``extract_trial``.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from shared_quotes import DENOSUMAB, RTOG_0617

from kg.extraction.subgroups import subgroup_at
from kg.sources import read_document


def test_each_figure_takes_the_subgroup_its_clause_names(read):
    # PMID23154554: 'in 811 patients with any lung cancer (...) and in 702 patients with NSCLC (...)'
    r = read(
        *DENOSUMAB,
        (
            "RESULTS",
            "Denosumab was associated with improved median overall survival versus ZA in 811 patients with any "
            "lung cancer (8.9 versus 7.7 months; hazard ratio [HR] 0.80) and in 702 patients with NSCLC (9.5 "
            "versus 8.0 months; HR 0.78) (p = 0.01, each comparison). Further analysis of NSCLC by histological "
            "type showed a median survival of 8.6 months for denosumab versus 6.4 months for ZA in patients "
            "with squamous cell carcinoma (HR 0.68; p = 0.035).",
        ),
    )
    medians = [
        (x.subgroup, r.drugs(x.arm), x.estimate) for x in r.trial.arm_results if x.statistic == "median"
    ]
    assert medians == [
        ("any lung cancer", {"denosumab"}, Decimal("8.9")),
        ("any lung cancer", {"zoledronic acid"}, Decimal("7.7")),
        ("NSCLC", {"denosumab"}, Decimal("9.5")),
        ("NSCLC", {"zoledronic acid"}, Decimal("8.0")),
        ("squamous cell carcinoma", {"denosumab"}, Decimal("8.6")),
        ("squamous cell carcinoma", {"zoledronic acid"}, Decimal("6.4")),
    ]
    ratios = [
        (c.subgroup, c.statistic, c.estimate) for c in r.trial.comparisons if c.statistic == "hazard_ratio"
    ]
    assert ratios == [
        ("any lung cancer", "hazard_ratio", Decimal("0.80")),
        ("NSCLC", "hazard_ratio", Decimal("0.78")),
        ("squamous cell carcinoma", "hazard_ratio", Decimal("0.68")),
    ]
    assert all(
        {r.drugs(c.arm), r.drugs(c.comparator)} == {frozenset({"denosumab"}), frozenset({"zoledronic acid"})}
        for c in r.trial.comparisons
    )


def test_a_subgroup_named_before_the_figures_and_the_whole_population_before_it(read):
    # PMID19027483
    r = read(
        "Gefitinib versus docetaxel in previously treated non-small-cell lung cancer (INTEREST): a randomised "
        "phase III trial.",
        (
            "METHODS",
            "1466 patients with pretreated (>/=one platinum-based regimen) advanced non-small-cell lung cancer "
            "were randomly assigned with dynamic balancing to receive gefitinib (250 mg per day orally; n=733) or "
            "docetaxel (75 mg/m(2) intravenously in 1-h infusion every 3 weeks; n=733).",
        ),
        (
            "FINDINGS",
            "Non-inferiority of gefitinib compared with docetaxel was confirmed for overall survival (593 vs 576 "
            "events; hazard ratio [HR] 1.020, 96% CI 0.905-1.150, meeting the predefined non-inferiority "
            "criterion; median survival 7.6 vs 8.0 months). Superiority of gefitinib in patients with high "
            "EGFR-gene-copy number (85 vs 89 patients) was not proven (72 vs 71 events; HR 1.09, 95% CI "
            "0.78-1.51; p=0.62; median survival 8.4 vs 7.5 months).",
        ),
    )
    ratios = [
        (c.subgroup, c.estimate, c.ci_lower, c.ci_upper, c.ci_level, c.p_value)
        for c in r.trial.comparisons
        if c.statistic == "hazard_ratio"
    ]
    assert ratios == [
        (None, Decimal("1.020"), Decimal("0.905"), Decimal("1.150"), Decimal("96"), None),
        (
            "high EGFR-gene-copy number",
            Decimal("1.09"),
            Decimal("0.78"),
            Decimal("1.51"),
            Decimal("95"),
            Decimal("0.62"),
        ),
    ]
    medians = [
        (x.subgroup, r.drugs(x.arm), x.estimate) for x in r.trial.arm_results if x.statistic == "median"
    ]
    assert medians == [
        (None, {"gefitinib"}, Decimal("7.6")),
        (None, {"docetaxel"}, Decimal("8.0")),
        ("high EGFR-gene-copy number", {"gefitinib"}, Decimal("8.4")),
        ("high EGFR-gene-copy number", {"docetaxel"}, Decimal("7.5")),
    ]


def test_a_phrase_naming_a_pooled_group_is_no_subgroup(read):
    # PMID25601342: 'for patients who received standard-dose radiotherapy' names the group, not a subgroup
    r = read(
        *RTOG_0617,
        (
            "FINDINGS",
            "Median overall survival was 28.7 months (95% CI 24.1-36.9) for patients who received "
            "standard-dose radiotherapy and 20.3 months (17.7-25.0) for those who received high-dose "
            "radiotherapy (hazard ratio [HR] 1.38, 95% CI 1.09-1.76; p=0.004). Median overall survival in "
            "patients who received cetuximab was 25.0 months (95% CI 20.2-30.5) compared with 24.0 months "
            "(19.8-28.6) in those who did not (HR 1.07, 95% CI 0.84-1.35; p=0.29).",
        ),
    )

    def pooled(label: str) -> set[tuple[Decimal, bool]]:
        """(radiation dose, cetuximab given) of each arm the result's group pools."""
        return {
            (next(i.dose for i in a.interventions if i.kind == "radiation"), "cetuximab" in a.drug_names)
            for a in r.members(label)
        }

    low, high = Decimal("60"), Decimal("74")
    medians = [(pooled(x.arm), x.estimate, x.ci_lower, x.ci_upper, x.subgroup) for x in r.trial.arm_results]
    assert medians == [
        ({(low, False), (low, True)}, Decimal("28.7"), Decimal("24.1"), Decimal("36.9"), None),
        ({(high, False), (high, True)}, Decimal("20.3"), Decimal("17.7"), Decimal("25.0"), None),
        ({(low, True), (high, True)}, Decimal("25.0"), Decimal("20.2"), Decimal("30.5"), None),
        ({(low, False), (high, False)}, Decimal("24.0"), Decimal("19.8"), Decimal("28.6"), None),
    ]
    ratios = [
        (pooled(c.arm), pooled(c.comparator), c.estimate, c.p_value, c.subgroup) for c in r.trial.comparisons
    ]
    assert ratios == [
        ({(high, False), (high, True)}, {(low, False), (low, True)}, Decimal("1.38"), Decimal("0.004"), None),
        ({(low, True), (high, True)}, {(low, False), (high, False)}, Decimal("1.07"), Decimal("0.29"), None),
    ]


def _pool(pmid: str):
    return read_document(Path(__file__).parents[1] / "fixtures" / "pool" / f"PMID{pmid}.txt").trial


def test_a_subgroup_phrase_ends_before_the_treatment_its_patients_received():
    # PMID21148615 (tests/fixtures/pool): 'Median OS times were 15.5 months versus 10.3 months for
    # patients with nonsquamous histologies receiving pemetrexed and placebo, respectively (HR, 0.70;
    # ...). The median OS time in patients with squamous histology receiving pemetrexed was 9.9 months'
    trial = _pool("21148615")
    medians = [(x.subgroup, x.estimate) for x in trial.arm_results if x.statistic == "median"]
    assert medians == [
        (None, Decimal("13.4")),
        (None, Decimal("10.6")),
        ("nonsquamous histologies", Decimal("15.5")),
        ("nonsquamous histologies", Decimal("10.3")),
        ("squamous histology", Decimal("9.9")),
        ("squamous histology", Decimal("10.8")),
    ]
    assert [(c.subgroup, c.estimate) for c in trial.comparisons if c.statistic == "hazard_ratio"] == [
        (None, Decimal("0.79")),
        ("nonsquamous histologies", Decimal("0.70")),
        ("squamous histology", Decimal("1.07")),
    ]


def test_a_colon_ends_a_subgroup_phrase():
    # PMID25589191: 'By contrast, there were no significant differences by treatment group for patients
    # with EGFR Leu858Arg-positive tumours in either trial: in LUX-Lung 3, median overall survival was
    # 27.6 months (19.8-41.7) in the afatinib group ...'
    text = (
        "By contrast, there were no significant differences by treatment group for patients with EGFR "
        "Leu858Arg-positive tumours in either trial: in LUX-Lung 3, median overall survival was 27.6 months "
        "(19.8-41.7) in the afatinib group"
    )
    assert subgroup_at(text, text.index("27.6")) == "EGFR Leu858Arg-positive tumours in either trial"


def test_a_subgroup_named_by_the_word_subgroup():
    # PMID22124104 (tests/fixtures/pool): '... was observed in the stage IIB/IIIA subgroup (3-year PFS
    # rate: 36.1% v 55.4%; P = .002)'
    trial = _pool("22124104")
    rates = {(x.subgroup, x.estimate) for x in trial.arm_results if x.endpoint == "progression-free survival"}
    assert rates == {("stage IIB/IIIA", Decimal("36.1")), ("stage IIB/IIIA", Decimal("55.4"))}


def test_a_subgroup_with_a_bracket_of_its_own_leaves_the_figures_before_it():
    # PMID22878823 (tests/fixtures/pool): '(8.7 vs. 5.9; P = .036), especially in the subgroup with
    # impaired expansion (9.1 vs. 4.6; P = .042)'
    trial = _pool("22878823")
    p_values = {
        (c.subgroup, c.p_value)
        for c in trial.comparisons
        if c.p_value in (Decimal("0.036"), Decimal("0.042"))
    }
    assert p_values == {(None, Decimal("0.036")), ("impaired expansion", Decimal("0.042"))}


def test_the_first_patients_of_an_interim_analysis_are_a_population():
    # PMID20573926 (tests/fixtures/abstracts): 'In the planned interim analysis of data for the first 200
    # patients, progression-free survival was significantly longer in the gefitinib group than in the
    # standard-chemotherapy group (hazard ratio for death or disease progression with gefitinib, 0.36;
    # P<0.001), resulting in early termination of the study.'
    page = Path(__file__).parents[1] / "fixtures" / "abstracts" / "PMID20573926.txt"
    trial = read_document(page).trial
    assert [(c.estimate, c.subgroup) for c in trial.comparisons if c.estimate == Decimal("0.36")] == [
        (Decimal("0.36"), "first 200 patients (interim analysis)")
    ]


def test_a_group_by_age_is_a_subgroup_but_two_age_groups_side_by_side_are_not():
    from kg.extraction.subgroups import subgroup_at

    # PMID16288485
    elderly = "In the elderly, median survival was 12.6 versus 9.9 months, 1-year survival was 52% versus 41%"
    assert subgroup_at(elderly, elderly.index("12.6")) == "elderly"
    # PMID11830607: the figures before are set side by side by age, so no one subgroup holds them
    sides = "2-year survival, 14% versus 12%) were similar in patients younger than 70 years and 70 years old or older."
    assert subgroup_at(sides, sides.index("14%")) is None


def test_a_group_printed_with_its_own_size_holds_the_figures_of_its_bracket():
    # PMID18506025 (tests/fixtures/abstracts): 'Overall survival was statistically superior for
    # cisplatin/pemetrexed versus cisplatin/gemcitabine in patients with adenocarcinoma (n = 847; 12.6
    # v 10.9 months, respectively) and large-cell carcinoma histology (n = 153; 10.4 v 6.7 months,
    # respectively).' (before: the large-cell figures were given to adenocarcinoma)
    page = Path(__file__).parents[1] / "fixtures" / "abstracts" / "PMID18506025.txt"
    trial = read_document(page).trial
    medians = {(x.estimate, x.subgroup) for x in trial.arm_results if x.statistic == "median"}
    assert {
        (Decimal("12.6"), "adenocarcinoma"),
        (Decimal("10.9"), "adenocarcinoma"),
        (Decimal("10.4"), "large-cell carcinoma histology"),
        (Decimal("6.7"), "large-cell carcinoma histology"),
    } <= medians


def test_a_ratio_for_a_group_of_patients_is_that_groups_not_an_endpoints():
    # PMID17075123 (tests/fixtures/pool): 'High EGFR gene copy number was a predictor of a
    # gefitinib-related effect on survival (hazard ratio [HR], 0.61 for high copy number and HR, 1.16
    # for low copy number; ...)'; 'EGFR protein expression was also related to clinical outcome (HR
    # for positive, 0.77; HR for negative, 1.57; ...)' (before: 'high copy number' and 'low copy
    # number' were read as endpoints, and no ratio had a subgroup)
    trial = _pool("17075123")
    ratios = [(c.estimate, c.subgroup) for c in trial.comparisons if c.statistic == "hazard_ratio"]
    assert ratios == [
        (Decimal("0.61"), "high copy number"),
        (Decimal("1.16"), "low copy number"),
        (Decimal("0.77"), "positive"),
        (Decimal("1.57"), "negative"),
    ]
    assert [c.endpoint for c in trial.comparisons[:2]] == ["overall survival", "overall survival"]
    assert "high copy number" not in {e.name for e in trial.endpoints}
    # the factor the second sentence's subgroups are cut by is no endpoint: its ratios, and the test
    # 'comparison of high v low protein expression HR, P = .049', are on the endpoint of the ratios
    # before (before: on 'egfr protein expression', and the test was left unread)
    assert {c.endpoint for c in trial.comparisons} == {"overall survival"}
    assert [c.p_value for c in trial.comparisons if c.method] == [Decimal("0.045"), Decimal("0.049")]


def test_a_group_named_by_its_marker_right_before_its_ratios_bracket():
    # PMID21670455 (tests/fixtures/pool): '... no significant difference between treatments overall
    # (hazard ratio [HR], 0.90; ...) or in EGFR mutation-positive (HR, 1.00; ...) or EGFR
    # mutation-negative (HR, 1.18; ...) subgroups.' (before: neither subgroup ratio had a subgroup);
    # 'but significantly shorter when high EGFR gene copy number was not accompanied by EGFR mutation
    # (HR, 3.85; ...)' names no group of its own
    trial = _pool("21670455")
    ratios = {c.estimate: c.subgroup for c in trial.comparisons if c.statistic == "hazard_ratio"}
    assert ratios[Decimal("0.90")] is None
    assert ratios[Decimal("1.00")] == "EGFR mutation-positive"
    assert ratios[Decimal("1.18")] == "EGFR mutation-negative"
    assert ratios[Decimal("3.85")] is None


def test_those_a_phrase_speaks_of_are_a_subgroup():
    # PMID23816960 (tests/fixtures/pool): 'Median PFS among those with exon 19 deletions and L858R EGFR
    # mutations (n = 308) was 13.6 months for afatinib and 6.9 months for chemotherapy (HR, 0.47; ...)'
    trial = _pool("23816960")
    group = "exon 19 deletions and L858R EGFR mutations"
    medians = [(x.subgroup, x.estimate) for x in trial.arm_results if x.statistic == "median"]
    assert medians == [
        (None, Decimal("11.1")),
        (None, Decimal("6.9")),
        (group, Decimal("13.6")),
        (group, Decimal("6.9")),
    ]
    ratios = [(c.subgroup, c.estimate) for c in trial.comparisons if c.statistic == "hazard_ratio"]
    assert ratios == [(None, Decimal("0.58")), (group, Decimal("0.47"))]


def test_a_group_printed_with_its_size_before_its_ratio():
    # PMID23835707 (tests/fixtures/abstracts): '... including induction response: complete/partial
    # responders (n = 234) OS HR, 0.81; 95% CI, 0.59 to 1.11 and stable disease (n = 285) OS HR, 0.76; ...'
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "abstracts" / "PMID23835707.txt").trial
    ratios = [
        (c.subgroup, c.estimate)
        for c in trial.comparisons
        if c.estimate in (Decimal("0.81"), Decimal("0.76"))
    ]
    assert ratios == [("complete/partial responders", Decimal("0.81")), ("stable disease", Decimal("0.76"))]


def test_a_subgroup_phrase_ends_before_when_its_figure_happened():
    # PMID11745199 (tests/fixtures/pool): 'There were 5 deaths (7.35%) among 68 patients with a PS of 2
    # during therapy; ...': the patients are those with a PS of 2; the deaths happened during therapy
    trial = _pool("11745199")
    assert [(x.subgroup, x.estimate) for x in trial.arm_results if x.endpoint == "death"] == [
        ("PS of 2", Decimal("7.35"))
    ]


def test_a_group_at_the_head_of_its_ratios_clause_and_the_endpoint_of_the_ratio_before():
    # PMID19933915 (tests/fixtures/pool): 'ACT continues to show a benefit (hazard ratio [HR], 0.78; ...).
    # There was a trend for interaction with disease stage (P = .09; HR for stage II, 0.68; 95% CI, 0.5 to
    # 0.92; P = .01; stage IB, HR, 1.03; 95% CI, 0.7 to 1.52; P = .87).' (before: neither subgroup's ratio
    # was read, naming no endpoint; now each is on the endpoint of the ratio before, for its group)
    trial = _pool("19933915")
    ratios = [
        (c.endpoint, c.estimate, c.ci_lower, c.ci_upper, c.p_value, c.subgroup)
        for c in trial.comparisons
        if c.estimate in (Decimal("0.68"), Decimal("1.03"))
    ]
    assert ratios == [
        ("overall survival", Decimal("0.68"), Decimal("0.5"), Decimal("0.92"), Decimal("0.01"), "stage II"),
        ("overall survival", Decimal("1.03"), Decimal("0.7"), Decimal("1.52"), Decimal("0.87"), "stage IB"),
    ]


def test_per_arm_figures_in_the_bracket_of_a_subgroups_comparison_are_that_subgroups():
    # PMID16257339 (ISEL): 'Preplanned subgroup analyses showed significantly longer survival in the gefitinib
    # group than the placebo group for never-smokers (n=375; 0.67 [0.49-0.92], p=0.012; median survival 8.9
    # vs 6.1 months) and patients of Asian origin (n=342; 0.66 [0.48-0.91], p=0.01; median survival 9.5 vs
    # 5.5 months).' (before: the hazard ratios had their subgroups, the medians none)
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID16257339.txt").trial
    medians = [(r.estimate, r.subgroup) for r in trial.arm_results if r.statistic == "median"]
    assert medians[-4:] == [
        (Decimal("8.9"), "never-smokers"),
        (Decimal("6.1"), "never-smokers"),
        (Decimal("9.5"), "patients of Asian origin"),
        (Decimal("5.5"), "patients of Asian origin"),
    ]
    assert (Decimal("5.6"), None) in medians  # 'in the overall population (5.6 months for gefitinib ...'


def test_a_group_named_by_its_histology_before_its_people_holds_the_figures_after_it():
    # PMID23981966 (../shared/data/pool): the phrase after ', and' opens the next item, so the
    # figures before it are the whole population's (before: the subgroup was not read at all)
    text = (
        "The 2-year OS rate was PCb: 45.4% (95% confidence interval [CI], 29.5-60.0%); PC: 58.4% (95% CI, "
        "42.6-71.3%), and in nonsquamous patients was PCb: 48.0% (95% CI, 29.0-64.8%); PC: 55.8% (95% CI, "
        "38.0-70.3%)."
    )
    groups = [subgroup_at(text, text.index(figure)) for figure in ("45.4", "58.4", "48.0", "55.8")]
    assert groups == [None, None, "nonsquamous", "nonsquamous"]
