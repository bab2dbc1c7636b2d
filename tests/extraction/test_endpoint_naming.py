"""How a result's endpoint is named when the sentence names it in a less usual way: by what
the patients were ('were continuously abstinent'), by what an arm was associated with, by a
spelling slip of a known name, or with a time that is part of the measure.

Sentences quoted from ../shared/data (pool pages copied to tests/fixtures/pool, PMID beside
them); where the shared data holds no instance of a class, the test says so and builds its
sentence from the shared data's wording.
"""

from __future__ import annotations

from decimal import Decimal

from pool_pages import trial_of
from shared_quotes import CALGB_30102, DENOSUMAB

from kg.extraction.endpoint_mentions import endpoint_mentions
from kg.extraction.endpoint_objects import object_phrase
from kg.extraction.endpoint_phrases import endpoint_phrase


def rows(trial, endpoint: str) -> list[tuple]:
    return sorted(
        (r.arm, r.statistic, r.estimate, r.unit, r.timepoint)
        for r in trial.arm_results
        if r.endpoint == endpoint
    )


def test_not_having_progressed_is_progression_free():
    # PMID16740598: 'The probability of not having progressed by 1 year was 13%' (read as
    # overall survival, the endpoint named next, before)
    assert rows(trial_of("16740598"), "progression-free survival") == [
        ("nab-paclitaxel", "rate", Decimal("13"), "percent", "12 months")
    ]


def test_what_an_arm_was_associated_with_is_the_endpoint():
    # PMID19619789: 'thoracoscopic lobectomy was associated with a lower incidence of atrial
    # fibrillation (13% vs 21%, P = .01)' (no row before)
    trial = trial_of("19619789")
    assert rows(trial, "atrial fibrillation incidence") == [
        ("thoracoscopic lobectomy", "rate", Decimal("13"), "percent", None),
        ("thoracotomy", "rate", Decimal("21"), "percent", None),
    ]
    assert {c.p_value for c in trial.comparisons if c.endpoint == "atrial fibrillation incidence"} == {
        Decimal("0.01")
    }


def test_a_significant_increase_in_mortality_is_mortality():
    # PMID17551145: 'carboplatin-based chemotherapy was associated with a statistically significant
    # increase in mortality (HR = 1.11; 95% CI, 1.01 to 1.21)' (objective response rate before,
    # carried over from the sentence before)
    ratios = sorted(
        (c.estimate, c.ci_lower, c.ci_upper)
        for c in trial_of("17551145").comparisons
        if c.endpoint == "mortality" and c.statistic == "hazard_ratio"
    )
    assert ratios == [
        (Decimal("1.11"), Decimal("1.01"), Decimal("1.21")),
        (Decimal("1.12"), Decimal("1.01"), Decimal("1.23")),
    ]


def test_a_doubled_hyphen_still_names_disease_free_survival():
    # PMID8226142: 'a higher probability of survival and disease-free-survival'
    text = (
        "Patients with T1 tumors had a higher probability of survival and disease-free-survival than "
        "patients with larger tumors if the primary tumor was locally controlled"
    )
    assert [name for _p, name in endpoint_mentions(text, {})] == ["overall survival", "disease-free survival"]


# No shared page says a share of patients 'were continuously abstinent'; the sentence follows
# PMID25517706 ('At 1 month, continuous abstinence from smoking was reported for 40% of
# participants receiving cytisine (264 of 655) and 31% of participants receiving
# nicotine-replacement therapy (203 of 655)').
def test_the_state_a_share_of_patients_was_in_is_the_endpoint(read):
    r = read(
        "Cytisine versus nicotine for smoking cessation.",
        (
            "METHODS",
            "We randomly assigned adult daily smokers to receive cytisine or nicotine-replacement therapy.",
        ),
        (
            "RESULTS",
            "At 1 month, 40% of participants receiving cytisine were continuously abstinent from smoking, "
            "compared with 31% of participants receiving nicotine-replacement therapy (P<0.001).",
        ),
    )
    cytisine, other = (a.label for a in r.trial.arms)
    assert [(x.endpoint, x.arm, x.estimate) for x in r.trial.arm_results] == [
        ("continuous abstinence from smoking", cytisine, Decimal("40")),
        ("continuous abstinence from smoking", other, Decimal("31")),
    ]


# No shared page prints a measure's own window and the time it was read at in one name, nor a
# hyphenated '-reported' before an endpoint; the phrases follow PMID25517706's wording
# ('self-reported continuous abstinence at 1 month').
def test_a_window_before_the_noun_stays_when_a_time_after_it_says_when():
    assert endpoint_phrase("Biochemically verified 7-day point prevalence abstinence at 6 months was ") == (
        "biochemically verified 7-day point prevalence abstinence"
    )
    assert endpoint_phrase("the 2-year survival rate was ") == "survival rate"


def test_a_hyphenated_participle_is_no_verb():
    assert endpoint_phrase("Cytisine resulted in higher self-reported continuous abstinence at 1 month ") == (
        "self-reported continuous abstinence"
    )


def test_time_to_written_as_one_compound_is_time_to_progression():
    # PMID16638863: 'time-to-progression' with hyphens names the lexicon's time to progression
    text = (
        "In multivariate analysis of time-to-progression in EGFR nonmutants, K-ras mutation or p-Akt "
        "overexpression was associated with shorter time-to-progression"
    )
    assert [name for _p, name in endpoint_mentions(text, {})] == ["time to progression"] * 2


def test_patients_who_achieved_disease_control_count_toward_its_rate():
    # PMID23835708: 'In total, 376 patients received induction treatment, 71.9% achieved disease control'
    assert object_phrase(" achieved disease control") == "disease control rate"


def test_a_leading_time_the_figures_cover_is_no_part_of_the_name():
    # PMID9250182: 'During the first 3 months, severe dysphagia occurred more often in the CHART
    # group than in the group on conventional radiotherapy (19 vs 3%).' (before: 'during the
    # first , severe dysphagia')
    before = (
        "During the first 3 months, severe dysphagia occurred more often in the CHART group than in the "
        "group on conventional radiotherapy ("
    )
    assert endpoint_phrase(before) == "severe dysphagia"


# No shared page says what an arm was noninferior 'in delaying', nor defines its end point and
# then gives its figures in a 'which was' clause; the sentences follow PMID23154554's design
# (DENOSUMAB) and PMID25517706's wording of its primary outcome.
def test_what_an_arm_was_noninferior_in_delaying_is_the_endpoint(read):
    r = read(
        *DENOSUMAB,
        (
            "RESULTS",
            "Denosumab was noninferior to ZA in delaying time to first skeletal-related event (hazard ratio, "
            "0.84; 95% CI, 0.71 to 0.98; P = .0007).",
        ),
    )
    assert [(c.endpoint, c.estimate, c.ci_lower, c.ci_upper) for c in r.trial.comparisons] == [
        ("time to first skeletal-related event", Decimal("0.84"), Decimal("0.71"), Decimal("0.98"))
    ]


def test_an_end_point_defined_before_its_figures_is_named_by_its_definition():
    before = (
        "The primary outcome was the self-reported continuous abstinence rate at 1 month, which was 40% "
        "(cytisine) vs. 31% (nicotine-replacement therapy; "
    )
    assert endpoint_phrase(before) == "self-reported continuous abstinence rate"


def test_survival_in_a_named_state_at_a_number_of_days(read):
    # PMID22878823 (pool): 'Patients who underwent TCD had better survival with effusion control at 30 days compared
    # with those who underwent TP (82% vs. 52%, respectively; P = .024).' (before: overall survival, no landmark)
    r = read(
        *CALGB_30102,
        (
            "",
            "Patients who underwent TCD had better survival with effusion control at 30 days compared with those "
            "who underwent TP (82% vs. 52%, respectively; P = .024).",
        ),
    )
    rates = {(x.endpoint, x.arm, str(x.estimate), x.timepoint) for x in r.trial.arm_results}
    assert rates == {
        ("survival with effusion control", "tunneled catheter drainage", "82", "30 days"),
        ("survival with effusion control", "bedside talc pleurodesis", "52", "30 days"),
    }


def test_a_pair_of_names_sharing_their_head_noun_names_two_endpoints():
    # PMID19433684: 'Median progression-free and overall survival rates were 7.8 months (95% CI, 5.2 to
    # 11.5 months) and 14.1 months (95% CI, 10.8 to 19.6 months), respectively.'
    # PMID19167118: 'Their median overall and progression-free survival times were 23.5 (range,
    # 4.2-109.7) and 9.0 months (2.2-109.7), respectively.' (before: the figure each sentence gave
    # first was the other endpoint's)
    assert endpoint_mentions("Median progression-free and overall survival rates were", {}) == [
        (7, "progression-free survival"),
        (28, "overall survival"),
    ]
    medians = {(r.endpoint, r.estimate) for r in trial_of("19433684").arm_results if "survival" in r.endpoint}
    assert medians == {("progression-free survival", Decimal("7.8")), ("overall survival", Decimal("14.1"))}
    medians = {(r.endpoint, r.estimate) for r in trial_of("19167118").arm_results if r.statistic == "median"}
    assert ("overall survival", Decimal("23.5")) in medians
    assert ("progression-free survival", Decimal("9.0")) in medians
    assert ("progression-free survival", Decimal("23.5")) not in medians


def test_a_definition_after_the_name_and_a_threshold_in_it_are_no_figures_of_the_result():
    # PMC5019463 (benchmarks/pmc/blind-d): 'Appointment adherence, defined as attendance of ≥1 follow-up
    # visit, was 69.8% (n=37/53) for G1, 82.5% (n=47/57) for G2, and 73.3% (n=33/45) for G3, (P=0.28).'
    # (before: no result; the '≥1' of the definition made the name hold a figure)
    trial = trial_of("PMC5019463")
    short = {a.label: a.aliases[-1] for a in trial.arms}  # 'Group 1 (G1) received ...'
    found = [
        (short[r.arm], r.estimate, r.unit) for r in trial.arm_results if r.endpoint == "appointment adherence"
    ]
    assert found == [
        ("G1", Decimal("69.8"), "percent"),
        ("G2", Decimal("82.5"), "percent"),
        ("G3", Decimal("73.3"), "percent"),
    ]
    assert [c.p_value for c in trial.comparisons if c.endpoint == "appointment adherence"] == [
        Decimal("0.28")
    ]


def test_a_threshold_is_part_of_the_name_it_qualifies():
    # PMC1177952 (benchmarks/pmc/dev): 'A LVEF ≤ 30% was observed in 18% in the controls and in 12% of the
    # GIK group (P = 0.01).' (before: no result, the name holding a figure); 'of the GIK group', a group
    # the finder knows no arm by, set against the controls, is the other arm
    trial = trial_of("PMC1177952")
    assert [(c.endpoint, c.p_value) for c in trial.comparisons if "≤" in c.endpoint] == [
        ("lvef ≤ 30%", Decimal("0.01"))
    ]
    assert rows(trial, "lvef ≤ 30%") == [
        ("gik infusion", "rate", Decimal("12"), "percent", None),
        ("no infusion", "rate", Decimal("18"), "percent", None),
    ]


def test_what_shares_of_patients_exhibited_after_their_figures_is_the_endpoint():
    # PMC1174954 (benchmarks/pmc/dev): 'Eight percent (n = 7) of patients receiving placebo and 4% (n = 4) of
    # patients receiving 5 mg risedronate exhibited detectable progression of disease (joint-space width ≥
    # 25% or ≥ 0.75 mm) versus 1% (n = 1) of patients receiving 15 mg risedronate (P = 0.067).' (before:
    # 'exhibited' was not read as 'had' is, and no figure had an endpoint)
    trial = trial_of("PMC1174954")
    doses = {a.label: a.interventions[0].dose for a in trial.arms}
    found = [
        (doses[r.arm], r.estimate)
        for r in trial.arm_results
        if r.endpoint == "detectable progression of disease"
    ]
    assert found == [(None, Decimal("8")), (Decimal("5"), Decimal("4")), (Decimal("15"), Decimal("1"))]


def test_how_a_result_was_measured_or_analysed_is_no_name_of_it():
    # PMC2744923 (benchmarks/pmc/blind-f): 'Very high adherence was reported using the questionnaire, 100%
    # for AL treated patients and 99.2% for the CPD group.' (before: 'using the questionnaire')
    named = {
        r.endpoint
        for r in trial_of("PMC2744923").arm_results
        if r.estimate in (Decimal("100"), Decimal("99.2"))
    }
    assert named == {"very high adherence"}
    # PMC5019463 (benchmarks/pmc/blind-d): 'Sub-analysis of adherence rates for patients who attended ≥2
    # follow-up visits were 91.3% (n=21/23) for G1, ...' (before: 'sub-analysis of adherence rates')
    rates = [r.estimate for r in trial_of("PMC5019463").arm_results if r.endpoint == "adherence rates"]
    assert rates == [Decimal("91.3"), Decimal("74.3"), Decimal("66.7")]
