from decimal import Decimal

from kg.extraction.regimens import design_arms
from kg.extraction.safety import adverse_events, ae_category, implied_population
from kg.extraction.text import sentences
from kg.model import AdverseEventSummary


def test_categories():
    assert ae_category("Grade 3/4 treatment-related AEs") == "grade 3-4"
    assert ae_category("Adverse events of grade 3 or higher") == "grade >=3"
    assert ae_category("Serious adverse events") == "serious"
    assert ae_category("Grade 5 AEs") == "grade 5"
    assert ae_category("Treatment discontinuations due to adverse events") == "leading to discontinuation"
    assert ae_category("Adverse events") == "any"


def test_per_arm_figures_and_related_aside():
    arms = design_arms(sentences("Methods", "Patients were randomly assigned to nivolumab or docetaxel."))
    events = adverse_events(
        sentences(
            "Results",
            "Grade 5 AEs occurred in 14 (7.6%) and 10 (6.0%) patients in the nivolumab and docetaxel arms, "
            "respectively (treatment-related in four [2.2%] and one [0.6%], respectively).",
        ),
        arms,
    )
    got = [(e.arm, e.category, e.treatment_related, e.count, e.percent) for e in events]
    assert got == [
        ("nivolumab", "grade 5", False, 14, Decimal("7.6")),
        ("docetaxel", "grade 5", False, 10, Decimal("6.0")),
        ("nivolumab", "grade 5", True, 4, Decimal("2.2")),
        ("docetaxel", "grade 5", True, 1, Decimal("0.6")),
    ]


def ae(count, pct):
    return AdverseEventSummary(
        arm="a", category="any", treatment_related=False, count=count, percent=Decimal(pct)
    )


def test_implied_population_needs_a_unique_whole_number():
    assert implied_population([ae(71, "38.4")], "a") == 185
    assert implied_population([ae(1, "0.6")], "a") is None  # 154..181 all fit
    assert implied_population([ae(14, "7.6"), ae(73, "39.5"), ae(4, "2.2")], "a") == 185
    assert implied_population([], "a") is None
