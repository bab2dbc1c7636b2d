"""Export the store in the usual RDF formats, written whole or not at all (``kg.files``).

Quad formats (N-Quads, TriG, JSON-LD) keep each source's named graph; triple formats
(Turtle, N-Triples, RDF/XML) carry the union.  pyoxigraph serialises everything: rdflib's
Turtle writer is far too slow at scale.  The JSON-LD document carries the ctkg context
(``kg.jsonld``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg import jsonld
from kg.namespaces import PREFIXES

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
