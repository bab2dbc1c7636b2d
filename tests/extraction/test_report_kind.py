"""Which pages report a randomised trial: real pages of the shared pool and abstracts
(copies in tests/fixtures/pages, sources in its SOURCES.tsv), each of a kind the judge must tell apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extraction.report_kind import reports_randomised_trial
from kg.model import AbstractSection
from kg.sources import read_document

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"


@pytest.mark.parametrize(
    ("page", "randomised", "reason"),
    [
        # a randomised trial's own report, named so in the title or the abstract
        ("PMID28968167", True, "randomised: 'were randomly assigned'"),  # one-paragraph abstract
        (
            "PMID16293868",
            True,
            "randomised (title): 'Phase III trial of gemcitabine plus carboplatin versus'",
        ),
        (
            "PMID10561343",
            True,
            "randomised (title): 'Phase III study of concurrent versus'",
        ),  # no 'random' word
        ("PMID2405271", True, "randomised (title): 'randomized trial'"),  # 1990, no section labels
        # a secondary analysis of one trial reports it
        ("PMID18024870", True, "randomised: 'trial that randomly assigned'"),
        # trials pooled that each randomised between the same arms (one of them in the shared gold)
        ("PMID25981812", True, "randomised: 'were randomly assigned'"),
        ("PMID29023213", True, "randomised: 'were randomly assigned'"),
        # pages that speak of randomised trials without reporting one
        ("PMID17551145", False, "review: 'individual patient data'"),
        ("PMID22859511", False, "review: 'best evidence topic'"),
        ("PMID19487960", False, "several trials: 'based on two large randomized clinical trials'"),
        ("PMID21045183", False, "protocol: 'study design'"),
        ("PMID18640297", False, "no participants allocated at random"),  # 'A randomized study is needed.'
        ("PMID28919011", False, "no participants allocated at random"),  # 'non-randomised' phase 2
        ("PMID21933749", False, "no participants allocated at random"),  # retrospective
    ],
)
def test_pages(page: str, randomised: bool, reason: str) -> None:
    doc = read_document(PAGES / f"{page}.txt")
    verdict = reports_randomised_trial(doc.publication.title, doc.abstract)
    assert (verdict.randomised, verdict.reason) == (randomised, reason)


def test_a_page_with_a_title_only_is_judged_by_its_title() -> None:
    title = (PAGES / "PMID28973074.txt").read_text(encoding="utf-8").splitlines()[0]
    verdict = reports_randomised_trial(title, [])
    assert verdict.randomised and verdict.reason == "randomised (title): 'Randomized Clinical Trial'"


@pytest.mark.parametrize(
    ("sentence", "randomised"),
    [
        ("A randomized study is needed.", False),  # PMID18640297
        (
            "Owing to the limited and contradictory evidence, there is a need for an randomized controlled trial "
            "to assess the survival outcomes of patients followed up with a CT screening protocol vs a symptom-based "
            "follow-up.",
            False,
        ),  # PMID22859511
        (
            "Patients were randomly assigned in a 1:1 ratio to SABR or lobectomy with mediastinal lymph node "
            "dissection or sampling.",
            True,
        ),  # PMID25981812
        (
            "In this phase 2, multicentre, non-randomised, open-label study, we enrolled previously treated and "
            "untreated patients with stage IV metastatic BRAF(V600E)-positive NSCLC.",
            False,
        ),  # PMID27080216
        # PubMed Central abstracts (jayded/evidence-inference, annotations/abstracts, MIT)
        (
            "In order to assess the effects of juice feedings during acute diarrhea a double-blind, randomized "
            "study was performed in 90 children, mean age of 10 ± 4.28 months.",
            True,
        ),  # PMC1216327
        (
            "A phase III, multi-centre, open label, operator-blinded, crossover design, randomised trial, with "
            "follow-up.",
            True,
        ),  # PMC1326200
    ],
)
def test_sentences_about_the_study_or_another(sentence: str, randomised: bool) -> None:
    verdict = reports_randomised_trial("", [AbstractSection(label="METHODS", text=sentence)])
    assert verdict.randomised is randomised
