"""kg.extraction.response_kind: 'response rate' is a tumour's objective response only on a page on tumours."""

from __future__ import annotations

from pool_pages import trial_of


def test_a_survey_response_rate_is_no_objective_response_rate():
    # PMC1190172: 'Effect on survey response rate of hand written versus printed signature ...'; 'The response
    # rate was 79.1% (1506/1905) in the hand-signed group and 78.4% (1484/1894) ...' (before: 'objective
    # response rate', the lexicon's oncology name)
    trial = trial_of("PMC1190172")
    assert {r.endpoint for r in trial.arm_results} == {"response rate"}
    assert "objective response rate" not in {e.name for e in trial.endpoints}


def test_a_response_rate_on_a_page_on_tumours_is_the_objective_response_rate():
    # PMID16293868 (pool): '... significantly higher objective response rate (29.6 v 11.3%; P < .0001) in the GC arm'
    assert "objective response rate" in {r.endpoint for r in trial_of("16293868").arm_results}
