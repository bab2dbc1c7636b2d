"""kg.extraction.bare_ratios (with contrasts and subgroups): ratios printed without their name
after a labelled one, each in its subgroup's bracket.

Read from a real page copied to tests/fixtures/pool (PMID beside each test).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kg.sources import read_document


def _pool(pmid: str):
    return read_document(Path(__file__).parents[1] / "fixtures" / "pool" / f"PMID{pmid}.txt").trial


def test_a_subgroups_bare_ratio_shares_the_labelled_ones_kind_and_endpoint():
    # PMID16257339: '... in the overall population (5.6 months for gefitinib and 5.1 months for
    # placebo; hazard ratio 0.89 [95% CI 0.77-1.02], p=0.087) or among the 812 patients with
    # adenocarcinoma (6.3 months vs 5.4 months; 0.84 [0.68-1.03], p=0.089).' The next sentence
    # prints no name at all: '... for never-smokers (n=375; 0.67 [0.49-0.92], p=0.012; median
    # survival 8.9 vs 6.1 months) and patients of Asian origin (n=342; 0.66 [0.48-0.91], p=0.01;
    # ...)' (before: the subgroups' p-values alone, the last two with no subgroup)
    trial = _pool("16257339")
    read = [
        (c.statistic, c.endpoint, c.subgroup, c.estimate, c.ci_lower, c.ci_upper, c.ci_level, c.p_value)
        for c in trial.comparisons
    ]
    hr, os_ = "hazard_ratio", "overall survival"
    assert read == [
        (hr, os_, None, Decimal("0.89"), Decimal("0.77"), Decimal("1.02"), Decimal("95"), Decimal("0.087")),
        (
            hr,
            os_,
            "adenocarcinoma",
            Decimal("0.84"),
            Decimal("0.68"),
            Decimal("1.03"),
            Decimal("95"),
            Decimal("0.089"),
        ),
        (
            hr,
            os_,
            "never-smokers",
            Decimal("0.67"),
            Decimal("0.49"),
            Decimal("0.92"),
            Decimal("95"),
            Decimal("0.012"),
        ),
        (
            hr,
            os_,
            "patients of Asian origin",
            Decimal("0.66"),
            Decimal("0.48"),
            Decimal("0.91"),
            Decimal("95"),
            Decimal("0.01"),
        ),
    ]
    # '... gefitinib (250 mg/d) or placebo, plus best supportive care': both arms get it
    assert {(c.arm, c.comparator) for c in trial.comparisons} == {
        ("gefitinib + best supportive care", "placebo + best supportive care")
    }
