"""One arm's deaths told by cause (kg.extraction.ae_death_causes)."""

from pathlib import Path

from kg.sources import read_document

PAGE = Path(__file__).parents[1] / "fixtures" / "abstracts" / "PMID28602779.txt"


def test_the_deaths_put_down_to_an_adverse_event_are_the_arms_fatal_events():
    # PMID28602779: '13 (87%) of the 15 patients who died in the ceritinib group died because of
    # disease progression and two (13%) died because of an adverse event (one [7%]
    # cerebrovascular accident and one [7%] respiratory failure); neither of these deaths were
    # considered by the investigator to be treatment related.' (before: unread; the percents
    # are shares of the deaths and are not kept)
    trial = read_document(PAGE).trial
    got = [
        (e.arm, e.treatment_related, e.term, e.count, e.percent)
        for e in trial.adverse_events
        if e.category == "grade 5"
    ]
    assert got == [
        ("ceritinib", False, None, 2, None),
        ("ceritinib", False, "cerebrovascular accident", 1, None),
        ("ceritinib", False, "respiratory failure", 1, None),
    ]
