"""kg.extraction.abbreviations: 'long form (SF)' definitions found by Schwartz-Hearst.

Sentences quoted from ../shared/data/abstracts (PMID beside each).
"""

from __future__ import annotations

import pytest

from kg.extraction.abbreviations import definitions, expansions, long_form


@pytest.mark.parametrize(
    ("sentence", "defined"),
    [
        (  # PMID16757720: two definitions in one sentence, hyphenated first word
            "In patients with brain metastases, it is unclear whether adding up-front whole-brain radiation "
            "therapy (WBRT) to stereotactic radiosurgery (SRS) has beneficial effects on mortality or "
            "neurologic function compared with SRS alone.",
            {"WBRT": "whole-brain radiation therapy", "SRS": "stereotactic radiosurgery"},
        ),
        (  # PMID23154554: a drug outside any lung-cancer list
            "We present survival data for the subset of patients with lung cancer, participating in the "
            "phase 3 trial of denosumab versus zoledronic acid (ZA) in the treatment of bone metastases from "
            "solid tumors (except breast or prostate) or multiple myeloma.",
            {"ZA": "zoledronic acid"},
        ),
        (  # PMID18263663: the shortest window wins ('transdermal' is not part of NRT)
            "A study was undertaken to compare a 12-week standard regimen of varenicline with a 10-week "
            "standard regimen of transdermal nicotine replacement therapy (NRT) for smoking cessation.",
            {"NRT": "nicotine replacement therapy"},
        ),
        (  # PMID21714641: 'CT' stands for the last two words only
            "The advent of low-dose helical computed tomography (CT) altered the landscape of lung-cancer "
            "screening, with studies indicating that low-dose CT detects many tumors at early stages.",
            {"CT": "computed tomography"},
        ),
        (  # PMID19221167: a ratio printed after an outcome's words; a term never starts with 'had'
            "Nonsquamous patients treated with pemetrexed-based therapy experienced longer survival than the "
            "comparators (HR, 0.78 and 0.84, respectively), whereas squamous patients had shorter survival (HR, "
            "1.56 and 1.23, respectively).",
            {},
        ),
        (  # PMID27604504: a plural short form
            "The primary outcome measure was quality-adjusted life-years (QALYs).",
            {"QALYs": "quality-adjusted life-years"},
        ),
        (  # PMID25981812: a square-bracketed definition
            "Estimated overall survival at 3 years was 95% (95% CI 85-100) in the SABR group compared with "
            "79% (64-97) in the surgery group (hazard ratio [HR] 0·14 [95% CI 0·017-1·190], log-rank "
            "p=0·037).",
            {"HR": "hazard ratio"},
        ),
        (  # PMID25981812: '(STARS and ROSEL)' names two trials, defines nothing
            "Stereotactic ablative radiotherapy (SABR) for inoperable stage I NSCLC has shown promising "
            "results, but two independent, randomised, phase 3 trials of SABR in patients with operable stage "
            "I NSCLC (STARS and ROSEL) closed early due to slow accrual.",
            {"SABR": "Stereotactic ablative radiotherapy"},
        ),
        (  # PMID20818875: a hyphenated short form
            "Quality of life and mood were assessed at baseline and at 12 weeks with the use of the "
            "Functional Assessment of Cancer Therapy-Lung (FACT-L) scale and the Hospital Anxiety and "
            "Depression Scale, respectively.",
            {"FACT-L": "Functional Assessment of Cancer Therapy-Lung"},
        ),
        (  # PMID18263663: a parenthesis that is a long form, not a short one
            "Varenicline, a new treatment for smoking cessation, has demonstrated significantly greater "
            "efficacy over placebo and sustained release bupropion (bupropion SR).",
            {},
        ),
        (  # PMID1310160: a chemical name in brackets is no abbreviation
            "Cisplatin (cis-diamminedichloroplatinum) has been reported to enhance the cell-killing effect of "
            "radiation, an effect whose intensity varies with the schedule of administration.",
            {},
        ),
    ],
)
def test_definitions(sentence: str, defined: dict[str, str]) -> None:
    assert definitions(sentence) == defined


def test_a_short_form_defined_by_the_regimen_in_its_bracket():
    # PMID16603599: 'randomised to receive four cycles of either DCb (docetaxel 75 mg/m(2), carboplatin AUC
    # 6), or MIC/MVP (mitomycin 6 mg/m(2), ifosfamide 3 g/m(2) and cisplatin 50 mg/m(2) or ...'
    text = (
        "Patients with biopsy proven stage III-IV NSCLC not suitable for curative surgery or radiotherapy were "
        "randomised to receive four cycles of either DCb (docetaxel 75 mg/m(2), carboplatin AUC 6), or MIC/MVP "
        "(mitomycin 6 mg/m(2), ifosfamide 3 g/m(2) and cisplatin 50 mg/m(2) or mitomycin 6 mg/m(2), "
        "vinblastine 6 mg/m(2) and cisplatin 50 mg/m(2), respectively), 3 weekly."
    )
    assert expansions(text) == {"DCb": "docetaxel 75 mg/m(2), carboplatin AUC 6"}
    # a bracket whose words do not spell the short form defines nothing: 'NSCLC (adenocarcinoma)'
    assert expansions("Patients with advanced NSCLC (adenocarcinoma) who were ...") == {}


def test_a_long_form_never_starts_with_either_or_by():
    # PMC4021263 (benchmarks/pmc/blind-b): 'The first pairs of the specimens were obtained either by
    # self-expectoration (ES) from the next day of the visit or sputum induction ...': ES is no 'either by
    # self-expectoration' (its letters stand in another order), so it stays undefined
    assert (
        long_form("ES", "The first pairs of the specimens were obtained either by self-expectoration ")
        is None
    )
