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
        "Postoperative radiotherapy in the treatment of single metastases to the brain: a randomized trial.",
        (
            "INTERVENTIONS",
            "Patients were randomly assigned to treatment with postoperative whole-brain radiotherapy "
            "(radiotherapy group, 49 patients) or no further treatment (observation group, 46 patients) for the "
            "brain metastasis, with median follow-up of 48 weeks and 43 weeks, respectively.",
        ),
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
    tests = {(c.endpoint, c.p_value) for c in reading.trial.comparisons if c.statistic == "p_value"}
    assert ("neurologic death", Decimal("0.003")) in tests


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
