"""kg.extraction.arm_brackets (through reading whole pages): the figures in the bracket an arm's
name opens."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kg.sources import read_document

POOL = Path(__file__).parents[1] / "fixtures" / "pool"


def test_a_list_in_the_bracket_an_arms_name_opens_is_that_arms():
    # PMID21757247: 'Overall survival (OS, primary endpoint) at 2, 3 and 5yr was not significantly
    # different after CHARTWEL (31%, 22% and 11%) versus CF (32%, 18% and 7%; HR 0.92, 95% CI
    # 0.75-1.13, p=0.43).' The landmarks listed without an Oxford comma, '5yr' without a space.
    trial = read_document(POOL / "PMID21757247.txt").trial
    chartwel, cf = (next(a.label for a in trial.arms if alias in a.aliases) for alias in ("CHARTWEL", "CF"))
    rates = [
        (r.arm, r.estimate, r.timepoint)
        for r in trial.arm_results
        if r.endpoint == "overall survival" and r.statistic == "rate"
    ]
    assert rates == [
        (chartwel, Decimal("31"), "24 months"),
        (chartwel, Decimal("22"), "36 months"),
        (chartwel, Decimal("11"), "60 months"),
        (cf, Decimal("32"), "24 months"),
        (cf, Decimal("18"), "36 months"),
        (cf, Decimal("7"), "60 months"),
    ]


def test_a_pair_in_the_bracket_an_arms_name_opens_is_that_arm_against_the_one_set_against_it():
    # PMID22949150: 'PFS was significantly prolonged by gemcitabine (median, 3.8 v 1.9 months; hazard
    # ratio [HR], 0.56; ...) and erlotinib (median, 2.9 v 1.9 months; HR, 0.69; ...) versus
    # observation; ...' (three arms; the second bracket's endpoint is still the sentence's 'PFS')
    trial = read_document(POOL / "PMID22949150.txt").trial
    medians = [(r.arm, r.endpoint, r.estimate) for r in trial.arm_results if r.statistic == "median"]
    pfs = "progression-free survival"
    assert medians == [
        ("gemcitabine", pfs, Decimal("3.8")),
        ("observation", pfs, Decimal("1.9")),
        ("erlotinib", pfs, Decimal("2.9")),
        ("observation", pfs, Decimal("1.9")),
    ]


def test_a_figure_of_a_bracket_an_arms_name_closes_is_that_arms():
    # PMID19188680: 'the hazard ratios for PFS were 0.75 (median PFS, 6.7 v 6.1 months for placebo;
    # P = .003) in the low-dose group and 0.82 (median PFS, 6.5 v 6.1 months for placebo; P = .03) in
    # the high-dose group compared with placebo.' (before: 6.5 went to no arm, nor its p-value)
    trial = read_document(POOL / "PMID19188680.txt").trial
    medians = [
        (r.arm, r.estimate)
        for r in trial.arm_results
        if r.endpoint == "progression-free survival" and r.statistic == "median"
    ]
    assert medians == [
        ("cisplatin + gemcitabine + bevacizumab 7.5 mg/kg", Decimal("6.7")),
        ("cisplatin + gemcitabine + placebo", Decimal("6.1")),
        ("cisplatin + gemcitabine + bevacizumab 15 mg/kg", Decimal("6.5")),
        ("cisplatin + gemcitabine + placebo", Decimal("6.1")),
    ]
    tests = {(c.arm, c.p_value) for c in trial.comparisons if c.statistic == "p_value"}
    assert ("cisplatin + gemcitabine + bevacizumab 15 mg/kg", Decimal("0.03")) in tests


def test_a_bracket_glued_to_a_letter_prints_a_subscript_not_an_arms_size():
    # PMID15117980: 'Patients received pemetrexed 500 mg/m(2) intravenously (i.v.) day 1 with vitamin
    # B(12), folic acid, and dexamethasone or docetaxel 75 mg/m(2) i.v. day 1 with dexamethasone every
    # 21 days.' ... 'Five hundred seventy-one patients were randomly assigned.' (no size per arm)
    trial = read_document(POOL / "PMID15117980.txt").trial
    assert [a.n_randomized for a in trial.arms] == [None, None]
    assert trial.n_randomized == 571
