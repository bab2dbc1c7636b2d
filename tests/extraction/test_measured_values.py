"""Per-arm results as trials outside oncology print them: a mean with its '±' spread in a unit
of measure ('249 ± 228 U/L in the GIK group'), figures in a unit of measure set against each
other ('4·3 mm vs 0·2 mm'), signed mean changes listed pair by pair ('for pain (-5.2 vs. -3.3,
p = 0.003), physical function (-13.4 vs. -6.9, ...)'), a share of the patients named by what
they achieved, pairs beside a group no arm is known by, rates after 'In both groups,' at a day
landmark, and a dotted 'C.I.' level or a trial's minimum clinically significant difference taken
for no result. Pages copied to tests/fixtures/pool
(PMC pages from jayded/evidence-inference, PMID pages from ../shared/data/pool)."""

from __future__ import annotations

from decimal import Decimal

from pool_pages import trial_of

from kg.extraction.armrefs import ArmFinder
from kg.extraction.assignment import assign
from kg.extraction.values import items
from kg.model import Trial

d = Decimal


def figures(trial: Trial, sentence: str) -> list[tuple]:
    """(endpoint, statistic, estimate, unit, spread) of the per-arm figures of the sentence that
    starts with ``sentence``, in print order."""
    rows = [r for r in trial.arm_results if r.evidence and r.evidence.sentence.startswith(sentence)]
    rows.sort(key=lambda r: r.evidence.start)
    return [(r.endpoint, r.statistic, r.estimate, r.unit, r.spread) for r in rows]


def test_the_figure_before_a_plus_minus_is_the_mean_and_the_one_after_its_spread():
    # PMC1177952: 'The mean LVEF was 43.7 ± 11.0 % in the GIK group and 42.4 ± 11.7% in the
    # control group (P = 0.12).' The SDs were read as rates of one arm
    trial = trial_of("PMC1177952")
    assert figures(trial, "The mean LVEF") == [
        ("left ventricular ejection fraction", "mean", d("43.7"), "percent", d("11.0")),
        ("left ventricular ejection fraction", "mean", d("42.4"), "percent", d("11.7")),
    ]
    # '... the peak CK-MB level was 249 ± 228 U/L in the GIK group and 240 ± 200 U/L in the
    # control group (NS)': a level in the unit printed, a mean though no word says so
    assert figures(trial, "There were no differences") == [
        ("peak ck-mb level", "mean", d("249"), "U/L", d("228")),
        ("peak ck-mb level", "mean", d("240"), "U/L", d("200")),
    ]
    # 'in the GIK group', a group the finder knows no arm by, set against 'the control group': the
    # other arm's figure, not a second one of the control arm
    roles = {a.label: a.role for a in trial.arms}
    # (and 'in 18% in the controls and in 12% of the GIK group': test_endpoint_naming)
    assert [roles[r.arm] for r in trial.arm_results] == ["experimental", "comparator"] * 2 + [
        "comparator",
        "experimental",
    ]


def test_a_lone_mean_with_its_spread_in_millimetres():
    # PMID21963329: 'The mean short axis of the lymph node biopsied by EBUS-TBNA was 6.9 ± 2.9 mm.'
    trial = trial_of("21963329")
    [(endpoint, *rest)] = figures(trial, "The mean short axis")
    assert rest == ["mean", d("6.9"), "mm", d("2.9")]


def test_a_percent_with_a_spread_and_no_mean_before_it_is_a_rate():
    # PMID17670176 (../shared/data/pool): 'the 5-year survival rate was found to be 67+/-10%'
    text = "With a mean follow-up of 65 months, the 5-year survival rate was found to be 67+/-10%"
    [item] = [i for i in items(text) if i.unit == "percent"]
    assert (item.raw, item.statistic, item.spread["spread"]) == ("67", "rate", d("10"))


def test_figures_in_one_unit_of_measure_set_against_each_other_are_the_arms():
    # PMID22336221: 'a greater increase in loss of appetite in the pemetrexed group than in the
    # placebo group (4·3 mm vs 0·2 mm; p=0·028)'
    trial = trial_of("22336221")
    got = [
        (r.arm, r.estimate, r.unit, r.statistic)
        for r in trial.arm_results
        if r.evidence and r.evidence.sentence.startswith("Additional longitudinal analyses")
    ]
    assert got == [
        ("pemetrexed", d("4.3"), "mm", "mean"),
        ("placebo + best supportive care", d("0.2"), "mm", "mean"),
    ]


def test_figures_with_bracketed_arm_labels_and_one_unit_printed_last():
    # PMC111193: 'The total loss was 1306 mL (ANH) vs. 1026 mL (non-ANH), p < 0.05.', 'The amount
    # of blood transfusion was identical 386 ml (ANH) vs. 343 ml (non-ANH) (ns).'
    got = [
        (i.raw, i.unit, i.statistic)
        for i in items("The total loss was 1306 mL (ANH) vs. 1026 mL (non-ANH), p")
    ]
    assert got == [("1306", "mL", "mean"), ("1026", "mL", "mean")]
    # a dose alone is no result: 'received 500 mL of saline'
    assert items("Patients received 500 mL of saline.") == []


def test_signed_mean_changes_listed_pair_by_pair():
    # PMC1201146
    text = (
        "The topical diclofenac group had a significantly greater mean change in score (final minus "
        "baseline) compared to the vehicle control group for pain (-5.2 vs. -3.3, p = 0.003), physical "
        "function (-13.4 vs. -6.9, p = 0.001), PGA (-1.3 vs. -0.7, p = 0.0001) and stiffness (-1.8 vs. "
        "-0.9, p = 0.002)."
    )
    got = [(i.raw, i.unit, i.statistic) for i in items(text)]
    assert got == [
        (raw, "points", "mean") for raw in ("-5.2", "-3.3", "-13.4", "-6.9", "-1.3", "-0.7", "-1.8", "-0.9")
    ]


def test_a_share_of_patients_is_named_by_what_they_achieved():
    # PMC115849: 'The percentage of patients who achieved ACR20 responder criteria response was 41%
    # in the placebo group, 59% in the etoricoxib group, and 58% in the naproxen group.'
    trial = trial_of("PMC115849")
    got = [(r.arm, r.endpoint, r.estimate) for r in trial.arm_results]
    name = "acr20 responder criteria response"
    assert got == [("placebo", name, d("41")), ("etoricoxib", name, d("59")), ("naproxen", name, d("58"))]


def test_pairs_beside_a_group_no_arm_is_known_by_take_no_arm():
    # PMID28034064: IMRT and 3D-CRT are techniques within both arms of RTOG 0617, not its arms
    trial = trial_of("28034064")
    text = (
        "The IMRT group had larger planning treatment volumes (median, 427 v 486 mL; P = .005); a larger "
        "planning treatment volume/volume of lung ratio (median, 0.13 v 0.15; P = .013); and more stage "
        "IIIB disease (30.3% v 38.6%, P = .056)."
    )
    found = items(text)
    spans = [(i.start, i.end) for i in found]
    keys = [("x", i.unit, i.statistic) for i in found]
    arms, _times = assign(ArmFinder(trial.arms), text, spans, keys, [None] * len(found), list(trial.arms))
    assert [i.raw for i in found] == ["427", "486", "30.3", "38.6"]
    assert arms == [None, None, None, None]


def test_the_kind_of_spread_between_a_mean_and_its_plus_minus_and_thousands():
    # PMC1414018: 'The GDT group received more intravenous colloid (1,907 SD ± 878 ml versus 1,204 SD
    # ± 898 ml; p < 0.0001)', '(0.7 SD ± 0.9 per patient versus 1.5 SD ± 1.5 per patient; p =
    # 0.002)'; 'GDT', defined for 'goal-directed therapy', names the arm of 'post-operative
    # goal-directed therapy'
    trial = trial_of("PMC1414018")
    gdt, usual = "post-operative goal-directed therapy", "conventional management"
    got = [
        (r.arm, r.endpoint, r.estimate, r.unit, r.spread, r.dispersion)
        for r in trial.arm_results
        if r.statistic == "mean"
    ]
    sd = "STANDARD_DEVIATION"
    assert got == [
        (gdt, "intravenous colloid", d("1907"), "ml", d("878"), sd),
        (usual, "intravenous colloid", d("1204"), "ml", d("898"), sd),
        (gdt, "complications per patient", d("0.7"), None, d("0.9"), sd),
        (usual, "complications per patient", d("1.5"), None, d("1.5"), sd),
    ]
    # 'The median duration of hospital stay in the GDT group was significantly reduced (11 days ...
    # versus 14 days ...)': the group is no part of the endpoint's name
    assert {(r.arm, r.endpoint, r.estimate) for r in trial.arm_results if r.statistic == "median"} == {
        (gdt, "duration of hospital stay", d("11")),
        (usual, "duration of hospital stay", d("14")),
    }
    # '... and dopexamine (55 patients (89%) versus 1 patient (2%); p < 0.0001)': after 'The GDT group'
    assert [(r.arm, r.estimate) for r in trial.arm_results if r.endpoint == "dopexamine"] == [
        (gdt, d("89")),
        (usual, d("2")),
    ]


def test_rates_after_an_opening_in_both_groups_at_a_day_landmark():
    # PMC1261533: 'In both groups, the PCR adjusted cure rates by day 42 were high: 98.8% (95% CI
    # 96.4, 99.6%) for artemether-lumefantrine and 96.3% (95% CI 93.1, 98.0%) for artesunate-mefloquine.'
    trial = trial_of("PMC1261533")
    got = [(r.endpoint, r.estimate, r.ci_lower, r.ci_upper, r.timepoint) for r in trial.arm_results]
    name = "pcr adjusted cure rates"
    assert got == [
        (name, d("98.8"), d("96.4"), d("99.6"), "42 days"),
        (name, d("96.3"), d("93.1"), d("98.0"), "42 days"),
    ]


def test_a_dotted_ci_level_and_a_minimum_clinically_significant_difference_are_no_results():
    # PMC1208905: '(differences between means of 0.34, 95% C.I. -0.33, 1.02 and 0.56, 95% C.I.
    # -0.39, 1.51). The 95% confidence interval excludes the prespecified minimum clinically
    # significant difference of a 20% greater improvement in dyspnea ...': neither the level nor the
    # difference the trial was designed to detect is a result
    trial = trial_of("PMC1208905")
    assert [r.estimate for r in trial.arm_results if r.estimate == d("95")] == []
    assert [c.estimate for c in trial.comparisons if c.estimate == d("20")] == []


def test_each_arms_costs_printed_with_the_currency_sign_first():
    # PMC3515338: 'Mean total costs were €4795 in the PST group and €6857 in the UC group.'
    costs = [(r.arm, r.estimate, r.statistic, r.unit) for r in trial_of("PMC3515338").arm_results]
    assert costs == [
        ("problem-solving treatment", Decimal("4795"), "mean", "euro"),
        ("usual care", Decimal("6857"), "mean", "euro"),
    ]


def test_a_difference_in_costs_with_its_interval_in_money():
    # PMC3046916: 'Overall total per patient costs (including intervention costs) were significantly higher in
    # the CBT group compared with the TAU group at 10 month follow up (difference £427, 95% CI: £56 - £787,
    # p < 0.001).'
    (difference,) = [c for c in trial_of("PMC3046916").comparisons if c.estimate == Decimal("427")]
    assert (difference.statistic, difference.unit, difference.ci_lower, difference.ci_upper) == (
        "difference",
        "pound",
        Decimal("56"),
        Decimal("787"),
    )
