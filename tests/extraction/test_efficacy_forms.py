"""Per-arm efficacy figures printed in forms of their own, read from whole pool pages (copied
to tests/fixtures/pool): a count bracketed after a percent with the interval after it, a list
of figures a landmark heads after a colon, bare figures in the unit their endpoint names in a
bracket ('Median OS (months) was PCb: 18.7 ...'), bare percentages over a span of landmark years,
and the 'from A to B' of an absolute difference."""

from __future__ import annotations

from decimal import Decimal

from pool_pages import trial_of

from kg.extraction.endpoint_phrases import endpoint_phrase
from kg.model import ArmResult


def rows(results: list[ArmResult], sentence: str) -> list[tuple]:
    """(arm, endpoint, statistic, estimate, unit, timepoint, count, CI bounds) of the figures of
    the sentence that starts with ``sentence``."""
    return [
        (r.arm, r.endpoint, r.statistic, r.estimate, r.unit, r.timepoint, r.count, r.ci_lower, r.ci_upper)
        for r in results
        if r.evidence is not None and r.evidence.sentence.startswith(sentence)
    ]


def test_count_bracketed_after_a_percent_and_the_interval_after_it():
    # PMID21903745: '(5-year survival: sequential, arm 1, 10% [20 patients], 95% confidence interval
    # [CI] = 7% to 15%; concurrent, arm 2, 16% [31 patients], 95% CI = 11% to 22%, P = .046;
    # concurrent, arm 3, 13% [22 patients], 95% CI = 9% to 18%)': the landmark heading the list holds
    # across the ';' between its items
    trial = trial_of("21903745")
    got = rows(trial.arm_results, "Five-year survival was statistically significantly higher")
    os, pct, d = "overall survival", "percent", Decimal
    assert got == [
        (
            "cisplatin + vinblastine + radiotherapy",
            os,
            "rate",
            d("10"),
            pct,
            "60 months",
            20,
            d("7"),
            d("15"),
        ),
        (
            "cisplatin + vinblastine + chemotherapy",
            os,
            "rate",
            d("16"),
            pct,
            "60 months",
            31,
            d("11"),
            d("22"),
        ),
        ("cisplatin + etoposide + radiotherapy", os, "rate", d("13"), pct, "60 months", 22, d("9"), d("18")),
    ]


def test_bare_figures_after_arm_labels_in_the_unit_their_endpoint_brackets():
    # PMID23981966: 'Median OS (months) was PCb: 18.7 (95% CI, 12.9-NE); PC: 27.0 (95% CI, 23.2-NE).'
    trial = trial_of("23981966")
    got = [
        (r.arm, r.endpoint, r.statistic, r.estimate, r.unit, r.ci_lower, r.ci_upper_not_reached)
        for r in trial.arm_results
        if r.evidence is not None and r.evidence.sentence.startswith("Median OS (months)")
    ]
    assert got == [
        (
            "pemetrexed + carboplatin + concurrent radiotherapy",
            "overall survival",
            "median",
            Decimal("18.7"),
            "month",
            Decimal("12.9"),
            True,
        ),
        (
            "pemetrexed + cisplatin + concurrent radiotherapy",
            "overall survival",
            "median",
            Decimal("27.0"),
            "month",
            Decimal("23.2"),
            True,
        ),
    ]


def test_one_figure_per_arm_label_keeps_the_endpoint_and_its_landmark():
    # PMID23981966: 'The 2-year OS rate was PCb: 45.4% (...); PC: 58.4% (95% CI, 42.6-71.3%), ...':
    # PC's figure is the same 2-year OS rate, not an endpoint 'os rate' of its own
    trial = trial_of("23981966")
    got = rows(trial.arm_results, "The 2-year OS rate was")
    assert [(g[0], g[1], g[3], g[5]) for g in got] == [
        (
            "pemetrexed + carboplatin + concurrent radiotherapy",
            "overall survival",
            Decimal("45.4"),
            "24 months",
        ),
        (
            "pemetrexed + cisplatin + concurrent radiotherapy",
            "overall survival",
            Decimal("58.4"),
            "24 months",
        ),
        (
            "pemetrexed + carboplatin + concurrent radiotherapy",
            "overall survival",
            Decimal("48.0"),
            "24 months",
        ),
        (
            "pemetrexed + cisplatin + concurrent radiotherapy",
            "overall survival",
            Decimal("55.8"),
            "24 months",
        ),
    ]


def test_bare_percentages_over_a_span_of_landmark_years():
    # PMID8780630: 'The percentages of patients surviving after years 1 through 7 were 54, 26, 24, 19,
    # 17, 13, and 13 for the CT-RT group and 40, 13, 10, 7, 6, 6, and 6 for the RT group.'
    trial = trial_of("8780630")
    got = rows(trial.arm_results, "The percentages of patients surviving")
    years = [f"{12 * n} months" for n in range(1, 8)]
    ct_rt = [54, 26, 24, 19, 17, 13, 13]
    rt = [40, 13, 10, 7, 6, 6, 6]
    want = [("cisplatin + vinblastine + radiotherapy", v, t) for v, t in zip(ct_rt, years, strict=True)]
    want += [("radiotherapy", v, t) for v, t in zip(rt, years, strict=True)]
    assert [(g[0], g[3], g[5]) for g in got] == [(a, Decimal(v), t) for a, v, t in want]
    assert {(g[1], g[2], g[4]) for g in got} == {("overall survival", "rate", "percent")}


def test_from_and_to_of_an_absolute_difference_are_the_comparator_and_the_arm():
    # PMID9250182: '... an absolute improvement in 2-year survival of 9% from 20% to 29%' and, in
    # squamous cell carcinomas, '(an absolute improvement at 2 years of 14% from 19% to 33%)'
    trial = trial_of("9250182")
    chart, conventional = "continuous hyperfractionated accelerated radiotherapy", "conventional radiotherapy"
    got = [
        (r.arm, r.endpoint, r.estimate, r.timepoint, r.subgroup)
        for r in trial.arm_results
        if r.evidence is not None and " from " in r.evidence.sentence
    ]
    assert got == [
        (conventional, "overall survival", Decimal("20"), "24 months", None),
        (chart, "overall survival", Decimal("29"), "24 months", None),
        (conventional, "overall survival", Decimal("19"), "24 months", "squamous cell carcinomas"),
        (chart, "overall survival", Decimal("33"), "24 months", "squamous cell carcinomas"),
    ]
    # the relative reduction beside them keeps no landmark of theirs
    reductions = [c for c in trial.comparisons if c.statistic == "relative_reduction"]
    assert [(c.estimate, c.timepoint) for c in reductions] == [(Decimal("24"), None), (Decimal("34"), None)]


def test_who_died_of_or_was_diagnosed_with_a_disease_names_its_mortality_or_incidence():
    # PMID19767090: 'More women died from lung cancer in the combined hormone therapy group than in
    # the placebo group (73 vs 40 deaths; 0.11%vs 0.06%; HR 1.71, 1.16-2.52, p=0.01), mainly as a
    # result of a higher number of deaths from non-small-cell lung cancer in the combined therapy
    # group (62 vs 31 deaths; 0.09%vs 0.05%; HR 1.87, 1.22-2.88, p=0.004).' (before: none read)
    trial = trial_of("19767090")
    hormone, placebo = "conjugated equine oestrogen + medroxyprogesterone acetate", "placebo"
    got = rows(trial.arm_results, "More women died from lung cancer")
    lc, nsclc, d = "lung cancer mortality", "non-small-cell lung cancer mortality", Decimal
    assert [(g[0], g[1], g[2], g[3]) for g in got] == [
        (hormone, lc, "count", d("73")),
        (placebo, lc, "count", d("40")),
        (hormone, lc, "rate", d("0.11")),
        (placebo, lc, "rate", d("0.06")),
        (hormone, nsclc, "count", d("62")),
        (placebo, nsclc, "count", d("31")),
        (hormone, nsclc, "rate", d("0.09")),
        (placebo, nsclc, "rate", d("0.05")),
    ]
    ratios = [c for c in trial.comparisons if c.statistic == "hazard_ratio" and c.endpoint in (lc, nsclc)]
    assert [(c.endpoint, c.estimate, c.ci_lower, c.ci_upper, c.p_value) for c in ratios] == [
        (lc, d("1.71"), d("1.16"), d("2.52"), d("0.01")),
        (nsclc, d("1.87"), d("1.22"), d("2.88"), d("0.004")),
    ]
    # PMID20709992: '61 women in the hormone therapy group were diagnosed with lung cancer compared
    # with 54 in the placebo group (incidence of lung cancer per year = 0.15% vs 0.13%, respectively; ...)'
    trial = trial_of("20709992")
    got = rows(trial.arm_results, "After a mean of 7.9 years")
    assert [(g[0], g[1], g[2], g[3]) for g in got] == [
        ("estrogen", "lung cancer incidence", "count", d("61")),
        ("placebo", "lung cancer incidence", "count", d("54")),
        ("estrogen", "lung cancer incidence", "rate", d("0.15")),
        ("placebo", "lung cancer incidence", "rate", d("0.13")),
    ]
    # PMID19933915: 'Observation was associated with significantly higher risk of death from lung
    # cancer (P = .02), ...': the disease-specific survival the abstract named, not a mortality of its own
    trial = trial_of("19933915")
    tests = [c for c in trial.comparisons if c.p_value == Decimal("0.02")]
    assert [c.endpoint for c in tests] == ["disease-specific survival"]
    # PMID19183471: 'The majority of patients died from DM, the overall rate of which was 36%': the
    # rate is of DM, reported by a clause of its own: no mortality named
    assert endpoint_phrase("The majority of patients died from DM, the overall rate of which was ") is None
