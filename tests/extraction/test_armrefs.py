"""kg.extraction.armrefs: which arm a results sentence names.

The arms come from each abstract's own design sentence (and the sentences that name the arms
later), quoted from ../shared/data/abstracts with the PMID beside them; the references are
phrases of the same abstracts' results.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pool_pages import trial_of
from shared_quotes import RTOG_0617

from kg.extraction.abbreviations import definitions
from kg.extraction.armrefs import ArmFinder
from kg.extraction.arms import design_arms
from kg.extraction.factors import factor_groups
from kg.extraction.text import normalise, sentences
from kg.model import Arm
from kg.sources import read_document


def finder_for(title: str, *sections: tuple[str, str]) -> ArmFinder:
    sents = [s for label, text in sections for s in sentences(label, text)]
    defined = definitions(" ".join([normalise(title), *(s.norm for s in sents)]))
    arms = design_arms(title, sents, defined)
    return ArmFinder(arms, defined, factor_groups(arms))


def named(finder: ArmFinder, text: str) -> list[tuple[str, Arm]]:
    """(the words, the arm) of each reference in the text, in order."""
    text = normalise(text)
    return [(text[start:end], arm) for start, end, arm in finder.find(text)]


def drugs(refs: list[tuple[str, Arm]]) -> list[tuple[str, set[str]]]:
    return [(words, set(arm.drug_names)) for words, arm in refs]


WBRT_SRS = {"whole-brain radiotherapy", "stereotactic radiosurgery"}
SRS = {"stereotactic radiosurgery"}


@pytest.fixture(scope="module")
def srs() -> ArmFinder:
    # PMID16757720
    return finder_for(
        "Stereotactic radiosurgery plus whole-brain radiation therapy vs stereotactic radiosurgery alone for "
        "treatment of brain metastases: a randomized controlled trial.",
        (
            "CONTEXT",
            "In patients with brain metastases, it is unclear whether adding up-front whole-brain radiation "
            "therapy (WBRT) to stereotactic radiosurgery (SRS) has beneficial effects on mortality or "
            "neurologic function compared with SRS alone.",
        ),
        (
            "INTERVENTIONS",
            "Patients were randomly assigned to receive WBRT plus SRS (65 patients) or SRS alone (67 patients).",
        ),
    )


def test_abbreviated_arms(srs):
    # PMID16757720 results
    refs = named(
        srs,
        "The 12-month brain tumor recurrence rate was 46.8% in the WBRT + SRS group and 76.4% for SRS alone "
        "group (P<.001).",
    )
    assert drugs(refs) == [("WBRT + SRS", WBRT_SRS), ("SRS", SRS)]
    refs = named(
        srs,
        "Salvage brain treatment was less frequently required in the WBRT + SRS group (n = 10) than with SRS "
        "alone (n = 29) (P<.001).",
    )
    assert [d for _w, d in drugs(refs)] == [WBRT_SRS, SRS]


def test_shortened_names_of_care_models():
    # PMID20818875: 'the palliative care group' for 'early palliative care', 'standard care' for
    # 'standard oncologic care'
    finder = finder_for(
        "Early palliative care for patients with metastatic non-small-cell lung cancer.",
        (
            "METHODS",
            "We randomly assigned patients with newly diagnosed metastatic non-small-cell lung cancer to "
            "receive either early palliative care integrated with standard oncologic care or standard "
            "oncologic care alone.",
        ),
    )
    both, alone = {"early palliative care", "standard oncologic care"}, {"standard oncologic care"}
    refs = named(
        finder,
        "In addition, fewer patients in the palliative care group than in the standard care group had "
        "depressive symptoms (16% vs. 38%, P=0.01).",
    )
    assert drugs(refs) == [("palliative care", both), ("standard care", alone)]
    refs = named(
        finder,
        "Patients assigned to early palliative care had a better quality of life than did patients assigned "
        "to standard care",
    )
    assert drugs(refs) == [("early palliative care", both), ("standard care", alone)]


def test_schedule_words_tell_twin_arms_apart():
    # PMID1310160: two arms give radiotherapy and cisplatin, daily or weekly
    finder = finder_for(
        "Effects of concomitant cisplatin and radiotherapy on inoperable non-small-cell lung cancer.",
        (
            "BACKGROUND AND METHODS",
            "We randomly assigned 331 patients with nonmetastatic inoperable non-small-cell lung cancer to "
            "one of three treatments: radiotherapy for two weeks (3 Gy given 10 times, in five fractions a "
            "week), followed by a three-week rest period and then radiotherapy for two more weeks (2.5 Gy "
            "given 10 times, five fractions a week); radiotherapy on the same schedule, combined with 30 mg of "
            "cisplatin per square meter of body-surface area, given on the first day of each treatment week; "
            "or radiotherapy on the same schedule, combined with 6 mg of cisplatin per square meter, given "
            "daily before radiotherapy.",
        ),
    )

    def cisplatin(arm: Arm) -> tuple[Decimal, str] | None:
        found = [(i.dose, i.frequency) for i in arm.interventions if i.drug.name == "cisplatin"]
        return found[0] if found else None

    refs = named(
        finder,
        "Survival was significantly improved in the radiotherapy-daily-cisplatin group as compared with the "
        "radiotherapy group (P = 0.009)",
    )
    assert [(w, cisplatin(a)) for w, a in refs] == [
        ("radiotherapy-daily-cisplatin", (Decimal("6"), "once daily")),
        ("radiotherapy", None),
    ]
    (ref,) = named(finder, "Survival in the radiotherapy-weekly-cisplatin group was intermediate")
    assert (ref[0], cisplatin(ref[1])) == ("radiotherapy-weekly-cisplatin", (Decimal("30"), "every week"))


def test_chemotherapy_stands_for_an_arms_cytotoxic_drugs():
    # PMID27745820
    finder = finder_for(
        "Carboplatin and pemetrexed with or without pembrolizumab for advanced, non-squamous "
        "non-small-cell lung cancer: a randomised, phase 2 cohort of the open-label KEYNOTE-021 study.",
        (
            "METHODS",
            "Patients with chemotherapy-naive, stage IIIB or IV, non-squamous NSCLC without targetable EGFR "
            "or ALK genetic aberrations were randomly assigned (1:1) in blocks of four stratified by PD-L1 "
            "tumour proportion score (<1% vs ≥1%) using an interactive voice-response system to 4 cycles of "
            "pembrolizumab 200 mg plus carboplatin area under curve 5 mg/mL per min and pemetrexed 500 mg/m2 "
            "every 3 weeks followed by pembrolizumab for 24 months and indefinite pemetrexed maintenance "
            "therapy or to 4 cycles of carboplatin and pemetrexed alone followed by indefinite pemetrexed "
            "maintenance therapy.",
        ),
    )
    triple, doublet = {"pembrolizumab", "carboplatin", "pemetrexed"}, {"carboplatin", "pemetrexed"}
    refs = named(
        finder,
        "Between Nov 25, 2014, and Jan 25, 2016, 123 patients were enrolled; 60 were randomly assigned to "
        "the pembrolizumab plus chemotherapy group and 63 to the chemotherapy alone group.",
    )
    assert [d for _w, d in drugs(refs)] == [triple, doublet]
    refs = named(
        finder,
        "One (2%) of 59 patients in the pembrolizumab plus chemotherapy group experienced treatment-related "
        "death because of sepsis compared with two (3%) of 62 patients in the chemotherapy group",
    )
    assert [d for _w, d in drugs(refs)] == [triple, doublet]


def test_pooled_factorial_groups_and_those_who_did_not():
    # PMID8127329
    finder = finder_for(
        "The effect of vitamin E and beta carotene on the incidence of lung cancer and other cancers in male "
        "smokers.",
        (
            "METHODS",
            "A total of 29,133 male smokers 50 to 69 years of age from southwestern Finland were randomly "
            "assigned to one of four regimens: alpha-tocopherol (50 mg per day) alone, beta carotene (20 mg "
            "per day) alone, both alpha-tocopherol and beta carotene, or placebo.",
        ),
    )

    def members(arm: Arm) -> set[frozenset[str]]:
        by_label = {a.label: a for a in finder.arms}
        return {frozenset(by_label[m].drug_names) for m in arm.pooled_from}

    both = frozenset({"alpha-tocopherol", "beta carotene"})
    refs = named(
        finder,
        "Total mortality was 8 percent higher (95 percent confidence interval, 1 to 16 percent) among the "
        "participants who received beta carotene than among those who did not, primarily because there "
        "were more deaths from lung cancer and ischemic heart disease.",
    )
    assert [(w, members(a)) for w, a in refs] == [
        ("beta carotene", {frozenset({"beta carotene"}), both}),
        ("those who did not", {frozenset({"alpha-tocopherol"}), frozenset({"placebo"})}),
    ]


def test_dose_groups_and_those_who_did_not_in_a_two_by_two_design():
    # PMID25601342
    finder = finder_for(
        *RTOG_0617,
    )
    by_label = {a.label: a for a in finder.arms}

    def members(arm: Arm) -> set[tuple[Decimal, bool]]:
        """(radiation dose, cetuximab given) of each arm a group pools."""
        out = set()
        for m in (by_label[x] for x in arm.pooled_from):
            dose = next(i.dose for i in m.interventions if i.kind == "radiation")
            out.add((dose, "cetuximab" in m.drug_names))
        return out

    low, high = Decimal("60"), Decimal("74")
    refs = named(
        finder,
        "Median overall survival was 28.7 months (95% CI 24.1-36.9) for patients who received standard-dose "
        "radiotherapy and 20.3 months (17.7-25.0) for those who received high-dose radiotherapy (hazard "
        "ratio [HR] 1.38, 95% CI 1.09-1.76; p=0.004).",
    )
    assert [members(a) for _w, a in refs] == [{(low, False), (low, True)}, {(high, False), (high, True)}]
    refs = named(
        finder,
        "Median overall survival in patients who received cetuximab was 25.0 months (95% CI 20.2-30.5) "
        "compared with 24.0 months (19.8-28.6) in those who did not (HR 1.07, 95% CI 0.84-1.35; p=0.29).",
    )
    assert [members(a) for _w, a in refs] == [{(low, True), (high, True)}, {(low, False), (high, False)}]


def test_an_alias_given_by_contrast_with_the_other_arms_name():
    # PMID25981812: 'surgery' names neither arm's intervention; beside 'the SABR group' it is the other arm
    finder = finder_for(
        "Stereotactic ablative radiotherapy versus lobectomy for operable stage I non-small-cell lung cancer: "
        "a pooled analysis of two randomised trials.",
        (
            "BACKGROUND",
            "Stereotactic ablative radiotherapy (SABR) for inoperable stage I NSCLC has shown promising "
            "results, but two independent, randomised, phase 3 trials of SABR in patients with operable stage "
            "I NSCLC (STARS and ROSEL) closed early due to slow accrual.",
        ),
        (
            "METHODS",
            "Patients were randomly assigned in a 1:1 ratio to SABR or lobectomy with mediastinal lymph node "
            "dissection or sampling.",
        ),
        (
            "FINDINGS",
            "Median follow-up was 40·2 months (IQR 23·0-47·3) for the SABR group and 35·4 months "
            "(18·9-40·7) for the surgery group.",
        ),
    )
    refs = named(
        finder, "Six patients in the surgery group died compared with one patient in the SABR group."
    )
    assert [d for _w, d in drugs(refs)] == [
        {"lobectomy", "mediastinal lymph node dissection", "mediastinal lymph node sampling"},
        {"stereotactic ablative radiotherapy"},
    ]


def test_arm_letters_the_aims_sentence_defines():
    # PMID14581415
    finder = finder_for(
        "",
        (
            "PURPOSE",
            "To compare the therapeutic efficacy of paclitaxel plus cisplatin (arm A) versus gemcitabine plus "
            "cisplatin (arm B) and arm A versus paclitaxel plus gemcitabine (arm C) in chemotherapy-naive "
            "patients with advanced non-small-cell lung cancer (NSCLC).",
        ),
        (
            "MATERIALS AND METHODS",
            "Patients were randomly assigned to receive either paclitaxel 175 mg/m2 (3-hour infusion, day 1) "
            "or gemcitabine 1,250 mg/m2 (days 1 and 8) both combined with cisplatin 80 mg/m2 (day 1) or "
            "paclitaxel 175 mg/m2 (3-hour infusion, day 1) combined with gemcitabine 1,250 mg/m2 (days 1 and "
            "8).",
        ),
    )
    refs = named(finder, "Response rates were 31.8% for arm A, 36.6% for arm B, and 27.7% for arm C.")
    assert [d for _w, d in drugs(refs)] == [
        {"paclitaxel", "cisplatin"},
        {"gemcitabine", "cisplatin"},
        {"paclitaxel", "gemcitabine"},
    ]


def test_role_words_name_the_arm_the_design_gives_that_role():
    # PMID16945766 (tests/fixtures/pool): 'the control group' is observation, the design's comparator
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID16945766.txt").trial
    assert {a.label: a.role for a in trial.arms} == {
        "observation": "comparator",
        "vinorelbine + cisplatin": "experimental",
    }
    refs = named(
        ArmFinder(trial.arms),
        "367 patients in the chemotherapy group and 431 in the control group received their assigned treatment.",
    )
    assert [(words, arm.label) for words, arm in refs] == [
        ("chemotherapy", "vinorelbine + cisplatin"),
        ("control group", "observation"),
    ]


def test_an_arms_alias_plus_an_added_intervention_names_the_arm_that_adds_it():
    # PMID17167137 (tests/fixtures/pool): 'chemotherapy' is the paclitaxel-carboplatin arm's own name,
    # so 'chemotherapy plus bevacizumab' is the arm that adds bevacizumab to it
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID17167137.txt").trial
    refs = named(
        ArmFinder(trial.arms),
        "The median survival was 12.3 months in the group assigned to chemotherapy plus bevacizumab, as "
        "compared with 10.3 months in the chemotherapy-alone group",
    )
    assert drugs(refs) == [
        ("chemotherapy plus bevacizumab", {"paclitaxel", "carboplatin", "bevacizumab"}),
        ("chemotherapy", {"paclitaxel", "carboplatin"}),
    ]
    medians = {r.estimate: r.arm for r in trial.arm_results if r.statistic == "median"}
    assert medians[Decimal("12.3")] == "paclitaxel + carboplatin + bevacizumab"


POOL = Path(__file__).parents[1] / "fixtures" / "pool"


def test_a_list_of_labels_under_one_head_names_each_labelled_arm():
    # PMID18487565 (tests/fixtures/pool): 'carboplatin (...) with paclitaxel (225 mg/m(2); days 1 and 22;
    # arm A) or carboplatin (...) with gemcitabine (1,000 mg/m(2); days 1, 8, 22, and 29; arm B)'
    trial = read_document(POOL / "PMID18487565.txt").trial
    refs = named(
        ArmFinder(trial.arms),
        "The overall response rate was 66.6% (95% CI, 50.5% to 80.4%) and 69.2% (95% CI, 48.2% to 85.7%) "
        "on arm A and B, respectively.",
    )
    # with the radiotherapy both arms had ('both delivered concurrently with 74 Gy of TRT')
    a, b = {"carboplatin", "paclitaxel", "radiotherapy"}, {"carboplatin", "gemcitabine", "radiotherapy"}
    assert drugs(refs) == [("A", a), ("B", b)]
    rates = [(r.arm, r.estimate) for r in trial.arm_results if r.endpoint == "objective response rate"]
    assert rates == [
        ("carboplatin + paclitaxel + radiotherapy", Decimal("66.6")),
        ("carboplatin + gemcitabine + radiotherapy", Decimal("69.2")),
    ]


def test_dose_words_name_arms_that_differ_only_by_dose():
    # PMID19188680 (tests/fixtures/pool), AVAiL: 'cisplatin 80 mg/m2 and gemcitabine 1,250 mg/m(2) ... plus
    # low-dose bevacizumab (7.5 mg/kg), high-dose bevacizumab (15 mg/kg), or placebo every 3 weeks'
    trial = read_document(POOL / "PMID19188680.txt").trial
    low, high, placebo = trial.arms
    assert [str(i.dose) for a in (low, high) for i in a.interventions if i.drug.name == "bevacizumab"] == [
        "7.5",
        "15",
    ]
    refs = named(
        ArmFinder(trial.arms),
        "Objective response rates were 20.1%, 34.1%, and 30.4% for placebo, low-dose bevacizumab, and "
        "high-dose bevacizumab plus CG, respectively.",
    )
    assert [(w, a.label) for w, a in refs] == [
        ("placebo", placebo.label),
        ("low-dose bevacizumab", low.label),
        ("high-dose bevacizumab", high.label),
    ]
    rates = [(r.arm, r.estimate) for r in trial.arm_results if r.endpoint == "objective response rate"]
    assert rates == [
        (placebo.label, Decimal("20.1")),
        (low.label, Decimal("34.1")),
        (high.label, Decimal("30.4")),
    ]
    # '0.75 (median PFS, 6.7 v 6.1 months for placebo; P = .003) in the low-dose group'
    assert (low.label, Decimal("6.7")) in [(r.arm, r.estimate) for r in trial.arm_results]


def test_a_printed_dose_names_the_twin_arm_that_gives_it():
    # PMID15860852 (tests/fixtures/pool): 'Survival in the 10 x 3-Gy arm was significantly (P = .03) better
    # than in the 2 x 8-Gy arm': ten fractions of 3 Gy (30 Gy) against two of 8 Gy (16 Gy), each
    # arm named by its fractions times their dose
    trial = read_document(POOL / "PMID15860852.txt").trial
    refs = named(
        ArmFinder(trial.arms),
        "Survival in the 10 x 3-Gy arm was significantly (P = .03) better than in the 2 x 8-Gy arm with 1-year "
        "survival of 19.6% (95%CI, 14.1% to 27.3%) v 10.9% (95%CI, 6.9% to 17.3%).",
    )
    doses = [(w, [(str(i.dose), i.fractions) for i in a.interventions]) for w, a in refs]
    assert doses == [("10 x 3-Gy", [("30", 10)]), ("2 x 8-Gy", [("16", 2)])]


def test_regimen_short_forms_and_a_slashed_pair_of_alternative_regimens():
    # PMID16603599 (tests/fixtures/pool): 'mitomycin C/ifosfamide/cisplatin (MIC) or mitomycin
    # C/vinblastine/cisplatin (MVP)' (title); 'either DCb (docetaxel 75 mg/m(2), carboplatin AUC 6), or
    # MIC/MVP (mitomycin 6 mg/m(2), ...)': one arm gives MIC or MVP
    trial = read_document(POOL / "PMID16603599.txt").trial
    assert [a.aliases for a in trial.arms] == [["DCb"], ["MIC/MVP"]]
    refs = named(
        ArmFinder(trial.arms), "One-year survival was 39% and 35% for DCb and MIC/MVP, respectively."
    )
    assert [(w, a.label) for w, a in refs] == [("DCb", trial.arms[0].label), ("MIC/MVP", trial.arms[1].label)]
    one_year = [(r.arm, r.estimate) for r in trial.arm_results if r.timepoint == "12 months"]
    assert one_year == [(trial.arms[0].label, Decimal("39")), (trial.arms[1].label, Decimal("35"))]


def test_an_article_after_a_label_is_no_label():
    # PMID17404369 (tests/fixtures/pool): '... versus 14 months (95% CI, 11 to 16 months) on arm B and a
    # 2-year survival of 29% ...': 'arm B and a' is no list of the labels B and A
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID17404369.txt").trial
    text = "versus 14 months (95% CI, 11 to 16 months) on arm B and a 2-year survival of 29%"
    assert [text[s:e] for s, e, _a in ArmFinder(trial.arms).find(text)] == ["arm B"]


def test_the_control_treatment_is_the_comparator_arm():
    # PMID10856094 (pool): 'Although overall survival was not significantly different between the three
    # groups, the 1-year survival was significantly greater with D75 than with the control treatment (32%
    # v 19%; P =.025, by chi(2) test).'
    trial = trial_of("10856094")
    rates = {r.arm: r.estimate for r in trial.arm_results if r.endpoint == "overall survival" and r.timepoint}
    control = next(a.label for a in trial.arms if a.role == "comparator")
    assert rates == {"docetaxel 75 mg/m2": Decimal("32"), control: Decimal("19")}


def test_patients_randomised_to_control_treatment_are_the_comparators():
    # PMC1414018 (jayded/evidence-inference, MIT): 'Sixty-two patients were randomised to GDT and 60 patients
    # to control treatment.'
    trial = trial_of("PMC1414018")
    assert {a.role: a.n_randomized for a in trial.arms} == {"experimental": 62, "comparator": 60}
    assert trial.n_randomized == 122


def test_the_control_safety_population_is_the_comparator_arm():
    # PMID24933332 (REVEL; tests/fixtures/pool): 'We noted treatment-emergent adverse events in 613 (98%) of
    # 627 patients in the ramucirumab safety population and 594 (95%) of 618 patients in the control safety
    # population.' (before: the sentence unread)
    trial = trial_of("24933332")
    control = next(a.label for a in trial.arms if a.role == "comparator")
    text = "594 (95%) of 618 patients in the control safety population"
    assert [(text[s:e], a.label) for s, e, a in ArmFinder(trial.arms).find(text)] == [
        ("control safety population", control)
    ]
    anyone = {
        (e.arm, e.count, e.n_analysed) for e in trial.adverse_events if e.category == "any" and not e.term
    }
    assert anyone == {("docetaxel + ramucirumab", 613, 627), (control, 594, 618)}


def test_an_agent_named_without_its_numbered_variant_is_its_arm():
    # PMC400417: arms 'IFN-β-1a' and placebo; 'Sixty-nine percent of patients receiving IFN-β and 67% receiving
    # placebo terminated the study early' (before: 'IFN-β' named no arm)
    trial = trial_of("PMC400417")
    finder = ArmFinder(trial.arms)
    text = (
        "Sixty-nine percent of patients receiving IFN-β and 67% receiving placebo terminated the study early"
    )
    assert [(text[s:e], a.label) for s, e, a in finder.find(text)] == [
        ("IFN-β", "ifn-β-1a"),
        ("placebo", "placebo"),
    ]
