"""The fast validation's scopes: each named graph on its own, the whole store, shared nodes."""

from __future__ import annotations

import pyoxigraph

from kg.store import rebuild_union
from kg.validate import validate_named_graphs, validate_store

TRIG = """
@prefix : <http://example.org/v/> .
@prefix ctkg: <https://w3id.org/ctkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
:g1 {
  :trial a ctkg:Trial ; rdfs:label "T" ; ctkg:title "First title" .
  :iv a ctkg:Intervention ; rdfs:label "d in A" ; ctkg:drug :drug ; ctkg:interventionType "drug" .
}
:g2 {
  :trial a ctkg:Trial ; rdfs:label "T" ; ctkg:title "Second title" .
  :drug a ctkg:Drug ; rdfs:label "d" .
}
"""


def store() -> pyoxigraph.Store:
    s = pyoxigraph.Store()
    s.load(TRIG.encode(), pyoxigraph.RdfFormat.TRIG)
    rebuild_union(s)  # the default graph holds the union, as in every ctkg store
    return s


def shapes(findings) -> set[tuple[str, str]]:
    return {(f.focus.rsplit("/", 1)[1], f.shape.rsplit("#", 1)[1]) for f in findings}


def test_each_named_graph_is_validated_on_its_own():
    reports = validate_named_graphs(store())
    # g1 names a drug it does not describe; g2's description of it does not count for g1
    assert shapes(reports["http://example.org/v/g1"].findings) == {("iv", "Intervention-drug")}
    assert "http://example.org/v/g2" not in reports


def test_the_whole_store_sees_what_spans_documents():
    found = shapes(validate_store(store()).findings)
    assert ("trial", "Trial-title") in found  # two titles, one from each document
    assert ("iv", "Intervention-drug") not in found  # the drug is described, in g2


def test_shared_nodes_only():
    found = shapes(validate_store(store(), shared_only=True).findings)
    assert found == {("trial", "Trial-title")}  # :iv is typed in one graph only
