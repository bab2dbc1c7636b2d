"""Events listed each with its own figure in one arm, against none in the other
(kg.extraction.ae_event_lists)."""

from decimal import Decimal

from pool_pages import trial_of


def test_each_listed_event_is_the_arms_after_the_list_and_none_the_others():
    # PMID21783417: 'Chemotherapy was associated with more grade 3 or 4 toxic effects than was
    # erlotinib (including neutropenia in 30 [42%] of 72 patients and thrombocytopenia in 29
    # [40%] patients on chemotherapy vs no patients with either event on erlotinib); ...'
    # (before: unread)
    trial = trial_of("21783417")
    erlotinib, chemotherapy = (a.label for a in trial.arms)
    got = [
        (e.arm, e.category, e.term, e.count, e.percent)
        for e in trial.adverse_events
        if e.term in ("neutropenia", "thrombocytopenia")
    ]
    assert got == [
        (chemotherapy, "grade 3-4", "neutropenia", 30, Decimal(42)),
        (chemotherapy, "grade 3-4", "thrombocytopenia", 29, Decimal(40)),
        (erlotinib, "grade 3-4", "neutropenia", 0, None),
        (erlotinib, "grade 3-4", "thrombocytopenia", 0, None),
    ]
    assert (erlotinib, chemotherapy) == ("erlotinib", "gemcitabine + carboplatin")
