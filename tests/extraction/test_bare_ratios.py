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


def _hazard_ratios(trial) -> list[tuple]:
    return [
        (
            c.arm,
            c.comparator,
            c.endpoint,
            c.subgroup is not None,
            c.estimate,
            c.ci_lower,
            c.ci_upper,
            c.p_value,
        )
        for c in trial.comparisons
        if c.statistic == "hazard_ratio"
    ]


def test_a_bare_ratio_with_unbracketed_bounds_is_read_in_each_clause_it_compares():
    # PMID26712084 (Lancet style since about 2012, bounds after a comma): 'Overall survival was
    # significantly longer for pembrolizumab 2 mg/kg versus docetaxel (hazard ratio [HR] 0.71, 95% CI
    # 0.58-0.88; p=0.0008) and for pembrolizumab 10 mg/kg versus docetaxel (0.61, 0.49-0.75;
    # p<0.0001).' The next sentence prints its bare ratio before its labelled one: '... with no
    # significant difference for pembrolizumab 2 mg/kg versus docetaxel (0.88, 0.74-1.05; p=0.07) or
    # for pembrolizumab 10 mg/kg versus docetaxel (HR 0.79, 95% CI 0.66-0.94; p=0.004).' And '... with
    # pembrolizumab 2 mg/kg than with docetaxel (median 14.9 months vs 8.2 months; HR 0.54, ...) and
    # with pembrolizumab 10 mg/kg than with docetaxel (17.3 months vs 8.2 months; 0.50, 0.36-0.70;
    # p<0.0001)': the second bracket is the second clause's pair. (Before: the bare ones' p-values
    # alone, and 0.88 unread.)
    low, high, docetaxel = "pembrolizumab 2 mg/kg", "pembrolizumab 10 mg/kg", "docetaxel"
    os_, pfs = "overall survival", "progression-free survival"
    d = Decimal
    assert _hazard_ratios(_pool("26712084")) == [
        (low, docetaxel, os_, False, d("0.71"), d("0.58"), d("0.88"), d("0.0008")),
        (high, docetaxel, os_, False, d("0.61"), d("0.49"), d("0.75"), d("0.0001")),
        (high, docetaxel, pfs, False, d("0.79"), d("0.66"), d("0.94"), d("0.004")),
        (low, docetaxel, pfs, False, d("0.88"), d("0.74"), d("1.05"), d("0.07")),
        (low, docetaxel, os_, True, d("0.54"), d("0.38"), d("0.77"), d("0.0002")),
        (high, docetaxel, os_, True, d("0.50"), d("0.36"), d("0.70"), d("0.0001")),
        (low, docetaxel, pfs, True, d("0.59"), d("0.44"), d("0.78"), d("0.0001")),
        (high, docetaxel, pfs, True, d("0.59"), d("0.45"), d("0.78"), d("0.0001")),
    ]


def test_a_bare_ratio_takes_the_kind_of_the_sentence_befores_ratio_and_its_own_endpoint():
    # PMID24933332: '... for 625 patients who received placebo plus docetaxel (hazard ratio 0·86, 95%
    # CI 0·75-0·98; p=0·023). Median progression-free survival was 4·5 months (IQR 2·3-8·3) for the
    # ramucirumab group compared with 3·0 months (1·4-6·9) for the control group (0·76, 0·68-0·86;
    # p<0·0001).' (before: the p-value alone)
    d = Decimal
    arm, control = "docetaxel + ramucirumab", "docetaxel + placebo"
    assert _hazard_ratios(_pool("24933332")) == [
        (arm, control, "overall survival", False, d("0.86"), d("0.75"), d("0.98"), d("0.023")),
        (arm, control, "progression-free survival", False, d("0.76"), d("0.68"), d("0.86"), d("0.0001")),
    ]
