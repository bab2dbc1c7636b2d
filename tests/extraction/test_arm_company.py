"""kg.extraction.arm_lists: what every arm of a listing is given with, and listings whose
brackets hold clause marks.

Every sentence is quoted from a page of ../shared/data/pool, named by PMID beside it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from test_arm_listings import arms_of, drugs

from kg.sources import read_document


def test_a_treatment_in_combination_after_two_radiotherapies_is_both_arms():
    # PMID23762840's title (before: 'involved-field radiotherapy' and 'elective nodal irradiation +
    # chemotherapy')
    arms = arms_of(
        "",
        "Involved-field radiotherapy versus elective nodal irradiation in combination with concurrent "
        "chemotherapy for locally advanced non-small cell lung cancer: a prospective randomized study.",
    )
    assert drugs(arms) == [
        ["involved-field radiotherapy", "chemotherapy"],
        ["elective nodal irradiation", "chemotherapy"],
    ]


def test_an_arm_given_alone_or_with_its_own_companion_shares_nothing():
    # PMID15625373 (tests/fixtures/pool): 'A total of 561 eligible patients were randomly assigned to receive
    # paclitaxel alone or in combination with carboplatin.'; PMID26446239: '... to receive either
    # ramucirumab in combination with docetaxel or placebo in combination with docetaxel'
    page = Path(__file__).parents[1] / "fixtures" / "pool" / "PMID15625373.txt"
    assert drugs(read_document(page).trial.arms) == [["paclitaxel"], ["paclitaxel", "carboplatin"]]
    own = arms_of(
        "Patients were randomized 1:1 to receive either ramucirumab in combination with docetaxel or placebo in "
        "combination with docetaxel."
    )
    assert drugs(own) == [["ramucirumab", "docetaxel"], ["placebo", "docetaxel"]]


def test_a_semicolon_inside_a_bracket_does_not_end_a_comparison():
    # PMID2167953 (tests/fixtures/pool; before: 'cisplatin' and 'carboplatin', the listing cut at 'CBDCA;')
    arms = arms_of(
        "The European Organization for Research and Treatment of Cancer (EORTC) Lung Cancer Working Party "
        "conducted a randomized trial comparing "
        "cisplatin (CDDP; 120 mg/m2, day 1) and carboplatin (CBDCA; 325 mg/m2, day 1) in combination with "
        "etoposide (VP16; 100 mg/m2, days 1, 2, and 3) in advanced non-small-cell lung cancer (NSCLC)."
    )
    assert drugs(arms) == [["cisplatin", "etoposide"], ["carboplatin", "etoposide"]]
    assert [i.dose for i in arms[1].interventions] == [Decimal("325"), Decimal("100")]
