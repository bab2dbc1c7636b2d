"""kg.extraction.arm_generic: the drugs an arm's generic 'chemotherapy' stands for."""

from __future__ import annotations

from pool_pages import trial_of


def test_the_drugs_a_clause_says_chemotherapy_included_are_the_arms_drugs():
    # PMID1847977 (pool): 'The radiation dose was 65 Gy in each group, and chemotherapy included vindesine,
    # cyclophosphamide, cisplatin, and lomustine.' (before: the arm was 'radiotherapy + chemotherapy')
    assert sorted(a.drug_names for a in trial_of("1847977").arms) == [
        ["radiotherapy"],
        ["radiotherapy", "vindesine", "cyclophosphamide", "cisplatin", "lomustine"],
    ]


def test_the_cytotoxic_drugs_an_arms_label_received_are_its_chemotherapy():
    # PMID2169587 (pool): title 'induction chemotherapy plus high-dose radiation versus radiation alone';
    # 'Patients randomly assigned to group 1 received cisplatin (100 mg per square meter ...) and vinblastine
    # (5 mg per square meter ...) and then began radiation therapy on day 50' (before: 'chemotherapy + ...')
    arms = {a.label: a for a in trial_of("2169587").arms}
    assert sorted(arms) == ["cisplatin + vinblastine + high-dose radiotherapy", "radiotherapy"]
    doses = {
        (i.drug.name, str(i.dose), i.dose_unit)
        for i in arms["cisplatin + vinblastine + high-dose radiotherapy"].interventions
    }
    assert {("cisplatin", "100", "mg/m2"), ("vinblastine", "5", "mg/m2")} <= doses


def test_what_the_abbreviated_chemotherapy_consisted_of(read):
    # PMID11773176 (pool): 'preoperative chemotherapy (PCT)' then 'PCT consisted of two cycles of mitomycin (6
    # mg/m(2), day 1), ifosfamide (1.5 g/m(2), days 1 to 3) and cisplatin (30 mg/m(2), days 1 to 3), ...'
    r = read(
        "Preoperative chemotherapy followed by surgery compared with primary surgery in resectable stage I (except "
        "T1N0), II, and IIIa non-small-cell lung cancer.",
        (
            "PURPOSE",
            "To evaluate whether preoperative chemotherapy (PCT) could improve survival in resectable stage I "
            "(except T1N0), II, and IIIA non-small-cell lung cancer (NSCLC).",
        ),
        (
            "PATIENTS AND METHODS",
            "A randomized trial compared PCT to primary surgery (PRS). PCT consisted of two cycles of mitomycin (6 "
            "mg/m(2), day 1), ifosfamide (1.5 g/m(2), days 1 to 3) and cisplatin (30 mg/m(2), days 1 to 3), and two "
            "additional postoperative cycles for responding patients.",
        ),
    )
    assert ["mitomycin", "ifosfamide", "cisplatin"] in [a.drug_names for a in r.trial.arms]


def test_what_an_abbreviated_regimen_consisted_of_stands_for_its_long_forms_drugs():
    # PMID20100966 (pool): 'To evaluate the efficacy of cetuximab plus taxane/carboplatin (TC) ...
    # Patients were randomly assigned to cetuximab/TC or TC. TC consisted of paclitaxel (225 mg/m(2)) or
    # docetaxel (75 mg/m(2)), at the investigator's discretion, and carboplatin (area under the curve = 6) on
    # day 1 every 3 weeks for < or = six cycles' (before: 'taxane' named no drug, the arms held carboplatin)
    regimens = [
        [(i.drug.name, str(i.dose), i.dose_unit, i.frequency) for i in a.interventions]
        for a in trial_of("20100966").arms
    ]
    tc = [
        ("paclitaxel", "225", "mg/m2", "every 3 weeks"),
        ("docetaxel", "75", "mg/m2", "every 3 weeks"),
        ("carboplatin", "6", "AUC", "every 3 weeks"),
    ]
    assert regimens == [[("cetuximab", "400", "mg/m2", "every week"), *tc], tc]
