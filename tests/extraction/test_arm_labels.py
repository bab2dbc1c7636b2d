"""kg.extraction.arm_labels (through ``extract_trial``): 'arm A', 'group 1' as the design
defines them, and the figures the results give under those labels.

Quoted from pages of ../shared/data/pool (PMID beside each), with the page's own title and
design sections.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kg.sources import read_document

# PMID2169587
GROUPS = (
    "A randomized trial of induction chemotherapy plus high-dose radiation versus radiation alone in stage III "
    "non-small-cell lung cancer.",
    (
        "METHODS",
        "Patients randomly assigned to group 1 received cisplatin (100 mg per square meter of body-surface area "
        "given intravenously on days 1 and 29) and vinblastine (5 mg per square meter given intravenously on days "
        "1, 8, 15, 22, and 29) and then began radiation therapy on day 50 (60 Gy over a 6-week period). Patients "
        "assigned to group 2 received the same radiation therapy but began it immediately and received no "
        "chemotherapy.",
    ),
)
# PMID15364136
ARMS_A_B = (
    "Concurrent versus sequential chemoradiotherapy with cisplatin and vinorelbine in locally advanced non-small "
    "cell lung cancer: a randomized study.",
    (
        "PATIENTS AND METHODS",
        "The CT schedule consisted of up to four cycles of cisplatin 80 mg/m(2) on day 1, and vinorelbine 25 "
        "mg/m(2) at the first and fourth cycles (12.5 mg/m(2) during the 2nd/3rd cycles) on days 1, 8, 15 of a "
        "28-day cycle. Radiotherapy (RT) was prescribed at a dose of 60 Gy/30 fractions, given as five fractions "
        "per week for 6 weeks. In the concurrent arm (arm A), RT was started on day 4 of cycle 2; whilst in the "
        "sequential arm (arm B), RT started within 2 weeks after completion of CT. Fifty-two patients were "
        "randomized to concurrent treatment and 50 to the sequential schedule.",
    ),
)


def test_numbered_groups_and_a_comma_list_compared_with_respectively(read):
    r = read(
        *GROUPS,
        (
            "RESULTS",
            "Rates of survival in group 1 were 55 percent after one year, 26 percent after two years, and 23 "
            "percent after three years, as compared with 40, 13, and 11 percent, respectively, in group 2.",
        ),
    )
    arms = {a.label: a.aliases for a in r.trial.arms}
    assert arms == {
        "cisplatin + vinblastine + high-dose radiotherapy": ["group 1"],
        "radiotherapy": ["group 2"],
    }
    assert [(x.arm, x.estimate, x.timepoint) for x in r.trial.arm_results] == [
        ("cisplatin + vinblastine + high-dose radiotherapy", Decimal("55"), "12 months"),
        ("cisplatin + vinblastine + high-dose radiotherapy", Decimal("26"), "24 months"),
        ("cisplatin + vinblastine + high-dose radiotherapy", Decimal("23"), "36 months"),
        ("radiotherapy", Decimal("40"), "12 months"),
        ("radiotherapy", Decimal("13"), "24 months"),
        ("radiotherapy", Decimal("11"), "36 months"),
    ]


def test_a_bracketed_label_after_a_word_only_one_arm_has(read):
    r = read(
        *ARMS_A_B,
        (
            "RESULTS",
            "WHO grade 3 or 4 toxicity was more frequent in arm A than in arm B, with a significantly greater "
            "incidence of leucopenia (53% versus 19%, P = 0.009 by means of chi(2) test) and nausea/vomiting (39% "
            "versus 15%, P = 0.044 by means of chi(2) test).",
        ),
    )
    concurrent = next(a.label for a in r.trial.arms if "arm a" in a.aliases)
    sequential = next(a.label for a in r.trial.arms if "arm b" in a.aliases)
    assert concurrent.startswith("concurrent") and sequential.startswith("sequential")
    assert [(e.arm, e.percent) for e in r.trial.adverse_events if e.term == "leucopenia"] == [
        (concurrent, Decimal("53")),
        (sequential, Decimal("19")),
    ]


POOL = Path(__file__).parents[1] / "fixtures" / "pool"


def test_a_label_that_opens_or_closes_a_bracket_of_other_details():
    # PMID22547605 (tests/fixtures/pool): 'PFS was similar (5.0 v 6.6 months; P = .1988) in patients
    # randomly assigned to erlotinib alone (arm A; n = 81) or to ECP (arm B; n = 100).'
    trial = read_document(POOL / "PMID22547605.txt").trial
    assert {a.label: a.aliases for a in trial.arms} == {
        "erlotinib": ["arm A"],
        "carboplatin + paclitaxel + erlotinib": ["ECP", "arm b"],
    }


def test_an_arm_name_closing_the_bracket_of_its_regimen():
    # PMID16293868 (tests/fixtures/pool): 'Chemotherapy-naive patients received either gemcitabine alone
    # (1,250 mg/m2 on days 1 and 8; gemcitabine arm) or with carboplatin (area under the curve 5 on day 1;
    # GC arm) every 21 days.'
    trial = read_document(POOL / "PMID16293868.txt").trial
    assert {a.label: a.aliases for a in trial.arms} == {
        "gemcitabine": [],
        "gemcitabine + carboplatin": ["GC"],
    }


def test_the_one_label_left_names_the_one_arm_left():
    # PMID21903745 (tests/fixtures/pool), RTOG 9410: 'The sequential arm included cisplatin ... Arm 2 used
    # the same chemotherapy regimen as arm 1 ... Arm 3 used cisplatin ...'; '5-year survival: sequential,
    # arm 1, 10% [20 patients], 95% confidence interval [CI] = 7% to 15%; concurrent, arm 2, 16% ...'
    trial = read_document(POOL / "PMID21903745.txt").trial
    assert [a.aliases for a in trial.arms] == [["sequential", "arm 1"], ["arm 2"], ["arm 3"]]
    five_years = [(r.arm, r.estimate) for r in trial.arm_results if r.timepoint == "60 months"]
    assert five_years[0] == (trial.arms[0].label, Decimal("10"))


def test_a_label_beside_a_dose_in_its_bracket():
    # PMID28475456 (tests/fixtures/pool): 'randomly assigned (1:1) to oral brigatinib 90 mg once daily (arm
    # A) or 180 mg once daily with a 7-day lead-in at 90 mg (180 mg once daily [with lead-in]; arm B)';
    # 'investigator-assessed confirmed ORR was 45% (97.5% CI, 34% to 56%) in arm A and 54% (97.5% CI, 43% to
    # 65%) in arm B'
    trial = read_document(POOL / "PMID28475456.txt").trial
    assert [(a.label, a.aliases) for a in trial.arms] == [
        ("brigatinib 90 mg", ["arm A"]),
        ("brigatinib 180 mg", ["arm b"]),
    ]
    rates = [
        (r.arm, r.estimate)
        for r in trial.arm_results
        if r.endpoint == "objective response rate" and not r.subgroup
    ]
    assert rates == [("brigatinib 90 mg", Decimal("45")), ("brigatinib 180 mg", Decimal("54"))]


def test_a_label_after_a_dose_and_how_it_is_given():
    # PMID15714933 (tests/fixtures/pool): 'palliation of chest symptoms from a 10 Gy single fraction (regimen
    # 1) was equivalent to that from 30 Gy in 10 fractions (regimen 2)'; 'TSS improved in 49 patients (77%)
    # on regimen 1, and in 57 (92%) patients on regimen 2'; 'The median survival was 22.7 weeks for regimen 1
    # and 28.3 weeks for regimen 2 (P = 0.197).' ('1' of 'regimen 1' is no figure)
    trial = read_document(POOL / "PMID15714933.txt").trial
    assert {a.label: a.aliases for a in trial.arms} == {
        "radiotherapy 30 Gy": ["regimen 2"],
        "radiotherapy 10 Gy": ["regimen 1"],
    }
    improved = [
        (r.arm, r.count, r.estimate) for r in trial.arm_results if r.endpoint == "total symptom score"
    ]
    assert improved == [("radiotherapy 10 Gy", 49, Decimal("77")), ("radiotherapy 30 Gy", 57, Decimal("92"))]
    medians = [(r.arm, r.estimate) for r in trial.arm_results if r.statistic == "median"]
    assert medians == [("radiotherapy 10 Gy", Decimal("22.7")), ("radiotherapy 30 Gy", Decimal("28.3"))]


def test_a_label_after_a_treatment_given_alone():
    # PMID1847977 (tests/fixtures/pool): '177 patients received radiotherapy alone (group A), and 176 patients
    # received the combined treatment (group B). The 2-year survival rate was 14% in group A and 21% in group B'
    trial = read_document(POOL / "PMID1847977.txt").trial
    assert [a.aliases[-1].lower() for a in trial.arms] == ["group a", "group b"]  # as printed, or lower-cased
    assert [(r.arm, r.estimate) for r in trial.arm_results if r.timepoint == "24 months"] == [
        (trial.arms[0].label, Decimal("14")),
        (trial.arms[1].label, Decimal("21")),
    ]


def test_a_roman_numbered_group_in_which_a_drug_was_administered():
    # PMC3508963 (tests/fixtures/pool): 'In group I (120 people) single-dose intravenous lidocaine (1.5 mg/kg)
    # was administered and in group II (120 people) single-dose intravenous morphine (0.1 mg/kg) was
    # administered slowly.' (before: roman numbers were no labels, and the drug came after the label's
    # bracket without 'received')
    trial = read_document(POOL / "PMC3508963.txt").trial
    assert [(a.label, a.aliases) for a in trial.arms] == [
        ("lidocaine", ["group i"]),
        ("morphine", ["group ii"]),
    ]


def test_a_labelled_group_that_received_a_loading_dose_of_its_drug():
    # PMC3139306 (tests/fixtures/pool): 'Group D (dexmedetomidine group) received a loading dose of
    # dexmedetomidine 1 μg.kg-1 ...'; 'Fewer patients in group D experienced nausea and vomiting than those
    # in group P (7 vs. 24 patients, respectively; P < .05)' (before: the drug came 18 characters after
    # 'received', too far for the label, and the 7 and 24 had no arm)
    trial = read_document(POOL / "PMC3139306.txt").trial
    assert trial.arms[0].aliases == ["group d"]
    nausea = [(e.arm, e.count) for e in trial.adverse_events if e.term == "nausea and vomiting"]
    assert nausea == [("dexmedetomidine", 7), ("placebo", 24)]


def test_lettered_groups_subjected_to_procedures_one_of_them_abbreviated():
    # PMC3133979 (tests/fixtures/pool): 'The aim of the study was to compare laparoscopic and open
    # appendectomy (OA) in terms of primary outcome measures.'; 'Group A patients were subjected to
    # laparoscopic appendectomy (LA), whereas Group B patients were subjected to OA.'; 'The mean hospital
    # stay was 1.52 ± 0.76 days in group A and 1.70 ± 1.06 days in group B (P = 0.294).' (before: 'OA' was
    # shared with the laparoscopic arm with the head word, the groups were no labels, and the stays had no arm)
    trial = read_document(POOL / "PMC3133979.txt").trial
    assert [(a.label, a.aliases) for a in trial.arms] == [
        ("laparoscopic appendectomy", ["group a"]),
        ("open appendectomy", ["group b"]),
    ]
    stays = [(r.arm, r.estimate, r.spread) for r in trial.arm_results if r.endpoint == "hospital stay"]
    assert stays == [
        ("laparoscopic appendectomy", Decimal("1.52"), Decimal("0.76")),
        ("open appendectomy", Decimal("1.70"), Decimal("1.06")),
    ]
