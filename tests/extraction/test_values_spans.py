"""kg.extraction.values: what a figure's span takes beside it, its landmark and its denominator,
read on whole pages of ../shared/data/pool (copied to tests/fixtures/pool)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kg.sources import read_document

POOL = Path(__file__).parents[1] / "fixtures" / "pool"


def test_a_landmark_printed_with_a_space_before_its_hyphen_and_not_a_median_cut_short():
    # PMID10945489: '... and 5.9 months (95% CI 5.0-7.9) (log-rank, P = 0.84) for BSC patients, and
    # 1 -year survival was 25% for gemcitabine + BSC and 22% for BSC.' (before: '9 months', the end
    # of '5.9 months' where the window the landmark was sought in began)
    trial = read_document(POOL / "PMID10945489.txt").trial
    rates = [
        (r.estimate, r.timepoint)
        for r in trial.arm_results
        if r.endpoint == "overall survival" and r.unit == "percent"
    ]
    assert rates == [(Decimal("25"), "12 months"), (Decimal("22"), "12 months")]


def test_of_and_a_number_after_another_figure_is_no_denominator():
    # PMID11784875: 'The response rate for all 1155 eligible patients was 19 percent, with a median
    # survival of 7.9 months (...)' (before: the 19 percent was of 7 patients); it is of the 1155 eligible
    # patients its clause counts (whole_population)
    trial = read_document(POOL / "PMID11784875.txt").trial
    response = [r for r in trial.arm_results if r.endpoint == "objective response rate"]
    assert [(r.estimate, r.n_analysed) for r in response] == [(Decimal("19"), 1155)]
