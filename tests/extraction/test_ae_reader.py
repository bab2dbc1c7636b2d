"""Which restriction an adverse-event statement of a list takes (kg.extraction.ae_reader)."""

from decimal import Decimal
from pathlib import Path

from kg.extraction.safety import adverse_events
from kg.extraction.text import sentences
from kg.model import Arm, Drug, Intervention
from kg.sources import read_document

POOL = Path(__file__).parents[1] / "fixtures" / "pool"


def test_all_grades_counts_events_of_any_cause_after_a_drug_related_statement():
    # PMID15117980: '... hospitalizations due to other drug related adverse events (10.5% v 6.4%;
    # P =.092), use of granulocyte colony-stimulating factor support (19.2% v 2.6%, P <.001) and all
    # grade alopecia (37.7% v 6.4%; P <.001) compared with patients receiving pemetrexed.'
    trial = read_document(POOL / "PMID15117980.txt").trial
    alopecia = [
        (e.category, e.treatment_related, e.percent) for e in trial.adverse_events if e.term == "alopecia"
    ]
    assert alopecia == [("any", False, Decimal("37.7")), ("any", False, Decimal("6.4"))]


def test_a_grade_that_continues_a_treatment_related_statement_keeps_its_restriction():
    # PMID22341744 (shared abstracts), as printed
    text = (
        "Possibly treatment-related laboratory grade 3-4 adverse events were more common in the pemetrexed "
        "group (33 [9%] of 359 patients) than in the placebo group (one [<1%] of 180 patients; p<0·0001), as "
        "were non-laboratory grade 3-5 adverse events (32 [9%] of 359 patients in the pemetrexed group; "
        "eight [4%] of 180 patients in the placebo group; p=0·080)."
    )
    arms = [Arm(label=d, interventions=[Intervention(drug=Drug(name=d))]) for d in ("pemetrexed", "placebo")]
    got = {(e.term, e.treatment_related) for e in adverse_events(sentences("Findings", text), arms)}
    assert got == {("laboratory", True), ("non-laboratory", True)}


def test_events_joined_by_with_without_and_a_slash_are_one_event():
    # PMID17602060: 'Severe and life-threatening adverse events occurring more frequently in patients
    # receiving BV/CP were neutropenia (27% versus 17%), ..., infection without neutropenia (7% versus
    # 3%), thrombosis/embolism (5% versus 3%), ...'
    trial = read_document(POOL / "PMID17602060.txt").trial
    got = [(e.term, e.percent) for e in trial.adverse_events if e.category == "severe"]
    assert ("neutropenia", Decimal(27)) in got
    assert ("infection without neutropenia", Decimal(7)) in got
    assert ("thrombosis/embolism", Decimal(5)) in got
