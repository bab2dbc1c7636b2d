"""The events of a figure named one by one in the bracket right after it."""

from pool_pages import trial_of


def test_a_bracket_of_named_counts_itemises_the_figure_before_it():
    # PMID21783417: 'Chemotherapy was also associated with increased treatment-related serious
    # adverse events (ten [14%] of 72 patients [decreased platelet count, n=8; decreased
    # neutrophil count, n=1; hepatic dysfunction, n=1] vs two [2%] of 83 patients [both hepatic
    # dysfunction]).' (before: the three counts were not read)
    trial = trial_of("21783417")
    chemotherapy = trial.arms[1].label
    rows = [
        (e.arm, e.category, e.treatment_related, e.term, e.count, e.percent, e.n_analysed)
        for e in trial.adverse_events
        if e.category == "serious" and e.term is not None
    ]
    assert rows == [
        (chemotherapy, "serious", True, "decreased platelet count", 8, None, 72),
        (chemotherapy, "serious", True, "decreased neutrophil count", 1, None, 72),
        (chemotherapy, "serious", True, "hepatic dysfunction", 1, None, 72),
    ]
    assert chemotherapy == "gemcitabine + carboplatin"


def test_a_bracket_of_counted_names_after_the_figures_own_words_itemises_it():
    # PMID12243809: 'Three treatment-related deaths occurred: 2 patients in the surgical arms
    # (one late pulmonary toxicity and one pulmonary embolus), and 1 patient in the radiation
    # arm (radiation pneumonitis).' (before: the deaths were read without their causes)
    trial = trial_of("12243809")
    surgery, radiation = (a.label for a in trial.arms)
    rows = [
        (e.arm, e.category, e.treatment_related, e.term, e.count, e.percent)
        for e in trial.adverse_events
        if e.category == "grade 5"
    ]
    assert rows == [
        (surgery, "grade 5", True, None, 2, None),
        (radiation, "grade 5", True, None, 1, None),
        (surgery, "grade 5", True, "late pulmonary toxicity", 1, None),
        (surgery, "grade 5", True, "pulmonary embolus", 1, None),
        (radiation, "grade 5", True, "radiation pneumonitis", 1, None),
    ]
    assert (surgery, radiation) == ("surgery", "radiotherapy + cisplatin + vinblastine")
