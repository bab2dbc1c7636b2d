"""Exports in every format re-parse (rdflib) to the graph in the store."""

from __future__ import annotations

import json

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from kg.export import FORMATS, QUAD_FORMATS, export_bytes

RDFLIB_FORMAT = {
    "ttl": "turtle",
    "nt": "nt",
    "nq": "nquads",
    "trig": "trig",
    "jsonld": "json-ld",
    "rdfxml": "xml",
}


def union(data: bytes, fmt: str) -> Graph:
    if fmt in QUAD_FORMATS:
        ds = Dataset()
        ds.parse(data=data, format=RDFLIB_FORMAT[fmt])
        g = Graph()
        for s, p, o, _g in ds.quads():
            g.add((s, p, o))
        return g
    return Graph().parse(data=data, format=RDFLIB_FORMAT[fmt])


@pytest.fixture(scope="module")
def reference(contact_store) -> Graph:
    return union(export_bytes(contact_store, "nq"), "nq")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_reparses_to_the_same_graph(contact_store, reference, fmt):
    g = union(export_bytes(contact_store, fmt), fmt)
    assert len(g) == len(reference) > 400
    assert isomorphic(g, reference)


def test_quad_formats_keep_the_named_graph(contact_store):
    ds = Dataset()
    ds.parse(data=export_bytes(contact_store, "trig"), format="trig")
    graphs = {str(c.identifier) for c in ds.graphs() if len(c)}
    assert "https://w3id.org/ctkg/id/graph/pubmed-page/38552197" in graphs


def test_unknown_format_is_refused(contact_store):
    with pytest.raises(ValueError, match="unknown export format"):
        export_bytes(contact_store, "csv")


def test_json_ld_carries_the_ctkg_context_and_every_source_graph(contact_store):
    data = export_bytes(contact_store, "jsonld")
    document = json.loads(data)
    assert document["@context"]["ctkg"] == "https://w3id.org/ctkg/ontology#"
    assert document["@context"]["hasArm"] == {"@id": "ctkg:hasArm", "@type": "@id"}
    graphs = [node["@id"] for node in document["@graph"]]
    trig = Dataset().parse(data=export_bytes(contact_store, "trig"), format="trig")
    assert sorted(graphs) == sorted(str(c.identifier) for c in trig.graphs() if len(c))
    assert "https://w3id.org/ctkg/id/graph/pubmed-page/38552197" in graphs
    parsed = Dataset().parse(data=data, format="json-ld")
    for name in graphs:
        assert isomorphic(parsed.graph(URIRef(name)), trig.graph(URIRef(name)))
