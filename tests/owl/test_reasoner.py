"""Reasoning: HermiT on the ontology plus trial data, and the SPARQL rules that must agree."""

from __future__ import annotations

import shutil

import owlready2
import pyoxigraph
import pytest
from rdflib import RDF, Graph, Literal, URIRef

from kg.namespaces import CTKG
from kg.owl.axioms import ontology_graph, owl_axioms
from kg.owl.reasoner import hermit_types, reason, rule_types, trial_iris, trial_subgraph
from kg.stores.embedded import named_graphs, remove_sources
from kg.stores.graphs import inferred_graph_iri

pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java")

ID = "https://w3id.org/ctkg/id/"
CONTACT = URIRef(f"{ID}trial/nct04471428")
FLAURA = URIRef(f"{ID}trial/nct02296125")
COMBO = URIRef(f"{CONTACT}/pubmed-page-38552197/arm/atezolizumab-cabozantinib")
DOCETAXEL = URIRef(f"{CONTACT}/pubmed-page-38552197/arm/docetaxel")
EITHER = URIRef(f"{FLAURA}/pubmed-page-29151359/arm/gefitinib-or-erlotinib")
OSIMERTINIB = URIRef(f"{FLAURA}/pubmed-page-29151359/arm/osimertinib")


@pytest.fixture(scope="module")
def data(two_trials_store):
    return trial_subgraph(two_trials_store, [str(CONTACT), str(FLAURA)])


@pytest.fixture(scope="module")
def by_hermit(data):
    return hermit_types(data)


def types(pairs, node) -> set[str]:
    return {str(c).rsplit("#", 1)[-1] for s, c in pairs if s == node}


def test_the_subgraph_holds_both_trials_and_their_drugs(data):
    assert (CONTACT, RDF.type, CTKG.Trial) in data and (FLAURA, RDF.type, CTKG.Trial) in data
    assert (URIRef(f"{ID}drug/atezolizumab"), RDF.type, CTKG.PDL1Inhibitor) in data
    assert len(data) > 300


def test_hermit_finds_ontology_and_data_consistent_with_no_unsatisfiable_class(data, tmp_path):
    path = tmp_path / "doc.nt"
    (ontology_graph() + data + owl_axioms(data)).serialize(destination=str(path), format="nt")
    world = owlready2.World()
    world.get_ontology(path.as_uri()).load()
    owlready2.sync_reasoner(world, infer_property_values=False, debug=0)  # raises if inconsistent
    assert list(world.inconsistent_classes()) == []


def test_contact01_is_a_randomised_controlled_trial_whose_primary_endpoint_was_not_met(by_hermit):
    assert {"RandomizedControlledTrial", "TrialWithUnmetPrimaryEndpoint"} <= types(by_hermit, CONTACT)
    assert "RandomizedControlledTrial" in types(by_hermit, FLAURA)
    assert "TrialWithUnmetPrimaryEndpoint" not in types(by_hermit, FLAURA)  # FLAURA met its endpoint


def test_the_atezolizumab_cabozantinib_arm_is_a_combination_with_immunotherapy(by_hermit):
    assert {"CombinationTherapyArm", "ImmunotherapyArm"} <= types(by_hermit, COMBO)
    assert "ChemotherapyOnlyArm" not in types(by_hermit, COMBO)


def test_the_docetaxel_arm_is_chemotherapy_only(by_hermit):
    assert {"ChemotherapyOnlyArm", "ControlArm"} <= types(by_hermit, DOCETAXEL)
    assert not {"CombinationTherapyArm", "ImmunotherapyArm"} & types(by_hermit, DOCETAXEL)


def test_gefitinib_or_erlotinib_is_a_choice_not_a_combination(by_hermit):
    assert "AlternativeDrugsArm" in types(by_hermit, EITHER)
    assert "CombinationTherapyArm" not in types(by_hermit, EITHER)
    assert "CombinationTherapyArm" not in types(by_hermit, OSIMERTINIB)  # one drug


def test_drug_types_climb_the_class_hierarchy(by_hermit):
    cabozantinib = URIRef(f"{ID}drug/cabozantinib")
    assert {"KinaseInhibitor", "TargetedTherapy"} <= types(by_hermit, cabozantinib)


def test_sparql_rules_infer_exactly_what_hermit_infers(data, by_hermit):
    by_rules = rule_types(data)
    assert len(by_rules) > 20
    assert by_rules == by_hermit


def test_a_second_drug_makes_the_docetaxel_arm_a_combination_and_not_chemotherapy_only(data):
    changed = data + Graph()
    extra = URIRef(f"{DOCETAXEL}/intervention/atezolizumab")
    changed.add((DOCETAXEL, CTKG.hasIntervention, extra))
    changed.add((extra, RDF.type, CTKG.Intervention))
    changed.add((extra, CTKG.drug, URIRef(f"{ID}drug/atezolizumab")))
    for inferred in (hermit_types(changed), rule_types(changed)):
        assert "ChemotherapyOnlyArm" not in types(inferred, DOCETAXEL)
        assert {"CombinationTherapyArm", "ImmunotherapyArm"} <= types(inferred, DOCETAXEL)


def test_an_arm_both_a_choice_and_not_is_inconsistent(data):
    broken = data + Graph()
    broken.add((COMBO, CTKG.drugChoice, Literal(True)))  # drugChoice is functional; false is stated
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        hermit_types(broken)


@pytest.mark.parametrize("method", ["hermit", "rules"])
def test_reason_writes_its_own_graph_that_can_be_dropped(two_trials_store, method):
    store = pyoxigraph.Store()
    store.extend(two_trials_store)
    before = sorted(str(q) for q in store)
    inferred = reason(store, ID, method)
    graph = pyoxigraph.NamedNode(str(inferred_graph_iri(ID)))
    assert store.contains_named_graph(graph) and len(inferred) > 20
    assert (COMBO, RDF.type, CTKG.CombinationTherapyArm) in inferred
    assert str(inferred_graph_iri(ID)) not in named_graphs(store)  # not a source graph
    reason(store, ID, method)  # a re-run replaces, never adds
    assert len(list(store.quads_for_pattern(None, None, None, graph))) == len(inferred)
    remove_sources(store, [str(inferred_graph_iri(ID))])  # as 'ctkg remove <graph>' does
    assert sorted(str(q) for q in store) == before


def test_trials_are_found_in_the_store(two_trials_store):
    assert trial_iris(two_trials_store) == sorted([str(CONTACT), str(FLAURA)])


def test_interventions_are_classified_by_kind_and_the_rules_agree(data, by_hermit):
    # the abstract's arms are typed by kind: an antibody is a biological, a kinase inhibitor a drug
    atezolizumab = URIRef(f"{COMBO}/intervention/atezolizumab")
    cabozantinib = URIRef(f"{COMBO}/intervention/cabozantinib")
    assert "BiologicalIntervention" in types(by_hermit, atezolizumab)
    assert "DrugIntervention" in types(by_hermit, cabozantinib)
    assert "Treatment" in types(by_hermit, URIRef(f"{ID}drug/atezolizumab"))  # a drug is a treatment


def test_non_drug_kinds_and_their_treatments_are_classified_the_same_both_ways():
    """NCT00023673 declares 'Radiation: three-dimensional conformal radiation therapy' beside
    'Drug: carboplatin' and 'Drug: paclitaxel'."""
    from kg.build import build
    from tests.conftest import FIXTURES

    store = pyoxigraph.Store()
    build([FIXTURES / "ctgov" / "NCT00023673.xml"], store, progress=lambda _m: None)
    data = trial_subgraph(store, trial_iris(store))
    treatment = URIRef(f"{ID}treatment/three-dimensional-conformal-radiation-therapy")
    assert (treatment, RDF.type, CTKG.Treatment) in data  # the subgraph follows ctkg:treatment too
    by_hermit = hermit_types(data)
    assert by_hermit == rule_types(data)
    radiation = list(data.subjects(CTKG.treatment, treatment))  # one per arm that gives it
    assert radiation and all("RadiationIntervention" in types(by_hermit, i) for i in radiation)
    kinds = {
        c
        for i in data.subjects(RDF.type, CTKG.Intervention)
        for c in types(by_hermit, i)
        if c.endswith("Intervention")
    }
    assert kinds == {"RadiationIntervention", "DrugIntervention"}
