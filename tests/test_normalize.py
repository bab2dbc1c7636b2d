"""The drug and condition lexicon: resolution of names, classes in the ontology, verified ids."""

from __future__ import annotations

import re

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, URIRef

from kg.model import Arm, Drug, Intervention, SourceDocument, Trial
from kg.namespaces import CTKG
from kg.normalize import entries, lookup, normalize_document, normalize_drug
from kg.resources import bundled_path
from kg.sources import read_documents

ONTOLOGY = Graph().parse(bundled_path("ontology", "ctkg.ttl"))
DRUGS = entries("drugs")


def test_brand_names_codes_and_spellings_resolve_to_the_generic_name():
    assert normalize_drug(Drug(name="Tecentriq")).name == "atezolizumab"
    assert normalize_drug(Drug(name="MPDL3280A")).name == "atezolizumab"
    assert normalize_drug(Drug(name="sb-paclitaxel")).name == "paclitaxel"
    assert normalize_drug(Drug(name="  Cabometyx ")).name == "cabozantinib"
    resolved = normalize_drug(Drug(name="Tecentriq"))
    assert resolved.printed == "Tecentriq"
    assert resolved.drug_class == "PDL1Inhibitor"
    assert resolved.mappings == [
        "http://purl.obolibrary.org/obo/NCIT_C106250",
        "https://go.drugbank.com/drugs/DB11595",
    ]


def test_an_unknown_drug_keeps_its_printed_name_and_no_class():
    drug = normalize_drug(Drug(name="get73"))
    assert drug == Drug(name="get73")
    assert lookup("drugs", "get73") is None


def test_the_lexicon_covers_the_oncology_drugs_of_the_data_sets():
    for name in ("atezolizumab", "cabozantinib", "docetaxel", "nivolumab", "pembrolizumab", "gefitinib",
                 "erlotinib", "osimertinib", "carboplatin", "cisplatin", "pemetrexed", "bevacizumab",
                 "crizotinib", "alectinib", "nab-paclitaxel", "vinorelbine", "durvalumab"):  # fmt: skip
        assert lookup("drugs", name) is not None, name


@pytest.mark.parametrize("entry", DRUGS, ids=[e.name for e in DRUGS])
def test_every_drug_class_is_an_ontology_class_under_drug(entry):
    cls = CTKG[entry.drug_class]
    assert (cls, RDF.type, OWL.Class) in ONTOLOGY
    assert CTKG.Drug in set(ONTOLOGY.transitive_objects(cls, RDFS.subClassOf))


@pytest.mark.parametrize("entry", DRUGS, ids=[e.name for e in DRUGS])
def test_every_identifier_says_where_it_was_verified(entry):
    kinds = {"NCIT_": "ncit", "drugbank.com": "drugbank", "wikidata.org": "wikidata"}
    for iri in entry.mappings:
        kind = next(v for k, v in kinds.items() if k in iri)
        assert re.search(rf"\b{kind} S\d", entry.verified), (entry.name, iri, entry.verified)
    assert bool(entry.mappings) == bool(entry.verified), entry.name


def test_identifiers_are_well_formed_and_unique():
    seen: dict[str, str] = {}
    for entry in DRUGS:
        for iri in entry.mappings:
            assert re.fullmatch(
                r"http://purl\.obolibrary\.org/obo/NCIT_C\d+|https://go\.drugbank\.com/drugs/DB\d{5}"
                r"|http://www\.wikidata\.org/entity/Q\d+",
                iri,
            ), iri
            assert seen.setdefault(iri, entry.name) == entry.name, iri


def test_a_name_naming_two_drugs_is_refused(monkeypatch):
    from kg import normalize

    rows = [
        {"name": "a", "synonyms": "x", "class": "Taxane"},
        {"name": "b", "synonyms": "x", "class": "Taxane"},
    ]
    monkeypatch.setattr(normalize, "_rows", lambda _file: rows)
    normalize.entries.cache_clear()
    normalize._index.cache_clear()
    try:
        with pytest.raises(ValueError, match="'x' names both 'a' and 'b'"):
            normalize.lookup("drugs", "x")
    finally:
        normalize.entries.cache_clear()
        normalize._index.cache_clear()


def test_documents_are_normalised_when_read(seed_path):
    (doc,) = read_documents(seed_path)
    drugs = {i.drug.name: i.drug for a in doc.trial.arms for i in a.interventions}
    assert set(drugs) == {"atezolizumab", "cabozantinib", "docetaxel"}
    assert drugs["cabozantinib"].drug_class == "VEGFRInhibitor"
    assert drugs["docetaxel"].mappings[0] == "http://purl.obolibrary.org/obo/NCIT_C1526"
    assert doc.trial.population.condition.name == "non-small cell lung cancer"  # as printed
    assert doc.trial.population.condition.mappings == ["http://purl.obolibrary.org/obo/NCIT_C2926"]


def test_normalised_drugs_reach_the_graph_as_one_node(contact_doc):
    g = contact_doc.graph
    atezo = URIRef("https://w3id.org/ctkg/id/drug/atezolizumab")
    assert (atezo, RDF.type, CTKG.PDL1Inhibitor) in g and (atezo, RDF.type, CTKG.Drug) in g
    assert (atezo, SKOS.exactMatch, URIRef("http://purl.obolibrary.org/obo/NCIT_C106250")) in g


def test_brand_name_in_a_record_joins_the_generic_drug_node():
    arm = Arm(label="A", interventions=[Intervention(drug=Drug(name="Tecentriq"))])
    doc = SourceDocument(path="x", kind="test", key="1", sha256="0" * 64, trial=Trial(arms=[arm]))
    normalize_document(doc)
    assert doc.trial.arms[0].drug_names == ["atezolizumab"]
    assert doc.trial.arms[0].interventions[0].drug.printed == "Tecentriq"


def test_brand_names_are_found_in_text_as_their_generic_names():
    from kg.extraction.lexicon import find_drugs

    found = [name for name, _s, _e in find_drugs("Patients received Tecentriq plus Cabometyx or Taxotere.")]
    assert found == ["atezolizumab", "cabozantinib", "docetaxel"]


def test_every_external_iri_in_the_data_is_a_verified_lexicon_mapping(two_trials_store):
    """The data's external identifiers come only from the lexicon's verified columns."""
    verified = {iri for kind in ("drugs", "conditions") for e in entries(kind) for iri in e.mappings}
    query = "SELECT DISTINCT ?o WHERE { ?s <http://www.w3.org/2004/02/skos/core#exactMatch> ?o }"
    used = {row["o"].value for row in two_trials_store.query(query, use_default_graph_as_union=True)}
    assert len(used) >= 8
    assert used <= verified
