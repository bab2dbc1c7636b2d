"""kg.extraction.endpoint_disease: a bare 'incidence' or 'mortality' named after its disease."""

from __future__ import annotations

from kg.extraction.endpoint_disease import qualified

# PMID8127329 (shared abstracts)
ATBC = (
    "Among the 876 new cases of lung cancer diagnosed during the trial, no reduction in incidence was "
    "observed among the men who received alpha-tocopherol (change in incidence as compared with those "
    "who did not, -2 percent; 95 percent confidence interval, -14 to 12 percent)."
)


def test_a_bare_incidence_takes_the_disease_its_sentence_counts():
    assert qualified("incidence", ATBC) == "lung cancer incidence"


def test_a_named_endpoint_or_a_sentence_without_a_disease_is_left_as_it_is():
    assert qualified("overall survival", ATBC) == "overall survival"
    # PMID10838531 (pool): 'Operative mortality was 4%.'
    assert qualified("mortality", "Operative mortality was 4%.") == "mortality"
