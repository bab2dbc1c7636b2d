"""kg.extraction.sizes: the randomised total and the patients of each arm.

Sentences quoted from ../shared/data/abstracts (PMID beside them), read through
``extract_trial``; arms are named by what they give.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pool_pages import trial_of
from shared_quotes import RTOG_0617, SABR

from kg.sources import read_document


def sizes(r) -> list[tuple[frozenset[str], int | None]]:
    return [(frozenset(a.drug_names), a.n_randomized) for a in r.trial.arms]


def test_of_n_patients_randomized(read):
    # PMID21335122: the randomised total, not the 1023 evaluable
    r = read(
        "Randomized trial of mediastinal lymph node sampling versus complete lymphadenectomy during pulmonary "
        "resection in the patient with N0 or N1 (less than hilar) non-small cell carcinoma: results of the "
        "American College of Surgery Oncology Group Z0030 Trial.",
        (
            "METHODS",
            "If all tumors were negative for malignancy, patients were randomized to no further lymph node "
            "sampling (mediastinal lymph node sampling) or complete mediastinal lymph node dissection.",
        ),
        (
            "RESULTS",
            "Of 1111 patients randomized, 1023 (mediastinal lymph node sampling in 498, mediastinal lymph node "
            "dissection in 525) were eligible and evaluable.",
        ),
    )
    assert r.trial.n_randomized == 1111
    assert [n for _d, n in sizes(r)] == [None, None]  # 498 and 525 were evaluable, not randomised


def test_a_total_of_n_people_were_randomly_assigned(read):
    # PMID8127329: the total's thousands separator and the words between number and verb
    r = read(
        "The effect of vitamin E and beta carotene on the incidence of lung cancer and other cancers in male "
        "smokers.",
        (
            "METHODS",
            "A total of 29,133 male smokers 50 to 69 years of age from southwestern Finland were randomly "
            "assigned to one of four regimens: alpha-tocopherol (50 mg per day) alone, beta carotene (20 mg per "
            "day) alone, both alpha-tocopherol and beta carotene, or placebo.",
        ),
    )
    assert r.trial.n_randomized == 29133


def test_a_bracketed_breakdown_of_the_total(read):
    # PMID25981812: '58 patients were enrolled and randomly assigned (31 to SABR and 27 to surgery)'
    r = read(
        *SABR,
        (
            "FINDINGS",
            "58 patients were enrolled and randomly assigned (31 to SABR and 27 to surgery). Median follow-up "
            "was 40·2 months (IQR 23·0-47·3) for the SABR group and 35·4 months (18·9-40·7) for the surgery "
            "group.",
        ),
    )
    assert r.trial.n_randomized == 58
    assert sizes(r) == [
        (frozenset({"stereotactic ablative radiotherapy"}), 31),
        (
            frozenset({"lobectomy", "mediastinal lymph node dissection", "mediastinal lymph node sampling"}),
            27,
        ),
    ]
    (thirty_one, _twenty_seven) = (a.size_evidence for a in r.trial.arms)
    assert thirty_one.quote == "31"


EORTC_08975 = (
    "Three-arm randomized study of two cisplatin-based regimens and paclitaxel plus gemcitabine in advanced "
    "non-small-cell lung cancer: a phase III trial of the European Organization for Research and Treatment of "
    "Cancer Lung Cancer Group--EORTC 08975.",
    (
        "PURPOSE",
        "To compare the therapeutic efficacy of paclitaxel plus cisplatin (arm A) versus gemcitabine plus "
        "cisplatin (arm B) and arm A versus paclitaxel plus gemcitabine (arm C) in chemotherapy-naive patients "
        "with advanced non-small-cell lung cancer (NSCLC).",
    ),
    (
        "MATERIALS AND METHODS",
        "Patients were randomly assigned to receive either paclitaxel 175 mg/m2 (3-hour infusion, day 1) or "
        "gemcitabine 1,250 mg/m2 (days 1 and 8) both combined with cisplatin 80 mg/m2 (day 1) or paclitaxel 175 "
        "mg/m2 (3-hour infusion, day 1) combined with gemcitabine 1,250 mg/m2 (days 1 and 8).",
    ),
    (
        "RESULTS",
        "Four hundred eighty patients (arm A, 159; arm B, 160; arm C, 161 patients) were enrolled; all "
        "baseline characteristics were balanced.",
    ),
)


def test_a_total_in_words(read):
    # PMID14581415: 'Four hundred eighty patients ... were enrolled'
    assert read(*EORTC_08975).trial.n_randomized == 480


def test_a_bracketed_breakdown_by_arm_letters(read):
    # PMID14581415
    assert sizes(read(*EORTC_08975)) == [
        (frozenset({"paclitaxel", "cisplatin"}), 159),
        (frozenset({"gemcitabine", "cisplatin"}), 160),
        (frozenset({"paclitaxel", "gemcitabine"}), 161),
    ]


def test_sizes_listed_after_the_first_arm_are_summed(read):
    # PMID25601342: '166 patients were randomly assigned to A, 121 to B, 147 to C, and 110 to D' -- 166 is
    # the first arm's size, the total is their sum
    r = read(
        *RTOG_0617,
        (
            "FINDINGS",
            "Between Nov 27, 2007, and Nov 22, 2011, 166 patients were randomly assigned to receive "
            "standard-dose chemoradiotherapy, 121 to high-dose chemoradiotherapy, 147 to standard-dose "
            "chemoradiotherapy and cetuximab, and 110 to high-dose chemoradiotherapy and cetuximab.",
        ),
    )
    assert r.trial.n_randomized == 544
    got = [
        (
            next(i.dose for i in a.interventions if i.kind == "radiation"),
            "cetuximab" in a.drug_names,
            a.n_randomized,
        )
        for a in r.trial.arms
    ]
    assert [(str(d), c, n) for d, c, n in got] == [
        ("60", False, 166),
        ("74", False, 121),
        ("60", True, 147),
        ("74", True, 110),
    ]


def test_a_count_broken_down_by_arm_that_formed_the_study_group(read):
    # PMID2405271: no verb says the 48 were randomised; the arms' parts add up to them
    text = (
        "To assess the efficacy of surgical resection of brain metastases from extracranial primary cancer, we "
        "randomly assigned patients with a single brain metastasis to either surgical removal of the brain tumor "
        "followed by radiotherapy (surgical group) or needle biopsy and radiotherapy (radiation group). "
        "Forty-eight patients (25 in the surgical group and 23 in the radiation group) formed the study group; 6 "
        "other patients (11 percent) were excluded from the study because on biopsy their lesions proved to be "
        "either second primary tumors or inflammatory or infectious processes."
    )
    r = read(
        "A randomized trial of surgery in the treatment of single metastases to the brain.",
        ("UNLABELLED", text),
    )
    assert r.trial.n_randomized == 48
    assert {a.label: a.n_randomized for a in r.trial.arms} == {
        "surgical resection + radiotherapy": 25,
        "radiotherapy": 23,
    }


def test_a_count_broken_down_by_arm_that_had_an_event_sizes_nothing(read):
    # PMID15701857 (pool): 'Three patients (PemOx 1 and PemCb 2) experienced febrile neutropenia'
    r = read(
        "Pemetrexed combined with oxaliplatin or carboplatin as first-line treatment in advanced non-small cell "
        "lung cancer: a multicenter, randomized, phase II trial.",
        (
            "EXPERIMENTAL DESIGN",
            "Patients were randomly assigned to receive pemetrexed 500 mg/m(2) plus oxaliplatin 120 mg/m(2) "
            "(PemOx) or pemetrexed plus carboplatin AUC6 (PemCb).",
        ),
        (
            "RESULTS",
            "Forty-one patients received PemOx and 39 received PemCb. Three patients (PemOx 1 and PemCb 2) "
            "experienced febrile neutropenia.",
        ),
    )
    assert all(a.n_randomized not in (1, 2) for a in r.trial.arms)
    assert r.trial.n_randomized != 3


@pytest.mark.parametrize(
    ("pmid", "total"),
    [
        # 'Patients (n = 1,218) with stage IIIB to IV NSCLC were randomly assigned to receive ...'
        ("12837811", 1218),
        # 'Demographics and disease characteristics of 334 randomly assigned patients were comparable ...'
        ("16293868", 334),
        # 'There were 276 patients randomized, with 247 patients eligible for analysis.'
        ("7677489", 276),
        # 'In a randomized, phase 3 trial of 1,776 patients with metastases from solid tumors ...'
        ("24162260", 1776),
    ],
)
def test_the_randomised_total_said_in_other_words(pmid, total):
    page = Path(__file__).parents[1] / "fixtures" / "pool" / f"PMID{pmid}.txt"
    assert read_document(page).trial.n_randomized == total


def test_a_treatment_inside_a_word_about_patients_names_no_arm():
    # PMID22277837 (TITAN, tests/fixtures/pool): '2590 chemotherapy-naive patients were treated with
    # first-line platinum doublet chemotherapy, of whom 424 had disease progression and were enrolled into
    # TITAN. 203 patients were randomly assigned to receive erlotinib and 221 were assigned to receive
    # chemotherapy.' (before: the chemotherapy arm had 2590 patients, the trial 2793)
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID22277837.txt").trial
    assert [a.n_randomized for a in trial.arms] == [203, 221]
    assert trial.n_randomized == 424


@pytest.mark.parametrize(
    ("pmid", "sizes", "total"),
    [
        # 'vinblastine (5 mg/m2 body surface area intravenously weekly on days 1, 8, 15, 22, and 29)': a schedule,
        # no size; 'There were 78 eligible patients randomly assigned to the CT-RT group and 77 randomly
        # assigned to the RT group.'
        ("8780630", [78, 77], 155),
        # '910 patients were screened and 364 were randomly assigned (242 to afatinib, 122 to gemcitabine and
        # cisplatin)'
        ("24439929", [242, 122], 364),
        # 'A total of 561 eligible patients were randomly assigned to receive paclitaxel alone or in combination
        # with carboplatin.': the total, not the paclitaxel arm's size
        ("15625373", [None, None], 561),
        # 'A total of 1,269 patients were screened, and 345 were randomly assigned to treatment.'
        ("23816960", [None, None], 345),
        # 'From August 2009 to July 2012, 150 and 151 patients were randomly assigned to erlotinib (150 mg
        # daily) and docetaxel (60 mg/m(2) every 3 weeks), respectively.' (before: erlotinib 151, total 150)
        ("24841974", [150, 151], 301),
        # 'Forty-three and 26 patients were accrued to arms A and B, respectively.'
        ("18487565", [43, 26], 69),
        # 'Two hundred and ninety-seven patients were randomised (C3 150, C6 147).': an arm's count is the
        # number outside its name (before: the 3 of 'C3')
        ("17047644", [150, 147], 297),
        # 'Of the 452 enrolled patients, 314 were randomly assigned to the groups.' (before: 452)
        ("18024869", [None, None], 314),
        # 'we identified 697 patients, 585 of whom were randomly allocated to treatment (390 to afatinib, 195 to
        # placebo)' (before: 697)
        ("22452896", [390, 195], 585),
        # 'Twelve patients received induction chemotherapy but were not randomized to RT or surgery thereafter.
        # Forty-five patients were randomized to postinduction RT or surgery.' (before: 12)
        ("12243809", [None, None], 45),
        # 'A total of 444 patients were randomized to PC, and 434 patients were randomized to PCB (the
        # intent-to-treat population).' (before: total 444, no arm sizes)
        ("20686429", [444, 434], 878),
        # 'PFS was similar (5.0 v 6.6 months; P = .1988) in patients randomly assigned to erlotinib alone
        # (arm A; n = 81) or to ECP (arm B; n = 100).': the arm's label before its size (before: none)
        ("22547605", [81, 100], 181),
    ],
)
def test_sizes_and_totals_among_other_counts(pmid, sizes, total):
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / f"PMID{pmid}.txt").trial
    assert ([a.n_randomized for a in trial.arms], trial.n_randomized) == (sizes, total)


def test_a_total_by_random_assignment_broken_down_after_a_colon():
    # PMID22124104 (tests/fixtures/pool): 'The study was prematurely closed after the random assignment of
    # 270 patients: 129 to chemotherapy plus surgery and 141 to surgery alone.'
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID22124104.txt").trial
    assert trial.n_randomized == 270
    assert [(a.label, a.n_randomized) for a in trial.arms] == [
        ("gemcitabine + cisplatin + surgery", 129),
        ("surgery", 141),
    ]


def test_the_end_of_a_range_before_the_arms_is_no_arm_size(read):
    # PMID19433683 (pool): 'Patients with stage IIIB or IV NSCLC and performance status of 0 to 2 were
    # randomly assigned to receive pemetrexed ...' (before: the pemetrexed arm had 2 patients)
    r = read(
        "Phase III study by the Norwegian lung cancer study group: pemetrexed plus carboplatin compared with "
        "gemcitabine plus carboplatin as first-line chemotherapy in advanced non-small-cell lung cancer.",
        (
            "PATIENTS AND METHODS",
            "Patients with stage IIIB or IV NSCLC and performance status of 0 to 2 were randomly assigned to "
            "receive pemetrexed 500 mg/m(2) plus carboplatin area under the curve (AUC) = 5 (Calvert's formula) "
            "on day 1 or gemcitabine 1,000 mg/m(2) on days 1 and 8 plus carboplatin AUC = 5 on day 1 every 3 "
            "weeks for up to four cycles.",
        ),
    )
    assert [n for _d, n in sizes(r)] == [None, None]


CYTISINE = (
    "Cytisine versus nicotine for smoking cessation.",
    (
        "METHODS",
        "We conducted a pragmatic, open-label, noninferiority trial in New Zealand in which 1310 adult daily "
        "smokers who were motivated to quit and called the national quitline were randomly assigned in a 1:1 "
        "ratio to receive cytisine for 25 days or nicotine-replacement therapy for 8 weeks.",
    ),
)


def test_denominators_that_add_up_to_the_randomised_total_are_the_arms_sizes(read):
    # PMID25517706: no sentence gives the arms' sizes; the primary result's denominators, one per
    # arm, add up to the 1310 randomly assigned
    r = read(
        *CYTISINE,
        (
            "RESULTS",
            "At 1 month, continuous abstinence from smoking was reported for 40% of participants receiving "
            "cytisine (264 of 655) and 31% of participants receiving nicotine-replacement therapy (203 of 655), "
            "for a difference of 9.3 percentage points (95% confidence interval, 4.2 to 14.5).",
        ),
    )
    assert r.trial.n_randomized == 1310
    assert [n for _d, n in sizes(r)] == [655, 655]
    assert [(x.count, x.n_analysed) for x in r.trial.arm_results] == [(264, 655), (203, 655)]


def test_counts_with_their_share_before_each_arm_and_denominators_that_size_nothing():
    # PMID28602779: 'we randomly allocated 231 patients; 115 (50%) to ceritinib and 116 (50%) to
    # chemotherapy (...)' gives the sizes (before: none); '15 (13%) of 115 patients in the ceritinib
    # group and five (4%) of 113 in the chemotherapy group died during the treatment period' counts
    # the treated, 228 of the 231 randomised, and sizes nothing
    page = Path(__file__).parents[1] / "fixtures" / "abstracts" / "PMID28602779.txt"
    trial = read_document(page).trial
    assert trial.n_randomized == 231
    assert [(r.arm, r.n_analysed) for r in trial.arm_results if r.endpoint == "death"][:2] == [
        ("ceritinib", 115),
        ("pemetrexed or docetaxel", 113),  # 'chemotherapy (intravenous pemetrexed ... or docetaxel ...)'
    ]
    assert [a.n_randomized for a in trial.arms] == [115, 116]


@pytest.mark.parametrize(
    ("pmid", "randomised"),
    [
        # '147 (72.4%) of 203 patients were randomly assigned to docetaxel (n = 73) or observation (n = 74).'
        ("19001323", 147),
        # '(From April 1996 to November 1997, 191 of the 350 targeted patients were randomly assigned.)'
        ("9890172", 191),
    ],
)
def test_the_part_of_the_patients_that_was_randomised(pmid: str, randomised: int):
    # (tests/fixtures/pool): the count before 'of' was randomised, not the patients it is part of
    page = Path(__file__).parents[1] / "fixtures" / "pool" / f"PMID{pmid}.txt"
    trial = read_document(page).trial
    assert trial.n_randomized == randomised


def test_we_randomly_assigned_n_patients_to_one_arm_and_m_to_the_other():
    # PMID23200175 (tests/fixtures/abstracts): 'Between April 20, 2009, and June 30, 2010, we randomly assigned
    # 44 patients to receive selumetinib and docetaxel (selumetinib group) and 43 to receive placebo and
    # docetaxel (placebo group).' (before: a total of 44, the first count read as the trial's; no size for the
    # selumetinib arm)
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "abstracts" / "PMID23200175.txt").trial
    assert ([a.n_randomized for a in trial.arms], trial.n_randomized) == ([44, 43], 87)


@pytest.mark.parametrize(
    ("text", "total"),
    [
        # PubMed Central abstracts (jayded/evidence-inference, annotations/abstracts, MIT)
        # PMC111193: the present tense
        ("Twenty-eight patients scheduled for TKR are randomised to ANH or no hemodilution (non-ANH).", 28),
        # PMC1177952: a bracket between the count and the verb
        (
            "Patients (n = 940) treated for acute MI by primary percutaneous coronary intervention (PCI) were "
            "randomized to GIK infusion or no infusion.",
            940,
        ),
        # PMC1216327: the study performed in its participants
        (
            "In order to assess the effects of juice feedings during acute diarrhea a double-blind, randomized "
            "study was performed in 90 children, mean age of 10 ± 4.28 months.",
            90,
        ),
        # PMC1253473: the trial included them
        (
            "A randomized placebo-controlled, parallel-group trial included 481 low-income, female participants: "
            "mean age 50.1 years, 48.4% African American.",
            481,
        ),
        # PMC1382202: what the trial was of comes before its participants
        (
            "We carried out a community-based cluster randomised trial of health promotion in 1,013 participants "
            "from 12 villages (628 women, 481 rural dwellers); mean age 55 years to reduce salt intake and BP.",
            1013,
        ),
        # PMC1193545: the count per hospital is no total; the recruited one is
        (
            "We recruited 120 patients from two teaching hospitals; 30 patients in each hospital were randomly "
            "assigned to receive BNHS.",
            120,
        ),
    ],
)
def test_totals_as_trials_outside_oncology_state_them(read, text, total):
    assert read("", ("METHODS", text)).trial.n_randomized == total


def test_an_allocation_ratio_before_to_is_no_arms_size():
    # PMC3504074: 'Patients received etanercept 50 mg twice weekly for 12 weeks followed by 50 mg once weekly
    # for 12 weeks and were randomized 1 : 1 to receive methotrexate (7·5–15 mg weekly) or placebo.' ...
    # 'In total, 239 patients were enrolled in each arm.' (before: the methotrexate arm had 1 patient)
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMC3504074.txt").trial
    assert all(a.n_randomized in (None, 239) for a in trial.arms)


def test_a_total_whose_description_prints_decimals_before_its_verb_is_read():
    # PMC5008205 (tests/fixtures/pool): 'A total of 1098 participants with HbA1c concentrations \u22657.0%
    # (\u226553.0 mmol/mol) and \u22649.5% (\u226480.3 mmol/mol) were randomized' (before: the decimal points ended
    # the search for the verb)
    assert trial_of("PMC5008205").n_randomized == 1098


def test_a_share_of_a_count_that_a_later_verb_randomises_is_no_total():
    # PMID23835708 (tests/fixtures/pool): 'In total, 376 patients received induction treatment, 71.9% achieved
    # disease control, and 67.3% were randomly assigned to maintenance therapy, ...': 376 were not randomised
    assert trial_of("23835708").n_randomized != 376


def test_an_age_bound_is_no_count_of_people():
    # PMC2744923 (tests/fixtures/pool): 'Children \u226512 months and adults with uncomplicated malaria were
    # randomized to receive AL, CPD or SP.' ... '841 patients were recruited.' (before: 12 randomised)
    assert trial_of("PMC2744923").n_randomized == 841


def test_a_count_enrolled_in_each_arm_is_every_arms_size_not_the_total():
    # PMC3504074 (tests/fixtures/pool): 'In total, 239 patients were enrolled in each arm.' (before: 239 was
    # the trial's total and the arms had no size)
    trial = trial_of("PMC3504074")
    assert [a.n_randomized for a in trial.arms] == [239, 239]
    assert trial.n_randomized == 478


def test_a_count_a_participants_heading_opens_on_is_the_total_enrolled():
    # PMC3657667 (tests/fixtures/pool): 'PARTICIPANTS: 401 primary care patients aged 29\u201395 with uncontrolled
    # daytime ambulatory blood pressure ...'; PMC1468428: a heading inside the methods, 'Participants: 443 women
    # admitted for delivery to the obstetrics service ...' (before: no total on either)
    assert trial_of("PMC3657667").n_randomized == 401
    assert trial_of("PMC1468428").n_randomized == 443
