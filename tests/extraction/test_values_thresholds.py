"""kg.extraction.values: printed figures that are thresholds or time points of a definition, not
results, read on pages of ../shared/data/pool (copied to tests/fixtures/pool)."""

from __future__ import annotations

from pathlib import Path

from kg.extraction.text import normalise
from kg.extraction.values import items

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
