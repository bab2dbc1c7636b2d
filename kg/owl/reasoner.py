"""Inferred types: HermiT (through owlready2) trial by trial, or the same entailments as
SPARQL rules for graphs too large for a DL reasoner.

Either way the inferred ``rdf:type`` statements go into one named graph of their own
(``<base>graph/inferred``), replaced whole on each run, so they can be dropped without
touching what the sources said.  HermiT takes seconds for a hundred trials but minutes
for a few hundred in one ontology, so trials are reasoned over in small batches, each
with the ontology and that batch's own subgraph only.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from rdflib import OWL, RDF, Graph, URIRef

from kg.namespaces import CTKG, ONTOLOGY_IRI
from kg.owl.axioms import individuals, ontology_graph, owl_axioms
from kg.stores.embedded import rdflib_term
from kg.stores.graphs import inferred_graph_iri

if TYPE_CHECKING:
    import pyoxigraph

    from kg.stores.protocol import Store

Typing = set[tuple[URIRef, URIRef]]
METHODS = ("hermit", "rules")

_PREFIXES = f"""PREFIX ctkg: <{CTKG}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""
# One rule per entailment the ontology's axioms give for ctkg data: its class hierarchy and
# each defined class.  tests/test_reason.py checks that HermiT infers exactly these types.
RULES = {
    "superclasses": "CONSTRUCT { ?x a ?super } WHERE { ?x a ?c . ?c rdfs:subClassOf+ ?super . FILTER(isIRI(?super)) }",
    "control arm": 'CONSTRUCT { ?a a ctkg:ControlArm } WHERE { ?a a ctkg:Arm ; ctkg:armRole "comparator" }',
    "randomized controlled trial": """CONSTRUCT { ?t a ctkg:RandomizedControlledTrial } WHERE {
        ?t a ctkg:Trial ; ctkg:randomized true ; ctkg:hasArm ?a . ?a a ctkg:Arm ; ctkg:armRole "comparator" }""",
    "unmet primary endpoint": """CONSTRUCT { ?t a ctkg:TrialWithUnmetPrimaryEndpoint } WHERE {
        ?t a ctkg:Trial ; ctkg:primaryEndpointMet false }""",
    "combination therapy arm": """CONSTRUCT { ?a a ctkg:CombinationTherapyArm } WHERE {
        ?a a ctkg:Arm ; ctkg:drugChoice false .
        { SELECT ?a (COUNT(DISTINCT ?i) AS ?n) WHERE { ?a ctkg:hasIntervention ?i . ?i a ctkg:Intervention } GROUP BY ?a }
        FILTER(?n >= 2) }""",
    "alternative drugs arm": "CONSTRUCT { ?a a ctkg:AlternativeDrugsArm } WHERE { ?a a ctkg:Arm ; ctkg:drugChoice true }",
    "immunotherapy arm": """CONSTRUCT { ?a a ctkg:ImmunotherapyArm } WHERE {
        ?a a ctkg:Arm ; ctkg:hasIntervention/ctkg:drug ?d . ?d a/rdfs:subClassOf* ctkg:Immunotherapy }""",
    # one rule for every kind class: the ontology's own definitions (intervention type value)
    "intervention kind": """CONSTRUCT { ?i a ?kind } WHERE {
        ?i a ctkg:Intervention ; ctkg:interventionType ?type .
        ?kind owl:equivalentClass/owl:intersectionOf/rdf:rest*/rdf:first ?r .
        ?r owl:onProperty ctkg:interventionType ; owl:hasValue ?type }""",
    "chemotherapy-only arm": """CONSTRUCT { ?a a ctkg:ChemotherapyOnlyArm } WHERE {
        ?a a ctkg:Arm ; ctkg:hasIntervention ?some . ?some a ctkg:Intervention .
        FILTER NOT EXISTS { ?a ctkg:hasIntervention ?i .
          FILTER NOT EXISTS { ?i ctkg:drug ?d . ?d a/rdfs:subClassOf* ctkg:Chemotherapy } } }""",
}


def trial_iris(store: pyoxigraph.Store) -> list[str]:
    query = f"SELECT DISTINCT ?t WHERE {{ ?t a <{CTKG.Trial}> }} ORDER BY ?t"
    return [row["t"].value for row in store.query(query)]


def trial_subgraph(store: pyoxigraph.Store, trials: Iterable[str]) -> Graph:
    """What the sources say of these trials: the trial nodes, every node under their IRIs
    (arms, interventions, results...) and the drugs and treatments the interventions give.  Only source
    graphs are read, never an earlier run's inferred graph."""
    values = " ".join(f"<{t}>" for t in trials)
    source = "GRAPH ?g { ?s ?p ?o . ?g a ctkg:SourceGraph }"
    query = f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{
      {{ VALUES ?t {{ {values} }} {source} FILTER(?s = ?t || STRSTARTS(STR(?s), CONCAT(STR(?t), "/"))) }}
      UNION {{ VALUES ?t {{ {values} }} ?t ctkg:hasArm/ctkg:hasIntervention/(ctkg:drug|ctkg:treatment) ?s . {source} }}
    }}"""
    g = Graph()
    for triple in store.query(_PREFIXES + query):
        g.add(tuple(rdflib_term(term) for term in triple))
    return g


def _named_classes(data: Graph) -> set[URIRef]:
    return {c for c in ontology_graph().subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}


def hermit_types(data: Graph) -> Typing:
    """Every (individual, named class) typing HermiT entails for the data's subjects with the
    ontology, beyond those the data asserts."""
    import owlready2

    subjects = {s for s in set(data.subjects()) if isinstance(s, URIRef)} & individuals(data)
    doc = ontology_graph() + data + owl_axioms(data)
    fd, path = tempfile.mkstemp(suffix=".nt")
    os.close(fd)
    try:
        doc.serialize(destination=path, format="nt", encoding="utf-8")
        world = owlready2.World()
        world.get_ontology(f"file://{path}").load()
        owlready2.sync_reasoner(world, infer_property_values=False, debug=0)
        named = _named_classes(data)
        entailed = set()
        for s in subjects:
            entity = world[str(s)]
            for cls in getattr(entity, "INDIRECT_is_a", ()):
                iri = URIRef(getattr(cls, "iri", ""))
                if iri in named:
                    entailed.add((s, iri))
        world.close()
    finally:
        os.unlink(path)
    return entailed - set(data.subject_objects(RDF.type))


def rule_types(data: Graph) -> Typing:
    """The same entailments by the SPARQL rules, run to a fixpoint over data + ontology."""
    import pyoxigraph

    store = pyoxigraph.Store()
    store.load(ontology_graph().serialize(format="nt").encode(), format=pyoxigraph.RdfFormat.N_TRIPLES)
    store.load(data.serialize(format="nt").encode(), format=pyoxigraph.RdfFormat.N_TRIPLES)
    asserted = {(s, o) for s, o in data.subject_objects(RDF.type)}
    subjects = {s for s in set(data.subjects()) if isinstance(s, URIRef)}
    found: Typing = set()
    while True:
        new = _apply_rules(store) - found
        if not new:
            break
        found |= new
    return {(s, c) for s, c in found if s in subjects} - asserted


def _apply_rules(store: pyoxigraph.Store) -> Typing:
    import pyoxigraph

    out: Typing = set()
    for rule in RULES.values():
        triples = list(store.query(_PREFIXES + rule))
        for t in triples:
            store.add(pyoxigraph.Quad(t.subject, t.predicate, t.object))
            out.add((URIRef(t.subject.value), URIRef(t.object.value)))
    return out


def reason(
    target: Store | pyoxigraph.Store,
    base: str,
    method: str = "hermit",
    batch: int = 25,
    progress: Callable[[str], None] | None = None,
) -> Graph:
    """Infer types for every trial in the store and replace the inferred graph with them; on
    any store (kg.stores): a server's trials are read from a local copy of its ctkg graphs."""
    from kg.stores import as_store

    if method not in METHODS:
        raise ValueError(f"unknown reasoning method {method!r} (one of {', '.join(METHODS)})")
    store = as_store(target).local()
    if not store.contains_named_graph(_node(ONTOLOGY_IRI)):
        raise ValueError("the store has no ontology graph: build something first ('ctkg build')")
    infer = hermit_types if method == "hermit" else rule_types
    trials = trial_iris(store)
    inferred = Graph()
    for start in range(0, len(trials), batch):
        chunk = trials[start : start + batch]
        if progress:
            progress(f"[{start + len(chunk)}/{len(trials)}] {method}")
        for s, c in infer(trial_subgraph(store, chunk)):
            inferred.add((s, RDF.type, c))
    as_store(target).replace_graphs([(inferred_graph_iri(base), inferred)])
    return inferred


def _node(iri: str):
    import pyoxigraph

    return pyoxigraph.NamedNode(iri)
