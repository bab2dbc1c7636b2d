"""The OWL export (kg.owl.axioms, kg.owl.protege): Protégé-ready files that owlready2 and the OWL API open
offline, in the OWL 2 DL profile, with no punning and no undeclared entity."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import owlready2
import pytest
from conftest import dl_check
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.cli import main
from kg.namespaces import CTKG, ONTOLOGY_IRI, VERSION_IRI
from kg.owl.protege import CATALOG_FILE, ONTOLOGY_FILE, catalog_xml, owl_export_bytes, write_owl_bundle
from kg.owl.reasoner import reason
from kg.resources import bundled_path

pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="the OWL API and HermiT need Java")
ID = "https://w3id.org/ctkg/id/"
CATALOG_NS = "{urn:oasis:names:tc:entity:xmlns:xml:catalog}"
DECLARATIONS = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
)


@pytest.fixture(scope="module")
def bundle(two_trials_store, tmp_path_factory) -> Path:
    """The export written by the library, then copied to a fresh folder (as a user would)."""
    import pyoxigraph

    store = pyoxigraph.Store()
    store.extend(two_trials_store)
    reason(store, ID, "rules")
    written = write_owl_bundle(store, "owl", tmp_path_factory.mktemp("export") / "ctkg-data.owl", ID)
    fresh = tmp_path_factory.mktemp("fresh")
    for path in written:
        shutil.copy(path, fresh / path.name)
    return fresh / "ctkg-data.owl"


def catalog(folder: Path) -> dict[str, Path]:
    root = ET.parse(folder / CATALOG_FILE).getroot()
    return {e.get("name"): folder / e.get("uri") for e in root.iter(f"{CATALOG_NS}uri")}


def test_the_bundle_holds_data_ontology_and_catalog(bundle):
    assert sorted(p.name for p in bundle.parent.iterdir()) == sorted(
        [bundle.name, ONTOLOGY_FILE, CATALOG_FILE]
    )


def test_every_import_resolves_through_the_catalog_to_the_ontology_it_names(bundle):
    doc = Graph().parse(bundle, format="xml")
    imports = list(doc.objects(None, OWL.imports))
    assert imports == [URIRef(ONTOLOGY_IRI)]
    resolved = catalog(bundle.parent)
    for iri in imports:
        target = Graph().parse(resolved[str(iri)], format="xml")
        assert (iri, RDF.type, OWL.Ontology) in target


def test_the_repository_catalog_resolves_the_ontology_iris_to_its_file():
    folder = bundled_path("ontology")
    resolved = catalog(folder)
    assert set(resolved) == {ONTOLOGY_IRI, VERSION_IRI}
    ontology = Graph().parse(resolved[ONTOLOGY_IRI], format="turtle")
    assert (URIRef(ONTOLOGY_IRI), RDF.type, OWL.Ontology) in ontology
    assert (URIRef(ONTOLOGY_IRI), OWL.versionIRI, URIRef(VERSION_IRI)) in ontology
    assert (folder / CATALOG_FILE).read_text() == catalog_xml("ctkg.ttl")


def test_owlready2_opens_the_export_from_the_fresh_folder_and_hermit_classifies_it(bundle):
    owlready2.onto_path.insert(0, str(bundle.parent))
    try:
        world = owlready2.World()
        data = world.get_ontology(bundle.as_uri()).load()
        assert [o.base_iri.rstrip("#") for o in data.imported_ontologies] == [ONTOLOGY_IRI]
        contact = world[f"{ID}trial/nct04471428"]
        assert contact.label == ["CONTACT-01"]
        assert world[str(CTKG.PDL1Inhibitor)] in world[f"{ID}drug/atezolizumab"].is_a
        owlready2.sync_reasoner(world, infer_property_values=False, debug=0)
        assert list(world.inconsistent_classes()) == []
        docetaxel = world[f"{ID}trial/nct04471428/pubmed-page-38552197/arm/docetaxel"]
        assert world[str(CTKG.ChemotherapyOnlyArm)] in docetaxel.INDIRECT_is_a
    finally:
        owlready2.onto_path.remove(str(bundle.parent))


def test_the_export_is_in_the_owl2_dl_profile(bundle, tmp_path):
    axioms, violations = dl_check(bundle, tmp_path, catalog(bundle.parent))
    assert violations == []
    assert axioms > 2000


def test_the_dl_check_reports_an_undeclared_class(tmp_path):
    """The check can fail: an individual typed with a class nobody declared is a violation."""
    g = Graph()
    g.add((URIRef("http://example.org/o"), RDF.type, OWL.Ontology))
    g.add((URIRef("http://example.org/i"), RDF.type, URIRef("http://example.org/Undeclared")))
    g.serialize(destination=str(tmp_path / "bad.owl"), format="xml")
    _axioms, violations = dl_check(tmp_path / "bad.owl", tmp_path)
    assert any("Undeclared" in v for v in violations), violations


def test_no_punning_and_every_entity_declared(bundle):
    doc = Graph().parse(bundle, format="xml") + Graph().parse(bundle.parent / ONTOLOGY_FILE, format="xml")
    kinds: dict[URIRef, set] = {}
    for kind in DECLARATIONS:
        for s in doc.subjects(RDF.type, kind):
            kinds.setdefault(s, set()).add(kind)
    assert {s: k for s, k in kinds.items() if len(k) > 1} == {}
    builtin = (
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://www.w3.org/2000/01/rdf-schema#",
        "http://www.w3.org/2002/07/owl#",
    )
    for s, p, o in doc:
        if isinstance(s, URIRef) and (s, RDF.type, OWL.Ontology) not in doc:
            assert s in kinds, f"undeclared subject {s}"
        assert p in kinds or str(p).startswith(builtin), f"undeclared property {p}"
        if p == RDF.type and isinstance(o, URIRef) and not str(o).startswith(builtin):
            assert OWL.Class in kinds.get(o, set()), f"undeclared class {o}"


def test_individuals_carry_labels(bundle):
    doc = Graph().parse(bundle, format="xml")
    trials = set(doc.subjects(RDF.type, CTKG.Trial))
    assert trials and all(doc.value(t, RDFS.label) for t in trials)
    arms = set(doc.subjects(RDF.type, CTKG.Arm))
    assert len(arms) == 4 and all(doc.value(a, RDFS.label) for a in arms)


def test_the_turtle_variant_says_the_same(two_trials_store):
    xml = Graph().parse(data=owl_export_bytes(two_trials_store, "owl", ID), format="xml")
    ttl = Graph().parse(data=owl_export_bytes(two_trials_store, "owl-ttl", ID), format="turtle")
    assert len(xml) == len(ttl) > 1000
    assert (URIRef(f"{ID}dataset"), OWL.imports, URIRef(ONTOLOGY_IRI)) in ttl


def test_cli_export_owl_writes_the_bundle(tmp_path, seed_path, capsys):
    store = tmp_path / "store"
    assert main(["build", str(seed_path), "--store", str(store)]) == 0
    out = tmp_path / "out" / "contact.owl"
    assert main(["export", "--format", "owl", "--out", str(out), "--store", str(store)]) == 0
    assert sorted(p.name for p in out.parent.iterdir()) == sorted(
        ["contact.owl", ONTOLOGY_FILE, CATALOG_FILE]
    )
    assert "wrote" in capsys.readouterr().err
    assert (URIRef(f"{ID}trial/nct04471428"), RDF.type, CTKG.Trial) in Graph().parse(out, format="xml")
