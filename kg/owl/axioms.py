"""The graph as OWL 2 DL: what Protégé and a reasoner need beyond the plain RDF.

RDF data leaves things open that OWL reasoning needs closed: which nodes are individuals,
that two interventions are different things (OWL has no unique-name assumption), and that
an arm's list of interventions is complete.  These axioms are added here, for the OWL
export and for the reasoner alike, never to the store.
"""

from __future__ import annotations

from functools import cache

from rdflib import OWL, RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection

from kg.namespaces import CTKG, ONTOLOGY_IRI, PREFIXES
from kg.resources import bundled_path


@cache
def _ontology_turtle() -> str:
    return bundled_path("ontology", "ctkg.ttl").read_text(encoding="utf-8")


def ontology_graph() -> Graph:
    """A fresh copy of the bundled ontology (callers may add to it)."""
    return Graph().parse(data=_ontology_turtle(), format="turtle")


@cache
def _object_properties() -> frozenset[URIRef]:
    g = ontology_graph()
    return frozenset(p for p in g.subjects(RDF.type, OWL.ObjectProperty) if isinstance(p, URIRef))


def individuals(data: Graph) -> set[URIRef]:
    """Typed subjects and the values of object properties: everything OWL sees as an individual."""
    props = _object_properties()
    found = {s for s in data.subjects(RDF.type, None) if isinstance(s, URIRef)}
    found |= {o for _s, p, o in data if p in props and isinstance(o, URIRef)}
    return found


def owl_axioms(data: Graph) -> Graph:
    """Declarations and closure axioms for the data: NamedIndividual for each individual,
    owl:AllDifferent over the interventions of each arm, and 'hasIntervention max N' on each
    arm with N listed interventions, so that counting and 'only' can be decided.  (A closure
    by nominals, 'only {i1 i2}', says the same but makes HermiT ten times slower.)"""
    out = Graph()
    for iri in individuals(data):
        out.add((iri, RDF.type, OWL.NamedIndividual))
    for arm in set(data.subjects(CTKG.hasIntervention, None)):
        given = sorted(data.objects(arm, CTKG.hasIntervention))
        out.add((arm, RDF.type, _at_most(out, CTKG.hasIntervention, len(given))))
        if len(given) > 1:
            different = BNode()
            out.add((different, RDF.type, OWL.AllDifferent))
            out.add((different, OWL.distinctMembers, _list(out, given)))
    return out


def _at_most(g: Graph, prop: URIRef, n: int) -> BNode:
    restriction = BNode()
    g.add((restriction, RDF.type, OWL.Restriction))
    g.add((restriction, OWL.onProperty, prop))
    g.add((restriction, OWL.maxCardinality, Literal(n, datatype=XSD.nonNegativeInteger)))
    return restriction


def _list(g: Graph, items: list) -> BNode:
    head = BNode()
    Collection(g, head, list(items))
    return head


def owl_document(data: Graph, iri: str) -> Graph:
    """An OWL ontology document of the data that imports the ctkg ontology."""
    doc = Graph()
    for prefix, ns in PREFIXES.items():
        doc.bind(prefix, ns)
    doc.add((URIRef(iri), RDF.type, OWL.Ontology))
    doc.add((URIRef(iri), OWL.imports, URIRef(ONTOLOGY_IRI)))
    doc += data
    doc += owl_axioms(data)
    return doc
