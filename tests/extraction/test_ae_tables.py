"""Adverse events printed as a slash table whose header orders the arms (kg.extraction.ae_tables)."""

from decimal import Decimal
from pathlib import Path

from kg.extraction.safety import adverse_events
from kg.extraction.text import sentences
from kg.model import Arm, Drug, Intervention
from kg.sources import read_document

PAGE = Path(__file__).parents[1] / "fixtures" / "pool" / "PMID23981966.txt"


def pemetrexed_arms() -> list[Arm]:
    """The trial's arms as the design states them ('pemetrexed plus carboplatin (PCb) or
    pemetrexed plus cisplatin (PC)'), built directly so the test reads the table alone."""
    return [
        Arm(
            label=f"pemetrexed + {platinum}",
            aliases=[alias],
            interventions=[
                Intervention(drug=Drug(name="pemetrexed")),
                Intervention(drug=Drug(name=platinum)),
            ],
        )
        for platinum, alias in (("carboplatin", "PCb"), ("cisplatin", "PC"))
    ]


def table_sentence() -> str:
    results = next(sec.text for sec in read_document(PAGE).abstract if sec.label.startswith("RESULTS"))
    return next(s.text for s in sentences("Results", results) if "(% PCb/% PC)" in s.text)


def rows(text: str) -> list[tuple]:
    events = adverse_events(sentences("Results", text), pemetrexed_arms())
    return [(e.arm.split(" + ")[1], e.category, e.treatment_related, e.term, e.percent) for e in events]


def test_the_header_orders_the_arms_of_every_entry():
    # PMID23981966: 'Grade 4 treatment-related toxicities (% PCb/% PC) were: anemia, 0/1.9;
    # neutropenia, 6.5/3.8; thrombocytopenia, 4.3/1.9; and esophagitis, 0/1.9.'
    got = rows(table_sentence())
    expected = []
    for term, carboplatin, cisplatin in (
        ("anemia", "0", "1.9"),
        ("neutropenia", "6.5", "3.8"),
        ("thrombocytopenia", "4.3", "1.9"),
        ("esophagitis", "0", "1.9"),
    ):
        expected += [
            ("carboplatin", "grade 4", True, term, Decimal(carboplatin)),
            ("cisplatin", "grade 4", True, term, Decimal(cisplatin)),
        ]
    assert got == expected


def test_a_header_turned_round_turns_the_arms_round_and_an_unknown_label_gives_nothing():
    text = table_sentence().replace("(% PCb/% PC)", "(% PC/% PCb)")
    assert rows(text)[:2] == [
        ("cisplatin", "grade 4", True, "anemia", Decimal("0")),
        ("carboplatin", "grade 4", True, "anemia", Decimal("1.9")),
    ]
    assert rows(table_sentence().replace("(% PCb/% PC)", "(% PCb/% XY)")) == []


def test_a_table_printed_one_cell_per_event_reads_each_cell_header():
    # PMID28475456: 'Common treatment-emergent adverse events were nausea (arm A/B, 33%/40%), diarrhea
    # (arm A/B, 19%/38%), headache (arm A/B, 28%/27%), and cough (arm A/B, 18%/34%), and were mainly
    # grades 1 to 2.' ('arm A/B' is arm A, then arm B)
    trial = read_document(PAGE.parent / "PMID28475456.txt").trial
    a, b = (next(x.label for x in trial.arms if label in x.aliases) for label in ("arm A", "arm b"))
    got = [(e.arm, e.category, e.treatment_related, e.term, e.percent) for e in trial.adverse_events]
    assert got[:8] == [
        (a, "any", False, "nausea", Decimal(33)),
        (b, "any", False, "nausea", Decimal(40)),
        (a, "any", False, "diarrhea", Decimal(19)),
        (b, "any", False, "diarrhea", Decimal(38)),
        (a, "any", False, "headache", Decimal(28)),
        (b, "any", False, "headache", Decimal(27)),
        (a, "any", False, "cough", Decimal(18)),
        (b, "any", False, "cough", Decimal(34)),
    ]
