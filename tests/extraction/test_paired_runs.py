"""kg.extraction.paired_runs (with assignment and outcomes): runs whose arms follow from how the
figures are paired, on pages of tests/fixtures/pool."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kg.sources import read_document

POOL = Path(__file__).parents[1] / "fixtures" / "pool"


def rates(page: str, endpoint: str) -> list[tuple[str, Decimal, str | None]]:
    trial = read_document(POOL / page).trial
    return [
        (r.arm, r.estimate, r.timepoint)
        for r in trial.arm_results
        if r.endpoint == endpoint and r.statistic == "rate"
    ]


def test_two_lists_set_against_each_other_take_the_two_arms_named_before_them():
    # PMID17922972: 'The median time to progression was 6 months for PCG and 3.9 months for
    # gemcitabine/vinorelbine with 1- and 2-year progression-free survival rates of 13% and 2% versus
    # 14% and 4% (P = .324 log rank). Median OS for PCG was 10.3 months versus 10.7 months for
    # gemcitabine/vinorelbine with 1-, 2-, and 3-year OS rates of 38%, 12%, and 2% versus 45%, 12%,
    # and 6%, respectively (P = 0.269 log rank).' (before: 13% and 2% went to gemcitabine/vinorelbine,
    # 38%, 12% and 2% too, and 45%, 12% and 6% to no arm)
    pcg, gv = "paclitaxel + carboplatin + gemcitabine", "gemcitabine + vinorelbine"
    assert rates("PMID17922972.txt", "progression-free survival") == [
        (pcg, Decimal("13"), "12 months"),
        (pcg, Decimal("2"), "24 months"),
        (gv, Decimal("14"), "12 months"),
        (gv, Decimal("4"), "24 months"),
    ]
    assert rates("PMID17922972.txt", "overall survival") == [
        (pcg, Decimal("38"), "12 months"),
        (pcg, Decimal("12"), "24 months"),
        (pcg, Decimal("2"), "36 months"),
        (gv, Decimal("45"), "12 months"),
        (gv, Decimal("12"), "24 months"),
        (gv, Decimal("6"), "36 months"),
    ]


def test_sets_of_one_figure_per_arm_each_at_its_landmark_take_the_arms_of_the_run_before():
    # PMID8814371: 'Survival was better in the F13 group, the median survival periods being 7 months in
    # the F2 group compared with 9 months in the F13 group, and the survival rates 31% and 36% at one
    # year and 9% and 12% at 2 years, respectively (hazard ratio = 0.82; 95% CI0.69-0.99).' (before: all
    # four went to F13, 31% at 9 months and 9% at no landmark)
    trial = read_document(POOL / "PMID8814371.txt").trial
    alias = {a.label: a.aliases[0] for a in trial.arms}
    found = [(alias[arm], value, time) for arm, value, time in rates("PMID8814371.txt", "overall survival")]
    assert found == [
        ("F2", Decimal("31"), "12 months"),
        ("F13", Decimal("36"), "12 months"),
        ("F2", Decimal("9"), "24 months"),
        ("F13", Decimal("12"), "24 months"),
    ]


def test_sets_of_one_figure_per_arm_before_respectively_take_the_arms_listed_before_them():
    # PMID27022112 (tests/fixtures/abstracts): 'Median PFS and overall survival times for gefitinib and
    # erlotinib were 6.5 and 7.5 months (hazard ratio [HR], 1.125; ...) and 22.8 and 24.5 months (HR,
    # 1.038; ...), respectively.' (before: 6.5 went to erlotinib, 22.8 and 24.5 to no arm). Which of
    # the two endpoints each set is of is still not read: all four are taken for overall survival.
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "abstracts" / "PMID27022112.txt").trial
    medians = [
        (r.arm, r.estimate) for r in trial.arm_results if r.unit == "month" and r.statistic == "median"
    ]
    assert medians[:4] == [
        ("gefitinib", Decimal("6.5")),
        ("erlotinib", Decimal("7.5")),
        ("gefitinib", Decimal("22.8")),
        ("erlotinib", Decimal("24.5")),
    ]


def test_pairs_after_a_pair_naming_one_arm_take_its_order():
    # PMID2169587: 'Those in group 1 had a higher incidence of serious infections requiring
    # hospitalization (7 percent, vs. 3 percent in group 2) and severe weight loss (14 percent vs. 6
    # percent)' (before: 7 percent went to no arm)
    trial = read_document(POOL / "PMID2169587.txt").trial
    rates = {r.estimate: r.arm for r in trial.arm_results if r.endpoint.startswith("serious infections")}
    assert rates == {
        Decimal("7"): "cisplatin + vinblastine + high-dose radiotherapy",
        Decimal("3"): "radiotherapy",
    }


def test_one_figure_per_arm_tested_in_its_bracket_is_each_arms_after_an_arm_named_before():
    # PMC2129145: 'Data ... are presented as mean changes from baseline for the CF and placebo groups,
    # respectively.' ... 'CF tended to mitigate gains in body mass (-0.7 ± 1.8, 1.0 ± 2.5 kg, p = 0.10)
    # and scanned mass (-0.2 ± 1.3, 1.7 ± 2.9 kg, p = 0.08) ...' (before: both body-mass means went to
    # CF, the arm the sentence names before the bracket)
    trial = read_document(POOL / "PMC2129145.txt").trial
    means = [(r.arm, r.estimate, r.spread) for r in trial.arm_results if r.endpoint == "body mass"]
    assert means == [
        ("coleus forskohlii", Decimal("-0.7"), Decimal("1.8")),
        ("placebo", Decimal("1.0"), Decimal("2.5")),
    ]
