"""Follow-up figures in the word orders abstracts print them, each with the span it was read from.

Every sentence is quoted from a page of the shared pool or abstracts (PMID in the test's data).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extraction.follow_up import follow_up
from kg.extraction.text import sentences


def _read(text: str) -> tuple[Decimal | None, Decimal | None, list[str]]:
    minimum, median, evidence = follow_up(sentences("RESULTS", text))
    return minimum, median, [e.quote for e in evidence]


@pytest.mark.parametrize(
    ("text", "median", "quote"),
    [
        # PMID11071672: 'duration of' before follow-up
        ("The median duration of follow-up was 44 months.", Decimal("44"), "44 months"),
        # PMID10944131: the range printed with it is read with it
        (
            "The median duration of follow-up was 52 months (range, 18 to 120 months).",
            Decimal("52"),
            "52 months (range, 18 to 120 months)",
        ),
        # PMID16087941: 'time of'
        (
            "With a median follow-up time of 39.6 months, median overall survival was 13.0, 12.7, and 16.3 months "
            "for arms 1, 2, and 3, respectively.",
            Decimal("39.6"),
            "39.6 months",
        ),
        # PMID14605072: 'period of'
        (
            "After a median follow-up period of 15.2 months, six patients experienced local failure.",
            Decimal("15.2"),
            "15.2 months",
        ),
        # PMID25601342: whose follow-up, then the figure and its IQR
        (
            "Median follow-up for the radiotherapy comparison was 22.9 months (IQR 27.5-33.3).",
            Decimal("22.9"),
            "22.9 months (IQR 27.5-33.3)",
        ),
        # PMID26720423: an interval between the figure and its unit
        (
            "Median follow-up was 11.3 (95% CI, 10.9-13.0) months.",
            Decimal("11.3"),
            "11.3 (95% CI, 10.9-13.0) months",
        ),
        # PMID28475456: the figure before the statistic
        (
            "With 8.0-month median follow-up, investigator-assessed confirmed ORR was 45% (97.5% CI, 34% to 56%) "
            "in arm A and 54% (97.5% CI, 43% to 65%) in arm B.",
            Decimal("8.0"),
            "8.0-month median follow-up",
        ),
        # PMID17603311: the statistic in a bracket
        (
            "During follow-up (median, 38 months), pulmonary complications of above grade 2 arose in 14 patients (5.4%).",
            Decimal("38"),
            "38 months",
        ),
        # PMID21903745: years are months times 12
        (
            "With a median follow-up time of 11 years, the rates of acute grade 3-5 nonhematologic toxic effects "
            "were higher with concurrent than sequential therapy.",
            Decimal("132"),
            "11 years",
        ),
    ],
)
def test_a_median_follow_up_in_each_word_order(text: str, median: Decimal, quote: str) -> None:
    assert _read(text) == (None, median, [quote])


def test_a_minimum_follow_up_after_whose_it_is() -> None:
    # PMID29023213
    assert _read("Minimum follow-up for survival was 24.2 months.") == (
        Decimal("24.2"),
        None,
        ["24.2 months"],
    )


@pytest.mark.parametrize(
    "text",
    [
        # PMID9809728: each arm's follow-up
        "Patients were randomly assigned to treatment with postoperative whole-brain radiotherapy (radiotherapy "
        "group, 49 patients) or no further treatment (observation group, 46 patients) for the brain metastasis, "
        "with median follow-up of 48 weeks and 43 weeks, respectively.",
        # PMID30280657
        "At the first interim analysis (99 events), the median follow-up was 11.0 months in the brigatinib group "
        "and 9.3 months in the crizotinib group.",
        # PMID21328282: a criterion of a review
        "We excluded trials which did not report a minimum follow-up period of six months from start of treatment.",
        # PMID19515503: a mean is not a median
        "Mean follow-up times in the 4DCT/IMRT and CT/3DCRT groups were 1.3 (range, 0.1-3.2) and 2.1 (range, "
        "0.1-7.9) years, respectively.",
    ],
)
def test_no_trial_follow_up_from_one_arm_a_criterion_or_a_mean(text: str) -> None:
    assert _read(text) == (None, None, [])


def test_a_figure_after_the_follow_up_clause_is_not_covered_by_it() -> None:
    # PMID10861309: the count of events is a figure of its own, left to the report
    _, median, quotes = _read(
        "After a median follow-up of 49 months, 916 patients were reported with an event "
        "(recurrence, second primary tumor, or death)."
    )
    assert (median, quotes) == (Decimal("49"), ["49 months"])
