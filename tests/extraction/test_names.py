"""kg.extraction.names: the plain name an arm description gives a non-drug intervention.

Each test reads a real pool page (tests/fixtures/pool, PMID in the file name) whole, as
``ctkg build`` does, and checks the interventions of the arms it yields.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kg.extraction.names import intervention_name
from kg.sources import read_document

POOL = Path(__file__).parents[1] / "fixtures" / "pool"


def _arms(pmid: str) -> list[list[tuple]]:
    trial = read_document(POOL / f"PMID{pmid}.txt").trial
    return [
        [(i.drug.name, i.dose, i.dose_unit) for i in a.interventions] for a in (trial.arms if trial else [])
    ]


def test_a_name_ends_where_a_clause_about_it_starts():
    # PMID19619789, title: 'Thoracoscopic lobectomy is associated with lower morbidity compared with
    # thoracotomy.' (before: an intervention 'thoracoscopic lobectomy is associated')
    assert _arms("19619789") == [[("thoracoscopic lobectomy", None, None)], [("thoracotomy", None, None)]]


def test_a_measure_of_an_intervention_is_not_its_name():
    # PMID25218540: 'We compared the impact of surveillance computed tomography scan versus chest
    # radiography ...' (before: an intervention 'impact of surveillance computed tomography scan')
    assert _arms("25218540") == [
        [("surveillance computed tomography scan", None, None)],
        [("chest radiography", None, None)],
    ]


def test_pronouns_and_cohorts_of_a_model_name_no_intervention():
    # PMID24462383: '... among those treated with LAT versus those who progressed but were not
    # suitable for LAT ...' gave an arm 'those'; PMID25891174: '... to either a training group (182
    # patients) or a validation group (313 patients)' gave arms 'training' and 'validation'.
    assert not any(("those", None, None) in arm for arm in _arms("24462383"))
    assert _arms("25891174") == []


def test_the_letter_of_a_listed_arm_is_not_its_name():
    # PMID14990635: 'randomly assigned to three arms: A, 17 Gy per two fractions (n = 146); B, 42 Gy
    # per 15 fractions (n = 145); and C, 50 Gy per 25 fractions (n = 130)' (before: 'and c')
    assert _arms("14990635") == [
        [("radiotherapy", Decimal("17"), "Gy")],
        [("radiotherapy", Decimal("42"), "Gy")],
        [("radiotherapy", Decimal("50"), "Gy")],
    ]


def test_a_word_of_a_hyphenated_name_ends_no_name():
    # PMC2722000 (benchmarks/pmc/blind-f): 'to compare prophylactic third generation cephalosporins with
    # on-demand antibiotics for the prevention of gastroesophageal variceal rebleeding' (before: 'on' ended the
    # name before it began, and no name was read)
    text = "on-demand antibiotics for the prevention of gastroesophageal variceal rebleeding"
    assert intervention_name(text, {}) == "on-demand antibiotics"


def test_radiation_is_radiotherapy_and_the_text_still_names_the_arm(read):
    # PMID2169587 (pool): arms 'induction chemotherapy plus high-dose radiation' and 'radiation alone', then 'The
    # median survival was greater for those in group 1-13.8 versus 9.7 months' (before: arms named 'radiation')
    r = read(
        "A randomized trial of induction chemotherapy plus high-dose radiation versus radiation alone in stage III "
        "non-small-cell lung cancer.",
        (
            "METHODS",
            "Patients randomly assigned to group 1 received cisplatin (100 mg per square meter of body-surface area "
            "given intravenously on days 1 and 29) and vinblastine (5 mg per square meter given intravenously on "
            "days 1, 8, 15, 22, and 29) and then began radiation therapy on day 50 (60 Gy over a 6-week period). "
            "Patients assigned to group 2 received the same radiation therapy but began it immediately and received "
            "no chemotherapy.",
        ),
        (
            "RESULTS",
            "The median survival was greater for those in group 1-13.8 versus 9.7 months (P = 0.0066 by log-rank "
            "test).",
        ),
    )
    assert sorted(a.label for a in r.trial.arms) == [
        "cisplatin + vinblastine + high-dose radiotherapy",
        "radiotherapy",
    ]
    medians = {(x.arm, str(x.estimate)) for x in r.trial.arm_results if x.statistic == "median"}
    assert medians == {("cisplatin + vinblastine + high-dose radiotherapy", "13.8"), ("radiotherapy", "9.7")}


def test_an_information_package_a_behavioural_trial_gives_its_control_arm_is_an_intervention():
    # PMC3608590: 'Randomised double-blind, 12 week attention-controlled trial comparing an iCBT programme
    # (E-couch) with an internet-delivered attention control health information package (HealthWatch, n =
    # 282).' (before: 'package' named nothing a trial gives, and the page yielded no arm at all)
    trial = read_document(POOL / "PMC3608590.txt").trial
    assert [(a.drug_names, a.aliases, a.n_randomized) for a in trial.arms] == [
        (["internet-delivered cognitive behaviour therapy programme"], ["E-couch"], None),
        (["internet-delivered attention control health information package"], ["HealthWatch"], 282),
    ]


def test_when_a_treatment_began_and_a_but_clause_are_not_its_name(read):
    # PMID2169587 (pool), methods (before: interventions 'began radiotherapy' and 'radiotherapy but began it
    # immediately')
    methods = (
        "Patients randomly assigned to group 1 received cisplatin (100 mg per square meter of body-surface area "
        "given intravenously on days 1 and 29) and vinblastine (5 mg per square meter given intravenously on days 1, "
        "8, 15, 22, and 29) and then began radiation therapy on day 50 (60 Gy over a 6-week period). Patients "
        "assigned to group 2 received the same radiation therapy but began it immediately and received no "
        "chemotherapy."
    )
    arms = read("", ("METHODS", methods)).trial.arms
    assert [[(i.drug.name, i.dose, i.dose_unit) for i in a.interventions] for a in arms] == [
        [
            ("cisplatin", Decimal("100"), "mg/m2"),
            ("vinblastine", Decimal("5"), "mg/m2"),
            ("radiotherapy", Decimal("60"), "Gy"),
        ],
        [("radiotherapy", Decimal("60"), "Gy")],
    ]


def test_a_class_of_agents_is_an_intervention_and_the_one_drug_its_bracket_gives_names_it():
    # PMC2722000: 'patients with the first acute GEVB were randomly assigned to receive prophylactic antibiotics
    # (intravenous cefotaxime 2 g q 8 hr for 7 days, prophylactic antibiotics group) or to receive the same
    # antibiotics only when infection became evident (on-demand group).' (before: no arms, no results)
    trial = read_document(POOL / "PMC2722000.txt").trial
    assert [
        [(i.drug.name, i.dose, i.dose_unit, i.route, i.frequency) for i in a.interventions]
        for a in trial.arms
    ] == [
        [("cefotaxime", Decimal("2"), "g", "intravenous", "every 8 hours")],
        [("antibiotics", None, None, None, None)],
    ]
    assert "on-demand" in trial.arms[1].aliases
    # 'Antibiotic prophylaxis decreased infection (3.2% vs. 15.5%, p=0.026).'
    infection = [(r.estimate, r.arm) for r in trial.arm_results if r.endpoint == "infection"]
    assert infection == [(Decimal("3.2"), trial.arms[0].label), (Decimal("15.5"), trial.arms[1].label)]
