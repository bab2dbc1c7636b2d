"""kg.extraction.endpoint_phrases (with outcomes): endpoints the lexicon does not know, named
by the words the sentence reports on.

Sentences quoted from ../shared/data/abstracts (PMID beside them), read through
``extract_trial``.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from shared_quotes import NLST

from kg.extraction.endpoint_phrases import _BRACKET_ITEM, endpoint_phrase
from kg.extraction.lexicon import canonical_endpoint
from kg.sources import read_document
from tests.extraction.pool_pages import trial_of

PALLIATIVE = (
    "Early palliative care for patients with metastatic non-small-cell lung cancer.",
    (
        "METHODS",
        "We randomly assigned patients with newly diagnosed metastatic non-small-cell lung cancer to receive "
        "either early palliative care integrated with standard oncologic care or standard oncologic care "
        "alone.",
    ),
)
BOTH, ALONE = {"early palliative care", "standard oncologic care"}, {"standard oncologic care"}


def rates(r) -> list[tuple]:
    return [(x.endpoint, x.statistic, r.drugs(x.arm), x.estimate, x.unit) for x in r.trial.arm_results]


def test_the_noun_phrase_after_the_arms_is_the_endpoint(read):
    # PMID20818875: 'fewer patients in A than in B had depressive symptoms (16% vs. 38%, P=0.01)'
    r = read(
        *PALLIATIVE,
        (
            "RESULTS",
            "In addition, fewer patients in the palliative care group than in the standard care group had "
            "depressive symptoms (16% vs. 38%, P=0.01).",
        ),
    )
    assert rates(r) == [
        ("depressive symptoms", "rate", BOTH, Decimal("16"), "percent"),
        ("depressive symptoms", "rate", ALONE, Decimal("38"), "percent"),
    ]
    (test,) = r.trial.comparisons
    assert (test.endpoint, test.statistic, test.p_value) == (
        "depressive symptoms",
        "p_value",
        Decimal("0.01"),
    )


def test_each_clause_keeps_its_own_endpoint(read):
    # PMID20818875: two clauses, two endpoints, two p-values
    r = read(
        *PALLIATIVE,
        (
            "RESULTS",
            "Despite the fact that fewer patients in the early palliative care group than in the standard care "
            "group received aggressive end-of-life care (33% vs. 54%, P=0.05), median survival was longer "
            "among patients receiving early palliative care (11.6 months vs. 8.9 months, P=0.02).",
        ),
    )
    assert rates(r) == [
        ("aggressive end-of-life care", "rate", BOTH, Decimal("33"), "percent"),
        ("aggressive end-of-life care", "rate", ALONE, Decimal("54"), "percent"),
        ("overall survival", "median", BOTH, Decimal("11.6"), "month"),
        ("overall survival", "median", ALONE, Decimal("8.9"), "month"),
    ]
    assert [(c.endpoint, c.p_value) for c in r.trial.comparisons] == [
        ("aggressive end-of-life care", Decimal("0.05")),
        ("overall survival", Decimal("0.02")),
    ]


def test_the_rate_of_something_names_the_something(read):
    # PMID21714641: 'The rate of positive screening tests was 24.2% with low-dose CT and 6.9% with
    # radiography'
    r = read(
        *NLST,
        (
            "RESULTS",
            "The rate of positive screening tests was 24.2% with low-dose CT and 6.9% with radiography over all "
            "three rounds.",
        ),
    )
    got = rates(r)
    assert [row[1:] for row in got] == [
        ("rate", {"low-dose computed tomography"}, Decimal("24.2"), "percent"),
        ("rate", {"single-view posteroanterior chest radiography"}, Decimal("6.9"), "percent"),
    ]
    assert {row[0] for row in got} <= {"positive screening tests", "positive screening test"}
    assert len({row[0] for row in got}) == 1


def test_an_endpoint_named_after_its_figures(read):
    # PMID27745820
    r = read(
        "Carboplatin and pemetrexed with or without pembrolizumab for advanced, non-squamous non-small-cell "
        "lung cancer: a randomised, phase 2 cohort of the open-label KEYNOTE-021 study.",
        (
            "METHODS",
            "Patients with chemotherapy-naive, stage IIIB or IV, non-squamous NSCLC without targetable EGFR or "
            "ALK genetic aberrations were randomly assigned (1:1) in blocks of four stratified by PD-L1 tumour "
            "proportion score (<1% vs ≥1%) using an interactive voice-response system to 4 cycles of "
            "pembrolizumab 200 mg plus carboplatin area under curve 5 mg/mL per min and pemetrexed 500 mg/m2 "
            "every 3 weeks followed by pembrolizumab for 24 months and indefinite pemetrexed maintenance "
            "therapy or to 4 cycles of carboplatin and pemetrexed alone followed by indefinite pemetrexed "
            "maintenance therapy. The primary endpoint was the proportion of patients who achieved an "
            "objective response, defined as the percentage of patients with radiologically confirmed complete "
            "or partial response according to Response Evaluation Criteria in Solid Tumors version 1.1 "
            "assessed by masked, independent central review, in the intention-to-treat population, defined as "
            "all patients who were allocated to study treatment.",
        ),
        (
            "FINDINGS",
            "Between Nov 25, 2014, and Jan 25, 2016, 123 patients were enrolled; 60 were randomly assigned to "
            "the pembrolizumab plus chemotherapy group and 63 to the chemotherapy alone group. 33 (55%; 95% CI "
            "42-68) of 60 patients in the pembrolizumab plus chemotherapy group achieved an objective response "
            "compared with 18 (29%; 18-41) of 63 patients in the chemotherapy alone group (estimated treatment "
            "difference 26% [95% CI 9-42%]; p=0·0016).",
        ),
    )
    got = [
        (x.endpoint, x.statistic, r.drugs(x.arm), x.estimate, x.ci_lower, x.ci_upper, x.count, x.n_analysed)
        for x in r.trial.arm_results
    ]
    assert got == [
        (
            "objective response rate",
            "rate",
            {"pembrolizumab", "carboplatin", "pemetrexed"},
            Decimal("55"),
            Decimal("42"),
            Decimal("68"),
            33,
            60,
        ),
        (
            "objective response rate",
            "rate",
            {"carboplatin", "pemetrexed"},
            Decimal("29"),
            Decimal("18"),
            Decimal("41"),
            18,
            63,
        ),
    ]


@pytest.mark.parametrize(
    "before, expected",
    [
        # PMID22336221 (pool): the comparative ranks the arms; what was measured is the time
        ("Longer time to worsening was recorded for pain (", "time to worsening"),
        # PMID24662458 (pool)
        ("Cisplatin-treated patients were more likely to have more hospitalization (", "hospitalization"),
        # PMID28968167 (pool): 'the detriment' is the survival named before, not a new endpoint
        (
            "The detriment was statistically significant in patients with T790M mutation-positive plasma samples (",
            None,
        ),
        # PMID20351327 (pool): 'its effect' names nothing
        ("its effect was not different from that of sequential treatment on distant progression (", None),
        # PMID25150635 (pool): a model and an adjective, no endpoint
        ("Adjusted cox models showed similar overall (", None),
        # PMID11071672 (pool): a disease that recurred counts its recurrence (before: overall survival)
        (
            "Intrathoracic disease recurred within the radiation field in 30 of 234 patients (",
            "intrathoracic disease recurrence",
        ),
        # PMID14722033 (pool): a long subject loses the tail that says whose measure it is
        (
            "The physical domain of the Quality of Life for Cancer Patients Treated with Anticancer Drugs measure "
            "was significantly better in the DC arm than in the VdsC arm (",
            "physical domain of the quality of life",
        ),
        # PMID21963329 (pool): a list of endpoints is no one endpoint's name
        (
            "The sensitivity, negative predictive value, and diagnostic accuracy for mediastinal lymph node staging "
            "for EBUS-TBNA and mediastinoscopy were ",
            None,
        ),
        # PMID20800380 (pool): what there was an increase in (before: 'after pci there')
        (
            "However, at 12 months after PCI there was a significant increase in the occurrence of CNt in the "
            "36-Gy cohort (",
            "cnt",
        ),
        # PMID16740598 (pool): not having progressed is no progression, but freedom from it (None
        # before, and the figure took the overall survival named later)
        ("The probability of not having progressed by 1 year was ", "progression-free survival"),
        # PMID28968167 (pool): a clause that says a test was not significant names no endpoint
        (
            "The detriment was statistically significant in patients with T790M mutation-positive plasma samples "
            "(HR, 1.49; 95% CI, 1.02 to 2.21), whereas statistical significance was not reached in T790M "
            "mutation-negative patients (",
            None,
        ),
    ],
)
def test_words_that_name_no_endpoint(before, expected):
    assert endpoint_phrase(before) == expected


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        # PMID17551299 (pool): who was measured is no part of the name (before: 'radiation pneumonitis
        # rate in patients with ifi')
        (
            "The radiation pneumonitis rate in patients with IFI was lower than in patients with ENI (",
            "radiation pneumonitis rate",
        ),
        # PMID16500915 (pool): a hazard ratio of death is one of overall survival (before: no name)
        (
            "The hazard ratio of death among patients treated with radio-chemotherapy compared to radiotherapy "
            "alone was ",
            "overall survival",
        ),
    ],
)
def test_the_name_leaves_out_who_was_measured_and_the_ratio_of_an_event(before, expected):
    assert endpoint_phrase(before) == expected


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        # PMID20400121 (pool): the patients a clause opens on, with what they have (before: the
        # figures took 'overall survival', named in the sentence before)
        (
            "Among patients with clinical stage IA disease, 3-year local tumor control was ",
            "local tumor control",
        ),
        # PMC3144183 (blind-h): ... with what they did (before: no name, the sentence unread)
        ("Considering 198 patients who concluded follow-up, efficacy was ", "efficacy"),
    ],
)
def test_an_opening_on_patients_and_what_they_did_names_no_endpoint(before, expected):
    assert endpoint_phrase(before) == expected


def test_figures_after_an_opening_on_the_patients_who_completed_are_read():
    """PMC3144183: 'Considering 198 patients who concluded follow-up, efficacy was 56.6% for
    ivermectin and 52.2% for thiabendazole (p = 0.53).'"""
    got = {(x.endpoint, x.arm, x.estimate) for x in _page("PMC3144183").arm_results}
    assert {
        ("efficacy", "ivermectin", Decimal("56.6")),
        ("efficacy", "thiabendazole", Decimal("52.2")),
    } <= got


def _page(pmid: str):
    return read_document(Path(__file__).parents[1] / "fixtures" / "pool" / f"{pmid}.txt").trial


def _by_endpoint(trial, statistic: str = "rate") -> dict[str, list]:
    out: dict[str, list] = {}
    for x in trial.arm_results:
        if x.statistic == statistic:
            out.setdefault(x.endpoint, []).append(x.estimate)
    return out


def test_each_item_of_a_bracketed_list_names_its_own_endpoint():
    # PMID25422491: '... had more hospitalizations (2.4 v 1.7 hospitalizations, respectively; P < .001),
    # outpatient visits (...), infectious complications (47.3% v 39.4%, respectively; P = .0022), acute
    # kidney disease/dehydration (30.5% v 21.2%, ...), and mucositis/esophagitis (18.6% v 14.4%, ...)'
    # (before: every rate was called overall survival, or 'patients treated with ep')
    rates = _by_endpoint(_page("PMID25422491"))
    assert rates["infectious complications"] == [Decimal("47.3"), Decimal("39.4")]
    assert rates["acute kidney disease/dehydration"] == [Decimal("30.5"), Decimal("21.2")]
    assert rates["mucositis/esophagitis"] == [Decimal("18.6"), Decimal("14.4")]
    assert "overall survival" not in rates


def test_the_next_item_of_a_list_does_not_continue_the_one_before():
    # PMID19619789: '... fewer prolonged air leaks (13% vs 19%, P = .05), fewer transfusions (4% vs 13%,
    # P = .002), less pneumonia (5% vs 10%, P = .05), less renal failure (1.4% vs 5%, P = .02), shorter
    # chest tube duration (median of 3 vs 4 days, P < .0001), and shorter length of hospital stay (median
    # of 4 vs 5 days, P < .0001).' (before: every figure after the air leaks was theirs)
    trial = _page("PMID19619789")
    rates, medians = _by_endpoint(trial), _by_endpoint(trial, "median")
    assert rates["prolonged air leaks"] == [Decimal("13"), Decimal("19")]
    assert rates["transfusions"] == [Decimal("4"), Decimal("13")]
    assert rates["renal failure"] == [Decimal("1.4"), Decimal("5")]
    assert medians["chest tube duration"] == [Decimal("3"), Decimal("4")]
    assert medians["length of hospital stay"] == [Decimal("4"), Decimal("5")]


def test_an_item_named_with_a_number_still_starts_the_next_item_of_the_list():
    # PMID20172539: 'Patients undergoing video-assisted thoracoscopic lobectomy had less atelectasis requiring
    # bronchoscopy (0% vs 6.3%, P = .035), fewer chest tubes draining greater than 7 days (1.5% vs 10.8%;
    # P = .029), and shorter median length of stay (5 days vs 7 days; P < .001).' (before: the four rates
    # were one run of atelectasis, and none was read)
    rates = _by_endpoint(_page("PMID20172539"))
    assert rates["atelectasis requiring bronchoscopy"] == [Decimal("0"), Decimal("6.3")]
    assert not any(Decimal("1.5") in values for values in rates.values())


def test_an_elliptical_survival_item_and_an_adverb_before_a_list():
    # PMID14697440: 'Likewise, the 5-year local control (58% vs. 61%), disease-free (24% vs. 23%), and
    # distant metastasis-free (44% vs. 36%) survival rates in the two groups were not significantly
    # different.' (before: none of the six rates was read)
    rates = _by_endpoint(_page("PMID14697440"))
    assert rates["local control"] == [Decimal("58"), Decimal("61")]
    assert rates["disease-free survival"] == [Decimal("24"), Decimal("23")]
    assert rates["distant metastasis-free survival"] == [Decimal("44"), Decimal("36")]


def test_a_time_to_event_item_of_a_list_keeps_its_own_name():
    # PMID10623702: '... with regard to response rate (30.4% compared with 11.1%, respectively; P <.0001),
    # median time to progressive disease (5.6 months compared with 3.7 months, respectively; P =.0013),
    # and median survival (...)' (before: the medians were called objective response rate)
    medians = _by_endpoint(_page("PMID10623702"), "median")
    assert medians["time to progressive disease"] == [Decimal("5.6"), Decimal("3.7")]
    assert "objective response rate" not in medians


def test_overall_survival_keeps_its_name_in_a_list():
    # PMID22547605: 'In arm A, response rate (70% v 9%), PFS (14.1 v 2.6 months), and overall survival
    # (OS; 31.3 v 18.1 month) favored EGFR-mutant patients.'
    medians = _by_endpoint(_page("PMID22547605"), "median")
    assert Decimal("31.3") in medians["overall survival"]
    assert Decimal("31.3") not in medians.get("progression-free survival", [])


def test_what_a_finding_reports_not_the_analysis_that_found_it():
    # PMID22878823: 'Multivariate regression analysis revealed that patients treated with TCD had better
    # 30-day activity without dyspnea scores (8.7 vs. 5.9; P = .036), ...'; and 'similar in terms of age
    # (62 years), active chemotherapy (28%), ...' stays baseline
    trial = _page("PMID22878823")
    tests = [(c.endpoint, c.p_value) for c in trial.comparisons if c.statistic == "p_value"]
    assert ("activity without dyspnea scores", Decimal("0.036")) in tests
    assert not any("revealed" in e or "patients treated" in e for e, _p in tests)
    assert "active chemotherapy" not in _by_endpoint(trial)


def test_what_there_was_a_difference_in_is_the_endpoint():
    # PMID21135267: 'There were no significant differences in MMSE (P = .60) or ADLS (P = .88).
    # However, for HVLT, there was greater decline in immediate recall (P = .03) and delayed recall
    # (P = .008) in the PCI arm at 1 year.' (before: MMSE's test was lost and the recall test was
    # called the activities of daily living scale)
    tests = [(c.endpoint, c.p_value) for c in _page("PMID21135267").comparisons]
    assert ("mini-mental status examination", Decimal("0.60")) in tests
    assert ("decline in immediate recall", Decimal("0.03")) in tests
    assert ("decline in delayed recall", Decimal("0.008")) in tests


def test_the_next_item_of_a_list_joined_by_and_or_or_names_its_endpoint():
    # PMID23165743: 'There were no statistically significant treatment differences in terms of pain
    # relief (62% vs 70% ...; P = .59) or freedom from narcotic use (24% vs 27%, respectively; P = .76)
    # at 3 months.' (before: the second pair was named after the trial's painful vertebral bone
    # metastases); PMID25150635: 'similar overall (HR: 0.98; ...) and lung cancer-specific (HR: 0.99;
    # 95% CI: 0.84-1.17) survival' (before: unread)
    rates = _by_endpoint(_page("PMID23165743"))
    assert rates["freedom from narcotic use"] == [Decimal("24"), Decimal("27")]
    ratios = {
        c.endpoint: c.estimate for c in _page("PMID25150635").comparisons if c.statistic == "hazard_ratio"
    }
    assert ratios["lung cancer-specific survival"] == Decimal("0.99")


def test_a_subgroup_or_a_time_after_a_bracket_is_no_endpoint():
    # PMID21757247: '... with increasing UICC, T or N stage (p=0.006-0.025) and after neoadjuvant
    # chemotherapy (HR 0.48, 0.26-0.89, p=0.019)'; PMID18506025: 'Overall survival was statistically
    # superior for cisplatin/pemetrexed versus cisplatin/gemcitabine in patients with adenocarcinoma
    # (n = 847; 12.6 v 10.9 months, respectively) and large-cell carcinoma histology (n = 153; 10.4 v
    # 6.7 months, respectively).'
    assert all("neoadjuvant" not in c.endpoint for c in _page("PMID21757247").comparisons)
    page = Path(__file__).parents[1] / "fixtures" / "abstracts" / "PMID18506025.txt"
    medians = _by_endpoint(read_document(page).trial, "median")
    assert Decimal("10.4") in medians["overall survival"]
    assert not any("histology" in name for name in medians)


def test_a_state_patients_were_free_from_and_the_figure_set_against_it():
    # PMID19801201: '73% of patients in the SRS plus WBRT group were free from CNS recurrence at 1 year,
    # compared with 27% of patients who received SRS alone (p=0.0003).' (before: both rates and the
    # test were named 'srs alone', after the arm the second figure's patients received)
    rates = _by_endpoint(_page("PMID19801201"))
    assert rates["freedom from cns recurrence"] == [Decimal("73"), Decimal("27")]
    assert "srs alone" not in rates


def test_the_digits_of_a_measures_own_name_are_part_of_it():
    # PMID25841625 (pool): 'Mean posttreatment FEV1 was not significantly reduced (P=.51)'; a gene's digits are
    # no measure's: PMID27825636 (pool) 'KIF5B-RET was the predominant fusion type identified in 16 (62%)'
    assert endpoint_phrase("Mean posttreatment FEV1 was ") == "posttreatment fev1"
    assert endpoint_phrase("KIF5B-RET was the predominant fusion type identified in ") is None
    # PMID23154552 (pool): 'Post-LAT, 19 of 25 patients progressed again, with median PFS2 of 6.2 months.'
    medians = [(r.endpoint, r.estimate) for r in trial_of("23154552").arm_results if r.statistic == "median"]
    assert ("pfs2", Decimal("6.2")) in medians


def test_a_bracket_about_the_spread_names_no_endpoint_and_breaks_no_key():
    # PMC3661239: 'The mean (SD) difference in pre- and post-test scores of groups A and B was 15.98 (3.18) and
    # 7.79 (2.52), respectively.' (before: an endpoint '(sd)' whose comparison key was empty, a shape
    # Violation that refused the whole page)
    assert (
        endpoint_phrase("The mean (SD) difference in pre- and post-test scores of groups A and B was ")
        is None
    )
    assert canonical_endpoint("(sd)") == "(sd)"
    assert canonical_endpoint("Overall Survival (OS)") == "overall survival"
    assert not [e for e in trial_of("PMC3661239").endpoints if e.name in ("(sd)", "mean")]


def test_a_bracket_labelled_before_a_colon_names_its_figures():
    # PMC4018592: '... than those taking multivitamin supplements (weight at week 28 of gestation: 67.5 ± 11.4
    # vs. 71.6 ± 10.3 kg, P = 0.06)' (before: the figures had no endpoint and were not read)
    weights = [
        (r.arm, r.estimate, r.timepoint) for r in trial_of("PMC4018592").arm_results if r.endpoint == "weight"
    ]
    assert weights == [
        ("multivitamin-mineral supplements", Decimal("67.5"), "28 weeks"),
        ("multivitamin", Decimal("71.6"), "28 weeks"),
    ]


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        # PMID23076944 (pool): a one-word label is a subgroup's as often as an endpoint's
        ("versus trials where counselling was linked to usual care (specialist: ", None),
        ("the median overall survival (median: ", "overall survival"),
    ],
)
def test_a_statistics_or_one_word_label_before_a_colon_is_no_endpoint(before, expected):
    assert endpoint_phrase(before) == expected


def test_an_endpoint_named_by_its_abbreviation_takes_the_name_it_was_defined_for():
    # PMC1177952: 'Endpoints were ... left ventricular ejection fraction (LVEF).' ... 'The mean LVEF was 43.7
    # ± 11.0 % in the GIK group and 42.4 ± 11.7% in the control group' (before: endpoint 'lvef')
    means = {
        r.estimate
        for r in trial_of("PMC1177952").arm_results
        if r.endpoint == "left ventricular ejection fraction"
    }
    assert means == {Decimal("43.7"), Decimal("42.4")}
    # PMID20805737: 'SBRT was delivered in 4 or 5 fractions': an arm's abbreviation names no endpoint
    assert not [r for r in trial_of("20805737").arm_results if "stereotactic" in r.endpoint]


def test_what_a_change_is_in_is_part_of_the_name_not_whose_figures_they_are():
    # PMC3730064: 'The mean decrease in corneal NV area one month after injection in group 1 (28.4 ± 9.01%) was
    # significantly higher than in group 2 (4.51 ± 11.64%)' (before: the endpoint 'decrease')
    names = {r.endpoint for r in trial_of("PMC3730064").arm_results}
    assert "decrease in corneal nv area after injection" in names
    assert "decrease" not in names


def test_arms_named_by_their_labels_after_the_endpoint_are_no_part_of_its_name():
    """PMC3133979: 'The mean operative duration in group A and B were 47.54 ± 12.82 min and 31.36 ±
    11.43 min, respectively (P < 0.001).' (before: unread, the name held the arms' labels)"""
    assert endpoint_phrase("The mean operative duration in group A and B were ") == "operative duration"
    got = {(x.endpoint, x.arm, x.estimate) for x in _page("PMC3133979").arm_results}
    assert {
        ("operative duration", "laparoscopic appendectomy", Decimal("47.54")),
        ("operative duration", "open appendectomy", Decimal("31.36")),
    } <= got


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        # PMID27458945 (benchmarks/unseen; before: 'quality of life', the clause's subject)
        (
            "Quality of life was higher at 3 months with SRS alone, including overall quality of life (",
            "overall quality of life",
        ),
        # PMC3133979 (blind-h; before: no name, the p unread)
        (
            "The two groups were comparable in terms of other postoperative complications, such as hematoma (",
            "hematoma",
        ),
    ],
)
def test_the_item_a_class_includes_is_what_its_figures_are_of(before, expected):
    assert endpoint_phrase(before) == expected


def test_a_one_word_gloss_in_a_bracket_within_the_next_items_name():
    # PMID21343556 (benchmarks/unseen; before: 'denosumab', and the rate ratio was dropped)
    before = (
        "Although directionally favorable, denosumab was not statistically superior to ZA in delaying time to "
        "first on-study SRE (P = .03 unadjusted; P = .06 adjusted for multiplicity) or time to "
        "first-and-subsequent (multiple) SRE ("
    )
    assert endpoint_phrase(before) == "time to first-and-subsequent sre"


def test_what_more_patients_of_one_arm_had_names_the_figures_at_each_landmark():
    # PMC3504074: 'Significantly more patients receiving combination therapy than monotherapy had static
    # Physician's Global Assessment of clear/almost clear at week 12 (65·5% vs. 47·0%; P = 0·01) and week 24
    # (71·8% vs. 54·3%; P = 0·01).' (before: named 'patients receiving combination therapy than monotherapy')
    trial = trial_of("PMC3504074")
    pga = "static physician's global assessment of clear/almost clear"
    assert [(r.estimate, r.timepoint) for r in trial.arm_results if r.endpoint == pga] == [
        (Decimal("65.5"), "12 weeks"),
        (Decimal("47.0"), "12 weeks"),
        (Decimal("71.8"), "24 weeks"),
        (Decimal("54.3"), "24 weeks"),
    ]
    assert not any("than" in e.name for e in trial.endpoints)


def test_a_scales_short_name_before_a_comma_names_its_item_of_a_bracketed_list():
    # PMC3504074: 'Other PASI improvement scores at week 12 [PASI 75, 70·2% vs. 54·3% (P = 0·01); PASI 50,
    # 92·4% vs. 83·8% (P = 0·01); and PASI 90, 34·0% vs. 23·1% (P = 0·03)] showed similar results ...'
    trial = trial_of("PMC3504074")
    rates = [(r.endpoint, r.estimate) for r in trial.arm_results if r.endpoint.startswith(("pasi", "other"))]
    assert rates[2:8] == [
        ("pasi 75", Decimal("70.2")),
        ("pasi 75", Decimal("54.3")),
        ("pasi 50", Decimal("92.4")),
        ("pasi 50", Decimal("83.8")),
        ("pasi 90", Decimal("34.0")),
        ("pasi 90", Decimal("23.1")),
    ]
    # what a bracket says of its figures is no item's name: PMID27458945, 'including overall quality of life
    # (mean change from baseline, -0.1 vs -12.0 points; ...)'
    assert (
        endpoint_phrase("including overall quality of life (mean change from baseline, ")
        != "mean change from baseline"
    )


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        # PMC3644688: 'A significantly higher regression rate was noted in the LNG-IUS group than in NET group
        # at the 3rd, 6th and 12th month follow-up visits ... (67.8% vs. 47.5%, ...' (before: 'regression
        # rate was noted')
        (
            "A significantly higher regression rate was noted in the LNG-IUS group than in NET group (",
            "regression rate",
        ),
        # PMC3748549: '... the percentages of scores PMS changes, physical, and psychological symptoms of
        # experimental and control groups had a significant difference (P ≤ 0.001)' (before: 'significant
        # difference')
        (
            "the percentages of scores PMS changes, physical, and psychological symptoms of experimental and "
            "control groups had a significant difference (",
            None,
        ),
    ],
)
def test_what_the_text_says_of_a_measure_is_no_part_of_its_name(before, expected):
    assert endpoint_phrase(before) == expected


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        # PMC3346674: 'Although improvement in the severity of DD was observed in both treatment groups (P < 0.001),
        # ...' (before: 'although improvement in the severity of dd')
        (
            "Although improvement in the severity of DD was observed in both treatment groups (",
            "improvement in the severity of dd",
        ),
        # PMC3511173: '... was in favour of the PEG-only group (98% vs. 88%), though it did not reach a conventional
        # statistical level (p = 0.062)' (before: 'though it')
        ("(98% vs. 88%), though it did not reach a conventional statistical level (", None),
    ],
)
def test_a_clauses_conjunction_opens_no_name(before, expected):
    assert endpoint_phrase(before) == expected


def test_a_bracket_list_item_is_named_by_one_to_five_words():
    # PMID22547591 (../shared/data/abstracts): '(ORR, 26% v 25%' names its figures in one word; the
    # pattern's repeat count was once turned into a literal '(0, 4)' by an f-string, which left only
    # two-word names
    assert _BRACKET_ITEM.fullmatch("ORR, ").group("name") == "ORR"
    # '[PASI 75, 70·2% vs. 54·3% (P = 0·01); PASI 50, ' (PMC3504074)
    assert _BRACKET_ITEM.fullmatch(" PASI 50, ").group("name") == "PASI 50"
