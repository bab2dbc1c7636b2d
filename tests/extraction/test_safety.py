from decimal import Decimal

from kg.extraction.ae_vocabulary import ae_category
from kg.extraction.arms import design_arms
from kg.extraction.safety import adverse_events, implied_population
from kg.extraction.text import sentences
from kg.model import AdverseEventSummary, Arm, Drug, Intervention


def test_categories():
    assert ae_category("Grade 3/4 treatment-related AEs") == "grade 3-4"
    assert ae_category("Adverse events of grade 3 or higher") == "grade >=3"
    assert ae_category("Serious adverse events") == "serious"
    assert ae_category("Grade 5 AEs") == "grade 5"
    assert ae_category("Treatment discontinuations due to adverse events") == "leading to discontinuation"
    assert ae_category("Adverse events") == "any"


def test_per_arm_figures_and_related_aside():
    arms = design_arms(
        "", sentences("Methods", "Patients were randomly assigned to nivolumab or docetaxel."), {}
    )
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


def arms_of(*labels: str) -> list[Arm]:
    """Arms built directly, so these tests do not depend on reading the design sentence."""
    return [
        Arm(label=label, interventions=[Intervention(drug=Drug(name=d)) for d in label.split(" + ")])
        for label in labels
    ]


def read(text: str, *labels: str) -> list[tuple]:
    events = adverse_events(sentences("Results", text), arms_of(*labels))
    return [
        (e.arm, e.category, e.treatment_related, e.term, e.count, e.percent, e.n_analysed) for e in events
    ]


def test_per_term_groups_take_the_arm_order_of_the_first_group():
    got = read(
        "Grade 3-4 adverse events seen with a greater than 2% frequency with tecemotide were dyspnoea "
        "(49 [5%] of 1024 patients in the tecemotide group vs 21 [4%] of 477 patients in the placebo group), "
        "metastases to central nervous system (29 [3%] vs 6 [1%]), and pneumonia (23 [2%] vs 12 [3%]).",
        "tecemotide + cyclophosphamide",
        "placebo",
    )
    t, p = "tecemotide + cyclophosphamide", "placebo"
    cns = "metastases to central nervous system"
    assert got == [
        (t, "grade 3-4", False, "dyspnoea", 49, Decimal(5), 1024),
        (p, "grade 3-4", False, "dyspnoea", 21, Decimal(4), 477),
        (t, "grade 3-4", False, cns, 29, Decimal(3), None),
        (p, "grade 3-4", False, cns, 6, Decimal(1), None),
        (t, "grade 3-4", False, "pneumonia", 23, Decimal(2), None),
        (p, "grade 3-4", False, "pneumonia", 12, Decimal(3), None),
    ]


def test_term_after_a_semicolon_with_respectively():
    got = read(
        "Grade 3 or 4 adverse events occurred in 29.9% of the patients who received durvalumab and 26.1% of "
        "those who received placebo; the most common adverse event of grade 3 or 4 was pneumonia (4.4% and "
        "3.8%, respectively).",
        "durvalumab",
        "placebo",
    )
    assert got == [
        ("durvalumab", "grade 3-4", False, None, None, Decimal("29.9"), None),
        ("placebo", "grade 3-4", False, None, None, Decimal("26.1"), None),
        ("durvalumab", "grade 3-4", False, "pneumonia", None, Decimal("4.4"), None),
        ("placebo", "grade 3-4", False, "pneumonia", None, Decimal("3.8"), None),
    ]


def test_trailing_grade_and_drug_related_term_in_the_one_arm_named():
    got = read(
        "The main cetuximab-related adverse event was acne-like rash (57 [10%] of 548, grade 3).",
        "cisplatin + vinorelbine + cetuximab",
        "cisplatin + vinorelbine",
    )
    assert got == [
        ("cisplatin + vinorelbine + cetuximab", "grade 3", True, "acne-like rash", 57, Decimal(10), 548)
    ]


def test_arm_named_before_its_figure_and_discontinuation_named_after():
    got = read(
        "Grade 3 or 4 adverse events occurred at a greater frequency with crizotinib (54 [52%] of 104) than "
        "alectinib (27 [26%] of 103). Dose interruptions due to adverse events were also more prevalent with "
        "crizotinib (77 [74%] of 104) than with alectinib (30 [29%] of 103), and more patients receiving "
        "crizotinib (21 [20%]) than alectinib (nine [9%]) discontinued the study drug because of an adverse event.",
        "alectinib",
        "crizotinib",
    )
    assert got == [
        ("crizotinib", "grade 3-4", False, None, 54, Decimal(52), 104),
        ("alectinib", "grade 3-4", False, None, 27, Decimal(26), 103),
        ("crizotinib", "leading to discontinuation", False, None, 21, Decimal(20), None),
        ("alectinib", "leading to discontinuation", False, None, 9, Decimal(9), None),
    ]


def test_discontinuation_sentences():
    arms = ("durvalumab", "placebo")
    assert read(
        "A total of 15.4% of patients in the durvalumab group and 9.8% of those in the placebo group "
        "discontinued the study drug because of adverse events.",
        *arms,
    ) == [
        ("durvalumab", "leading to discontinuation", False, None, None, Decimal("15.4"), None),
        ("placebo", "leading to discontinuation", False, None, None, Decimal("9.8"), None),
    ]
    assert read(
        "Discontinuation of treatment because of adverse events was more frequent in the durvalumab group "
        "than in the placebo group (13.3% vs. 6.4%).",
        *arms,
    ) == [
        ("durvalumab", "leading to discontinuation", False, None, None, Decimal("13.3"), None),
        ("placebo", "leading to discontinuation", False, None, None, Decimal("6.4"), None),
    ]


def test_zero_counts():
    assert read(
        "No adverse events with a fatal outcome occurred in either treatment group.",
        "alectinib",
        "crizotinib",
    ) == [
        ("alectinib", "grade 5", False, None, 0, None, None),
        ("crizotinib", "grade 5", False, None, 0, None, None),
    ]
    assert read("No new adverse events were reported during this updated analysis.", "a", "b") == []
    got = read(
        "Drug-related grade 3 or higher toxic effects were higher with pemetrexed than with placebo "
        "(70 [16%] vs 9 [4%]; p<0.0001), specifically fatigue (22 [5%] vs 1 [1%], p=0.001) and "
        "neutropenia (13 [3%] vs 0, p=0.006).",
        "pemetrexed",
        "placebo",
    )
    assert got == [
        ("pemetrexed", "grade >=3", True, None, 70, Decimal(16), None),
        ("placebo", "grade >=3", True, None, 9, Decimal(4), None),
        ("pemetrexed", "grade >=3", True, "fatigue", 22, Decimal(5), None),
        ("placebo", "grade >=3", True, "fatigue", 1, Decimal(1), None),
        ("pemetrexed", "grade >=3", True, "neutropenia", 13, Decimal(3), None),
        ("placebo", "grade >=3", True, "neutropenia", 0, None, None),
    ]


def test_related_any_grade_and_grade_3_to_5_after_efficacy_figures():
    got = read(
        "The response rate was higher in the pembrolizumab group than in the chemotherapy group "
        "(44.8% vs. 27.8%), and treatment-related adverse events of any grade were less frequent "
        "(occurring in 73.4% vs. 90.0% of patients), as were grade 3, 4, or 5 treatment-related adverse "
        "events (26.6% vs. 53.3%).",
        "pembrolizumab",
        "chemotherapy",
    )
    assert got == [
        ("pembrolizumab", "any", True, None, None, Decimal("73.4"), None),
        ("chemotherapy", "any", True, None, None, Decimal("90.0"), None),
        ("pembrolizumab", "grade >=3", True, None, None, Decimal("26.6"), None),
        ("chemotherapy", "grade >=3", True, None, None, Decimal("53.3"), None),
    ]


def test_led_to_death_keeps_the_treatment_related_restriction():
    got = read(
        "Treatment-related adverse events of grade 3 or worse occurred in 113 (18%) of 636 treated patients in "
        "the pembrolizumab group and in 252 (41%) of 615 in the chemotherapy group and led to death in 13 (2%) "
        "and 14 (2%) patients, respectively.",
        "pembrolizumab",
        "chemotherapy",
    )
    assert got == [
        ("pembrolizumab", "grade >=3", True, None, 113, Decimal(18), 636),
        ("chemotherapy", "grade >=3", True, None, 252, Decimal(41), 615),
        ("pembrolizumab", "grade 5", True, None, 13, Decimal(2), None),
        ("chemotherapy", "grade 5", True, None, 14, Decimal(2), None),
    ]


def test_no_figures_from_subsets_thresholds_or_sentences_without_numbers():
    assert (
        read(
            "13 (87%) of the 15 patients who died in the ceritinib group died because of disease progression and "
            "2 (13%) died because of an adverse event.",
            "ceritinib",
            "chemotherapy",
        )
        == []
    )
    assert read("Serious immune-related adverse events did not differ between groups.", "a", "b") == []
    assert (
        read(
            "Grade 3 or 4 adverse events with a frequency of at least 10% were similar in both groups.",
            "a",
            "b",
        )
        == []
    )


def test_stated_denominator_is_the_safety_population_when_the_pairs_allow_it():
    def row(count, pct, n):
        return AdverseEventSummary(
            arm="a", category="any", treatment_related=False, count=count, percent=Decimal(pct), n_analysed=n
        )

    assert implied_population([row(36, "32", 113), row(8, "7", 116)], "a") == 113
    assert implied_population([row(49, "5", 1024)], "a") == 1024
