"""kg.extraction.elliptical_items: a list of figures with the verb written once."""

from __future__ import annotations

EORTC_08941 = (
    "Randomized controlled trial of resection versus radiotherapy after induction chemotherapy in stage IIIA-N2 "
    "non-small-cell lung cancer.",
    (
        "METHODS",
        "Selected patients with histologic or cytologic proven stage IIIA-N2 NSCLC were given three cycles of "
        "platinum-based induction chemotherapy. Responding patients were subsequently randomly assigned to surgical "
        "resection or radiotherapy.",
    ),
    (
        "RESULTS",
        "A total of 167 patients were allocated to resection and 165 to radiotherapy. Of the 154 (92%) patients who "
        "underwent surgery, 14% had an exploratory thoracotomy, 50% a radical resection, 42% a pathologic "
        "downstaging, and 5% a pathologic complete response; 4% died after surgery. Among the 154 (93%) irradiated "
        "patients, overall compliance to the radiotherapy prescription was 55%, and grade 3/4 acute and late "
        "esophageal and pulmonary toxic effects occurred in 4% and 7%; one patient died of radiation pneumonitis.",
    ),
)


def test_each_figure_of_the_run_counts_the_phrase_after_it_in_the_arm_named_before(read):
    # PMID17374834 (benchmarks/pool-gold); before: 50%, 42% and 5% were 'exploratory thoracotomy', 14% the
    # radiotherapy arm's 'surgery' and 93% and 55% an objective response rate
    rates = {(x.endpoint, x.arm, str(x.estimate)) for x in read(*EORTC_08941).trial.arm_results}
    assert rates == {
        ("exploratory thoracotomy", "surgical resection", "14"),
        ("radical resection", "surgical resection", "50"),
        ("pathologic downstaging", "surgical resection", "42"),
        ("pathologic complete response", "surgical resection", "5"),
    }
