"""Export the store in the usual RDF formats, written whole or not at all.

Quad formats (N-Quads, TriG) keep each source's named graph; triple formats (Turtle,
N-Triples, JSON-LD, RDF/XML) carry the union.  pyoxigraph serialises everything: rdflib's
Turtle writer is far too slow at scale.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

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
QUAD_FORMATS = {"nq", "trig"}


def export_bytes(store: pyoxigraph.Store, fmt: str) -> bytes:
    import pyoxigraph

    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    rdf_format = getattr(pyoxigraph.RdfFormat, FORMATS[fmt])
    prefixes = PREFIXES if fmt in ("ttl", "trig", "rdfxml") else None
    if fmt in QUAD_FORMATS:  # the source graphs; the default graph is only their union
        quads = (q for q in store if not isinstance(q.graph_name, pyoxigraph.DefaultGraph))
        return pyoxigraph.serialize(quads, format=rdf_format, prefixes=prefixes)
    return store.dump(format=rdf_format, from_graph=pyoxigraph.DefaultGraph(), prefixes=prefixes)


def write_atomically(data: bytes, out: str | Path) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written file."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
