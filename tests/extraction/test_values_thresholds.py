"""kg.extraction.values: what kind of figure a printed number is (a threshold or a time point of a
definition is none; a percent may be a median), read on pages of ../shared/data/pool (copied to tests/fixtures/pool)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kg.extraction.text import normalise
from kg.extraction.values import items
from kg.sources import read_document

POOL = Path(__file__).parents[1] / "fixtures" / "pool"


def _sentence(page: str, start: str) -> str:
    text = (POOL / page).read_text()
    return normalise(text[text.index(start) :].split(". ")[0] + ".")


def test_a_share_after_greater_than_or_equal_in_words_is_a_threshold():
    # PMID10945489: 'A sustained (> or = 4 weeks) improvement (> or =25%) on SS14 was recorded in a
    # significantly higher proportion of gemcitabine + BSC patients (22%) than in BSC alone patients (9%)'
    # (before: 25% was read as a figure too)
    text = _sentence("PMID10945489.txt", "A sustained (> or = 4 weeks)")
    assert [i.raw for i in items(text)] == ["22", "9"]


def test_a_time_counted_from_baseline_is_a_time_point_not_a_figure():
    # PMID10945489: 'The primary end-points were defined as (1) the percentage change in mean SS14 score
    # between baseline and 2 months and (2) the proportion of patients with a marked (> or = 25%)
    # improvement in SS14 score between baseline and 2 months sustained for > or =4 weeks.'
    text = _sentence("PMID10945489.txt", "The primary end-points were defined")
    assert [i.raw for i in items(text)] == []


def test_a_percent_printed_as_a_median_keeps_its_range():
    # PMID16945766: 'Compliance was greater with cisplatin than with vinorelbine (median dose intensity
    # 89% [range 17-108] vs 59% [17-100]).' (before: two rates, and no range, a rate having none; the bare
    # '[17-100]' after the labelled range is read as a range like a bare '(17-100)')
    trial = read_document(POOL / "PMID16945766.txt").trial
    found = {
        r.estimate: (r.statistic, r.dispersion, r.spread_lower, r.spread_upper)
        for r in trial.arm_results
        if r.endpoint == "compliance"
    }
    assert found == {
        Decimal("89"): ("median", "FULL_RANGE", Decimal("17"), Decimal("108")),
        Decimal("59"): ("median", "FULL_RANGE", Decimal("17"), Decimal("100")),
    }


def test_a_share_of_what_was_planned_is_no_mean():
    # PMID23161898: 'Delivery of total mean doses was 90% of planned with CPx, but 66% (cisplatin) and
    # 64% (vinorelbine) with CVb (P < 0.0001).'
    text = _sentence("PMID23161898.txt", "Delivery of total mean doses")
    assert [(i.raw, i.statistic) for i in items(text)] == [("90", "rate"), ("66", "rate"), ("64", "rate")]
