"""Deaths the treatment caused, read as grade 5 adverse events of the arm they happened in."""

from decimal import Decimal
from pathlib import Path

from kg.extraction.ae_arms import ResultsArms
from kg.extraction.armrefs import ArmFinder
from kg.extraction.safety import adverse_events
from kg.extraction.text import sentences
from kg.model import Arm, Drug, Intervention
from kg.sources import read_document

POOL = Path(__file__).parents[1] / "fixtures" / "pool"


def deaths(pmid: str) -> list[tuple]:
    trial = read_document(POOL / f"PMID{pmid}.txt").trial
    return [
        (e.arm, e.treatment_related, e.count, e.percent)
        for e in trial.adverse_events
        if e.category == "grade 5" and e.term is None
    ]


def test_treatment_related_deaths_per_arm():
    # PMID15226327: 'There were five treatment-related deaths in the DC group and one in the D (P =.098).'
    assert deaths("15226327") == [("docetaxel + cisplatin", True, 5, None), ("docetaxel", True, 1, None)]


def test_treatment_associated_mortality_takes_the_group_named_after_it():
    # PMID11071672: 'Treatment-associated mortality was 1.2 percent in the group given radiotherapy
    # alone and 1.6 percent in the group given chemotherapy and radiotherapy.' (before: read as an
    # efficacy rate 'treatment-associated mortality')
    assert deaths("11071672") == [
        ("radiotherapy", True, None, Decimal("1.2")),
        ("cisplatin + etoposide + radiotherapy", True, None, Decimal("1.6")),
    ]


def test_toxic_deaths_are_treatment_related():
    # PMID16087956: 'There were six toxic deaths in the sequential arm and 10 in the concurrent arm.'
    sequential, concurrent = (a.label for a in read_document(POOL / "PMID16087956.txt").trial.arms)
    assert deaths("16087956") == [(sequential, True, 6, None), (concurrent, True, 10, None)]
    # PMID18378568: 'The toxic death rate was 2% with gefitinib compared with 0% for placebo.'
    assert deaths("18378568") == [("gefitinib", True, None, Decimal(2)), ("placebo", True, None, Decimal(0))]


def test_died_as_a_result_of_a_treatment():
    # PMID19001323: '...; 28.8% of patients were hospitalized during docetaxel (v 8.1% in observation
    # arm), and 5.5% died as a result of docetaxel.' (the arm is the treatment named, not the
    # observation arm named last before the figure)
    assert deaths("19001323") == [("docetaxel", True, None, Decimal("5.5"))]


def test_a_percent_after_the_deaths_is_their_share():
    # PMID11241082 (one arm): 'There were 3 treatment-related deaths (2.7%).'
    (arm,) = read_document(POOL / "PMID11241082.txt").trial.arms
    assert deaths("11241082") == [(arm.label, True, 3, Decimal("2.7"))]


def test_a_count_and_its_percent_printed_apart_are_both_the_evidence():
    # PMID11241082: 'There were 3 treatment-related deaths (2.7%).': the record took both
    # numbers, so its evidence spans both (before: '3' only, and the 2.7 counted as unread)
    (death,) = [
        e for e in read_document(POOL / "PMID11241082.txt").trial.adverse_events if e.category == "grade 5"
    ]
    ev = death.evidence
    assert ev.sentence[ev.start : ev.end] == "3 treatment-related deaths (2.7%"


def test_a_group_named_beside_an_arms_opposite_is_not_the_other_arm():
    # PMID15454647: '74% of patients allocated no chemotherapy (NoC) received thoracic radiotherapy
    # compared with 47% of the C group.' 'No chemotherapy' is no mention of the chemotherapy arm, so
    # 'the C group' is not learned as the supportive-care arm, and 'There were 19 (5%) treatment
    # related deaths in the C group' gives that arm nothing.
    doc = read_document(POOL / "PMID15454647.txt")
    sents = [s for sec in doc.abstract for s in sentences(sec.label, sec.text)]
    assert ResultsArms(ArmFinder(doc.trial.arms), sents).learned == {}
    assert deaths("15454647") == []


def test_a_sentence_set_in_a_subgroup_gives_no_arm_figures():
    # PMID18583190: 'In patients receiving a pneumonectomy, treatment-related mortality increased in
    # the interventional group compared with the control group (7/50 [14%] vs 3/54 [6%]).' 50 and 54
    # are the pneumonectomy patients, not each arm's safety population; the statement alone is read.
    trial = read_document(POOL / "PMID18583190.txt").trial
    assert deaths("18583190") == []
    assert [a.n_safety for a in trial.arms] == [None, None]
    statement = (
        "Treatment-related mortality increased in the interventional group compared with the control "
        "group (7/50 [14%] vs 3/54 [6%])."
    )
    read = adverse_events(sentences("Results", statement), trial.arms, ArmFinder(trial.arms))
    assert [(e.category, e.treatment_related, e.count, e.n_analysed) for e in read] == [
        ("grade 5", True, 7, 50),
        ("grade 5", True, 3, 54),
    ]


def fatal(pmid: str) -> list[tuple]:
    trial = read_document(POOL / f"PMID{pmid}.txt").trial
    return [
        (e.arm, e.treatment_related, e.term, e.count, e.percent, e.evidence.quote)
        for e in trial.adverse_events
        if e.category == "grade 5" and e.term is not None
    ]


def test_deaths_among_the_patients_a_figure_counted_are_that_events_grade_5():
    # PMID10811675: 'Febrile neutropenia occurred in 11 patients treated with docetaxel 100 mg/m(2),
    # three of whom died, and in one patient treated with docetaxel 75 mg/m(2).' (before: the three
    # deaths unread)
    docetaxel_100 = read_document(POOL / "PMID10811675.txt").trial.arms[0].label
    assert fatal("10811675") == [(docetaxel_100, False, "febrile neutropenia", 3, None, "three of whom died")]
    # PMID20022809: 'Two patients in the gefitinib group developed interstitial lung disease
    # (incidence 2.3%), one of whom died.'
    assert fatal("20022809") == [
        ("gefitinib", False, "interstitial lung disease", 1, None, "one of whom died")
    ]


def test_an_arm_named_by_the_kind_of_treatment_only_it_gives():
    # PMID12243809 (surgery vs radiotherapy then cisplatin and vinblastine): 'Three treatment-related
    # deaths occurred: 2 patients in the surgical arms (one late pulmonary toxicity and one pulmonary
    # embolus), and 1 patient in the radiation arm (radiation pneumonitis).' (before: unread)
    assert deaths("12243809") == [
        ("surgery", True, 2, None),
        ("radiotherapy + cisplatin + vinblastine", True, 1, None),
    ]


def test_deaths_deemed_related_to_study_drug_and_the_cause_of_one_of_them():
    # PMID26973324 (one arm): 'Two on-treatment deaths during the study were deemed to be related
    # to study drug by the investigators, one due to interstitial lung disease and one as a result
    # of multiorgan failure ...' (before: nothing read; the one death due to interstitial lung
    # disease is one of the two, not a second total)
    rows = [
        (e.arm, e.treatment_related, e.term, e.count, e.percent)
        for e in read_document(POOL / "PMID26973324.txt").trial.adverse_events
        if e.category == "grade 5"
    ]
    assert rows == [
        ("ceritinib", True, None, 2, None),
        ("ceritinib", True, "interstitial lung disease", 1, None),
    ]


def test_deaths_during_a_phase_due_to_adverse_events_per_arm():
    # PMID27987585: '...; 11 patients who received blinded erlotinib and 3 who received placebo died
    # during the blinded maintenance phase due to nontreatment-related AEs.' ('died during' counts
    # deaths of any cause unless the words put them down to adverse events; these are not
    # treatment-related; before: unread)
    rows = [
        (e.arm, e.category, e.treatment_related, e.count)
        for e in read_document(POOL / "PMID27987585.txt").trial.adverse_events
    ]
    assert rows == [("erlotinib", "grade 5", False, 11), ("placebo", "grade 5", False, 3)]


def test_there_were_no_treatment_related_deaths_is_a_zero_in_every_treated_arm():
    # PMID2169587: 'Those in group 1 had a higher incidence of serious infections requiring hospitalization
    # (7 percent, vs. 3 percent in group 2) and severe weight loss (14 percent vs. 6 percent), but there were
    # no treatment-related deaths.' (before: no zero; the figures before the closing clause are still read)
    assert deaths("2169587") == [
        ("cisplatin + vinblastine + high-dose radiotherapy", True, 0, None),
        ("radiotherapy", True, 0, None),
    ]
    trial = read_document(POOL / "PMID2169587.txt").trial
    weight = [(e.arm, e.category, e.percent) for e in trial.adverse_events if e.term == "weight loss"]
    assert weight == [
        ("cisplatin + vinblastine + high-dose radiotherapy", "severe", Decimal("14")),
        ("radiotherapy", "severe", Decimal("6")),
    ]


def test_an_arm_given_no_treatment_has_no_treatment_related_zero():
    # PMID18809614 (benchmarks/unseen, CALGB 9633): 'Grades 3 to 4 neutropenia were the predominant toxicity;
    # there were no treatment-related deaths.' Its arms: paclitaxel and carboplatin, or observation.
    text = "Grades 3 to 4 neutropenia were the predominant toxicity; there were no treatment-related deaths."
    arms = [
        Arm(label="paclitaxel + carboplatin", interventions=[Intervention(drug=Drug(name="paclitaxel"))]),
        Arm(
            label="observation",
            interventions=[Intervention(drug=Drug(name="observation"), kind="usual_care")],
        ),
    ]
    sents = sentences("RESULTS", text)
    events = adverse_events(sents, arms, ArmFinder(arms))
    assert [(e.arm, e.category, e.treatment_related, e.count) for e in events] == [
        ("paclitaxel + carboplatin", "grade 5", True, 0)
    ]


def test_no_withdrawals_due_to_adverse_events_is_a_zero_leading_to_discontinuation():
    # PMC3608590: 'There were no withdrawals due to study related adverse events.'
    trial = read_document(POOL / "PMC3608590.txt").trial
    zeros = [(e.category, e.count) for e in trial.adverse_events if e.count == 0]
    assert zeros == [("leading to discontinuation", 0)] * len(trial.arms)
