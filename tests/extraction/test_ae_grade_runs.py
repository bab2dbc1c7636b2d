"""kg.extraction.ae_grade_runs: one event's figures read 'respectively' against a list of grades.

The sentences are quoted from PMID14519751 (benchmarks/unseen).
"""

from __future__ import annotations

from decimal import Decimal

METHODS = (
    "Between January 1994 and January 1999, 1209 patients with stage I, II, or IIIA NSCLC were randomly assigned to "
    "receive mitomycin C (8 mg/m2 on day 1), vindesine (3 mg/m2 on days 1 and 8), and cisplatin (100 mg/m2 on day "
    "1) every 3 weeks for three cycles (MVP group; n = 606) or no treatment (control group; n = 603) after complete "
    "resection."
)
RESULTS = "Grades 3 and 4 neutropenia occurred in 16% and 12%, respectively, of patients in the MVP arm."


def test_a_figure_per_grade_of_one_event_in_the_one_arm_named(read):
    # before: nothing read (two figures of one event in one arm were taken for a duplicate)
    reading = read("", ("METHODS", METHODS), ("RESULTS", RESULTS))
    events = [(reading.drugs(e.arm), e.category, e.term, e.percent) for e in reading.trial.adverse_events]
    mvp = frozenset({"mitomycin", "vindesine", "cisplatin"})
    assert events == [
        (mvp, "grade 3", "neutropenia", Decimal("16")),
        (mvp, "grade 4", "neutropenia", Decimal("12")),
    ]
