"""The Protégé bundle: the graph as one OWL 2 DL document importing the ctkg ontology, and
beside it the ontology and an XML catalog, so the folder opens offline in Protégé and in
owlready2 (``ctkg export --format owl|owl-ttl``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg.files import write_atomically
from kg.namespaces import CTKG, ONTOLOGY_IRI, VERSION_IRI

if TYPE_CHECKING:
    import pyoxigraph

# OWL 2 DL documents for Protégé and reasoners: the data as individuals importing the ontology
OWL_FORMATS = {"owl": "xml", "owl-ttl": "turtle"}
ONTOLOGY_FILE = "ontology.owl"  # owlready2 resolves an import of .../ontology through onto_path by this name
CATALOG_FILE = "catalog-v001.xml"


def owl_export_bytes(store: pyoxigraph.Store, fmt: str, base: str) -> bytes:
    """The source graphs and the inferred types as one OWL document that imports the ctkg
    ontology, with individuals declared and the closure axioms a reasoner needs (kg.owl.axioms).
    The enrichment graph stays out: its Wikidata terms are not declared in any ontology."""
    from rdflib import Graph

    from kg.owl.axioms import owl_document
    from kg.stores.embedded import rdflib_term
    from kg.stores.graphs import inferred_graph_iri

    data = Graph()
    query = f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{
      {{ GRAPH ?g {{ ?s ?p ?o . ?g a <{CTKG.SourceGraph}> }} }}
      UNION {{ GRAPH <{inferred_graph_iri(base)}> {{ ?s ?p ?o }} }} }}"""
    for triple in store.query(query):
        data.add(tuple(rdflib_term(t) for t in triple))
    return owl_document(data, f"{base}dataset").serialize(format=OWL_FORMATS[fmt], encoding="utf-8")


def catalog_xml(ontology_file: str) -> str:
    """A Protégé XML catalog that resolves the ctkg ontology IRI (and version IRI) locally."""
    entries = "".join(
        f'    <uri id="ctkg" name="{iri}" uri="{ontology_file}"/>\n' for iri in (ONTOLOGY_IRI, VERSION_IRI)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        '<catalog prefer="public" xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">\n'
        f"{entries}</catalog>\n"
    )


def write_owl_bundle(store: pyoxigraph.Store, fmt: str, out: str | Path, base: str) -> list[Path]:
    """The OWL export plus, beside it, the ontology as RDF/XML and a catalog for Protégé:
    a folder that opens offline in Protégé and in owlready2 (onto_path)."""
    from kg.owl.axioms import ontology_graph

    out = Path(out)
    files = [out, out.parent / ONTOLOGY_FILE, out.parent / CATALOG_FILE]
    write_atomically(owl_export_bytes(store, fmt, base), files[0])
    write_atomically(ontology_graph().serialize(format="xml", encoding="utf-8"), files[1])
    write_atomically(catalog_xml(ONTOLOGY_FILE).encode(), files[2])
    return files
