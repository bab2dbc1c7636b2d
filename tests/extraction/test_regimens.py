from decimal import Decimal

import pytest
from pool_pages import trial_of

from kg.extraction.armrefs import ArmFinder
from kg.extraction.arms import design_arms
from kg.extraction.regimens import frequency, intervention, radiation
from kg.extraction.sizes import arm_sizes
from kg.extraction.text import sentences


def arms_of(text: str):
    return design_arms("", sentences("Methods", text), {})


def test_three_drug_design_with_units_routes_and_schedules():
    arms = arms_of(
        "Patients were randomly assigned 2:1 to pembrolizumab 200 mg intravenously every 3 weeks "
        "plus pemetrexed 500 mg/m2 or placebo."
    )
    assert [a.label for a in arms] == ["pembrolizumab + pemetrexed", "placebo"]
    pembro, pem = arms[0].interventions
    assert (pembro.dose, pembro.dose_unit, pembro.route, pembro.frequency) == (
        Decimal("200"),
        "mg",
        "intravenous",
        "every 3 weeks",
    )
    assert (pem.dose, pem.dose_unit) == (Decimal("500"), "mg/m2")


def test_dose_phrases_in_nejm_style():
    arms = arms_of(
        "We randomly assigned patients to receive brigatinib at a dose of 180 mg once daily "
        "or crizotinib at a dose of 250 mg twice daily."
    )
    assert [(a.label, a.interventions[0].dose, a.interventions[0].frequency) for a in arms] == [
        ("brigatinib", Decimal("180"), "once daily"),
        ("crizotinib", Decimal("250"), "twice daily"),
    ]


def test_frequency_forms():
    assert frequency("once every 3 weeks (q3w)") == "every 3 weeks"
    assert frequency("q2w") == "every 2 weeks"
    assert frequency("weekly") == "every week"
    assert frequency("orally once daily") == "once daily"
    assert frequency("on day 1 every 21 days") == "every 3 weeks"  # days in whole weeks are weeks
    assert frequency("every 10 days") == "every 10 days"
    # PMC2722000 'intravenous cefotaxime 2 g q 8 hr for 7 days'; PMID23161898 '... d1, 8, 15, 22) q4 weeks'
    assert frequency("intravenous cefotaxime 2 g q 8 hr for 7 days") == "every 8 hours"
    assert frequency("(V: 25 mg/m(2) d1, 8, 15, 22) q4 weeks") == "every 4 weeks"


def test_schedules_from_the_days_of_a_cycle():
    # PMID15741225: day 1 of a 4-week cycle is every 4 weeks; days 1, 8, 15 and 22 of it every week
    arms = arms_of(
        "Chemonaive patients with stage IIIB or IV NSCLC were treated with GD (gemcitabine 1000 mg/m(2) days 1 "
        "and 8 plus docetaxel 85 mg/m(2) day 8, every 3 weeks for eight cycles) or CV (cisplatin 100 mg/m(2) day 1 "
        "plus vinorelbine 30 mg/m(2), days 1, 8, 15 and 22, every 4 weeks for six cycles)."
    )
    schedules = {(i.drug.name, i.frequency) for a in arms for i in a.interventions}
    assert schedules == {
        ("gemcitabine", None),  # two days of a three-week cycle: no one interval
        ("docetaxel", "every 3 weeks"),
        ("cisplatin", "every 4 weeks"),
        ("vinorelbine", "every week"),
    }


def test_arm_finder_prefers_the_whole_combination():
    arms = arms_of("Patients were randomly assigned to atezolizumab plus cabozantinib or docetaxel.")
    found = ArmFinder(arms).find("in the atezolizumab plus cabozantinib and docetaxel arms")
    assert [a.label for _s, _e, a in found] == ["atezolizumab + cabozantinib", "docetaxel"]


def test_arm_sizes_from_n_equals_and_from_counts():
    arms = arms_of("Patients were randomly assigned to pembrolizumab or chemotherapy.")
    sizes, total, _where = arm_sizes(
        sentences(
            "Results",
            "Three hundred five patients were randomly assigned (pembrolizumab, n = 154; chemotherapy, n = 151).",
        ),
        ArmFinder(arms),
    )
    assert {k: n for k, (n, _e) in sizes.items()} == {"pembrolizumab": 154, "chemotherapy": 151}
    assert total == 305
    assert [e.quote for _n, e in sizes.values()] == ["154", "151"]  # evidence: where each was read


def test_a_course_printed_as_fractions_times_their_dose_is_its_total():
    # PMID15860852: 'randomized to receive either 10 x 3 Gy or 2 x 8 Gy'; PMID28034064: '60- versus
    # 74-Gy radiation doses' (a dose joined to its unit by a hyphen)
    assert radiation("10 x 3 Gy") == (Decimal("30"), "Gy", 10)
    assert radiation("2 x 8 Gy by external-beam irradiation") == (Decimal("16"), "Gy", 2)
    assert radiation("74-Gy radiation doses") == (Decimal("74"), "Gy", None)


def test_a_cycle_length_is_the_schedule():
    # PMID9890172, PMID8043059, PMID24439929: the cycle's length in days or weeks, as printed
    assert (
        frequency("on days 1 and 8 of a 21-day treatment cycle, for a total of six cycles") == "every 3 weeks"
    )
    assert frequency("given intravenously at three-week intervals and followed by surgery") == "every 3 weeks"
    assert frequency("on day 1 of a 3-week schedule for up to six cycles") == "every 3 weeks"
    assert frequency("carboplatin (AUC = 5) every three weeks") == "every 3 weeks"


def test_each_arm_keeps_its_own_cycle_length():
    # PMID18202422: a 4-week cycle in arm 1, a 3-week cycle in arm 2
    arms = trial_of("18202422").arms
    schedules = [[(i.drug.name, i.frequency) for i in a.interventions] for a in arms]
    assert schedules == [
        [("paclitaxel", "every week"), ("carboplatin", "every 4 weeks")],
        [("paclitaxel", "every 3 weeks"), ("carboplatin", "every 3 weeks")],
    ]


def test_a_cycle_of_one_of_two_lengths_is_no_schedule():
    # PMID14722033: '3- or 4-week' gives the first arm no schedule, and not the next arm's
    arms = arms_of(
        "Eligible, stage IV, chemotherapy-naive patients (n = 311) were randomly assigned to receive docetaxel "
        "60 mg/m(2) intravenously on day 1 plus cisplatin 80 mg/m(2) intravenously on day 1 of a 3- or 4-week "
        "cycle, or vindesine 3 mg/m(2) intravenously on days 1, 8, and 15 plus cisplatin 80 mg/m(2) "
        "intravenously on day 1 of a 4-week cycle."
    )
    schedules = [[(i.drug.name, i.frequency) for i in a.interventions] for a in arms]
    assert schedules == [
        [("docetaxel", None), ("cisplatin", None)],
        [("vindesine", None), ("cisplatin", "every 4 weeks")],
    ]


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        # PMID18809614 (benchmarks/unseen; before: 6 mg)
        (
            "at an area under the curve dose of 6 mg/mL per minute intravenously over 45 to 60 minutes",
            ("6", "AUC"),
        ),
        # PMID12879472 (pool; before: no dose)
        ("(area under the serum concentration-time curve, 5; given on Day 1) every 4 weeks", ("5", "AUC")),
        # PMID20231678 (pool; before: no dose)
        ("(area under curve, 6) followed by surgical resection", ("6", "AUC")),
        # PMID18487565 (pool; before: no dose: the abbreviation in square brackets)
        ("(area under the curve [AUC], 6; days 1 and 22) with paclitaxel", ("6", "AUC")),
    ],
)
def test_an_area_under_the_curve_dose_however_it_is_spelled(after, expected):
    row = intervention("carboplatin", after)[0]
    assert (str(row.dose), row.dose_unit) == expected


def test_a_schedule_after_a_list_of_drugs_with_their_doses_and_routes_is_every_drugs():
    # PMID20022809 (pool; before: cisplatin had no schedule, the route between the drugs ended the list)
    arms = arms_of(
        "177 chemotherapy-naive patients aged 75 years or younger and diagnosed with stage IIIB/IV non-small-cell "
        "lung cancer or postoperative recurrence harbouring EGFR mutations (either the exon 19 deletion or L858R "
        "point mutation) were randomly assigned, using a minimisation technique, to receive either gefitinib (250 "
        "mg/day orally; n=88) or cisplatin (80 mg/m(2), intravenously) plus docetaxel (60 mg/m(2), intravenously; "
        "n=89), administered every 21 days for three to six cycles."
    )
    assert [(i.drug.name, i.frequency) for i in arms[1].interventions] == [
        ("cisplatin", "every 3 weeks"),
        ("docetaxel", "every 3 weeks"),
    ]


def test_a_schedule_right_after_drugs_given_together_with_their_doses_and_routes_is_every_drugs(read):
    # PMID18809614 (benchmarks/unseen; before: paclitaxel had no schedule, and carboplatin 6 mg)
    trial = read(
        "Adjuvant paclitaxel plus carboplatin compared with observation in stage IB non-small-cell lung cancer: "
        "CALGB 9633 with the Cancer and Leukemia Group B, Radiation Therapy Oncology Group, and North Central "
        "Cancer Treatment Group Study Groups.",
        (
            "PATIENTS AND METHODS",
            "Within 4 to 8 weeks of resection, patients were randomly assigned to adjuvant chemotherapy or "
            "observation. Chemotherapy consisted of paclitaxel 200 mg/m(2) intravenously over 3 hours and "
            "carboplatin at an area under the curve dose of 6 mg/mL per minute intravenously over 45 to 60 minutes "
            "every 3 weeks for four cycles.",
        ),
    ).trial
    chemo = next(a for a in trial.arms if "paclitaxel" in a.drug_names)
    assert [(i.drug.name, str(i.dose), i.dose_unit, i.frequency) for i in chemo.interventions] == [
        ("paclitaxel", "200", "mg/m2", "every 3 weeks"),
        ("carboplatin", "6", "AUC", "every 3 weeks"),
    ]


def test_a_dose_per_kilogram_or_per_kilogram_and_hour_keeps_its_whole_unit():
    # benchmarks/pmc/arms/dev-33 PMC3339727: '96 patients were randomly distributed into F1 (fentanyl
    # 1 mcg/kg) and F2 (fentanyl 2 mcg/kg) groups.' (before: 1 µg and 2 µg, the weight dropped)
    arms = arms_of(
        "96 patients were randomly distributed into F1 (fentanyl 1 mcg/kg) and F2 (fentanyl 2 mcg/kg) groups."
    )
    assert [(a.interventions[0].dose, a.interventions[0].dose_unit) for a in arms] == [
        (Decimal("1"), "µg/kg"),
        (Decimal("2"), "µg/kg"),
    ]
    # benchmarks/pmc/arms/dev-36 PMC3640161: an infusion's rate per kilogram and hour or minute
    (hourly,) = intervention("dexmedetomidine", " 0.7 μg/kg/hr", "")
    assert (hourly.dose, hourly.dose_unit) == (Decimal("0.7"), "µg/kg/hr")
    (minutely,) = intervention("remifentanil", " 0.05 μg/kg/min", "")
    assert (minutely.dose, minutely.dose_unit) == (Decimal("0.05"), "µg/kg/min")


def test_a_volume_before_a_drug_keeps_it_past_the_solutions_strength():
    # benchmarks/pmc/arms/dev-36 PMC3640164: '... divided into spinal group (spinal anesthesia with 2.5 ml
    # of 0.5% bupivacaine [n = 20]) and PSNB group (PSNB with 30 ml of 0.75% ropivacaine mixed with ...'
    # (before: the strength printed between them hid the volume, and neither drug had a dose)
    (bupivacaine,) = intervention("bupivacaine", " [n = 20])", "spinal anesthesia with 2.5 ml of 0.5% ")
    assert (bupivacaine.dose, bupivacaine.dose_unit) == (Decimal("2.5"), "ml")
    (ropivacaine,) = intervention("ropivacaine", " mixed with", "PSNB with 30 ml of 0.75% ")
    assert (ropivacaine.dose, ropivacaine.dose_unit) == (Decimal("30"), "ml")


def test_a_measured_figures_spread_is_no_dose():
    # benchmarks/pmc/arms/dev-33 PMC3321723: 'Both bronchodilators increased morning mean ± SE pre-dose FEV1
    # compared with placebo (ICS groups: tiotropium 110 ± 20 mL, salmeterol 80 ± 20 mL; ...)' (before:
    # salmeterol took 20 mL, a standard error, as its dose over the 50 μg the abstract gives it)
    (salmeterol,) = intervention("salmeterol", " 80 ± 20 mL; non-ICS groups: tiotropium 150 ± 30 mL")
    assert (salmeterol.dose, salmeterol.dose_unit) == (None, None)
    (given,) = intervention("salmeterol", ", 50 μg bid, had been conducted")
    assert (given.dose, given.dose_unit) == (Decimal("50"), "µg")
