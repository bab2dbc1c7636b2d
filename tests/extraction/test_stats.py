"""kg.extraction.stats: the forms of a reported interval, read through whole pages.

Every sentence is quoted from a page of ../shared/data/pool, copied to tests/fixtures/pool
(rows in its SOURCES.tsv); each figure is checked exactly.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kg.sources import read_document

POOL = Path(__file__).parents[1] / "fixtures" / "pool"


def _trial(pmid: str):
    return read_document(POOL / f"PMID{pmid}.txt").trial


def test_an_upper_bound_not_evaluable_with_its_abbreviation():
    # PMID23981966: 'Median time to disease progression was PCb: 8.8 months (95% CI, 6.0-12.6 months);
    # PC: 13.1 months (95% CI, 8.3-not evaluable [NE]).'
    trial = _trial("23981966")
    (r,) = [
        r
        for r in trial.arm_results
        if r.endpoint == "time to disease progression" and r.estimate == Decimal("13.1")
    ]
    assert (r.ci_level, r.ci_lower, r.ci_upper, r.ci_upper_not_reached) == (
        Decimal("95"),
        Decimal("8.3"),
        None,
        True,
    )


def test_a_level_printed_without_its_percent_before_the_words():
    # PMID12837811: 'Median survival (9.4 v 9.9 months [for VC]; P =.657; hazard ratio, 1.048 [97.2
    # confidence interval, 0.877 to 1.253]) and response (23.9%) with DCb were similar to those results for VC.'
    (c,) = [c for c in _trial("12837811").comparisons if c.estimate == Decimal("1.048")]
    assert (c.ci_level, c.ci_lower, c.ci_upper) == (Decimal("97.2"), Decimal("0.877"), Decimal("1.253"))
