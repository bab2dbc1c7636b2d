"""kg.extraction.arm_ellipsis (through kg.extraction.arms and the whole reading): arm lists
that print once what their entries share.

Every sentence is quoted from a page of ../shared/data/pool, copied to tests/fixtures/pool and
named by PMID beside it.
"""

from __future__ import annotations

from decimal import Decimal

from pool_pages import trial_of

from kg.extraction.arm_ellipsis import shared_entries


def test_a_short_name_spelling_the_shared_drug_names_the_elided_entry():
    # PMID23981966: 'This trial evaluated pemetrexed with carboplatin (PCb) or cisplatin (PC) with concurrent
    # RT ...'; '... were randomized (1:1) to PCb or PC with concurrent RT (64-68 Gy over days 1-45).'
    trial = trial_of("23981966")
    assert [(a.drug_names, a.aliases, a.n_randomized) for a in trial.arms] == [
        (["pemetrexed", "carboplatin", "concurrent radiotherapy"], ["PCb"], 46),
        (["pemetrexed", "cisplatin", "concurrent radiotherapy"], ["PC"], 52),
    ]
    # 'Median time to disease progression was PCb: 8.8 months (...); PC: 13.1 months (...)'
    medians = {r.arm: r.estimate for r in trial.arm_results if r.endpoint == "time to disease progression"}
    assert medians == {
        "pemetrexed + carboplatin + concurrent radiotherapy": Decimal("8.8"),
        "pemetrexed + cisplatin + concurrent radiotherapy": Decimal("13.1"),
    }


def test_placebo_takes_the_place_of_the_added_drug():
    # PMID16043828: '... who were randomly assigned to carboplatin and paclitaxel with erlotinib or placebo'
    trial = trial_of("16043828")
    assert [a.drug_names for a in trial.arms] == [
        ["carboplatin", "paclitaxel", "erlotinib"],
        ["carboplatin", "paclitaxel", "placebo"],
    ]


def test_a_drug_with_its_dose_before_with_either_is_every_arms():
    # PMID26791798: 'randomized (1:1) to pemetrexed (500 mg/m(2)) with either cisplatin (75 mg/m(2)) or
    # carboplatin (AUC5) for 4 cycles of 21 days'
    trial = trial_of("26791798")
    assert [[(i.drug.name, i.dose) for i in a.interventions] for a in trial.arms] == [
        [("pemetrexed", Decimal("500")), ("cisplatin", Decimal("75"))],
        [("pemetrexed", Decimal("500")), ("carboplatin", Decimal("5"))],
    ]


def test_without_a_sign_a_drug_after_or_is_an_arm_of_its_own():
    # PMID15226327: 'docetaxel plus cisplatin (DC) or docetaxel (D)'; PMID18487565: 'induction chemotherapy
    # with either carboplatin (...) with paclitaxel (...; arm A) or carboplatin (...) with gemcitabine'
    assert shared_entries(["docetaxel plus cisplatin (DC)", "docetaxel (D)"]) == [
        "docetaxel plus cisplatin (DC)",
        "docetaxel (D)",
    ]
    assert shared_entries(["vinorelbine plus cisplatin", "observation"]) == [
        "vinorelbine plus cisplatin",
        "observation",
    ]
    trial = trial_of("18487565")
    assert [a.drug_names for a in trial.arms] == [  # and the radiotherapy both had (``arm_shared``)
        ["carboplatin", "paclitaxel", "radiotherapy"],
        ["carboplatin", "gemcitabine", "radiotherapy"],
    ]


def test_a_choice_of_single_agents_is_one_arm_named_by_its_kind():
    # PMID21831418: 'Patients received either four cycles (...) of carboplatin (on day 1) plus paclitaxel (on
    # days 1, 8, and 15) or five cycles (...) of vinorelbine or gemcitabine monotherapy.'; title: 'Carboplatin
    # and weekly paclitaxel doublet chemotherapy compared with monotherapy'
    trial = trial_of("21831418")
    assert [(a.label, a.choice, a.aliases, a.n_randomized) for a in trial.arms] == [
        ("carboplatin + paclitaxel", False, ["doublet chemotherapy"], 225),
        ("vinorelbine or gemcitabine", True, ["monotherapy"], 226),
    ]
    # 'Median overall survival was 10.3 months for doublet chemotherapy and 6.2 months for monotherapy'
    medians = {r.arm: r.estimate for r in trial.arm_results if r.statistic == "median"}
    assert medians == {
        "carboplatin + paclitaxel": Decimal("10.3"),
        "vinorelbine or gemcitabine": Decimal("6.2"),
    }
