"""Export the store in the usual RDF formats, written whole or not at all (``kg.files``).

Quad formats (N-Quads, TriG, JSON-LD) keep each source's named graph; triple formats
(Turtle, N-Triples, RDF/XML) carry the union.  pyoxigraph serialises everything: rdflib's
Turtle writer is far too slow at scale.  The JSON-LD document carries the ctkg context
(``kg.jsonld``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg import jsonld
from kg.files import write_atomically
from kg.namespaces import CTKG, ONTOLOGY_IRI, PREFIXES, VERSION_IRI

if TYPE_CHECKING:
    import pyoxigraph

FORMATS = {
    "ttl": "TURTLE",
    "nt": "N_TRIPLES",
    "nq": "N_QUADS",
    "trig": "TRIG",
    "jsonld": "JSON_LD",
    "rdfxml": "RDF_XML",
}
QUAD_FORMATS = {"nq", "trig", "jsonld"}
# OWL 2 DL documents for Protégé and reasoners: the data as individuals importing the ontology
OWL_FORMATS = {"owl": "xml", "owl-ttl": "turtle"}
ONTOLOGY_FILE = "ontology.owl"  # owlready2 resolves an import of .../ontology through onto_path by this name
CATALOG_FILE = "catalog-v001.xml"


def export_bytes(store: pyoxigraph.Store, fmt: str) -> bytes:
    import pyoxigraph

    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    rdf_format = getattr(pyoxigraph.RdfFormat, FORMATS[fmt])
    prefixes = PREFIXES if fmt in ("ttl", "trig", "rdfxml") else None
    if fmt in QUAD_FORMATS:  # the source graphs; the default graph is only their union
        quads = (q for q in store if not isinstance(q.graph_name, pyoxigraph.DefaultGraph))
        data = pyoxigraph.serialize(quads, format=rdf_format, prefixes=prefixes) or b""
        return jsonld.dataset_document(data, PREFIXES) if fmt == "jsonld" else data
    return store.dump(format=rdf_format, from_graph=pyoxigraph.DefaultGraph(), prefixes=prefixes)


def owl_export_bytes(store: pyoxigraph.Store, fmt: str, base: str) -> bytes:
    """The source graphs and the inferred types as one OWL document that imports the ctkg
    ontology, with individuals declared and the closure axioms a reasoner needs (kg.owl).
    The enrichment graph stays out: its Wikidata terms are not declared in any ontology."""
    from rdflib import Graph

    from kg.owl import owl_document
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
    from kg.owl import ontology_graph

    out = Path(out)
    files = [out, out.parent / ONTOLOGY_FILE, out.parent / CATALOG_FILE]
    write_atomically(owl_export_bytes(store, fmt, base), files[0])
    write_atomically(ontology_graph().serialize(format="xml", encoding="utf-8"), files[1])
    write_atomically(catalog_xml(ONTOLOGY_FILE).encode(), files[2])
    return files
