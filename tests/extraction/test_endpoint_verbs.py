"""kg.extraction.endpoint_verbs (with outcomes): an endpoint the methods named as a noun, reported
with its verb. Sentences quoted from tests/fixtures/pool (PMID beside them)."""

from __future__ import annotations

from decimal import Decimal

from pool_pages import trial_of

from kg.extraction.endpoint_verbs import verbal_endpoint

NAMED = ["correct upstaging", "incorrect upstaging", "incorrect understaging"]


def test_a_passive_verb_and_its_adverb_name_the_endpoint_the_methods_gave_as_a_noun():
    # PMID19581636: 'The primary end point was correct upstaging ... Disease was correctly upstaged in 23 of
    # 167 PET-CT recipients and 11 of 162 conventional staging recipients (13.8% vs. 6.8%; difference, 7.0
    # percentage points [95% CI, 0.3 to 13.7 percentage points]), thereby sparing these patients from
    # surgery. Disease was incorrectly upstaged in 8 PET-CT recipients and 1 conventional staging recipient
    # (4.8% vs. 0.6%; ...), and it was incorrectly understaged in 25 and 48 patients, respectively (14.9% vs.
    # 29.6%; ...).' (before: all six rates and three differences were of 'disease')
    assert (
        verbal_endpoint("Disease was correctly upstaged in 23 of 167 PET-CT recipients and ", NAMED)
        == NAMED[0]
    )
    assert (
        verbal_endpoint("it was incorrectly understaged in 25 and 48 patients, respectively ", NAMED)
        == NAMED[2]
    )
    trial = trial_of("19581636")
    rates = [(r.endpoint, r.estimate) for r in trial.arm_results if r.statistic == "rate"]
    assert rates == [
        ("correct upstaging", Decimal("13.8")),
        ("correct upstaging", Decimal("6.8")),
        ("incorrect upstaging", Decimal("4.8")),
        ("incorrect upstaging", Decimal("0.6")),
        ("incorrect understaging", Decimal("14.9")),
        ("incorrect understaging", Decimal("29.6")),
    ]
    differences = [(c.endpoint, c.estimate) for c in trial.comparisons if c.statistic == "difference"]
    assert differences == [
        ("correct upstaging", Decimal("7.0")),
        ("incorrect upstaging", Decimal("4.2")),
        ("incorrect understaging", Decimal("14.7")),
    ]


def test_a_verb_that_names_no_endpoint_of_the_abstract_names_nothing():
    assert verbal_endpoint("Patients were randomly assigned to ", NAMED) is None
    assert verbal_endpoint("Disease was correctly upstaged in ", []) is None
