"""kg.extraction.ae_assign (through ``extract_trial``): pairs of adverse-event figures after
words that rank one named arm of a two-arm trial, and arms named by a slashed alias.

Sentences quoted from pages of ../shared/data/pool (PMID beside each), with the page's own
title and design.
"""

from __future__ import annotations

from decimal import Decimal

# PMID17602060
ECOG_4599 = (
    "FDA drug approval summary: bevacizumab (Avastin) plus Carboplatin and Paclitaxel as first-line treatment of "
    "advanced/metastatic recurrent nonsquamous non-small cell lung cancer.",
    (
        "UNLABELLED",
        "A randomized, open label, multicenter clinical trial, conducted by the Eastern Cooperative Oncology Group "
        "(ECOG), in chemotherapy-naive patients with stage IIIB/IV nonsquamous NSCLC, evaluated bevacizumab plus "
        "carboplatin and paclitaxel (BV/CP, n = 434) versus carboplatin and paclitaxel alone (CP, n = 444).",
    ),
)


def events(trial) -> list[tuple[str, str | None, Decimal | None]]:
    return [(e.arm, e.term, e.percent) for e in trial.adverse_events]


def test_a_ranked_arm_takes_the_first_figure_of_each_pair(read):
    trial = read(
        *ECOG_4599,
        (
            "RESULTS",
            "Severe and life-threatening adverse events occurring more frequently in patients receiving BV/CP were "
            "fatigue (16% versus 13%), hypertension (8% versus 0.7%), and headache (3% versus 0.5%).",
        ),
    ).trial
    bv, cp = "bevacizumab + carboplatin + paclitaxel", "carboplatin + paclitaxel"
    assert events(trial) == [
        (bv, "fatigue", Decimal("16")),
        (cp, "fatigue", Decimal("13")),
        (bv, "hypertension", Decimal("8")),
        (cp, "hypertension", Decimal("0.7")),
        (bv, "headache", Decimal("3")),
        (cp, "headache", Decimal("0.5")),
    ]


def test_figures_that_contradict_the_ranking_get_no_arm(read):
    # the same words over pairs in the other order: the ranking and the figures disagree, so no
    # order is inferred and the figures are left for the extraction report
    trial = read(
        *ECOG_4599,
        (
            "RESULTS",
            "Severe and life-threatening adverse events occurring more frequently in patients receiving BV/CP were "
            "fatigue (13% versus 16%).",
        ),
    ).trial
    assert events(trial) == []
    assert trial.unread_sentences
