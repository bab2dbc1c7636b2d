"""Which two arms a between-arm figure compares (kg.extraction.contrast_pairs): the arm a clause
names, set against the other ('for SRS alone compared with SRS plus WBRT (hazard ratio ...'), whatever
the design's roles. Sentences quoted from the pages in tests/fixtures/pool."""

from __future__ import annotations

from decimal import Decimal

from pool_pages import trial_of


def _pairs(pmid: str, estimate: str) -> list[tuple[str, str]]:
    return [(c.arm, c.comparator) for c in trial_of(pmid).comparisons if c.estimate == Decimal(estimate)]


def test_a_ratio_after_figures_of_one_arm_versus_the_other_is_the_first_arms():
    # PMID23883922 (TAILOR): 'Median overall survival was 8·2 months (95% CI 5·8-10·9) with docetaxel versus
    # 5·4 months (4·5-6·8) with erlotinib (adjusted hazard ratio [HR] 0·73, 95% CI 0·53-1·00; p=0·05)'
    # (before: erlotinib against docetaxel, the design's roles, though docetaxel lived longer)
    assert _pairs("23883922", "0.73") == [("docetaxel", "erlotinib")]


def test_a_ratio_after_one_arm_set_against_the_other_by_than_is_the_first_arms():
    # PMID16014883: 'In univariate analyses, survival was longer in the erlotinib group than in the placebo
    # group when EGFR was expressed (hazard ratio for death, 0.68; P=0.02) or there was a high number of
    # copies of EGFR (hazard ratio, 0.44; P=0.008).'
    trial = trial_of("16014883")
    erlotinib = next(a.label for a in trial.arms if a.drug_names == ["erlotinib"])
    placebo = next(a.label for a in trial.arms if "placebo" in a.drug_names)
    assert _pairs("16014883", "0.68") == [(erlotinib, placebo)]
    assert _pairs("16014883", "0.44") == [(erlotinib, placebo)]


def test_a_ratio_after_an_arm_compared_with_the_other_is_the_first_arms():
    # PMID27458945: 'Time to intracranial failure was significantly shorter for SRS alone compared with SRS
    # plus WBRT (hazard ratio, 3.6; 95% CI, 2.2-5.9; P < .001).' (before: SRS plus WBRT against SRS alone)
    assert _pairs("27458945", "3.6") == [
        ("stereotactic radiosurgery", "stereotactic radiosurgery + whole brain radiotherapy")
    ]


def test_a_relative_reduction_stays_the_reducing_arms():
    # PMID11978336 (PLUS): 'In the CWU group, 39 (41%) patients had a futile thoracotomy, compared with 19 (21%)
    # in the CWU+PET group (relative reduction 51%, 95% CI 32-80%; p=0.003)': the reduction is CWU+PET's
    trial = trial_of("11978336")
    assert [c.arm for c in trial.comparisons if c.estimate == Decimal("51")] == [
        next(a.label for a in trial.arms if len(a.drug_names) == 2)
    ]


def test_a_difference_in_the_second_arms_bracket_after_there_was_less():
    # PMID27458945: 'There was less cognitive deterioration at 3 months after SRS alone (40/63 patients [63.5%])
    # than when combined with WBRT (44/48 patients [91.7%]; difference, -28.2%; 90% CI, -41.9% to -14.4%;
    # P < .001).' (before: the difference unread, its endpoint not found past the first arm's bracket)
    trial = trial_of("27458945")
    (difference,) = [c for c in trial.comparisons if c.estimate == Decimal("-28.2")]
    assert (
        difference.arm,
        difference.comparator,
        difference.endpoint,
        difference.statistic,
        difference.ci_level,
        difference.ci_lower,
        difference.ci_upper,
        difference.p_value,
    ) == (
        "stereotactic radiosurgery",
        "stereotactic radiosurgery + whole brain radiotherapy",
        "cognitive deterioration",
        "difference",
        Decimal("90"),
        Decimal("-41.9"),
        Decimal("-14.4"),
        Decimal("0.001"),
    )


def test_a_difference_is_of_the_arm_whose_figure_it_subtracts_from():
    # PMID27458945: 'There was no significant difference in functional independence at 3 months between the
    # treatment groups (mean change from baseline, -1.5 points for SRS alone vs -4.2 points for SRS plus WBRT;
    # mean difference, 2.7 points; 95% CI, -2.0 to 7.4 points; P = .26).': 2.7 = -1.5 - (-4.2), SRS alone's
    # (before: the means unread, the difference SRS plus WBRT's, the design's experimental arm)
    trial = trial_of("27458945")
    means = [
        (r.arm, r.estimate, r.unit, r.timepoint)
        for r in trial.arm_results
        if r.endpoint == "functional independence"
    ]
    assert sorted(means) == [
        ("stereotactic radiosurgery", Decimal("-1.5"), "points", "3 months"),
        ("stereotactic radiosurgery + whole brain radiotherapy", Decimal("-4.2"), "points", "3 months"),
    ]
    assert _pairs("27458945", "2.7") == [
        ("stereotactic radiosurgery", "stereotactic radiosurgery + whole brain radiotherapy")
    ]


def test_a_subgroup_opening_the_sentence_is_no_endpoint_and_each_landmarks_difference_its_own_arms():
    # PMID27458945: 'For long-term survivors, the incidence of cognitive deterioration was less after SRS alone
    # at 3 months (5/11 [45.5%] vs 16/17 [94.1%]; difference, -48.7%; ...) and at 12 months (6/10 [60%] vs
    # 17/18 [94.4%]; difference, -34.4%; 95% CI, -74.4% to 5.5%; P = .04).' (before: 'overall survival', the
    # sentence before's endpoint, and -34.4% SRS plus WBRT's)
    trial = trial_of("27458945")
    rows = [
        (c.endpoint, c.subgroup, c.arm)
        for c in trial.comparisons
        if c.estimate in (Decimal("-48.7"), Decimal("-34.4"))
    ]
    assert (
        rows
        == [("cognitive deterioration incidence", "long-term survivors", "stereotactic radiosurgery")] * 2
    )
