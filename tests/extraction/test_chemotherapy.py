"""kg.extraction.chemotherapy: the words before a generic 'chemotherapy' that say when or what
kind it is, which name no treatment of their own when the listing goes on to name the drugs."""

from __future__ import annotations

import pytest

from kg.extraction.chemotherapy import timing_before


@pytest.mark.parametrize(
    "part",
    [
        # PMID30620668: 'platinum-based chemotherapy (four to six cycles)': the kind of chemotherapy
        "platinum-based chemotherapy (four to six cycles)",
        # PMID8158698: 'six cycles of perioperative chemotherapy (cyclophosphamide, etoposide, and cisplatin)'
        "perioperative chemotherapy (cyclophosphamide, etoposide, and cisplatin)",
    ],
)
def test_the_word_before_a_generic_chemotherapy_names_no_treatment(part):
    assert timing_before(part, part.index("chemotherapy")) == 0


def test_a_drug_before_based_is_the_drug_not_a_kind():
    # PMID14736927: 'cisplatin-based chemotherapy': cisplatin is a drug of the arm
    part = "cisplatin-based chemotherapy"
    assert timing_before(part, part.index("chemotherapy")) == part.index("chemotherapy")
