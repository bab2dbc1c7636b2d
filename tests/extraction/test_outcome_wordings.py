"""kg.extraction.outcomes (with assignment, endpoint_phrases, values, p_values): per-arm
figures and tests in wordings of the shared abstracts that name the endpoint or the arm
only once, or not at all.

Every sentence is quoted from ../shared/data/abstracts or ../shared/data/pool, named by PMID.
"""

from __future__ import annotations

from decimal import Decimal

SURGERY_TITLE = "A randomized trial of surgery in the treatment of single metastases to the brain."
SURGERY_DESIGN = (
    "ABSTRACT",
    "To assess the efficacy of surgical resection of brain metastases from extracranial primary cancer, we "
    "randomly assigned patients with a single brain metastasis to either surgical removal of the brain tumor "
    "followed by radiotherapy (surgical group) or needle biopsy and radiotherapy (radiation group).",
)

# PMID9809728
POSTOPERATIVE = (
    "Postoperative radiotherapy in the treatment of single metastases to the brain: a randomized trial.",
    (
        "INTERVENTIONS",
        "Patients were randomly assigned to treatment with postoperative whole-brain radiotherapy "
        "(radiotherapy group, 49 patients) or no further treatment (observation group, 46 patients) for the "
        "brain metastasis, with median follow-up of 48 weeks and 43 weeks, respectively.",
    ),
)


def figures(reading, endpoint: str) -> list[tuple[frozenset[str], Decimal, int | None, int | None]]:
    return [
        (reading.drugs(r.arm), r.estimate, r.count, r.n_analysed)
        for r in reading.trial.arm_results
        if r.endpoint == endpoint
    ]


def test_the_figure_set_against_an_arm_belongs_to_the_other_arm(read):
    # PMID2405271: '(median, 40 weeks vs. 15 weeks in the radiation group)'
    reading = read(
        SURGERY_TITLE,
        SURGERY_DESIGN,
        (
            "RESULTS",
            "The overall length of survival was significantly longer in the surgical group (median, 40 weeks vs. "
            "15 weeks in the radiation group; P less than 0.01).",
        ),
    )
    surgery = reading.drugs(reading.trial.arms[0].label)
    radiation = reading.drugs(reading.trial.arms[1].label)
    assert [(d, e) for d, e, _c, _n in figures(reading, "overall survival")] == [
        (surgery, Decimal("40")),
        (radiation, Decimal("15")),
    ]


def test_a_state_patients_remained_in_is_the_endpoint_of_its_own_clause(read):
    # PMID2405271: '..., and the patients treated with surgery remained functionally independent longer
    # (median, 38 weeks vs. 8 weeks in the radiation group; P less than 0.005)' (before: the medians
    # were taken for overall survival, the endpoint of the clause before)
    reading = read(
        SURGERY_TITLE,
        SURGERY_DESIGN,
        (
            "RESULTS",
            "The overall length of survival was significantly longer in the surgical group (median, 40 weeks vs. "
            "15 weeks in the radiation group; P less than 0.01), and the patients treated with surgery remained "
            "functionally independent longer (median, 38 weeks vs. 8 weeks in the radiation group; P less than "
            "0.005).",
        ),
    )
    assert [e for _d, e, _c, _n in figures(reading, "overall survival")] == [Decimal("40"), Decimal("15")]
    # a state kept for a time is its duration (before: 'functionally independent')
    assert [e for _d, e, _c, _n in figures(reading, "duration of functional independence")] == [
        Decimal("38"),
        Decimal("8"),
    ]


def test_a_biopsy_beside_a_treatment_is_no_part_of_the_arm(read):
    # PMID2405271: 'needle biopsy and radiotherapy (radiation group)' is the radiotherapy arm; the
    # conclusion calls it 'radiotherapy alone' (before: 'needle biopsy + radiotherapy')
    reading = read(SURGERY_TITLE, SURGERY_DESIGN)
    assert [a.label for a in reading.trial.arms] == ["surgical resection + radiotherapy", "radiotherapy"]
    assert [i.kind for i in reading.trial.arms[1].interventions] == ["radiation"]


def test_recurrence_at_the_site_of_the_original_tumour_is_local_recurrence(read):
    # PMID2405271 (before: 'recurrence at the site of the original metastasis', no 'local')
    reading = read(
        SURGERY_TITLE,
        SURGERY_DESIGN,
        (
            "RESULTS",
            "Recurrence at the site of the original metastasis was less frequent in the surgical group than in "
            "the radiation group (5 of 25 [20 percent] vs. 12 of 23 [52 percent]; P less than 0.02).",
        ),
    )
    found = figures(reading, "local recurrence at the site of the original metastasis")
    assert [(e, c, n) for _d, e, c, n in found] == [(Decimal("20"), 5, 25), (Decimal("52"), 12, 23)]


def test_a_noun_before_of_names_the_endpoint_and_arms_carry_over_from_the_sentence_before(read):
    # PMID21098770
    reading = read(
        "Mediastinoscopy vs endosonography for mediastinal nodal staging of lung cancer: a randomized trial.",
        (
            "INTERVENTION",
            "Either surgical staging or endosonography (combined transesophageal and endobronchial ultrasound "
            "[EUS-FNA and EBUS-TBNA]) followed by surgical staging in case no nodal metastases were found at "
            "endosonography.",
        ),
        (
            "MAIN OUTCOME MEASURES",
            "The primary outcome was sensitivity for mediastinal nodal (N2/N3) metastases.",
        ),
        (
            "RESULTS",
            "Nodal metastases were found in 41 patients (35%; 95% confidence interval [CI], 27%-44%) by surgical "
            "staging vs 56 patients (46%; 95% CI, 37%-54%) by endosonography (P = .11) and in 62 patients (50%; "
            "95% CI, 42%-59%) by endosonography followed by surgical staging (P = .02). This corresponded to "
            "sensitivities of 79% (41/52; 95% CI, 66%-88%) vs 85% (56/66; 95% CI, 74%-92%) (P = .47) and 94% "
            "(62/66; 95% CI, 85%-98%) (P = .02).",
        ),
    )
    found = figures(reading, "sensitivity for mediastinal nodal metastases")
    assert [(e, c, n) for _d, e, c, n in found] == [
        (Decimal("79"), 41, 52),
        (Decimal("85"), 56, 66),
        (Decimal("94"), 62, 66),
    ]
    assert [d for d, *_ in found] == [d for d, *_ in figures(reading, "nodal metastases detected")]


def test_less_likely_to_die_of_causes_and_figures_inside_a_bracket(read):
    # PMID9809728
    reading = read(
        *POSTOPERATIVE,
        (
            "RESULTS",
            "Postoperative radiotherapy prevented brain recurrence at the site of the original metastasis (5 "
            "[10%] of 49 vs 21 [46%] of 46; P<.001) and at other sites in the brain (7 [14%] of 49 vs 17 [37%] of "
            "46; P<.01). Patients in the radiotherapy group were less likely to die of neurologic causes than "
            "patients in the observation group (6 [14%] of 43 who died vs 17 [44%] of 39; P=.003).",
        ),
    )
    assert [(e, c, n) for _d, e, c, n in figures(reading, "neurologic death")] == [
        (Decimal("14"), 6, 43),
        (Decimal("44"), 17, 39),
    ]
    site = "brain recurrence at the site of the original metastasis"
    assert [(e, c, n) for _d, e, c, n in figures(reading, site)] == [
        (Decimal("10"), 5, 49),
        (Decimal("46"), 21, 46),
    ]
    # 'and at other sites in the brain (...)': the same event at other sites (before: unread)
    other = "brain recurrence at other sites in the brain"
    assert [(e, c, n) for _d, e, c, n in figures(reading, other)] == [
        (Decimal("14"), 7, 49),
        (Decimal("37"), 17, 46),
    ]
    tests = {(c.endpoint, c.p_value) for c in reading.trial.comparisons if c.statistic == "p_value"}
    assert ("neurologic death", Decimal("0.003")) in tests
    assert (other, Decimal("0.01")) in tests


def test_recurrence_of_tumour_in_an_organ_is_named_by_the_organ(read):
    # PMID9809728: the primary endpoint and its figures under one name (before: 'recurrence of tumor
    # in the brain' and 'recurrence of tumor anywhere')
    reading = read(
        *POSTOPERATIVE,
        (
            "MAIN OUTCOME MEASURES",
            "The primary end point was recurrence of tumor in the brain; secondary end points were length of "
            "survival, cause of death, and preservation of ability to function independently.",
        ),
        (
            "RESULTS",
            "Recurrence of tumor anywhere in the brain was less frequent in the radiotherapy group than in the "
            "observation group (9 [18%] of 49 vs 32 [70%] of 46; P<.001).",
        ),
    )
    assert [e.name for e in reading.trial.endpoints if e.role == "primary"] == ["brain recurrence"]
    assert [(e, c, n) for _d, e, c, n in figures(reading, "brain recurrence")] == [
        (Decimal("18"), 9, 49),
        (Decimal("70"), 32, 46),
    ]


def test_a_p_value_between_groups_other_than_the_arms_is_no_arm_test(read):
    # PMID11830607: age groups of one trial, not its arms
    reading = read(
        "Cisplatin-based therapy for elderly patients with advanced non-small-cell lung cancer: implications of "
        "Eastern Cooperative Oncology Group 5592, a randomized trial.",
        (
            "METHODS",
            "ECOG carried out a randomized phase III trial of cisplatin plus either etoposide or paclitaxel in "
            "chemotherapy-naïve NSCLC patients with stages III(B) or IV disease.",
        ),
        (
            "RESULTS",
            "Leukopenia (P<.001) and neuropsychiatric toxicity (P =.002) were more common in elderly men than in "
            "younger men. Elderly women lost more weight than younger women (P =.006).",
        ),
    )
    assert [a.drug_names for a in reading.trial.arms] == [
        ["cisplatin", "etoposide"],
        ["cisplatin", "paclitaxel"],
    ]
    assert not [c for c in reading.trial.comparisons if c.statistic == "p_value"]


def test_a_p_value_whose_clause_names_an_arm_compares_the_arms(read):
    # PMID18263663: 'compared with NRT' names the other arm
    reading = read(
        "Varenicline versus transdermal nicotine patch for smoking cessation: results from a randomised open-label trial.",
        (
            "METHODS",
            "In this 52-week, open-label, randomised, multicentre, phase 3 trial conducted in Belgium, France, The "
            "Netherlands, UK and USA, participants were randomly assigned (1:1) to receive varenicline uptitrated "
            "to 1 mg twice daily for 12 weeks or transdermal NRT (21 mg/day reducing to 7 mg/day) for 10 weeks.",
        ),
        (
            "RESULTS",
            "Varenicline significantly reduced craving (p<0.001), withdrawal symptoms (p<0.001) and smoking "
            "satisfaction (p<0.001) compared with NRT.",
        ),
    )
    tests = [c for c in reading.trial.comparisons if c.statistic == "p_value"]
    assert tests and all(reading.drugs(c.arm) == {"varenicline"} for c in tests)


PREOPERATIVE_TITLE = (
    "Preoperative chemotherapy plus surgery versus surgery plus adjuvant chemotherapy versus surgery alone in "
    "early-stage non-small-cell lung cancer."
)
PREOPERATIVE_DESIGN = (
    "PATIENTS AND METHODS",
    "In this phase III trial, 624 patients with stage IA (tumor size > 2 cm), IB, II, or T3N1 were randomly "
    "assigned to surgery alone (212 patients), three cycles of preoperative paclitaxel-carboplatin followed by "
    "surgery (201 patients), or surgery followed by three cycles of adjuvant paclitaxel-carboplatin (211 "
    "patients).",
)


def test_figures_after_a_comparison_with_than_follow_its_order(read):
    # PMID20516435: 'longer ... in the preoperative arm than those assigned to surgery alone (38.3% v 34.1%)'
    reading = read(
        PREOPERATIVE_TITLE,
        PREOPERATIVE_DESIGN,
        (
            "RESULTS",
            "Patients in the preoperative arm had a nonsignificant trend toward longer disease-free survival than "
            "those assigned to surgery alone (5-year disease-free survival 38.3% v 34.1%; hazard ratio [HR] for "
            "progression or death, 0.92; P = .176). Five-year disease-free survival rates were 36.6% in the "
            "adjuvant arm versus 34.1% in the surgery arm (HR 0.96; P = .74).",
        ),
    )
    by_arm = {(r.arm, r.estimate) for r in reading.trial.arm_results if r.endpoint == "disease-free survival"}
    preoperative, adjuvant = reading.trial.arms[1].label, reading.trial.arms[2].label
    assert by_arm == {
        (preoperative, Decimal("38.3")),
        ("surgery", Decimal("34.1")),
        (adjuvant, Decimal("36.6")),
    }


# PMID10811675: three arms, two of one drug
DOCETAXEL_TAX317 = (
    "Prospective randomized trial of docetaxel versus best supportive care in patients with non-small-cell lung "
    "cancer previously treated with platinum-based chemotherapy.",
    (
        "PATIENTS AND METHODS",
        "Patients were stratified by performance status and best response to cisplatin chemotherapy and were then "
        "randomized to treatment with docetaxel 100 mg/m(2) (49 patients) or 75 mg/m(2) (55 patients) or best "
        "supportive care.",
    ),
)


def test_figures_of_a_pooled_group_and_an_arm_in_one_bracket(read):
    # PMID10811675: 'docetaxel patients' names both docetaxel arms (100 and 75 mg/m2), pooled; '10.6 v
    # 6.7 weeks, respectively' is theirs and best supportive care's, not one group's list
    reading = read(
        *DOCETAXEL_TAX317,
        (
            "RESULTS",
            "Time to progression was longer for docetaxel patients than for best supportive care patients (10.6 v "
            "6.7 weeks, respectively; P <.001), as was median survival (7.0 v 4.6 months; log-rank test, P "
            "=.047).",
        ),
    )
    assert [(r.endpoint, r.arm, r.estimate, r.unit) for r in reading.trial.arm_results] == [
        ("time to progression", "docetaxel", Decimal("10.6"), "week"),
        ("time to progression", "best supportive care", Decimal("6.7"), "week"),
        ("overall survival", "docetaxel", Decimal("7.0"), "month"),
        ("overall survival", "best supportive care", Decimal("4.6"), "month"),
    ]
    (docetaxel,) = [g for g in reading.trial.groups if g.label == "docetaxel"]
    assert docetaxel.pooled_from == ["docetaxel 100 mg/m2", "docetaxel 75 mg/m2"]


def test_arms_named_by_when_they_give_the_same_drug(read):
    # PMID19075278
    reading = read(
        "Phase III study of immediate compared with delayed docetaxel after front-line therapy with gemcitabine "
        "plus carboplatin in advanced non-small-cell lung cancer.",
        (
            "PATIENTS AND METHODS",
            "After four 21-day cycles, patients who did not have progression were randomly assigned either to an "
            "immediate docetaxel group (docetaxel 75 mg/m(2) on day 1 every 21 days, with maximum of six cycles) "
            "or to a delayed docetaxel group.",
        ),
        (
            "RESULTS",
            "Median PFS for immediate docetaxel (5.7 months) was significantly greater (P = .0001) than for "
            "delayed docetaxel (2.7 months).",
        ),
    )
    immediate, delayed = (a.label for a in reading.trial.arms)
    assert [(r.arm, r.estimate) for r in reading.trial.arm_results] == [
        (immediate, Decimal("5.7")),
        (delayed, Decimal("2.7")),
    ]


def test_an_arm_named_by_its_dose_among_arms_of_one_drug(read):
    # PMID10811675: 'docetaxel 75 mg/m(2) patients' is the 75 mg/m2 arm, not both docetaxel arms
    reading = read(
        *DOCETAXEL_TAX317,
        (
            "RESULTS",
            "The difference was more significant for docetaxel 75 mg/m(2) patients, compared with corresponding best "
            "supportive care patients (7.5 v 4.6 months; log-rank test, P =.010; 1-year survival, 37% v 11%; chi(2) "
            "test, P =.003).",
        ),
    )
    assert [(r.arm, r.estimate) for r in reading.trial.arm_results if r.unit == "month"] == [
        ("docetaxel 75 mg/m2", Decimal("7.5")),
        ("best supportive care", Decimal("4.6")),
    ]


def test_a_run_of_arm_labelled_figures_under_the_name_of_what_they_count(read):
    # PMID17544497 (before: all four rates were the 'response rate' named earlier in the sentence)
    reading = read(
        "Preoperative chemotherapy in patients with resectable non-small cell lung cancer: results of the MRC "
        "LU22/NVALT 2/EORTC 08012 multicentre randomised trial and update of systematic review.",
        (
            "METHODS",
            "Patients were randomised to receive either surgery alone (S), or three cycles of platinum-based "
            "chemotherapy followed by surgery (CT-S).",
        ),
        (
            "RESULTS",
            "Neo-adjuvant chemotherapy was feasible (75% of patients received all three cycles of chemotherapy), "
            "resulted in a good response rate (49% [95% CI 43%-55%]) and down-staging in 31% (25%-37%) of "
            "patients, and did not alter the type or completeness of the surgery (lobectomy: S: 56%, CT-S: 60%, "
            "complete resection: S: 80%, CT-S: 82%).",
        ),
    )
    surgery, chemo = (frozenset(reading.drugs(a.label)) for a in reading.trial.arms)
    assert [(d, e) for d, e, _c, _n in figures(reading, "lobectomy")] == [
        (surgery, Decimal("56")),
        (chemo, Decimal("60")),
    ]
    assert [(d, e) for d, e, _c, _n in figures(reading, "complete resection")] == [
        (surgery, Decimal("80")),
        (chemo, Decimal("82")),
    ]
