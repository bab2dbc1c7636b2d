"""The condition a trial studies: a disease named by a page, never an institution, a study group,
a gene or the verb before it. Sentences quoted from ../shared/data (pages copied to fixtures/pool)."""

from pathlib import Path

import pytest

from kg.extraction.design import condition
from kg.sources import read_document

POOL = Path(__file__).parents[1] / "fixtures" / "pool"


def test_a_cancer_treatment_facility_is_no_condition():
    # PMID9809728, its SETTING and PATIENTS sections: the only disease word is an institution's
    text = (
        "University-affiliated cancer treatment facilities. Ninety-five patients who had single metastases "
        "to the brain that were treated with complete surgical resections"
    )
    assert condition(text) is None


@pytest.mark.parametrize(
    ("page", "name"),
    [
        # 'National Cancer Institute of Canada' in the title; the disease is in the abstract
        ("PMID17442999", "non-small-cell lung cancer"),
        # 'anaplastic lymphoma kinase' is a gene, and part of the disease's name
        ("PMID29768119", "anaplastic lymphoma kinase-positive non-small-cell lung cancer"),
        # 'mortality from lung cancer': what is measured is not part of the disease's name
        ("PMID21325732", "lung cancer"),
        # 'head and neck cancer' is one disease, not 'neck cancer'
        ("PMID10861309", "head and neck cancer"),
    ],
)
def test_the_condition_of_a_page_is_the_disease_it_names(page, name):
    population = read_document(POOL / f"{page}.txt").trial.population
    assert population.condition.name == name


def test_a_disease_name_starts_at_a_words_start():
    # unseen PMID18520802 title: '... in the treatment of PS 2 patients with chemotherapy-naïve advanced
    # non-small cell lung cancer.' (before: 've advanced non-small cell lung cancer'); pool PMID28919011:
    # 'BRAFV600E-mutant metastatic non-small-cell lung cancer' (before: 'e-mutant metastatic ...')
    found = condition("PS 2 patients with chemotherapy-naïve advanced non-small cell lung cancer")
    assert found is not None and not found.name.startswith("ve ")
    found = condition(
        "patients with BRAFV600E-mutant metastatic non-small-cell lung cancer: an open-label trial"
    )
    assert found is not None and not found.name.startswith("e-")
