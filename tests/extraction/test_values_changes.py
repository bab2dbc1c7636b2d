"""kg.extraction.values: an arm's change printed as a percent of where it started.

Each test quotes a real abstract of the PMC sets (``benchmarks/pmc``; its id beside it) and reads
it through ``extract_trial`` or the page itself.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kg.extraction.spread_values import spread_values
from kg.sources import read_document

POOL = Path(__file__).parents[1] / "fixtures" / "pool"

# PMC3136370
SOY_DESIGN = (
    "Fifty patients seen at a fibromyalgia outpatient treatment program were randomly assigned to a daily soy "
    "or placebo (casein) shake."
)
SOY_OUTCOMES = (
    "Outcome measures were scores of the Fibromyalgia Impact Questionnaire (FIQ) and the Center for "
    "Epidemiologic Studies Depression Scale (CES-D) at baseline and after 6 weeks of intervention."
)
SOY_FIQ = (
    "Use of standard statistics with intent-to-treat analysis showed that total FIQ scores decreased by 14% in "
    "the soy group (P = .02) and by 18% in the placebo group (P < .001)."
)
SOY_CESD = (
    "With the same analysis, CES-D scores decreased in the soy group by 16% (P = .004) and in the placebo group "
    "by 15% (P = .05)."
)


def _changes(reading) -> list[tuple]:
    return [(reading.drugs(r.arm), r.statistic, r.estimate) for r in reading.trial.arm_results]


def test_a_second_by_of_the_same_verb_is_the_same_change(read):
    # before: 'by 18%', far from 'decreased', was read as a rate of 18% of the placebo group
    reading = read("", ("METHODS", f"{SOY_DESIGN} {SOY_OUTCOMES}"), ("RESULTS", SOY_FIQ))
    assert _changes(reading) == [
        (frozenset({"soy shake"}), "relative_reduction", Decimal("14")),
        (frozenset({"placebo"}), "relative_reduction", Decimal("18")),
    ]


def test_a_by_after_the_arm_is_the_change_its_verb_names(read):
    # before: both read as rates ('decreased in the soy group by 16%': the arm parts verb and 'by')
    reading = read("", ("METHODS", f"{SOY_DESIGN} {SOY_OUTCOMES}"), ("RESULTS", SOY_CESD))
    assert [(c[1], c[2]) for c in _changes(reading)] == [
        ("relative_reduction", Decimal("16")),
        ("relative_reduction", Decimal("15")),
    ]


def test_the_next_arms_figures_of_a_change_listed_arm_by_arm_are_changes():
    # PMC2721929: 'Mean frequency and nocturia significantly decreased in all treatment groups, declining 25.9%
    # and 56.1%, respectively, in the BT group; 30.2% and 65.4%, respectively, in the To group; and 33.5% and
    # 66.3%, respectively in the Co group' (before: the To group's two figures were rates)
    trial = read_document(POOL / "PMC2721929.txt").trial
    drugs = {a.label: tuple(a.drug_names) for a in trial.arms}
    tolterodine = [
        (r.statistic, r.estimate) for r in trial.arm_results if drugs[r.arm] == ("tolterodine",) and r.unit
    ]
    assert ("relative_reduction", Decimal("30.2")) in tolterodine
    assert ("relative_reduction", Decimal("65.4")) in tolterodine
    assert not [r for r in trial.arm_results if r.statistic == "rate"]


# PMC3150311
FASTING_TITLE = "Comparison of effects of diet versus exercise weight loss regimens on LDL and HDL particle size in obese adults"
FASTING_OBJECTIVE = (
    "This study compared the effects of alternate day fasting (ADF), calorie restriction (CR), and endurance "
    "exercise on LDL and HDL particle size in overweight and obese subjects."
)
FASTING_DESIGN = (
    "In a 12-week parallel-arm trial, adult subjects (n = 60) were randomized to 1 of 4 groups: 1) ADF (75% energy "
    "restriction for 24-h alternated with ad libitum feeding for 24-h), 2) CR (25% energy restriction every day), "
    "3) exercise (moderate intensity training 3 x/week), or 4) control."
)
FASTING_RESULTS = (
    "Body weight was reduced (P < 0.001) by ADF, CR, and exercise (5.2 ± 1.1%, 5.0 ± 1.4%, 5.1 ± 0.9%, "
    "respectively). Plasma LDL cholesterol decreased (P < 0.05) with ADF (10 ± 4%) and CR (8 ± 4%), whereas HDL "
    "cholesterol increased (P < 0.05) with exercise (16 ± 5%)."
)


def _fasting(read):
    return read(
        FASTING_TITLE,
        ("OBJECTIVE", FASTING_OBJECTIVE),
        ("METHODS", FASTING_DESIGN),
        ("RESULTS", FASTING_RESULTS),
    )


def test_a_day_in_an_interventions_name_is_no_date(read):
    # before: 'alternate day fasting' was no arm ('day' counted as a date), so three arms for four groups
    assert [a.label for a in _fasting(read).trial.arms] == [
        "alternate day fasting",
        "calorie restriction",
        "exercise",
        "control",
    ]


def test_a_percent_with_its_spread_after_a_verb_of_change_is_the_change(read):
    # before: each read as a rate ('5.2 ± 1.1%' of the arm's patients)
    reading = _fasting(read)
    assert [(r.arm, r.statistic, r.estimate) for r in reading.trial.arm_results] == [
        ("alternate day fasting", "relative_reduction", Decimal("5.2")),
        ("calorie restriction", "relative_reduction", Decimal("5.0")),
        ("exercise", "relative_reduction", Decimal("5.1")),
        ("alternate day fasting", "relative_reduction", Decimal("10")),
        ("calorie restriction", "relative_reduction", Decimal("8")),
        ("exercise", "relative_change", Decimal("16")),
    ]


def test_a_percent_after_from_or_to_is_the_level_not_the_change():
    # PMC2212351: the levels an HbA1c went from and to, not changes
    text = "In group M, HbA1c levels decreased significantly from 8.2 ± 1.2% to 7.4 ± 0.8% after 12 months (p<0.05)"
    percents = [(i.raw, i.statistic) for i in spread_values(text, text, []) if i.unit == "percent"]
    assert percents == [("8.2", "rate"), ("7.4", "rate")]
