"""kg.extraction.arm_lists / arms / arm_pieces / sizes: listings of arms in the less usual
wordings of the pool's trial reports.

Every sentence is quoted from a page of ../shared/data/pool (or ../shared/data/abstracts),
named by PMID beside it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kg.extraction.abbreviations import definitions
from kg.extraction.arms import design_arms
from kg.extraction.text import normalise, sentences
from kg.model import Arm
from kg.sources import read_document

POOL = Path(__file__).parents[1] / "fixtures" / "pool"


def arms_of(text: str, title: str = "") -> list[Arm]:
    sents = sentences("METHODS", text)
    defined = definitions(" ".join([normalise(title), *(s.norm for s in sents)]))
    return design_arms(title, sents, defined)


def drugs(arms: list[Arm]) -> list[list[str]]:
    return [a.drug_names for a in arms]


def test_a_treatment_named_before_either_belongs_to_every_arm():
    # PMID11830607
    arms = arms_of(
        "ECOG carried out a randomized phase III trial of cisplatin plus either etoposide or paclitaxel in "
        "chemotherapy-naïve NSCLC patients with stages III(B) or IV disease."
    )
    assert drugs(arms) == [["cisplatin", "etoposide"], ["cisplatin", "paclitaxel"]]


def test_a_count_of_courses_before_either_is_no_shared_treatment():
    # PMID21714641: 'three annual screenings with' says how often, not what
    arms = arms_of(
        "Participants were randomly assigned to undergo three annual screenings with either low-dose CT "
        "(26,722 participants) or single-view posteroanterior chest radiography (26,732)."
    )
    assert drugs(arms) == [
        ["low-dose ct"],
        ["single-view posteroanterior chest radiography"],
    ]


def test_with_or_without_sign_gives_two_arms_and_a_list_announced_by_including():
    # PMID1646292
    arms = arms_of(
        "Six hundred eighty assessable patients with measureable stage III M1, non-small-cell lung cancer "
        "(NSCLC) were randomized to one of five treatment arms including cisplatin, etoposide (VP-16) +/- "
        "methylglyoxal bisguanylhydrazone (MGBG; PVp, PVpM); cisplatin, vinblastine (PVe); or PVe alternating "
        "with vinblastine, mitomycin (PVeMi); or fluorouracil, vincristine, mitomycin/cyclophosphamide, "
        "doxorubicin, cisplatin (FOMi/CAP)."
    )
    assert len(arms) == 5
    assert drugs(arms)[0] == ["cisplatin", "etoposide"]
    assert {"cisplatin", "etoposide", "mitoguazone"} <= set(drugs(arms)[1])
    assert drugs(arms)[4] == [
        "fluorouracil",
        "vincristine",
        "mitomycin",
        "cyclophosphamide",
        "doxorubicin",
        "cisplatin",
    ]


def test_sizes_after_assigned_to_x_and_n_to_y(read):
    # PMID15197196
    trial = read(
        "Randomized controlled trial of the role of positron emission tomography (PET) in the management of "
        "stage I and II non-small-cell lung cancer.",
        (
            "RESULTS",
            "One hundred eighty-four patients with stage I-II NSCLC were recruited and randomly assigned; 92% had "
            "stage I disease. Following exclusion of one ineligible patient, 92 patients were assigned to no PET "
            "and 91 to PET.",
        ),
    ).trial
    assert [(a.drug_names, a.n_randomized) for a in trial.arms] == [
        (["no positron emission tomography"], 92),
        (["positron emission tomography"], 91),
    ]


def test_a_small_number_before_an_arm_name_counts_no_patients():
    # PMID23735703: 'two preoperative cycles' is no arm size; '267 of which were assigned to the PRE group' is
    arms = arms_of(
        "This multicenter, open-label, randomised trial with a 2×2 factorial design first compared two "
        "chemotherapy strategies (PRE versus PERI), then two chemotherapy regimens (gemcitabine-cisplatin [GP] "
        "versus paclitaxel-carboplatin [TC]). The PRE group received two preoperative cycles followed by two "
        "additional preoperative cycles, while the PERI group underwent two preoperative cycles followed by two "
        "postoperative cycles. A total of 528 patients were randomised, 267 of which were assigned to the PRE "
        "group and 261 to the PERI group.",
        "A randomised trial comparing preoperative to perioperative chemotherapy in early-stage non-small-cell "
        "lung cancer (IFCT 0002 trial).",
    )
    from kg.extraction.armrefs import ArmFinder
    from kg.extraction.sizes import arm_sizes

    sents = sentences(
        "METHODS",
        "A total of 528 patients were randomised, 267 of which were assigned to the "
        "PRE group and 261 to the PERI group. The PRE group received two preoperative cycles.",
    )
    sizes, total, _ = arm_sizes(sents, ArmFinder(arms, {"PRE": "preoperative", "PERI": "perioperative"}))
    assert total == 528
    assert sorted(n for n, _e in sizes.values()) == [261, 267]


def test_a_study_of_a_versus_b_was_conducted_with_a_bracketed_breakdown():
    # PMID21148615
    text = (
        "A double-blind study of pemetrexed plus best supportive care versus placebo plus best supportive care "
        "was conducted. There were 663 randomized patients (pemetrexed, 441; placebo, 222)."
    )
    from kg.extraction.armrefs import ArmFinder
    from kg.extraction.sizes import arm_sizes

    arms = arms_of(text)
    assert drugs(arms) == [["pemetrexed", "best supportive care"], ["placebo", "best supportive care"]]
    sizes, total, _ = arm_sizes(sentences("METHODS", text), ArmFinder(arms))
    assert total == 663
    assert [sizes[a.label][0] for a in arms] == [441, 222]


def test_arms_described_group_by_group():
    # PMID18583190
    arms = arms_of(
        "Patients were randomly assigned to one of two treatment groups. The intervention group were scheduled "
        "to receive three cycles of cisplatin and etoposide, followed by twice-daily radiation with concurrent "
        "carboplatin and vindesine, and then surgical resection. The control group were scheduled to receive "
        "three cycles of cisplatin and etoposide followed by surgical resection and then radiotherapy."
    )
    assert [a.aliases[0] for a in arms] == ["intervention", "control"]
    assert {"carboplatin", "vindesine"} <= set(arms[0].drug_names)
    assert "vindesine" not in arms[1].drug_names


def test_arms_that_differ_in_courses_and_their_coded_names():
    # PMID17047644
    arms = arms_of(
        "Patients with stage IIIB or IV NSCLC and WHO performance status (PS) 0-2 were randomised to receive "
        "three (C3) or six (C6) courses of carboplatin (area under the curve (AUC) 4, Chatelut's formula, "
        "equivalent to Calvert's AUC 5) on day 1 and vinorelbine 25 mg m(-2) on days 1 and 8 of a 3-week cycle."
    )
    assert [a.aliases for a in arms] == [["C3"], ["C6"]]
    assert all(a.drug_names == ["carboplatin", "vinorelbine"] for a in arms)


def test_an_abbreviation_brings_the_drugs_it_was_defined_as():
    # PMID20100966
    arms = arms_of(
        "To evaluate the efficacy of cetuximab plus taxane/carboplatin (TC) as first-line treatment of advanced "
        "non-small-cell lung cancer (NSCLC). Patients were randomly assigned to cetuximab/TC or TC."
    )
    assert drugs(arms) == [["cetuximab", "carboplatin"], ["carboplatin"]]


def test_every_clause_of_a_background_regimen_adds_its_steps():
    # PMID25601342
    arms = arms_of(
        "We randomly assigned (1:1:1:1) patients to receive either 60 Gy (standard dose), 74 Gy (high dose), "
        "60 Gy plus cetuximab, or 74 Gy plus cetuximab. All patients also received concurrent chemotherapy with "
        "45 mg/m(2) paclitaxel and carboplatin once a week (AUC 2); 2 weeks after chemoradiation, two cycles of "
        "consolidation chemotherapy separated by 3 weeks were given consisting of paclitaxel (200 mg/m(2)) and "
        "carboplatin (AUC 6). For patients assigned to receive cetuximab, 400 mg/m(2) cetuximab was given on day "
        "1 followed by weekly doses of 250 mg/m(2), and was continued through consolidation therapy."
    )
    steps = {(i.drug.name, i.dose, i.frequency) for i in arms[2].interventions}
    assert {
        ("paclitaxel", Decimal("45"), "every week"),
        ("paclitaxel", Decimal("200"), "every 3 weeks"),
        ("carboplatin", Decimal("6"), "every 3 weeks"),
        ("cetuximab", Decimal("400"), None),
        ("cetuximab", Decimal("250"), "every week"),
    } <= steps


def test_a_piece_that_is_only_another_dose_gives_the_same_drug(read):
    # PMID28475456: a dose comparison names the drug once
    trial = read(
        "Brigatinib in Patients With Crizotinib-Refractory Anaplastic Lymphoma Kinase-Positive Non-Small-Cell "
        "Lung Cancer: A Randomized, Multicenter Phase II Trial.",
        (
            "Patients and Methods",
            "They were randomly assigned (1:1) to oral brigatinib 90 mg once daily (arm A) or 180 mg once daily "
            "with a 7-day lead-in at 90 mg (180 mg once daily [with lead-in]; arm B).",
        ),
    ).trial
    assert [[(i.drug.name, i.dose, i.dose_unit) for i in a.interventions] for a in trial.arms] == [
        [("brigatinib", Decimal("90"), "mg")],
        [("brigatinib", Decimal("180"), "mg")],
    ]


def test_another_radiation_dose_for_an_experimental_cohort():
    # PMID20800380
    arms = arms_of(
        "To determine the effect of dose and fractionation schedule of prophylactic cranial irradiation (PCI) "
        "on the incidence of chronic neurotoxicity (CNt) and changes in quality of life for selected patients "
        "with limited-disease small-cell lung cancer (LD SCLC). Patients with LD SCLC who achieved a complete "
        "response after chemotherapy and thoracic irradiation were eligible for randomization to undergo PCI to "
        "a total dose of 25 Gy in 10 daily fractions (Arm 1) vs. the experimental cohort of 36 Gy."
    )
    assert [[(i.drug.name, i.dose) for i in a.interventions] for a in arms] == [
        [("prophylactic cranial irradiation", Decimal("25"))],
        [("prophylactic cranial irradiation", Decimal("36"))],
    ]


def test_thousands_separated_by_spaces_count_the_arms(read):
    # PMID21119104: '26 733' is one number (the page prints a thin space)
    trial = read(
        "Baseline characteristics of participants in the randomized national lung screening trial.",
        (
            "RESULTS",
            "The NLST enrolled 53\u2009456 persons, with 26\u2009733 randomly assigned to chest radiograph "
            "screening and 26 723 to computerized tomography screening.",
        ),
    ).trial
    assert trial.n_randomized == 53456
    assert [(a.drug_names, a.n_randomized) for a in trial.arms] == [
        (["chest radiograph screening"], 26733),
        (["computerized tomography screening"], 26723),
    ]


def test_the_effects_of_a_combination_compared_with_those_of_placebo():
    # PMID8602180
    arms = arms_of(
        "The effects of a combination of 30 mg of beta carotene per day and 25,000 IU of retinol (vitamin A) in "
        "the form of retinyl palmitate per day on the primary end point, the incidence of lung cancer, were "
        "compared with those of placebo."
    )
    assert drugs(arms) == [["beta carotene", "vitamin a"], ["placebo"]]


def test_a_placebo_controlled_study_of_a_drug():
    # PMID21969500: the arms named only as 'a placebo-controlled study of erlotinib'
    arms = arms_of(
        "All 889 randomly assigned patients provided tumor samples.",
        "Prospective molecular marker analyses of EGFR and KRAS from a randomized, placebo-controlled study of "
        "erlotinib maintenance therapy in advanced non-small-cell lung cancer.",
    )
    assert drugs(arms) == [["erlotinib"], ["placebo"]]


def test_vs_with_a_point_does_not_end_the_listing():
    # PMID18439766
    arms = arms_of(
        "ANITA is a randomized trial of adjuvant cisplatin and vinorelbine chemotherapy vs. observation in "
        "completely resected non-small-cell lung carcinoma (NSCLC) Stages IB to IIIA."
    )
    assert drugs(arms) == [["cisplatin", "vinorelbine"], ["observation"]]


def test_an_abbreviation_defined_through_other_abbreviations():
    # PMID20686429: 'PCB' is defined as 'PC + B', each of those defined before
    arms = arms_of(
        "The combination of paclitaxel/carboplatin (PC) and bevacizumab (B) was previously shown to extend "
        "overall survival (OS) in patients with advanced nonsquamous non-small cell lung cancer (NSCLC). "
        "Patients with cytologically or histologically confirmed metastatic NSCLC were treated with PC + B (PCB) "
        "or PC. A total of 444 patients were randomized to PC, and 434 patients were randomized to PCB (the "
        "intent-to-treat population)."
    )
    assert sorted(drugs(arms)) == [
        ["paclitaxel", "carboplatin"],
        ["paclitaxel", "carboplatin", "bevacizumab"],
    ]


def test_patients_with_a_stage_received_one_of_three_regimens():
    # PMID16087941: 'Patients with <who they are> received A (arm 1, ...) or B (arm 2, ...), or C (arm 3, ...)'
    arms = arms_of(
        "Patients with unresected stages IIIA and IIIB NSCLC, with Karnofsky performance status > or = 70% and "
        "weight loss < or = 10%, received two cycles of induction paclitaxel (200 mg/m2)/carboplatin (area under "
        "the plasma concentration time curve [AUC] = 6) followed by TRT 63.0 Gy (arm 1, sequential) or two "
        "cycles of induction paclitaxel (200 mg/m2)/carboplatin (AUC = 6) followed by weekly paclitaxel (45 "
        "mg/m2)/carboplatin (AUC = 2) with concurrent TRT 63.0 Gy (arm 2, induction/concurrent), or weekly "
        "paclitaxel (45 mg/m2)/carboplatin (AUC = 2)/TRT (63.0 Gy) followed by two cycles of paclitaxel (200 "
        "mg/m2)/carboplatin (AUC = 6; arm 3, concurrent/consolidation)."
    )
    assert len(arms) == 3
    assert all({"paclitaxel", "carboplatin"} <= set(a.drug_names) for a in arms)


def test_patients_with_a_history_of_treatment_list_no_arms():
    # PMID23816963: what patients had received before the trial is no arm
    arms = arms_of(
        "Afatinib demonstrated modest but noteworthy efficacy in patients with NSCLC who had received third- or "
        "fourth-line treatment and who progressed while receiving erlotinib and/or gefitinib, including those "
        "with acquired resistance to erlotinib, gefitinib, or both."
    )
    assert arms == []


def test_randomly_allocate_in_the_present_tense():
    # PMID22452896
    arms = arms_of(
        "We used a computer-generated sequence to randomly allocate patients (2:1) to either afatinib (50 mg "
        "per day) or placebo; all patients received best supportive care."
    )
    assert drugs(arms) == [["afatinib", "best supportive care"], ["placebo", "best supportive care"]]


def test_arms_that_differ_only_in_more_cycles_of_a_treatment_class():
    # PMID18024869
    arms = arms_of(
        "Patients with stages IIIB to IV NSCLC who had not progressed after two cycles of chemotherapy were "
        "randomly assigned to receive either four (arm A) or two (arm B) more cycles of third-generation, "
        "platinum-doublet treatment."
    )
    assert [(a.drug_names, a.aliases) for a in arms] == [
        (["third-generation platinum-doublet treatment"], ["arm A"]),
        (["third-generation platinum-doublet treatment"], ["arm B"]),
    ]


def test_arms_that_give_the_same_treatments_in_another_order_or_time():
    # PMID20516435: chemotherapy before or after surgery are two arms, named by when they give it
    arms = arms_of(
        "In this phase III trial, 624 patients with stage IA (tumor size > 2 cm), IB, II, or T3N1 were randomly "
        "assigned to surgery alone (212 patients), three cycles of preoperative paclitaxel-carboplatin followed "
        "by surgery (201 patients), or surgery followed by three cycles of adjuvant paclitaxel-carboplatin (211 "
        "patients)."
    )
    assert [(a.drug_names, a.aliases, a.n_randomized) for a in arms] == [
        (["surgery"], [], 212),
        (["paclitaxel", "carboplatin", "surgery"], ["preoperative"], 201),
        (["surgery", "paclitaxel", "carboplatin"], ["adjuvant"], 211),
    ]


def test_a_regimens_short_name_followed_by_a_drug_ends_its_entry():
    # PMID17079694 (tests/fixtures/pool): '... one of four regimens: cisplatin 80 mg/m(2) on day 1 plus
    # irinotecan 60 mg/m(2) on days 1, 8, 15 every 4 weeks (IP) carboplatin AUC 6.0 min x mg/mL (area under
    # the concentration-time curve) on day 1 plus paclitaxel 200 mg/m(2) on day 1 every 3 weeks (TC);
    # cisplatin ... (GP); and cisplatin ... (NP).' The ';' after '(IP)' is missing.
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID17079694.txt").trial
    assert [(a.label, a.aliases[0]) for a in trial.arms] == [
        ("cisplatin + irinotecan", "IP"),
        ("carboplatin + paclitaxel", "TC"),
        ("cisplatin + gemcitabine", "GP"),
        ("cisplatin + vinorelbine", "NP"),
    ]
    medians = {r.arm: r.estimate for r in trial.arm_results if r.statistic == "median"}
    assert medians == {
        "cisplatin + irinotecan": Decimal("13.9"),
        "carboplatin + paclitaxel": Decimal("12.3"),
        "cisplatin + gemcitabine": Decimal("14.0"),
        "cisplatin + vinorelbine": Decimal("11.4"),
    }


def test_a_backbone_goes_to_each_variant_of_what_the_first_entry_adds():
    # PMID19188680 (tests/fixtures/pool): 'randomly assigned to receive cisplatin 80 mg/m2 and gemcitabine
    # 1,250 mg/m(2) for up to six cycles plus low-dose bevacizumab (7.5 mg/kg), high-dose bevacizumab (15
    # mg/kg), or placebo every 3 weeks'
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID19188680.txt").trial
    regimens = [
        [(i.drug.name, i.dose) for i in a.interventions if i.drug.name in ("bevacizumab", "placebo")]
        for a in trial.arms
    ]
    assert regimens == [
        [("bevacizumab", Decimal("7.5"))],
        [("bevacizumab", Decimal("15"))],
        [("placebo", None)],
    ]
    assert all({"cisplatin", "gemcitabine"} <= {i.drug.name for i in a.interventions} for a in trial.arms)


def test_a_list_of_regimens_keeps_its_own_entries():
    # PMID29658845 (tests/fixtures/abstracts, CheckMate 227): 'randomly assigned, in a 1:1:1 ratio, to
    # receive nivolumab plus ipilimumab, nivolumab monotherapy, or chemotherapy': 'nivolumab plus' is the
    # first regimen's own, no treatment of the other two
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "abstracts" / "PMID29658845.txt").trial
    assert [a.label for a in trial.arms][:3] == ["nivolumab + ipilimumab", "nivolumab", "chemotherapy"]


def test_a_schedule_on_listed_days_is_one_arm():
    # PMID14722033 (tests/fixtures/pool): '... docetaxel 60 mg/m(2) intravenously on day 1 plus
    # cisplatin 80 mg/m(2) intravenously on day 1 of a 3- or 4-week cycle, or vindesine 3 mg/m(2)
    # intravenously on days 1, 8, and 15 plus cisplatin 80 mg/m(2) ...' (before: four arms, one of
    # them 'and + cisplatin')
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID14722033.txt").trial
    assert [[(i.drug.name, i.dose) for i in a.interventions] for a in trial.arms] == [
        [("docetaxel", Decimal("60")), ("cisplatin", Decimal("80"))],
        [("vindesine", Decimal("3")), ("cisplatin", Decimal("80"))],
    ]


def test_patients_treated_before_are_no_arm():
    # PMID26598747 (tests/fixtures/pool): 'In 96 patients (79%) previously treated with chemotherapy, the ORR
    # was 45% ...'; PMID25349290: '... with prespecified comparison with a historical control of patients
    # treated with WBRT without hippocampal avoidance.' Both are one-arm phase II trials (their titles say so).
    pool = Path(__file__).parents[1] / "fixtures" / "pool"
    alectinib = read_document(pool / "PMID26598747.txt").trial
    assert alectinib.phase == "2" and [a.label for a in alectinib.arms] == []
    rtog = read_document(pool / "PMID25349290.txt").trial
    assert [(i.drug.name, i.dose, i.dose_unit) for a in rtog.arms for i in a.interventions] == [
        ("radiotherapy", Decimal("30"), "Gy")
    ]


def test_a_label_then_what_the_arm_gives():
    # PMID17404369 (tests/fixtures/pool): '366 patients were randomly assigned to arm A, which involved
    # immediate concurrent chemoradiotherapy with carboplatin area under the concentration-time curve (AUC)
    # of 2 and paclitaxel 50 mg/m2 given weekly during 66 Gy of chest radiotherapy, or arm B, which
    # involved two cycles of carboplatin AUC 6 and paclitaxel 200 mg/m2 administered every 21 days
    # followed by identical chemoradiotherapy.' (before: arms 'arm a', 'arm b' and two more; 366, the
    # total, was arm A's size)
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID17404369.txt").trial
    assert [(a.aliases[:1], a.n_randomized) for a in trial.arms] == [(["arm A"], None), (["arm B"], None)]
    assert [(i.drug.name, i.dose) for i in trial.arms[0].interventions][1:] == [
        ("carboplatin", Decimal("2")),
        ("paclitaxel", Decimal("50")),
    ]


def test_a_sequence_against_the_inverse_sequence_and_arms_named_by_their_role():
    # PMID22778317 (tests/fixtures/pool): 'A randomized phase III trial was designed to test whether first-line
    # erlotinib followed at progression by cisplatin-gemcitabine was not inferior in terms of survival to the
    # standard inverse sequence.'
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID22778317.txt").trial
    assert [(a.drug_names, a.role) for a in trial.arms] == [
        (["erlotinib", "cisplatin", "gemcitabine"], "experimental"),
        (["cisplatin", "gemcitabine", "erlotinib"], "comparator"),
    ]
    # 'Median survival was 11.6 months (95% CI, 10.2 to 13.3 months) in the standard arm and 8.7 months (95%
    # CI, 7.4 to 10.5 months) in the experimental arm.'
    medians = [(r.arm, r.estimate) for r in trial.arm_results if r.statistic == "median"]
    assert medians == [
        ("cisplatin + gemcitabine + erlotinib", Decimal("11.6")),
        ("erlotinib + cisplatin + gemcitabine", Decimal("8.7")),
    ]


def test_a_dose_measure_or_a_defined_outcome_in_brackets_names_no_arm():
    # (routes and diseases: tests/extraction/test_arms.py::test_a_route_or_disease_abbreviation_is_no_arm_alias)
    # PMID17079694 (tests/fixtures/pool): 'carboplatin AUC 6.0 min x mg/mL (area under the concentration-time
    # curve) on day 1 plus paclitaxel 200 mg/m(2) on day 1 every 3 weeks (TC)'
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID17079694.txt").trial
    assert trial.arms[1].aliases == ["TC"]
    # PMID16043828 (tests/fixtures/pool): '... with erlotinib or placebo were assessed for survival, response,
    # and time to progression (TTP)': TTP is defined as an outcome
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID16043828.txt").trial
    assert [a.aliases for a in trial.arms] == [[], []]


def test_identical_treatment_is_the_one_an_arm_before_gave():
    # PMID17404369 (tests/fixtures/pool): 'randomly assigned to arm A, which involved immediate concurrent
    # chemoradiotherapy with carboplatin ... and paclitaxel ..., or arm B, which involved two cycles of
    # carboplatin AUC 6 and paclitaxel 200 mg/m2 administered every 21 days followed by identical
    # chemoradiotherapy.'
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID17404369.txt").trial
    assert [a.drug_names for a in trial.arms] == [
        ["concurrent chemoradiotherapy", "carboplatin", "paclitaxel"],
        ["carboplatin", "paclitaxel", "concurrent chemoradiotherapy"],
    ]
    # PMID16087956 (tests/fixtures/pool): '... followed by thoracic RT ...'; 'In the concurrent arm, the same RT
    # was started on day 1 with two concurrent cycles of cisplatin ...'
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID16087956.txt").trial
    assert trial.arms[1].drug_names[0] == "thoracic radiotherapy"


def test_a_single_fraction_of_a_dose_is_radiotherapy():
    # PMID1377484 (tests/fixtures/pool): '... regimens of either 17 Gy given in 2 fractions of 8.5 Gy 1 week
    # apart (F2 regimen, 117 patients), or a single fraction of 10 Gy (F1 regimen, 118 patients).'
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID1377484.txt").trial
    assert [
        (a.drug_names, a.interventions[0].kind, a.interventions[0].dose, a.aliases) for a in trial.arms
    ] == [
        (["radiotherapy"], "radiation", Decimal("17"), ["F2"]),
        (["radiotherapy"], "radiation", Decimal("10"), ["F1"]),
    ]


def test_those_of_a_combination_is_no_part_of_the_name():
    # PMID1847977: 'a large, randomized study that compared the effects of radiotherapy alone (the standard
    # therapy) with those of a combination of radiotherapy and chemotherapy in nonresectable ...'
    arms = arms_of(
        "We report the results observed in a large, randomized study that compared the effects of radiotherapy "
        "alone (the standard therapy) with those of a combination of radiotherapy and chemotherapy in "
        "nonresectable squamous cell and large-cell lung carcinoma."
    )
    assert drugs(arms) == [["radiotherapy"], ["radiotherapy", "chemotherapy"]]


def test_a_regimen_of_one_drug_or_another_is_one_arm_offering_a_choice():
    # PMID10856094 (before: 'vinorelbine' and 'ifosfamide' were two arms)
    arms = arms_of(
        "A total of 373 patients were randomized to receive either docetaxel 100 mg/m(2) (D100) or 75 mg/m(2) "
        "(D75) versus a control regimen of vinorelbine or ifosfamide (V/I)."
    )
    assert drugs(arms) == [["docetaxel"], ["docetaxel"], ["vinorelbine", "ifosfamide"]]
    assert [a.choice for a in arms] == [False, False, True]
    assert arms[2].aliases == ["V/I"]


def test_one_of_n_regimens_offered_beside_a_reference_is_n_plus_one_arms():
    # PMID11784875 (before: three arms, one of them 'cisplatin or gemcitabine or docetaxel')
    arms = arms_of(
        "A total of 1207 patients with advanced non-small-cell lung cancer were randomly assigned to a "
        "reference regimen of cisplatin and paclitaxel or to one of three experimental regimens: cisplatin "
        "and gemcitabine, cisplatin and docetaxel, or carboplatin and paclitaxel.",
        "Comparison of four chemotherapy regimens for advanced non-small-cell lung cancer.",
    )
    assert drugs(arms) == [
        ["cisplatin", "paclitaxel"],
        ["cisplatin", "gemcitabine"],
        ["cisplatin", "docetaxel"],
        ["carboplatin", "paclitaxel"],
    ]


def test_what_the_arms_are_given_in_addition_to_is_each_arms():
    # PMID28968167: the chemotherapy after ', in addition to' is both arms'; the word 'chemotherapy'
    # in its bracket names those drugs, no drug of its own (before: 'gefitinib' and 'placebo +
    # cisplatin + pemetrexed + chemotherapy')
    arms = arms_of(
        "Patients were randomly assigned to gefitinib 250 mg or placebo, in addition to cisplatin 75 mg/m2 plus "
        "pemetrexed 500 mg/m2 (maximum of six cycles of chemotherapy)."
    )
    assert drugs(arms) == [["gefitinib", "cisplatin", "pemetrexed"], ["placebo", "cisplatin", "pemetrexed"]]
    assert [i.dose for i in arms[0].interventions] == [Decimal("250"), Decimal("75"), Decimal("500")]


def test_the_word_chemotherapy_before_the_drugs_it_gives_is_no_drug_of_its_own():
    # PMID16087956 (tests/fixtures/pool): 'In the sequential arm, patients received induction CT with
    # cisplatin (120 mg/m2) on days 1, 29, and 57, and vinorelbine (30 mg/m2/wk) from day 1 to day 78,
    # followed by thoracic RT at a dose of 66 Gy in 33 fractions' (before: 'chemotherapy + cisplatin +
    # vinorelbine + thoracic radiotherapy')
    page = Path(__file__).parents[1] / "fixtures" / "pool" / "PMID16087956.txt"
    arms = read_document(page).trial.arms
    assert drugs(arms)[0] == ["cisplatin", "vinorelbine", "thoracic radiotherapy"]


def test_a_named_arm_opening_a_bracket_of_drugs_is_those_drugs_with_their_own_doses():
    # PMID17922972: 'randomly assigned to the PCG arm (paclitaxel 200 mg/m(2) on day 1, carboplatin
    # area under the concentration-time curve of 5 on day 1, and gemcitabine 1000 mg/m(2) on days 1
    # and 8, every 21 days) or to the gemcitabine/vinorelbine arm (...)': 'PCG arm' names the arm
    # (before, the name was read as a drug list of its own, each taking paclitaxel's 200 mg/m2)
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID17922972.txt").trial
    pcg = next(a for a in trial.arms if "PCG" in a.aliases)
    assert [(i.drug.name, i.dose, i.dose_unit) for i in pcg.interventions] == [
        ("paclitaxel", Decimal("200"), "mg/m2"),
        ("carboplatin", Decimal("5"), "AUC"),
        ("gemcitabine", Decimal("1000"), "mg/m2"),
    ]


def test_arms_parted_by_semicolons_the_last_after_or_are_one_list():
    # PMID12837811 (TAX 326): 'Patients (n = 1,218) with stage IIIB to IV NSCLC were randomly assigned to
    # receive docetaxel 75 mg/m2 and cisplatin 75 mg/m2 every 3 weeks (DC); docetaxel 75 mg/m2 and
    # carboplatin area under the curve of 6 mg/mL * min every 3 weeks (DCb); or vinorelbine 25 mg/m2/wk
    # and cisplatin 100 mg/m2 every 4 weeks (VC).' (before: the clause ended at the first ';', and the
    # title's 'docetaxel plus platinum combinations versus vinorelbine plus cisplatin' gave two arms)
    trial = read_document(POOL / "PMID12837811.txt").trial
    assert drugs(trial.arms) == [
        ["docetaxel", "cisplatin"],
        ["docetaxel", "carboplatin"],
        ["vinorelbine", "cisplatin"],
    ]
    assert [a.aliases for a in trial.arms] == [["DC"], ["DCb"], ["VC"]]
    # 'Median survival (9.4 v 9.9 months [for VC]; P =.657; ...) and response (23.9%) with DCb were similar
    # to those results for VC.': the arm a bracket after a figure names, the other the clause names
    dcb, vc = trial.arms[1].label, trial.arms[2].label
    medians = [(r.arm, r.estimate) for r in trial.arm_results if r.statistic == "median"]
    assert (dcb, Decimal("9.4")) in medians and (vc, Decimal("9.9")) in medians


def test_no_treatment_bracketed_as_the_control_group_is_observation_not_control():
    # PMID14519751 (benchmarks/unseen): '... randomly assigned to receive mitomycin C (8 mg/m2 on day 1),
    # vindesine (3 mg/m2 on days 1 and 8), and cisplatin (100 mg/m2 on day 1) every 3 weeks for three cycles
    # (MVP group; n = 606) or no treatment (control group; n = 603) after complete resection.' (before: an
    # arm 'control' of kind 'other', named by the role its bracket gives it)
    arms = arms_of(
        "Between January 1994 and January 1999, 1209 patients with stage I, II, or IIIA NSCLC were randomly "
        "assigned to receive mitomycin C (8 mg/m2 on day 1), vindesine (3 mg/m2 on days 1 and 8), and cisplatin "
        "(100 mg/m2 on day 1) every 3 weeks for three cycles (MVP group; n = 606) or no treatment (control group; "
        "n = 603) after complete resection."
    )
    control = arms[1]
    assert [(i.drug.name, i.kind) for i in control.interventions] == [("observation", "usual_care")]
    assert (control.n_randomized, control.aliases) == (603, ["control"])
