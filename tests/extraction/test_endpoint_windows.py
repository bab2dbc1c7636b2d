"""kg.extraction.endpoint_windows (with outcomes): an endpoint measured over a window of weeks
its sentence opens on is named with the window.

Sentences quoted from benchmarks/unseen/pages (PMID beside them), read through ``extract_trial``.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extraction.endpoint_windows import unwindowed, windowed

# PMID16820546
TITLE = (
    "Varenicline, an alpha4beta2 nicotinic acetylcholine receptor partial agonist, vs sustained-release "
    "bupropion and placebo for smoking cessation: a randomized controlled trial."
)
DESIGN = (
    "INTERVENTION",
    "Participants were randomly assigned in a 1:1:1 ratio to receive brief counseling and varenicline titrated "
    "to 1 mg twice per day (n = 352), bupropion SR titrated to 150 mg twice per day (n = 329), or placebo "
    "(n = 344) orally for 12 weeks, with 40 weeks of nondrug follow-up.",
)
RESULTS = (
    "RESULTS",
    "For weeks 9 through 12, the 4-week continuous abstinence rates were 44.0% for varenicline vs 17.7% for "
    "placebo (odds ratio [OR], 3.85; 95% confidence interval [CI], 2.70-5.50; P<.001) and vs 29.5% for "
    "bupropion SR (OR, 1.93; 95% CI, 1.40-2.68; P<.001). For weeks 9 through 52, the continuous abstinence rates "
    "were 21.9% for varenicline vs 8.4% for placebo (OR, 3.09; 95% CI, 1.95-4.91; P<.001) and vs 16.1% for "
    "bupropion SR (OR, 1.46; 95% CI, 0.99-2.17; P = .057).",
)


def test_each_window_is_its_own_endpoint(read):
    """Before: both windows were one endpoint, 'continuous abstinence rates'."""
    trial = read(TITLE, DESIGN, RESULTS).trial
    rates = {(x.endpoint, x.arm, x.estimate) for x in trial.arm_results}
    assert rates == {
        ("continuous abstinence weeks 9 through 12", "varenicline", Decimal("44.0")),
        ("continuous abstinence weeks 9 through 12", "placebo", Decimal("17.7")),
        ("continuous abstinence weeks 9 through 12", "bupropion", Decimal("29.5")),
        ("continuous abstinence weeks 9 through 52", "varenicline", Decimal("21.9")),
        ("continuous abstinence weeks 9 through 52", "placebo", Decimal("8.4")),
        ("continuous abstinence weeks 9 through 52", "bupropion", Decimal("16.1")),
    }
    ratios = [
        (c.endpoint, c.comparator, c.estimate) for c in trial.comparisons if c.statistic == "odds_ratio"
    ]
    assert ratios == [
        ("continuous abstinence weeks 9 through 12", "placebo", Decimal("3.85")),
        ("continuous abstinence weeks 9 through 12", "bupropion", Decimal("1.93")),
        ("continuous abstinence weeks 9 through 52", "placebo", Decimal("3.09")),
        ("continuous abstinence weeks 9 through 52", "bupropion", Decimal("1.46")),
    ]


@pytest.mark.parametrize(
    ("name", "sentence", "expected"),
    [
        # PMID16820547: a window in the bracket after the period it names
        (
            "continuous abstinence from smoking",
            "During the last 4 weeks of treatment (weeks 9-12), 43.9% of participants in the varenicline group were "
            "continuously abstinent from smoking ...",
            "continuous abstinence from smoking weeks 9-12",
        ),
    ],
)
def test_the_window_a_sentence_opens_on(name, sentence, expected):
    assert windowed(name, sentence) == expected
    assert unwindowed(expected) == name


def test_a_ratio_naming_nothing_is_of_what_the_sentence_before_read(read):
    # PMID16820546: '... the 4-week continuous abstinence rates were 44.0% for varenicline vs 17.7% for placebo
    # (...) and vs 29.5% for bupropion SR (...). Bupropion SR was also significantly more efficacious than
    # placebo (OR, 2.00; 95% CI, 1.38-2.89; P<.001).' The lexicon holds no name of the first sentence's
    # endpoint, so nothing was carried to the second (before: its odds ratio was lost)
    first = RESULTS[1].split(" For weeks 9 through 52")[0]
    results = (
        "RESULTS",
        f"{first} Bupropion SR was also significantly more efficacious than placebo (OR, 2.00; "
        "95% CI, 1.38-2.89; P<.001).",
    )
    trial = read(TITLE, DESIGN, results).trial
    ratio = next(c for c in trial.comparisons if c.estimate == Decimal("2.00"))
    assert (ratio.arm, ratio.comparator, ratio.endpoint) == (
        "bupropion",
        "placebo",
        "continuous abstinence weeks 9 through 12",
    )
    assert (ratio.ci_lower, ratio.ci_upper, ratio.p_value_qualifier, ratio.p_value) == (
        Decimal("1.38"),
        Decimal("2.89"),
        "<",
        Decimal("0.001"),
    )
