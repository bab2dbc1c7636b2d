"""kg.extraction.primary_forms / trial_endpoints: the primary endpoint named other than by 'The
primary end point was X', and no verdict of 'met' from a significant increase in a harm.

Pages of ../shared/data/pool copied to tests/fixtures/pool, read whole; the sentence that names
the primary endpoint is quoted beside each (before this module, none of them gave a primary
endpoint).
"""

from __future__ import annotations

import pytest
from pool_pages import trial_of

from kg.extraction.primary_forms import primary_phrases


def _primary_of(text: str) -> list[str]:
    """The primary endpoints one methods text names."""
    from kg.extraction.text import sentences
    from kg.extraction.trial_endpoints import abbreviations, endpoints

    return [e.name for e in endpoints(sentences("METHODS", text), abbreviations(text)) if e.role == "primary"]


def primary(pmid: str) -> list[str]:
    return [e.name for e in trial_of(pmid).endpoints if e.role == "primary"]


@pytest.mark.parametrize(
    ("pmid", "named"),
    [
        # 'Clinical benefit response was the primary end-point of this prospective randomised trial in ...'
        ("11697832", ["clinical benefit response"]),
        # 'Investigator-assessed confirmed objective response rate (ORR) was the primary end point.'
        ("28475456", ["objective response rate"]),
        # 'Overall survival (OS, primary endpoint) at 2, 3 and 5yr was not significantly different after ...'
        ("21757247", ["overall survival"]),
        # 'MAIN OUTCOME MEASURES: Continuous abstinence from smoking during the last 4 weeks of treatment (weeks
        # 9-12; primary end point) and through the follow-up period (weeks 9-24 and 9-52).'
        ("16820547", ["continuous abstinence from smoking"]),
        # '... but there was no statistically significant difference in the primary end point of overall survival.'
        ("15625373", ["overall survival"]),
        # 'The primary objective of this randomized phase III study was to show significant difference in
        # median time to progression (TTP) in patients with advanced NSCLC ...' (the median is the statistic)
        ("16569462", ["time to progression"]),
        # 'The effects of a combination of 30 mg of beta carotene per day and 25,000 IU of retinol ... on the
        # primary end point, the incidence of lung cancer, were compared with those of placebo.'
        ("8602180", ["lung cancer incidence"]),
        # 'The primary end point of the current study was combined success: consistent/reliable
        # drainage/pleurodesis, lung expansion, and 30-day survival.' (what follows the colon defines it)
        ("22878823", ["combined success"]),
    ],
)
def test_the_primary_endpoint_named_in_other_shapes(pmid, named):
    assert primary(pmid) == named


def test_a_bracket_after_the_words_names_it_but_a_p_value_does_not():
    # PMID11309437: 'The primary endpoint (time to SPT) and the secondary endpoints (times to recurrence
    # and death) were analyzed by log-rank test ...'
    assert primary_phrases(
        "The primary endpoint (time to SPT) and the secondary endpoints (times to recurrence and death) were "
        "analyzed by log-rank test and the Cox proportional hazards model."
    ) == ["time to SPT"]
    # PMID22543206: '... 23% for those who were not evaluable for the primary endpoint (P=.0002).'
    assert (
        primary_phrases(
            "The 2-year overall survival rate was 75% for those who achieved nodal clearance, 52% for those with "
            "residual nodal disease, and 23% for those who were not evaluable for the primary endpoint (P=.0002)."
        )
        == []
    )


def test_a_significant_increase_in_a_harm_is_no_primary_endpoint_met():
    # PMID8602180 (CARET): 'The active-treatment group had a relative risk of lung cancer of 1.28 (95 percent
    # confidence interval, 1.04 to 1.57; P=0.02), as compared with the placebo group.' The trial stopped
    # early for that harm: a finding, not the endpoint met
    trial = trial_of("8602180")
    assert trial.primary_endpoint_met is None
    # PMID16569462: '... produced significantly longer TTP compared to best supportive care alone.'
    assert trial_of("16569462").primary_endpoint_met is True


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # PMID16257339: the population the endpoint is measured in ends the list
        (
            "The primary endpoint was survival in the overall population of patients and those with "
            "adenocarcinoma.",
            ["overall survival"],
        ),
        # PMID22336221 ('... was time to worsening of symptoms, analysed for all randomised patients')
        (
            "The primary outcome for these quality-of-life analyses was time to worsening of symptoms, analysed "
            "for all randomised patients.",
            ["time to worsening of symptoms"],
        ),
        # benchmarks/pmc/blind-c PMC3021887: a variable, as an end point or an outcome
        (
            "The primary efficacy variable was weight change from baseline after 9 months of treatment.",
            ["weight change from baseline"],
        ),
        # benchmarks/pmc/blind-d PMC5003869: a heading, then its own sentence (before: 'primary outcome was
        # refill adherence')
        (
            "Main outcome measure: Primary outcome was refill adherence measured over 1 year expressed as "
            "continuous outcome and dichotomous (refill rate≥80%).",
            ["refill adherence"],
        ),
        # benchmarks/pmc/blind-c PMC3015551: how it was assessed set off by commas, a 'comparison endpoint'
        (
            "Postoperative pain, as assessed using a 10-point visual analog scale, was the primary comparison "
            "endpoint.",
            ["postoperative pain"],
        ),
        # benchmarks/pmc/blind-d PMC5008205: an abbreviation inside the endpoint's words
        (
            "Change in glycated haemoglobin (HbA1c) concentration from baseline was the primary efficacy measure.",
            ["glycated haemoglobin concentration from baseline"],
        ),
        # benchmarks/pmc/blind-b PMC4007144: a 'trial outcome'
        (
            "The primary trial outcome was women's reported experiences of physical and/or sexual IPV in the "
            "last 12 months.",
            ["women's reported experiences of physical and/or sexual ipv in the last 12 months"],
        ),
    ],
)
def test_the_primary_endpoint_one_methods_sentence_names(text, found):
    # a population or an analysis after the endpoint is no second endpoint; a primary variable is one
    assert _primary_of(text) == found


def test_not_associated_with_a_significantly_longer_primary_endpoint_is_not_met():
    # PMID28636851 (CheckMate 026, a page of the source repository): 'Nivolumab was not associated with
    # significantly longer progression-free survival than chemotherapy among patients with ...'
    # (before: met, from 'significantly longer')
    assert trial_of("28636851").primary_endpoint_met is False
