"""kg.extraction.assignment (with outcomes): the arm named beside a figure, on pages of
tests/fixtures/pool; more of assignment in test_assignment.py."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pool_pages import trial_of

from kg.sources import read_document

POOL = Path(__file__).parents[1] / "fixtures" / "pool"


def test_an_arm_and_a_colon_label_the_figure_after_them_not_the_one_before():
    # PMID17544497: '... did not alter the type or completeness of the surgery (lobectomy: S: 56%, CT-S:
    # 60%, complete resection: S: 80%, CT-S: 82%).' (before: all four went to CT-S, the arm named
    # right after 56% and 80%)
    trial = read_document(POOL / "PMID17544497.txt").trial
    alias = {a.label: a.aliases[0] for a in trial.arms}
    found = [
        (alias[r.arm], r.estimate)
        for r in trial.arm_results
        if r.estimate in {Decimal("56"), Decimal("60"), Decimal("80"), Decimal("82")}
    ]
    assert found == [
        ("S", Decimal("56")),
        ("CT-S", Decimal("60")),
        ("S", Decimal("80")),
        ("CT-S", Decimal("82")),
    ]


def test_a_change_from_one_figure_to_another_is_no_arms_pair_of_figures():
    # PMID9890172: 'median survival increased from 21 to 28 weeks in the vinorelbine-treated group'
    # (before: both medians went to vinorelbine); PMID14697440: 'In the C/S group, postoperative RT
    # significantly improved the 5-year local control rate from 33.8% to 81.5%' (before: both rates to C/S)
    elvis = read_document(POOL / "PMID9890172.txt").trial
    assert [r.estimate for r in elvis.arm_results if r.unit == "week"] == []
    port = read_document(POOL / "PMID14697440.txt").trial
    assert [r for r in port.arm_results if r.estimate in {Decimal("33.8"), Decimal("81.5")}] == []


def test_a_pair_between_the_arm_a_clause_opens_on_and_the_arm_than_names_is_theirs():
    # PMID17551299: 'Patients in the IFI arm achieved better overall response rate (90% vs. 79%, P =
    # 0.032) and better 5-years local control rate (51% vs.36%, P = 0.032) than those in the ENI arm.'
    # (before: no arm for either figure)
    trial = read_document(POOL / "PMID17551299.txt").trial
    found = {r.estimate: r.arm for r in trial.arm_results if r.endpoint == "objective response rate"}
    assert found == {
        Decimal("90"): "involved-field irradiation",
        Decimal("79"): "elective nodal irradiation",
    }


def test_an_arm_that_closes_one_figure_does_not_open_the_next_and_pairs_keep_their_order():
    # PMID30955977: 'The median surival values by TPS population were 20·0 months (95% CI 15·4-24·9) for
    # pembrolizumab versus 12·2 months (10·4-14·2) for chemotherapy, 17·7 months (15·3-22·1) versus
    # 13·0 months (11·6-15·3), and 16·7 months (13·9-19·7) versus 12·1 months (11·3-13·3),
    # respectively.' (before: 17.7 was chemotherapy's, the arm printed right before it, and the
    # pairs after it were cut into two lists of three, with no arm)
    trial = read_document(POOL.parent / "abstracts" / "PMID30955977.txt").trial
    found = {
        r.estimate: r.arm
        for r in trial.arm_results
        if r.estimate in {Decimal(x) for x in ("20.0", "12.2", "17.7", "13.0", "16.7", "12.1")}
    }
    assert found == {
        Decimal("20.0"): "pembrolizumab",
        Decimal("12.2"): "chemotherapy",
        Decimal("17.7"): "pembrolizumab",
        Decimal("13.0"): "chemotherapy",
        Decimal("16.7"): "pembrolizumab",
        Decimal("12.1"): "chemotherapy",
    }


def test_the_arm_a_bracket_after_a_figure_opens_with_is_that_figures():
    # PMID24911368: '... continuous abstinence rate for weeks 9-12, which was 45.0% (varenicline; n = 249) vs.
    # 11.8% (placebo; n = 245; odds ratio: 7.08; ...)' (before: neither rate had an arm); both are of the
    # window's end, which the first prints
    trial = read_document(POOL / "PMID24911368.txt").trial
    rates = {(r.arm, r.estimate, r.timepoint) for r in trial.arm_results if r.statistic == "rate"}
    assert rates == {("varenicline", Decimal("45.0"), "12 weeks"), ("placebo", Decimal("11.8"), "12 weeks")}


def test_a_drug_of_an_arm_in_a_bracket_after_a_figure_is_no_arm():
    # PMID23161898: 'Delivery of total mean doses was 90% of planned with CPx, but 66% (cisplatin) and 64%
    # (vinorelbine) with CVb (P < 0.0001).': the brackets name the arm's drugs, not arms
    trial = read_document(POOL / "PMID23161898.txt").trial
    assert not [r for r in trial.arm_results if r.estimate in {Decimal("66"), Decimal("64")}]


def test_the_second_figure_of_a_pair_is_of_the_time_the_first_prints():
    # PMID17971598: 'PCI significantly reduced the probability of brain metastases as first site of failure
    # (7.8% at 5 years v 34.7%; P = .02), the overall brain relapse rate was reduced comparably (9.1% at 5 years
    # v 27.2%; P = .04).' (before: 34.7% and 27.2% had no time)
    trial = read_document(POOL / "PMID17971598.txt").trial
    times = {
        r.estimate: r.timepoint for r in trial.arm_results if r.estimate in {Decimal("34.7"), Decimal("27.2")}
    }
    assert times == {Decimal("34.7"): "60 months", Decimal("27.2"): "60 months"}


def test_a_group_named_by_words_before_the_arms_name_and_an_unknown_group_take_their_arms():
    # PMC1190172: 'The response rate was 79.1% (1506/1905) in the hand-signed group and 78.4% (1484/1894) in the
    # scanned and printed signature group.' (before: the design's order gave 79.1% to the printed signature)
    rates = {r.arm: r.estimate for r in trial_of("PMC1190172").arm_results}
    assert rates == {"hand written signature": Decimal("79.1"), "computer printed signature": Decimal("78.4")}


def test_arms_each_named_right_before_their_figure_label_a_list():
    # PMC2744923: 'The day-28 adequate clinical and parasitological response (ACPR) rates, ... were AL 85.2%,
    # CPD 63.7% and SP 50%.' (before: 85.2% went to CPD, the arm named after it, and 63.7% to none)
    trial = read_document(POOL / "PMC2744923.txt").trial
    alias = {a.label: a.aliases[0] for a in trial.arms if a.aliases}
    rates = [
        (alias[r.arm], r.estimate) for r in trial.arm_results if r.endpoint.startswith("adequate clinical")
    ]
    assert rates == [("AL", Decimal("85.2")), ("CPD", Decimal("63.7")), ("SP", Decimal("50"))]
    # PMC3321723: '(ICS groups: tiotropium 110 ± 20 mL, salmeterol 80 ± 20 mL; non-ICS groups: tiotropium
    # 150 ± 30 mL, salmeterol 110 ± 30 mL; ...)' (before: each arm took the other's figures)
    copd = read_document(POOL / "PMC3321723.txt").trial
    means = [(r.arm, r.estimate) for r in copd.arm_results if r.unit == "mL"]
    assert means == [
        ("tiotropium", Decimal("110")),
        ("salmeterol", Decimal("80")),
        ("tiotropium", Decimal("150")),
        ("salmeterol", Decimal("110")),
    ]
