"""kg.extraction.trial_endpoints: the endpoints a trial names and whether it says the primary
one was met.

Sentences quoted from ../shared/data/abstracts (PMID beside them).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extraction.primary_verdict import primary_endpoint_met
from kg.extraction.text import sentences
from kg.extraction.trial_endpoints import abbreviations, endpoints
from kg.model import Endpoint
from kg.sources import read_document


def named(section: str, text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.name, e.abbreviation, e.role) for e in endpoints(sentences(section, text), abbreviations(text))
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (  # PMID19027483: an aim, not a noun phrase; the co-primary analyses are no endpoints
            "The primary objective was to compare overall survival between the groups with co-primary analyses "
            "to assess non-inferiority in the overall per-protocol population and superiority in patients with "
            "high epidermal growth factor receptor (EGFR)-gene-copy number in the intention-to-treat population.",
            [("overall survival", None, "primary")],
        ),
        (  # PMID25981812: 'using X as the primary endpoint'
            "We did a pooled analysis in the intention-to-treat population using overall survival as the "
            "primary endpoint.",
            [("overall survival", None, "primary")],
        ),
        (  # PMID27604504: an endpoint with its abbreviation
            "The primary outcome measure was quality-adjusted life-years (QALYs).",
            [("quality-adjusted life-years", "QALYs", "primary")],
        ),
        (  # PMID20818875: 'the change in' and the landmark are no part of the name
            "The primary outcome was the change in the quality of life at 12 weeks.",
            [("quality of life", None, "primary")],
        ),
        (  # PMID16757720: primary and secondary endpoints in one sentence
            "The primary end point was overall survival; secondary end points were brain tumor recurrence, "
            "salvage brain treatment, functional preservation, toxic effects of radiation, and cause of death.",
            [
                ("overall survival", None, "primary"),
                ("brain tumor recurrence", None, "secondary"),
                ("salvage brain treatment", None, "secondary"),
                ("functional preservation", None, "secondary"),
                ("toxic effects of radiation", None, "secondary"),
                ("cause of death", None, "secondary"),
            ],
        ),
    ],
)
def test_primary_endpoint_phrases(text, found):
    assert named("METHODS", text) == found


def _pool_primary(pmid: str):
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / f"PMID{pmid}.txt").trial
    return [e.name for e in trial.endpoints if e.role == "primary"], trial.primary_endpoint_met


@pytest.mark.parametrize(
    ("pmid", "primary"),
    [
        # 'The primary end point was survival, secondary end points included response rates, toxicity
        # and quality of life.'
        ("16603599", ["overall survival"]),
        # 'The primary end point was overall survival (OS) measured from random assignment.'
        ("19075278", ["overall survival"]),
        # 'The primary end point was amended from overall survival (OS) to progression-free survival (PFS).'
        ("19188680", ["progression-free survival"]),
        # 'The primary endpoint was overall survival (from date of randomisation to death), analysed on an
        # intention-to-treat basis.'
        ("22452896", ["overall survival"]),
        # 'The primary end point was health-related quality of life (HRQoL) defined as global quality of
        # life, nausea/vomiting, dyspnea, and fatigue reported on ...'
        ("19433683", ["health-related quality of life"]),
    ],
)
def test_a_primary_endpoint_without_the_rest_of_its_sentence(pmid, primary):
    assert _pool_primary(pmid)[0] == primary


def test_a_difference_not_statistically_significant_is_a_primary_endpoint_not_met():
    # PMID19075278: 'Median OS for immediate docetaxel (12.3 months) was greater than for delayed
    # docetaxel (9.7 months), but the difference was not statistically significant (P = .0853).'
    assert _pool_primary("19075278") == (["overall survival"], False)


@pytest.mark.parametrize(
    ("folder", "pmid", "primary"),
    [
        # 'Primary endpoint: overall survival (OS).'
        ("pool", "27987585", ["overall survival"]),
        # 'Primary efficacy end points were time to disease progression and best confirmed response rate.'
        ("pool", "15169807", ["time to disease progression", "best confirmed response"]),
        # 'The primary efficacy endpoint was the percentage of patients at 21 months with >/= 1 skeletal-related
        # event (SRE) (pathologic fracture, spinal cord compression, radiation therapy to bone, or surgery to
        # bone).' (before: 'percentage of patients')
        ("pool", "15197804", ["skeletal-related event"]),
    ],
)
def test_primary_endpoints_after_a_colon_an_adjective_or_a_landmark(folder, pmid, primary):
    trial = read_document(Path(__file__).parents[1] / "fixtures" / folder / f"PMID{pmid}.txt").trial
    assert [e.name for e in trial.endpoints if e.role == "primary"] == primary


def test_a_primary_endpoints_name_inside_another_endpoints_gives_no_verdict():
    # PMID15197804: '... 4 mg of zoledronic acid significantly delayed the median time to first SRE (...) and
    # significantly reduced the annual incidence of SREs (...)': other endpoints than the primary 'SRE'
    # (before: the primary endpoint met)
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID15197804.txt").trial
    assert trial.primary_endpoint_met is None


def test_a_conclusion_that_did_not_demonstrate_noninferiority():
    # PMID27022112: 'The study did not demonstrate noninferiority of gefitinib compared with erlotinib in terms
    # of PFS in patients with lung adenocarcinoma according to the predefined criteria.'
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "abstracts" / "PMID27022112.txt").trial
    assert trial.primary_endpoint_met is False


def test_median_survival_defined_by_its_abbreviation_is_overall_survival():
    # PMID18202422: 'Median time to progression (TTP) was 18.4 and median survival (MS) was 38.6 weeks for arm
    # 1.' (before: an endpoint 'median survival')
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID18202422.txt").trial
    medians = {(r.endpoint, r.estimate) for r in trial.arm_results if r.statistic == "median"}
    assert ("overall survival", 38.6) in {(e, float(v)) for e, v in medians}


def test_a_share_of_patients_with_overall_survival_events_is_a_death_rate():
    # PMID27987585: 'As of March 23, 2015, 242 (75.2%) OS events had occurred with 'early erlotinib' versus 235
    # (73.2%) with 'late erlotinib'.' (before: overall survival rates of 75.2% and 73.2%, the opposite meaning)
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID27987585.txt").trial
    deaths = [(r.count, r.estimate) for r in trial.arm_results if r.endpoint == "death"]
    assert [(n, float(p)) for n, p in deaths] == [(242, 75.2), (235, 73.2)]
    assert not [r for r in trial.arm_results if r.endpoint == "overall survival" and r.statistic == "rate"]


def test_a_response_rate_measured_in_the_brain_is_its_own_endpoint():
    # PMID30280657: 'The confirmed objective response rate was 71% (95% CI, 62 to 78) with brigatinib and 60%
    # (95% CI, 51 to 68) with crizotinib; the confirmed rate of intracranial response among patients with
    # measurable lesions was 78% (95% CI, 52 to 94) and 29% (95% CI, 11 to 52), respectively.' (before: both
    # read as the objective response rate)
    trial = read_document(Path(__file__).parents[1] / "fixtures" / "abstracts" / "PMID30280657.txt").trial
    got = {
        (r.endpoint, r.estimate, r.ci_lower, r.ci_upper)
        for r in trial.arm_results
        if "response" in r.endpoint
    }
    assert {(e, float(v), float(lo), float(hi)) for e, v, lo, hi in got} == {
        ("objective response rate", 71, 62, 78),
        ("objective response rate", 60, 51, 68),
        ("intracranial response rate", 78, 52, 94),
        ("intracranial response rate", 29, 11, 52),
    }


def test_the_primary_end_point_of_the_comparison_and_patients_who_achieved_it():
    # PMID10458212: 'The primary end point of the comparison was response rate.'
    sents = sentences("PURPOSE", "The primary end point of the comparison was response rate.")
    assert [(e.name, e.role) for e in endpoints(sents, {})] == [("objective response rate", "primary")]
    # PMID22543206: 'Twenty-seven patients achieved the primary endpoint of MNC (63%).': patients reached it,
    # which says nothing of whether the trial met it
    primary = [Endpoint(name="mediastinal nodal clearance", abbreviation="MNC", role="primary")]
    said = sentences("RESULTS", "Twenty-seven patients achieved the primary endpoint of MNC (63%).")
    assert primary_endpoint_met(said, primary) is None


# Sentences of PubMed Central abstracts (jayded/evidence-inference, annotations/abstracts, MIT):
# trials outside oncology name their endpoints as outcome measures, main end points, aims.
@pytest.mark.parametrize(
    ("text", "found"),
    [
        (  # PMC1187893: a named instrument is one endpoint, though its name holds 'and'
            "The primary outcome measure was the Knee injury and Osteoarthritis Outcome Score (KOOS).",
            [("knee injury and osteoarthritis outcome score", "KOOS", "primary")],
        ),
        (  # PMC1190172: no endpoint called primary: the outcome measures are the trial's
            "The outcome measures were the proportion of questionnaires returned and their time to return.",
            [
                ("proportion of questionnaires returned", None, "primary"),
                ("time to return", None, "primary"),
            ],
        ),
        (  # PMC1177952
            "Endpoints were the creatinine kinase MB-fraction (CK-MB) and left ventricular ejection fraction (LVEF).",
            [
                ("creatinine kinase mb-fraction", "CK-MB", "primary"),
                ("left ventricular ejection fraction", "LVEF", "primary"),
            ],
        ),
        (  # PMC1174954: an aim stated in the plural
            "The primary aims were to detect differences in symptoms and function.",
            [("symptoms", None, "primary"), ("function", None, "primary")],
        ),
        (  # PMC1193545: 'changes in' and how an entry was measured are no part of its name
            "Primary outcome measures included self-reported pain level, and changes in stiffness and functional "
            "ability as measured by the Western Ontario McMaster Universities Osteoarthritis (WOMAC) index.",
            [
                ("pain level", None, "primary"),
                ("stiffness", None, "primary"),
                ("functional ability", None, "primary"),
            ],
        ),
        (  # PMID14736927 (pool): 'main' is 'primary'
            "The main end point was overall survival.",
            [("overall survival", None, "primary")],
        ),
        (  # PMID16043828 (pool): outcomes that were correlated are no list of endpoints
            "Outcomes were correlated with EGFR and KRAS mutations in retrospective subset analyses.",
            [],
        ),
        (  # PMID15770205 (pool): 'included' lists some endpoints, not the main ones
            "Study end points included degree and duration of symptomatic relief, treatment side effects, "
            "objective response rates and overall survival.",
            [],
        ),
    ],
)
def test_outcome_measures_main_end_points_and_aims(text, found):
    assert named("METHODS", text) == found


def test_an_entry_measured_by_a_named_index_ends_before_it():
    # PMC1201146: before, 'McMaster Universities (WOMAC) LK3.1 OA Index' was an endpoint of its own
    names = named(
        "METHODS",
        "Pre-planned primary efficacy outcome measures included the core continuous variables pain relief and "
        "improved physical function measured by the Western Ontario and McMaster Universities (WOMAC) LK3.1 OA "
        "Index, and improved patient global assessment (PGA).",
    )
    assert ("physical function", None, "primary") in names
    assert ("patient global assessment", "PGA", "primary") in names
    assert not any("mcmaster" in n or "index" in n for n, _, _ in names)


def test_hyphenated_end_points_listed_by_number_and_measured_over_a_window():
    # PMID10945489 (pool): 'end-points', a numbered list, windows that are no part of the names
    assert named(
        "METHODS",
        "The primary end-points were defined as (1) the percentage change in mean SS14 score between baseline "
        "and 2 months and (2) the proportion of patients with a marked (> or = 25%) improvement in SS14 score "
        "between baseline and 2 months sustained for > or =4 weeks.",
    ) == [
        ("percentage change in mean ss14 score", None, "primary"),
        ("marked improvement in ss14 score", None, "primary"),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (  # PMID27458945 (benchmarks/unseen): the 'and' of the population is no second endpoint
            "The primary end point was cognitive deterioration (decline >1 SD from baseline on at least 1 cognitive "
            "test at 3 months) in participants who completed the baseline and 3-month assessments.",
            [("cognitive deterioration", None, "primary")],
        ),
        (  # PMID27789196 (benchmarks/unseen): nor the 'and' of who was analysed
            "The primary endpoint was progression-free survival analysed in all patients who were treated and had "
            "at least one post-baseline imaging assessment.",
            [("progression-free survival", None, "primary")],
        ),
    ],
)
def test_one_primary_end_point_is_one_endpoint(text, found):
    assert named("METHODS", text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (  # PMID23981966 (../shared/data/pool): the landmark is when it is read, the bracket defines OS
            "Primary endpoint was 2-year overall survival (OS) rate.",
            [("overall survival", "OS", "primary")],
        ),
        (  # PMID21747084 (../shared/data/pool)
            "The primary end point was the 18-month overall survival (OS) rate; if the 18-month OS rate was "
            "≥ 55%, the regimen(s) would be considered for further study.",
            [("overall survival", "OS", "primary")],
        ),
        (  # PMID25170012 (../shared/data/pool): who determined it is no part of its name
            "The primary endpoint was progression-free survival (PFS) determined by independent radiology review; "
            "secondary endpoints were ORR and overall survival (OS).",
            [
                ("progression-free survival", "PFS", "primary"),
                ("objective response rate", None, "secondary"),  # defined earlier in the abstract
                ("overall survival", "OS", "secondary"),
            ],
        ),
        (  # PMID29989854 (../shared/data/pool): nor the criteria it was read by
            "The primary end point was overall response rate using Response Evaluation Criteria in Solid Tumors "
            "(RECIST) version 1.1.",
            [("objective response rate", None, "primary")],
        ),
        (  # PMID28885881: a landmark alone, elided before the next entry's name, names nothing
            "Secondary end points included 12-month and 18-month progression-free survival rates, the objective "
            "response rate, the duration of response, the time to death or distant metastasis, and safety.",
            [
                ("progression-free survival", None, "secondary"),
                ("objective response rate", None, "secondary"),
                ("duration of response", None, "secondary"),
                ("time to death or distant metastasis", None, "secondary"),
            ],
        ),
    ],
)
def test_landmarks_definitions_and_methods_are_no_part_of_an_endpoints_name(text, found):
    assert named("METHODS", text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (  # PMID29863955 (pool): a ';' inside a bracket ends no entry, and after one entry's
            # population the next entry follows (before: progression-free survival alone)
            "The two primary end points were investigator-assessed progression-free survival both among patients "
            "in the intention-to-treat population who had a wild-type genotype (WT population; patients with EGFR "
            "or ALK genetic alterations were excluded) and among patients in the WT population who had high "
            "expression of an effector T-cell (Teff) gene signature in the tumor (Teff-high WT population) and "
            "overall survival in the WT population.",
            [("progression-free survival", None, "primary"), ("overall survival", None, "primary")],
        ),
        (  # PMID23161898 (pool): a bracket within the definition's bracket (before: two fragments of it)
            "Primary objective was the clinical feasibility rate (no grade (G)4 neutropenia/thrombocytopenia or "
            "thrombocytopenia with bleeding, no G3/4 febrile neutropenia or non-hematological toxicity; no "
            "premature withdrawal/death).",
            [("clinical feasibility", None, "primary")],
        ),
    ],
)
def test_brackets_and_populations_inside_a_list_of_primary_end_points(text, found):
    assert named("METHODS", text) == found
