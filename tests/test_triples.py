"""One mapping, two outputs: the rdflib graph and the TriG text hold the same triples."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.inputs import expand
from kg.mapping import document_triples
from kg.sources import read_documents
from kg.triples import TripleSet, Typed

FIXTURES = Path(__file__).parent / "fixtures"
AT = datetime(2026, 1, 1, tzinfo=timezone.utc)
DOCUMENTS = [
    *(
        p
        for p in expand([FIXTURES / "abstracts", FIXTURES / "ctgov", FIXTURES / "pubmed_xml"])
        if "gold" not in p.parts
    ),
    Path(__file__).parents[1] / "kg" / "examples" / "contact-01.pubmed.txt",
]


def from_trig(text: str, graph_iri: URIRef) -> Graph:
    ds = Dataset()
    ds.parse(data=text, format="trig")
    assert {str(g.identifier) for g in ds.graphs() if len(g)} == {str(graph_iri)}
    return ds.graph(graph_iri)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_graph_and_trig_of_a_document_are_isomorphic(path):
    for doc in read_documents(path):
        graph_iri, triples = document_triples(doc, "https://example.org/kg/", AT)
        graph = triples.graph()
        assert len(graph) == len(triples) > 20
        assert isomorphic(graph, from_trig(triples.trig(graph_iri), graph_iri))


def test_awkward_literals_survive_both_ways():
    s, p = URIRef("https://example.org/s"), URIRef("https://example.org/p")
    values = [
        'quote " backslash \\ newline \n return \r tab \t',
        "unicode ≥ 10% µg/m²",
        True,
        False,
        -3,
        Decimal("0.880"),
        Decimal("1E+1"),
        Decimal("5E-8"),
        Typed("2026-01-01T00:00:00+00:00", "http://www.w3.org/2001/XMLSchema#dateTime"),
        URIRef("https://example.org/é?q=1#x"),
    ]
    triples = TripleSet()
    for v in values:
        triples.add(s, p, v)
    triples.add(s, p, Decimal("0.880"))  # a duplicate is one triple, as in a graph
    graph_iri = URIRef("https://example.org/g")
    parsed = from_trig(triples.trig(graph_iri), graph_iri)
    assert len(triples) == len(values)
    assert isomorphic(triples.graph(), parsed)
    assert (
        s,
        p,
        Literal("0.00000005", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal")),
    ) in parsed
