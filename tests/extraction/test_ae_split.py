"""Figures split by grade, each arm's run read 'respectively' (kg.extraction.ae_split)."""

from decimal import Decimal
from pathlib import Path

from kg.sources import read_document

PAGE = Path(__file__).parents[1] / "fixtures" / "pool" / "PMID17404369.txt"


def test_each_arms_run_takes_the_grades_in_order():
    # PMID17404369: 'During concurrent chemoradiotherapy, there was no difference in severity of
    # in-field toxicities of esophagitis (grade 3 and 4 were, respectively, 30% and 2% for arm A v
    # 28% and 8% for arm B) and dyspnea (grade 3 and 4 were, respectively, 11% and 3% for arm A v
    # 15% and 4% for arm B).'
    trial = read_document(PAGE).trial
    arm = {a.aliases[0]: a.label for a in trial.arms}
    got = [
        (e.arm, e.category, e.term, e.percent)
        for e in trial.adverse_events
        if e.term in ("esophagitis", "dyspnea") and e.treatment_related  # toxicities: the treatment's
    ]
    expected = []
    for term, a3, a4, b3, b4 in (("esophagitis", 30, 2, 28, 8), ("dyspnea", 11, 3, 15, 4)):
        expected += [
            (arm["arm A"], "grade 3", term, Decimal(a3)),
            (arm["arm A"], "grade 4", term, Decimal(a4)),
            (arm["arm B"], "grade 3", term, Decimal(b3)),
            (arm["arm B"], "grade 4", term, Decimal(b4)),
        ]
    assert got == expected


def test_a_run_read_respectively_takes_the_grades_its_clause_lists():
    # PMID17404369: 'Grade 3 or 4 toxicities during induction chemotherapy on arm B consisted
    # mainly of neutropenia (18% and 20%, respectively).' (before: unread)
    trial = read_document(PAGE).trial
    arm = {a.aliases[0]: a.label for a in trial.arms}
    got = [
        (e.arm, e.category, e.treatment_related, e.percent)
        for e in trial.adverse_events
        if e.term == "neutropenia"
    ]
    assert got == [
        (arm["arm B"], "grade 3", True, Decimal(18)),
        (arm["arm B"], "grade 4", True, Decimal(20)),
    ]
