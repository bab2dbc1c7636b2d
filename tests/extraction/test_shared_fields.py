"""kg.extraction.shared_fields (with figure_runs and values): what a comparison shares with the per-arm
figures printed in its bracket, in a list of landmark times each bracketing its own figures.

Read from a real page copied to tests/fixtures/pool (PMID beside each test).
"""

from __future__ import annotations

from decimal import Decimal

from pool_pages import trial_of
from shared_quotes import SRS_ALONE


def test_each_landmark_of_a_list_keeps_the_endpoint_and_its_brackets_ratio_its_time():
    # PMID25005652: 'The combination treatment was associated with a higher continuous abstinence rate at 12
    # weeks (55.4% vs 40.9%; odds ratio [OR], 1.85; 95% CI, 1.19-2.89; P = .007) and 24 weeks (49.0% vs
    # 32.6%; OR, 1.98; 95% CI, 1.25-3.14; P = .004) and point prevalence abstinence rate at 6 months (65.1%
    # vs 46.7%; OR, 2.13; ...)'. Before: '24 weeks' was read as a figure and its pair and ratio named
    # 'combination treatment' (the sentence's subject).
    trial = trial_of("25005652")
    rates = [(r.endpoint, r.timepoint, r.estimate) for r in trial.arm_results]
    continuous = "continuous abstinence rate"
    assert [r for r in rates if r[0] == continuous] == [
        (continuous, "12 weeks", Decimal("55.4")),
        (continuous, "12 weeks", Decimal("40.9")),
        (continuous, "24 weeks", Decimal("49.0")),
        (continuous, "24 weeks", Decimal("32.6")),
    ]
    ratios = [(c.endpoint, c.timepoint, c.estimate) for c in trial.comparisons if c.statistic == "odds_ratio"]
    assert ratios[:2] == [
        (continuous, "12 weeks", Decimal("1.85")),
        (continuous, "24 weeks", Decimal("1.98")),
    ]
    assert "combination treatment" not in {e.name for e in trial.endpoints}


def test_a_difference_after_a_pair_whose_last_figure_closes_a_count_bracket_takes_the_pairs_time(read):
    # PMID27458945 (benchmarks/unseen): '... at 3 months (5/11 [45.5%] vs 16/17 [94.1%]; difference, -48.7%; ...)
    # and at 12 months (6/10 [60%] vs 17/18 [94.4%]; difference, -34.4%; ...)' (before: no time)
    r = read(
        *SRS_ALONE,
        (
            "RESULTS",
            "For long-term survivors, the incidence of cognitive deterioration was less after SRS alone at 3 months "
            "(5/11 [45.5%] vs 16/17 [94.1%]; difference, -48.7%; 95% CI, -87.6% to -9.7%; P = .007) and at 12 months "
            "(6/10 [60%] vs 17/18 [94.4%]; difference, -34.4%; 95% CI, -74.4% to 5.5%; P = .04).",
        ),
    )
    differences = [(c.estimate, c.timepoint) for c in r.trial.comparisons if c.statistic == "difference"]
    assert differences == [(Decimal("-48.7"), "3 months"), (Decimal("-34.4"), "12 months")]
