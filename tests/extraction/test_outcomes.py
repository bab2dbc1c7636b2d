from decimal import Decimal
from pathlib import Path

from kg.extraction.arms import design_arms
from kg.extraction.outcomes import OutcomeReader
from kg.extraction.text import sentences
from kg.model import Arm
from kg.sources import read_document


def reader(design: str, roles=("experimental", "comparator")) -> OutcomeReader:
    arms: list[Arm] = design_arms("", sentences("Methods", design), {})
    for arm, role in zip(arms, roles, strict=False):
        arm.role = role
    return OutcomeReader(arms, {"OS": "overall survival", "PFS": "progression-free survival"})


def test_nejm_hazard_ratio_with_other_ci_level_and_p():
    r = reader("Patients were randomly assigned to nivolumab or docetaxel.")
    _, comps = r.read(
        sentences(
            "Results",
            "Overall survival was longer with nivolumab (hazard ratio for death, 0.73; 96% CI, 0.59 to 0.89; P=0.002).",
        )
    )
    (c,) = comps
    assert (c.endpoint, c.estimate, c.ci_lower, c.ci_upper, c.ci_level, c.p_value) == (
        "overall survival",
        Decimal("0.73"),
        Decimal("0.59"),
        Decimal("0.89"),
        Decimal("96"),
        Decimal("0.002"),
    )
    assert (c.arm, c.comparator, c.stratified) == ("nivolumab", "docetaxel", None)


def test_medians_with_respectively_and_not_reached_bound():
    r = reader("Patients were randomly assigned to pembrolizumab or chemotherapy.")
    per_arm, _ = r.read(
        sentences(
            "Results",
            "Median OS was 30.0 months (95% CI, 18.3 to not reached) and 14.2 months (95% CI, 9.8 to 19.0), respectively.",
        )
    )
    a, b = per_arm
    assert (a.arm, a.estimate, a.ci_lower, a.ci_upper, a.ci_upper_not_reached) == (
        "pembrolizumab",
        Decimal("30.0"),
        Decimal("18.3"),
        None,
        True,
    )
    assert (b.arm, b.estimate, b.ci_upper) == ("chemotherapy", Decimal("14.2"), Decimal("19.0"))


def test_median_not_reached_is_not_a_number():
    r = reader("Patients were randomly assigned to durvalumab or placebo.")
    per_arm, _ = r.read(
        sentences("Results", "Median OS was not reached with durvalumab and 28.7 months with placebo.")
    )
    assert [(x.arm, x.estimate, x.estimate_not_reached) for x in per_arm] == [
        ("durvalumab", None, True),
        ("placebo", Decimal("28.7"), False),
    ]


def test_unstratified_and_hr_with_arm_named_reverses_direction():
    r = reader("Patients were randomly assigned to crizotinib or chemotherapy.")
    _, comps = r.read(
        sentences("Results", "PFS favoured crizotinib (unstratified HR, 0.49 [95% CI, 0.37 to 0.64]).")
    )
    (c,) = comps
    assert (c.endpoint, c.stratified, c.arm, c.comparator) == (
        "progression-free survival",
        False,
        "crizotinib",
        "chemotherapy",
    )


def test_safety_sentences_are_not_read_as_efficacy():
    r = reader("Patients were randomly assigned to nivolumab or docetaxel.")
    assert r.read(sentences("Results", "Grade 3 adverse events occurred in 10% and 54%, respectively.")) == (
        [],
        [],
    )


POOL = Path(__file__).parents[1] / "fixtures" / "pool"


def test_a_clause_on_graded_events_or_adverse_events_gives_no_efficacy_figure():
    """Figures and p-values of a clause about adverse events are the safety reader's, never an
    efficacy endpoint borrowed from the sentence before (tests/fixtures/pool)."""
    # PMID11432888: 'Grade 3 and 4 leukopenia (P =.002) and neutropenia (P =.008) occurred more
    # frequently on the VC arm. Grade 3 nausea and vomiting were higher on the VC arm (P =.001, P =.007)'
    # (the p-values printed right after an event's name test that event: kg.extraction.ae_tests)
    swog = read_document(POOL / "PMID11432888.txt").trial
    assert [(c.endpoint, c.p_value) for c in swog.comparisons] == [
        ("grade 3-4 leukopenia", Decimal("0.002")),
        ("grade 3-4 neutropenia", Decimal("0.008")),
        ("grade 3 nausea", Decimal("0.001")),
        ("grade 3 vomiting", Decimal("0.007")),
        ("grade 3 peripheral neuropathy", Decimal("0.001")),
        ("treatment-related adverse events leading to discontinuation", Decimal("0.001")),
    ]
    # PMID25841625: 'Three patients (7.5%) experienced grade 3 or higher toxicity.'
    sbrt = read_document(POOL / "PMID25841625.txt").trial
    assert Decimal("7.5") not in [r.estimate for r in sbrt.arm_results]
    # PMID27269741: 'Six (6%) patients in the nivolumab 3 mg/kg group, seven (11%) in the nivolumab
    # 1 mg/kg plus ipilimumab 3 mg/kg group, and four (7%) in the nivolumab 3 mg/kg plus ipilimumab
    # 1 mg/kg group discontinued treatment due to treatment-related adverse events.'
    checkmate = read_document(POOL / "PMID27269741.txt").trial
    assert {Decimal("6"), Decimal("11"), Decimal("7")}.isdisjoint(r.estimate for r in checkmate.arm_results)


def test_the_clause_before_one_on_adverse_events_is_still_read():
    # PMID23735703 (tests/fixtures/pool): 'Three-year OS did not differ between the two groups (67.4% and
    # 67.7%, respectively; hazard ratio (HR)=1.01 [0.79-1.30], p=0.92), nor did 3-year disease-free
    # survival, response rates, toxicity, or postoperative mortality.'
    trial = read_document(POOL / "PMID23735703.txt").trial
    rates = [
        r.estimate
        for r in trial.arm_results
        if (r.endpoint, r.timepoint) == ("overall survival", "36 months")
    ]
    assert rates == [Decimal("67.4"), Decimal("67.7")]
    ratios = [(c.estimate, c.p_value) for c in trial.comparisons if c.statistic == "hazard_ratio"]
    assert (Decimal("1.01"), Decimal("0.92")) in ratios


def test_one_figure_for_both_arms_is_each_arms():
    # PMID11432888: 'Median survival was 8 months in both arms, with 1-year survival rates of 36% and
    # 38%, respectively.'; PMID16603599: 'Overall response rate was 32% for both arms (partial response
    # = 31%, complete response = 1%)', 'Two-year survival was 13% with both arms.'
    swog = read_document(POOL / "PMID11432888.txt").trial
    medians = [(r.arm, r.estimate) for r in swog.arm_results if r.statistic == "median"]
    assert medians == [("paclitaxel + carboplatin", Decimal("8")), ("vinorelbine + cisplatin", Decimal("8"))]
    btog = read_document(POOL / "PMID16603599.txt").trial
    two_years = [(r.arm, r.estimate) for r in btog.arm_results if r.timepoint == "24 months"]
    assert two_years == [
        ("docetaxel + carboplatin", Decimal("13")),
        ("mitomycin + ifosfamide + cisplatin + vinblastine", Decimal("13")),
    ]
    # PMID15117980: 'The 1-year survival rate for each arm was 29.7%.' (the words before the verb)
    jmei = read_document(POOL / "PMID15117980.txt").trial
    one_year = [(r.arm, r.estimate) for r in jmei.arm_results if r.timepoint == "12 months"]
    assert one_year == [(arm.label, Decimal("29.7")) for arm in jmei.arms]
    assert len(jmei.arms) == 2


def test_a_plural_endpoint_name_in_a_list_of_endpoints():
    # PMID16640806: 'Median times to progression and median survival times were 6.1 months and 8.9
    # months in arm A and 7.2 months and 9.5 months in arm B, respectively.' (arm A: weekly paclitaxel
    # 100 mg/m2)
    trial = read_document(POOL / "PMID16640806.txt").trial
    medians = {(r.endpoint, r.arm): r.estimate for r in trial.arm_results if r.statistic == "median"}
    assert medians == {
        ("time to progression", "paclitaxel + carboplatin 100 mg/m2"): Decimal("6.1"),
        ("overall survival", "paclitaxel + carboplatin 100 mg/m2"): Decimal("8.9"),
        ("time to progression", "paclitaxel + carboplatin 200 mg/m2"): Decimal("7.2"),
        ("overall survival", "paclitaxel + carboplatin 200 mg/m2"): Decimal("9.5"),
    }


def test_the_arm_a_clause_is_compared_with_is_the_second_figures():
    # PMID11697832: 'Compared to PV, a significantly larger number of GEM-treated patients experienced a
    # clinical benefit (48.1 vs. 28.9%, P = 0.03)'
    trial = read_document(POOL / "PMID11697832.txt").trial
    rates = {
        r.arm: r.estimate
        for r in trial.arm_results
        if (r.endpoint, r.statistic) == ("clinical benefit", "rate")
    }
    assert rates == {"gemcitabine": Decimal("48.1"), "cisplatin + vindesine": Decimal("28.9")}


def test_a_rate_improved_by_a_percentage_is_a_difference_at_its_landmark():
    # PMID16945766 (ANITA): 'Overall survival at 5 years with chemotherapy improved by 8.6%, which was
    # maintained at 7 years (8.4%).'
    trial = read_document(POOL / "PMID16945766.txt").trial
    (gain,) = [c for c in trial.comparisons if c.statistic == "difference"]
    assert (gain.endpoint, gain.estimate, gain.timepoint, gain.arm, gain.comparator) == (
        "overall survival",
        Decimal("8.6"),
        "60 months",
        "vinorelbine + cisplatin",
        "observation",
    )
    assert Decimal("8.6") not in [r.estimate for r in trial.arm_results]


ABSTRACTS = Path(__file__).parents[1] / "fixtures" / "abstracts"


def test_a_one_sided_p_value_after_an_interval_belongs_to_its_ratio():
    # PMID23200175: '(hazard ratio [HR] for death 0·80, 80% CI 0·56-1·14; one-sided p=0·21)'
    trial = read_document(ABSTRACTS / "PMID23200175.txt").trial
    ratios = {
        c.endpoint: (c.estimate, c.ci_level, c.p_value)
        for c in trial.comparisons
        if c.statistic == "hazard_ratio"
    }
    assert ratios["overall survival"] == (Decimal("0.80"), Decimal("80"), Decimal("0.21"))


def test_a_clause_is_no_endpoint_name_and_a_leading_verb_is_dropped():
    # PMID19933915 (JBR-10): 'ACT continues to show a benefit (hazard ratio [HR], 0.78; 95% CI, 0.61 to 0.99;
    # P = .04).' names no endpoint: not one of endpoint 'act continues to show a benefit' (the deaths the
    # sentence before counts make it the ratio for death: see test_ratio_events)
    jbr10 = read_document(POOL / "PMID19933915.txt").trial
    assert {c.endpoint for c in jbr10.comparisons if c.estimate == Decimal("0.78")} == {"overall survival"}
    # PMID19801201: '... were significantly more likely to show a decline in learning and memory function
    # (mean posterior probability of decline 52%) at 4 months than patients assigned to receive SRS alone
    # (mean posterior probability of decline 24%)'
    srs = read_document(POOL / "PMID19801201.txt").trial
    assert {r.endpoint for r in srs.arm_results if r.estimate in (Decimal("52"), Decimal("24"))} == {
        "decline in learning and memory function"
    }


def test_a_count_of_who_received_an_arm_is_no_result():
    # PMID25439437 (tests/fixtures/pool): 'Of 1706 patients in the study sample, 592 (34.7%) received BCP
    # and 1114 (65.3%) received CP; ...'; PMID20400121: 'A total of 462 patients underwent surgery and 76
    # received stereotactic body radiation therapy.'
    for pmid in ("25439437", "20400121"):
        trial = read_document(Path(__file__).parent.parent / "fixtures" / "pool" / f"PMID{pmid}.txt").trial
        names = {n.lower() for a in trial.arms for n in (a.label, *a.aliases)}
        assert trial.arms and not [r for r in trial.arm_results if r.endpoint.lower() in names]


def test_figures_that_open_a_clause_take_the_endpoint_named_after_them():
    # PMID16603599 (tests/fixtures/pool): 'Overall response rate was 32% for both arms (partial response
    # = 31%, complete response = 1%); 32% of MIC/MVP and 26% of DCb patients had stable disease.'
    trial = read_document(Path(__file__).parent.parent / "fixtures" / "pool" / "PMID16603599.txt").trial
    stable = [(r.arm, r.estimate) for r in trial.arm_results if r.endpoint == "stable disease"]
    assert stable == [
        ("mitomycin + ifosfamide + cisplatin + vinblastine", Decimal("32")),
        ("docetaxel + carboplatin", Decimal("26")),
    ]


def test_an_interval_printed_after_the_arm_its_figure_is_for():
    # PMID15701857 (tests/fixtures/pool): 'Objective tumor response rates were 26.8% for PemOx patients
    # (95% confidence interval, 14.2-42.9) and 31.6% for PemCb patients (95% confidence interval,
    # 17.5-48.7).'; PMID28501140 (tests/fixtures/abstracts): 'Median progression-free survival had not
    # yet been reached with alectinib (95% CI 20·3-not estimated) and was 10·2 months (8·2-12·0) with
    # crizotinib': the bare bracket after takes the level just printed, not one from before
    trial = read_document(POOL / "PMID15701857.txt").trial
    found = {
        (r.arm, r.estimate): (r.ci_level, r.ci_lower, r.ci_upper)
        for r in trial.arm_results
        if r.endpoint == "objective response rate"
    }
    assert found == {
        ("pemetrexed + oxaliplatin", Decimal("26.8")): (Decimal("95"), Decimal("14.2"), Decimal("42.9")),
        ("pemetrexed + carboplatin", Decimal("31.6")): (Decimal("95"), Decimal("17.5"), Decimal("48.7")),
    }
    trial = read_document(ABSTRACTS / "PMID28501140.txt").trial
    found = {
        r.arm: (r.ci_level, r.ci_lower, r.ci_upper, r.ci_upper_not_reached)
        for r in trial.arm_results
        if r.endpoint == "progression-free survival" and r.statistic == "median"
    }
    assert found == {
        "alectinib": (Decimal("95"), Decimal("20.3"), None, True),
        "crizotinib": (Decimal("95"), Decimal("8.2"), Decimal("12.0"), False),
    }


def test_an_endpoint_named_in_a_relative_clause_after_the_figures_is_not_theirs():
    # PMID7818326 (tests/fixtures/pool): '... whereas LA results in the detection of excessive N2 disease in 12
    # of 21 patients (57.2%; p = 0.007), which was associated with a shorter distant metastases-free (p =
    # 0.021) and overall survival.' The survival is what the detections were associated with, not what the
    # 17.4% and 57.2% measure
    trial = read_document(POOL / "PMID7818326.txt").trial
    assert [x for x in trial.arm_results if x.endpoint == "overall survival"] == []
    assert [x for x in trial.comparisons if x.endpoint == "overall survival"] == []


def test_a_share_counted_out_of_the_whole_trial_is_no_arms_result():
    # PMC3757993 (jayded/evidence-inference; tests/fixtures/pool): 367 randomised to a multimedia
    # intervention or control; 'The mean age of participants was 53.8 years (SD 11.4), 52.0% (191/367) were
    # women, and 97.5% (358/367) were immigrants to Canada.' (before: 52.0% the intervention arm's and 97.5%
    # the control arm's 'age of participants')
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMC3757993.txt").trial
    assert len(trial.arms) == 2
    assert [r for r in trial.arm_results if r.n_analysed == 367] == []
    assert "52.0% (191/367) were women" in " ".join(trial.unread_sentences)
