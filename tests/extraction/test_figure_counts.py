"""kg.extraction.figure_counts: the patients a per-arm figure counts, as printed beside it.

Sentences are quoted from the page named beside them (tests/fixtures/pool, row in its SOURCES.tsv).
"""

from __future__ import annotations

from decimal import Decimal

from pool_pages import POOL

from kg.sources import read_document


def test_the_number_of_a_name_before_a_bracket_counts_nobody():
    # PMC3504074: 'Significantly more patients receiving combination therapy than monotherapy had static
    # Physician's Global Assessment of clear/almost clear at week 12 (65·5% vs. 47·0%; P = 0·01) and week 24
    # (71·8% vs. 54·3%; P = 0·01).'; '... as did week 24 PASI 50 (91·6% vs. 84·6%; P = 0·01) and PASI 90
    # (53·8% vs. 34·2%; P = 0·01)' (before: counts of 12, 24, 50 and 90 patients)
    trial = read_document(POOL / "PMC3504074.txt").trial
    shares = {r.estimate: r.count for r in trial.arm_results}
    assert shares[Decimal("65.5")] is None
    assert shares[Decimal("71.8")] is None
    assert shares[Decimal("91.6")] is None
    assert shares[Decimal("53.8")] is None


def test_a_count_over_its_denominator_marked_n_is_the_percents():
    # PMC5019463: 'Sub-analysis of adherence rates for patients who attended ≥2 follow-up visits were 91.3%
    # (n=21/23) for G1, 74.3% (n=26/35) for G2, and 66.7% (n=18/27) for G3, (P=0.11).' (before: no counts)
    trial = read_document(POOL / "PMC5019463.txt").trial
    counted = {r.estimate: (r.count, r.n_analysed) for r in trial.arm_results}
    assert counted[Decimal("91.3")] == (21, 23)
    assert counted[Decimal("74.3")] == (26, 35)
    assert counted[Decimal("66.7")] == (18, 27)
