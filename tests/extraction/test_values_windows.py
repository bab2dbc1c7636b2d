"""kg.extraction.values: times that bound a window ('between 1 and 12 months') date a figure, they
are none.

Each test quotes a real abstract (its page beside it) and reads it through ``extract_trial`` or the page.
"""

from __future__ import annotations

from decimal import Decimal

from pool_pages import POOL

from kg.sources import read_document

# benchmarks/pmc/blind-a PMC2212351
MEALS_DESIGN = (
    "A total of 77 patients with type 2 diabetes were assigned randomly into three dietary intervention groups: "
    "group M, diabetic meal delivery; group D, individual dietary counseling; and group C, conventional dietary "
    "education."
)
MEALS_FBG = (
    "Similarly, fasting blood glucose (FBG) levels decreased significantly between 1 and 12 months in group M "
    "(p<0.05), and decreased significantly during the entire 12 month period in group D (p<0.01)."
)


def test_the_months_a_change_is_between_are_no_medians(read):
    # before: medians of 1 and 12 months in group M
    reading = read("", ("METHODS", MEALS_DESIGN), ("RESULTS", MEALS_FBG))
    assert [r.estimate for r in reading.trial.arm_results if r.unit == "month"] == []


def test_the_days_a_subgroup_is_between_are_no_medians():
    # PMID17888953: 'The accuracy for overall stage was 3 (38%) of 8 for patients for less than 10 days, 28 (72%)
    # of 39 for patients between 11 and 20 days, 42 (88%) of 49 between 21 and 30 days, and 8 (62%) of 13 for 31
    # days or more.' (before: medians of 11, 20, 21 and 30 days); the shares of each window stay read
    results = read_document(POOL / "PMID17888953.txt").trial.arm_results
    accuracy = [r for r in results if r.endpoint == "accuracy for overall stage"]
    assert [(r.statistic, r.estimate, r.count, r.n_analysed) for r in accuracy] == [
        ("rate", Decimal("38"), 3, 8),
        ("rate", Decimal("72"), 28, 39),
        ("rate", Decimal("88"), 42, 49),
        ("rate", Decimal("62"), 8, 13),
    ]
