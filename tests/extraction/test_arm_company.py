"""kg.extraction.arm_company / arm_lists: what every arm of a listing is given with, listings
whose brackets hold clause marks, and arms named by a label before what they give.

Every sentence is quoted from a page of ../shared/data/pool, named by PMID beside it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from test_arm_listings import arms_of, drugs

from kg.sources import read_document


def test_a_treatment_in_combination_after_two_radiotherapies_is_both_arms():
    # PMID23762840's title (before: 'involved-field radiotherapy' and 'elective nodal irradiation +
    # chemotherapy')
    arms = arms_of(
        "",
        "Involved-field radiotherapy versus elective nodal irradiation in combination with concurrent "
        "chemotherapy for locally advanced non-small cell lung cancer: a prospective randomized study.",
    )
    assert drugs(arms) == [
        ["involved-field radiotherapy", "chemotherapy"],
        ["elective nodal irradiation", "chemotherapy"],
    ]


def test_an_arm_given_alone_or_with_its_own_companion_shares_nothing():
    # PMID15625373 (tests/fixtures/pool): 'A total of 561 eligible patients were randomly assigned to receive
    # paclitaxel alone or in combination with carboplatin.'; PMID26446239: '... to receive either
    # ramucirumab in combination with docetaxel or placebo in combination with docetaxel'
    page = Path(__file__).parents[1] / "fixtures" / "pool" / "PMID15625373.txt"
    assert drugs(read_document(page).trial.arms) == [["paclitaxel"], ["paclitaxel", "carboplatin"]]
    own = arms_of(
        "Patients were randomized 1:1 to receive either ramucirumab in combination with docetaxel or placebo in "
        "combination with docetaxel."
    )
    assert drugs(own) == [["ramucirumab", "docetaxel"], ["placebo", "docetaxel"]]


def test_a_semicolon_inside_a_bracket_does_not_end_a_comparison():
    # PMID2167953 (tests/fixtures/pool; before: 'cisplatin' and 'carboplatin', the listing cut at 'CBDCA;')
    arms = arms_of(
        "The European Organization for Research and Treatment of Cancer (EORTC) Lung Cancer Working Party "
        "conducted a randomized trial comparing "
        "cisplatin (CDDP; 120 mg/m2, day 1) and carboplatin (CBDCA; 325 mg/m2, day 1) in combination with "
        "etoposide (VP16; 100 mg/m2, days 1, 2, and 3) in advanced non-small-cell lung cancer (NSCLC)."
    )
    assert drugs(arms) == [["cisplatin", "etoposide"], ["carboplatin", "etoposide"]]
    assert [i.dose for i in arms[1].interventions] == [Decimal("325"), Decimal("100")]


def test_surgery_after_preoperative_chemotherapy_is_the_operation_the_other_arm_gives():
    # PMID20231678 (S9900, tests/fixtures/pool): 'Patients were randomly assigned to surgery alone or to three
    # cycles of paclitaxel (225 mg/m(2)) and carboplatin (area under curve, 6) followed by surgical
    # resection.' (before: 'surgery' against 'paclitaxel + carboplatin', the operation lost at the ', 6)' the
    # list numbering rule took for an item number, the hazard ratios set the wrong way round)
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID20231678.txt").trial
    assert drugs(trial.arms) == [["surgery"], ["paclitaxel", "carboplatin", "surgery"]]
    assert [a.role for a in trial.arms] == ["comparator", "experimental"]
    assert trial.arms[1].aliases == []  # '(area under curve, 6)' names no arm
    hr = next(c for c in trial.comparisons if c.endpoint == "overall survival")
    assert (hr.estimate, hr.arm, hr.comparator) == (Decimal("0.79"), trial.arms[1].label, "surgery")


def test_the_time_a_chemotherapy_is_given_names_no_intervention():
    # PMID8158698 (tests/fixtures/pool): 'In total, 60 patients were randomly assigned between 1987 and 1993 to
    # receive either six cycles of perioperative chemotherapy (cyclophosphamide, etoposide, and cisplatin) and
    # surgery (28 patients) or surgery alone (32 patients).' (before: a drug named 'perioperative'); 'The
    # estimated 2- and 3-year survival rates were 60% and 56% for the perioperative chemotherapy patients
    # and 25% and 15% for those who had surgery alone, respectively.'
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID8158698.txt").trial
    assert drugs(trial.arms) == [["cyclophosphamide", "etoposide", "cisplatin", "surgery"], ["surgery"]]
    assert trial.arms[0].aliases == ["perioperative chemotherapy"]
    rates = {
        (r.arm == trial.arms[0].label, r.timepoint, r.estimate)
        for r in trial.arm_results
        if r.endpoint == "overall survival" and r.statistic == "rate"
    }
    assert rates == {
        (True, "24 months", Decimal("60")),
        (True, "36 months", Decimal("56")),
        (False, "24 months", Decimal("25")),
        (False, "36 months", Decimal("15")),
    }


def test_the_same_treatment_with_an_added_drug():
    # PMID21747084 (tests/fixtures/pool): '... were randomly assigned to carboplatin (area under the curve, 5)
    # and pemetrexed (500 mg/m(2)) every 21 days for four cycles and TRT (70 Gy; arm A) or the same treatment
    # with cetuximab administered concurrent only with TRT (arm B).' (before: 'cetuximab + thoracic
    # radiotherapy', once the '(area under the curve, 5)' no longer broke the listing)
    arms = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID21747084.txt").trial.arms
    assert drugs(arms) == [
        ["carboplatin", "pemetrexed", "thoracic radiotherapy"],
        ["carboplatin", "pemetrexed", "thoracic radiotherapy", "cetuximab"],
    ]
    assert arms[1].interventions[2].dose == Decimal("70")


def test_two_doses_of_one_drug_share_the_unit_and_the_companions_printed_once():
    # PMID15169807 (tests/fixtures/pool): 'In a phase II trial, 99 patients were randomly assigned to
    # bevacizumab 7.5 (n = 32) or 15 mg/kg (n = 35) plus carboplatin (area under the curve = 6) and paclitaxel
    # (200 mg/m(2)) every 3 weeks or carboplatin and paclitaxel alone (n = 32).' 'Compared with the control
    # arm, treatment with carboplatin and paclitaxel plus bevacizumab (15 mg/kg) resulted in a higher response
    # rate (31.5% v 18.8%), ...' (before: a 'bevacizumab' arm without dose or companions, and the figures
    # filed under the pooled bevacizumab group)
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID15169807.txt").trial
    assert drugs(trial.arms) == [
        ["bevacizumab", "carboplatin", "paclitaxel"],
        ["bevacizumab", "carboplatin", "paclitaxel"],
        ["carboplatin", "paclitaxel"],
    ]
    assert [a.interventions[0].dose for a in trial.arms[:2]] == [Decimal("7.5"), Decimal("15")]
    assert [a.n_randomized for a in trial.arms] == [32, 35, 32]
    # '... plus carboplatin (area under the curve = 6) and paclitaxel (200 mg/m(2)) every 3 weeks': the
    # schedule after the last drug is carboplatin's too (before: paclitaxel's only)
    assert {i.frequency for a in trial.arms for i in a.interventions} == {"every 3 weeks"}
    response = {r.arm: r.estimate for r in trial.arm_results if r.endpoint == "objective response rate"}
    assert response == {trial.arms[1].label: Decimal("31.5"), trial.arms[2].label: Decimal("18.8")}


def test_a_label_and_size_before_what_the_arm_gives():
    # PMID18202422 (tests/fixtures/pool): 'Four hundred forty-four patients with previously untreated stage
    # IIIB/IV NSCLC were randomly assigned to either arm 1 (n = 223), paclitaxel 100 mg/m(2) weekly for 3 of 4
    # weeks with carboplatin area under the curve (AUC) = 6 mg/mL x min on day 1 of each 4 week cycle, or arm
    # 2 (n = 221), paclitaxel 225 mg/m(2) and carboplatin AUC = 6 on day 1 of each 3-week cycle.' (before: each
    # arm a choice, 'carboplatin or paclitaxel', the label read as an alternative to the drugs)
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID18202422.txt").trial
    assert drugs(trial.arms) == [["paclitaxel", "carboplatin"], ["paclitaxel", "carboplatin"]]
    assert [(a.choice, a.aliases, a.n_randomized) for a in trial.arms] == [
        (False, ["arm 1"], 223),
        (False, ["arm 2"], 221),
    ]
    assert [a.interventions[0].dose for a in trial.arms] == [Decimal("100"), Decimal("225")]
