"""Every named graph's IRI, minted here and nowhere else.

A store holds one graph per source document (``<base>graph/<kind>/<key>``), the ontology's
terms (its ontology IRI), and graphs derived from the sources (``<base>graph/inferred``,
``<base>graph/enrichment``, ``<base>graph/findings``), each replaced whole when it is recomputed.  Uploads in pieces
travel through temporary graphs under ``UPLOAD_PREFIX``.  Knowing these names is what lets a
remote store list ctkg's graphs without ever touching a server's own (Virtuoso's system graphs).
"""

from __future__ import annotations

from rdflib import URIRef

from kg.namespaces import ONTOLOGY_IRI

ONTOLOGY_GRAPH = URIRef(ONTOLOGY_IRI)
UPLOAD_PREFIX = "urn:ctkg:upload:"
DERIVED = ("inferred", "enrichment", "findings")


def source_graph_iri(base: str, kind: str, key_slug: str) -> URIRef:
    """A source document's graph: ``kind`` is the source kind, ``key_slug`` its slugged key."""
    return URIRef(f"{base}graph/{kind}/{key_slug}")


def derived_graph_iri(base: str, kind: str) -> URIRef:
    """A graph computed from the sources (one of ``DERIVED``), replaced whole on each run."""
    if kind not in DERIVED:
        raise ValueError(f"no derived graph {kind!r} (expected one of {', '.join(DERIVED)})")
    return URIRef(f"{base}graph/{kind}")


def inferred_graph_iri(base: str) -> URIRef:
    return derived_graph_iri(base, "inferred")


def enrichment_graph_iri(base: str) -> URIRef:
    return derived_graph_iri(base, "enrichment")


def derived_graphs_of(source_graphs: list[str]) -> list[str]:
    """The derived graphs the bases of these source graphs could hold."""
    bases = sorted({source_graph.rsplit("graph/", 1)[0] for source_graph in source_graphs})
    return [str(derived_graph_iri(base, kind)) for base in bases for kind in DERIVED]
