"""Trial identity: a trial's IRI comes from the strongest evidence of identity its source
gives (a registry number, a numbered trial name, the reporting publication), so that two
documents share a node only on such evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.iris import Minter, distinctive, several_trials
from kg.model import Publication, Trial
from kg.sources import read_document

BASE = "https://w3id.org/ctkg/id/"
FIXTURES = Path(__file__).parent / "fixtures"
m = Minter(BASE)


def iri(trial: Trial, reporter: Publication | None = None, fallback: str = "doc") -> str:
    return str(m.trial(trial, reporter, fallback))[len(BASE) :]


def test_a_registry_number_names_the_trial_whoever_reports_it():
    # CheckMate 017: "(Funded by Bristol-Myers Squibb; CheckMate 017 ClinicalTrials.gov number,
    # NCT01642004.)" in PMID 26028407, and the registry's own record of NCT01642004
    paper = read_document(FIXTURES / "abstracts" / "PMID26028407.txt")
    record = read_document(FIXTURES / "ctgov" / "NCT01642004.xml")
    assert iri(paper.trial, paper.publication) == iri(record.trial) == "trial/nct01642004"


def test_numbers_from_several_registries_are_one_trial_several_from_one_are_several():
    # the record of NCT01642004 lists its EudraCT number 2011-004792-36: one trial
    assert read_document(FIXTURES / "ctgov" / "NCT01642004.xml").trial.registry_ids == [
        "NCT01642004",
        "2011-004792-36",
    ]
    assert not several_trials(Trial(registry_ids=["NCT01642004", "2011-004792-36"]))
    assert (
        iri(Trial(registry_ids=["NCT01642004", "2011-004792-36"]), Publication(pmid="1"))
        == "trial/nct01642004"
    )
    # "advanced squamous (CheckMate 017; ClinicalTrials.gov identifier: NCT01642004) or
    # nonsquamous (CheckMate 057; ClinicalTrials.gov identifier: NCT01673867) ... We report
    # updated results, including a pooled analysis of the two studies." (PMID 29023213)
    pooled = read_document(FIXTURES / "pool" / "PMID29023213.txt")
    assert pooled.trial.registry_ids == ["NCT01642004", "NCT01673867"] and several_trials(pooled.trial)
    assert iri(pooled.trial, pooled.publication) == "trial/pmid/29023213"  # neither trial alone


def test_another_registrys_number_names_the_trial():
    # ANITA: "This trial is registered as an International Standard Randomised Controlled
    # Trial, number ISRCTN95053737." (PMID 16945766)
    doc = read_document(FIXTURES / "pool" / "PMID16945766.txt")
    assert iri(doc.trial, doc.publication) == "trial/registry/isrctn95053737"


def test_without_a_registry_number_the_publication_names_its_trial():
    page = Publication(pmid="11870177")
    assert iri(Trial(), page) == "trial/pmid/11870177"
    assert iri(Trial(acronym="SATURN"), page) == "trial/pmid/11870177"  # a word names many trials
    assert (
        iri(Trial(), Publication(doi="10.1200/JCO.2002.20.5.1335"))
        == "trial/doi/10.1200%2Fjco.2002.20.5.1335"
    )
    assert iri(Trial(), None, "ctgov-json-x") == "trial/ctgov-json-x"  # no publication: the document


def test_a_numbered_trial_name_joins_the_reports_that_print_no_registry_number():
    # "updated survival analysis of the AVAPERL (MO22089) randomized phase III trial" (PMID
    # 24585722) and "...: AVAPERL (MO22089)." (PMID 23835708): no registry number in either
    first, second = Publication(pmid="24585722"), Publication(pmid="23835708")
    assert iri(Trial(acronym="MO22089"), first) == iri(Trial(acronym="MO22089"), second)
    assert iri(Trial(acronym="MO22089"), first) == "trial/acronym/mo22089"
    # a registry number, where printed, outweighs the name
    checkmate = Trial(acronym="CheckMate 017", registry_ids=["NCT01642004"])
    assert iri(checkmate, Publication(pmid="26028407")) == "trial/nct01642004"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("KEYNOTE-024", True),
        ("CheckMate 017", True),
        ("JCOG0802", True),
        ("CALGB 9633", True),
        ("SATURN", False),  # 'phase III SATURN study': erlotinib maintenance, and other trials
        ("START", False),
        ("IMPRESS", False),
    ],
)
def test_only_a_numbered_name_is_distinctive(name, expected):
    assert distinctive(name) is expected


def test_trial_iris_are_injective_across_kinds_of_evidence():
    trials = [
        (Trial(registry_ids=["NCT01642004"]), None),
        (Trial(registry_ids=["ISRCTN95053737"]), None),
        (Trial(acronym="MO22089"), Publication(pmid="1")),
        (Trial(), Publication(pmid="1")),
        (Trial(), Publication(pmid="2")),
        (Trial(), Publication(doi="10.1200/x")),
        (Trial(), None),
    ]
    iris = [iri(t, p, fallback="pubmed-page-1") for t, p in trials]
    assert len(set(iris)) == len(iris)


def test_a_sign_closing_a_word_keeps_labels_apart():
    # NCT01357915's arm groups 'GSK149203A S- Group' and 'GSK149203A S+ Group'
    from kg.iris import slug

    assert slug("GSK149203A S- Group") == "gsk149203a-s-minus-group"
    assert slug("GSK149203A S+ Group") == "gsk149203a-s-plus-group"
    assert slug("atezolizumab + cabozantinib") == "atezolizumab-cabozantinib"  # a '+' between words joins
