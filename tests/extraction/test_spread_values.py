"""kg.extraction.spread_values and values: changes printed below zero, in percent, with or without a
'±' spread, and a list's unit printed once at its end. Pages of jayded/evidence-inference copied to
tests/fixtures/pool (rows in its SOURCES.tsv); every sentence is quoted from the page named beside it."""

from __future__ import annotations

from decimal import Decimal

from pool_pages import trial_of

from kg.extraction.spread_values import spread_values
from kg.extraction.text import sentences


def _results(pmcid: str, endpoint: str) -> list[tuple[str, str, Decimal, str | None]]:
    return [
        (r.arm, r.statistic, r.estimate, r.unit)
        for r in trial_of(pmcid).arm_results
        if r.endpoint == endpoint
    ]


def test_a_change_in_percent_restated_in_another_unit_and_a_lists_last_unit():
    # PMC5008205: 'Changes in HbA1c at 104 weeks were (least squares mean ± standard error) −0.99 ± 0.06%
    # (−10.82 ± 0.66 mmol/mol), −0.71 ± 0.07% (−7.76 ± 0.77 mmol/mol) and −0.32 ± 0.06% (−3.50 ± 0.66
    # mmol/mol) for dulaglutide 1.5 mg, dulaglutide 0.75 mg and sitagliptin, respectively' (before: only
    # -3.50 mmol/mol, given to the first arm); '... versus sitagliptin (2.88 ± 0.25, 2.39 ± 0.26 and 1.75 ±
    # 0.25 kg, respectively)' (before: 2.88 had no unit and each figure went to the wrong arm)
    arms = ["dulaglutide 1.5 mg", "dulaglutide 0.75 mg", "sitagliptin"]
    assert _results("PMC5008205", "change in hba1c") == [
        (arm, "mean", Decimal(v), "percent") for arm, v in zip(arms, ("-0.99", "-0.71", "-0.32"), strict=True)
    ]
    assert _results("PMC5008205", "weight loss") == [
        (arm, "mean", Decimal(v), "kg") for arm, v in zip(arms, ("2.88", "2.39", "1.75"), strict=True)
    ]


def test_percents_of_a_pair_one_below_zero_are_both_changes():
    # PMC2129145: '... or body fat (-0.2 ± 1.0, 0.4 ± 1.4%, p = 0.40)' (before: a share of 0.4% for the
    # placebo group, the forskolin group's -0.2 lost)
    assert _results("PMC2129145", "body fat") == [
        ("coleus forskohlii", "mean", Decimal("-0.2"), "percent"),
        ("placebo", "mean", Decimal("0.4"), "percent"),
    ]


def test_a_percent_below_zero_is_a_change_and_the_level_it_ended_at_no_figure():
    # PMC3781502: 'The least squares mean change was −0.79% (mean decrease 7.97 to 7.17%) for lixisenatide
    # versus −0.96% (mean decrease 7.96 to 7.01%) for exenatide' (before: shares of 7.17% and 7.01%)
    assert _results("PMC3781502", "least squares mean change") == [
        ("lixisenatide", "mean", Decimal("-0.79"), "percent"),
        ("exenatide", "mean", Decimal("-0.96"), "percent"),
    ]


def test_an_endpoint_printed_as_plural_changes_is_named_as_one_change():
    # PMC5008205: 'Changes in HbA1c at 104 weeks were ...' (before: 'changes in hba1c'; a reader, and the
    # answer sheet, names the measure 'change in HbA1c')
    assert {r.endpoint for r in trial_of("PMC5008205").arm_results} >= {"change in hba1c"}


def test_a_spread_in_brackets_that_the_bracket_or_the_sentence_calls_a_deviation():
    # benchmarks/pmc/arms/dev-36 PMC3604854 (before: neither figure read) and PMC3661239 (before: no spread)
    text = sentences(
        "RESULTS",
        "The mean preoperative refraction in LDMMC eyes was −3.08 (SD 1.65) sphere and 0.92 (SD 0.88) cylinder.",
    )[0].norm
    assert [(i.raw, i.statistic, i.spread) for i in spread_values(text, text, [])] == [
        ("-3.08", "mean", {"dispersion": "STANDARD_DEVIATION", "spread": Decimal("1.65")}),
        ("0.92", "mean", {"dispersion": "STANDARD_DEVIATION", "spread": Decimal("0.88")}),
    ]
    text = (
        "The mean (SD) difference in pre- and post-test scores of groups A and B was 15.98 (3.18) and 7.79 (2.52), "
        "respectively."
    )
    assert [(i.raw, i.spread["dispersion"], i.spread["spread"]) for i in spread_values(text, text, [])] == [
        ("15.98", "STANDARD_DEVIATION", Decimal("3.18")),
        ("7.79", "STANDARD_DEVIATION", Decimal("2.52")),
    ]


def test_a_spread_after_a_comma_under_each_arms_label_with_the_first_labels_unit():
    # PMC3376507: 'Intention-to-treat analysis showed that both intervention groups reduced their BMI compared
    # with the controls (basic: –0.72, SD 1.1 kg/m2, enhanced: –1.0, SD 1.4, control: 0.15, SD 0.82; P < .001)
    # and lost significant weight (basic: –2.1, SD 3.3 kg, enhanced: –3.0, SD 4.1, control: 0.4, SD 2.3; P <
    # .001) with changes in waist circumference (basic: –2.0, SD 3.5 cm, enhanced: –3.2, SD 4.7, control: 0.5,
    # SD 3.0; P < .001) ...' (before: no figure read)
    basic, enhanced, control = (a.label for a in trial_of("PMC3376507").arms)
    assert _results("PMC3376507", "body mass index") == [
        (basic, "mean", Decimal("-0.72"), "kg/m2"),
        (enhanced, "mean", Decimal("-1.0"), "kg/m2"),
        (control, "mean", Decimal("0.15"), "kg/m2"),
    ]
    assert _results("PMC3376507", "weight loss") == [
        (basic, "mean", Decimal("-2.1"), "kg"),
        (enhanced, "mean", Decimal("-3.0"), "kg"),
        (control, "mean", Decimal("0.4"), "kg"),
    ]
    assert _results("PMC3376507", "change in waist circumference") == [
        (basic, "mean", Decimal("-2.0"), "cm"),
        (enhanced, "mean", Decimal("-3.2"), "cm"),
        (control, "mean", Decimal("0.5"), "cm"),
    ]
