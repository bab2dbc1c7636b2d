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


def test_listings_that_are_not_one_drugs_doses_are_left_alone():
    # ../shared/data/pool PMID12837811: two drugs with their own doses in each piece
    parts = [
        "docetaxel 75 mg/m2 and cisplatin 75 mg/m2 every 3 weeks (DC)",
        "vinorelbine 25 mg/m2/wk and cisplatin 100 mg/m2 every 4 weeks (VC)",
    ]
    assert dose_list_pieces(parts) == parts


def test_a_dose_printed_before_another_agents_short_name_is_that_agents():
    # benchmarks/pmc/blind-e PMC3511173 (before: two arms of 'peg-only', 0.7 g and 6.9 g, and no PEG-EL arm)
    text = (
        "Children aged 2–16 years with functional chronic constipation for at "
        "least 2 months were randomized to receive PEG-only 0.7 g/kg/day in 2 divided doses or 6.9 g PEG-EL 1–4 "
        "sachets according to age for 4 weeks."
    )
    assert [(name, dose, unit) for name, dose, unit, _ in _doses(text)] == [
        ("peg-only", Decimal("0.7"), "g"),
        ("peg-el", Decimal("6.9"), "g"),
    ]


def test_an_item_before_doses_the_last_names_its_drug_after_is_an_arm_of_its_own():
    # benchmarks/pmc/arms/dev-37 PMC3759706, copied to tests/fixtures/pool (before: no arms from
    # 'They ...', and read as 'placebo, 20' mg of bilastine, the placebo given the 80 mg printed before
    # bilastine's name)
    text = "They received placebo, 20, 40 or 80 mg of bilastine daily each for 7 days with 14-day washout periods."
    assert _doses(text) == [
        ("placebo", None, None, None),
        ("bilastine", Decimal("20"), "mg", "once daily"),
        ("bilastine", Decimal("40"), "mg", "once daily"),
        ("bilastine", Decimal("80"), "mg", "once daily"),
    ]
