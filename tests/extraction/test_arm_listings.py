"""kg.extraction.arm_lists / arms / arm_pieces / sizes: listings of arms in the less usual
wordings of the pool's trial reports.

Every sentence is quoted from a page of ../shared/data/pool (or ../shared/data/abstracts),
named by PMID beside it.
"""

from __future__ import annotations

from decimal import Decimal

from kg.extraction.abbreviations import definitions
from kg.extraction.arms import design_arms
from kg.extraction.text import normalise, sentences
from kg.model import Arm


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
