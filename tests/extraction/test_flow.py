"""kg.extraction.flow: the participant counts a results section prints, per stage and arm.

Each test reads a real page (tests/fixtures/pool, or ../shared/data/abstracts quoted) and checks
the counts exactly.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extraction.armrefs import ArmFinder
from kg.extraction.flow import participant_flow
from kg.extraction.text import sentences
from kg.model import Arm, Drug, Intervention
from kg.sources import read_document


def _arm(label: str, *aliases: str) -> Arm:
    return Arm(label=label, aliases=list(aliases), interventions=[Intervention(drug=Drug(name=label))])


def test_per_arm_parts_printed_after_the_stage_of_a_whole_count():
    # PMID20493771 (tests/fixtures/pool): '884 patients were analysable for PFS; 437 in the erlotinib
    # group and 447 in the placebo group.'
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID20493771.txt").trial
    assert [(c.stage, c.arm, c.count) for c in trial.participant_flow if c.stage == "evaluable"] == [
        ("evaluable", None, 884),
        ("evaluable", "erlotinib", 437),
        ("evaluable", "placebo", 447),
    ]


def test_parts_in_a_bracket_after_the_stage():
    # PMID15741225 (../shared/data/abstracts): 'A total of 311 patients were enrolled (155 GD and 156 CV).'
    finder = ArmFinder([_arm("gemcitabine + docetaxel", "GD"), _arm("cisplatin + vinorelbine", "CV")])
    sents = sentences("RESULTS", "A total of 311 patients were enrolled (155 GD and 156 CV).")
    assert [(c.stage, c.arm, c.count) for c in participant_flow(sents, finder)] == [
        ("enrolled", None, 311),
        ("enrolled", "gemcitabine + docetaxel", 155),
        ("enrolled", "cisplatin + vinorelbine", 156),
    ]


def test_who_received_the_assigned_intervention_and_its_parts():
    # PMID30280658 (PACIFIC, tests/fixtures/pool): 'Of the 713 patients who underwent randomization, 709
    # received the assigned intervention (473 patients received durvalumab and 236 received placebo).'
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID30280658.txt").trial
    assert [(c.stage, c.arm, c.count) for c in trial.participant_flow if c.stage == "treated"] == [
        ("treated", None, 709),
        ("treated", "durvalumab", 473),
        ("treated", "placebo", 236),
    ]


def _flow(pmid: str) -> list[tuple[str, str | None, int]]:
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / f"PMID{pmid}.txt").trial
    return [(c.stage, c.arm, c.count) for c in trial.participant_flow]


def test_per_arm_counts_listed_before_the_stage_verb():
    # PMID16945766: '367 patients in the chemotherapy group and 431 in the control group received their
    # assigned treatment.'
    assert _flow("16945766") == [("treated", "vinorelbine + cisplatin", 367), ("treated", "observation", 431)]
    # PMID21783417: '82 in the erlotinib group and 72 in the chemotherapy group were included in analysis of
    # the primary endpoint' (analysed, not enrolled)
    assert _flow("21783417") == [("analysed", "erlotinib", 82), ("analysed", "gemcitabine + carboplatin", 72)]
    # PMID19013107: 'five patients in the experimental group and three in the standard group were ineligible
    # for analysis; thus 196 patients in the experimental group and 197 in the standard group were included in
    # analyses.'
    assert _flow("19013107") == [
        ("enrolled", None, 401),
        ("excluded", "vinorelbine + gemcitabine + docetaxel", 5),
        ("excluded", "paclitaxel + carboplatin", 3),
        ("analysed", "vinorelbine + gemcitabine + docetaxel", 196),
        ("analysed", "paclitaxel + carboplatin", 197),
    ]


def test_per_arm_counts_that_received_each_arm():
    # PMID15701857: 'Forty-one patients received PemOx and 39 received PemCb.'
    assert _flow("15701857") == [
        ("treated", "pemetrexed + oxaliplatin", 41),
        ("treated", "pemetrexed + carboplatin", 39),
    ]


def test_per_arm_counts_at_a_stage_respectively():
    # PMID16022917: 'Clinical benefit response rate was 32.4% compared to 40.9% in 111 and 110 evaluable
    # patients in VC and VG, respectively.'
    assert [c for c in _flow("16022917") if c[1]] == [
        ("evaluable", "vinorelbine + carboplatin", 111),
        ("evaluable", "vinorelbine + gemcitabine", 110),
    ]


def test_patients_an_event_happened_to_are_no_stage():
    # PMID10811675: 'Febrile neutropenia occurred in 11 patients treated with docetaxel 100 mg/m(2), three of
    # whom died, and in one patient treated with docetaxel 75 mg/m(2).'
    assert _flow("10811675") == [
        ("eligible", None, 103)
    ]  # of another sentence: '(103 of whom were eligible ...)'


def test_per_arm_parts_labelled_with_a_colon_in_a_bracket_after_the_stage():
    # PMID17971598: 'One hundred six patients were eligible (arm A: 51, arm B: 55), 90 males and 16 females, ...'
    assert [c for c in _flow("17971598") if c[0] == "eligible"] == [
        ("eligible", None, 106),
        ("eligible", "primary resection + adjuvant thoracic radiotherapy", 51),
        (
            "eligible",
            "cisplatin + etoposide + concurrent chemoradiotherapy + definitive surgery",
            55,
        ),
    ]
    # PMID28475456: 'Of 222 patients enrolled (arm A: n = 112, 109 treated; arm B: n = 110, 110 treated), ...'
    assert [c for c in _flow("28475456") if c[0] == "enrolled"] == [
        ("enrolled", None, 222),
        ("enrolled", "brigatinib 90 mg", 112),
        ("enrolled", "brigatinib 180 mg", 110),
    ]


@pytest.mark.parametrize(
    ("pmid", "counts"),
    [
        # 'We randomized 122 patients and treated 118.'
        ("26791798", [("treated", None, 118)]),
        # 'We screened 702 patients, of whom we genotyped 540.' (then '222 patients were enrolled')
        ("23883922", [("screened", None, 702), ("enrolled", None, 222)]),
        # '34 patients did not meet inclusion criteria and were excluded.', then 'Of 524 eligible patients, ...'
        ("18583190", [("excluded", None, 34), ("eligible", None, 524)]),
        # 'Sixty-eight patients with an ECOG PS of 2 were enrolled, and 64 patients were evaluable for toxicity
        # and response.' (before: 2 enrolled, the score; evaluable for toxicity is no leaving for harm)
        ("11745199", [("enrolled", None, 68), ("evaluable", None, 64)]),
        # 'Results The trial included 1,867 patients with a median follow-up of 7.5 years.': what the trial did
        ("19933916", [("enrolled", None, 1867)]),
    ],
)
def test_whole_trial_counts(pmid, counts):
    assert _flow(pmid) == counts


@pytest.mark.parametrize(
    ("pmid", "counts"),
    [
        # 'Of the 452 enrolled patients, 314 were randomly assigned to the groups.' (314: the trial's size)
        ("18024869", [("enrolled", None, 452)]),
        # 'Of 909 eligible patients, 235 (26%) had PVBM.'
        ("23165743", [("eligible", None, 909)]),
        # 'On admission, 95% of the 233 eligible patients had cough, ...': the denominator of a baseline
        # figure, which keeps it
        ("1377484", []),
    ],
)
def test_patients_counted_by_the_stage_they_reached(pmid, counts):
    assert _flow(pmid) == counts


def test_per_arm_counts_compared_after_the_stage():
    # PMID28501140 (ALEX, ../shared/data/abstracts): '24 patients in the alectinib group had discontinued
    # treatment compared with 61 in the crizotinib group, mostly due to lack of efficacy or adverse events.'
    finder = ArmFinder([_arm("alectinib"), _arm("crizotinib")])
    sents = sentences(
        "RESULTS",
        "At data cutoff for the second interim analysis, 24 patients in the alectinib group had discontinued"
        " treatment compared with 61 in the crizotinib group, mostly due to lack of efficacy or adverse events.",
    )
    assert [(c.stage, c.arm, c.count) for c in participant_flow(sents, finder)] == [
        ("discontinued", "alectinib", 24),
        ("discontinued", "crizotinib", 61),
    ]


def test_one_count_for_each_arm():
    # PMID15714933: 'We randomised 149 patients and analysed 74 in each arm.'
    assert _flow("15714933") == [
        ("analysed", "radiotherapy 30 Gy", 74),
        ("analysed", "radiotherapy 10 Gy", 74),
    ]
    # PMID20022809: 'Thus, 172 patients (86 in each group) were included in the survival analyses.' (analysed,
    # not enrolled)
    assert [c for c in _flow("20022809") if c[0] == "analysed"] == [
        ("analysed", None, 172),
        ("analysed", "gefitinib", 86),
        ("analysed", "cisplatin + docetaxel", 86),
    ]


def test_a_second_count_at_the_same_stage_with_its_verb_left_out():
    # PMID15364136: 'Ninety-eight patients were evaluable for response and 101 for toxicity.'
    assert _flow("15364136") == [("evaluable", None, 98), ("evaluable", None, 101)]


def test_enrolment_said_by_its_noun():
    # PMID19075278: 'Enrollment totaled 566 patients; 398 patients completed GC; ...'
    assert ("enrolled", None, 566) in _flow("19075278")


def test_a_count_of_whom_in_a_bracket_and_a_population_an_analysis_takes():
    # PMID10811675: 'One hundred four patients (103 of whom were eligible for entry onto the study)
    # were well balanced for prognostic factors.'
    assert _flow("10811675") == [("eligible", None, 103)]
    # PMID22954507: '149 ALK-positive patients were enrolled, 143 of whom were included in the
    # response-evaluable population'
    assert _flow("22954507") == [("enrolled", None, 149), ("analysed", None, 143)]


def test_counts_an_arms_treatment_was_given_to_with_the_treatment_as_subject():
    # PMID16488712: 'Lymph node sampling was performed in 498 patients and lymph node dissection in 525.'
    assert [c for c in _flow("16488712") if c[0] == "treated"] == [
        ("treated", "lymph node sampling", 498),
        ("treated", "mediastinal lymph node dissection", 525),
    ]
    # PMID17374834: 'Postoperative radiotherapy was administered to 62 (40%) of patients in the surgery
    # arm.': patients of the surgery arm who had radiotherapy, no arm's treated count
    assert _flow("17374834") == []


def test_the_patients_who_received_induction_treatment_were_treated():
    # PMID24585722 and PMID23835708 (../shared/data/pool): induction before randomisation to maintenance
    finder = ArmFinder([_arm("bevacizumab"), _arm("bevacizumab + pemetrexed")])
    for text in (
        "A total of 376 patients received induction treatment.",
        "In total, 376 patients received induction treatment, 71.9% achieved disease control, and 67.3% were "
        "randomly assigned to maintenance therapy, with 125 and 128 receiving single-agent bevacizumab and "
        "bevacizumab plus pemetrexed treatment, respectively.",
    ):
        counts = participant_flow(sentences("RESULTS", text), finder)
        assert [(c.stage, c.arm, c.count) for c in counts] == [("treated", None, 376)]


@pytest.mark.parametrize(
    ("folder", "pmid", "safety"),
    [
        # 'Of 713 patients who underwent randomization, 709 received consolidation therapy (473 received
        # durvalumab and 236 received placebo).'
        ("abstracts", "28885881", [473, 236]),
        # 'Forty-one patients received PemOx and 39 received PemCb.'
        ("pool", "15701857", [41, 39]),
    ],
)
def test_the_count_each_arm_treated_is_its_safety_population(folder, pmid, safety):
    # before: no safety population where no adverse-event figure implied one
    trial = read_document(Path(__file__).parents[1] / "fixtures" / folder / f"PMID{pmid}.txt").trial
    assert [a.n_safety for a in trial.arms] == safety


def test_patients_who_received_at_least_one_dose_of_each_arms_drug_are_its_treated():
    # PMID26970723 (benchmarks/unseen): '142 patients received at least one dose of atezolizumab and 135
    # received docetaxel.' (before: no count; 'one' is read as 1, and the stage said 'one')
    finder = ArmFinder([_arm("atezolizumab"), _arm("docetaxel")])
    text = "142 patients received at least one dose of atezolizumab and 135 received docetaxel."
    assert [(c.stage, c.arm, c.count) for c in participant_flow(sentences("FINDINGS", text), finder)] == [
        ("treated", "atezolizumab", 142),
        ("treated", "docetaxel", 135),
    ]
